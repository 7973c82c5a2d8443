#!/usr/bin/env python3
"""Test vectors from FD.io's own client, for tests/papi_crosscheck.rs.

usage: papi_vectors.py API_DIR [MODULE ...]

For every message of the given modules (default: the ones vppx uses), builds
a deterministic pseudo-random but valid value -- non-empty variable arrays,
strings, a union member, nested types, enums and flags -- packs it with
vpp_papi's serializer, and prints JSON lines, three per message (random
values; extremes and full lengths; zeros and empty arrays):

    {"name_crc": ..., "module": ..., "mode": ..., "json": <the value in vppx's JSON form>,
     "hex": <vpp_papi's encoding, without _vl_msg_id>}

vppx's JSON form: enums by name, flags as numbers, addresses and prefixes as
text, MACs as text, u8 arrays as lowercase hex, a union as exactly one
member, count fields omitted. Fields with a default are sometimes omitted on
both sides, so that both clients' defaults are compared too.
"""

import ipaddress
import json
import os
import random
import string
import sys
import zlib

from vpp_papi.vpp_papi import VPPApiJSONFiles

MODULES = [
    "memclnt", "vpe", "vlib", "interface", "interface_types", "ip", "ip_types",
    "fib_types", "ethernet_types", "ip_neighbor", "classify", "acl", "acl_types",
    "af_packet", "tapv2", "memif",
]

INT_RANGES = {
    "u8": (0, 2**8), "i8": (-(2**7), 2**7),
    "u16": (0, 2**16), "i16": (-(2**15), 2**15),
    "u32": (0, 2**32), "i32": (-(2**31), 2**31),
    "u64": (0, 2**64), "i64": (-(2**63), 2**63),
}

# Types vppx gives a text form; papi accepts the same text.
ADDRESS = {"address", "ip4_address", "ip6_address"}
PREFIX = {
    "prefix", "ip4_prefix", "ip6_prefix", "address_with_prefix",
    "ip4_address_with_prefix", "ip6_address_with_prefix",
}


def bare(t):
    if t.startswith("vl_api_") and t.endswith("_t"):
        return t[len("vl_api_"):-len("_t")]
    return t


class Gen:
    """mode: "random" values; "max": extremes of every range, full-length
    strings and arrays; "min": zeros and minimums, empty strings and
    variable arrays, every field given."""

    def __init__(self, defs, rnd, mode="random"):
        self.defs = defs
        self.r = rnd
        self.mode = mode

    def ip(self, family):
        if family == 4:
            return str(ipaddress.IPv4Address(self.r.getrandbits(32)))
        return str(ipaddress.IPv6Address(self.r.getrandbits(128)))

    def value(self, t):
        """(papi value, vppx JSON value) of one element of type t."""
        r = self.r
        if t in INT_RANGES:
            lo, hi = INT_RANGES[t]
            v = {"random": lambda: r.randrange(lo, hi),
                 "max": lambda: r.choice([lo, hi - 1]) if lo else hi - 1,
                 "min": lambda: lo}[self.mode]()
            return v, v
        if t == "f64":
            v = {"random": lambda: r.randrange(-(10**6), 10**6) / 16,
                 "max": lambda: r.choice([1.7976931348623157e308, -2.2250738585072014e-308]),
                 "min": lambda: 0.0}[self.mode]()
            return v, v
        if t == "bool":
            v = {"random": r.random() < 0.5, "max": True, "min": False}[self.mode]
            return v, v
        n = bare(t)
        if n in ADDRESS:
            fam = {"ip4_address": 4, "ip6_address": 6}.get(n, r.choice([4, 6]))
            v = self.ip(fam)
            return v, v
        if n in PREFIX:
            fam = 4 if n.startswith("ip4") else 6 if n.startswith("ip6") else r.choice([4, 6])
            v = "%s/%d" % (self.ip(fam), r.randrange(0, 33 if fam == 4 else 129))
            return v, v
        if n == "mac_address":
            v = ":".join("%02x" % r.randrange(256) for _ in range(6))
            return v, v
        kind, d = self.defs[n]
        if kind == "enum":
            values = [x for x in d[1:] if isinstance(x, list)]
            if not values:
                return 0, 0
            name, v = {"random": lambda: r.choice(values), "max": lambda: values[-1],
                       "min": lambda: values[0]}[self.mode]()
            return v, name
        if kind == "enumflags":
            v = 0
            for x in d[1:]:
                if isinstance(x, list) and (self.mode == "max" or (self.mode == "random" and r.random() < 0.5)):
                    v |= x[1]
            return v, v
        if kind == "alias":
            target, length = d["type"], d.get("length")
            if length is None:
                return self.value(target)
            return self.array(target, length, fixed=True)
        if kind == "union":
            members = [f for f in d[1:] if isinstance(f, list)]
            m = members[0] if self.mode == "min" else r.choice(members)
            p, o = self.field(m)
            return {m[1]: p}, {m[1]: o}
        return self.struct(d[1:])

    def array(self, t, n, fixed):
        if t == "u8":
            byte = {"random": lambda: self.r.randrange(256), "max": lambda: 255, "min": lambda: 0}[self.mode]
            b = bytes(byte() for _ in range(n))
            return b, b.hex()
        pairs = [self.value(t) for _ in range(n)]
        return [p for p, _ in pairs], [o for _, o in pairs]

    def string(self, n):
        return "".join(self.r.choice(string.ascii_letters + string.digits + " -_./") for _ in range(n))

    def field(self, f):
        """(papi value, vppx value) of a field; count fields are set by struct()."""
        plain = [x for x in f if not isinstance(x, dict)]
        opts = next((x for x in f if isinstance(x, dict)), {})
        t = plain[0]
        length = plain[2] if len(plain) > 2 else None
        if t == "string":
            limit = opts.get("limit") or length or 0
            if self.mode == "min":
                n = 0
            elif self.mode == "max":
                n = limit - 1 if limit else 300
            else:
                n = self.r.randrange(0, limit) if limit else self.r.randrange(1, 17)
            s = self.string(n)
            return s, s
        if length is None:
            return self.value(t)
        if length:
            return self.array(t, length, fixed=True)
        n = {"random": lambda: self.r.randrange(1, 4 if t != "u8" else 9),
             "max": lambda: 3 if t != "u8" else 300, "min": lambda: 0}[self.mode]()
        return self.array(t, n, fixed=False)

    def struct(self, fields, message=False):
        fields = [f for f in fields if isinstance(f, list)]
        counts = {}
        for f in fields:
            plain = [x for x in f if not isinstance(x, dict)]
            if len(plain) == 4:
                counts[plain[3]] = plain[1]
        papi, ours = {}, {}
        for f in fields:
            name = f[1]
            if name == "_vl_msg_id" or name in counts:
                continue
            opts = next((x for x in f if isinstance(x, dict)), {})
            plain = [x for x in f if not isinstance(x, dict)]
            if "default" in opts and len(plain) == 2 and self.mode == "random" and self.r.random() < 0.4:
                continue  # both sides use the declared default
            papi[name], ours[name] = self.field(f)
        for count, arr in counts.items():
            papi[count] = len(papi[arr])
        return papi, ours


def main():
    api_dir = sys.argv[1]
    modules = sys.argv[2:] or MODULES
    paths = {}
    for root, _, files in os.walk(api_dir):
        for fn in files:
            if fn.endswith(".api.json"):
                paths[fn[: -len(".api.json")]] = os.path.join(root, fn)
    defs = {}
    raw = {}
    for m in modules:
        with open(paths[m]) as fh:
            raw[m] = json.load(fh)
        a = raw[m]
        for key in ("types", "unions", "enums", "enumflags"):
            kind = {"types": "type", "unions": "union"}.get(key, key[:-1] if key == "enums" else key)
            for d in a.get(key, []):
                defs.setdefault(d[0], (kind, d))
        for n, d in a.get("aliases", {}).items():
            defs.setdefault(n, ("alias", d))
    messages = {}
    for m in modules:
        with open(paths[m]) as fh:
            msgs, _ = VPPApiJSONFiles.process_json_file(fh)
        messages.update(msgs)
    for m in modules:
        for d in raw[m].get("messages", []):
            name = d[0]
            crc = next(x["crc"] for x in d if isinstance(x, dict) and "crc" in x)
            for mode in ("random", "max", "min"):
                rnd = random.Random(zlib.crc32((mode + name).encode()))
                papi, ours = Gen(defs, rnd, mode).struct(d[1:], message=True)
                papi["_vl_msg_id"] = 0
                body = messages[name].pack(papi)
                print(json.dumps({
                    "name_crc": "%s_%s" % (name, crc[2:]),
                    "module": m,
                    "mode": mode,
                    "json": ours,
                    "hex": bytes(body[2:]).hex(),
                }))


if __name__ == "__main__":
    main()
