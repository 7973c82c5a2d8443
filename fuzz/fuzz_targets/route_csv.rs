//! The route-file reader and validator, with a fixed interface-name table: the validation
//! pass and the programming pass (a second read, as `route load` does) agree on every
//! count, and every kept error names a line of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vppx::ops::routes::{validate_reader, LoadOptions, RouteReader};

fn interface(name: &str) -> Option<u32> {
    match name {
        "local0" => Some(0),
        "pg0" => Some(1),
        "pg1" => Some(2),
        "loop0" => Some(3),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let opts = LoadOptions {
        default_table: 0,
        max_errors: 8,
    };
    let resolve: &dyn Fn(&str) -> Option<u32> = &interface;
    let v = validate_reader(
        RouteReader::new("fuzz.csv", data, &opts).with_interfaces(resolve),
        opts.max_errors,
    );
    assert!(v.errors.len() as u64 <= v.bad_lines);
    assert!(v.errors.len() <= opts.max_errors);
    assert!(v.route_lines >= v.routes);
    let lines = data.split(|&b| b == b'\n').count() as u64;
    for e in &v.errors {
        assert!(
            e.line >= 1 && e.line <= lines,
            "error on line {} of {lines}",
            e.line
        );
    }

    let mut reader = RouteReader::new("fuzz.csv", data, &opts).with_interfaces(resolve);
    let mut routes = 0u64;
    let mut paths = 0u64;
    for item in reader.by_ref() {
        if let Ok(route) = item {
            assert!(!route.paths.is_empty());
            routes += 1;
            paths += route.paths.len() as u64;
        }
    }
    let s = reader.stats();
    assert_eq!(routes, v.routes, "the two passes disagree on routes");
    assert_eq!(
        s.bad_lines, v.bad_lines,
        "the two passes disagree on bad lines"
    );
    assert_eq!(paths, v.route_lines, "a good route's lines are its paths");
});
