//! The one renderer: commands hand it data, it prints a table or JSON.
//! A closed pipe (`vppx ... | head`) is an error of class `OutputClosed`: the command
//! stops, its destructors run, and it exits 0 quietly.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use crate::error::{Error, ErrorClass, Result};

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
    ) -> Result<()> {
        if self.json {
            self.json_line(value)
        } else {
            write_out(&format!("{}\n", table(headers, rows)))
        }
    }

    /// One JSON document (pretty for a finite answer).
    pub fn json_line<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let s = serde_json::to_string_pretty(value)
            .map_err(|e| Error::wrap(ErrorClass::Internal, "cannot encode JSON", e))?;
        write_out(&format!("{s}\n"))
    }

    /// Plain text, printed as is.
    pub fn text(&self, s: &str) -> Result<()> {
        write_out(s)
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

/// Writes to stdout, flushed. A closed pipe is [`ErrorClass::OutputClosed`] (exit 0).
pub fn write_out(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| {
            if e.kind() == io::ErrorKind::BrokenPipe {
                Error::new(ErrorClass::OutputClosed, "standard output was closed")
            } else {
                Error::wrap(ErrorClass::Internal, "cannot write output", e)
            }
        })
}
