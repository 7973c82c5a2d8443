//! The command line: flags defined once with clap, one file per subcommand,
//! one renderer (`output`) for tables and JSON.

mod acl;
mod api;
mod apply;
pub mod args;
mod bench;
pub mod completions;
mod context;
pub mod exit;
mod iface;
pub mod interrupt;
mod output;
mod replace;
mod route;
mod serve;
mod sim;
mod stats;
mod stream_table;
mod system;
mod watch;

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
