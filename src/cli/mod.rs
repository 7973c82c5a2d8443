//! The command line: flags defined once with clap, one file per subcommand,
//! one renderer (`output`) for tables and JSON.

pub mod acl;
pub mod api;
pub mod apply;
pub mod args;
pub mod bench;
pub mod completions;
pub mod context;
pub mod exit;
pub mod iface;
pub mod interrupt;
pub mod output;
pub mod replace;
pub mod route;
pub mod serve;
pub mod sim;
pub mod stats;
mod stream_table;
pub mod system;
pub mod watch;

use args::{Cli, Command};
use context::Context;

/// Runs a parsed command line; the exit code of a command that succeeded (0, or 1 for
/// `apply --plan --exit-code` with changes pending).
pub fn run(cli: Cli) -> crate::error::Result<u8> {
    if let Command::Completions { shell, dynamic } = cli.command {
        return completions::print(shell, dynamic).map(|()| exit::OK);
    }
    let mut ctx = Context::new(&cli.global)?;
    if let Command::Apply(args) = &cli.command {
        return apply::run(&mut ctx, args);
    }
    match cli.command {
        Command::Version => system::version(&mut ctx),
        Command::Cli { command } => system::cli(&mut ctx, &command.join(" ")),
        Command::Iface { command } => iface::run(&mut ctx, command),
        Command::Route { command } => route::run(&mut ctx, command),
        Command::Acl { command } => acl::run(&mut ctx, command),
        Command::Stats(args) => stats::run(&mut ctx, args),
        Command::Bench { what } => bench::run(&mut ctx, what),
        Command::Watch(args) => watch::run(&mut ctx, args),
        Command::Serve(args) => serve::run(&mut ctx, args),
        Command::Sim(args) => sim::run(&cli.global, args),
        Command::Api(args) => api::run(&mut ctx, args),
        Command::Completions { .. } | Command::Apply(_) => Ok(()),
    }
    .map(|()| exit::OK)
}
