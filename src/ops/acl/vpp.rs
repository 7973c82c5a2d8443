//! ACLs in VPP: reading every ACL and interface list once ([`State`]), and the operations
//! behind `vppx acl` and the agent's `/acls` endpoints, which resolve names (ACLs by tag,
//! interfaces by name) before anything is sent.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::rule::{validate_name, Rule};
use crate::binapi::acl::{
    AclAddReplace, AclDel, AclDetails, AclDump, AclInterfaceListDetails, AclInterfaceListDump,
    AclInterfaceSetAclList,
};
use crate::binapi::acl_types::AclRule;
use crate::binapi::interface::SwInterfaceDump;
use crate::client::Client;
use crate::ops::error::{OpsError, Result};
use crate::ops::names::InterfaceNames;
use crate::wire::VppEnum;

/// The messages ACL commands use, checked against VPP at connect time (see docs/design.md,
/// “Compatibility with the running VPP”).
pub const MESSAGES: &[&str] = crate::needs![
    request AclAddReplace,
    request AclDel,
    request AclInterfaceSetAclList,
    dump AclDump,
    dump AclInterfaceListDump,
    dump SwInterfaceDump,
];
/// `~0`: a new ACL, or every ACL / interface in a dump.
const ANY: u32 = u32::MAX;
impl Rule {
    pub(super) fn from_wire(r: &AclRule) -> Rule {
        Rule {
            action: r.is_permit,
            src: r.src_prefix,
            dst: r.dst_prefix,
            proto: r.proto.to_raw() as u8,
            sport: (r.srcport_or_icmptype_first, r.srcport_or_icmptype_last),
            dport: (r.dstport_or_icmpcode_first, r.dstport_or_icmpcode_last),
            tcp_flags: (r.tcp_flags_value, r.tcp_flags_mask),
        }
    }

    pub(super) fn to_wire(&self) -> AclRule {
        AclRule {
            is_permit: self.action,
            src_prefix: self.src,
            dst_prefix: self.dst,
            proto: VppEnum::from_raw(u32::from(self.proto)),
            srcport_or_icmptype_first: self.sport.0,
            srcport_or_icmptype_last: self.sport.1,
            dstport_or_icmpcode_first: self.dport.0,
            dstport_or_icmpcode_last: self.dport.1,
            tcp_flags_mask: self.tcp_flags.1,
            tcp_flags_value: self.tcp_flags.0,
        }
    }
}

/// Which way an ACL filters on an interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Input,
    Output,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::Input => "input",
            Direction::Output => "output",
        })
    }
}

/// The interfaces an ACL is applied to, by direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub input: Vec<String>,
    pub output: Vec<String>,
}

impl Applied {
    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && self.output.is_empty()
    }

    /// `pg0 (input), pg1 (output)`.
    pub fn describe(&self) -> String {
        let dir = |l: &[String], d: &str| l.iter().map(|i| format!("{i} ({d})")).collect();
        let mut all: Vec<String> = dir(&self.input, "input");
        all.extend(dir(&self.output, "output"));
        all.join(", ")
    }
}

/// One ACL as vppx shows it (`acl list`, `acl show`, `GET /acls`). Field names are part of
/// the `--json` contract (README).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acl {
    /// Its tag, or `#INDEX` when it has none.
    pub name: String,
    pub acl_index: u32,
    pub rules: Vec<Rule>,
    pub applied: Applied,
}

/// An interface's ACLs, in the order VPP runs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterfaceAcls {
    pub interface: String,
    pub sw_if_index: u32,
    pub input: Vec<String>,
    pub output: Vec<String>,
}

/// The name of an ACL with tag `tag` at `index`.
pub(super) fn display_name(tag: &str, index: u32) -> String {
    if tag.is_empty() {
        format!("#{index}")
    } else {
        tag.to_string()
    }
}

/// What VPP has: every ACL, every interface's lists, interface names. Read once, it
/// answers every ACL read ([`State::list`], [`State::acl`], [`State::interface_acls_of`]),
/// so that the agent can share one dump between requests.
#[derive(Debug)]
pub struct State {
    acls: Vec<AclDetails>,
    /// sw_if_index → (input, output).
    lists: BTreeMap<u32, (Vec<u32>, Vec<u32>)>,
    names: InterfaceNames,
}

impl State {
    /// Dumps every ACL, every interface's lists and the interface names.
    pub fn load(client: &mut Client) -> Result<State> {
        let mut acls = client.dump(AclDump {
            acl_index: ANY,
            ..Default::default()
        })?;
        acls.sort_by_key(|a| a.acl_index);
        let mut lists = BTreeMap::new();
        for d in client.dump(AclInterfaceListDump {
            sw_if_index: ANY,
            ..Default::default()
        })? {
            lists.insert(d.sw_if_index, split_list(&d));
        }
        let names = InterfaceNames::load(client)?;
        Ok(State { acls, lists, names })
    }

    /// The ACL called `name` (its tag, or `#INDEX`); an unknown name is exit 1 / 404, a
    /// tag several ACLs share is refused with their indexes.
    fn find(&self, name: &str) -> Result<&AclDetails> {
        if let Some(i) = name.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()) {
            if let Some(a) = self.acls.iter().find(|a| a.acl_index == i) {
                return Ok(a);
            }
        }
        let found: Vec<&AclDetails> = self.acls.iter().filter(|a| a.tag == name).collect();
        match found.as_slice() {
            [] => Err(OpsError::NotFound {
                what: "ACL",
                name: name.to_string(),
            }),
            [one] => Ok(one),
            many => {
                let idx: Vec<String> = many.iter().map(|a| format!("#{}", a.acl_index)).collect();
                Err(OpsError::Refused(format!(
                    "{} ACLs are tagged '{name}' ({}); name one by its index, e.g. {}",
                    many.len(),
                    idx.join(", "),
                    idx[0]
                )))
            }
        }
    }

    fn acl_name(&self, index: u32) -> String {
        let tag = self
            .acls
            .iter()
            .find(|a| a.acl_index == index)
            .map_or("", |a| a.tag.as_str());
        display_name(tag, index)
    }

    fn iface_name(&self, sw_if_index: u32) -> String {
        self.names
            .name(sw_if_index)
            .map_or_else(|| format!("sw_if_index {sw_if_index}"), str::to_string)
    }

    fn applied(&self, index: u32) -> Applied {
        let mut a = Applied::default();
        for (sw, (input, output)) in &self.lists {
            if input.contains(&index) {
                a.input.push(self.iface_name(*sw));
            }
            if output.contains(&index) {
                a.output.push(self.iface_name(*sw));
            }
        }
        a
    }

    fn acl(&self, d: &AclDetails) -> Acl {
        Acl {
            name: display_name(&d.tag, d.acl_index),
            acl_index: d.acl_index,
            rules: d.r.iter().map(Rule::from_wire).collect(),
            applied: self.applied(d.acl_index),
        }
    }

    fn interface(&self, name: &str) -> Result<u32> {
        self.names.index(name).ok_or_else(|| OpsError::NotFound {
            what: "interface",
            name: name.to_string(),
        })
    }

    fn lists_of(&self, sw_if_index: u32) -> (Vec<u32>, Vec<u32>) {
        self.lists.get(&sw_if_index).cloned().unwrap_or_default()
    }

    fn interface_acls(&self, sw_if_index: u32) -> InterfaceAcls {
        let (input, output) = self.lists_of(sw_if_index);
        InterfaceAcls {
            interface: self.iface_name(sw_if_index),
            sw_if_index,
            input: input.iter().map(|i| self.acl_name(*i)).collect(),
            output: output.iter().map(|i| self.acl_name(*i)).collect(),
        }
    }
}

pub(super) fn split_list(d: &AclInterfaceListDetails) -> (Vec<u32>, Vec<u32>) {
    let n = usize::from(d.n_input).min(d.acls.len());
    (d.acls[..n].to_vec(), d.acls[n..].to_vec())
}

/// Sets an interface's lists.
fn send_lists(client: &mut Client, sw_if_index: u32, input: &[u32], output: &[u32]) -> Result<()> {
    let n_input = u8::try_from(input.len())
        .map_err(|_| OpsError::BadInput("more than 255 input ACLs on one interface".into()))?;
    let mut acls = input.to_vec();
    acls.extend_from_slice(output);
    if acls.len() > usize::from(u8::MAX) {
        return Err(OpsError::BadInput(
            "more than 255 ACLs on one interface".into(),
        ));
    }
    client.request(AclInterfaceSetAclList {
        sw_if_index,
        n_input,
        acls,
        ..Default::default()
    })?;
    Ok(())
}

impl State {
    /// Every ACL, by index, with where it is applied.
    pub fn list(&self) -> Vec<Acl> {
        self.acls.iter().map(|d| self.acl(d)).collect()
    }

    /// The ACL called `name` (its tag or `#INDEX`).
    pub fn acl_named(&self, name: &str) -> Result<Acl> {
        self.find(name).map(|d| self.acl(d))
    }

    /// The ACLs of the interface called `iface`.
    pub fn interface_acls_of(&self, iface: &str) -> Result<InterfaceAcls> {
        let sw = self.interface(iface)?;
        Ok(self.interface_acls(sw))
    }
}

/// Every ACL, by index, with where it is applied.
pub fn list(client: &mut Client) -> Result<Vec<Acl>> {
    Ok(State::load(client)?.list())
}

/// The ACL called `name`.
pub fn find(client: &mut Client, name: &str) -> Result<Acl> {
    State::load(client)?.acl_named(name)
}

/// What `acl set` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetResult {
    /// `true` for a new ACL, `false` for one replaced in place.
    pub created: bool,
    #[serde(flatten)]
    pub acl: Acl,
}

/// Creates the ACL `name` with `rules`, or replaces the rules of the one that exists, in
/// place: its index and where it is applied stay.
pub fn set(client: &mut Client, name: &str, rules: &[Rule]) -> Result<SetResult> {
    validate_name(name)?;
    let state = State::load(client)?;
    let existing = match state.find(name) {
        Ok(d) => Some(d.acl_index),
        Err(OpsError::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    let reply = client.request(AclAddReplace {
        acl_index: existing.unwrap_or(ANY),
        tag: name.to_string(),
        r: rules.iter().map(Rule::to_wire).collect(),
        ..Default::default()
    })?;
    let state = State::load(client)?;
    let d = state
        .acls
        .iter()
        .find(|a| a.acl_index == reply.acl_index)
        .ok_or_else(|| OpsError::NotFound {
            what: "ACL index",
            name: reply.acl_index.to_string(),
        })?;
    Ok(SetResult {
        created: existing.is_none(),
        acl: state.acl(d),
    })
}

/// What `acl delete` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub name: String,
    pub acl_index: u32,
    /// Where it was taken off first (with force).
    pub detached: Applied,
}

/// Deletes the ACL `name`. While it is applied that is refused, unless `force`: then it is
/// first taken off every interface (their other ACLs stay, in order).
pub fn delete(client: &mut Client, name: &str, force: bool) -> Result<Deleted> {
    let state = State::load(client)?;
    let acl = state.acl(state.find(name)?);
    if !acl.applied.is_empty() {
        if !force {
            return Err(OpsError::Refused(format!(
                "ACL '{}' is applied to {}, so it was not deleted: detach it first, or force \
                 the delete to detach it everywhere",
                acl.name,
                acl.applied.describe()
            )));
        }
        for (sw, (input, output)) in &state.lists {
            if input.contains(&acl.acl_index) || output.contains(&acl.acl_index) {
                let keep = |l: &[u32]| -> Vec<u32> {
                    l.iter().copied().filter(|i| *i != acl.acl_index).collect()
                };
                send_lists(client, *sw, &keep(input), &keep(output))?;
            }
        }
    }
    client.request(AclDel {
        acl_index: acl.acl_index,
        ..Default::default()
    })?;
    Ok(Deleted {
        name: acl.name,
        acl_index: acl.acl_index,
        detached: acl.applied,
    })
}

/// An interface's ACLs.
pub fn interface_acls(client: &mut Client, iface: &str) -> Result<InterfaceAcls> {
    State::load(client)?.interface_acls_of(iface)
}

/// Applies the ACL `name` to `iface` in `direction`, after the ACLs already there (which
/// stay, in order). Applying it where it is already changes nothing.
pub fn apply(
    client: &mut Client,
    name: &str,
    iface: &str,
    direction: Direction,
) -> Result<InterfaceAcls> {
    let state = State::load(client)?;
    let index = state.find(name)?.acl_index;
    let sw = state.interface(iface)?;
    let (mut input, mut output) = state.lists_of(sw);
    let list = match direction {
        Direction::Input => &mut input,
        Direction::Output => &mut output,
    };
    if !list.contains(&index) {
        list.push(index);
        send_lists(client, sw, &input, &output)?;
    }
    interface_acls(client, iface)
}

/// Takes the ACL `name` off `iface`: in one direction, or (`None`) in both. The other ACLs
/// stay, in order. An ACL that is not applied there is refused (exit 1).
pub fn detach(
    client: &mut Client,
    name: &str,
    iface: &str,
    direction: Option<Direction>,
) -> Result<InterfaceAcls> {
    let state = State::load(client)?;
    let acl = state.find(name)?;
    let (index, acl_name) = (acl.acl_index, display_name(&acl.tag, acl.acl_index));
    let sw = state.interface(iface)?;
    let (input, output) = state.lists_of(sw);
    let take = |l: &[u32], d: Direction| -> Vec<u32> {
        if direction.is_none_or(|want| want == d) {
            l.iter().copied().filter(|i| *i != index).collect()
        } else {
            l.to_vec()
        }
    };
    let (new_in, new_out) = (
        take(&input, Direction::Input),
        take(&output, Direction::Output),
    );
    if new_in == input && new_out == output {
        let where_ = direction.map_or(String::new(), |d| format!(" as {d}"));
        return Err(OpsError::Refused(format!(
            "ACL '{acl_name}' is not applied to {iface}{where_}"
        )));
    }
    send_lists(client, sw, &new_in, &new_out)?;
    interface_acls(client, iface)
}

/// Checks a list of ACL names for an interface before anything is sent: no name twice.
pub fn check_list(direction: Direction, names: &[String]) -> Result<()> {
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(OpsError::BadInput(format!(
                "{direction} ACL '{n}' is listed twice"
            )));
        }
    }
    Ok(())
}

/// Sets an interface's input and/or output ACLs to the named ones, in order (`None` leaves
/// that direction as it is). Unknown names are refused before anything is sent.
pub fn set_interface_acls(
    client: &mut Client,
    iface: &str,
    input: Option<&[String]>,
    output: Option<&[String]>,
) -> Result<InterfaceAcls> {
    if let Some(l) = input {
        check_list(Direction::Input, l)?;
    }
    if let Some(l) = output {
        check_list(Direction::Output, l)?;
    }
    let state = State::load(client)?;
    let sw = state.interface(iface)?;
    let resolve = |l: &[String]| -> Result<Vec<u32>> {
        l.iter()
            .map(|n| state.find(n).map(|a| a.acl_index))
            .collect()
    };
    let (cur_in, cur_out) = state.lists_of(sw);
    let new_in = input.map(resolve).transpose()?.unwrap_or(cur_in);
    let new_out = output.map(resolve).transpose()?.unwrap_or(cur_out);
    send_lists(client, sw, &new_in, &new_out)?;
    interface_acls(client, iface)
}
