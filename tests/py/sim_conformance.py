#!/usr/bin/env python3
"""FD.io's vpp_papi against the simulator: every answer must be what a real VPP gives.

Usage: sim_conformance.py SOCKET APIDIR
The simulator must have been started with interfaces pg0,pg1 and nothing else done to it.
Exits 0 when every check passes; otherwise prints each mismatch and exits 1.
"""

import glob
import os
import queue
import sys
import time

from vpp_papi import VPPApiClient

failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def acl_rule(action, src, dst, proto=0, dport=(0, 65535)):
    return {
        "is_permit": action,
        "src_prefix": src,
        "dst_prefix": dst,
        "proto": proto,
        "srcport_or_icmptype_first": 0,
        "srcport_or_icmptype_last": 65535,
        "dstport_or_icmpcode_first": dport[0],
        "dstport_or_icmpcode_last": dport[1],
        "tcp_flags_mask": 0,
        "tcp_flags_value": 0,
    }


def acl_checks(vpp):
    """The acl plugin's calls, with the retvals and dump order of the golden session."""
    rfc1918 = [
        acl_rule(0, "10.0.0.0/8", "0.0.0.0/0"),
        acl_rule(0, "172.16.0.0/12", "0.0.0.0/0"),
        acl_rule(0, "192.168.0.0/16", "0.0.0.0/0"),
        acl_rule(1, "0.0.0.0/0", "0.0.0.0/0"),
        acl_rule(1, "::/0", "::/0"),
    ]
    r = vpp.api.acl_add_replace(acl_index=0xFFFFFFFF, tag="rfc1918", count=len(rfc1918), r=rfc1918)
    check("acl create", (r.retval, r.acl_index), (0, 0))
    web = [acl_rule(1, "2001:db8::/32", "::/0", proto=6, dport=(80, 443))]
    r = vpp.api.acl_add_replace(acl_index=0xFFFFFFFF, tag="web6", count=1, r=web)
    check("acl create second", (r.retval, r.acl_index), (0, 1))
    r = vpp.api.acl_add_replace(acl_index=0, tag="rfc1918", count=4, r=rfc1918[:4])
    check("acl replace in place", (r.retval, r.acl_index), (0, 0))
    r = vpp.api.acl_add_replace(acl_index=999, tag="nope", count=1, r=rfc1918[3:4])
    check("acl replace missing", (r.retval, r.acl_index), (-6, 999))
    bad = [acl_rule(0, "10.1.2.3/8", "0.0.0.0/0")]
    r = vpp.api.acl_add_replace(acl_index=0xFFFFFFFF, tag="bad", count=1, r=bad)
    check("acl host bits", r.retval, -57)
    bad = [acl_rule(1, "0.0.0.0/0", "0.0.0.0/0", proto=6, dport=(443, 80))]
    r = vpp.api.acl_add_replace(acl_index=0xFFFFFFFF, tag="bad", count=1, r=bad)
    check("acl port range", r.retval, -8)

    acls = vpp.api.acl_dump(acl_index=0xFFFFFFFF)
    check("acl_dump all", [(a.acl_index, a.tag, a.count) for a in acls], [(0, "rfc1918", 4), (1, "web6", 1)])
    (one,) = vpp.api.acl_dump(acl_index=1) or [None]
    if one is not None:
        rule = one.r[0]
        check("acl_dump v6 src", str(rule.src_prefix), "2001:db8::/32")
        check("acl_dump proto", int(rule.proto), 6)
        check("acl_dump dport", (rule.dstport_or_icmpcode_first, rule.dstport_or_icmpcode_last), (80, 443))
        check("acl_dump action", int(rule.is_permit), 1)
    check("acl_dump missing", list(vpp.api.acl_dump(acl_index=7)), [])

    r = vpp.api.acl_interface_set_acl_list(sw_if_index=1, count=2, n_input=1, acls=[0, 1])
    check("set_acl_list", r.retval, 0)
    r = vpp.api.acl_interface_set_acl_list(sw_if_index=9999, count=1, n_input=1, acls=[0])
    check("set_acl_list unknown interface", r.retval, -2)
    r = vpp.api.acl_interface_set_acl_list(sw_if_index=2, count=1, n_input=1, acls=[5])
    check("set_acl_list unknown acl", r.retval, -6)
    lists = vpp.api.acl_interface_list_dump(sw_if_index=0xFFFFFFFF)
    check(
        "acl_interface_list_dump",
        [(d.sw_if_index, d.n_input, list(d.acls)) for d in lists],
        [(0, 0, []), (1, 1, [0, 1]), (2, 0, [])],
    )
    (pg0,) = vpp.api.acl_interface_list_dump(sw_if_index=1) or [None]
    check("acl_interface_list_dump one", pg0 and (pg0.count, list(pg0.acls)), (2, [0, 1]))

    check("acl_del in use inbound", vpp.api.acl_del(acl_index=0).retval, -142)
    check("acl_del in use outbound", vpp.api.acl_del(acl_index=1).retval, -143)
    r = vpp.api.acl_interface_set_acl_list(sw_if_index=1, count=0, n_input=0, acls=[])
    check("detach", r.retval, 0)
    check("acl_del", vpp.api.acl_del(acl_index=0).retval, 0)
    check("acl_del again", vpp.api.acl_del(acl_index=0).retval, -6)
    check("acl_del second", vpp.api.acl_del(acl_index=1).retval, 0)
    check("acl_dump empty", list(vpp.api.acl_dump(acl_index=0xFFFFFFFF)), [])


def main():
    sock, apidir = sys.argv[1], sys.argv[2]
    apifiles = sorted(glob.glob(os.path.join(apidir, "**", "*.api.json"), recursive=True))
    if not apifiles:
        print(f"no .api.json files under {apidir}", file=sys.stderr)
        return 2
    vpp = VPPApiClient(apifiles=apifiles, server_address=sock, use_socket=True, read_timeout=5)
    events = queue.Queue()
    vpp.register_event_callback(lambda name, msg: events.put((name, msg)))
    check("connect", vpp.connect("conformance"), 0)

    # show_version
    v = vpp.api.show_version()
    check("show_version.retval", v.retval, 0)
    check("show_version.program", v.program, "vpe")
    check("show_version.version non-empty", bool(v.version), True)

    # sw_interface_dump: local0, pg0, pg1 by index
    ifs = vpp.api.sw_interface_dump()
    check("dump names", [i.interface_name for i in ifs], ["local0", "pg0", "pg1"])
    check("dump indexes", [i.sw_if_index for i in ifs], [0, 1, 2])
    check("local0 dev type", ifs[0].interface_dev_type, "local")
    check("local0 flags", int(ifs[0].flags), 0)
    check("local0 mtu", list(ifs[0].mtu), [0, 0, 0, 0])
    check("pg0 dev type", ifs[1].interface_dev_type, "pg")
    check("pg0 link_mtu", ifs[1].link_mtu, 9000)
    check("pg0 mtu", list(ifs[1].mtu), [9000, 0, 0, 0])
    check("pg0 sup index", ifs[1].sup_sw_if_index, 1)
    check("pg0 mac prefix", str(ifs[1].l2_address)[:6], "02:fe:")
    pg1 = vpp.api.sw_interface_dump(name_filter_valid=True, name_filter="pg1")
    check("name filter", [i.interface_name for i in pg1], ["pg1"])
    one = vpp.api.sw_interface_dump(sw_if_index=2)
    check("index filter", [i.interface_name for i in one], ["pg1"])

    # create_loopback with a MAC, then admin up
    r = vpp.api.create_loopback(mac_address="de:ad:00:00:00:01")
    check("create_loopback.retval", r.retval, 0)
    check("create_loopback.sw_if_index", r.sw_if_index, 3)
    loop = r.sw_if_index
    (d,) = vpp.api.sw_interface_dump(sw_if_index=loop)
    check("loop name", d.interface_name, "loop0")
    check("loop mac", str(d.l2_address), "de:ad:00:00:00:01")
    check("loop flags at creation", int(d.flags), 0)
    check("loop mtu", list(d.mtu), [9000, 0, 0, 0])
    r = vpp.api.sw_interface_set_flags(sw_if_index=loop, flags=1)
    check("set_flags.retval", r.retval, 0)
    (d,) = vpp.api.sw_interface_dump(sw_if_index=loop)
    check("loop flags after admin up", int(d.flags), 3)
    r = vpp.api.sw_interface_set_flags(sw_if_index=9999, flags=1)
    check("set_flags unknown index", r.retval, -2)

    # addresses
    r = vpp.api.sw_interface_add_del_address(sw_if_index=loop, is_add=True, prefix="10.10.10.1/24")
    check("add v4 address", r.retval, 0)
    r = vpp.api.sw_interface_add_del_address(
        sw_if_index=loop, is_add=True, prefix="2001:db8:1::1/64"
    )
    check("add v6 address", r.retval, 0)
    a4 = vpp.api.ip_address_dump(sw_if_index=loop, is_ipv6=False)
    check("ip_address_dump v4", [str(a.prefix) for a in a4], ["10.10.10.1/24"])
    a6 = vpp.api.ip_address_dump(sw_if_index=loop, is_ipv6=True)
    check("ip_address_dump v6", [str(a.prefix) for a in a6], ["2001:db8:1::1/64"])

    # routes
    path = {
        "sw_if_index": loop,
        "weight": 1,
        "proto": 0,
        "nh": {"address": {"ip4": "10.10.10.2"}},
        "label_stack": [{"is_uniform": 0, "label": 0, "ttl": 0, "exp": 0}] * 16,
    }
    r = vpp.api.ip_route_add_del(
        is_add=True,
        route={"table_id": 0, "prefix": "10.20.0.0/16", "n_paths": 1, "paths": [path]},
    )
    check("ip_route_add_del.retval", r.retval, 0)
    check("ip_route_add_del.stats_index set", r.stats_index not in (0, 0xFFFFFFFF), True)
    routes = vpp.api.ip_route_dump(table={"table_id": 0, "is_ip6": False})
    by_prefix = {str(x.route.prefix): x.route for x in routes}
    want = {
        "0.0.0.0/0", "0.0.0.0/32", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
        "10.10.10.0/24", "10.10.10.0/32", "10.10.10.1/32", "10.10.10.255/32", "10.20.0.0/16",
    }
    check("ip_route_dump v4 prefixes", set(by_prefix), want)
    rt = by_prefix.get("10.20.0.0/16")
    if rt is not None:
        check("route paths", rt.n_paths, 1)
        check("route nh", str(rt.paths[0].nh.address.ip4), "10.10.10.2")
        check("route sw_if_index", rt.paths[0].sw_if_index, loop)
        check("route stats_index", rt.stats_index, r.stats_index)
    lens = [x.route.prefix.prefixlen for x in routes]
    check("v4 dump ordered by length", lens, sorted(lens))
    r = vpp.api.ip_route_add_del(
        is_add=True,
        route={"table_id": 77, "prefix": "10.40.0.0/16", "n_paths": 1, "paths": [path]},
    )
    check("route into a missing table", r.retval, -3)
    bad = dict(path, sw_if_index=9999)
    r = vpp.api.ip_route_add_del(
        is_add=True,
        route={"table_id": 0, "prefix": "10.30.0.0/16", "n_paths": 1, "paths": [bad]},
    )
    check("route via unknown interface", r.retval, -54)
    r = vpp.api.ip_route_add_del(
        is_add=False,
        route={"table_id": 0, "prefix": "10.50.0.0/16", "n_paths": 1, "paths": [path]},
    )
    check("delete a missing route", r.retval, 0)
    r6 = vpp.api.ip_route_dump(table={"table_id": 0, "is_ip6": True})
    check(
        "ip_route_dump v6 prefixes",
        {str(x.route.prefix) for x in r6},
        {"::/0", "fe80::/10", "2001:db8:1::/64", "2001:db8:1::1/128"},
    )

    # cli_inband
    r = vpp.api.cli_inband(cmd="show version")
    check("cli show version retval", r.retval, 0)
    check("cli show version text", r.reply.startswith("vpp v"), True)
    r = vpp.api.cli_inband(cmd="show interface")
    check("cli show interface retval", r.retval, 0)
    lines = r.reply.splitlines()
    check("cli show interface header", lines[0].split()[:3] if lines else [], ["Name", "Idx", "State"])
    check(
        "cli show interface rows",
        [ln.split()[0] for ln in lines[1:]],
        ["local0", "loop0", "pg0", "pg1"],
    )
    r = vpp.api.cli_inband(cmd="show nosuchthing")
    check("cli bad command retval", r.retval, -1)
    check("cli bad command text", r.reply, "show: unknown input `nosuchthing'\n")

    # events: the reply first, then the event
    r = vpp.api.want_interface_events(enable_disable=1, pid=os.getpid())
    check("want_interface_events", r.retval, 0)
    r = vpp.api.sw_interface_set_flags(sw_if_index=loop, flags=0)
    check("admin down", r.retval, 0)
    try:
        name, ev = events.get(timeout=5)
        check("event type", name, "sw_interface_event")
        check("event sw_if_index", ev.sw_if_index, loop)
        check("event flags", int(ev.flags), 0)
        check("event deleted", ev.deleted, False)
        check("event pid", ev.pid, os.getpid())
    except queue.Empty:
        failures.append("no sw_interface_event after an admin change")
    r = vpp.api.delete_loopback(sw_if_index=loop)
    check("delete_loopback", r.retval, 0)
    try:
        name, ev = events.get(timeout=5)
        check("delete event", (ev.sw_if_index, ev.deleted), (loop, True))
    except queue.Empty:
        failures.append("no sw_interface_event after delete_loopback")
    r = vpp.api.want_interface_events(enable_disable=0, pid=os.getpid())
    check("want_interface_events off", r.retval, 0)

    acl_checks(vpp)

    r = vpp.disconnect()
    check("sockclnt_delete_reply.response", getattr(r, "response", r), 1)
    time.sleep(0.1)
    for f in failures:
        print(f"MISMATCH {f}", file=sys.stderr)
    if failures:
        return 1
    print("sim conformance: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
