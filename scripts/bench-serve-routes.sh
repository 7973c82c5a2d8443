#!/usr/bin/env bash
# `GET /routes` with N routes in the FIB (default 1,000,000): starts `vppx sim`, loads N
# routes with `vppx route load`, starts `vppx serve` (release build, default flags),
# fetches GET /routes once with curl, and prints how long the whole body took, its size,
# the routes in it, and the agent's peak RSS (VmHWM from /proc before it is stopped).
#
#   scripts/bench-serve-routes.sh [N] [QUERY]     # e.g. scripts/bench-serve-routes.sh 1000000 counters=true
#
# Set VPPX to use another vppx binary (default: target/release/vppx, built if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
query=${2:-}

command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }
if [ -z "${VPPX:-}" ]; then
  cargo build --release --quiet --bin vppx
fi
bin=${VPPX:-target/release/vppx}

dir=$(mktemp -d)
sim=""
serve=""
cleanup() {
  if [ -n "$serve" ]; then kill "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true; fi
  if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

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
"$bin" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces pg0,pg1 \
  --statseg-size 1G >"$dir/sim.log" 2>&1 &
sim=$!
for _ in $(seq 100); do [ -S "$dir/api.sock" ] && break; sleep 0.1; done
v() { "$bin" --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" "$@"; }
v iface configure pg0 192.0.2.1/24 >/dev/null
v iface up pg0 >/dev/null
start=$(date +%s%N)
v route load "$dir/routes.csv" >/dev/null
echo "loaded $n routes in $(( ($(date +%s%N) - start) / 1000000 )) ms"

"$bin" --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" serve --listen 127.0.0.1:0 \
  2>"$dir/serve.log" &
serve=$!
addr=""
for _ in $(seq 100); do
  addr=$(grep -o 'listening on http://[^ ]*' "$dir/serve.log" | sed 's|listening on http://||' || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { echo "vppx serve did not start:" >&2; cat "$dir/serve.log" >&2; exit 1; }
for _ in $(seq 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$addr/readyz")" = 200 ] && break
  sleep 0.1
done
before=$(awk '/^VmHWM/ {print $2}' "/proc/$serve/status")

url="http://$addr/routes${query:+?$query}"
# curl fails (18) on a body cut short, so a complete transfer is checked here too.
stats=$(curl -sS --fail -o "$dir/routes.json" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$url")
read -r code first total size <<<"$stats"
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$serve/status")
last=$(tail -n 1 "$dir/routes.json")
[ "$last" = "]" ] || { echo "the body does not end the array: $last" >&2; exit 1; }
routes=$(( $(wc -l <"$dir/routes.json") - 2 ))

echo "GET /routes${query:+?$query}: HTTP $code, $routes routes, $(( size / 1048576 )) MiB"
echo "  first byte after:    ${first} s"
echo "  whole body after:    ${total} s"
echo "  agent peak RSS:      $(( peak / 1024 )) MiB (VmHWM; $(( before / 1024 )) MiB before the request)"
