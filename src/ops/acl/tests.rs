use ipnet::IpNet;

use super::vpp::{display_name, split_list};
use super::*;
use crate::binapi::acl::AclInterfaceListDetails;
use crate::ops::OpsError;
use crate::wire::VppEnum;

fn one(text: &str) -> Rule {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut rules = parse_rule(&words).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(rules.len(), 1, "{text} gave {rules:?}");
    rules.remove(0)
}

fn err(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    match parse_rule(&words) {
        Ok(r) => panic!("{text} parsed as {r:?}"),
        Err(e) => e.to_string(),
    }
}

fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

#[test]
fn the_issue_s_rules() {
    let r = one("deny src 10.0.0.0/8");
    assert_eq!(r.action, Action::Deny);
    assert_eq!((r.src, r.dst), (net("10.0.0.0/8"), net("0.0.0.0/0")));
    assert_eq!((r.proto, r.sport, r.dport), (0, (0, 65535), (0, 65535)));
    assert_eq!(r.to_string(), "deny src 10.0.0.0/8");

    let r = one("permit src 198.51.100.0/24 dst 0.0.0.0/0 proto tcp dport 80-443");
    assert_eq!(r.action, Action::Permit);
    assert_eq!(r.proto, 6);
    assert_eq!(r.dport, (80, 443));
    assert_eq!(r.sport, (0, 65535));
    assert_eq!(
        r.to_string(),
        "permit src 198.51.100.0/24 proto tcp dport 80-443"
    );

    let any = parse_rule(&["permit", "any"]).unwrap();
    assert_eq!(any.len(), 2, "permit any is one IPv4 and one IPv6 rule");
    assert_eq!(
        (any[0].src, any[0].dst),
        (net("0.0.0.0/0"), net("0.0.0.0/0"))
    );
    assert_eq!((any[1].src, any[1].dst), (net("::/0"), net("::/0")));
    assert_eq!(any[0].to_string(), "permit src 0.0.0.0/0");
    assert_eq!(any[1].to_string(), "permit src ::/0");
}

#[test]
fn ipv6_rules_and_families() {
    let r = one("deny src 2001:db8:bad::/48 dst 2001:db8::/32 proto udp sport 53");
    assert!(r.is_ipv6());
    assert_eq!(r.sport, (53, 53));
    assert_eq!(
        r.to_string(),
        "deny src 2001:db8:bad::/48 dst 2001:db8::/32 proto udp sport 53"
    );
    // Only a destination: the source is "any" of its family.
    let r = one("permit dst 2001:db8::/32");
    assert_eq!(r.src, net("::/0"));
    // No address: both families.
    assert_eq!(
        parse_rule(&["permit", "proto", "tcp", "dport", "22"])
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        parse_rule(&["deny", "src", "any", "dst", "any"])
            .unwrap()
            .len(),
        2
    );
    // ICMP belongs to one family each.
    assert!(!one("permit proto icmp").is_ipv6());
    assert!(one("permit proto icmp6").is_ipv6());
    assert!(one("permit proto ipv6-icmp").is_ipv6());
    assert!(err("permit src 10.0.0.0/8 dst 2001:db8::/32").contains("different address families"));
    assert!(err("permit src 2001:db8::/32 proto icmp").contains("use icmp6"));
}

#[test]
fn every_word_and_its_errors() {
    assert_eq!(one("PERMIT SRC 10.0.0.0/8 PROTO 47").proto, 47);
    assert_eq!(one("permit src 10.0.0.0/8 proto any").proto, 0);
    let r = one("permit src 10.0.0.0/8 proto tcp tcp-flags 2/18");
    assert_eq!(r.tcp_flags, (2, 18));
    assert_eq!(
        r.to_string(),
        "permit src 10.0.0.0/8 proto tcp tcp-flags 2/18"
    );

    let cases = [
        (
            "allow src 10.0.0.0/8",
            "'allow': a rule starts with deny or permit",
        ),
        (
            "deny src 10.1.2.3/8",
            "src host bits set in '10.1.2.3/8'; did you mean 10.0.0.0/8?",
        ),
        ("deny src 10.0.0.300/8", "'10.0.0.300/8' is not a prefix"),
        ("deny src 10.1.2.3", "did you mean 10.1.2.3/32?"),
        (
            "deny dst 10.0.0.0/33",
            "prefix length of '10.0.0.0/33' is more than 32",
        ),
        ("deny src", "'src' needs a value"),
        ("deny frm 10.0.0.0/8", "unknown word 'frm'"),
        ("deny src 10.0.0.0/8 src 11.0.0.0/8", "'src' is given twice"),
        ("deny any src 10.0.0.0/8", "'any' means every address"),
        ("deny proto tcpp", "proto 'tcpp' is not a protocol"),
        ("deny proto 256", "proto '256' is not a protocol"),
        ("deny proto tcp dport 80-", "dport '80-' is not a port"),
        ("deny proto tcp dport 65536", "dport '65536' is not a port"),
        (
            "deny proto tcp dport 443-80",
            "dport '443-80' is an empty range",
        ),
        ("deny dport 80", "'dport' needs proto tcp, udp or sctp"),
        (
            "deny proto icmp sport 8",
            "'sport' needs proto tcp, udp or sctp",
        ),
        (
            "deny proto udp tcp-flags 2/18",
            "'tcp-flags' needs proto tcp",
        ),
        (
            "deny proto tcp tcp-flags 4/2",
            "the value has bits outside the mask",
        ),
        (
            "deny proto tcp tcp-flags syn",
            "tcp-flags 'syn' is not VALUE/MASK",
        ),
    ];
    for (text, want) in cases {
        let got = err(text);
        assert!(got.contains(want), "{text}: {got}");
    }
}

#[test]
fn arguments_split_at_action_words_and_every_bad_rule_is_named() {
    let args = [
        "deny src 10.0.0.0/8",
        "deny",
        "src",
        "172.16.0.0/12",
        "permit any",
    ];
    let rules = parse_args(&args).unwrap();
    assert_eq!(rules.len(), 4);
    assert_eq!(rules[1].src, net("172.16.0.0/12"));

    let e = parse_args(&[
        "deny src 10.1.2.3/8",
        "permit any",
        "deny src 10.0.0.0/8 port 5",
    ])
    .unwrap_err()
    .to_string();
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(
        lines[0].starts_with("rule 1 \"deny src 10.1.2.3/8\": src host bits set"),
        "{e}"
    );
    assert!(
        lines[1].starts_with("rule 3 \"deny src 10.0.0.0/8 port 5\": unknown word 'port'"),
        "{e}"
    );
    assert!(matches!(
        parse_args(&["src 10.0.0.0/8"]),
        Err(OpsError::BadInput(m)) if m.contains("rule 1 \"src 10.0.0.0/8\"")
    ));
    assert!(parse_args::<&str>(&[])
        .unwrap_err()
        .to_string()
        .contains("no rules"));
}

#[test]
fn files_have_one_rule_a_line_with_comments() {
    let text =
        "# RFC 1918 sources\n\ndeny src 10.0.0.0/8   # ten\n  deny src 172.16.0.0/12\npermit any\n";
    let rules = parse_file(text).unwrap();
    assert_eq!(rules.len(), 4);
    let e = parse_file("deny src 10.0.0.0/8\n\ndeny src 192.168.1.0/16\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3 \"deny src 192.168.1.0/16\": src host bits set in '192.168.1.0/16'; did you mean 192.168.0.0/16?"
    );
    assert!(parse_file("# nothing\n\n")
        .unwrap_err()
        .to_string()
        .contains("no rules"));
}

#[test]
fn the_example_file_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rfc1918-drop.acl");
    let text = std::fs::read_to_string(path).expect("examples/rfc1918-drop.acl");
    let rules = parse_file(&text).unwrap();
    let denied: Vec<String> = rules
        .iter()
        .filter(|r| r.action == Action::Deny)
        .map(|r| r.src.to_string())
        .collect();
    for private in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] {
        assert!(
            denied.contains(&private.to_string()),
            "{private}: {denied:?}"
        );
    }
    assert!(rules
        .iter()
        .any(|r| r.action == Action::Permit && !r.is_ipv6()));
    assert!(rules
        .iter()
        .any(|r| r.action == Action::Permit && r.is_ipv6()));
}

#[test]
fn json_rules_as_text_or_fields_and_back() {
    let inputs: Vec<RuleInput> = serde_json::from_str(
        r#"["deny src 10.0.0.0/8",
            {"action": "permit", "src": "198.51.100.0/24", "proto": "tcp", "dport": "80-443"},
            {"action": "permit", "proto": 17, "dport": 53},
            "permit any"]"#,
    )
    .unwrap();
    let rules = parse_inputs(&inputs).unwrap();
    assert_eq!(rules.len(), 6);
    assert_eq!(rules[1].dport, (80, 443));
    assert_eq!((rules[2].proto, rules[2].dport), (17, (53, 53)));
    // What GET answers is accepted back as it is.
    let back: Vec<RuleInput> =
        serde_json::from_value(serde_json::to_value(&rules).unwrap()).unwrap();
    assert_eq!(parse_inputs(&back).unwrap(), rules);
    let json = serde_json::to_value(&rules[1]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "action": "permit", "src": "198.51.100.0/24", "dst": "0.0.0.0/0",
            "proto": "tcp", "sport": "0-65535", "dport": "80-443", "tcp_flags": null,
            "text": "permit src 198.51.100.0/24 proto tcp dport 80-443"
        })
    );
    let bad: Vec<RuleInput> =
        serde_json::from_str(r#"["permit any", {"action": "deny", "src": "10.1.2.3/8"}]"#).unwrap();
    let e = parse_inputs(&bad).unwrap_err().to_string();
    assert!(
        e.starts_with("rule 1 \"deny src 10.1.2.3/8\": src host bits set"),
        "{e}"
    );
    assert!(serde_json::from_str::<RuleInput>(r#"{"action": "deny", "port": 5}"#).is_err());
}

#[test]
fn names() {
    for good in ["rfc1918-drop", "a", "outside_in.v2:1", &"n".repeat(63)] {
        validate_name(good).unwrap_or_else(|e| panic!("{good}: {e}"));
    }
    for bad in ["", "has space", "slash/y", "#3", "ünï", &"n".repeat(64)] {
        let e = validate_name(bad).unwrap_err().to_string();
        assert!(e.contains("invalid ACL name"), "{bad}: {e}");
    }
}

#[test]
fn rules_go_to_the_wire_and_back() {
    let r = one("permit src 2001:db8::/32 dst 2001:db8:1::/48 proto tcp sport 1024-65535 dport 443 tcp-flags 2/18");
    let w = r.to_wire();
    assert_eq!(w.tcp_flags_value, 2);
    assert_eq!(w.tcp_flags_mask, 18);
    assert_eq!(w.is_permit.to_raw(), 1);
    assert_eq!(w.proto.to_raw(), 6);
    assert_eq!(Rule::from_wire(&w), r);
    let mut reflect = w.clone();
    reflect.is_permit = VppEnum::from_raw(2);
    assert_eq!(
        Rule::from_wire(&reflect).action.to_string(),
        "permit+reflect"
    );
}

#[test]
fn interface_lists_and_applied_text() {
    let d = AclInterfaceListDetails {
        sw_if_index: 1,
        n_input: 2,
        acls: vec![3, 1, 4],
        ..Default::default()
    };
    assert_eq!(split_list(&d), (vec![3, 1], vec![4]));
    let a = Applied {
        input: vec!["pg0".into()],
        output: vec!["pg1".into()],
    };
    assert_eq!(a.describe(), "pg0 (input), pg1 (output)");
    assert!(check_list(Direction::Input, &["a".into(), "b".into()]).is_ok());
    let e = check_list(Direction::Output, &["a".into(), "a".into()]).unwrap_err();
    assert_eq!(e.to_string(), "output ACL 'a' is listed twice");
    assert_eq!(display_name("", 7), "#7");
}
