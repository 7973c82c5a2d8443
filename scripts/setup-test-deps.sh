#!/usr/bin/env bash
# Installs what the tests need, once: FD.io's Python client (the referee for
# the codec, the simulator and the stats segment) and man-db (`man -l` renders
# the committed man pages). Safe to run again.
set -euo pipefail

py=${PYTHON:-python3}
if ! "$py" -c 'import vpp_papi' 2>/dev/null; then
  echo "== installing vpp-papi"
  "$py" -m pip install --quiet --disable-pip-version-check vpp-papi
fi

if ! man --version >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      sudo="sudo"
    fi
    echo "== installing man-db"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends man-db >/dev/null
  else
    echo "== man-db is missing and there is no apt-get: the man page test skips (fails under CI=true)"
  fi
fi
