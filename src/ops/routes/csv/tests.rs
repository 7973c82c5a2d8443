use std::io::Read;

use super::*;
use crate::ops::routes::spec::PathKind;

fn read_all(text: &str) -> Vec<Result<RouteSpec, LineError>> {
    RouteReader::new("r.csv", text.as_bytes(), &LoadOptions::default()).collect()
}

fn routes(text: &str) -> Vec<RouteSpec> {
    read_all(text)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("unexpected error: {e}")))
        .collect()
}

fn errors(text: &str) -> Vec<LineError> {
    read_all(text).into_iter().filter_map(Result::err).collect()
}

/// The one error of `text`, as `LINE: reason`.
fn one_error(text: &str) -> (u64, LineReason) {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    (errs[0].line, errs[0].reason.clone())
}

fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

#[test]
fn happy_path_positional() {
    let r = routes("10.20.0.0/16,10.10.10.2,loop0,0,2,1\n10.30.0.0/16,10.10.10.3\n");
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].prefix, net("10.20.0.0/16"));
    assert_eq!(r[0].table, 0);
    assert_eq!(r[0].lines, LineSpan::one(1));
    let p = &r[0].paths[0];
    assert_eq!(p.next_hop, Some("10.10.10.2".parse().unwrap()));
    assert_eq!(p.interface.as_deref(), Some("loop0"));
    assert_eq!((p.weight, p.preference, p.line), (2, 1, 1));
    assert_eq!(r[1].paths[0].interface, None);
    assert_eq!((r[1].paths[0].weight, r[1].paths[0].preference), (1, 0));
    assert_eq!(r[1].lines, LineSpan::one(2));
}

#[test]
fn comments_and_blank_lines_keep_line_numbers() {
    let text = "# a comment\n\n   # indented comment\n,,,,,\n10.0.0.0/8,192.0.2.1\n\n# x\n10.1.0.0/16 , 192.0.2.1 \n";
    let r = routes(text);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].lines, LineSpan::one(5));
    assert_eq!(r[1].lines, LineSpan::one(8));
    assert_eq!(r[1].prefix, net("10.1.0.0/16"));
}

#[test]
fn header_in_order_reordered_and_partial() {
    let full = routes(
        "prefix,next_hop,interface,table,weight,preference\n10.0.0.0/8,192.0.2.1,pg0,3,4,5\n",
    );
    assert_eq!(full[0].table, 3);
    assert_eq!(full[0].paths[0].weight, 4);
    assert_eq!(full[0].paths[0].preference, 5);
    assert_eq!(full[0].lines, LineSpan::one(2));

    let reordered =
        routes("# header below\nWeight, Table, Interface, Prefix\n7,3,pg0,10.0.0.0/8\n");
    assert_eq!(reordered[0].table, 3);
    assert_eq!(reordered[0].paths[0].weight, 7);
    assert_eq!(reordered[0].paths[0].interface.as_deref(), Some("pg0"));
    assert_eq!(reordered[0].paths[0].next_hop, None);

    let aliases = routes("prefix,via,dev,vrf,pref\n10.0.0.0/8,192.0.2.1,pg0,2,9\n");
    assert_eq!(aliases[0].table, 2);
    assert_eq!(aliases[0].paths[0].preference, 9);

    // An interface called "prefix" on the first line does not make it a header.
    let named = routes("10.0.0.0/8,,prefix\n");
    assert_eq!(named[0].paths[0].interface.as_deref(), Some("prefix"));

    // Short rows under a header read as empty fields.
    let short = routes("prefix,next_hop,interface,table\n10.0.0.0/8,192.0.2.1\n");
    assert_eq!(short[0].table, 0);
}

#[test]
fn header_errors() {
    let (line, reason) = one_error("prefix,next_hop,colour\n");
    assert_eq!(line, 1);
    assert_eq!(reason, LineReason::UnknownColumn("colour".into()));
    let (line, reason) = one_error("\nprefix,next_hop,next_hop\n");
    assert_eq!(line, 2);
    assert_eq!(reason, LineReason::RepeatedColumn("next_hop".into()));
    let (_, reason) = one_error("prefix,table\n");
    assert_eq!(reason, LineReason::HeaderMissingColumns);
    // A header after data is just a bad prefix.
    let errs = errors("10.0.0.0/8,192.0.2.1\nprefix,next_hop\n");
    assert_eq!(errs[0].line, 2);
    assert!(matches!(
        errs[0].reason,
        LineReason::Spec(SpecError::BadPrefix { .. })
    ));
}

#[test]
fn every_line_error_kind_names_its_line() {
    type Check = fn(&LineReason) -> bool;
    let cases: &[(&str, Check)] = &[
        ("banana,192.0.2.1", |r| {
            matches!(r, LineReason::Spec(SpecError::BadPrefix { .. }))
        }),
        (",192.0.2.1", |r| {
            matches!(r, LineReason::Spec(SpecError::MissingPrefix))
        }),
        ("10.0.0.1,192.0.2.1", |r| {
            matches!(r, LineReason::Spec(SpecError::NoPrefixLength { .. }))
        }),
        ("10.0.0.0/40,192.0.2.1", |r| {
            matches!(r, LineReason::Spec(SpecError::PrefixTooLong { .. }))
        }),
        ("10.1.2.3/16,192.0.2.1", |r| {
            matches!(r, LineReason::Spec(SpecError::HostBits { .. }))
        }),
        ("10.0.0.0/8,192.0.2", |r| {
            matches!(r, LineReason::Spec(SpecError::BadNextHop { .. }))
        }),
        ("10.0.0.0/8,2001:db8::1", |r| {
            matches!(r, LineReason::Spec(SpecError::FamilyMismatch { .. }))
        }),
        ("10.0.0.0/8,192.0.2.1,,x", |r| {
            matches!(r, LineReason::Spec(SpecError::BadTable { .. }))
        }),
        ("10.0.0.0/8,192.0.2.1,,,0", |r| {
            matches!(r, LineReason::Spec(SpecError::BadWeight { .. }))
        }),
        ("10.0.0.0/8,192.0.2.1,,,,256", |r| {
            matches!(r, LineReason::Spec(SpecError::BadPreference { .. }))
        }),
        ("10.0.0.0/8", |r| {
            matches!(r, LineReason::Spec(SpecError::NoPath))
        }),
        ("10.0.0.0/8,,,1", |r| {
            matches!(r, LineReason::Spec(SpecError::NoPath))
        }),
        ("10.0.0.0/8,drop,pg0", |r| {
            matches!(r, LineReason::Spec(SpecError::DropWithInterface))
        }),
        ("10.0.0.0/8,192.0.2.1,pg0,0,1,0,extra", |r| {
            matches!(r, LineReason::TooManyFields { got: 7, max: 6 })
        }),
        ("10.0.0.0/8,\u{0}\u{ff}", |r| {
            matches!(r, LineReason::Spec(SpecError::BadNextHop { .. }))
        }),
    ];
    for (bad, check) in cases {
        let text = format!("# first\n10.9.0.0/16,192.0.2.9\n\n{bad}\n10.8.0.0/16,192.0.2.8\n");
        let items = read_all(&text);
        let errs: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errs.len(), 1, "{bad}: {errs:?}");
        assert_eq!(errs[0].line, 4, "{bad}");
        assert!(check(&errs[0].reason), "{bad}: {:?}", errs[0].reason);
        assert!(errs[0].to_string().starts_with("r.csv:4: "), "{}", errs[0]);
        // The good lines around it still read.
        assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2, "{bad}");
    }
}

#[test]
fn invalid_utf8_is_a_bad_line() {
    let mut bytes = b"10.0.0.0/8,192.0.2.1\n".to_vec();
    bytes.extend_from_slice(b"10.1.0.0/16,\xff\xfe\n10.2.0.0/16,192.0.2.1\n");
    let items: Vec<_> = RouteReader::new("r.csv", &bytes[..], &LoadOptions::default()).collect();
    let errs: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].line, &errs[0].reason), (2, &LineReason::NotUtf8));
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2);
}

#[test]
fn host_bits_hint_in_message() {
    let e = &errors("10.1.2.3/16,10.0.0.1\n")[0];
    assert_eq!(
        e.to_string(),
        "r.csv:1: host bits set in '10.1.2.3/16'; did you mean 10.1.0.0/16?"
    );
}

#[test]
fn adjacent_lines_form_one_multipath_route() {
    let text = "10.20.0.0/16,198.18.0.2,pg0,,1\n# between\n\n10.20.0.0/16,198.18.1.2,pg1,,3\n10.20.0.0/16,198.18.1.3,pg1\n10.21.0.0/16,198.18.1.3\n";
    let r = routes(text);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].paths.len(), 3);
    assert_eq!(r[0].lines, LineSpan { first: 1, last: 5 });
    assert_eq!(
        r[0].paths.iter().map(|p| p.line).collect::<Vec<_>>(),
        [1, 4, 5]
    );
    assert_eq!(
        r[0].paths.iter().map(|p| p.weight).collect::<Vec<_>>(),
        [1, 3, 1]
    );
    assert_eq!(r[1].lines, LineSpan::one(6));
}

#[test]
fn same_prefix_other_table_is_another_route() {
    let r = routes("10.0.0.0/8,192.0.2.1,,0\n10.0.0.0/8,192.0.2.1,,1\n");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].table, r[1].table), (0, 1));
}

#[test]
fn non_adjacent_repeat_is_a_separate_route_in_order() {
    let r = routes("10.0.0.0/8,192.0.2.1\n10.1.0.0/16,192.0.2.1\n10.0.0.0/8,192.0.2.2\n");
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].prefix, r[2].prefix);
    assert_eq!(r[2].paths.len(), 1);
    assert_eq!(r[2].paths[0].next_hop, Some("192.0.2.2".parse().unwrap()));
    assert_eq!(r[2].lines, LineSpan::one(3));
}

#[test]
fn a_bad_line_fails_its_whole_group() {
    let text =
        "10.0.0.0/8,192.0.2.1\n10.0.0.0/8,192.0.2.x\n10.0.0.0/8,192.0.2.3\n10.1.0.0/16,192.0.2.1\n";
    let mut reader = RouteReader::new("r.csv", text.as_bytes(), &LoadOptions::default());
    let items: Vec<_> = reader.by_ref().collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap_err().line, 2);
    assert_eq!(items[1].as_ref().unwrap().prefix, net("10.1.0.0/16"));
    let s = reader.stats();
    assert_eq!(
        s,
        ReaderStats {
            routes: 1,
            route_lines: 1,
            bad_lines: 1,
            failed_routes: 1
        }
    );
}

#[test]
fn an_unreadable_prefix_does_not_split_a_group() {
    let text = "10.0.0.0/8,192.0.2.1\nnope,192.0.2.2\n10.0.0.0/8,192.0.2.3\n";
    let items = read_all(text);
    let errs: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errs.len(), 1);
    let ok: Vec<_> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].paths.len(), 2);
}

#[test]
fn drop_routes() {
    let r = routes("10.99.0.0/16,drop\n10.98.0.0/16,DROP,,3\n");
    assert!(r[0].is_drop());
    assert_eq!(r[0].paths[0].kind, PathKind::Drop);
    assert_eq!(r[1].table, 3);
    let errs = errors("10.99.0.0/16,drop\n10.99.0.0/16,192.0.2.1\n");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 2);
    assert!(matches!(
        errs[0].reason,
        LineReason::Spec(SpecError::MixedDrop { .. })
    ));
    let errs = errors("10.99.0.0/16,192.0.2.1\n10.99.0.0/16,drop\n");
    assert!(matches!(
        errs[0].reason,
        LineReason::Spec(SpecError::MixedDrop { .. })
    ));
}

#[test]
fn too_many_paths() {
    let mut text = String::new();
    for i in 0..=crate::ops::routes::spec::MAX_PATHS {
        text.push_str(&format!("10.0.0.0/8,192.0.{}.{}\n", i / 250, i % 250 + 1));
    }
    let errs = errors(&text);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 256);
    assert!(matches!(
        errs[0].reason,
        LineReason::Spec(SpecError::TooManyPaths { .. })
    ));
}

#[test]
fn ipv6_routes() {
    let r = routes("2001:db8:99::/48,2001:db8:1::2,loop0,,1\n2001:db8:99::/48,2001:db8:1::3,loop0,,3\n::/0,fe80::1,pg0\n");
    assert_eq!(r.len(), 2);
    assert!(r[0].is_ipv6());
    assert_eq!(r[0].paths.len(), 2);
    assert_eq!(r[1].prefix, net("::/0"));
    let (line, reason) = one_error("2001:db8::/32,192.0.2.1\n");
    assert_eq!(line, 1);
    assert!(matches!(
        reason,
        LineReason::Spec(SpecError::FamilyMismatch { .. })
    ));
}

#[test]
fn default_table_option() {
    let opts = LoadOptions {
        default_table: 9,
        ..LoadOptions::default()
    };
    let r: Vec<_> = RouteReader::new(
        "r.csv",
        &b"10.0.0.0/8,192.0.2.1\n10.1.0.0/16,192.0.2.1,,0\n"[..],
        &opts,
    )
    .collect::<Result<_, _>>()
    .unwrap();
    assert_eq!((r[0].table, r[1].table), (9, 0));
}

#[test]
fn interface_resolver_makes_unknown_names_bad_lines() {
    let known = |name: &str| match name {
        "pg0" => Some(1),
        "pg1" => Some(2),
        _ => None,
    };
    let text = "10.0.0.0/8,192.0.2.1,pg0\n10.1.0.0/16,,xyz\n10.2.0.0/16,192.0.2.1\n";
    let items: Vec<_> = RouteReader::new("r.csv", text.as_bytes(), &LoadOptions::default())
        .with_interfaces(&known)
        .collect();
    let errs: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].to_string(), "r.csv:2: unknown interface 'xyz'");
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2);
    // Without a resolver, names are not checked.
    assert!(errors(text).is_empty());
}

#[test]
fn validate_collects_sorted_errors_and_counts() {
    let text = "prefix,next_hop,interface,table\n10.0.0.0/8,192.0.2.1\n10.0.0.0/8,192.0.2.2\nbad\n2001:db8::/32,2001:db8::1,,7\n10.5.0.0/16,,zzz\n10.6.0.0/16,192.0.2.1,,1\n10.6.0.0/16,x,,1\n";
    let src = RouteSource::spool("routes.csv", text.as_bytes()).unwrap();
    let known = |n: &str| (n == "pg0").then_some(1);
    let v = validate(&src, &LoadOptions::default(), Some(&known)).unwrap();
    assert_eq!(v.routes, 2);
    assert_eq!(v.route_lines, 3);
    assert_eq!(v.bad_lines, 3);
    assert_eq!(v.failed_routes, 2);
    assert!(!v.is_ok());
    let lines: Vec<_> = v.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, 6, 8]);
    assert!(v.errors[1]
        .to_string()
        .starts_with("routes.csv:6: unknown interface 'zzz'"));
    assert_eq!(
        v.tables.iter().copied().collect::<Vec<_>>(),
        [
            TableRef {
                is_ip6: false,
                table: 0
            },
            TableRef {
                is_ip6: true,
                table: 7
            }
        ]
    );
    // max_errors keeps the first ones but counts all.
    let opts = LoadOptions {
        max_errors: 1,
        ..LoadOptions::default()
    };
    let v = validate(&src, &opts, Some(&known)).unwrap();
    assert_eq!(v.errors.len(), 1);
    assert_eq!(v.bad_lines, 3);
}

#[test]
fn spooled_source_reads_twice() {
    let text = "10.0.0.0/8,192.0.2.1\n10.1.0.0/16,192.0.2.1\n";
    let src = RouteSource::spool(STDIN_NAME, text.as_bytes()).unwrap();
    assert_eq!(src.name(), "<stdin>");
    let v = validate(&src, &LoadOptions::default(), None).unwrap();
    assert_eq!(v.routes, 2);
    // The programming pass: a second, independent reader from the first line.
    let first = src.routes(&LoadOptions::default()).unwrap();
    let second = src.routes(&LoadOptions::default()).unwrap();
    let a: Vec<_> = first.collect::<Result<_, _>>().unwrap();
    let b: Vec<_> = second.collect::<Result<_, _>>().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(a, b);
    let e = &errors_of(&RouteSource::spool(STDIN_NAME, &b"x\n"[..]).unwrap())[0];
    assert!(e.to_string().starts_with("<stdin>:1: "), "{e}");
}

fn errors_of(src: &RouteSource) -> Vec<LineError> {
    validate(src, &LoadOptions::default(), None).unwrap().errors
}

#[test]
fn open_names_the_file_and_fails_early() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.csv");
    std::fs::write(&path, "10.0.0.0/8,192.0.2.1\n10.1.2.3/16,192.0.2.1\n").unwrap();
    let path = path.to_str().unwrap();
    let src = RouteSource::open(path).unwrap();
    let errs = errors_of(&src);
    assert_eq!(
        errs[0].to_string(),
        format!("{path}:2: host bits set in '10.1.2.3/16'; did you mean 10.1.0.0/16?")
    );
    assert!(RouteSource::open(dir.path().join("missing.csv").to_str().unwrap()).is_err());
}

#[test]
fn shipped_example_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/routes.csv");
    let src = RouteSource::open(path).unwrap();
    let v = validate(&src, &LoadOptions::default(), None).unwrap();
    assert!(v.is_ok(), "{:?}", v.errors);
    assert_eq!(v.routes, 9);
    assert!(v.tables.contains(&TableRef {
        is_ip6: true,
        table: 0
    }));
    assert!(v.tables.contains(&TableRef {
        is_ip6: false,
        table: 5
    }));
}

/// Makes `lines` route lines on the fly, never holding them: the input side of the
/// streaming tests. Every fourth prefix has two paths.
struct Generated {
    next: u64,
    lines: u64,
    buf: Vec<u8>,
    pos: usize,
}

impl Generated {
    fn new(lines: u64) -> Self {
        Generated {
            next: 0,
            lines,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.buf.len() {
            if self.next == self.lines {
                return Ok(0);
            }
            let i = self.next;
            // Lines 4k and 4k+1 share a prefix (a two-path group); 4k+2 and 4k+3 do not.
            let p = match i % 4 {
                0 | 1 => i / 4 * 3,
                2 => i / 4 * 3 + 1,
                _ => i / 4 * 3 + 2,
            };
            self.buf.clear();
            use std::io::Write;
            writeln!(
                self.buf,
                "10.{}.{}.{}/32,192.0.2.{}",
                (p >> 16) & 0xff,
                (p >> 8) & 0xff,
                p & 0xff,
                i % 4 + 1
            )?;
            self.pos = 0;
            self.next += 1;
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn stream_count(lines: u64) -> ReaderStats {
    let mut reader = RouteReader::new("gen.csv", Generated::new(lines), &LoadOptions::default());
    let mut paths = 0u64;
    for item in reader.by_ref() {
        let route = item.unwrap_or_else(|e| panic!("{e}"));
        paths += route.paths.len() as u64;
    }
    assert_eq!(paths, lines);
    reader.stats()
}

#[test]
fn streams_a_generated_file() {
    let s = stream_count(40_000);
    assert_eq!(s.routes, 30_000);
    assert_eq!(s.route_lines, 40_000);
    assert_eq!(s.bad_lines, 0);
}

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One million lines through the reader with flat memory. Run with
/// `cargo test --lib -- --ignored million`.
#[test]
#[ignore = "slow in debug builds: a million lines"]
fn million_lines_memory_stays_flat() {
    let before = rss_kib();
    let s = stream_count(1_000_000);
    assert_eq!(s.routes, 750_000);
    if let (Some(before), Some(after)) = (before, rss_kib()) {
        assert!(
            after.saturating_sub(before) < 16 * 1024,
            "RSS grew from {before} KiB to {after} KiB"
        );
    }
}

#[test]
fn crlf_bom_and_quotes() {
    let r =
        routes("\u{feff}prefix,next_hop,interface\r\n\"10.0.0.0/8\",\"192.0.2.1\",\"Gig 0/1\"\r\n");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].lines, LineSpan::one(2));
    assert_eq!(r[0].paths[0].interface.as_deref(), Some("Gig 0/1"));
}

#[test]
fn overlong_line_is_bad_and_skipped() {
    let mut text = String::from("10.0.0.0/8,192.0.2.1\n");
    text.push_str(&"x".repeat(MAX_LINE * 3));
    text.push_str("\n10.1.0.0/16,192.0.2.1\n");
    let items = read_all(&text);
    let errs: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 2);
    assert_eq!(errs[0].reason, LineReason::TooLong { max: MAX_LINE });
    let ok: Vec<_> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[1].lines, LineSpan::one(3));
}

#[test]
fn last_line_without_newline() {
    let r = routes("10.0.0.0/8,192.0.2.1\n10.1.0.0/16,192.0.2.1");
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].lines, LineSpan::one(2));
}
#[test]
fn splitter_fields() {
    let mut s = Splitter::default();
    let mut check = |line: &[u8], want: Option<&[&str]>| {
        let split = s.split(line);
        assert_eq!(split.fields().ok().as_deref(), want, "{line:?}");
        s.give_back(split);
    };
    check(
        b"a, b ,\"c,d\",\"e\"\"f\"",
        Some(&["a", "b", "c,d", "e\"f"]),
    );
    check(b"", Some(&[]));
    check(b",,", Some(&["", "", ""]));
    check(b"a,\xff", None);
    let long = "y,".repeat(100);
    let split = s.split(long.as_bytes());
    assert_eq!(split.fields().unwrap().len(), 101);
}
