"""Read every path of a stats segment with FD.io's vpp_papi and print it as JSON.

Usage: read_stats.py SOCKET. Output: {path: {"type": ..., "value": ...}} in the shapes of
golden/stats/expected.json, so the Rust tests can compare vpp_papi's view with vppx's.
"""

import json
import sys

from vpp_papi.vpp_stats import VPPStats

TYPES = {
    1: "scalar",
    2: "counter_vector_simple",
    3: "counter_vector_combined",
    4: "name_vector",
    6: "symlink",
    7: "histogram_log2",
    9: "gauge",
}


def plain(value):
    """vpp_papi's list and tuple subclasses, as plain JSON values."""
    if hasattr(value, "min_exp"):
        return {"min_exp": value.min_exp, "bins": plain(value.bins)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def main():
    stats = VPPStats(socketname=sys.argv[1], timeout=5)
    stats.connect()
    out = {}
    for path, entry in list(stats.directory.items()):
        kind = TYPES.get(entry.type)
        if kind is None:
            continue
        out[path] = {"type": kind, "value": plain(stats[path])}
    stats.disconnect()
    json.dump(out, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
