//! `apigen --api-dir DIR --out DIR [--check]`: generates vppx's binapi modules.

#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: apigen --api-dir DIR --out DIR [--check]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut api_dir = None;
    let mut out = None;
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--api-dir" => api_dir = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "--check" => check = true,
            "-h" | "--help" => return usage(),
            _ => return usage(),
        }
    }
    let (Some(api_dir), Some(out)) = (api_dir, out) else {
        return usage();
    };
    match run(&api_dir, &out, check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("apigen: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(
    api_dir: &std::path::Path,
    out: &std::path::Path,
    check: bool,
) -> Result<bool, Box<dyn std::error::Error>> {
    let api = apigen::parse_dir(api_dir)?;
    let errors = match std::fs::read_to_string(api_dir.join("api-errors.tsv")) {
        Ok(text) => apigen::emit::parse_errors(&text)?,
        Err(e) => return Err(format!("{}: {e}", api_dir.join("api-errors.tsv").display()).into()),
    };
    let files = apigen::emit::emit(&api, apigen::emit::DEFAULT_MODULES, &errors)?;
    let diff = apigen::write::compare(out, &files)?;
    if check {
        for d in &diff {
            eprintln!("apigen: {d}");
        }
        return Ok(diff.is_empty());
    }
    apigen::write::write(out, &files)?;
    eprintln!("apigen: wrote {} files to {}", files.len(), out.display());
    Ok(true)
}
