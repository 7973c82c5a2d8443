//! `vppx sim`: the simulator in the foreground, on the given sockets, until
//! SIGINT or SIGTERM (then it removes its socket files).

use super::args::{GlobalArgs, SimArgs};
use crate::sim::{SimConfig, Simulator};

pub fn run(g: &GlobalArgs, args: SimArgs) -> anyhow::Result<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })?;
    let sim = Simulator::start(SimConfig {
        socket: g.socket.clone(),
        stats_socket: Some(g.stats_socket.clone()),
        interfaces: args.interfaces,
    })?;
    eprintln!(
        "vppx sim: serving the binary API on {} and stats on {}",
        g.socket.display(),
        g.stats_socket.display()
    );
    let _ = rx.recv();
    sim.stop();
    Ok(())
}
