//! A table printed row by row, for listings too long to hold as strings (a million
//! routes): the caller measures every row first, then prints them, in the same look as
//! the other tables.
//!
//! Hand-written rather than comfy-table, which needs every row in memory at once.

use std::io::{self, Write};

/// Column widths (in characters), grown by [`StreamTable::measure`].
#[derive(Debug, Clone)]
pub struct StreamTable {
    widths: Vec<usize>,
    headers: Vec<String>,
}

impl StreamTable {
    pub fn new(headers: &[&str]) -> StreamTable {
        StreamTable {
            widths: headers.iter().map(|h| h.chars().count()).collect(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
        }
    }

    /// Makes room for `row`.
    pub fn measure(&mut self, row: &[String]) {
        for (w, cell) in self.widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }

    fn rule(
        &self,
        out: &mut impl Write,
        left: &str,
        fill: &str,
        mid: &str,
        right: &str,
    ) -> io::Result<()> {
        let parts: Vec<String> = self.widths.iter().map(|w| fill.repeat(w + 2)).collect();
        writeln!(out, "{left}{}{right}", parts.join(mid))
    }

    fn line(&self, out: &mut impl Write, cells: &[String]) -> io::Result<()> {
        let parts: Vec<String> = self
            .widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let cell = cells.get(i).map_or("", String::as_str);
                let pad = w.saturating_sub(cell.chars().count());
                format!(" {cell}{} ", " ".repeat(pad))
            })
            .collect();
        writeln!(out, "│{}│", parts.join("┆"))
    }

    /// The top border and the header.
    pub fn head(&self, out: &mut impl Write) -> io::Result<()> {
        self.rule(out, "┌", "─", "┬", "┐")?;
        self.line(out, &self.headers)?;
        self.rule(out, "╞", "═", "╪", "╡")
    }

    pub fn row(&self, out: &mut impl Write, row: &[String]) -> io::Result<()> {
        self.line(out, row)
    }

    /// The bottom border.
    pub fn foot(&self, out: &mut impl Write) -> io::Result<()> {
        self.rule(out, "└", "─", "┴", "┘")
    }
}
