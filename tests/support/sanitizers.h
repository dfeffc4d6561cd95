#pragma once

// Whether this test runs under AddressSanitizer (the asan preset, which .ci/run builds the whole suite in).
// ASan keeps every heap block in a redzone and shadow memory, keeps freed blocks in a quarantine (256 MiB by
// default) so a use after free is caught, and runs code 2-3 times slower. The few tests that bound a
// duration or the process's resident size scale those bounds by it, and still assert them.
namespace Sanitizers {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool Address = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool Address = true;
#else
inline constexpr bool Address = false;
#endif
#else
inline constexpr bool Address = false;
#endif

/// ASan's default quarantine: freed memory it keeps resident before reusing it.
inline constexpr long long QuarantineKiB = 256 * 1024;

/// A bound of the uninstrumented build, or the one that holds under the sanitizers.
template<typename T>
constexpr T bound(T plain, T sanitized)
{
    return Address ? sanitized : plain;
}

/// How long to wait for something that takes time, not a bound on it: three times as long under ASan.
constexpr int waitMs(int plain)
{
    return Address ? 3 * plain : plain;
}

} // namespace Sanitizers
