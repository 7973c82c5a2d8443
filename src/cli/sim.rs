//! `vppx sim`: the simulator in the foreground, on the given sockets, until
//! SIGINT or SIGTERM (then it removes its socket files), or until one of its heaps runs
//! out (then it exits 1, as VPP aborts). `--traffic` starts flows into
//! interfaces, as the simulator's `sim traffic` command does.

use super::args::{GlobalArgs, SimArgs};
use super::exit::CliError;
use crate::sim::{SimConfig, Simulator};

/// `pg0=1000pps,64B,dst=P` → `sim traffic pg0 1000pps 64B dst P`.
fn traffic_line(spec: &str) -> Result<String, CliError> {
    let bad = || {
        CliError::bad_input(format!(
            "--traffic {spec}: expected IFACE=RATE,SIZE[,dst=PREFIX][,src=PREFIX], e.g. pg0=1000pps,64B"
        ))
    };
    let (iface, rest) = spec.split_once('=').ok_or_else(bad)?;
    if iface.is_empty() || iface.contains(char::is_whitespace) {
        return Err(bad());
    }
    let mut words = vec!["sim traffic".to_owned(), iface.to_owned()];
    for part in rest.split(',') {
        match part.split_once('=') {
            Some((k @ ("dst" | "src"), v)) => words.extend([k.to_owned(), v.to_owned()]),
            Some(_) => return Err(bad()),
            None if part.is_empty() || part.contains(char::is_whitespace) => return Err(bad()),
            None => words.push(part.to_owned()),
        }
    }
    Ok(words.join(" "))
}

pub fn run(g: &GlobalArgs, args: SimArgs) -> crate::error::Result<()> {
    super::interrupt::install()?;
    let sim = Simulator::start(SimConfig {
        socket: g.socket.clone(),
        stats_socket: Some(g.stats_socket.clone()),
        interfaces: args.interfaces,
        stats_size: args.statseg_size.map(|s| s.0),
        heap_size: args.heap_size.map(|s| s.0),
    })?;
    for spec in &args.traffic {
        let line = traffic_line(spec)?;
        let (rv, reply) = sim.cli(&line);
        if rv != 0 {
            let why = reply.trim_end().to_owned();
            sim.stop();
            return Err(CliError::bad_input(format!("--traffic {spec}: {why}")).into());
        }
    }
    eprintln!(
        "vppx sim: serving the binary API on {} and stats on {}",
        g.socket.display(),
        g.stats_socket.display()
    );
    while !super::interrupt::interrupted() {
        if let Some(died) = sim.dead() {
            // A heap ran out: the simulated VPP is dead, as a real one aborts.
            sim.stop();
            return Err(died.into());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    sim.stop();
    Ok(())
}
