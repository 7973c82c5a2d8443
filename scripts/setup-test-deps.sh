#!/usr/bin/env bash
# Installs what the tests need, once: FD.io's Python client (the referee for
# the codec, the simulator and the stats segment), ansible-core (the fleet role's
# test), Debian packages, cargo-fuzz (scripts/fuzz.sh) and schemathesis
# (scripts/schemathesis.sh). Safe to run again.
#
#   scripts/setup-test-deps.sh [fuzz|schemathesis]   (only that part)
set -euo pipefail

py=${PYTHON:-python3}
only=${1:-}

# cargo-fuzz drives libFuzzer (see fuzz/README.md).
if [ -z "$only" ] || [ "$only" = fuzz ]; then
  if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked --quiet
  fi
fi
# schemathesis holds the agent to its OpenAPI document.
if [ -z "$only" ] || [ "$only" = schemathesis ]; then
  if ! "$py" -m schemathesis.cli --version >/dev/null 2>&1 && ! command -v schemathesis >/dev/null 2>&1; then
    echo "== installing schemathesis"
    "$py" -m pip install --quiet --disable-pip-version-check 'schemathesis>=4.32,<5'
  fi
fi
[ -z "$only" ] || exit 0
if ! "$py" -c 'import vpp_papi' 2>/dev/null; then
  echo "== installing vpp-papi"
  "$py" -m pip install --quiet --disable-pip-version-check vpp-papi
fi
# ansible-core runs deploy/ansible/'s playbook against simulators (tests/cli/fleet.rs).
if ! command -v ansible-playbook >/dev/null 2>&1 && ! "$py" -c 'import ansible' 2>/dev/null; then
  echo "== installing ansible-core"
  "$py" -m pip install --quiet --disable-pip-version-check 'ansible-core>=2.16,<2.19'
fi

# Debian packages: man-db (`man -l` renders the committed man pages), and for
# `vppx serve`'s tests and benchmark a real Prometheus (the scrape test) and wrk
# (scripts/bench-serve.sh). Without apt (outside CI), the tests that need them
# skip with a notice; under CI=true they fail instead.
missing=()
man --version >/dev/null 2>&1 || missing+=(man-db)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
# systemd-analyze rates deploy/vppx-serve.service's sandboxing (the unit test).
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo=(sudo -n)
  fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ ${#sudo[@]} -gt 0 ]; }; then
    echo "== installing ${missing[*]}"
    if ! { ${sudo[@]+"${sudo[@]}"} apt-get update -qq &&
      ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; }; then
      echo "warning: could not install ${missing[*]}; the tests that need them will skip (or fail under CI=true)" >&2
    fi
  else
    echo "warning: ${missing[*]} missing and apt-get unavailable; the tests that need them will skip (or fail under CI=true)" >&2
  fi
fi
