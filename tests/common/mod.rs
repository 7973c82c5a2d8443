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
