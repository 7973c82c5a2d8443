#!/usr/bin/env bash
# The whole test suite: installs what the tests need (idempotently), then
# runs every check. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-test-deps.sh

# A clean CI checkout gains nothing from incremental state; it only costs disk.
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=0

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
echo "== every generated binapi module compiles"
cargo check --features all-apis --quiet
echo "== cargo test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
cargo test --workspace --all-targets 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole suite, summed over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1); if ($i ~ /^ignored/) s += $(i-1) } }
     END { printf "vppx: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
# Every fuzz target briefly (a broken harness or a shallow crash fails the build), and
# the agent held to its OpenAPI document: 20 examples per operation and phase. The
# coverage phase is left out: it builds boundary values from the schema alone, without
# the formats and cross-field rules the document states in words (see docs/design.md,
# “Fuzzing and the OpenAPI contract”).
echo "== fuzz (every target, 20 s)"
scripts/fuzz.sh 20 || status=1
# The instrumented build is not needed past this point; give its disk back.
[ -n "${CI:-}" ] && rm -rf fuzz/target/x86_64-unknown-linux-gnu
echo "== schemathesis"
scripts/schemathesis.sh 20 --phases examples,fuzzing,stateful || status=1
exit "$status"
