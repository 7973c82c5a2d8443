//! Test access to the real-VPP captures under `$VPPX_SHARED/golden` (default `../shared`,
//! relative to the crate root).
//!
//! The captures are not part of the project, so a checkout without them still builds and
//! tests: [`shared_dir`] prints a notice and the golden tests return early. Under CI
//! (`CI=true`) a missing capture is a failure instead, so a broken setup cannot pass silently.

use std::io::Write;
use std::path::PathBuf;

use serde::Deserialize;

/// The shared ground-truth directory, or `None` (after a notice) when it is absent.
///
/// # Panics
/// When the directory is absent and `CI=true`.
pub(crate) fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("VPPX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("golden").is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "golden captures not found under {} (set VPPX_SHARED)",
        dir.display()
    );
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{msg}");
    }
    // Straight to stderr, not through the test harness's capture: a skip must be seen.
    let _ = writeln!(std::io::stderr(), "notice: {msg}; skipping");
    None
}

#[derive(Deserialize)]
struct Entry {
    cmd: String,
    retval: i32,
    reply: String,
}

/// `golden/cli/cli.json`: real VPP answers to `cli_inband`.
pub(crate) struct CliGolden {
    entries: Vec<Entry>,
}

impl CliGolden {
    /// The captured reply to `cmd`.
    ///
    /// # Panics
    /// When the capture has no such command (a test bug).
    pub(crate) fn reply(&self, cmd: &str) -> &str {
        &self.entry(cmd).reply
    }

    /// The captured retval of `cmd`.
    pub(crate) fn retval(&self, cmd: &str) -> i32 {
        self.entry(cmd).retval
    }

    fn entry(&self, cmd: &str) -> &Entry {
        self.entries
            .iter()
            .find(|e| e.cmd == cmd)
            .unwrap_or_else(|| panic!("cli.json has no `{cmd}`"))
    }

    /// Every captured command with its retval and reply.
    pub(crate) fn all(&self) -> impl Iterator<Item = (&str, i32, &str)> {
        self.entries
            .iter()
            .map(|e| (e.cmd.as_str(), e.retval, e.reply.as_str()))
    }
}

/// Loads `golden/cli/cli.json`, or `None` when the captures are absent (see [`shared_dir`]).
pub(crate) fn cli_golden() -> Option<CliGolden> {
    let path = shared_dir()?.join("golden/cli/cli.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let entries =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
    Some(CliGolden { entries })
}

/// The reply VPP sent to the `cli_inband` with command `cmd` in `golden/api/<file>`.
pub(crate) fn session_cli_reply(file: &str, cmd: &str) -> Option<String> {
    let path = shared_dir()?.join("golden/api").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut context = None;
    for line in text.lines() {
        let frame: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
        let msg = frame["msg"].as_str().unwrap_or_default();
        let fields = &frame["fields"];
        if msg.starts_with("cli_inband_reply") {
            if context.is_some() && fields["context"].as_u64() == context {
                return fields["reply"].as_str().map(str::to_owned);
            }
        } else if msg.starts_with("cli_inband") && fields["cmd"].as_str() == Some(cmd) {
            context = fields["context"].as_u64();
        }
    }
    panic!("{file} has no cli_inband reply to `{cmd}`")
}
