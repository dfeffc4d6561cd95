#!/usr/bin/env bash
# Builds the libFuzzer targets in the asan preset's tree (build/asan: clang, AddressSanitizer + UBSan) and runs
# each for a bounded time, as many at once as there are cores.
#   fuzz/run.sh                      every target, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=10 fuzz/run.sh har  only fuzz_har, for 10 s
# Each target starts from its seed corpus (fuzz/corpus/<name>, plus the real HARs of tests/app/export/har for
# the importers); what it finds goes to build/asan/fuzz-corpus, crashes to build/asan/fuzz-artifacts. A crash
# fails the script, and becomes a regression test (tests/) and a fix.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/asan"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_BUILD_JOBS:-$(nproc)}"
targets=(urllist links robots retryafter json csv har)
if (($#)); then
    targets=("$@")
fi

launcher=$(command -v ccache || true)
(cd "$root" && cmake --preset asan ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher} >/dev/null)
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# One target for its time; its exit status says whether it found something.
fuzz_one() {
    local target=$1
    local corpus="$build/fuzz-corpus/$target"
    local artifacts="$build/fuzz-artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    local seeds=("$root/fuzz/corpus/$target")
    if [[ $target == har ]]; then
        seeds+=("$root/tests/app/export/har")
    fi
    "$build/fuzz/fuzz_$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$build/fuzz_$target.log" 2>&1
}

# Each fuzzer is one process on one core, so the targets run side by side, nproc at a time.
cores=$(nproc)
declare -A names=()
running=0
status=0
reap() {
    local pid result=0
    wait -n -p pid || result=$?
    running=$((running - 1))
    local target=${names[$pid]}
    if ((result != 0)); then
        echo "fuzz_$target FOUND A CRASH: see $build/fuzz_$target.log and $build/fuzz-artifacts/$target/" >&2
        tail -n 40 "$build/fuzz_$target.log" >&2
        status=1
    else
        echo "fuzz_$target: ${seconds} s, $(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' \
            "$build/fuzz_$target.log" | tr '\n' ' ')"
    fi
}
for target in "${targets[@]}"; do
    ((running < cores)) || reap
    fuzz_one "$target" &
    names[$!]=$target
    running=$((running + 1))
done
while ((running > 0)); do
    reap
done
exit $status
