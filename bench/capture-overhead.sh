#!/usr/bin/env bash
# The capture proxy's cost (issue 12): W1 (1000 x /delay/100, 100 at a time) with curl --parallel, directly
# and through `crawlscope capture`, in one run, against `crawlscope serve-demo` as a separate process.
#
#   bench/capture-overhead.sh [path/to/crawlscope] [passes]
#
# Prints one line per pass: each transfer's time_total (curl's own clock) as a median, direct and proxied,
# and their difference: what the proxy adds per request. Target: added_ms <= 1 at the median, on loopback.
# The proxy's own summary (its median own time per request) is printed after it, from its Ctrl+C report.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-"$repo_root/build/bin/crawlscope"}
passes=${2:-3}
readonly requests=1000 limit=100 py=/usr/bin/python3
if [[ ! -x $bin ]]; then
    echo "error: $bin is not an executable; build the project first or pass the binary's path" >&2
    exit 2
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "error: curl is not installed (Debian package curl)" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crawlscope-capture-bench.XXXXXX")
server_pid= proxy_pid=
cleanup() {
    for pid in $proxy_pid $server_pid; do
        kill -INT "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

# Waits for a line matching $2 in file $1 and prints it.
wait_for_line() {
    for _ in $(seq 100); do
        if grep -m1 "$2" "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "error: no \"$2\" in $1" >&2
    cat "$1" >&2
    exit 1
}

"$bin" serve-demo --port 0 >"$tmp/server.out" 2>&1 &
server_pid=$!
base=$(wait_for_line "$tmp/server.out" 'listening on' | grep -o 'http://[0-9.:]*')
QT_QPA_PLATFORM=offscreen "$bin" capture --port 0 >"$tmp/proxy.out" 2>"$tmp/proxy.err" &
proxy_pid=$!
proxy=$(wait_for_line "$tmp/proxy.out" 'listening on' | grep -o 'http://[0-9.:]*')

for ((i = 0; i < requests; ++i)); do
    printf 'url = "%s/delay/100"\noutput = "/dev/null"\n' "$base"
done >"$tmp/urls.cfg"

# One curl per way, the same config; -w prints every transfer's total on curl's own clock.
for ((i = 0; i < 300; ++i)); do
    printf 'url = "%s/delay/0"\noutput = "/dev/null"\n' "$base"
done >"$tmp/zero.cfg"
timed_curl() {
    local config=$1 parallel=$2
    shift 2
    curl --silent --no-progress-meter --parallel --parallel-immediate --parallel-max "$parallel" \
        -w '%{time_total}\n' --config "$config" "$@" 2>/dev/null
}
compare() {
    "$py" - "$1" "$tmp/direct.txt" "$tmp/proxied.txt" <<'PY'
import statistics, sys
direct = [float(x) * 1000 for x in open(sys.argv[2]) if x.strip()]
proxied = [float(x) * 1000 for x in open(sys.argv[3]) if x.strip()]
d, p = statistics.median(direct), statistics.median(proxied)
print(f"capture_overhead {sys.argv[1]} transfers={len(direct)}/{len(proxied)} direct_median_ms={d:.3f} "
      f"proxied_median_ms={p:.3f} added_ms={p - d:.3f} met={'yes' if p - d <= 1.0 else 'NO'}")
PY
}

echo "# W1 through the capture proxy: $requests x /delay/100, $limit at a time; then 300 x /delay/0 one at a time"
echo "# (the proxy's added latency without queueing); $passes passes, each direct then proxied"
for ((pass = 1; pass <= passes; ++pass)); do
    timed_curl "$tmp/urls.cfg" "$limit" --noproxy '*' >"$tmp/direct.txt"
    timed_curl "$tmp/urls.cfg" "$limit" --proxy "$proxy" >"$tmp/proxied.txt"
    compare W1
    timed_curl "$tmp/zero.cfg" 1 --noproxy '*' >"$tmp/direct.txt"
    timed_curl "$tmp/zero.cfg" 1 --proxy "$proxy" >"$tmp/proxied.txt"
    compare sequential-0ms
done

kill -INT "$proxy_pid"
wait "$proxy_pid" || true
proxy_pid=
grep -m1 'captured' "$tmp/proxy.out" | sed 's/^/# /'
