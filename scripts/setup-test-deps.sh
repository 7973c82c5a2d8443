#!/usr/bin/env bash
# Installs what the tests need, once: FD.io's Python client (the referee for
# the codec, the simulator and the stats segment). Safe to run again.
set -euo pipefail

py=${PYTHON:-python3}
if ! "$py" -c 'import vpp_papi' 2>/dev/null; then
  echo "== installing vpp-papi"
  "$py" -m pip install --quiet --disable-pip-version-check vpp-papi
fi
