//! ACLs (VPP's acl plugin) in operators' terms: rules written as words, ACLs known by name,
//! applied to interfaces by name. Shared by `vppx acl` and the agent's `/acls` endpoints.
//!
//! # Rules
//!
//! ```text
//! deny src 10.0.0.0/8
//! permit src 198.51.100.0/24 dst 0.0.0.0/0 proto tcp dport 80-443
//! deny src 2001:db8:bad::/48
//! permit any
//! ```
//!
//! A rule is an action, `deny` or `permit`, then any of these, each at most once, in any
//! order:
//!
//! - `src PREFIX`, `dst PREFIX`: IPv4 or IPv6 (`10.0.0.0/8`, `2001:db8::/32`), both of one
//!   family; host bits must be clear (`10.1.2.3/8` is an error naming `10.0.0.0/8`); `any`
//!   (or leaving it out) matches every address.
//! - `proto NAME|NUMBER`: `tcp`, `udp`, `icmp`, `icmp6`, `sctp`, `gre`, `esp`, `ah`, `any`,
//!   or 0-255 (0 is any).
//! - `sport PORT[-PORT]`, `dport PORT[-PORT]`: port ranges, for `proto tcp`, `udp` or `sctp`
//!   only (VPP ignores ports without a protocol).
//! - `tcp-flags VALUE/MASK`: with `proto tcp`, the flags under MASK must equal VALUE.
//!
//! `any` alone (`permit any`) says no address at all. A rule that names no address is made
//! for both families: VPP keeps rules per family, so `permit any` is one IPv4 and one IPv6
//! rule (see docs/design.md, “ACLs”), and so is `permit proto tcp dport 22`. `proto icmp` is IPv4
//! only, `proto icmp6` IPv6 only.
//!
//! Every ACL ends with an implicit deny: a packet no rule matches is dropped. Rules match in
//! order, first match wins. On the command line rules follow one another (each starts at
//! its action word, so quoting each rule is optional); in a file (`--file`) there is one
//! rule a line, `#` starts a comment. A bad rule is an error naming the rule (by position:
//! `rule 2`, `line 7`), its text and the word at fault, and nothing is sent.
//!
//! # Names
//!
//! vppx keeps an ACL's name in the ACL's tag (at most 63 bytes; see docs/design.md, “ACLs”):
//! letters, digits, `-`, `_`, `.` and `:`. `acl set` with a name that exists replaces that ACL's
//! rules in place (`acl_add_replace` with its index), so its index, and where it is applied, stay.
//! An ACL made without a tag (by another tool) is named `#INDEX`, and any ACL can be named so.
//!
//! # Where things are
//!
//! [`rule`] is the grammar (rules as words, names), [`json`] the JSON form of rules, [`vpp`]
//! the operations against VPP; interface names are resolved by [`crate::ops::names`].

pub mod json;
pub mod rule;
pub mod vpp;

pub use self::json::{parse_inputs, RuleFields, RuleInput, Word};
pub use self::rule::{
    parse_args, parse_file, parse_rule, proto_name, validate_name, Action, Rule, RuleError,
    MAX_NAME,
};
pub use self::vpp::{
    apply, check_list, delete, detach, find, interface_acls, list, set, set_interface_acls, Acl,
    Applied, Deleted, Direction, InterfaceAcls, SetResult, State, MESSAGES,
};

#[cfg(test)]
mod tests;
