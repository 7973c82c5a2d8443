//! A running `vppx sim` on a temp socket, and a way to run `vppx` against it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

pub const VPPX: &str = env!("CARGO_BIN_EXE_vppx");

/// `vppx sim` on private sockets; killed when dropped.
pub struct Sim {
    child: Child,
    pub dir: tempfile::TempDir,
}

impl Sim {
    pub fn start() -> Sim {
        Self::start_with(&["--interfaces", "pg0,pg1"])
    }

    pub fn start_with(args: &[&str]) -> Sim {
        Self::spawn(tempfile::tempdir().expect("temp dir"), args)
    }

    /// Stops the simulator (as a crash would), keeping its directory.
    pub fn stop(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir().expect("temp dir"));
        let _ = std::fs::remove_file(dir.path().join("api.sock"));
        let _ = std::fs::remove_file(dir.path().join("stats.sock"));
        dir
    }

    /// A new simulator on the sockets of one that was stopped (a VPP restart).
    pub fn start_in(dir: tempfile::TempDir) -> Sim {
        Self::spawn(dir, &["--interfaces", "pg0,pg1"])
    }

    fn spawn(dir: tempfile::TempDir, args: &[&str]) -> Sim {
        let socket = dir.path().join("api.sock");
        let child = Command::new(VPPX)
            .arg("sim")
            .arg("--socket")
            .arg(&socket)
            .arg("--stats-socket")
            .arg(dir.path().join("stats.sock"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vppx sim");
        crate::common::poll_until(
            Duration::from_secs(10),
            "vppx sim creates its socket",
            || {
                socket
                    .exists()
                    .then_some(())
                    .ok_or("no socket yet".to_string())
            },
        );
        Sim { child, dir }
    }

    /// Waits up to `within` for the simulator to end by itself: its exit code and stderr.
    pub fn wait_exit(&mut self, within: Duration) -> (i32, String) {
        let status = crate::common::poll_until(within, "vppx sim exits by itself", || {
            let status = self.child.try_wait().expect("wait for vppx sim");
            status.ok_or("still running".to_string())
        });
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        (status.code().unwrap_or(-1), err)
    }

    /// The simulator's process id (to signal it).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn socket(&self) -> PathBuf {
        self.dir.path().join("api.sock")
    }

    /// `vppx --socket <sim> args...`
    pub fn vppx(&self, args: &[&str]) -> Run {
        run_vppx(&self.socket(), args)
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one `vppx` run did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(
            self.code, expected,
            "exit code {} (expected {expected})\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    pub fn ok(self) -> Run {
        self.code(0)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

pub fn run_vppx(socket: &Path, args: &[&str]) -> Run {
    let out = Command::new(VPPX)
        .arg("--socket")
        .arg(socket)
        .args(args)
        .env_remove("VPPX_SOCKET")
        .env_remove("VPPX_STATS_SOCKET")
        .stdin(Stdio::null())
        .output()
        .expect("run vppx");
    Run::from(out)
}

/// Runs vppx with no socket override at all.
pub fn run_bare(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(VPPX);
    cmd.args(args)
        .env_remove("VPPX_SOCKET")
        .env_remove("VPPX_STATS_SOCKET")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    Run::from(cmd.output().expect("run vppx"))
}
