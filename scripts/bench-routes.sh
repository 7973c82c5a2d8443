#!/usr/bin/env bash
# Route programming, side by side in one run against the simulator:
# `vppx route load` (release build, default connections and window) and a
# plain synchronous vpp_papi script, on the same N routes. Also reports the
# peak RSS of `vppx route load`.
#
# usage: scripts/bench-routes.sh [N]      (default 20000)
#        PAPI=0 scripts/bench-routes.sh 1000000   (vppx only: the script
#        would take minutes at vpp_papi's rate)
# Then `vppx route list` of the loaded FIB, as a table and as JSON: time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
scripts/setup-test-deps.sh >/dev/null
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

start_sim() {
  rm -f "$dir/api.sock" "$dir/stats.sock"
  # Every route's counters live in the stats segment: room for a million and more.
  "$vppx" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces pg0,pg1 \
    --statseg-size 1G 2>/dev/null &
  sim=$!
  for _ in $(seq 1 200); do
    [ -S "$dir/api.sock" ] && break
    kill -0 "$sim" 2>/dev/null || { echo "vppx sim did not start" >&2; exit 1; }
    sleep 0.05
  done
  "$vppx" --socket "$dir/api.sock" iface configure pg0 192.0.2.1/24 >/dev/null
}

start_sim
read -r vppx_rate rss <<<"$(python3 - "$vppx" "$dir" <<'PY'
import json, resource, subprocess, sys
vppx, d = sys.argv[1], sys.argv[2]
out = subprocess.run([vppx, "--socket", f"{d}/api.sock", "--json", "route", "load", f"{d}/routes.csv"],
                     check=True, capture_output=True, text=True).stdout
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB
print(f"{json.loads(out)['routes_per_second']:.0f} {rss / 1024:.1f}")
PY
)"
list_figures() {
  python3 - "$vppx" "$dir" "$@" <<'PY'
import resource, subprocess, sys, time
vppx, d, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
t = time.monotonic()
subprocess.run([vppx, "--socket", f"{d}/api.sock", *extra, "route", "list"],
               check=True, stdout=subprocess.DEVNULL)
secs = time.monotonic() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB
print(f"{secs:.2f}s (peak RSS {rss / 1024:.1f} MiB)")
PY
}
list_table=$(list_figures)
list_json=$(list_figures --json)
kill "$sim"; wait "$sim" 2>/dev/null || true; sim=

echo "routes:                       $n"
echo "vppx route load:              $vppx_rate routes/s (peak RSS ${rss} MiB)"
echo "vppx route list (table):      $list_table"
echo "vppx --json route list:       $list_json"
if [ "${PAPI:-1}" != 0 ]; then
  start_sim
  papi_rate=$(python3 scripts/py/papi_routes.py apigen/vpp-api "$dir/api.sock" "$dir/routes.csv")
  echo "vpp_papi, synchronous script: $papi_rate routes/s"
  python3 -c "print(f'ratio:                        {$vppx_rate / $papi_rate:.0f}x')"
fi
