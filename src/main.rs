//! The `vppx` binary: parse arguments, run, turn the error's class into the exit code.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use vppx::cli::{self, args::Cli, exit};

/// A second SIGINT/SIGTERM during a command that stops cleanly: end now.
fn exit_interrupted() -> ! {
    std::process::exit(i32::from(cli::interrupt::EXIT_CODE))
}

fn main() -> ExitCode {
    // A dynamic completion script asking (VPPX_COMPLETE set): answer and exit.
    cli::completions::complete_if_asked();
    let args = Cli::parse();
    cli::interrupt::on_second_signal(exit_interrupted);
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => ExitCode::from(exit::report(&err)),
    }
}
