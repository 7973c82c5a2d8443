//! The `vppx` binary: parse arguments, run, turn the error's class into the exit code.

use std::process::ExitCode;

use clap::Parser;
use vppx::cli::{self, args::Cli, exit};

fn main() -> ExitCode {
    // A dynamic completion script asking (VPPX_COMPLETE set): answer and exit.
    cli::completions::complete_if_asked();
    let args = Cli::parse();
    // A second SIGINT/SIGTERM while a command stops cleanly: no more waiting.
    cli::interrupt::on_second_signal(|| std::process::exit(130));
    match cli::run(args) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(err) => ExitCode::from(exit::report(&err)),
    }
}
