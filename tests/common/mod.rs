//! Fixtures shared by the integration tests.
//!
//! Decisions D6/D7: ground truth lives in `../shared` (or `$VPPX_SHARED`), read at run time;
//! a test whose outside tool or data is missing is skipped with a notice, except under
//! `CI=true`, where it fails.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// True when running in CI, where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips the calling test (returns `None` to the caller) or, in CI, fails it.
pub fn skip<T>(reason: &str) -> Option<T> {
    assert!(!in_ci(), "CI=true and {reason}");
    // Straight to the descriptor: the test harness would swallow `eprintln!` of a passing
    // test, and a skip must be seen.
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {reason}");
    None
}

/// The shared ground-truth folder: `$VPPX_SHARED`, else `../shared`, relative to the crate
/// root. `None` (after a notice) when it is missing outside CI.
pub fn shared_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("VPPX_SHARED") {
        Some(dir) => root.join(dir),
        None => root.join("../shared"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(&format!(
            "shared ground truth not found at {}",
            dir.display()
        ))
    }
}

/// A file under the shared folder, gunzipped when its name ends in `.gz`, or `None` as
/// [`shared_dir`] decides.
#[allow(dead_code)]
pub fn shared_file(relative: &str) -> Option<Vec<u8>> {
    let path = shared_dir()?.join(relative);
    let raw = match std::fs::read(&path) {
        Ok(raw) => raw,
        Err(e) => return skip(&format!("cannot read {}: {e}", path.display())),
    };
    if !relative.ends_with(".gz") {
        return Some(raw);
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&raw[..]), &mut out)
        .unwrap_or_else(|e| panic!("{} is not valid gzip: {e}", path.display()));
    Some(out)
}

/// The Python that can import `module`: `$PYTHON`, else `python3`, as
/// scripts/setup-test-deps.sh installs into. `None` as [`skip`] decides.
pub fn python_with(module: &str) -> Option<String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    match std::process::Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
    {
        Err(e) => skip(&format!("{python} not runnable: {e}")),
        Ok(o) if !o.status.success() => skip(&format!(
            "{python} cannot import {module} (scripts/setup-test-deps.sh installs vpp-papi)"
        )),
        Ok(_) => Some(python),
    }
}

/// vpp_papi's encodings of sample messages (`tests/py/papi_vectors.py`) over the
/// definitions in `api_dir`, only `modules` when any are named: one JSON value a message.
pub fn papi_vectors(api_dir: &std::path::Path, modules: &[&str]) -> Option<Vec<serde_json::Value>> {
    let python = python_with("vpp_papi")?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/py/papi_vectors.py");
    let out = std::process::Command::new(python)
        .arg(&script)
        .arg(api_dir)
        .args(modules)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{} failed:\n{}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .expect("UTF-8 output")
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect(),
    )
}

/// The whole stats segment behind `socket` as vpp_papi's VPPStats reads it
/// (`tests/py/read_stats.py`): path → `{type, value}`.
pub fn papi_read_stats(
    socket: &std::path::Path,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    let python = python_with("vpp_papi.vpp_stats")?;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/read_stats.py");
    let out = std::process::Command::new(python)
        .arg(script)
        .arg(socket)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "vpp_papi failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout).expect("python prints JSON") {
        serde_json::Value::Object(m) => Some(m),
        other => panic!("read_stats.py printed {other}, not an object"),
    }
}

/// A snapshot in the shapes vpp_papi gives (and golden/stats/expected.json records).
pub fn papi_json(snapshot: &vppx::stats::Snapshot) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::{json, Value};
    use vppx::stats::{CombinedCounter, StatValue};
    let pair = |c: &CombinedCounter| json!([c.packets, c.bytes]);
    snapshot
        .iter()
        .map(|e| {
            let value = match &e.value {
                StatValue::Scalar(v) | StatValue::Gauge(v) => json!(v),
                StatValue::Simple(t) => json!(t),
                StatValue::Combined(t) => t
                    .iter()
                    .map(|thread| thread.iter().map(pair).collect::<Value>())
                    .collect(),
                // vpp_papi skips empty slots.
                StatValue::Names(names) => json!(names.iter().flatten().collect::<Vec<_>>()),
                StatValue::Histogram(h) => json!({"min_exp": h.min_exp, "bins": h.bins}),
                StatValue::SimpleElement(v) => json!(v),
                StatValue::CombinedElement(v) => v.iter().map(pair).collect(),
            };
            let entry = json!({"type": e.stat_type.as_str(), "value": value});
            (e.name.to_string(), entry)
        })
        .collect()
}

/// Compares two readings path by path, so a failure names the paths that differ.
pub fn assert_same_paths(
    ours: &serde_json::Map<String, serde_json::Value>,
    theirs: &serde_json::Map<String, serde_json::Value>,
) {
    let mut problems = Vec::new();
    for (path, want) in theirs {
        match ours.get(path) {
            None => problems.push(format!("{path}: missing from our reading")),
            Some(got) if got != want => problems.push(format!("{path}: ours {got}, theirs {want}")),
            Some(_) => {}
        }
    }
    for path in ours.keys().filter(|p| !theirs.contains_key(*p)) {
        problems.push(format!("{path}: only in our reading"));
    }
    assert!(
        problems.is_empty(),
        "{} of {} paths differ:\n{}",
        problems.len(),
        theirs.len(),
        problems[..problems.len().min(30)].join("\n")
    );
}
