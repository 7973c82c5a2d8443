//! Parsing one `cli_inband` line into a [`CliCommand`].
//!
//! One file, past 600 lines: one parser per command word in one dispatch, as VPP's command
//! tree is.
//!
//! The parser knows VPP's command words and argument syntax but nothing of the simulator's
//! state: interface names come out as [`IfaceRef`]s that the executor resolves, and when one
//! does not resolve, [`CliCommand::unknown_interface`] gives the error VPP would have given.
//!
//! Command words match as in VPP: a word is accepted when it equals a command or is a prefix of
//! exactly one (`sh int`, `sh ip fib`, `sh hard`). Arguments are matched whole. A line that
//! matches nothing answers ``PATH: unknown input `REST'``, `REST` being the input from the
//! word that failed to the end of the line.
//!
//! Where VPP's order of checks needs the interface table (it resolves the name before it looks
//! at the address or the state), this parser checks the syntax first; a line that is wrong in
//! both ways therefore gets the syntax error here and the interface error in VPP.

use std::net::IpAddr;

use ipnet::IpNet;

use super::error::CliError;

/// Smallest frame `sim traffic` sends: an Ethernet and an IPv4 header.
pub const MIN_FRAME_SIZE: u32 = 34;
/// Largest frame `sim traffic` sends: a 9000-byte IP MTU with room for the L2 header.
pub const MAX_FRAME_SIZE: u32 = 9216;

/// A parsed command. Variants carry only what the line said; the executor fills in the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliCommand {
    /// A blank line: VPP does nothing and answers an empty reply.
    Empty,
    /// `show version [verbose]`
    ShowVersion { verbose: bool },
    /// `show interface [NAME...] [address|addr]`; no names means every interface.
    ShowInterface {
        ifaces: Vec<IfaceRef>,
        address: bool,
    },
    /// `show hardware-interfaces [NAME...]`; no names means every interface.
    ShowHardware { ifaces: Vec<IfaceRef> },
    /// `show ip fib [table N] [PREFIX|ADDRESS]` and `show ip6 fib ...`. An address without a
    /// length is a host prefix; VPP shows the longest-prefix match of `prefix` in detail.
    ShowFib {
        proto: FibProto,
        table: Option<u32>,
        prefix: Option<IpNet>,
    },
    /// `show errors`
    ShowErrors,
    /// `show runtime`
    ShowRuntime,
    /// `show buffers`
    ShowBuffers,
    /// `show memory [verbose] main-heap`. VPP refuses `show memory` without a heap; the other
    /// heaps (`api-segment`, `stats-segment`, `numa-heaps`, `map`) are not simulated.
    ShowMemory,
    /// `set interface state NAME up|down`
    SetInterfaceState { iface: IfaceRef, up: bool },
    /// `set interface ip address [del] NAME ADDRESS/LENGTH` and
    /// `set interface ip address del NAME all`.
    SetInterfaceAddress { iface: IfaceRef, op: AddressOp },
    /// `create loopback interface [mac MAC] [instance N]`; answers the new interface's name.
    CreateLoopback {
        mac: Option<[u8; 6]>,
        instance: Option<u32>,
    },
    /// `delete loopback interface intfc NAME`
    DeleteLoopback { iface: IfaceRef },
    /// `sim traffic IFACE RATEpps SIZEB [src PREFIX] [dst PREFIX]`,
    /// `sim traffic IFACE off [src PREFIX]`. A flow is known by its interface and source:
    /// `flow` starts or replaces the one from its `src`; `None` stops (`off`, or a rate of 0)
    /// the flow from `src`, or every flow into the interface when `src` is `None` too.
    SimTraffic {
        iface: IfaceRef,
        flow: Option<TrafficSpec>,
        src: Option<IpNet>,
    },
    /// `sim link IFACE up|down`: the carrier of a simulated interface.
    SimLink { iface: IfaceRef, up: bool },
    /// `sim api-counters`: how many requests that change state the simulator received.
    SimApiCounters,
}

/// The address family of a FIB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FibProto {
    Ip4,
    Ip6,
}

/// What `set interface ip address` does. Prefixes keep their host bits: an interface address
/// `10.70.0.1/24` is the address `10.70.0.1` on the subnet `10.70.0.0/24`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressOp {
    Add(IpNet),
    Del(IpNet),
    /// `del NAME all`: remove every address of the interface.
    DelAll,
}

/// A flow of generated packets entering an interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrafficSpec {
    /// Packets per second, never 0 (0 means stop and parses as no flow).
    pub rate_pps: u64,
    /// Frame size in bytes, Ethernet header included, within
    /// [`MIN_FRAME_SIZE`]..=[`MAX_FRAME_SIZE`].
    pub frame_size: u32,
    /// Source addresses to draw from; the executor picks a default when absent.
    pub src: Option<IpNet>,
    /// Destination addresses to draw from; the executor picks a default when absent.
    pub dst: Option<IpNet>,
}

/// An interface named on the command line, not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfaceRef {
    /// The name as typed.
    pub name: String,
    /// The input from the name to the end of the line, which VPP quotes when the name is
    /// unknown (``unknown interface `nosuch0 up'``).
    pub rest: String,
}

impl CliCommand {
    /// VPP's path of the command (`"set interface state"`), which prefixes its errors.
    pub fn path(&self) -> &'static str {
        match self {
            CliCommand::Empty => "",
            CliCommand::ShowVersion { .. } => "show version",
            CliCommand::ShowInterface { .. } => "show interface",
            CliCommand::ShowHardware { .. } => "show hardware-interfaces",
            CliCommand::ShowFib {
                proto: FibProto::Ip4,
                ..
            } => "show ip fib",
            CliCommand::ShowFib {
                proto: FibProto::Ip6,
                ..
            } => "show ip6 fib",
            CliCommand::ShowErrors => "show errors",
            CliCommand::ShowRuntime => "show runtime",
            CliCommand::ShowBuffers => "show buffers",
            CliCommand::ShowMemory => "show memory",
            CliCommand::SetInterfaceState { .. } => "set interface state",
            CliCommand::SetInterfaceAddress { .. } => "set interface ip address",
            CliCommand::CreateLoopback { .. } => "create loopback interface",
            CliCommand::DeleteLoopback { .. } => "delete loopback interface",
            CliCommand::SimTraffic { .. } => "sim traffic",
            CliCommand::SimLink { .. } => "sim link",
            CliCommand::SimApiCounters => "sim api-counters",
        }
    }

    /// The error VPP gives when `iface` (one of this command's interfaces) does not exist.
    /// The show commands treat an unknown name as unknown input; `delete loopback interface`
    /// says the interface was not specified; the others say `unknown interface`.
    pub fn unknown_interface(&self, iface: &IfaceRef) -> CliError {
        match self {
            CliCommand::ShowInterface { .. } | CliCommand::ShowHardware { .. } => {
                CliError::unknown_input(self.path(), &iface.rest)
            }
            CliCommand::DeleteLoopback { .. } => CliError::interface_not_specified(),
            _ => CliError::unknown_interface(self.path(), &iface.rest),
        }
    }
}

/// Parses one command line. Never panics, whatever the input.
pub fn parse(line: &str) -> Result<CliCommand, CliError> {
    let mut t = Tokens::new(line.trim_end());
    let Some(top) = t.word(&["show", "set", "create", "delete", "sim"], "")? else {
        return Ok(CliCommand::Empty);
    };
    match top {
        "show" => parse_show(&mut t),
        "set" => {
            t.expect_word(&["interface"], "set")?;
            match t.expect_word(&["state", "ip"], "set interface")? {
                "state" => parse_set_state(&mut t),
                _ => {
                    t.expect_word(&["address"], "set interface ip")?;
                    parse_set_address(&mut t)
                }
            }
        }
        "create" => {
            t.expect_word(&["loopback"], "create")?;
            t.expect_word(&["interface"], "create loopback")?;
            Ok(parse_create_loopback(&mut t))
        }
        "delete" => {
            t.expect_word(&["loopback"], "delete")?;
            t.expect_word(&["interface"], "delete loopback")?;
            parse_delete_loopback(&mut t)
        }
        _ => match t.expect_word(&["traffic", "link", "api-counters"], "sim")? {
            "traffic" => parse_sim_traffic(&mut t),
            "link" => parse_sim_link(&mut t),
            _ => t.finish(CliCommand::SimApiCounters),
        },
    }
}

fn parse_show(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    const SUBS: &[&str] = &[
        "version",
        "interface",
        "hardware-interfaces",
        "ip",
        "ip6",
        "errors",
        "runtime",
        "buffers",
        "memory",
    ];
    let cmd = match t.expect_word(SUBS, "show")? {
        "version" => {
            let verbose = t.eat("verbose");
            CliCommand::ShowVersion { verbose }
        }
        "interface" => {
            let mut ifaces = Vec::new();
            let mut address = false;
            while let Some(word) = t.peek() {
                if word == "address" || word == "addr" {
                    address = true;
                    t.skip();
                } else {
                    ifaces.push(t.iface_here());
                    t.skip();
                }
            }
            CliCommand::ShowInterface { ifaces, address }
        }
        "hardware-interfaces" => {
            let mut ifaces = Vec::new();
            while t.peek().is_some() {
                ifaces.push(t.iface_here());
                t.skip();
            }
            CliCommand::ShowHardware { ifaces }
        }
        "ip" => {
            t.expect_word(&["fib"], "show ip")?;
            return parse_show_fib(t, FibProto::Ip4);
        }
        "ip6" => {
            t.expect_word(&["fib"], "show ip6")?;
            return parse_show_fib(t, FibProto::Ip6);
        }
        "errors" => CliCommand::ShowErrors,
        "runtime" => CliCommand::ShowRuntime,
        "buffers" => CliCommand::ShowBuffers,
        _ => {
            // Options in any order, as VPP takes them; `verbose` changes nothing simulated.
            let mut main_heap = false;
            loop {
                if t.eat("main-heap") {
                    main_heap = true;
                } else if !t.eat("verbose") {
                    break;
                }
            }
            t.finish(CliCommand::ShowMemory)?;
            if !main_heap {
                return Err(CliError::failed(
                    "show memory",
                    "Need one of api-segment, stats-segment, main-heap, numa-heaps or map",
                ));
            }
            CliCommand::ShowMemory
        }
    };
    t.finish(cmd)
}

fn parse_show_fib(t: &mut Tokens<'_>, proto: FibProto) -> Result<CliCommand, CliError> {
    let path = match proto {
        FibProto::Ip4 => "show ip fib",
        FibProto::Ip6 => "show ip6 fib",
    };
    let mut table = None;
    let mut prefix = None;
    while let Some(word) = t.peek() {
        let here = t.rest();
        if word == "table" && table.is_none() {
            t.skip();
            match t.peek().and_then(|n| n.parse::<u32>().ok()) {
                Some(n) => table = Some(n),
                None => return Err(CliError::unknown_input(path, &here)),
            }
        } else if let Some(p) = parse_prefix_or_host(word).filter(|_| prefix.is_none()) {
            if proto_of(&p) != proto {
                return Err(CliError::unknown_input(path, &here));
            }
            prefix = Some(p);
        } else {
            return Err(CliError::unknown_input(path, &here));
        }
        t.skip();
    }
    Ok(CliCommand::ShowFib {
        proto,
        table,
        prefix,
    })
}

fn parse_set_state(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    const PATH: &str = "set interface state";
    let iface = t.iface(PATH)?;
    let up = t.up_down(PATH)?;
    t.finish(CliCommand::SetInterfaceState { iface, up })
}

fn parse_set_address(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    const PATH: &str = "set interface ip address";
    let del = t.eat("del");
    let iface = t.iface(PATH)?;
    let op = if del && t.eat("all") {
        AddressOp::DelAll
    } else {
        let bad = || CliError::ExpectedAddress {
            path: PATH.to_owned(),
            rest: t.rest(),
        };
        let prefix = t.peek().and_then(parse_prefix).ok_or_else(bad)?;
        t.skip();
        if del {
            AddressOp::Del(prefix)
        } else {
            AddressOp::Add(prefix)
        }
    };
    // VPP ignores anything after the address; so does the simulator.
    Ok(CliCommand::SetInterfaceAddress { iface, op })
}

fn parse_create_loopback(t: &mut Tokens<'_>) -> CliCommand {
    // VPP stops at the first word it does not understand and creates the loopback anyway, so
    // a malformed `mac` is silently ignored there too.
    let mut mac = None;
    let mut instance = None;
    loop {
        if t.peek() == Some("mac") {
            if let Some(m) = t.peek_at(1).and_then(parse_mac) {
                mac = Some(m);
                t.skip();
                t.skip();
                continue;
            }
        }
        if t.peek() == Some("instance") {
            if let Some(n) = t.peek_at(1).and_then(|w| w.parse::<u32>().ok()) {
                instance = Some(n);
                t.skip();
                t.skip();
                continue;
            }
        }
        break;
    }
    CliCommand::CreateLoopback { mac, instance }
}

fn parse_delete_loopback(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    if !t.eat("intfc") || t.peek().is_none() {
        return Err(CliError::interface_not_specified());
    }
    let iface = t.iface_here();
    t.skip();
    Ok(CliCommand::DeleteLoopback { iface })
}

fn parse_sim_traffic(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    const PATH: &str = "sim traffic";
    let expected = |what: &str, t: &Tokens<'_>| CliError::Expected {
        path: PATH.to_owned(),
        what: what.to_owned(),
        rest: t.rest(),
    };
    let iface = t.iface(PATH)?;
    if t.eat("off") {
        let mut src = None;
        if t.eat("src") {
            src = Some(
                t.peek()
                    .and_then(parse_prefix_or_host)
                    .ok_or_else(|| expected("an IP4/IP6 prefix", t))?,
            );
            t.skip();
        }
        return t.finish(CliCommand::SimTraffic {
            iface,
            flow: None,
            src,
        });
    }
    let rate_pps = t
        .peek()
        .and_then(|w| w.strip_suffix("pps"))
        .and_then(|n| n.parse::<u64>().ok())
        .ok_or_else(|| expected("a rate such as 100000pps, or off", t))?;
    t.skip();
    if rate_pps == 0 && t.peek().is_none() {
        return Ok(CliCommand::SimTraffic {
            iface,
            flow: None,
            src: None,
        });
    }
    let frame_size = t
        .peek()
        .and_then(|w| w.strip_suffix('B'))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| (MIN_FRAME_SIZE..=MAX_FRAME_SIZE).contains(n))
        .ok_or_else(|| expected("a frame size from 34B to 9216B", t))?;
    t.skip();
    let mut src = None;
    let mut dst = None;
    while let Some(word) = t.peek() {
        let slot = match word {
            "src" if src.is_none() => &mut src,
            "dst" if dst.is_none() => &mut dst,
            _ => return Err(CliError::unknown_input(PATH, &t.rest())),
        };
        t.skip();
        let prefix = t
            .peek()
            .and_then(parse_prefix_or_host)
            .ok_or_else(|| expected("an IP4/IP6 prefix", t))?;
        *slot = Some(prefix);
        t.skip();
    }
    if let (Some(s), Some(d)) = (src, dst) {
        if proto_of(&s) != proto_of(&d) {
            return Err(CliError::failed(
                PATH,
                "src and dst are of different address families",
            ));
        }
    }
    let flow = (rate_pps > 0).then_some(TrafficSpec {
        rate_pps,
        frame_size,
        src,
        dst,
    });
    Ok(CliCommand::SimTraffic { iface, flow, src })
}

fn parse_sim_link(t: &mut Tokens<'_>) -> Result<CliCommand, CliError> {
    const PATH: &str = "sim link";
    let iface = t.iface(PATH)?;
    let up = t.up_down(PATH)?;
    t.finish(CliCommand::SimLink { iface, up })
}

fn proto_of(p: &IpNet) -> FibProto {
    match p {
        IpNet::V4(_) => FibProto::Ip4,
        IpNet::V6(_) => FibProto::Ip6,
    }
}

/// `ADDRESS/LENGTH`, host bits kept.
fn parse_prefix(word: &str) -> Option<IpNet> {
    let (addr, len) = word.split_once('/')?;
    let addr: IpAddr = addr.parse().ok()?;
    // Only plain decimal lengths: `u8::from_str` would also take `+24`.
    if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    IpNet::new(addr, len.parse().ok()?).ok()
}

/// `ADDRESS/LENGTH`, or a bare address as a host prefix.
fn parse_prefix_or_host(word: &str) -> Option<IpNet> {
    parse_prefix(word).or_else(|| word.parse::<IpAddr>().ok().map(IpNet::from))
}

/// `xx:xx:xx:xx:xx:xx` or Cisco's `xxxx.xxxx.xxxx`, as VPP's `unformat_ethernet_address`.
fn parse_mac(word: &str) -> Option<[u8; 6]> {
    let hex: String = if word.contains(':') {
        let parts: Vec<&str> = word.split(':').collect();
        if parts.len() != 6 || parts.iter().any(|p| p.is_empty() || p.len() > 2) {
            return None;
        }
        parts.iter().map(|p| format!("{p:0>2}")).collect()
    } else {
        let parts: Vec<&str> = word.split('.').collect();
        if parts.len() != 3 || parts.iter().any(|p| p.len() != 4) {
            return None;
        }
        parts.concat()
    };
    if hex.len() != 12 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut mac = [0u8; 6];
    for (i, byte) in mac.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(mac)
}

/// Whitespace-separated words, each with its byte offset so errors can quote the raw rest.
struct Tokens<'a> {
    line: &'a str,
    words: Vec<(usize, &'a str)>,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(line: &'a str) -> Self {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in line.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    words.push((s, &line[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, &line[s..]));
        }
        Tokens {
            line,
            words,
            pos: 0,
        }
    }

    fn peek(&self) -> Option<&'a str> {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> Option<&'a str> {
        self.words.get(self.pos + ahead).map(|&(_, w)| w)
    }

    fn skip(&mut self) {
        self.pos += 1;
    }

    /// The raw input from the current word to the end ("" at the end).
    fn rest(&self) -> String {
        match self.words.get(self.pos) {
            Some(&(start, _)) => self.line.get(start..).unwrap_or_default().to_owned(),
            None => String::new(),
        }
    }

    /// Consumes `word` if it is next.
    fn eat(&mut self, word: &str) -> bool {
        let hit = self.peek() == Some(word);
        if hit {
            self.skip();
        }
        hit
    }

    /// Matches the next word against command words (exact, or a unique prefix). `Ok(None)` at
    /// the end of input; unknown input at `path` when nothing matches.
    fn word(
        &mut self,
        options: &[&'static str],
        path: &str,
    ) -> Result<Option<&'static str>, CliError> {
        let Some(word) = self.peek() else {
            return Ok(None);
        };
        let exact = options.iter().find(|o| **o == word);
        let mut prefixed = options.iter().filter(|o| o.starts_with(word));
        let found = match (exact, prefixed.next(), prefixed.next()) {
            (Some(o), _, _) | (None, Some(o), None) => *o,
            _ => return Err(CliError::unknown_input(path, &self.rest())),
        };
        self.skip();
        Ok(Some(found))
    }

    /// Like [`Tokens::word`], but the end of input is unknown input too.
    fn expect_word(
        &mut self,
        options: &[&'static str],
        path: &str,
    ) -> Result<&'static str, CliError> {
        self.word(options, path)?
            .ok_or_else(|| CliError::unknown_input(path, ""))
    }

    /// The current word as an interface reference (not consumed).
    fn iface_here(&self) -> IfaceRef {
        IfaceRef {
            name: self.peek().unwrap_or_default().to_owned(),
            rest: self.rest(),
        }
    }

    /// An interface name, or ``unknown interface `'`` when the line ends first.
    fn iface(&mut self, path: &str) -> Result<IfaceRef, CliError> {
        if self.peek().is_none() {
            return Err(CliError::unknown_interface(path, ""));
        }
        let iface = self.iface_here();
        self.skip();
        Ok(iface)
    }

    fn up_down(&mut self, path: &str) -> Result<bool, CliError> {
        let up = match self.peek() {
            Some("up") => true,
            Some("down") => false,
            _ => {
                return Err(CliError::UnknownFlags {
                    path: path.to_owned(),
                    rest: self.rest(),
                })
            }
        };
        self.skip();
        Ok(up)
    }

    /// `cmd` if the input is used up, else unknown input at the command's path.
    fn finish(&self, cmd: CliCommand) -> Result<CliCommand, CliError> {
        match self.peek() {
            None => Ok(cmd),
            Some(_) => Err(CliError::unknown_input(cmd.path(), &self.rest())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::golden;

    fn ok(line: &str) -> CliCommand {
        parse(line).unwrap_or_else(|e| panic!("`{line}`: {e}"))
    }

    fn err(line: &str) -> String {
        match parse(line) {
            Ok(c) => panic!("`{line}` parsed as {c:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn iface(name: &str, rest: &str) -> IfaceRef {
        IfaceRef {
            name: name.into(),
            rest: rest.into(),
        }
    }

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    #[test]
    fn blank_lines_do_nothing() {
        assert_eq!(ok(""), CliCommand::Empty);
        assert_eq!(ok("  \t\n"), CliCommand::Empty);
    }

    #[test]
    fn show_commands() {
        assert_eq!(
            ok("show version"),
            CliCommand::ShowVersion { verbose: false }
        );
        assert_eq!(
            ok("show version verbose"),
            CliCommand::ShowVersion { verbose: true }
        );
        assert_eq!(ok("show errors"), CliCommand::ShowErrors);
        assert_eq!(ok("show runtime"), CliCommand::ShowRuntime);
        assert_eq!(ok("show buffers"), CliCommand::ShowBuffers);
        assert_eq!(ok("show memory main-heap"), CliCommand::ShowMemory);
        assert_eq!(ok("show memory verbose main-heap"), CliCommand::ShowMemory);
        assert_eq!(
            err("show memory"),
            "show memory: Need one of api-segment, stats-segment, main-heap, numa-heaps or map"
        );
    }

    #[test]
    fn show_interface_forms() {
        assert_eq!(
            ok("show interface"),
            CliCommand::ShowInterface {
                ifaces: vec![],
                address: false
            }
        );
        assert_eq!(
            ok("show interface address"),
            CliCommand::ShowInterface {
                ifaces: vec![],
                address: true
            }
        );
        assert_eq!(
            ok("show interface pg0  pg1 addr"),
            CliCommand::ShowInterface {
                ifaces: vec![iface("pg0", "pg0  pg1 addr"), iface("pg1", "pg1 addr")],
                address: true
            }
        );
        assert_eq!(
            ok("show hardware-interfaces"),
            CliCommand::ShowHardware { ifaces: vec![] }
        );
        assert_eq!(
            ok("show hardware-interfaces pg0"),
            CliCommand::ShowHardware {
                ifaces: vec![iface("pg0", "pg0")]
            }
        );
    }

    #[test]
    fn unique_prefixes_abbreviate_command_words() {
        assert_eq!(
            ok("sh int"),
            CliCommand::ShowInterface {
                ifaces: vec![],
                address: false
            }
        );
        assert_eq!(
            ok("sh ip fib"),
            CliCommand::ShowFib {
                proto: FibProto::Ip4,
                table: None,
                prefix: None
            }
        );
        assert_eq!(ok("sh hard"), CliCommand::ShowHardware { ifaces: vec![] });
        assert_eq!(ok("sh err"), CliCommand::ShowErrors);
        assert_eq!(ok("sh run"), CliCommand::ShowRuntime);
        assert_eq!(ok("sh buf"), CliCommand::ShowBuffers);
        assert_eq!(ok("sh ver"), CliCommand::ShowVersion { verbose: false });
        assert_eq!(
            ok("set int st pg0 up"),
            CliCommand::SetInterfaceState {
                iface: iface("pg0", "pg0 up"),
                up: true
            }
        );
        assert_eq!(
            ok("cre loop int"),
            CliCommand::CreateLoopback {
                mac: None,
                instance: None
            }
        );
        // `s` could be show, set or sim; `show i` interface, ip or ip6.
        assert_eq!(err("s int"), "unknown input `s int'");
        assert_eq!(err("show i"), "show: unknown input `i'");
    }

    #[test]
    fn show_fib_forms() {
        let fib = |proto, table, prefix: Option<&str>| CliCommand::ShowFib {
            proto,
            table,
            prefix: prefix.map(net),
        };
        assert_eq!(ok("show ip fib"), fib(FibProto::Ip4, None, None));
        assert_eq!(ok("show ip6 fib"), fib(FibProto::Ip6, None, None));
        assert_eq!(
            ok("show ip fib 198.19.0.0/16"),
            fib(FibProto::Ip4, None, Some("198.19.0.0/16"))
        );
        assert_eq!(
            ok("show ip fib 198.19.1.1"),
            fib(FibProto::Ip4, None, Some("198.19.1.1/32"))
        );
        assert_eq!(ok("show ip fib table 5"), fib(FibProto::Ip4, Some(5), None));
        assert_eq!(
            ok("show ip6 fib table 5 2001:db8::/32"),
            fib(FibProto::Ip6, Some(5), Some("2001:db8::/32"))
        );
        assert_eq!(
            err("show ip fib 2001:db8::/32"),
            "show ip fib: unknown input `2001:db8::/32'"
        );
        assert_eq!(
            err("show ip6 fib 10.0.0.0/8"),
            "show ip6 fib: unknown input `10.0.0.0/8'"
        );
        assert_eq!(
            err("show ip fib table x"),
            "show ip fib: unknown input `table x'"
        );
        assert_eq!(
            err("show ip fib table"),
            "show ip fib: unknown input `table'"
        );
        assert_eq!(
            err("show ip fib 10.0.0.0/33"),
            "show ip fib: unknown input `10.0.0.0/33'"
        );
        assert_eq!(
            err("show ip fib 10.0.0.0/8 10.0.0.0/8"),
            "show ip fib: unknown input `10.0.0.0/8'"
        );
        assert_eq!(err("show ip route"), "show ip: unknown input `route'");
    }

    #[test]
    fn set_interface_state() {
        assert_eq!(
            ok("set interface state loop0 down"),
            CliCommand::SetInterfaceState {
                iface: iface("loop0", "loop0 down"),
                up: false
            }
        );
        assert_eq!(
            err("set interface state loop0 sideways"),
            "set interface state: unknown flags `sideways'"
        );
        assert_eq!(
            err("set interface state loop0"),
            "set interface state: unknown flags `'"
        );
        assert_eq!(
            err("set interface state"),
            "set interface state: unknown interface `'"
        );
        assert_eq!(
            err("set interface state loop0 up now"),
            "set interface state: unknown input `now'"
        );
    }

    #[test]
    fn set_interface_address() {
        let addr = |rest: &str, op| CliCommand::SetInterfaceAddress {
            iface: iface("loop0", rest),
            op,
        };
        assert_eq!(
            ok("set interface ip address loop0 10.70.0.1/24"),
            addr("loop0 10.70.0.1/24", AddressOp::Add(net("10.70.0.1/24")))
        );
        assert_eq!(
            ok("set interface ip address del loop0 2001:db8::1/64"),
            addr(
                "loop0 2001:db8::1/64",
                AddressOp::Del(net("2001:db8::1/64"))
            )
        );
        assert_eq!(
            ok("set interface ip address del loop0 all"),
            addr("loop0 all", AddressOp::DelAll)
        );
        for bad in [
            "all",
            "10.0.0.1",
            "10.0.0.1/33",
            "10.0.0.1/+8",
            "::1/129",
            "10.0.0.1/",
        ] {
            assert_eq!(
                err(&format!("set interface ip address loop0 {bad}")),
                format!("set interface ip address: expected IP4/IP6 address/length `{bad}'")
            );
        }
        assert_eq!(
            err("set interface ip address"),
            "set interface ip address: unknown interface `'"
        );
    }

    #[test]
    fn loopbacks() {
        assert_eq!(
            ok("create loopback interface mac 02:00:00:00:00:0a instance 7"),
            CliCommand::CreateLoopback {
                mac: Some([2, 0, 0, 0, 0, 10]),
                instance: Some(7)
            }
        );
        assert_eq!(
            ok("create loopback interface mac 0200.0000.000b"),
            CliCommand::CreateLoopback {
                mac: Some([2, 0, 0, 0, 0, 11]),
                instance: None
            }
        );
        // Like VPP: parsing stops at the first word it does not know.
        assert_eq!(
            ok("create loopback interface mac nonsense instance 3"),
            CliCommand::CreateLoopback {
                mac: None,
                instance: None
            }
        );
        assert_eq!(
            ok("delete loopback interface intfc loop0"),
            CliCommand::DeleteLoopback {
                iface: iface("loop0", "loop0")
            }
        );
        for bad in [
            "delete loopback interface",
            "delete loopback interface loop0",
            "delete loopback interface intfc",
        ] {
            assert_eq!(
                err(bad),
                "delete loopback interface: interface not specified"
            );
        }
    }

    #[test]
    fn sim_traffic() {
        let spec = |rate_pps, frame_size, src: Option<&str>, dst: Option<&str>| TrafficSpec {
            rate_pps,
            frame_size,
            src: src.map(net),
            dst: dst.map(net),
        };
        assert_eq!(
            ok("sim traffic pg0 100000pps 64B"),
            CliCommand::SimTraffic {
                iface: iface("pg0", "pg0 100000pps 64B"),
                flow: Some(spec(100000, 64, None, None)),
                src: None,
            }
        );
        let CliCommand::SimTraffic { flow, .. } =
            ok("sim traffic pg0 1000pps 1500B dst 198.19.0.0/16 src 10.1.0.0/16")
        else {
            panic!()
        };
        assert_eq!(
            flow,
            Some(spec(1000, 1500, Some("10.1.0.0/16"), Some("198.19.0.0/16")))
        );
        let CliCommand::SimTraffic { flow, .. } = ok("sim traffic pg0 1000pps 64B dst 198.19.0.1")
        else {
            panic!()
        };
        assert_eq!(flow, Some(spec(1000, 64, None, Some("198.19.0.1/32"))));
        for stop in [
            "sim traffic pg0 off",
            "sim traffic pg0 0pps",
            "sim traffic pg0 0pps 64B",
        ] {
            assert!(
                matches!(
                    ok(stop),
                    CliCommand::SimTraffic {
                        flow: None,
                        src: None,
                        ..
                    }
                ),
                "{stop}"
            );
        }
        for stop_one in [
            "sim traffic pg0 off src 10.1.0.0/16",
            "sim traffic pg0 0pps 64B src 10.1.0.0/16",
        ] {
            assert_eq!(
                ok(stop_one),
                CliCommand::SimTraffic {
                    iface: iface("pg0", &stop_one["sim traffic ".len()..]),
                    flow: None,
                    src: Some(net("10.1.0.0/16")),
                },
                "{stop_one}"
            );
        }
        assert_eq!(
            err("sim traffic pg0 off src nowhere"),
            "sim traffic: expected an IP4/IP6 prefix `nowhere'"
        );
        assert_eq!(
            err("sim traffic pg0 fast 64B"),
            "sim traffic: expected a rate such as 100000pps, or off `fast 64B'"
        );
        assert_eq!(
            err("sim traffic pg0 100pps"),
            "sim traffic: expected a frame size from 34B to 9216B `'"
        );
        assert_eq!(
            err("sim traffic pg0 100pps 20B"),
            "sim traffic: expected a frame size from 34B to 9216B `20B'"
        );
        assert_eq!(
            err("sim traffic pg0 100pps 64B src"),
            "sim traffic: expected an IP4/IP6 prefix `'"
        );
        assert_eq!(
            err("sim traffic pg0 100pps 64B src 10.0.0.0/8 src 10.0.0.0/8"),
            "sim traffic: unknown input `src 10.0.0.0/8'"
        );
        assert_eq!(
            err("sim traffic pg0 100pps 64B src 10.0.0.0/8 dst ::/0"),
            "sim traffic: src and dst are of different address families"
        );
        assert_eq!(err("sim traffic"), "sim traffic: unknown interface `'");
        assert_eq!(
            err("sim traffic pg0 off now"),
            "sim traffic: unknown input `now'"
        );
    }

    #[test]
    fn sim_link() {
        assert_eq!(
            ok("sim link pg1 down"),
            CliCommand::SimLink {
                iface: iface("pg1", "pg1 down"),
                up: false
            }
        );
        assert_eq!(err("sim link pg1 dn"), "sim link: unknown flags `dn'");
        assert_eq!(err("sim"), "sim: unknown input `'");
    }

    #[test]
    fn unknown_input_quotes_the_rest_of_the_line() {
        assert_eq!(
            err("show nosuchthing at  all"),
            "show: unknown input `nosuchthing at  all'"
        );
        assert_eq!(err("frobnicate"), "unknown input `frobnicate'");
        assert_eq!(err("show"), "show: unknown input `'");
        assert_eq!(
            err("show version loud"),
            "show version: unknown input `loud'"
        );
        assert_eq!(err("show errors x"), "show errors: unknown input `x'");
        assert_eq!(
            err("show memory api-segment"),
            "show memory: unknown input `api-segment'"
        );
        assert_eq!(
            err("set interface mtu"),
            "set interface: unknown input `mtu'"
        );
    }

    #[test]
    fn unknown_interface_errors_per_command() {
        let cmd = ok("set interface ip address nosuch0 10.0.0.1/24");
        let CliCommand::SetInterfaceAddress { iface, .. } = &cmd else {
            panic!()
        };
        assert_eq!(
            cmd.unknown_interface(iface).to_string(),
            "set interface ip address: unknown interface `nosuch0 10.0.0.1/24'"
        );
        let cmd = ok("show interface pg0 nosuch0");
        let CliCommand::ShowInterface { ifaces, .. } = &cmd else {
            panic!()
        };
        assert_eq!(
            cmd.unknown_interface(&ifaces[1]).to_string(),
            "show interface: unknown input `nosuch0'"
        );
        let cmd = ok("show hardware-interfaces nosuch0");
        let CliCommand::ShowHardware { ifaces } = &cmd else {
            panic!()
        };
        assert_eq!(
            cmd.unknown_interface(&ifaces[0]).to_string(),
            "show hardware-interfaces: unknown input `nosuch0'"
        );
        let cmd = ok("delete loopback interface intfc nosuch0");
        let CliCommand::DeleteLoopback { iface } = &cmd else {
            panic!()
        };
        assert_eq!(
            cmd.unknown_interface(iface).to_string(),
            "delete loopback interface: interface not specified"
        );
        let cmd = ok("sim link nosuch0 up");
        let CliCommand::SimLink { iface, .. } = &cmd else {
            panic!()
        };
        assert_eq!(
            cmd.unknown_interface(iface).to_string(),
            "sim link: unknown interface `nosuch0 up'"
        );
    }

    #[test]
    fn captured_commands_parse_and_fail_as_vpp() {
        let g = golden::cli_golden();
        for (cmd, retval, reply) in g.all() {
            if cmd.starts_with("show acl-plugin") {
                // The ACL plugin's CLI is not part of the simulator's command set.
                continue;
            }
            match (parse(cmd), retval) {
                (Ok(CliCommand::SetInterfaceState { iface, up }), -1) => {
                    // VPP knows no `nosuch0`; the executor reports it through the command.
                    let parsed = CliCommand::SetInterfaceState { iface, up };
                    let CliCommand::SetInterfaceState { iface, .. } = &parsed else {
                        unreachable!()
                    };
                    assert_eq!(parsed.unknown_interface(iface).reply(), reply, "{cmd}");
                }
                (Ok(c), 0) => assert_ne!(c, CliCommand::Empty, "{cmd}"),
                (Err(e), -1) => {
                    assert_eq!(e.reply(), reply, "{cmd}");
                    assert_eq!(e.retval(), g.retval(cmd));
                }
                (other, _) => panic!("`{cmd}` (retval {retval}): {other:?}"),
            }
        }
    }

    /// A small deterministic generator, so the garbage test needs no dependency.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    #[test]
    fn garbage_never_panics() {
        const WORDS: &[&str] = &[
            "show",
            "sh",
            "s",
            "set",
            "create",
            "delete",
            "sim",
            "interface",
            "int",
            "ip",
            "ip6",
            "fib",
            "address",
            "del",
            "all",
            "state",
            "up",
            "down",
            "loopback",
            "intfc",
            "mac",
            "instance",
            "traffic",
            "link",
            "off",
            "table",
            "src",
            "dst",
            "version",
            "verbose",
            "hardware-interfaces",
            "errors",
            "memory",
            "main-heap",
            "pg0",
            "loop0",
            "0",
            "1",
            "4294967296",
            "-1",
            "10.0.0.1/24",
            "::/0",
            "1.2.3.4",
            "/",
            "64B",
            "0pps",
            "9999999999999999999999pps",
            "02:00:00:00:00:01",
            "é",
            "\u{0}",
            "`'",
            "\t",
            "  ",
        ];
        let mut rng = Lcg(0x5eed);
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..rng.next(8) {
                if rng.next(5) == 0 {
                    let c = char::from_u32(rng.next(0x11_0000) as u32).unwrap_or('?');
                    line.push(c);
                } else {
                    line.push_str(WORDS[rng.next(WORDS.len())]);
                }
                if rng.next(4) != 0 {
                    line.push(' ');
                }
            }
            if let Err(e) = parse(&line) {
                assert_eq!(e.retval(), -1);
                assert!(e.reply().ends_with('\n'));
            }
        }
    }

    #[test]
    fn every_prefix_of_valid_lines_is_handled() {
        for line in [
            "set interface ip address del loop0 10.70.0.1/24",
            "sim traffic pg0 1000pps 64B src 10.1.0.0/16 dst 198.19.0.0/16",
            "create loopback interface mac 02:00:00:00:00:0a instance 7",
            "show ip6 fib table 0 fe80::/10",
        ] {
            for (i, _) in line.char_indices() {
                let _ = parse(&line[..i]);
            }
        }
    }
}
