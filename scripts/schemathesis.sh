#!/usr/bin/env bash
# Holds `vppx serve` to its own OpenAPI document with schemathesis (property-based).
#
#   scripts/schemathesis.sh [EXAMPLES] [schemathesis run options...]
#
# Starts `vppx --sim serve` on a free loopback port with a bearer token, points
# schemathesis at its GET /openapi.json and runs every operation with EXAMPLES generated
# inputs per operation and phase (default 30), with every check: no 5xx other than a
# documented 503/504, statuses, content types and bodies (and each SSE event) as
# documented, schema-valid requests accepted, schema-violating ones refused. The
# document's formats (`ip-prefix`, `acl-rule`, ...) are taught to schemathesis by
# tests/schemathesis/hooks.py. Set VPPX to use another vppx binary (default: a debug
# build, made if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

examples=${1:-30}
shift || true

scripts/setup-test-deps.sh schemathesis
vppx=${VPPX:-target/debug/vppx}
if [ -z "${VPPX:-}" ]; then
  cargo build --quiet --bin vppx
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

token=schemathesis-$RANDOM$RANDOM
printf '%s\n' "$token" >"$work/token"
"$vppx" --sim serve --listen 127.0.0.1:0 --token-file "$work/token" >"$work/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 1 100); do
  url=$(sed -nE 's/.*listening on (http:\/\/[0-9.:]+).*/\1/p' "$work/serve.log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "vppx serve did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
echo "== schemathesis against $url ($examples examples per operation)"

export PYTHONPATH="$PWD/tests/schemathesis${PYTHONPATH:+:$PYTHONPATH}"
export SCHEMATHESIS_HOOKS=hooks
py=${PYTHON:-python3}
status=0
"$py" -m schemathesis.cli --no-color run "$url/openapi.json" \
  -H "Authorization: Bearer $token" \
  --max-examples "$examples" \
  --request-timeout 20 \
  "$@" || status=$?

# The agent must still answer after all of it.
if ! curl -sf "$url/healthz" >/dev/null; then
  echo "vppx serve no longer answers /healthz" >&2
  status=1
fi
if ! kill -0 "$server" 2>/dev/null; then
  echo "vppx serve exited:" >&2
  tail -n 20 "$work/serve.log" >&2
  status=1
fi
exit "$status"
