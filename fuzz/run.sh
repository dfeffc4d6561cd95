#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build/fuzz and runs each for a bounded time.
#   fuzz/run.sh                      every target, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=10 fuzz/run.sh har  only fuzz_har, for 10 s
# Each target starts from its seed corpus (fuzz/corpus/<name>, plus the real HARs of tests/app/export/har for
# the importers); what it finds goes to build/fuzz/corpus, crashes to build/fuzz/artifacts. A crash fails the
# script, and becomes a regression test (tests/) and a fix.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${FUZZ_BUILD:-$root/build/fuzz}"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_BUILD_JOBS:-$(nproc)}"
targets=(urllist links robots retryafter json csv har)
if (($#)); then
    targets=("$@")
fi

launcher=$(command -v ccache || true)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCRAWLSCOPE_FUZZ=ON -DCRAWLSCOPE_BUILD_TESTS=OFF ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher} >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    seeds=("$root/fuzz/corpus/$target")
    if [[ $target == har ]]; then
        seeds+=("$root/tests/app/export/har")
    fi
    echo "fuzz_$target: ${seconds} s"
    if ! "$build/fuzz/fuzz_$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$build/fuzz_$target.log" 2>&1; then
        echo "fuzz_$target FOUND A CRASH: see $build/fuzz_$target.log and $artifacts" >&2
        tail -n 40 "$build/fuzz_$target.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/fuzz_$target.log" | tr '\n' ' '
        echo
    fi
done
exit $status
