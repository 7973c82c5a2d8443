#!/usr/bin/env bash
# Load-tests `vppx serve`: a simulator with 1,000 interfaces (N), the agent in front of
# it (release build), then wrk against /metrics and /interfaces. Prints requests/s,
# p99 latency and errors per endpoint.
#
#   scripts/bench-serve.sh                 # N=1000 DURATION=10s CONNECTIONS=32 THREADS=2
#   N=200 DURATION=5s scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup-test-deps.sh" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/vppx
dir=$(mktemp -d)
sim=""
serve=""
cleanup() {
  [ -n "$serve" ] && kill "$serve" 2>/dev/null && wait "$serve" 2>/dev/null
  [ -n "$sim" ] && kill "$sim" 2>/dev/null && wait "$sim" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

ifaces=$(seq -s, -f 'pg%g' 0 $((N - 1)))
"$bin" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces "$ifaces" \
  >"$dir/sim.log" 2>&1 &
sim=$!
for _ in $(seq 100); do [ -S "$dir/api.sock" ] && break; sleep 0.1; done

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
count=$(curl -s "http://$addr/interfaces" | grep -o '"sw_if_index"' | wc -l)
echo "simulator: $count interfaces; agent on $addr; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
printf '%-12s %12s %10s %10s %8s\n' endpoint 'requests/s' 'p50' 'p99' errors
for path in /metrics /interfaces; do
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://$addr$path")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  errors=$(( ${non2xx:-0} + ${sock:-0} ))
  printf '%-12s %12s %10s %10s %8s\n' "$path" "$rps" "$p50" "$p99" "$errors"
done
