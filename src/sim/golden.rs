//! The captures of a real VPP under `tests/golden/` (see its README), as the library's unit
//! tests read them.
//!
//! The integration tests have their own accessor in `tests/common`; this one exists because
//! unit tests cannot reach that module, and the simulator's and the client's unit tests
//! compare themselves with the captures frame by frame. The captures are part of the
//! repository, so a missing or unreadable file is a test failure, never a skip.

use std::path::PathBuf;

use serde::Deserialize;

/// The path of `relative` under `tests/golden/`.
pub(crate) fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(relative)
}

/// The text of `tests/golden/<relative>`.
///
/// # Panics
/// When the file is missing or unreadable.
pub(crate) fn text(relative: &str) -> String {
    let path = path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The frames of `tests/golden/api/<name>` (one JSON object a line).
pub(crate) fn api_frames(name: &str) -> Vec<serde_json::Value> {
    let relative = format!("api/{name}");
    text(&relative)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{relative}: {e}")))
        .collect()
}

#[derive(Deserialize)]
struct Entry {
    cmd: String,
    retval: i32,
    reply: String,
}

/// `cli/cli.json`: real VPP answers to `cli_inband`.
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

/// Loads `cli/cli.json`.
pub(crate) fn cli_golden() -> CliGolden {
    let entries = serde_json::from_str(&text("cli/cli.json"))
        .unwrap_or_else(|e| panic!("parsing cli/cli.json: {e}"));
    CliGolden { entries }
}

/// The reply VPP sent to the `cli_inband` with command `cmd` in `api/<file>`.
pub(crate) fn session_cli_reply(file: &str, cmd: &str) -> String {
    let mut context = None;
    for frame in api_frames(file) {
        let msg = frame["msg"].as_str().unwrap_or_default();
        let fields = &frame["fields"];
        if msg.starts_with("cli_inband_reply") {
            if context.is_some() && fields["context"].as_u64() == context {
                if let Some(reply) = fields["reply"].as_str() {
                    return reply.to_owned();
                }
            }
        } else if msg.starts_with("cli_inband") && fields["cmd"].as_str() == Some(cmd) {
            context = fields["context"].as_u64();
        }
    }
    panic!("{file} has no cli_inband reply to `{cmd}`")
}
