#!/usr/bin/env bash
# Load-tests `vppx serve`: a simulator with 1,000 interfaces (N), the agent in front of
# it (release build, default flags), then wrk (THREADS threads, CONNECTIONS connections,
# DURATION) against /metrics, then /interfaces. Prints, per endpoint, requests/s, the p50
# and p99 latency wrk measured, and errors (non-2xx answers plus socket errors). The
# simulator, the agent and wrk share the machine, so the load average is printed too.
# Whatever it started (simulator, agent, wrk) is stopped on exit, also on Ctrl-C or TERM.
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
# What this script started, in order; stopped in reverse order on exit.
started=()
cleanup() {
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do kill "${started[i]}" 2>/dev/null || true; done
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do wait "${started[i]}" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
# A trapped signal ends a `wait` at once (then the EXIT trap runs); without these traps bash
# would die on TERM without cleaning up.
trap 'exit 130' INT
trap 'exit 143' TERM

ifaces=$(seq -s, -f 'pg%g' 0 $((N - 1)))
"$bin" sim --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" --interfaces "$ifaces" \
  >"$dir/sim.log" 2>&1 &
started+=("$!")
for _ in $(seq 100); do [ -S "$dir/api.sock" ] && break; sleep 0.1; done

"$bin" --socket "$dir/api.sock" --stats-socket "$dir/stats.sock" serve --listen 127.0.0.1:0 \
  2>"$dir/serve.log" &
started+=("$!")
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %12s %10s %10s %8s\n' endpoint 'requests/s' 'p50' 'p99' errors
for path in /metrics /interfaces; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://$addr$path" >"$dir/wrk.out" &
  started+=("$!")
  wait "$!"
  out=$(<"$dir/wrk.out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  errors=$(( ${non2xx:-0} + ${sock:-0} ))
  printf '%-12s %12s %10s %10s %8s\n' "$path" "$rps" "$p50" "$p99" "$errors"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
