//! What every command needs before it talks to VPP: where VPP is (or an
//! embedded simulator started for this one command), and how long to wait.

use std::path::PathBuf;

use crate::client::{Client, ConnectOptions};
use crate::sim::{SimConfig, Simulator};

use super::args::GlobalArgs;
use super::output::Output;

pub struct Context {
    pub socket: PathBuf,
    pub stats_socket: PathBuf,
    pub out: Output,
    pub connect: ConnectOptions,
    /// The simulator behind `--sim`; stopped when the command ends.
    sim: Option<(Simulator, tempfile::TempDir)>,
}

impl Context {
    pub fn new(g: &GlobalArgs) -> crate::error::Result<Self> {
        let mut ctx = Context {
            socket: g.socket.clone(),
            stats_socket: g.stats_socket.clone(),
            out: Output { json: g.json },
            connect: ConnectOptions {
                timeout: g.api_timeout,
                ..ConnectOptions::default()
            },
            sim: None,
        };
        if g.sim {
            ctx.start_sim()?;
        }
        Ok(ctx)
    }

    /// Starts a private simulator on a temporary socket for this command.
    fn start_sim(&mut self) -> crate::error::Result<()> {
        let dir = tempfile::Builder::new()
            .prefix("vppx-sim-")
            .tempdir()
            .map_err(|e| {
                crate::error::Error::wrap(
                    crate::error::ErrorClass::Internal,
                    "cannot create the simulator's temporary directory",
                    e,
                )
            })?;
        // Removed by the TempDir on every return, and on a second signal by the handler.
        super::interrupt::remove_on_exit(dir.path().to_path_buf());
        let socket = dir.path().join("api.sock");
        let stats_socket = dir.path().join("stats.sock");
        let sim = Simulator::start(SimConfig {
            socket: socket.clone(),
            stats_socket: Some(stats_socket.clone()),
            interfaces: vec!["pg0".to_string(), "pg1".to_string()],
        })?;
        self.socket = socket;
        self.stats_socket = stats_socket;
        self.sim = Some((sim, dir));
        Ok(())
    }

    /// Connects and checks that VPP has every message the command uses (see docs/design.md,
    /// “Compatibility with the running VPP”).
    pub fn client(&mut self, messages: &[&[&str]]) -> crate::error::Result<Client> {
        let client = Client::connect(&self.socket, &self.connect)?;
        let names: Vec<&str> = messages.iter().flat_map(|m| m.iter().copied()).collect();
        client.require(&names)?;
        Ok(client)
    }
}

impl Drop for Context {
    fn drop(&mut self) {
        if let Some((sim, _dir)) = self.sim.take() {
            sim.stop();
        }
    }
}
