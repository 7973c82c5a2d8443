//! Finding the captures of a real VPP (`../shared/golden/`) from tests (D7).
//!
//! One place decides where they are (`VPPX_SHARED`, default `../shared` beside the crate)
//! and what happens when they are missing: the test is skipped with a printed notice, or
//! fails when `CI=true`.

use std::path::PathBuf;

/// The shared directory, or `None` (after printing why) when it is absent outside CI.
///
/// # Panics
/// When it is absent and `CI=true`: CI must run every golden test.
pub(crate) fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("VPPX_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    if dir.join("golden").is_dir() {
        return Some(dir);
    }
    let why = format!(
        "{test}: golden captures not found in {} (set VPPX_SHARED)",
        dir.display()
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}");
    eprintln!("skipped: {why}");
    None
}

/// The frames of `golden/api/<name>` (one JSON object a line), or `None` as
/// [`shared_dir`].
pub(crate) fn api_frames(test: &str, name: &str) -> Option<Vec<serde_json::Value>> {
    let path = shared_dir(test)?.join("golden/api").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{test}: reading {}: {e}", path.display()));
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("{test}: {}: {e}", path.display()))
            })
            .collect(),
    )
}
