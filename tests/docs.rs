//! Shell completions, man pages and `--help` examples, all generated from the
//! clap definitions in `src/cli/args.rs`.
//!
//! `completions/` and `man/` are committed; a test fails when they differ from
//! what the current CLI generates. `VPPX_BLESS=1 cargo test --test docs`
//! rewrites them (and removes pages of subcommands that no longer exist).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use clap::{Command, CommandFactory};
use roff::{roman, Roff};
use vppx::cli::args::Cli;
use vppx::cli::completions;

const VPPX: &str = env!("CARGO_BIN_EXE_vppx");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The CLI as the man pages see it: built (global flags propagated, display
/// names set), without clap's `help` subcommand.
fn built() -> Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every command, the root first, depth first.
fn commands(cmd: &Command) -> Vec<Command> {
    let mut out = vec![cmd.clone()];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out.extend(commands(sub));
    }
    out
}

/// A command's `after_help`: the text before the examples, and the examples.
fn after_help(cmd: &Command) -> (String, Vec<String>) {
    let text = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let (note, examples) = match text.split_once("Examples:\n") {
        Some((note, examples)) => (note, examples),
        None => (text.as_str(), ""),
    };
    (
        note.trim().to_string(),
        examples
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
    )
}

/// One man page: clap_mangen's sections, then NOTES and EXAMPLES from
/// `after_help`, set as a block (clap_mangen would run them together into one
/// paragraph), then VERSION.
fn man_page(cmd: &Command) -> (String, Vec<u8>) {
    let version = cmd.get_version().unwrap_or_default().to_string();
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("vppx {version}"))
        .manual("vppx manual");
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    man.render_synopsis_section(&mut out).unwrap();
    man.render_description_section(&mut out).unwrap();
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).unwrap();
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out).unwrap();
    }
    let (note, examples) = after_help(cmd);
    let mut extra = Roff::new();
    if !note.is_empty() {
        extra.control("SH", ["NOTES"]);
        for para in note.split("\n\n") {
            extra.control("PP", []);
            extra.text([roman(para.replace('\n', " "))]);
        }
    }
    if !examples.is_empty() {
        extra.control("SH", ["EXAMPLES"]);
        extra.control("PP", []);
        extra.control("nf", []);
        extra.control("RS", ["4"]);
        for e in &examples {
            extra.text([roman(e.as_str())]);
        }
        extra.control("RE", []);
        extra.control("fi", []);
    }
    extra.to_writer(&mut out).unwrap();
    man.render_version_section(&mut out).unwrap();
    (man.get_filename(), out)
}

/// What `completions/` and `man/` must hold, by path from the crate root.
fn generated() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for &shell in completions::SHELLS {
        files.insert(
            Path::new("completions").join(completions::file_name(shell)),
            completions::script(shell).into_bytes(),
        );
    }
    for cmd in commands(&built()) {
        let (name, page) = man_page(&cmd);
        files.insert(Path::new("man").join(name), page);
    }
    files
}

/// The files now in `completions/` and `man/`.
fn committed() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for dir in ["completions", "man"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            let rel = Path::new(dir).join(e.file_name());
            files.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    files
}

#[test]
fn committed_completions_and_man_pages_are_what_the_cli_generates() {
    let want = generated();
    assert!(want.contains_key(Path::new("man/vppx.1")));
    assert!(want.contains_key(Path::new("man/vppx-route-load.1")));
    assert!(want.contains_key(Path::new("man/vppx-api-call.1")));
    let have = committed();
    if std::env::var_os("VPPX_BLESS").is_some() {
        for stale in have.keys().filter(|p| !want.contains_key(*p)) {
            std::fs::remove_file(root().join(stale)).unwrap();
        }
        for (path, bytes) in &want {
            let path = root().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        return;
    }
    let mut diff = Vec::new();
    for (path, bytes) in &want {
        match have.get(path) {
            None => diff.push(format!("{} is missing", path.display())),
            Some(b) if b != bytes => diff.push(format!("{} differs", path.display())),
            Some(_) => {}
        }
    }
    for path in have.keys().filter(|p| !want.contains_key(*p)) {
        diff.push(format!("{} is not generated any more", path.display()));
    }
    assert!(
        diff.is_empty(),
        "completions/ and man/ are not what the CLI generates:\n  {}\n\
         regenerate with VPPX_BLESS=1 cargo test --test docs",
        diff.join("\n  ")
    );
}

#[test]
fn vppx_completions_prints_the_committed_scripts() {
    for &shell in completions::SHELLS {
        let out = Process::new(VPPX)
            .args(["completions", &shell.to_string()])
            .output()
            .expect("run vppx");
        assert!(out.status.success(), "{shell}");
        let file = root()
            .join("completions")
            .join(completions::file_name(shell));
        let committed = std::fs::read(&file).expect("committed script");
        assert!(out.stdout == committed, "{shell}: differs from {file:?}");
    }
    let out = Process::new(VPPX)
        .args(["completions", "tcsh"])
        .output()
        .expect("run vppx");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tcsh") && err.contains("bash"), "{err}");
}

/// A line of shell, cut into the vppx invocations it makes: environment
/// assignments dropped, cut at pipes, `&&`, `;` and redirections.
fn invocations(line: &str) -> Vec<Vec<String>> {
    #[derive(PartialEq)]
    enum Tok {
        Word(String),
        Op(String),
    }
    let mut toks = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            '|' | '&' | ';' | '>' | '<' => {
                if in_word {
                    toks.push(Tok::Word(std::mem::take(&mut word)));
                    in_word = false;
                }
                let mut op = c.to_string();
                if chars.peek() == Some(&c) {
                    op.push(chars.next().unwrap());
                }
                toks.push(Tok::Op(op));
            }
            c if c.is_whitespace() => {
                if in_word {
                    toks.push(Tok::Word(std::mem::take(&mut word)));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        toks.push(Tok::Word(word));
    }
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut redirect = false;
    for t in toks {
        match t {
            Tok::Op(op) if op.starts_with('>') || op.starts_with('<') => redirect = true,
            Tok::Op(_) => out.push(std::mem::take(&mut cur)),
            Tok::Word(_) if redirect => redirect = false,
            Tok::Word(w) => {
                let assignment = cur.is_empty()
                    && w.split_once('=').is_some_and(|(k, _)| {
                        !k.is_empty() && k.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                    });
                if !assignment {
                    cur.push(w);
                }
            }
        }
    }
    out.push(cur);
    out.into_iter()
        .filter(|words| words.first().is_some_and(|w| w == "vppx"))
        .collect()
}

#[test]
fn every_help_ends_with_two_or_three_examples_that_parse() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for mut cmd in commands(&built()) {
        let name = cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string();
        let (_, examples) = after_help(&cmd);
        if !(2..=3).contains(&examples.len()) {
            problems.push(format!("{name}: {} examples", examples.len()));
            continue;
        }
        let help = cmd.render_help().to_string();
        if !help.trim_end().ends_with(examples.last().unwrap().as_str()) {
            problems.push(format!("{name}: --help does not end with its examples"));
        }
        let path: Vec<&str> = name.split(' ').skip(1).collect();
        for e in &examples {
            let calls = invocations(e);
            if calls.is_empty() {
                problems.push(format!("{name}: `{e}` does not run vppx"));
            }
            if !calls
                .iter()
                .any(|c| path.iter().all(|p| c.iter().any(|w| w == p)))
            {
                problems.push(format!("{name}: `{e}` does not run `{name}`"));
            }
            for words in calls {
                if let Err(err) = <Cli as clap::Parser>::try_parse_from(&words) {
                    problems.push(format!("{name}: `{e}` does not parse: {err}"));
                }
                checked += 1;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "--help examples:\n  {}",
        problems.join("\n  ")
    );
    assert!(checked > 60, "only {checked} examples checked");
}

#[test]
fn the_example_splitter_sees_every_vppx_call() {
    assert_eq!(
        invocations(r#"VPPX_SOCKET=/tmp/vpp.sock vppx iface list"#),
        [["vppx", "iface", "list"]]
    );
    assert_eq!(
        invocations(r#"vppx iface up pg0 && vppx watch --until up --iface pg0"#),
        vec![
            vec!["vppx", "iface", "up", "pg0"],
            vec!["vppx", "watch", "--until", "up", "--iface", "pg0"]
        ]
    );
    assert_eq!(
        invocations(r#"vppx completions zsh > "${fpath[1]}/_vppx""#),
        [["vppx", "completions", "zsh"]]
    );
    assert_eq!(
        invocations(r#"gen | vppx api call x '{"a": 1}' | jq '.[] | .b'"#),
        [["vppx", "api", "call", "x", r#"{"a": 1}"#]]
    );
    assert!(invocations("jq .").is_empty());
}

/// A real bash: loads `completions/vppx.bash` and completes `words` as if TAB
/// was pressed after the last one.
fn bash_complete(words: &[&str]) -> Option<Vec<String>> {
    let script = root().join("completions/vppx.bash");
    match common::bash_complete(
        r#"source "$VPPX_BASH_COMPLETION""#,
        words,
        &[("VPPX_BASH_COMPLETION", script.as_os_str())],
    ) {
        Ok((got, _)) => Some(got),
        Err(e) => common::skip(&format!("bash not runnable: {e}")),
    }
}

#[test]
fn bash_completes_subcommands_with_the_committed_script() {
    let Some(ro) = bash_complete(&["vppx", "ro"]) else {
        return;
    };
    assert_eq!(ro, ["route"]);
    assert_eq!(
        bash_complete(&["vppx", "route", "l"]).unwrap(),
        ["list", "load"]
    );
    assert_eq!(bash_complete(&["vppx", "api", "c"]).unwrap(), ["call"]);
    assert_eq!(
        bash_complete(&["vppx", "route", "load", "--kee"]).unwrap(),
        ["--keep-going"]
    );
    assert_eq!(
        bash_complete(&["vppx", "completions", "z"]).unwrap(),
        ["zsh"]
    );
}

#[test]
fn every_man_page_renders_without_warnings() {
    // man-db's `man` (scripts/setup-test-deps.sh installs it).
    match Process::new("man").arg("--version").output() {
        Ok(o) if o.status.success() => {}
        Ok(_) => {
            common::skip::<()>("`man --version` fails: is man-db installed?");
            return;
        }
        Err(e) => {
            common::skip::<()>(&format!("man is not runnable: {e}"));
            return;
        }
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("man"))
        .expect("man/")
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() > 30, "only {} pages", pages.len());
    // groff's warnings, every kind; stdout is plain text (not a terminal).
    let render = |page: &Path| {
        let out = Process::new("man")
            .args(["--warnings=w", "-E", "UTF-8", "-l"])
            .arg(page)
            .env("MANWIDTH", "80")
            .env_remove("MAN_KEEP_FORMATTING")
            .env_remove("MANPAGER")
            .env_remove("PAGER")
            .output()
            .expect("man runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // The check can fail: a page with an unknown macro is warned about.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.1");
    std::fs::write(
        &bad,
        ".TH BAD 1\n.SH NAME\nbad \\- a page\n.NOSUCHMACRO x\n",
    )
    .unwrap();
    let (_, _, err) = render(&bad);
    assert!(
        err.contains("NOSUCHMACRO"),
        "man reports no warnings: {err:?}"
    );

    let mut problems = Vec::new();
    for page in &pages {
        let (ok, text, err) = render(page);
        if !ok || !err.trim().is_empty() {
            problems.push(format!("{}: {err}", page.display()));
        }
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXAMPLES"] {
            if !text.contains(&format!("\n{section}\n")) {
                problems.push(format!("{}: no {section} section", page.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
