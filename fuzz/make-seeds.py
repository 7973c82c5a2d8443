#!/usr/bin/env python3
"""Writes each fuzz target's seed inputs to fuzz/seeds/TARGET/ from the project's own
data: the captured API sessions and stats segment (tests/golden), the example route and
ACL files, the captured CLI commands and VPP's .api.json definitions. Deterministic, so
the seeds only change when that data does. Usage: fuzz/make-seeds.py [OUT_DIR]"""

import gzip
import hashlib
import json
import os
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "seeds")


def golden(*parts):
    return os.path.join(root, "tests", "golden", *parts)


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def frame(body):
    return bytes(8) + struct.pack(">I", len(body)) + bytes(4) + body


def sessions():
    for name in ("session.jsonl", "session2.jsonl", "session3.jsonl"):
        with open(golden("api", name)) as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("truncated_from_bytes"):
                    continue
                yield rec


# frame: every captured body, framed, arriving in one read (first byte 255) or in
# pieces of 7 bytes; and the whole of a short exchange as one stream.
bodies = [bytes.fromhex(r["hex"]) for r in sessions()]
for b in bodies:
    if len(b) <= 4096:
        put("frame", bytes([255]) + frame(b))
put("frame", bytes([7]) + b"".join(frame(b) for b in bodies[:12] if len(b) <= 4096))

# client_protocol: [flags] then [message][context][length][payload] chunks, the payload
# being a captured answer's bytes after its id and context.
by_msg = {}
for r in sessions():
    if r["dir"] == "from_vpp":
        by_msg.setdefault(r["msg"].rsplit("_", 1)[0], []).append(bytes.fromhex(r["hex"]))
pick = {
    0: "show_version_reply",
    1: "sw_interface_details",
    2: "control_ping_reply",
    3: "sw_interface_tx_placement_details",
    4: "sw_interface_tx_placement_get_reply",
}
chunks = []
for sel, name in pick.items():
    for body in by_msg.get(name, [])[:2]:
        payload = body[6:255]
        ctx = {0: 0, 1: 1, 2: 2, 3: 3, 4: 3}[sel]
        chunks.append(bytes([sel, ctx, len(payload)]) + payload)
for flags in (0, 1, 2, 0x40):
    put("client_protocol", bytes([flags]) + b"".join(chunks))
put("client_protocol", bytes([0, 1, 0x80, 0]) + bytes([5, 0, 0]))
for r in sessions():
    if r["msg"].startswith("sw_interface_event"):
        body = bytes.fromhex(r["hex"])
        put("client_protocol", bytes([0, 9, 7, len(body[6:])]) + body[6:])
        break

# model_codec: a small module of VPP's definitions, a request, a captured body.
api_dir = os.path.join(root, "apigen", "vpp-api")
small = []
for dirpath, _, files in os.walk(api_dir):
    for f in sorted(files):
        if f.endswith(".api.json"):
            p = os.path.join(dirpath, f)
            small.append((os.path.getsize(p), p))
small.sort()
msgs = {r["msg"].rsplit("_", 1)[0]: bytes.fromhex(r["hex"])[2:] for r in sessions()}
for size, p in small[:6]:
    with open(p) as f:
        text = json.dumps(json.load(f), separators=(",", ":"))
    put("model_codec", text.encode() + b"\xff{}\xff" + bytes(16))
for name in ("vpe.api.json", "memclnt.api.json"):
    for dirpath, _, files in os.walk(api_dir):
        if name in files:
            with open(os.path.join(dirpath, name)) as f:
                text = json.dumps(json.load(f), separators=(",", ":"))
            body = msgs.get("show_version_reply", bytes(8))
            put("model_codec", text.encode() + b'\xff{"context":7}\xff' + body)

# stats_segment: [mode] then the captured segment's header and first pages (the
# directory and vectors lie beyond; the fuzzer starts from VPP's real layout), or
# patches to the target's own small segment.
with gzip.open(golden("stats", "segment.bin.gz")) as f:
    seg = f.read()
for n in (128, 4096, 16384):
    put("stats_segment", b"\x00" + seg[:n])
# The simulator's small segment as it is, and with a word of its header patched.
put("stats_segment", b"\x01")
put("stats_segment", b"\x01" + struct.pack("<H", 3) + struct.pack("<Q", 1))

# route_csv: the example file and one line of each form.
with open(os.path.join(root, "examples", "routes.csv")) as f:
    put("route_csv", f.read())
for line in [
    "10.0.0.0/8,192.0.2.1,pg0\n",
    "prefix,next_hop,interface,table,weight,preference\n2001:db8::/32,2001:db8::1,pg1,5,2,1\n2001:db8::/32,2001:db8::2,,5,1,\n",
    "192.0.2.0/24,drop\n",
    "next_hop,prefix\n10.0.0.1,10.1.0.0/16\n",
    '"10.0.0.0/8","192.0.2.1",loop0,0,255,0\r\n',
]:
    put("route_csv", line)

# acl_rules: [mode] then text: 0 a rule file, 1 words, 2 a JSON rule list.
with open(os.path.join(root, "examples", "rfc1918-drop.acl")) as f:
    put("acl_rules", b"\x00" + f.read().encode())
put("acl_rules", b"\x01permit src 198.51.100.0/24 proto tcp dport 80-443\x00deny any")
put("acl_rules", b"\x01permit+reflect src 2001:db8::/32 proto icmp6 sport 128 dport 0")
put("acl_rules", b"\x00deny src 10.0.0.0/8 dst 0.0.0.0/0 proto tcp tcp-flags 2/18\n")
put("acl_rules", b'\x02["deny src 10.0.0.0/8", {"action": "permit", "src": "198.51.100.0/24", "proto": "tcp", "dport": "80-443"}, {"action": "deny", "proto": 17, "sport": 53}]')

# rest_bodies: [parser] then the body, query or parameter.
for sel, body in [
    (0, '{"prefix":"10.20.0.0/16","next_hop":"10.10.10.2"}'),
    (0, '[{"prefix":"10.20.0.0/16","next_hop":"10.10.10.2","interface":"pg0","weight":2},{"prefix":"10.20.0.0/16","next_hop":"10.10.10.3"},{"prefix":"192.0.2.0/24","next_hop":"drop","table":5}]'),
    (1, 'rfc1918\n{"rules":["deny src 10.0.0.0/8",{"action":"permit","src":"0.0.0.0/0"}]}'),
    (2, '{"input":["a","b"],"output":[]}'),
    (3, '{"admin":"up"}'),
    (4, '{"address":"10.0.0.1/24"}'),
    (5, "table=5&prefix=10.0.0.0%2F8"),
    (6, "create_tables=true&table=1&force=false"),
    (7, "2001:db8::/32"),
    (8, "10.0.0.1/24"),
]:
    put("rest_bodies", bytes([sel]) + body.encode())

# apply_document: the example node, and small documents of each section.
with open(os.path.join(root, "examples", "node.yaml")) as f:
    put("apply_document", f.read())
for doc in [
    "interfaces:\n  - {name: pg0, admin: up, mtu: 1500, addresses: [10.0.0.1/24], acls: {input: [a]}}\n",
    "tables:\n  - table: 5\n  - {table: 6, family: ipv6}\n",
    "routes:\n  tables:\n    - table: 0\n      routes:\n        - {prefix: 10.0.0.0/8, next_hop: drop}\n        - prefix: 10.1.0.0/16\n          paths: &p [{next_hop: 10.0.0.2, interface: pg0, weight: 3}]\n        - {prefix: 10.2.0.0/16, paths: *p}\n",
    "acls:\n  - name: a\n    rules: [\"deny src 10.0.0.0/8\", {action: permit, proto: tcp, dport: 443}]\n",
    '{"interfaces":[{"name":"loop0","create":"loopback","admin":"down"}],"routes":{"tables":[{"table":0,"routes":[]}]}}',
]:
    put("apply_document", doc)

# sim_cli: the commands VPP's CLI was captured answering, and a few of the simulator's own.
with open(golden("cli", "cli.json")) as f:
    cmds = [c["cmd"] for c in json.load(f)]
for c in cmds:
    put("sim_cli", c)
put("sim_cli", "\n".join(cmds[:16]))
put("sim_cli", "sim traffic pg0 198.51.100.1 count 10\nsim link pg1 down")
