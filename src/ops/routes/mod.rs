//! Routes as operators write them: the model ([`spec`]) and the route-file reader
//! ([`csv`]) behind `vppx route add|del|load`.
//!
//! This module owns parsing and validating routes before anything is sent (see docs/design.md,
//! “Exit codes”; malformed input is exit 2 and nothing is programmed). It does not talk to VPP:
//! callers resolve interface names, create tables and send what it yields.
//!
//! # The route file (`vppx route load FILE`)
//!
//! A CSV file, one path per line; `-` reads standard input.
//!
//! ```text
//! prefix,next_hop,interface,table,weight,preference
//! 10.20.0.0/16,10.10.10.2,loop0,,,
//! 2001:db8:99::/48,2001:db8:1::2,loop0,0,1,0
//! 2001:db8:99::/48,2001:db8:1::3,loop0,0,3,0
//! ```
//!
//! - **Columns.** `prefix`, `next_hop`, `interface`, `table`, `weight`, `preference`.
//!   The header line is optional. Without one, fields are read in that order and trailing
//!   ones may be left out (`10.0.0.0/8,192.0.2.1` is a whole line). With one (the first
//!   line that is not a comment, when one of its fields is `prefix`), columns may come in any order and any but
//!   `prefix` and one of `next_hop`/`interface` may be left out. Header names are
//!   case-insensitive; `nexthop`, `next-hop`, `via`; `iface`, `dev`; `table_id`, `vrf`;
//!   and `pref` are accepted too. An unknown column is an error.
//! - **Fields.** Spaces around fields are ignored; fields may be quoted as in any CSV
//!   (a quoted field cannot span lines). An empty field takes its default. CRLF line
//!   ends and a UTF-8 byte-order mark are accepted; lines are at most 64 KiB.
//!   - `prefix` (required): `ADDRESS/LENGTH`, IPv4 or IPv6. Host bits must be clear:
//!     `10.1.2.3/16` is an error that names `10.1.0.0/16`.
//!   - `next_hop`: an address of the prefix's family, or `drop` for a drop route (with
//!     no interface, and as the route's only path).
//!   - `interface`: a VPP interface name (`loop0`, `GigabitEthernet0/8/0`); it must exist
//!     in VPP. A line needs a `next_hop` or an `interface` or both.
//!   - `table`: the table id, default 0 (or `--table`). The table must exist, or be made
//!     with `--create-tables`.
//!   - `weight`: 1-255, default 1. `preference`: 0-255, default 0 (lower wins).
//! - **Comments and blank lines.** A line whose first non-blank character is `#` is a
//!   comment; blank lines (and lines of empty fields) are skipped. Line numbers in
//!   messages count every line of the file.
//! - **Multipath.** Adjacent lines (comments and blanks between them aside) with the same
//!   table and prefix are one route with several paths, sent whole. The same prefix
//!   again later in the file, after other routes, is a new route that replaces the first,
//!   as VPP would (see docs/design.md, “Routes”).
//! - **Errors** read `FILE:LINE: reason`, sorted by line, all of them found before
//!   anything is sent. A bad line fails its whole multipath group.
//!
//! See `examples/routes.csv`.

pub mod capacity;
pub mod csv;
pub mod list;
pub mod load;
pub mod program;
pub mod spec;
pub mod traffic;
pub mod vpp;

pub use self::csv::{
    validate, validate_reader, validate_with, InterfaceResolver, LineError, LineReason,
    LoadOptions, MissingTable, ReaderStats, RouteReader, RouteSource, SourceChanged, TableRef,
    Validation,
};
pub use self::spec::{
    parse_next_hop, parse_prefix, parse_route_key_words, parse_route_words, ArgError, LineSpan,
    PathKind, PathSpec, RouteKey, RouteSpec, SpecError,
};
