//! `vppx completions SHELL`: completion scripts generated from the clap
//! definitions, the same ones committed under `completions/`.

use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use super::args::Cli;
use super::output::write_out;

/// Every shell vppx ships a script for.
pub const SHELLS: &[Shell] = &[
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// The script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "vppx", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The file name the script is installed under (`vppx.bash`, `_vppx`, ...).
pub fn file_name(shell: Shell) -> String {
    shell.file_name("vppx")
}

pub fn print(shell: Shell) -> anyhow::Result<()> {
    write_out(&script(shell));
    Ok(())
}
