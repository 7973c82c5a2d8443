//! Fixtures shared by the integration tests.
//!
//! Ground truth lives in the repository: VPP's captures under `tests/golden/` and VPP's
//! `.api.json` set under `apigen/vpp-api/` (each with a README). A missing file there is a
//! test failure. Only an outside tool (Python with vpp_papi) may be missing: such a test is
//! skipped with a notice, except under `CI=true`, where it fails.

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

/// VPP's `.api.json` set that apigen generates `src/binapi` from (`apigen/vpp-api/`).
pub fn vpp_api_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("apigen/vpp-api")
}

/// The path of `relative` under `tests/golden/`.
pub fn golden_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(relative)
}

/// A file under `tests/golden/`, gunzipped when its name ends in `.gz`.
///
/// # Panics
/// When the file is missing or unreadable: the captures are part of the repository.
pub fn golden(relative: &str) -> Vec<u8> {
    let path = golden_path(relative);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if !relative.ends_with(".gz") {
        return raw;
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&raw[..]), &mut out)
        .unwrap_or_else(|e| panic!("{} is not valid gzip: {e}", path.display()));
    out
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

/// Polls `check` until it gives a value, and returns it; panics naming `what` and
/// `check`'s last answer after `within` (every wait in a test is bounded). `check` is
/// called at least once.
pub fn poll_until<T>(
    within: std::time::Duration,
    what: &str,
    mut check: impl FnMut() -> Result<T, String>,
) -> T {
    let deadline = std::time::Instant::now() + within;
    loop {
        match check() {
            Ok(v) => return v,
            Err(last) => assert!(
                std::time::Instant::now() < deadline,
                "{what}: not within {within:?}; last: {last}"
            ),
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The bash-completion driver: a real bash runs `load` (a command that defines vppx's
/// completion, e.g. `source "$FILE"`), then completes `words` as if TAB were pressed after
/// the last one. The sorted candidates and bash's standard error; an error if bash does
/// not run at all.
pub fn bash_complete(
    load: &str,
    words: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
) -> std::io::Result<(Vec<String>, String)> {
    let script = r#"
eval "$1" || exit 3; shift
spec=$(complete -p vppx) || exit 4
fn=${spec#*-F }; fn=${fn%% *}
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script, "bash", load])
        .args(words)
        .envs(env.iter().copied())
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "bash: {stderr}");
    let mut got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    got.sort();
    Ok((got, stderr))
}
