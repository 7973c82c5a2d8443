#!/usr/bin/env python3
"""Programs the routes of a vppx route CSV the way a user would with FD.io's
vpp_papi: one synchronous ip_route_add_del per route. Prints routes/second.

usage: papi_routes.py API_DIR SOCKET ROUTES.CSV
"""
import csv
import glob
import os
import sys
import time

from vpp_papi import VPPApiClient


def main():
    api_dir, socket, path = sys.argv[1:4]
    files = glob.glob(os.path.join(api_dir, "**", "*.api.json"), recursive=True)
    vpp = VPPApiClient(apifiles=files, server_address=socket, use_socket=True)
    vpp.connect("papi-routes")
    index = {i.interface_name: i.sw_if_index for i in vpp.api.sw_interface_dump()}
    routes = []
    with open(path) as f:
        for row in csv.DictReader(l for l in f if l.strip() and not l.startswith("#")):
            routes.append(row)
    start = time.monotonic()
    for row in routes:
        path = {
            "sw_if_index": index.get(row.get("interface") or "", 0xFFFFFFFF),
            "proto": 1 if ":" in row["prefix"] else 0,
            "nh": {"address": {"ip6" if ":" in row["prefix"] else "ip4": row["next_hop"]}},
            "weight": 1,
            "n_labels": 0,
            "label_stack": [{}] * 16,
        }
        r = vpp.api.ip_route_add_del(
            is_add=True,
            is_multipath=False,
            route={"table_id": 0, "prefix": row["prefix"], "n_paths": 1, "paths": [path]},
        )
        if r.retval != 0:
            sys.exit(f"{row['prefix']}: retval {r.retval}")
    elapsed = time.monotonic() - start
    vpp.disconnect()
    print(f"{len(routes) / elapsed:.0f}")


if __name__ == "__main__":
    main()
