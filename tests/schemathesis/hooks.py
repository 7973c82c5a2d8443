"""What `vppx serve`'s OpenAPI document states in words, taught to schemathesis.

The document names four string formats whose rules a pattern cannot carry: `ip-prefix`
(a network: host bits clear), `ip-interface` (an address with its prefix length),
`ip-address`, and `acl-rule` (a rule's words). Here they become generators, so that a
schema-valid request is one the agent should accept. Two rules that span several fields,
stated in the document's descriptions, become filters: a route's next hop is of its
prefix's family; an ACL rule's ports go with tcp, udp or sctp, its tcp_flags with tcp
(value within mask), its ports' ranges run upward, its src and dst share a family, and
icmp goes with IPv4, icmp6 with IPv6. Loaded with SCHEMATHESIS_HOOKS=hooks (see
scripts/schemathesis.sh).
"""

import ipaddress

import schemathesis
from hypothesis import strategies as st

v4 = st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address)
v6 = st.integers(0, 2**128 - 1).map(ipaddress.IPv6Address)
addresses = st.one_of(v4, v6)


def network(addr, length):
    return ipaddress.ip_network(f"{addr}/{length}", strict=False)


prefixes_v4 = st.tuples(v4, st.integers(0, 32)).map(lambda t: network(*t))
prefixes_v6 = st.tuples(v6, st.integers(0, 128)).map(lambda t: network(*t))
prefixes = st.one_of(prefixes_v4, prefixes_v6)
interfaces = st.one_of(
    st.tuples(v4, st.integers(0, 32)), st.tuples(v6, st.integers(0, 128))
).map(lambda t: f"{t[0]}/{t[1]}")

schemathesis.openapi.format("ip-address", addresses.map(str))
schemathesis.openapi.format("ip-prefix", prefixes.map(str))
schemathesis.openapi.format("ip-interface", interfaces)

PORTED = {"tcp", "udp", "sctp", "6", "17", "132"}
ICMP = {"icmp": 4, "1": 4, "icmp6": 6, "ipv6-icmp": 6, "58": 6}


@st.composite
def rules(draw):
    words = [draw(st.sampled_from(["deny", "permit", "DENY", "Permit"]))]
    family = draw(st.sampled_from([4, 6, None]))
    proto = draw(st.sampled_from(["any", "tcp", "udp", "sctp", "icmp", "icmp6", "gre", "esp", "ah", "47", None]))
    if proto in ICMP:
        family = ICMP[proto]
    if family is None:
        if draw(st.booleans()):
            words.append("any")
    else:
        pool = prefixes_v4 if family == 4 else prefixes_v6
        for key in ("src", "dst"):
            if draw(st.booleans()):
                words += [key, str(draw(pool))]
        if len(words) == 1 and proto is None:
            words += ["src", str(draw(pool))]
    if proto is not None:
        words += ["proto", proto]
    if proto in PORTED:
        for key in ("sport", "dport"):
            if draw(st.booleans()):
                a = draw(st.integers(0, 65535))
                b = draw(st.integers(a, 65535))
                words += [key, str(a) if a == b else f"{a}-{b}"]
    if proto == "tcp" and draw(st.booleans()):
        mask = draw(st.integers(0, 255))
        value = draw(st.integers(0, 255)) & mask
        words += ["tcp-flags", f"{value}/{mask}"]
    return " ".join(words)


schemathesis.openapi.format("acl-rule", rules())


def family(text):
    try:
        return ipaddress.ip_network(text, strict=False).version
    except ValueError:
        return None


def route_ok(line):
    if not isinstance(line, dict):
        return True
    nh, prefix = line.get("next_hop"), line.get("prefix")
    if not isinstance(nh, str) or not isinstance(prefix, str) or nh.lower() == "drop":
        return not (isinstance(nh, str) and nh.lower() == "drop" and line.get("interface") is not None)
    try:
        return ipaddress.ip_address(nh).version == family(prefix)
    except ValueError:
        return True


def groups_ok(lines):
    """Adjacent lines of one table and prefix are one route: a dropping route has no
    other path."""
    key, drops, others = None, False, False
    for line in lines:
        if not isinstance(line, dict):
            return True
        prefix = line.get("prefix")
        try:
            prefix = ipaddress.ip_network(prefix, strict=False)
        except (TypeError, ValueError):
            pass
        k = (line.get("table", 0), prefix)
        if k != key:
            key, drops, others = k, False, False
        nh = line.get("next_hop")
        if isinstance(nh, str) and nh.lower() == "drop":
            drops = True
        else:
            others = True
        if drops and others:
            return False
    return True


def word(v):
    return str(v).lower() if isinstance(v, (str, int)) and not isinstance(v, bool) else None


def port_range_ok(v):
    if isinstance(v, int):
        return True
    a, _, b = str(v).partition("-")
    return not b or (a.isdigit() and b.isdigit() and int(a) <= int(b))


def rule_ok(rule):
    """Whether an object-form rule keeps the rules across its fields (True for anything
    that is not an object of the documented shape: schemathesis' own business)."""
    if not isinstance(rule, dict):
        return True
    proto = word(rule.get("proto"))
    if proto in ("any", "0"):
        proto = None
    for key in ("sport", "dport"):
        if key in rule:
            if proto not in PORTED or not port_range_ok(rule[key]):
                return False
    flags = rule.get("tcp_flags")
    if flags is not None:
        if proto not in ("tcp", "6") or not isinstance(flags, str):
            return False
        value, _, mask = flags.partition("/")
        if value.isdigit() and mask.isdigit() and int(value) & ~int(mask):
            return False
    fams = {family(rule[k]) for k in ("src", "dst") if isinstance(rule.get(k), str) and rule[k].lower() != "any"}
    if len(fams) > 1:
        return False
    if proto in ICMP and fams and fams != {ICMP[proto]}:
        return False
    return True


def net(text):
    try:
        return ipaddress.ip_network(text, strict=False)
    except (TypeError, ValueError):
        return text


def interface(text):
    try:
        return str(ipaddress.ip_interface(text))
    except (TypeError, ValueError):
        return text


def unique(values):
    values = list(values)
    return len(values) == len(set(values))


def apply_ok(doc):
    """Whether a document keeps the rules below; True for anything not of the documented
    shape (schemathesis' own business, as the negative phase sends)."""
    try:
        return apply_rules_ok(doc)
    except (TypeError, AttributeError):
        return True


def apply_rules_ok(doc):
    """The rules of a desired-state document across its fields and items (the POST /apply
    description): unique names, addresses and prefixes; next hops of their prefix's
    family; a dropping route with one path; ACL rules as PUT /acls/{name} keeps them."""
    if not isinstance(doc, dict):
        return True
    ifaces = [i for i in doc.get("interfaces", []) if isinstance(i, dict)]
    if not unique(str(i.get("name")).strip() for i in ifaces):
        return False
    for i in ifaces:
        addrs = i.get("addresses", [])
        if isinstance(addrs, list) and not unique(interface(a) for a in addrs):
            return False
    pairs = []
    for t in doc.get("tables", []):
        if isinstance(t, dict):
            fams = [t["family"]] if "family" in t else ["ipv4", "ipv6"]
            pairs += [(t.get("table"), f) for f in fams]
    if not unique(pairs):
        return False
    routes = doc.get("routes")
    tables = routes.get("tables", []) if isinstance(routes, dict) else []
    tables = [t for t in tables if isinstance(t, dict)]
    if not unique(t.get("table") for t in tables):
        return False
    for t in tables:
        rs = [r for r in t.get("routes", []) if isinstance(r, dict)]
        if not unique(str(net(r.get("prefix"))) for r in rs):
            return False
        for r in rs:
            paths = r.get("paths")
            if isinstance(paths, list):
                lines = [{**p, "prefix": r.get("prefix")} for p in paths if isinstance(p, dict)]
                if not all(route_ok(l) for l in lines) or not groups_ok(lines):
                    return False
            elif not route_ok(r):
                return False
    acls = [a for a in doc.get("acls", []) if isinstance(a, dict)]
    if not unique(a.get("name") for a in acls):
        return False
    return all(rule_ok(r) for a in acls for r in a.get("rules", []) if isinstance(a.get("rules"), list))


def first_of(items, key):
    """Items with a key seen before left out."""
    seen, out = set(), []
    for item in items:
        k = key(item)
        try:
            hash(k)
        except TypeError:
            k = repr(k)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def route_item_fixed(r):
    if not isinstance(r, dict):
        return r
    paths = r.get("paths")
    if not isinstance(paths, list):
        return route_fixed(r)
    fixed = []
    for p in paths:
        if isinstance(p, dict):
            p = {k: v for k, v in route_fixed({**p, "prefix": r.get("prefix")}).items() if k != "prefix"}
        fixed.append(p)
    if not groups_ok([{**p, "prefix": r.get("prefix")} for p in fixed if isinstance(p, dict)]):
        fixed = fixed[:1]
    return {**r, "paths": fixed}


def apply_fixed(doc):
    """A document brought within the rules, or as it was when it is not of the documented
    shape."""
    try:
        return apply_doc_fixed(doc)
    except (TypeError, AttributeError):
        return doc


def apply_doc_fixed(doc):
    """A document brought within the rules `apply_ok` checks, for the phases that do not
    filter bodies: later duplicates left out, routes fixed as POST /routes lines are,
    ACL rules as for PUT /acls/{name} (networks lose their host bits, a rule that still
    breaks a cross-field rule keeps only its action)."""
    if not isinstance(doc, dict):
        return doc
    doc = dict(doc)
    if isinstance(doc.get("interfaces"), list):
        ifaces = []
        for i in first_of(doc["interfaces"], lambda i: str(i.get("name")).strip() if isinstance(i, dict) else id(i)):
            if isinstance(i, dict) and isinstance(i.get("addresses"), list):
                i = {**i, "addresses": first_of(i["addresses"], interface)}
            ifaces.append(i)
        doc["interfaces"] = ifaces
    if isinstance(doc.get("tables"), list):
        seen, tables = set(), []
        for t in doc["tables"]:
            if isinstance(t, dict):
                fams = {str(t["family"])} if "family" in t else {"ipv4", "ipv6"}
                pairs = {(str(t.get("table")), f) for f in fams}
                if pairs & seen:
                    continue
                seen |= pairs
            tables.append(t)
        doc["tables"] = tables
    routes = doc.get("routes")
    if isinstance(routes, dict) and isinstance(routes.get("tables"), list):
        rts = []
        for t in first_of(routes["tables"], lambda t: str(t.get("table")) if isinstance(t, dict) else id(t)):
            if isinstance(t, dict) and isinstance(t.get("routes"), list):
                rs = first_of(t["routes"], lambda r: str(net(r.get("prefix"))) if isinstance(r, dict) else id(r))
                t = {**t, "routes": [route_item_fixed(r) for r in rs]}
            rts.append(t)
        doc["routes"] = {**routes, "tables": rts}
    if isinstance(doc.get("acls"), list):
        acls = []
        for a in first_of(doc["acls"], lambda a: str(a.get("name")) if isinstance(a, dict) else id(a)):
            if isinstance(a, dict) and isinstance(a.get("rules"), list):
                fixed = []
                for rule in a["rules"]:
                    if isinstance(rule, dict):
                        rule = {k: (masked(v) if k in ("src", "dst") else v) for k, v in rule.items()}
                        if not rule_ok(rule) and rule.get("action") in ("deny", "permit"):
                            rule = {"action": rule["action"]}
                    fixed.append(rule)
                a = {**a, "rules": fixed}
            acls.append(a)
        doc["acls"] = acls
    return doc


@schemathesis.hook
def filter_body(ctx, body):
    op = ctx.operation
    if op is None:
        return True
    if op.method.upper() == "POST" and op.path == "/apply":
        return apply_ok(body)
    if op.method.upper() == "POST" and op.path == "/routes":
        lines = body if isinstance(body, list) else [body]
        return all(route_ok(l) for l in lines) and groups_ok(lines)
    if op.method.upper() == "PUT" and op.path == "/acls/{name}":
        rules_ = body.get("rules") if isinstance(body, dict) else None
        if isinstance(rules_, list):
            return all(rule_ok(r) for r in rules_)
    return True


def masked(text):
    """A network written with host bits set, as the network (the document's "host bits
    clear"); anything else unchanged."""
    if not isinstance(text, str) or text.lower() == "any":
        return text
    try:
        net = ipaddress.ip_network(text, strict=False)
        addr = ipaddress.ip_address(text.partition("/")[0])
    except ValueError:
        return text
    return text if addr == net.network_address else str(net)


def route_fixed(line):
    """A route line that breaks a rule across its fields, made to keep it: a dropping
    route names no interface, and a next hop of the wrong family becomes `drop`."""
    if not isinstance(line, dict) or route_ok(line):
        return line
    line = dict(line)
    if isinstance(line.get("next_hop"), str) and line["next_hop"].lower() != "drop":
        line["next_hop"] = "drop"
    line.pop("interface", None)
    return line


def table_named(line):
    return isinstance(line, dict) and isinstance(line.get("table"), int) and line["table"] != 0


@schemathesis.hook
def before_call(ctx, case, kwargs):
    """The stateful phase merges values taken from earlier responses into generated bodies
    after the filters above have run, so a merged body can break the rules the document
    states in words. Such a request is brought back within them before it is sent
    (schemathesis validates the case again after this hook): an ACL rule's networks lose
    their host bits, a rule that still breaks a cross-field rule keeps only its action, a
    route line is made to keep its cross-field rules, and lines naming a table other than
    0 (which a fresh agent's VPP does not have) are sent with `create_tables=true`, as the
    document says they must be."""
    op = case.operation
    method, path = op.method.upper(), op.path
    if method == "POST" and path == "/apply":
        case.body = apply_fixed(case.body)
    if method == "PUT" and path == "/acls/{name}" and isinstance(case.body, dict):
        rules_ = case.body.get("rules")
        if isinstance(rules_, list):
            fixed = []
            for rule in rules_:
                if isinstance(rule, dict):
                    rule = {k: (masked(v) if k in ("src", "dst") else v) for k, v in rule.items()}
                    if not rule_ok(rule) and rule.get("action") in ("deny", "permit"):
                        rule = {"action": rule["action"]}
                fixed.append(rule)
            case.body = {**case.body, "rules": fixed}
    if method == "POST" and path == "/routes":
        if isinstance(case.body, list):
            case.body = [route_fixed(l) for l in case.body]
            if not groups_ok(case.body):
                case.body = case.body[:1]
        else:
            case.body = route_fixed(case.body)
        lines = case.body if isinstance(case.body, list) else [case.body]
        if any(table_named(l) for l in lines):
            case.query = {**(case.query or {}), "create_tables": "true"}
