//! The streaming route-file reader behind `vppx route load`: CSV lines in, [`RouteSpec`]s
//! (or [`LineError`]s) out, one multipath group at a time.
//!
//! One file, past 600 lines: the reader is one state machine over lines, groups and
//! columns.
//!
//! It owns the file format (described in [`crate::ops::routes`]), line numbers, grouping
//! of adjacent lines into one route, the spooling of standard input to a temporary file
//! (so that a validation pass and a programming pass can both read it; see docs/design.md, “Route
//! load”) and the validation pass itself. It never holds more than one group of lines in memory, so
//! a million-line file costs what one line costs. It sends nothing: callers program what it yields.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use ipnet::IpNet;

use super::spec::{
    add_path, parse_path, parse_preference, parse_prefix, parse_table, parse_weight, LineSpan,
    PathKind, PathSpec, RouteKey, RouteSpec, SpecError,
};

/// The name stdin gets in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// One bad line: `FILE:LINE: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LineError {
    pub file: String,
    pub line: u64,
    pub reason: LineReason,
}

/// Why a line is bad.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineReason {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error(
        "unknown column '{0}' (expected prefix, next_hop, interface, table, weight, preference)"
    )]
    UnknownColumn(String),
    #[error("column '{0}' given twice")]
    RepeatedColumn(String),
    #[error("the header needs a prefix column and a next_hop or interface column")]
    HeaderMissingColumns,
    #[error("{got} fields, at most {max} expected")]
    TooManyFields { got: usize, max: usize },
    #[error("line longer than {max} bytes")]
    TooLong { max: usize },
    #[error("not UTF-8")]
    NotUtf8,
    #[error("read error: {0}")]
    Read(String),
    /// The route's table is not in VPP (and `--create-tables` was not given). One error
    /// stands for the whole multipath group: `lines` lines from the error's line on.
    #[error("table {} ({}) does not exist in VPP (--create-tables creates it)", .table.table, .table.family())]
    NoSuchTable { table: TableRef, lines: u64 },
}

/// Settings of a load that change how lines read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// The table of a line whose table field is empty or absent (`--table`).
    pub default_table: u32,
    /// How many errors [`validate`] keeps (it counts them all).
    pub max_errors: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            default_table: 0,
            max_errors: 1000,
        }
    }
}

/// A route file that can be read more than once, always through the same open file: a
/// named file, or standard input spooled to an unnamed temporary file (nothing to remove
/// on any exit path). Both passes of a load read this one open file, and
/// [`RouteSource::check_unchanged`] says whether its length or modification time moved
/// since it was opened (see docs/design.md, “Route load”).
#[derive(Debug)]
pub struct RouteSource {
    name: String,
    file: File,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The route file changed (or could not be read) after it was opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} changed while loading ({why})")]
pub struct SourceChanged {
    pub file: String,
    pub why: String,
}

impl RouteSource {
    /// `-` is standard input, spooled to a temporary file; anything else is a path.
    pub fn open(path: &str) -> io::Result<Self> {
        if path == "-" {
            return Self::spool(STDIN_NAME, io::stdin().lock());
        }
        Self::from_file(path, File::open(path)?)
    }

    /// Copies `input` to an unnamed temporary file; `name` is what messages call it.
    pub fn spool(name: &str, mut input: impl Read) -> io::Result<Self> {
        let mut tmp = tempfile::tempfile()?;
        io::copy(&mut input, &mut tmp)?;
        Self::from_file(name, tmp)
    }

    fn from_file(name: &str, file: File) -> io::Result<Self> {
        let meta = file.metadata()?;
        Ok(RouteSource {
            name: name.to_string(),
            len: meta.len(),
            modified: meta.modified().ok(),
            file,
        })
    }

    /// What messages call this source.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A new pass over the whole source, from its first line, on the same open file.
    pub fn routes(&self, opts: &LoadOptions) -> io::Result<RouteReader<'static, FileAt<'_>>> {
        Ok(RouteReader::new(
            &self.name,
            FileAt {
                file: &self.file,
                pos: 0,
            },
            opts,
        ))
    }

    /// `Ok` while the open file has the length and modification time it had when opened.
    pub fn check_unchanged(&self) -> Result<(), SourceChanged> {
        let changed = |why: String| SourceChanged {
            file: self.name.clone(),
            why,
        };
        let meta = self
            .file
            .metadata()
            .map_err(|e| changed(format!("cannot stat it: {e}")))?;
        if meta.len() != self.len {
            return Err(changed(format!(
                "its length went from {} to {} bytes",
                self.len,
                meta.len()
            )));
        }
        if meta.modified().ok() != self.modified {
            return Err(changed("its modification time moved".to_string()));
        }
        Ok(())
    }
}

/// Reads one open file from its start with positional reads, so that passes over the
/// same [`File`] never share an offset.
#[derive(Debug)]
pub struct FileAt<'f> {
    file: &'f File,
    pos: u64,
}

impl Read for FileAt<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let n = self.file.read_at(buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// Counts kept by a [`RouteReader`] as it goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReaderStats {
    /// Good routes yielded (a multipath group is one route).
    pub routes: u64,
    /// Lines that make up the routes yielded.
    pub route_lines: u64,
    /// Bad lines (each yielded as an error).
    pub bad_lines: u64,
    /// Routes not yielded because one of their lines is bad.
    pub failed_routes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Prefix,
    NextHop,
    Interface,
    Table,
    Weight,
    Preference,
}

const POSITIONAL: [Column; 6] = [
    Column::Prefix,
    Column::NextHop,
    Column::Interface,
    Column::Table,
    Column::Weight,
    Column::Preference,
];

impl Column {
    fn from_header(name: &str) -> Option<Column> {
        Some(match name.to_ascii_lowercase().as_str() {
            "prefix" => Column::Prefix,
            "next_hop" | "nexthop" | "next-hop" | "via" => Column::NextHop,
            "interface" | "iface" | "dev" => Column::Interface,
            "table" | "table_id" | "vrf" => Column::Table,
            "weight" => Column::Weight,
            "preference" | "pref" => Column::Preference,
            _ => return None,
        })
    }
}

/// A multipath group being gathered.
struct Group {
    key: RouteKey,
    lines: LineSpan,
    paths: Vec<PathSpec>,
    errors: Vec<LineError>,
}

/// Resolves an interface name to its sw_if_index; `None` for an unknown name.
pub type InterfaceResolver<'a> = &'a dyn Fn(&str) -> Option<u32>;

/// Says whether VPP has a table.
pub type TableCheck<'a> = &'a dyn Fn(TableRef) -> bool;

/// Reads route lines and yields one item per route, in file order: `Ok` for a good route
/// (all the adjacent lines of one table and prefix), or one `Err` per bad line. A group
/// with a bad line yields only its errors (it fails whole; see docs/design.md, “Route-load
/// throughput”); a line whose prefix or table cannot be read belongs to no group and does not split
/// the group around it.
pub struct RouteReader<'a, R: Read> {
    name: String,
    input: BufReader<R>,
    line_buf: Vec<u8>,
    line: u64,
    splitter: Splitter,
    opts: LoadOptions,
    interfaces: Option<InterfaceResolver<'a>>,
    tables: Option<TableCheck<'a>>,
    /// Column order; `None` until the first data line or header decides it.
    columns: Option<Vec<Column>>,
    group: Option<Group>,
    out: VecDeque<Result<RouteSpec, LineError>>,
    done: bool,
    stats: ReaderStats,
}

enum Parsed {
    Skip,
    /// The line has no readable key.
    Orphan(LineError),
    Path(RouteKey, Result<PathSpec, LineError>),
}

impl<'a, R: Read> RouteReader<'a, R> {
    /// Reads `input`; `name` is what error messages call it.
    pub fn new(name: &str, input: R, opts: &LoadOptions) -> Self {
        RouteReader {
            name: name.to_string(),
            input: BufReader::with_capacity(64 * 1024, input),
            line_buf: Vec::new(),
            line: 0,
            splitter: Splitter::default(),
            opts: opts.clone(),
            interfaces: None,
            tables: None,
            columns: None,
            group: None,
            out: VecDeque::new(),
            done: false,
            stats: ReaderStats::default(),
        }
    }

    /// Checks interface names as lines are read: a name `resolve` does not know makes its
    /// line bad (`unknown interface 'xyz'`).
    pub fn with_interfaces<'b>(self, resolve: &'b dyn Fn(&str) -> Option<u32>) -> RouteReader<'b, R>
    where
        'a: 'b,
    {
        RouteReader {
            interfaces: Some(resolve),
            ..self
        }
    }

    /// Checks tables as groups end: a route into a table `exists` denies fails whole with
    /// one [`LineReason::NoSuchTable`] error.
    pub fn with_tables<'b>(self, exists: &'b dyn Fn(TableRef) -> bool) -> RouteReader<'b, R>
    where
        'a: 'b,
    {
        RouteReader {
            tables: Some(exists),
            ..self
        }
    }

    /// What has been read so far (complete once the iterator has ended).
    pub fn stats(&self) -> ReaderStats {
        self.stats
    }

    fn error(&self, line: u64, reason: impl Into<LineReason>) -> LineError {
        LineError {
            file: self.name.clone(),
            line,
            reason: reason.into(),
        }
    }

    fn flush(&mut self) {
        let Some(group) = self.group.take() else {
            return;
        };
        let table = TableRef {
            is_ip6: matches!(group.key.prefix, IpNet::V6(_)),
            table: group.key.table,
        };
        if group.errors.is_empty() && self.tables.is_some_and(|exists| !exists(table)) {
            let lines = group.paths.len() as u64;
            self.stats.bad_lines += lines;
            self.stats.failed_routes += 1;
            let err = self.error(group.lines.first, LineReason::NoSuchTable { table, lines });
            self.out.push_back(Err(err));
        } else if group.errors.is_empty() {
            self.stats.routes += 1;
            self.stats.route_lines += group.paths.len() as u64;
            self.out.push_back(Ok(RouteSpec {
                table: group.key.table,
                prefix: group.key.prefix,
                paths: group.paths,
                lines: group.lines,
            }));
        } else {
            self.stats.failed_routes += 1;
            self.out.extend(group.errors.into_iter().map(Err));
        }
    }

    fn add(&mut self, line: u64, key: RouteKey, path: Result<PathSpec, LineError>) {
        if self.group.as_ref().is_some_and(|g| g.key != key) {
            self.flush();
        }
        let group = self.group.get_or_insert_with(|| Group {
            key,
            lines: LineSpan::one(line),
            paths: Vec::new(),
            errors: Vec::new(),
        });
        group.lines.last = line;
        let name = &self.name;
        let path = path.and_then(|path| {
            add_path(&mut group.paths, path, key.prefix).map_err(|reason| LineError {
                file: name.clone(),
                line,
                reason: reason.into(),
            })
        });
        match path {
            Ok(()) => {}
            Err(e) => {
                self.stats.bad_lines += 1;
                group.errors.push(e);
            }
        }
    }
    fn field<'r>(&self, fields: &'r [&'r str], col: Column) -> &'r str {
        self.columns
            .as_deref()
            .and_then(|cols| cols.iter().position(|c| *c == col))
            .and_then(|i| fields.get(i).copied())
            .unwrap_or("")
    }

    fn parse_header(&mut self, line: u64, fields: &[&str]) -> Result<(), LineError> {
        let mut cols = Vec::with_capacity(fields.len());
        for f in fields {
            let col = Column::from_header(f)
                .ok_or_else(|| self.error(line, LineReason::UnknownColumn(f.to_string())))?;
            if cols.contains(&col) {
                return Err(self.error(line, LineReason::RepeatedColumn(f.to_string())));
            }
            cols.push(col);
        }
        if !cols.contains(&Column::Prefix)
            || !(cols.contains(&Column::NextHop) || cols.contains(&Column::Interface))
        {
            return Err(self.error(line, LineReason::HeaderMissingColumns));
        }
        self.columns = Some(cols);
        Ok(())
    }

    fn parse_line(&mut self, line: u64, fields: &[&str]) -> Parsed {
        // A line of empty fields (",,,") is blank; a first field starting with '#' is a
        // comment.
        if fields.iter().all(|f| f.is_empty()) || fields.first().is_some_and(|f| f.starts_with('#'))
        {
            return Parsed::Skip;
        }
        if self.columns.is_none() {
            // A header names a `prefix` column and holds no address (an interface may be
            // called "prefix").
            let is_address = |f: &&str| {
                let addr: &str = f.split_once('/').map_or(f, |(a, _)| a);
                addr.parse::<std::net::IpAddr>().is_ok()
            };
            if fields.iter().any(|f| f.eq_ignore_ascii_case("prefix"))
                && !fields.iter().any(is_address)
            {
                return match self.parse_header(line, fields) {
                    Ok(()) => Parsed::Skip,
                    Err(e) => {
                        // Read the rest positionally so that one bad header gives one error.
                        self.columns = Some(POSITIONAL.to_vec());
                        Parsed::Orphan(e)
                    }
                };
            }
            self.columns = Some(POSITIONAL.to_vec());
        }
        let max = self.columns.as_ref().map_or(0, Vec::len);
        if fields.len() > max {
            return Parsed::Orphan(self.error(
                line,
                LineReason::TooManyFields {
                    got: fields.len(),
                    max,
                },
            ));
        }
        let prefix = match parse_prefix(self.field(fields, Column::Prefix)) {
            Ok(p) => p,
            Err(e) => return Parsed::Orphan(self.error(line, e)),
        };
        let table = match self.field(fields, Column::Table) {
            "" => self.opts.default_table,
            t => match parse_table(t) {
                Ok(t) => t,
                Err(e) => return Parsed::Orphan(self.error(line, e)),
            },
        };
        let key = RouteKey { table, prefix };
        let path = self
            .parse_path(fields, &prefix)
            .map(|mut p| {
                p.line = line;
                p
            })
            .map_err(|e| self.error(line, e));
        Parsed::Path(key, path)
    }

    fn parse_path(&self, fields: &[&str], prefix: &IpNet) -> Result<PathSpec, SpecError> {
        let next_hop = self.field(fields, Column::NextHop);
        let interface = self.field(fields, Column::Interface);
        let weight = self.field(fields, Column::Weight);
        let preference = self.field(fields, Column::Preference);
        let mut path = parse_path(next_hop, interface, prefix)?;
        if let (Some(name), Some(resolve)) = (&path.interface, self.interfaces) {
            if resolve(name).is_none() {
                return Err(SpecError::UnknownInterface { name: name.clone() });
            }
        }
        if path.kind == PathKind::Drop {
            return Ok(path);
        }
        if !weight.is_empty() {
            path.weight = parse_weight(weight)?;
        }
        if !preference.is_empty() {
            path.preference = parse_preference(preference)?;
        }
        Ok(path)
    }

    fn read_one(&mut self) {
        let mut buf = std::mem::take(&mut self.line_buf);
        buf.clear();
        let limit = MAX_LINE as u64 + 1;
        match (&mut self.input).take(limit).read_until(b'\n', &mut buf) {
            Ok(0) => {
                self.done = true;
                self.flush();
            }
            Ok(_) => {
                self.line += 1;
                let line = self.line;
                if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
                    self.stats.bad_lines += 1;
                    let err = self.error(line, LineReason::TooLong { max: MAX_LINE });
                    self.out.push_back(Err(err));
                    self.skip_rest_of_line(&mut buf);
                } else {
                    let text = buf.strip_suffix(b"\n").unwrap_or(&buf);
                    let text = text.strip_suffix(b"\r").unwrap_or(text);
                    let text = if line == 1 {
                        text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text)
                    } else {
                        text
                    };
                    let split = self.splitter.split(text);
                    let parsed = match split.fields() {
                        Ok(fields) => self.parse_line(line, &fields),
                        Err(()) => Parsed::Orphan(self.error(line, LineReason::NotUtf8)),
                    };
                    self.splitter.give_back(split);
                    match parsed {
                        Parsed::Skip => {}
                        Parsed::Orphan(e) => {
                            self.stats.bad_lines += 1;
                            self.out.push_back(Err(e));
                        }
                        Parsed::Path(key, path) => self.add(line, key, path),
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                // An I/O error ends the pass: nothing after it can be trusted.
                self.stats.bad_lines += 1;
                let err = self.error(self.line + 1, LineReason::Read(e.to_string()));
                self.done = true;
                self.flush();
                self.out.push_back(Err(err));
            }
        }
        self.line_buf = buf;
    }

    /// Discards the rest of an overlong line, a bounded chunk at a time.
    fn skip_rest_of_line(&mut self, buf: &mut Vec<u8>) {
        loop {
            buf.clear();
            match (&mut self.input)
                .take(MAX_LINE as u64)
                .read_until(b'\n', buf)
            {
                Ok(0) => return,
                Ok(_) if buf.last() == Some(&b'\n') => return,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                // The next read reports it.
                Err(_) => return,
            }
        }
    }
}

/// The longest line read; longer ones are bad lines (and memory stays bounded on a file
/// that is not text).
pub const MAX_LINE: usize = 64 * 1024;

/// Splits one line into CSV fields (quotes as RFC 4180, within the line), reusing its
/// buffers from line to line.
struct Splitter {
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            // The builder, not `Reader::default()`, prepares the reader's state machine.
            core: csv_core::ReaderBuilder::new().build(),
            out: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl Splitter {
    /// Splits `line`; the buffers travel in the answer (so that the fields can be read
    /// while the reader is borrowed mutably) and come back with [`Splitter::give_back`].
    fn split(&mut self, line: &[u8]) -> Split {
        use csv_core::ReadRecordResult as R;
        self.core.reset();
        let mut out = std::mem::take(&mut self.out);
        let mut ends = std::mem::take(&mut self.ends);
        if out.len() < line.len() + 1 {
            out.resize(line.len() + 1, 0);
        }
        if ends.len() < 8 {
            ends.resize(8, 0);
        }
        let (mut input, mut nout, mut nends) = (line, 0, 0);
        loop {
            let (res, nin, o, e) =
                self.core
                    .read_record(input, &mut out[nout..], &mut ends[nends..]);
            input = &input[nin..];
            nout += o;
            nends += e;
            match res {
                // The line is all there is: an empty input tells the reader so.
                R::InputEmpty => {}
                R::OutputFull => {
                    let len = out.len() * 2;
                    out.resize(len, 0);
                }
                R::OutputEndsFull => {
                    let len = ends.len() * 2;
                    ends.resize(len, 0);
                }
                R::Record | R::End => break,
            }
        }
        Split {
            out,
            ends,
            n: nends,
        }
    }

    fn give_back(&mut self, split: Split) {
        self.out = split.out;
        self.ends = split.ends;
    }
}

/// One line's fields, in the [`Splitter`]'s buffers.
struct Split {
    out: Vec<u8>,
    ends: Vec<usize>,
    n: usize,
}

impl Split {
    /// The fields, trimmed; `Err` if one is not UTF-8.
    fn fields(&self) -> Result<Vec<&str>, ()> {
        let mut fields = Vec::with_capacity(self.n);
        let mut start = 0;
        for &end in self.ends.get(..self.n).ok_or(())? {
            let bytes = self.out.get(start..end).ok_or(())?;
            fields.push(std::str::from_utf8(bytes).map_err(|_| ())?.trim());
            start = end;
        }
        Ok(fields)
    }
}

impl<R: Read> Iterator for RouteReader<'_, R> {
    type Item = Result<RouteSpec, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.read_one();
        }
    }
}

/// Which tables a load needs, per address family (for `--create-tables`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct TableRef {
    pub is_ip6: bool,
    pub table: u32,
}

impl TableRef {
    /// `ipv4` or `ipv6`.
    pub fn family(&self) -> &'static str {
        if self.is_ip6 {
            "ipv6"
        } else {
            "ipv4"
        }
    }
}

/// How many distinct tables one load may name (kept in memory for `--create-tables` and
/// for the report of missing ones).
pub const MAX_TABLES: usize = 4096;

/// A table the file names that VPP lacks: how many lines go into it, from which line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct MissingTable {
    pub table: u32,
    pub family: &'static str,
    pub lines: u64,
    pub first_line: u64,
}

/// What the validation pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validation {
    /// Good routes (a multipath group is one).
    pub routes: u64,
    /// Lines of the good routes.
    pub route_lines: u64,
    /// The first [`LoadOptions::max_errors`] bad lines, sorted by line (lines into a
    /// missing table are counted in `missing_tables` instead).
    pub errors: Vec<LineError>,
    /// All bad lines, including those not kept in `errors`.
    pub bad_lines: u64,
    /// Routes that fail because one of their lines is bad.
    pub failed_routes: u64,
    /// The tables the good routes go into (at most [`MAX_TABLES`]).
    pub tables: BTreeSet<TableRef>,
    /// Tables the file names that VPP lacks, once each (at most [`MAX_TABLES`]).
    pub missing_tables: BTreeMap<TableRef, MissingTable>,
    /// Set when the file names more than [`MAX_TABLES`] tables.
    pub too_many_tables: bool,
}

impl Validation {
    pub fn is_ok(&self) -> bool {
        self.bad_lines == 0 && !self.too_many_tables
    }
}

/// The validation pass: reads the whole source, checking every line (and every interface
/// name, given `interfaces`; every table, given `tables`), holding only a bounded part of
/// the errors. `stop` is asked before each item: when it says so, the pass ends early.
/// Callers then call [`RouteSource::routes`] again for the programming pass.
pub fn validate(
    source: &RouteSource,
    opts: &LoadOptions,
    interfaces: Option<InterfaceResolver<'_>>,
) -> io::Result<Validation> {
    validate_with(source, opts, interfaces, None, &|| false)
}

/// [`validate`] with a table check and a way to stop early.
pub fn validate_with(
    source: &RouteSource,
    opts: &LoadOptions,
    interfaces: Option<InterfaceResolver<'_>>,
    tables: Option<TableCheck<'_>>,
    stop: &dyn Fn() -> bool,
) -> io::Result<Validation> {
    let mut reader = source.routes(opts)?;
    reader.interfaces = interfaces;
    reader.tables = tables;
    Ok(validate_until(reader, opts.max_errors, stop))
}

/// [`validate`] over any reader.
pub fn validate_reader<R: Read>(reader: RouteReader<'_, R>, max_errors: usize) -> Validation {
    validate_until(reader, max_errors, &|| false)
}

fn validate_until<R: Read>(
    mut reader: RouteReader<'_, R>,
    max_errors: usize,
    stop: &dyn Fn() -> bool,
) -> Validation {
    let mut v = Validation::default();
    let mut n = 0u64;
    for item in reader.by_ref() {
        n += 1;
        if n % 1024 == 0 && stop() {
            break;
        }
        match item {
            Ok(route) => {
                let t = TableRef {
                    is_ip6: route.is_ipv6(),
                    table: route.table,
                };
                if v.tables.len() < MAX_TABLES || v.tables.contains(&t) {
                    v.tables.insert(t);
                } else {
                    v.too_many_tables = true;
                }
            }
            Err(LineError {
                line,
                reason: LineReason::NoSuchTable { table, lines },
                ..
            }) => {
                if let Some(m) = v.missing_tables.get_mut(&table) {
                    m.lines += lines;
                } else if v.missing_tables.len() < MAX_TABLES {
                    v.missing_tables.insert(
                        table,
                        MissingTable {
                            table: table.table,
                            family: table.family(),
                            lines,
                            first_line: line,
                        },
                    );
                } else {
                    v.too_many_tables = true;
                }
            }
            Err(e) => {
                if v.errors.len() < max_errors {
                    v.errors.push(e);
                }
            }
        }
    }
    // Errors come out nearly sorted (a group's errors wait for the group's end).
    v.errors.sort_by_key(|e| e.line);
    let s = reader.stats();
    v.routes = s.routes;
    v.route_lines = s.route_lines;
    v.bad_lines = s.bad_lines;
    v.failed_routes = s.failed_routes;
    v
}

#[cfg(test)]
mod tests;
