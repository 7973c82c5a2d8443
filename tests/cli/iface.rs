//! `vppx iface ...` against the simulator, including the error cases.

use crate::harness::Sim;
use serde_json::Value;

fn iface(sim: &Sim, name: &str) -> Value {
    sim.vppx(&["--json", "iface", "show", name]).ok().json()
}

#[test]
fn list_shows_local0_and_the_configured_interfaces() {
    let sim = Sim::start();
    let all = sim.vppx(&["--json", "iface", "list"]).ok().json();
    let all = all.as_array().unwrap();
    assert_eq!(all[0]["sw_if_index"], 0);
    assert_eq!(all[0]["name"], "local0");
    assert_eq!(all[0]["admin_up"], false);
    assert_eq!(all[1]["name"], "pg0");
    assert_eq!(all[2]["name"], "pg1");
    for key in [
        "sw_if_index",
        "name",
        "admin_up",
        "link_up",
        "mac",
        "mtu",
        "link_mtu",
        "addresses",
    ] {
        assert!(all[1].get(key).is_some(), "missing {key}: {}", all[1]);
    }
    let table = sim.vppx(&["iface", "list"]).ok().stdout;
    for word in [
        "index",
        "name",
        "admin",
        "link",
        "mac",
        "mtu",
        "addresses",
        "local0",
        "pg1",
    ] {
        assert!(table.contains(word), "{word} not in\n{table}");
    }
}

#[test]
fn up_and_down_change_admin_state() {
    let sim = Sim::start();
    sim.vppx(&["iface", "up", "pg0"]).ok();
    assert_eq!(iface(&sim, "pg0")["admin_up"], true);
    sim.vppx(&["iface", "down", "pg0"]).ok();
    assert_eq!(iface(&sim, "pg0")["admin_up"], false);
}

#[test]
fn addresses_are_added_and_removed() {
    let sim = Sim::start();
    sim.vppx(&["iface", "addr", "add", "pg0", "10.0.0.1/24"])
        .ok();
    sim.vppx(&["iface", "addr", "add", "pg0", "2001:db8::1/64"])
        .ok();
    assert_eq!(
        iface(&sim, "pg0")["addresses"],
        serde_json::json!(["10.0.0.1/24", "2001:db8::1/64"])
    );
    sim.vppx(&["iface", "addr", "del", "pg0", "10.0.0.1/24"])
        .ok();
    assert_eq!(
        iface(&sim, "pg0")["addresses"],
        serde_json::json!(["2001:db8::1/64"])
    );
}

#[test]
fn configure_is_idempotent() {
    let sim = Sim::start();
    let first = sim
        .vppx(&["--json", "iface", "configure", "pg1", "192.0.2.1/24"])
        .ok()
        .json();
    let second = sim
        .vppx(&["--json", "iface", "configure", "pg1", "192.0.2.1/24"])
        .ok()
        .json();
    assert_eq!(first, second);
    assert_eq!(first["admin_up"], true);
    assert_eq!(first["addresses"], serde_json::json!(["192.0.2.1/24"]));
}

#[test]
fn loopbacks_are_created_and_deleted() {
    let sim = Sim::start();
    let lo = sim
        .vppx(&[
            "--json",
            "iface",
            "create",
            "loopback",
            "--mac",
            "de:ad:00:00:00:01",
        ])
        .ok()
        .json();
    assert_eq!(lo["name"], "loop0");
    assert_eq!(lo["mac"], "de:ad:00:00:00:01");
    let lo5 = sim
        .vppx(&["--json", "iface", "create", "loopback", "--instance", "5"])
        .ok()
        .json();
    assert_eq!(lo5["name"], "loop5");
    sim.vppx(&["iface", "delete", "loop0"]).ok();
    sim.vppx(&["iface", "show", "loop0"]).code(1);
}

#[test]
fn unknown_interface_exits_1_naming_it() {
    let sim = Sim::start();
    for args in [
        &["iface", "show", "nosuch0"][..],
        &["iface", "up", "nosuch0"],
        &["iface", "configure", "nosuch0", "10.0.0.1/24"],
        &["iface", "addr", "add", "nosuch0", "10.0.0.1/24"],
    ] {
        let r = sim.vppx(args).code(1);
        assert!(r.stderr.contains("nosuch0"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn bad_prefix_exits_2_before_anything_is_sent() {
    let sim = Sim::start();
    for bad in ["10.0.0.1", "10.0.0.300/24", "10.0.0.1/33", "pg0"] {
        let r = sim.vppx(&["iface", "addr", "add", "pg0", bad]).code(2);
        assert!(r.stderr.contains(bad), "{bad}: {}", r.stderr);
    }
    assert_eq!(iface(&sim, "pg0")["addresses"], serde_json::json!([]));
    sim.vppx(&["iface", "create", "loopback", "--mac", "zz:00"])
        .code(2);
}

#[test]
fn vpp_refusal_exits_1_with_the_error_name() {
    let sim = Sim::start();
    // VPP deletes only loopbacks this way; pg0 is refused.
    let r = sim.vppx(&["iface", "delete", "pg0"]).code(1);
    assert!(r.stderr.contains("VNET_API_ERROR_"), "{}", r.stderr);
}
