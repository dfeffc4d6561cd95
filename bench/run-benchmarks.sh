#!/usr/bin/env bash
# Crawlscope's end-to-end benchmarks, W1-W3 (see bench/README.md), with bare QNAM, curl and aiohttp as peers.
#
#   bench/run-benchmarks.sh [--rounds N] [path/to/crawlscope]
#
# Each workload runs N rounds (default 3) of every client in turn: one round on a 2-core machine varies by
# several percent from the next. A target against the ideal takes the median of Crawlscope's walls, one
# against a peer the median of the rounds' own ratios.
#
# The binary defaults to build/bin/crawlscope under the repository root; crawlscope-qnam-floor is
# taken from the same directory, and bench/aiohttp_peer.py runs under /usr/bin/python3 (python3-aiohttp).
# The demo server runs as a separate process on a free loopback port, so its work is not counted in the
# crawler's process. Results are printed, one line per measurement; copy them into bench/RESULTS.md.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly repo_root
readonly py=/usr/bin/python3 # Debian's python: the standard library, plus python3-aiohttp for that peer
readonly run_timeout_s=300

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
fi
rounds=3
if [[ ${1:-} == --rounds ]]; then
    if [[ ! ${2:-} =~ ^[1-9][0-9]*$ ]]; then
        echo "error: --rounds takes a whole number of at least 1, not '${2:-}'" >&2
        exit 2
    fi
    rounds=$2
    shift 2
fi
readonly rounds

bin=${1:-"$repo_root/build/bin/crawlscope"}
if [[ ! -x $bin ]]; then
    echo "error: $bin is not an executable; build the project first or pass the binary's path" >&2
    exit 2
fi
if [[ ! -x $py ]]; then
    echo "error: $py not found; install the Debian package python3" >&2
    exit 2
fi
have_curl=false
if command -v curl >/dev/null 2>&1; then
    have_curl=true
fi
# The bare-QNAM peer is built next to crawlscope (bench/net).
floor_bin="$(dirname "$bin")/crawlscope-qnam-floor"
readonly floor_bin
readonly floor_per_manager=6 # ManagerPool::ConnectionsPerLane (a lane's; the floor gives a manager 4 lanes, as the engine does)
have_floor=false
if [[ -x $floor_bin ]]; then
    have_floor=true
fi
readonly aiohttp_peer="$repo_root/bench/aiohttp_peer.py"
have_aiohttp=false
if "$py" -c 'import aiohttp' 2>/dev/null; then
    have_aiohttp=true
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crawlscope-bench.XXXXXX")
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# All arithmetic and JSON handling; bash has neither floats nor a JSON parser.
helper="$tmp/helper.py"
cat >"$helper" <<'EOF'
import glob, json, sys

def fmt(x, digits=1):
    return f"{x:.{digits}f}"

def save_wall(path, round_number, wall):
    # W1.wall holds Crawlscope's valid walls, "ROUND WALL" a line, and W1.wall.<peer> each peer's; "targets"
    # reads them all. A round that was not valid writes no line.
    with open(path, "a") as f:
        f.write(f"{round_number} {wall}\n")

def save_peer_wall(crawlscope_wall_path, peer, round_number, wall):
    save_wall(f"{crawlscope_wall_path}.{peer}", round_number, wall)

def walls_by_round(path):
    try:
        with open(path) as f:
            return {int(line.split()[0]): float(line.split()[1]) for line in f if line.strip()}
    except (OSError, ValueError, IndexError):
        return {}

def median(values):
    values = sorted(values)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2

def read_wall(path):
    # The median of the rounds' walls: the value the targets compare with the ideal.
    return median(walls_by_round(path).values())

def round_wall(path, round_number):
    # Crawlscope's wall in this round, for a peer's line of the same round.
    return walls_by_round(path).get(round_number)

cmd = sys.argv[1]
if cmd == "crawlscope":
    # crawlscope WORKLOAD JSON_FILE EXPECTED_REQUESTS NOMINAL_MS TARGET WALL_OUT ROUND
    name, path, expected, nominal, target, wall_out, round_number = sys.argv[2:9]
    expected, nominal = int(expected), float(nominal)
    with open(path) as f:
        runs = json.load(f)["runs"]
    if len(runs) != 1:
        print(f"{name} warning: expected one run in the JSON, got {len(runs)}; using the first")
    r = runs[0]
    wall, ideal = float(r["wall_ms"]), float(r["ideal_ms"])
    fields = [f"{name} crawlscope", f"wall_ms={fmt(wall)}", f"ideal_ms={fmt(ideal)}"]
    met = None
    if nominal > 0:
        ratio_nominal = wall / nominal
        fields.append(f"ratio_nominal={fmt(ratio_nominal, 3)}")
    if ideal > 0:
        fields.append(f"ratio_measured={fmt(wall / ideal, 3)}")
    if wall > 0:
        fields.append(f"requests_per_s={fmt(r['requests'] / (wall / 1000.0))}")
    fields.append(f"peak_in_flight={r['peak_in_flight']}")
    fields.append(f"ok={r['ok']} failed={r['failed']} cancelled={r['cancelled']}")
    if target != "-":
        met = ratio_nominal <= float(target)
        fields.append(f"target<={target} met={'yes' if met else 'NO'}")
    print(" ".join(fields))
    if r["requests"] != expected or r["ok"] != expected:
        print(f"{name} warning: expected {expected} successful requests, got requests={r['requests']}"
              f" ok={r['ok']}; this measurement is not valid")
        sys.exit(1)
    # One round's miss is shown above; the verdict is the targets line's, on the rounds' median.
    save_wall(wall_out, int(round_number), wall)
    sys.exit(0)

if cmd == "curl":
    # curl WORKLOAD START_NS END_NS CODES_FILE EXPECTED_REQUESTS CRAWLSCOPE_WALL_FILE PARALLEL_MAX ROUND
    name, start, end, codes_path, expected, crawlscope_wall_path, parallel, round_number = sys.argv[2:10]
    round_number = int(round_number)
    wall = (int(end) - int(start)) / 1e6
    expected = int(expected)
    with open(codes_path) as f:
        codes = f.read().split()
    ok = sum(1 for c in codes if c == "200")
    fields = [f"{name} curl", f"parallel_max={parallel}", f"wall_ms={fmt(wall)}",
              f"requests_per_s={fmt(expected / (wall / 1000.0))}"]
    crawlscope_wall = round_wall(crawlscope_wall_path, round_number)
    fields.append(f"crawlscope/curl={fmt(crawlscope_wall / wall, 3) if crawlscope_wall else 'n/a'}")
    fields.append(f"ok={ok} failed={len(codes) - ok}")
    print(" ".join(fields))
    if ok != expected:
        print(f"{name} warning: curl got {ok} HTTP 200 answers out of {expected}; this measurement is not valid")
    else:
        save_peer_wall(crawlscope_wall_path, "curl", round_number, wall)
    sys.exit(0)

if cmd == "peer":
    # peer WORKLOAD PEER OUTPUT_FILE STDERR_FILE EXPECTED_REQUESTS NOMINAL_MS CRAWLSCOPE_WALL_FILE ROUND FIELDS...
    # for the peers that print "wall_ms=... ok=..." themselves: qnam-floor and aiohttp.
    name, peer, out_path, err_path, expected, nominal, crawlscope_wall_path, round_number = sys.argv[2:10]
    round_number = int(round_number)
    expected, nominal = int(expected), float(nominal)
    with open(out_path) as f:
        result = dict(field.split("=", 1) for line in f if line.startswith("wall_ms=") for field in line.split())
    if "wall_ms" not in result:
        with open(err_path) as f:
            err = f.read().strip()
        print(f"{name} {peer} error: the peer gave no result; its stderr: {err or '(empty)'}")
        sys.exit(0)
    wall, ok = float(result["wall_ms"]), int(result["ok"])
    fields = [f"{name} {peer}", *sys.argv[10:], f"wall_ms={fmt(wall)}"]
    if nominal > 0:
        fields.append(f"ratio_nominal={fmt(wall / nominal, 3)}")
    fields.append(f"requests_per_s={fmt(expected / (wall / 1000.0))}")
    crawlscope_wall = round_wall(crawlscope_wall_path, round_number)
    fields.append(f"crawlscope/{peer}={fmt(crawlscope_wall / wall, 3) if crawlscope_wall else 'n/a'}")
    fields.append(f"ok={ok} failed={expected - ok}")
    print(" ".join(fields))
    if ok != expected:
        print(f"{name} warning: {peer} got {ok} HTTP 200 answers out of {expected}; this measurement is not valid")
    else:
        save_peer_wall(crawlscope_wall_path, peer, round_number, wall)
    sys.exit(0)

if cmd == "targets":
    # targets WORKLOAD CRAWLSCOPE_WALL_FILE NOMINAL_MS: the issue's targets as ratios within this run.
    name, crawlscope_wall_path, nominal = sys.argv[2], sys.argv[3], float(sys.argv[4])
    wall = read_wall(crawlscope_wall_path)
    peer_paths = {path[len(crawlscope_wall_path) + 1:]: path
                  for path in sorted(glob.glob(glob.escape(crawlscope_wall_path) + ".*"))}
    peers = {peer: read_wall(path) for peer, path in peer_paths.items()}
    peers = {peer: w for peer, w in peers.items() if w}
    if not wall:
        print(f"{name} targets: no valid Crawlscope measurement")
        sys.exit(1)
    yes = lambda met: "yes" if met else "NO"
    rounds = len(walls_by_round(crawlscope_wall_path))
    fields, met = [f"{name} targets", f"rounds={rounds}", f"crawlscope_median_wall_ms={fmt(wall)}"], True
    def check(label, value, ok):
        global met
        met = met and ok
        fields.append(f"{label}={value} met={yes(ok)}")
    def versus(peer):
        # Crawlscope's wall over the peer's. A round ran each client within seconds of the others, so each
        # round's own ratio is the measurement, and the median of those is the run's, over the rounds valid
        # for both.
        ours, theirs = walls_by_round(crawlscope_wall_path), walls_by_round(peer_paths[peer])
        paired = median(ours[r] / theirs[r] for r in ours.keys() & theirs.keys())
        return paired if paired is not None else wall / peers[peer]
    # The peers are the other clients (curl, aiohttp). The bare-QNAM floor is Qt under Crawlscope, not a
    # competitor: W3 has a target against it, W1 and W2 only show it.
    clients = {peer: w for peer, w in peers.items() if peer != "qnam-floor"}
    if name == "W1":
        check("crawlscope/ideal(<=1.03)", fmt(wall / nominal, 3), wall / nominal <= 1.03)
        for peer in clients:
            ratio = versus(peer)
            check(f"crawlscope/{peer}(<=1)", fmt(ratio, 3), ratio <= 1)
    elif name == "W2":
        check("crawlscope/ideal(<=2.0)", fmt(wall / nominal, 3), wall / nominal <= 2.0)
        if clients:
            best = min(clients, key=clients.get)
            ratio = versus(best)
            check(f"crawlscope/best_peer_{best}(<=0.8)", fmt(ratio, 3), ratio <= 0.8)
    if name in ("W1", "W2") and "qnam-floor" in peers:
        fields.append(f"crawlscope/qnam-floor={fmt(versus('qnam-floor'), 3)}(no_target)")
    if name == "W3":
        # Same request count for all, so the ratio of requests/s is the inverse ratio of wall times.
        for peer, bound in (("qnam-floor", 0.95), ("aiohttp", 1.2)):
            if peer in peers:
                ratio = 1 / versus(peer)
                check(f"requests_per_s_vs_{peer}(>={bound})", fmt(ratio, 3), ratio >= bound)
    if len(fields) == 3:
        fields.append("no peer measured")
    print(" ".join(fields))
    sys.exit(0 if met else 1)

if cmd == "free-port":
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
    sys.exit(0)

sys.exit(f"unknown helper command {cmd}")
EOF

# 1000 requests in flight means over 1000 sockets in the crawler and in the server.
wanted_nofile=8192
hard_nofile=$(ulimit -Hn)
if [[ $hard_nofile != unlimited ]] && ((hard_nofile < wanted_nofile)); then
    wanted_nofile=$hard_nofile
fi
if [[ $(ulimit -Sn) != unlimited ]] && (($(ulimit -Sn) < wanted_nofile)); then
    ulimit -Sn "$wanted_nofile"
fi

echo "# machine"
echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc=$(nproc)"
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "cpu=${cpu_model:-unknown}"
echo "kernel=$(uname -srm)"
echo "open_files_limit=$(ulimit -Sn)"
# What one system call costs here: a loop of getppid() less the same loop of monotonic_ns(), which makes
# none (the vDSO answers it).
# Qt's HTTP code makes about 196 a request (it reads a response's head a byte per read()), so on a machine
# where a call costs a microsecond, as on the VM of RESULTS.md's tenth and eleventh sessions, they are
# most of W3's time, for every client.
echo "syscall_us=$("$py" -c '
import os, time
def per_call(f, n=200000):
    start = time.perf_counter_ns()
    for _ in range(n):
        f()
    return (time.perf_counter_ns() - start) / n
print(f"{(per_call(os.getppid) - per_call(time.monotonic_ns)) / 1000:.2f}")')"
if commit=$(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null); then
    echo "commit=$commit"
fi
if version=$(QT_QPA_PLATFORM=offscreen timeout 10 "$bin" --version 2>/dev/null) && [[ -n $version ]]; then
    while IFS= read -r line; do
        echo "crawlscope --version: $line"
    done <<<"$version"
fi
if $have_floor; then
    echo "qnam_floor=$floor_bin"
else
    echo "qnam_floor=not found (build the crawlscope-qnam-floor target for the bare-QNAM peer)"
fi
if $have_curl; then
    echo "curl=$(curl --version | head -n 1)"
else
    echo "curl=not installed (apt-get install curl for the peer measurements)"
fi
if $have_aiohttp; then
    echo "aiohttp=$("$py" -c 'import aiohttp, sys; print(aiohttp.__version__, "python", sys.version.split()[0])')"
else
    echo "aiohttp=not installed (apt-get install python3-aiohttp for that peer)"
fi

port=$("$py" "$helper" free-port)
"$bin" serve-demo --port "$port" >"$tmp/server.log" 2>&1 &
server_pid=$!

server_answers() {
    if $have_curl; then
        curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"
    else
        "$py" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
            "http://127.0.0.1:$port/" 2>/dev/null
    fi
}
for ((attempt = 0; ; ++attempt)); do
    if server_answers; then
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "error: crawlscope serve-demo --port $port exited; its output:" >&2
        cat "$tmp/server.log" >&2
        exit 1
    fi
    if ((attempt >= 100)); then
        echo "error: the demo server did not answer on port $port within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
echo "server=http://127.0.0.1:$port/ pid=$server_pid"

targets_missed=()

# crawlscope_run WORKLOAD EXPECTED_REQUESTS NOMINAL_MS TARGET ARGS...
crawlscope_run() {
    local name=$1 expected=$2 nominal=$3 target=$4
    shift 4
    local out="$tmp/$name.json" err="$tmp/$name.stderr"
    if ! timeout --kill-after=5 "$run_timeout_s" "$bin" run "$@" >"$out" 2>"$err"; then
        echo "$name crawlscope error: 'crawlscope run $*' failed; its stderr:" >&2
        cat "$err" >&2
        targets_missed+=("$name")
        return 0
    fi
    if ! "$py" "$helper" crawlscope "$name" "$out" "$expected" "$nominal" "$target" "$tmp/$name.wall" \
        "$round"; then
        targets_missed+=("$name")
    fi
}

# qnam_floor_run WORKLOAD REQUESTS LIMIT NOMINAL_MS URL
qnam_floor_run() {
    local name=$1 requests=$2 limit=$3 nominal=$4 url=$5
    local out="$tmp/$name.floor" err="$tmp/$name.floor.stderr"
    # Exit status 1 means some answers were not 200; the helper reports that from the output.
    timeout --kill-after=5 "$run_timeout_s" "$floor_bin" "$url" "$requests" "$limit" "$floor_per_manager" \
        >"$out" 2>"$err" || true
    "$py" "$helper" peer "$name" qnam-floor "$out" "$err" "$requests" "$nominal" "$tmp/$name.wall" "$round" \
        "limit=$limit" "per_manager=$floor_per_manager"
}

# aiohttp_run WORKLOAD REQUESTS LIMIT NOMINAL_MS URL (limit 0: gather)
aiohttp_run() {
    local name=$1 requests=$2 limit=$3 nominal=$4 url=$5
    local out="$tmp/$name.aiohttp" err="$tmp/$name.aiohttp.stderr"
    timeout --kill-after=5 "$run_timeout_s" "$py" "$aiohttp_peer" "$url" "$requests" "$limit" \
        >"$out" 2>"$err" || true
    "$py" "$helper" peer "$name" aiohttp "$out" "$err" "$requests" "$nominal" "$tmp/$name.wall" "$round" \
        "limit=$([[ $limit == 0 ]] && echo gather || echo "$limit")"
}

# targets WORKLOAD NOMINAL_MS: the issue's targets, as ratios to the ideal and to the peers of this run.
targets() {
    if ! "$py" "$helper" targets "$1" "$tmp/$1.wall" "$2"; then
        if [[ ! " ${targets_missed[*]} " == *" $1 "* ]]; then
            targets_missed+=("$1")
        fi
    fi
}

# curl_run WORKLOAD REQUESTS PARALLEL_MAX URL
curl_run() {
    local name=$1 requests=$2 parallel=$3 url=$4
    local config="$tmp/$name.curl" codes="$tmp/$name.codes"
    local i start end
    for ((i = 0; i < requests; ++i)); do
        printf 'url = "%s"\noutput = "/dev/null"\n' "$url"
    done >"$config"
    start=$(date +%s%N)
    # --parallel-immediate opens connections right away instead of waiting to multiplex (HTTP/1.1 cannot).
    timeout --kill-after=5 "$run_timeout_s" curl --silent --show-error --parallel --parallel-immediate --parallel-max "$parallel" \
        --write-out '%{http_code}\n' --config "$config" >"$codes" 2>"$tmp/$name.curl.stderr" || true
    end=$(date +%s%N)
    "$py" "$helper" curl "$name" "$start" "$end" "$codes" "$requests" "$tmp/$name.wall" "$parallel" "$round"
}

base="http://127.0.0.1:$port"

echo "# W1: 1000 x /delay/100 through a limit of 100; nominal ideal 1000 ms (10 waves of 100 ms); $rounds rounds"
for ((round = 1; round <= rounds; ++round)); do
    crawlscope_run W1 1000 1000 1.03 --mode limited --limit 100 --repeat 1000 "$base/delay/100" --json
    if $have_floor; then
        qnam_floor_run W1 1000 100 1000 "$base/delay/100"
    fi
    if $have_curl; then
        curl_run W1 1000 100 "$base/delay/100"
    fi
    if $have_aiohttp; then
        aiohttp_run W1 1000 100 1000 "$base/delay/100"
    fi
done
targets W1 1000

echo "# W2: 1000 x /delay/100 all at once (gather); nominal ideal 100 ms; $rounds rounds"
if $have_curl; then
    echo "# W2 curl: curl caps --parallel-max at 300, so it runs at most 300 at a time; its own ideal is 400 ms (4 waves), not 100 ms"
fi
for ((round = 1; round <= rounds; ++round)); do
    crawlscope_run W2 1000 100 2.0 --mode gather --repeat 1000 "$base/delay/100" --json
    if $have_floor; then
        # A limit as large as the run is a gather; the floor still spreads it over lanes of 6 (4 a manager).
        qnam_floor_run W2 1000 1000 100 "$base/delay/100"
    fi
    if $have_curl; then
        curl_run W2 1000 300 "$base/delay/100"
    fi
    if $have_aiohttp; then
        aiohttp_run W2 1000 0 100 "$base/delay/100"
    fi
done
targets W2 100

echo "# W3: 10000 x /delay/0 through a limit of 50; measures per-request overhead as requests/s; $rounds rounds"
for ((round = 1; round <= rounds; ++round)); do
    crawlscope_run W3 10000 0 - --mode limited --limit 50 --repeat 10000 "$base/delay/0" --json
    if $have_floor; then
        qnam_floor_run W3 10000 50 0 "$base/delay/0"
    fi
    if $have_curl; then
        curl_run W3 10000 50 "$base/delay/0"
    fi
    if $have_aiohttp; then
        aiohttp_run W3 10000 50 0 "$base/delay/0"
    fi
done
targets W3 0

if ((${#targets_missed[@]} == 0)); then
    echo "# all targets met"
else
    echo "# targets missed or measurements invalid: ${targets_missed[*]}"
fi
