//! The two edges agree: the same request through `vppx` and through `vppx serve` gets the
//! same answer, the exit code and the HTTP status both read from one table
//! (`ErrorClass::exit_code`, `ErrorClass::http_status`; docs/design.md, “Exit codes and
//! HTTP statuses”).

use std::time::Duration;

use serde_json::{json, Value};
use vppx::error::ErrorClass;

use crate::harness::{Run, Sim};
use crate::serve::{delete, get, post, wait_status, Answer, Events, Serve};
use crate::watch::Watch;

/// Asserts that the command failed and the request was refused as `class` says, and that
/// both messages name `names`.
fn same_failure(cli: Run, http: Answer, class: ErrorClass, names: &[&str]) {
    let cli = cli.code(i32::from(class.exit_code()));
    let http = http.status(class.http_status());
    let body = http.json();
    assert_eq!(body["error"], class.kind(), "{body}");
    let detail = body["detail"].as_str().unwrap_or_default();
    for name in names {
        assert!(cli.stderr.contains(name), "{name} not in: {}", cli.stderr);
        assert!(detail.contains(name), "{name} not in: {detail}");
    }
}

fn addresses(sim: &Sim, iface: &str) -> Value {
    sim.vppx(&["--json", "iface", "show", iface]).ok().json()["addresses"].clone()
}

#[test]
fn a_missing_address_is_not_found_and_an_existing_one_is_no_change() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    let path = "/interfaces/pg0/addresses/10.0.0.9%2F24";

    same_failure(
        sim.vppx(&["iface", "addr", "del", "pg0", "10.0.0.9/24"]),
        delete(&s, path, s.token()),
        ErrorClass::NotFound,
        &["10.0.0.9/24", "pg0"],
    );
    assert_eq!(addresses(&sim, "pg0"), json!([]));

    // Added twice through each edge: a success each time, one address.
    let body = r#"{"address":"10.0.0.9/24"}"#;
    for _ in 0..2 {
        sim.vppx(&["iface", "addr", "add", "pg0", "10.0.0.9/24"])
            .ok();
        post(&s, "/interfaces/pg0/addresses", body, s.token()).status(200);
    }
    assert_eq!(addresses(&sim, "pg0"), json!(["10.0.0.9/24"]));

    // Removed by one edge, then missing for both.
    delete(&s, path, s.token()).status(200);
    same_failure(
        sim.vppx(&["iface", "addr", "del", "pg0", "10.0.0.9/24"]),
        delete(&s, path, s.token()),
        ErrorClass::NotFound,
        &["10.0.0.9/24"],
    );
}

#[test]
fn a_bad_route_path_is_bad_input_in_both() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    same_failure(
        sim.vppx(&["route", "add", "10.1.0.0/16", "via", "10.1.2.300"]),
        post(
            &s,
            "/routes",
            r#"{"prefix":"10.1.0.0/16","next_hop":"10.1.2.300"}"#,
            s.token(),
        ),
        ErrorClass::BadInput,
        &["10.1.2.300"],
    );
    same_failure(
        sim.vppx(&["route", "add", "10.1.2.3/16", "drop"]),
        post(
            &s,
            "/routes",
            r#"{"prefix":"10.1.2.3/16","next_hop":"drop"}"#,
            s.token(),
        ),
        ErrorClass::BadInput,
        &["10.1.0.0/16"],
    );
    // One grammar: `DROP` is a drop path in words and in JSON alike.
    sim.vppx(&["route", "add", "10.98.0.0/16", "DROP"]).ok();
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.99.0.0/16","next_hop":"DROP"}"#,
        s.token(),
    )
    .status(201);
    for prefix in ["10.98.0.0%2F16", "10.99.0.0%2F16"] {
        let r = get(&s, &format!("/routes/{prefix}")).status(200).json();
        assert_eq!(r["paths"][0]["type"], "drop", "{r}");
    }
}

#[test]
fn a_refused_route_and_a_missing_table_answer_alike() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    sim.vppx(&["iface", "configure", "pg0", "10.10.10.1/24"])
        .ok();
    // VPP's own connected entry is not the API's to remove.
    same_failure(
        sim.vppx(&["route", "del", "10.10.10.0/24"]),
        delete(&s, "/routes/10.10.10.0%2F24", s.token()),
        ErrorClass::Refused,
        &["10.10.10.0/24", "connected"],
    );
    // A table VPP lacks is found before anything is sent.
    same_failure(
        sim.vppx(&[
            "route",
            "add",
            "10.3.0.0/16",
            "via",
            "10.10.10.2",
            "table",
            "7",
        ]),
        post(
            &s,
            "/routes",
            r#"{"prefix":"10.3.0.0/16","next_hop":"10.10.10.2","table":7}"#,
            s.token(),
        ),
        ErrorClass::BadInput,
        &["table 7"],
    );
    // And a route that is not there.
    same_failure(
        sim.vppx(&["route", "del", "10.4.0.0/16"]),
        delete(&s, "/routes/10.4.0.0%2F16", s.token()),
        ErrorClass::NotFound,
        &["10.4.0.0/16"],
    );
}

/// An event without its timestamp.
fn untimed(mut v: Value) -> Value {
    v.as_object_mut().map(|o| o.remove("timestamp"));
    v
}

#[test]
fn an_event_sequence_reads_the_same_in_both() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let mut http = Events::open(&s);
    let cli = Watch::start(&sim.socket(), &["--iface", "pg0"]);
    let within = Duration::from_secs(10);
    let pg0 = |kind: &'static str| move |e: &Value| e["event"] == kind && e["name"] == "pg0";

    let c = cli.next_event("initial");
    let h = http.until(within, "initial pg0", pg0("initial"));
    assert_eq!(untimed(c), untimed(h));
    for cli_words in [
        "iface up pg0",
        "cli sim link pg0 down",
        "cli sim link pg0 up",
    ] {
        let words: Vec<&str> = match cli_words.strip_prefix("cli ") {
            Some(command) => vec!["cli", command],
            None => cli_words.split(' ').collect(),
        };
        sim.vppx(&words).ok();
        let c = cli.next_event("change");
        let h = http.until(within, "pg0 change", pg0("change"));
        assert_eq!(untimed(c), untimed(h), "after {cli_words}");
    }

    // A restart: the new simulator has pg0 down, which both resync.
    let dir = sim.stop();
    let c = cli.next_event("disconnected");
    let h = http.until(within, "disconnected", |e| e["event"] == "disconnected");
    let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    assert_eq!(keys(&c), keys(&h));
    let _sim = Sim::start_in(dir);
    let c = cli.next_event("reconnected");
    let h = http.until(within, "reconnected", |e| e["event"] == "reconnected");
    assert_eq!(untimed(c), untimed(h));
    let c = cli.next_event("resync");
    let h = http.until(within, "resync of pg0", pg0("resync"));
    assert_eq!(c["admin_up"], false, "{c}");
    assert_eq!(untimed(c), untimed(h));
}
