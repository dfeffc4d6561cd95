#!/bin/sh
# Issue 13, item 4: the peak RSS of crawling PAGES pages of LINKS distinct links each (default 5 x 1 000 000),
# with the default memory bounds and with them off. Prints GNU time's maximum resident set size, and the
# summary's memory-bounds lines (links dropped, pages read only as far as their first --max-links links).
# Target: under 300 MB with the default bounds (bench/RESULTS.md).
#   bench/hostile/crawl-memory.sh build/bin/crawlscope [PAGES] [LINKS]
set -eu
binary=${1:?usage: crawl-memory.sh CRAWLSCOPE [PAGES] [LINKS]}
pages=${2:-5}
links=${3:-1000000}
port=18913
here=$(dirname "$0")
python3 "$here/manylinks_server.py" "$port" "$pages" "$links" &
server=$!
trap 'kill $server' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do
    curl -s -o /dev/null "http://127.0.0.1:$port/robots.txt" && break
    sleep 1
done
# Warm the server's page cache so that its build time is not the crawl's.
for k in $(seq 1 $((pages - 1))); do curl -s -o /dev/null "http://127.0.0.1:$port/p/$k"; done
curl -s -o /dev/null "http://127.0.0.1:$port/"
run() {
    label=$1
    shift
    /usr/bin/time -f "$label: max RSS %M KiB, wall %e s" "$binary" run --crawl --max-pages "$pages" --depth 1 \
        "$@" "http://127.0.0.1:$port/" >/tmp/crawl-memory.out 2>/tmp/crawl-memory.err || true
    tail -1 /tmp/crawl-memory.err
    grep -E "crawl \(|memory bounds" /tmp/crawl-memory.out || true
}
run "default bounds (10 000 links per page, 50 000 skips kept)"
run "no bounds (--max-links 0 --max-skipped 0)" --max-links 0 --max-skipped 0
