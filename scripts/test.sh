#!/usr/bin/env bash
# The whole test suite: installs what the tests need (idempotently), then
# runs every check. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

export VPPX_SHARED="${VPPX_SHARED:-$(cd .. && pwd)/shared}"

scripts/setup-test-deps.sh

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
echo "== every generated binapi module compiles"
cargo check --features all-apis --quiet
echo "== cargo test"
cargo test --workspace
