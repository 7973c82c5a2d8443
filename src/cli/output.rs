//! The one renderer: commands hand it data, it prints a table or JSON.
//! A closed pipe (`vppx ... | head`) ends the program quietly with exit 0.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

/// How results are printed.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints a finite answer: `rows` as a table, or `value` as one JSON document.
    pub fn print<T: Serialize + ?Sized>(
        &self,
        value: &T,
        headers: &[&str],
        rows: Vec<Vec<String>>,
    ) {
        if self.json {
            self.json_line(value);
        } else {
            write_out(&format!("{}\n", table(headers, rows)));
        }
    }

    /// One JSON document (pretty for a finite answer).
    pub fn json_line<T: Serialize + ?Sized>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(s) => write_out(&format!("{s}\n")),
            Err(e) => {
                eprintln!("vppx: cannot encode JSON: {e}");
                std::process::exit(1);
            }
        }
    }

    /// Plain text, printed as is.
    pub fn text(&self, s: &str) {
        write_out(s);
    }
}

/// A table with vppx's look.
pub fn table(headers: &[&str], rows: Vec<Vec<String>>) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().copied());
    for r in rows {
        t.add_row(r);
    }
    t
}

/// Writes to stdout; a closed pipe exits 0 at once (see docs/design.md, “Exit codes”).
pub fn write_out(s: &str) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("vppx: cannot write output: {e}");
        std::process::exit(1);
    }
}
