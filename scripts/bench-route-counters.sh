#!/usr/bin/env bash
# `vppx stats routes` with N routes in the FIB (default 1,000,000), against the simulator:
# how long each interval takes to read and rank every route's counters (the NDJSON's
# scan_seconds), how long the first route dump takes, and the command's peak RSS.
#
# usage: scripts/bench-route-counters.sh [N] [INTERVALS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
intervals=${2:-5}
cargo build --release --quiet
vppx=target/release/vppx

dir=$(mktemp -d)
sim=
stop() {
  if [ -n "$sim" ]; then
    kill "$sim" 2>/dev/null || true
    wait "$sim" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT
python3 - "$n" "$dir/routes.csv" <<'PY'
import ipaddress, sys
n, out = int(sys.argv[1]), sys.argv[2]
base = int(ipaddress.ip_address("10.0.0.0"))
with open(out, "w") as f:
    f.write("prefix,next_hop,interface\n")
    for i in range(n):
        f.write(f"{ipaddress.ip_address(base + (i << 8))}/24,192.0.2.2,pg0\n")
PY
# Every route's counters live in the stats segment: room for a million and more.
"$vppx" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces pg0,pg1 \
  --statseg-size 1G 2>/dev/null &
sim=$!
for _ in $(seq 1 200); do
  [ -S "$dir/api.sock" ] && break
  kill -0 "$sim" 2>/dev/null || { echo "vppx sim did not start" >&2; exit 1; }
  sleep 0.05
done
v() { "$vppx" --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" "$@"; }
v iface configure pg0 192.0.2.1/24 >/dev/null
v iface up pg0 >/dev/null
v iface up pg1 >/dev/null
v route load "$dir/routes.csv" >/dev/null
# One flow, so that one route of the million is busy.
v cli "sim traffic pg1 1000pps 64B dst 10.0.7.0/24" >/dev/null

python3 - "$vppx" "$dir" "$intervals" "$n" <<'PY'
import json, resource, statistics, subprocess, sys, time
vppx, d, count, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t = time.monotonic()
out = subprocess.run([vppx, "--socket", f"{d}/api.sock", "--stats-socket", f"{d}/stats.sock",
                      "--json", "stats", "routes", "--top", "20", "--interval", "1s",
                      "--count", count], check=True, capture_output=True, text=True).stdout
wall = time.monotonic() - t
lines = [json.loads(l) for l in out.splitlines()]
scans = [l["scan_seconds"] * 1000 for l in lines]
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
top = lines[-1]["routes"][0]
print(f"routes in the FIB:            {n}")
print(f"intervals:                    {len(lines)} of 1s")
print(f"read and rank, per interval:  median {statistics.median(scans):.1f} ms, max {max(scans):.1f} ms")
print(f"first dump (map) and start:   {wall - len(lines):.2f} s")
print(f"peak RSS:                     {rss:.1f} MiB")
print(f"busiest route:                {top['prefix']} {top['pps']:.0f} pps")
PY
