use super::*;
use crate::sim::fib::Source;

fn model() -> Model {
    Model::new(&["pg0".to_string(), "pg1".to_string()])
}

fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

#[test]
fn starts_with_local0_and_the_configured_interfaces() {
    let m = model();
    let names: Vec<_> = m
        .interfaces()
        .map(|i| (i.sw_if_index, i.name.as_str()))
        .collect();
    assert_eq!(names, [(0, "local0"), (1, "pg0"), (2, "pg1")]);
    let local0 = m.get(0).unwrap();
    assert_eq!((local0.flags(), local0.mac, local0.mtu), (0, None, [0; 4]));
    let pg0 = m.get(1).unwrap();
    assert_eq!(
        (pg0.flags(), pg0.link_mtu, pg0.mtu),
        (0, 9000, [9000, 0, 0, 0])
    );
    assert_eq!(pg0.mac, Some(generated_mac("pg0")));
    assert_ne!(generated_mac("pg0"), generated_mac("pg1"));
    assert_eq!(generated_mac("pg0")[..2], [0x02, 0xfe]);
}

#[test]
fn loopback_lifecycle_events_in_order() {
    let mut m = model();
    let (rv, lo) = m.create_loopback([0; 6], Some(7));
    assert_eq!((rv, lo), (0, 3));
    let i = m.get(lo).unwrap();
    assert_eq!(i.name, "loop7");
    assert_eq!(i.mac, Some([0xde, 0xad, 0, 0, 0, 7]));
    assert_eq!(m.set_admin(lo, true), 0);
    assert_eq!(m.set_admin(lo, false), 0);
    assert_eq!(m.delete_loopback(lo), 0);
    let ev: Vec<_> = m
        .take_events()
        .iter()
        .map(|e| (e.sw_if_index, e.flags, e.deleted))
        .collect();
    // As golden/api/session2.jsonl: 0 on create, 3 on admin up, 0 on down, deleted.
    assert_eq!(
        ev,
        [(3, 0, false), (3, 3, false), (3, 0, false), (3, 0, true)]
    );
    assert!(m.take_events().is_empty());
    assert!(m.get(lo).is_none());
}

#[test]
fn loopback_instances_and_indexes_are_reused() {
    let mut m = model();
    assert_eq!(m.create_loopback([0xde, 0xad, 0, 0, 0, 1], None), (0, 3));
    assert_eq!(m.get(3).unwrap().mac, Some([0xde, 0xad, 0, 0, 0, 1]));
    assert_eq!(m.create_loopback([0; 6], None), (0, 4));
    assert_eq!(m.get(4).unwrap().name, "loop1");
    assert_eq!(
        m.create_loopback([0; 6], Some(1)),
        (INSTANCE_IN_USE, ANY_INDEX)
    );
    assert_eq!(m.delete_loopback(3), 0);
    assert_eq!(m.create_loopback([0; 6], None), (0, 3));
    assert_eq!(m.get(3).unwrap().name, "loop0");
    // Only loopbacks can be deleted; unknown indexes are -2.
    assert_eq!(m.delete_loopback(1), INVALID_SW_IF_INDEX);
    assert_eq!(m.delete_loopback(99), INVALID_SW_IF_INDEX);
}

#[test]
fn unknown_index_is_invalid_sw_if_index() {
    let mut m = model();
    assert_eq!(m.set_admin(9999, true), INVALID_SW_IF_INDEX);
    assert_eq!(m.set_mtu(9999, &[1500, 0, 0, 0]), INVALID_SW_IF_INDEX);
    assert_eq!(
        m.add_del_address(9999, true, false, net("10.0.0.1/24")),
        INVALID_SW_IF_INDEX
    );
    assert!(m.take_events().is_empty());
}

#[test]
fn link_follows_admin_and_carrier() {
    let mut m = model();
    assert_eq!(m.set_admin(1, true), 0);
    assert_eq!(m.get(1).unwrap().flags(), 3);
    assert_eq!(m.set_carrier(1, false), 0);
    assert_eq!(m.get(1).unwrap().flags(), 1);
    assert_eq!(m.set_carrier(1, true), 0);
    let flags: Vec<_> = m.take_events().iter().map(|e| e.flags).collect();
    assert_eq!(flags, [3, 1, 3]);
    // Same state again: no event.
    assert_eq!(m.set_admin(1, true), 0);
    assert!(m.take_events().is_empty());
}

#[test]
fn interface_addresses_enter_the_fib_only_while_admin_up() {
    let mut m = model();
    assert_eq!(m.add_del_address(1, true, false, net("10.1.1.1/24")), 0);
    let local = |m: &Model| {
        m.fib
            .lookup_exact(0, net("10.1.1.1/32"))
            .unwrap()
            .map(|r| r.source)
    };
    assert_eq!(local(&m), None);
    m.set_admin(1, true);
    assert_eq!(local(&m), Some(Source::Interface));
    m.set_admin(1, false);
    assert_eq!(local(&m), None);
    m.set_admin(1, true);
    assert_eq!(m.add_del_address(1, false, false, net("10.1.1.1/24")), 0);
    assert_eq!(local(&m), None);
    assert_eq!(
        m.add_del_address(1, false, false, net("10.1.1.1/24")),
        ADDRESS_NOT_FOUND_FOR_INTERFACE
    );
}

#[test]
fn del_all_and_address_clashes() {
    let mut m = model();
    m.add_del_address(1, true, false, net("10.1.1.1/24"));
    m.add_del_address(1, true, false, net("2001:db8::1/64"));
    assert_eq!(
        m.add_del_address(2, true, false, net("10.1.1.2/24")),
        ADDRESS_IN_USE
    );
    assert_eq!(m.add_del_address(1, false, true, net("0.0.0.0/0")), 0);
    assert!(m.get(1).unwrap().addrs.is_empty());
}

#[test]
fn table_binding_needs_the_table_and_no_addresses() {
    let mut m = model();
    assert_eq!(m.set_table(1, Af::Ip4, 5), NO_SUCH_FIB);
    m.fib.add_table(Af::Ip4, 5, "");
    m.add_del_address(1, true, false, net("10.1.1.1/24"));
    assert_eq!(m.set_table(1, Af::Ip4, 5), ADDRESS_FOUND_FOR_INTERFACE);
    assert_eq!(m.set_table(2, Af::Ip4, 5), 0);
    assert_eq!(m.get(2).unwrap().ip4_table, 5);
    assert_eq!(m.set_table(2, Af::Ip6, 5), NO_SUCH_FIB);
}

#[test]
fn routes_check_table_then_interfaces() {
    let mut m = model();
    let via = |sw| vec![FibPath::via(Some("10.0.0.2".parse().unwrap()), Some(sw))];
    let p = net("10.20.0.0/16");
    assert_eq!(
        m.route_add_del(77, p, true, false, via(9999)),
        Err(NO_SUCH_FIB)
    );
    assert_eq!(
        m.route_add_del(0, p, true, false, via(9999)),
        Err(NO_MATCHING_INTERFACE)
    );
    assert!(matches!(
        m.route_add_del(0, p, true, false, via(1)),
        Ok(Some(_))
    ));
    assert_eq!(
        m.route_add_del(0, net("10.50.0.0/16"), false, false, via(1)),
        Ok(None)
    );
}

#[test]
fn event_registration_as_vpp() {
    let mut m = model();
    assert_eq!(m.want_interface_events(0x8000_0001, true, 42), 0);
    assert_eq!(
        m.want_interface_events(0x8000_0001, true, 42),
        INVALID_REGISTRATION
    );
    assert_eq!(m.subscribers().get(&0x8000_0001), Some(&42));
    m.client_gone(0x8000_0001);
    assert_eq!(
        m.want_interface_events(0x8000_0001, false, 42),
        INVALID_REGISTRATION
    );
}

#[test]
fn mtu_changes_only_the_given_protocols() {
    let mut m = model();
    assert_eq!(m.set_mtu(1, &[1500, 0, 1400, 0]), 0);
    assert_eq!(m.get(1).unwrap().mtu, [1500, 0, 1400, 0]);
    assert_eq!(m.set_mtu(1, &[9001, 0, 0, 0]), INVALID_VALUE);
}
