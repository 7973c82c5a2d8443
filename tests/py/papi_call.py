#!/usr/bin/env python3
"""Calls one message with FD.io's vpp_papi, for tests/cli/api.rs (the referee).

usage: papi_call.py API_DIR SOCKET MESSAGE [JSON] [--events SECONDS]

Prints the answer as JSON: the reply's fields, or a list of details for a
dump, without _0/context/client_index (vpp_papi's bookkeeping).

With --events: prints the reply as one line, then every event VPP sends
(one JSON object a line, flushed) until SECONDS have passed or stdin closes.
"""

import glob
import json
import os
import select
import sys
import time

from vpp_papi import VPPApiClient


def plain(v):
    if hasattr(v, "_asdict"):
        return {k: plain(x) for k, x in v._asdict().items() if k not in ("_0", "context", "client_index")}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, (int, float, bool, str)) or v is None:
        return v
    return str(v)


def main():
    argv = sys.argv[1:]
    events = None
    if "--events" in argv:
        i = argv.index("--events")
        events = float(argv[i + 1])
        del argv[i : i + 2]
    apidir, sock, msg = argv[:3]
    args = json.loads(argv[3]) if len(argv) > 3 else {}
    apifiles = sorted(glob.glob(os.path.join(apidir, "**", "*.api.json"), recursive=True))
    vpp = VPPApiClient(apifiles=apifiles, server_address=sock, use_socket=True, read_timeout=5)
    if events is not None:
        vpp.register_event_callback(lambda name, ev: print(json.dumps(plain(ev)), flush=True))
    vpp.connect("papi-call")
    try:
        out = getattr(vpp.api, msg)(**args)
        print(json.dumps(plain(out)), flush=True)
        if events is not None:
            # Until the deadline, or until the test closes our stdin.
            deadline = time.monotonic() + events
            while time.monotonic() < deadline:
                ready, _, _ = select.select([sys.stdin], [], [], 0.1)
                if ready and not sys.stdin.read(1):
                    break
    finally:
        vpp.disconnect()


main()
