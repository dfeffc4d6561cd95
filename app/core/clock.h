#pragma once

#include <QtGlobal>

#include <chrono>

namespace Clock {

// Every timestamp in Crawlscope comes from this one monotonic clock (CLOCK_MONOTONIC on Linux),
// so phases recorded on different threads and by different objects can be compared directly.
inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace Clock
