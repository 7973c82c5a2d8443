//! Every flag and subcommand, defined once; `--help`, man pages and shell
//! completions all come from these definitions.
//!
//! One file, past 600 lines: every flag in one place is what keeps `--help`, the man pages
//! and the completions in step.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use super::completions::{iface_names, message_names};

/// vppctl-plus: drive an FD.io VPP dataplane from the shell.
#[derive(Debug, Parser)]
#[command(name = "vppx", version, about, propagate_version = true)]
#[command(
    after_help = "Examples:\n  vppx --sim iface list\n  vppx iface configure pg0 10.0.0.1/24\n  vppx --json iface list | jq '.[].name'"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// VPP's binary-API socket.
    #[arg(
        long,
        global = true,
        env = "VPPX_SOCKET",
        default_value = "/run/vpp/api.sock"
    )]
    pub socket: PathBuf,
    /// VPP's stats socket.
    #[arg(
        long,
        global = true,
        env = "VPPX_STATS_SOCKET",
        default_value = "/run/vpp/stats.sock"
    )]
    pub stats_socket: PathBuf,
    /// Print JSON (NDJSON for streams) instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// Run the command against a private, embedded simulator instead of VPP.
    #[arg(long, global = true)]
    pub sim: bool,
    /// How long to wait for VPP before giving up (exit 3).
    #[arg(long, global = true, env = "VPPX_API_TIMEOUT", default_value = "5s", value_parser = parse_duration)]
    pub api_timeout: Duration,
}

pub fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("invalid duration '{s}': {e}"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show vppx's and VPP's versions, and how many of vppx's bindings this VPP matches.
    #[command(after_help = "Examples:\n  vppx version\n  vppx --sim --json version")]
    Version,
    /// Run a VPP debug-CLI command and print VPP's reply verbatim.
    #[command(after_help = "Examples:\n  vppx cli show interface\n  vppx cli \"show ip fib\"")]
    Cli {
        /// The command, e.g. "show interface".
        #[arg(required = true, num_args = 1.., trailing_var_arg = true)]
        command: Vec<String>,
    },
    /// List, show and configure interfaces.
    #[command(
        after_help = "Examples:\n  vppx iface list\n  vppx iface configure pg0 10.0.0.1/24\n  vppx iface create loopback"
    )]
    Iface {
        #[command(subcommand)]
        command: IfaceCommand,
    },
    /// Add, delete and list routes; bulk-load route files.
    #[command(
        after_help = "Examples:\n  vppx route add 10.20.0.0/16 via 10.10.10.2 dev loop0\n  vppx route list --table 0\n  vppx route del 10.20.0.0/16"
    )]
    Route {
        #[command(subcommand)]
        command: RouteCommand,
    },
    /// Drop rules (VPP's acl plugin): create, list, show and delete ACLs; apply them to interfaces.
    #[command(
        after_help = "Examples:\n  vppx acl set rfc1918-drop --file examples/rfc1918-drop.acl\n  vppx acl list\n  vppx acl apply rfc1918-drop --iface pg0 --input"
    )]
    Acl {
        #[command(subcommand)]
        command: AclCommand,
    },
    /// Make the node what a desired-state document says: interfaces, tables, routes, ACLs.
    #[command(
        after_help = "The document (YAML; JSON is YAML) is described in the README, \"Desired state\".\n\nExamples:\n  vppx apply --plan --exit-code node.yaml || vppx apply node.yaml\n  vppx --json apply --plan node.yaml | jq .summary\n  vppx apply --export node.yaml"
    )]
    Apply(ApplyArgs),
    /// Read counters from the stats segment: interfaces (default), nodes, errors, ...
    #[command(
        after_help = "Examples:\n  vppx stats\n  vppx stats --interval 1s --count 5\n  vppx stats errors --json | jq '.[] | select(.count > 0)'"
    )]
    Stats(StatsArgs),
    /// Stream interface link events as they happen (NDJSON with --json).
    #[command(
        after_help = "Examples:\n  vppx watch\n  vppx --json watch --iface pg0 --count 3\n  vppx watch --until up --iface pg0 --timeout 30s && echo link up"
    )]
    Watch(WatchArgs),
    /// Measure: API latency, route programming rate, stats read rate.
    #[command(
        after_help = "Examples:\n  vppx --sim bench api\n  vppx bench routes --count 100000\n  vppx bench stats"
    )]
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Call any binary-API message by name; list and show the messages VPP has.
    #[command(
        after_help = "The definitions come from VPP itself (get_api_json), cached per message table;\n--refresh asks VPP again and rewrites the cache.\n\nExamples:\n  vppx api call show_version\n  vppx api call sw_interface_dump '{}' | jq '.[].interface_name'\n  vppx api list 'ip_route'"
    )]
    Api(ApiArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  vppx completions bash > ~/.local/share/bash-completion/completions/vppx\n  vppx completions fish > ~/.config/fish/completions/vppx.fish\n  vppx completions --dynamic zsh > \"${fpath[1]}/_vppx\""
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
        /// A script that asks vppx at each TAB, adding live values from the VPP at
        /// $VPPX_SOCKET: interface names and message names.
        #[arg(long)]
        dynamic: bool,
    },
    /// Serve a REST API and Prometheus metrics for this VPP until interrupted.
    #[command(
        after_help = "Reads are open; POST, PUT and DELETE need Authorization: Bearer <token>, the \
token in the file whose path is printed at start (or --token-file). Then ask it, e.g.:\n  \
curl -s localhost:9482/interfaces | jq '.[].name'\n\n\
Examples:\n  vppx serve --route-metrics 10.0.0.0/8 --route-metrics '2001:db8::/32 table 5' --route-metrics-top 10\n  \
vppx serve --listen unix:/run/vppx/serve.sock --read-only\n  \
vppx serve --listen 0.0.0.0:9482 --token-file /etc/vppx/token --allowed-host router1.example"
    )]
    Serve(ServeArgs),
    /// Run the VPP simulator on --socket (and --stats-socket) until interrupted.
    #[command(
        after_help = "Examples:\n  vppx sim --socket /tmp/vpp.sock --stats-socket /tmp/stats.sock --statseg-size 32M --heap-size 1G\n  vppx sim --socket /tmp/vpp.sock --traffic pg0=1000pps,64B\n  vppx sim --socket /tmp/vpp.sock & VPPX_SOCKET=/tmp/vpp.sock vppx iface list"
    )]
    Sim(SimArgs),
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The document, or - for standard input.
    #[arg(required_unless_present = "export", conflicts_with = "export")]
    pub file: Option<String>,
    /// Print what would change, in the order it would be done, and change nothing.
    #[arg(long)]
    pub plan: bool,
    /// With --plan: exit 1 when there are changes to make, 0 when there are none.
    #[arg(long, requires = "plan")]
    pub exit_code: bool,
    /// Write the node's current state as a document, to FILE (default: standard output).
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-", conflicts_with = "plan")]
    pub export: Option<String>,
    /// The FIB source priority to register `vppx` with, if VPP has no such source yet
    /// (lower wins).
    #[arg(long, default_value_t = crate::ops::desired::source::DEFAULT_PRIORITY)]
    pub source_priority: u8,
    #[command(flatten)]
    pub pipelining: Pipelining,
}

#[derive(Debug, Subcommand)]
pub enum IfaceCommand {
    /// Every interface: index, name, admin and link state, MAC, MTU, addresses.
    #[command(
        after_help = "Examples:\n  vppx iface list\n  vppx --json iface list | jq -r '.[] | select(.link_up) | .name'"
    )]
    List,
    /// One interface.
    #[command(
        after_help = "Examples:\n  vppx iface show pg0\n  vppx --json iface show pg0 | jq .addresses"
    )]
    Show {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
    },
    /// Set an interface admin up.
    #[command(
        after_help = "Examples:\n  vppx iface up pg0\n  vppx iface up pg0 && vppx watch --until up --iface pg0 --timeout 10s"
    )]
    Up {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
    },
    /// Set an interface admin down.
    #[command(after_help = "Examples:\n  vppx iface down pg0\n  vppx --json iface down loop0")]
    Down {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
    },
    /// Add or remove an interface address.
    #[command(
        after_help = "Examples:\n  vppx iface addr add pg0 10.0.0.1/24\n  vppx iface addr del pg0 10.0.0.1/24"
    )]
    Addr {
        #[command(subcommand)]
        command: AddrCommand,
    },
    /// Admin up and add the address; running it twice changes nothing.
    #[command(
        after_help = "Examples:\n  vppx iface configure pg0 10.0.0.1/24\n  vppx iface configure pg1 2001:db8:1::1/64"
    )]
    Configure {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
        /// The address with its prefix length, e.g. 10.0.0.1/24.
        prefix: String,
    },
    /// Create an interface.
    #[command(
        after_help = "Examples:\n  vppx iface create loopback\n  vppx iface create loopback --instance 5 --mac 02:00:00:00:00:05"
    )]
    Create {
        #[command(subcommand)]
        kind: CreateKind,
    },
    /// Delete a loopback interface.
    #[command(
        after_help = "Examples:\n  vppx iface delete loop0\n  vppx iface create loopback --instance 9 && vppx iface delete loop9"
    )]
    Delete {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RouteCommand {
    /// Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N],
    /// PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX.
    #[command(
        after_help = "Examples:\n  vppx route add 10.20.0.0/16 via 10.10.10.2\n  vppx route add 2001:db8::/32 via 2001:db8:1::2 dev loop0 via 2001:db8:1::3 dev loop0\n  vppx route add 192.0.2.0/24 drop table 5 --create-tables"
    )]
    Add {
        #[arg(required = true, num_args = 1.., value_name = "ROUTE")]
        words: Vec<String>,
        /// Create the table first if it does not exist.
        #[arg(long)]
        create_tables: bool,
    },
    /// Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1).
    #[command(
        after_help = "Examples:\n  vppx route del 10.20.0.0/16\n  vppx route del 192.0.2.0/24 table 5"
    )]
    Del {
        #[arg(required = true, num_args = 1.., value_name = "ROUTE")]
        words: Vec<String>,
    },
    /// Program every route of a CSV file (or - for stdin), as fast as VPP takes them.
    #[command(
        after_help = "The file: prefix,next_hop,interface,table,weight,preference (see the README).\n\nExamples:\n  vppx route load routes.csv\n  generate-routes | vppx --json route load - --keep-going\n  vppx route load --replace --dry-run --table 0 --table 5 routes.csv"
    )]
    Load {
        /// The CSV file, or - for standard input.
        file: String,
        /// Remove the listed routes instead of adding them.
        #[arg(long, conflicts_with = "replace")]
        delete: bool,
        /// Make the file the whole truth for the tables it names (or --table): vppx's
        /// managed routes (FIB source `vppx`) that the file lacks are removed, changed ones
        /// updated, unchanged ones not sent at all.
        #[arg(long)]
        replace: bool,
        /// With --replace: the FIB source priority to register `vppx` with, if VPP has
        /// no such source yet (lower wins).
        #[arg(long, default_value_t = crate::ops::desired::source::DEFAULT_PRIORITY, requires = "replace")]
        source_priority: u8,
        /// Only validate the file (against VPP's interfaces); program nothing.
        #[arg(long)]
        dry_run: bool,
        /// Program the good routes even if some lines are bad (exit 1 then).
        #[arg(long)]
        keep_going: bool,
        /// Create missing tables first.
        #[arg(long)]
        create_tables: bool,
        /// Load even if VPP's main heap or stats segment looks too small for the new
        /// routes, and do not stop when one runs low.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        pipelining: Pipelining,
        /// The table for lines that name none. With --replace it may be repeated: the
        /// tables to manage (both families; lines that name none go to the first).
        #[arg(long)]
        table: Vec<u32>,
    },
    /// List routes, sorted by table, address and prefix length; prefixes print as networks.
    #[command(
        after_help = "Examples:\n  vppx route list\n  vppx route list --table 5 --prefix 10.0.0.0/8\n  vppx route list --counters --prefix 198.18.0.0/16"
    )]
    List {
        /// Only this table.
        #[arg(long)]
        table: Option<u32>,
        /// Only routes within this prefix (a connected route's interface address, such as
        /// 198.18.0.1/24, is taken as its network).
        #[arg(long)]
        prefix: Option<String>,
        /// Add each route's packets and bytes (/net/route/to at its stats index).
        #[arg(long)]
        counters: bool,
    },
    /// One route with its packets and bytes: PREFIX [table N] (an exact match; a
    /// connected route's interface address, such as 198.18.0.1/24, is taken as its network).
    #[command(
        after_help = "Examples:\n  vppx route show 198.19.0.0/16\n  vppx --json route show 192.0.2.0/24 table 5"
    )]
    Show {
        #[arg(required = true, num_args = 1.., value_name = "ROUTE")]
        words: Vec<String>,
    },
    /// Manage FIB tables.
    #[command(
        after_help = "Examples:\n  vppx route table add 5\n  vppx route table list\n  vppx route table del 5 --ipv6"
    )]
    Table {
        #[command(subcommand)]
        command: TableCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TableCommand {
    /// Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6).
    #[command(after_help = "Examples:\n  vppx route table add 5\n  vppx route table add 6 --ipv4")]
    Add {
        table: u32,
        #[command(flatten)]
        family: Family,
    },
    /// Delete a table.
    #[command(after_help = "Examples:\n  vppx route table del 5\n  vppx route table del 6 --ipv4")]
    Del {
        table: u32,
        #[command(flatten)]
        family: Family,
    },
    /// List the tables.
    #[command(
        after_help = "Examples:\n  vppx route table list\n  vppx --json route table list | jq '.[] | select(.family == \"ipv6\")'"
    )]
    List,
}

#[derive(Debug, Clone, Copy, Args)]
pub struct Family {
    /// IPv4 only.
    #[arg(long, conflicts_with = "ipv6")]
    pub ipv4: bool,
    /// IPv6 only.
    #[arg(long)]
    pub ipv6: bool,
}

impl Family {
    /// The families chosen: `is_ip6` values.
    pub fn selected(self) -> Vec<bool> {
        match (self.ipv4, self.ipv6) {
            (true, false) => vec![false],
            (false, true) => vec![true],
            _ => vec![false, true],
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AclCommand {
    /// Create the ACL NAME, or replace its rules in place (its index, and where it is
    /// applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]]
    /// [dport N[-M]], or deny|permit any. Rules end in an implicit deny.
    #[command(
        after_help = "Examples:\n  vppx acl set outside-in \"deny src 10.0.0.0/8\" \"permit src 198.51.100.0/24 proto tcp dport 80-443\"\n  vppx acl set v6-in deny src 2001:db8:bad::/48 permit any\n  generate-rules | vppx acl set blocklist --file -"
    )]
    Set {
        /// The ACL's name (kept in its tag): 1-63 letters, digits, '-', '_', '.', ':'.
        name: String,
        /// The rules, in order; each starts at its deny or permit.
        #[arg(value_name = "RULE", required_unless_present = "file")]
        rules: Vec<String>,
        /// Read the rules from a file, one a line (# comments), or - for standard input.
        #[arg(long, value_name = "FILE", conflicts_with = "rules")]
        file: Option<String>,
    },
    /// Every ACL: index, name, rules, where it is applied.
    #[command(
        after_help = "Examples:\n  vppx acl list\n  vppx --json acl list | jq -r '.[].name'"
    )]
    List,
    /// One ACL: its rules and where it is applied.
    #[command(
        after_help = "Examples:\n  vppx acl show rfc1918-drop\n  vppx --json acl show rfc1918-drop | jq .rules"
    )]
    Show { name: String },
    /// Delete an ACL; refused while it is applied, unless --force.
    #[command(
        after_help = "Examples:\n  vppx acl delete rfc1918-drop\n  vppx acl delete rfc1918-drop --force"
    )]
    Delete {
        name: String,
        /// Detach it from every interface first.
        #[arg(long)]
        force: bool,
    },
    /// Apply an ACL to an interface, after the ACLs already there.
    #[command(
        after_help = "Examples:\n  vppx acl apply rfc1918-drop --iface pg0 --input\n  vppx acl apply egress-filter --iface pg1 --output"
    )]
    Apply {
        name: String,
        /// The interface.
        #[arg(long, value_name = "IFACE")]
        iface: String,
        #[command(flatten)]
        direction: ApplyDirection,
    },
    /// Take an ACL off an interface (both directions unless --input or --output).
    #[command(
        after_help = "Examples:\n  vppx acl detach rfc1918-drop --iface pg0\n  vppx acl detach rfc1918-drop --iface pg0 --input"
    )]
    Detach {
        name: String,
        /// The interface.
        #[arg(long, value_name = "IFACE")]
        iface: String,
        #[command(flatten)]
        direction: DetachDirection,
    },
}

/// How routes go out: several connections, each with a window of requests in
/// flight (see docs/design.md, “Route-load throughput”). `route load` and `bench routes` take the
/// same defaults.
#[derive(Debug, Clone, Copy, Args)]
pub struct Pipelining {
    /// Requests in flight per connection.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..))]
    pub window: u16,
    /// Connections to VPP, used in parallel.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub connections: u16,
}

#[derive(Debug, Clone, Copy, Args)]
#[group(required = true, multiple = false)]
pub struct ApplyDirection {
    /// Filter what the interface receives.
    #[arg(long)]
    pub input: bool,
    /// Filter what the interface sends.
    #[arg(long)]
    pub output: bool,
}

#[derive(Debug, Clone, Copy, Args)]
#[group(required = false, multiple = false)]
pub struct DetachDirection {
    /// Only its input use.
    #[arg(long)]
    pub input: bool,
    /// Only its output use.
    #[arg(long)]
    pub output: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(subcommand)]
    pub view: Option<StatsView>,
    /// Print rates over this interval, again and again (e.g. 1s, 500ms).
    #[arg(long, global = true, value_parser = parse_duration)]
    pub interval: Option<Duration>,
    /// With --interval: stop after this many intervals.
    #[arg(long, global = true)]
    pub count: Option<u64>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum StatsView {
    /// Per interface: rx/tx packets and bytes, drops, errors (the default).
    #[command(
        after_help = "Examples:\n  vppx stats interfaces\n  vppx stats interfaces --interval 1s --count 10"
    )]
    Interfaces,
    /// Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector.
    #[command(
        after_help = "Examples:\n  vppx stats nodes\n  vppx --json stats nodes --interval 500ms --count 10"
    )]
    Nodes,
    /// Non-zero error counters, like `show errors`.
    #[command(after_help = "Examples:\n  vppx stats errors\n  vppx stats errors --interval 1s")]
    Errors,
    /// /sys scalars and gauges.
    #[command(
        after_help = "Examples:\n  vppx stats system\n  vppx --json stats system | jq '.\"/sys/vector_rate\"'"
    )]
    System,
    /// Buffer pools.
    #[command(after_help = "Examples:\n  vppx stats buffers\n  vppx --json stats buffers")]
    Buffers,
    /// Heaps.
    #[command(
        after_help = "Examples:\n  vppx stats memory\n  vppx --json stats memory | jq '.[] | {name, used}'"
    )]
    Memory,
    /// Per route: packets and bytes (/net/route/to at each route's stats index); with
    /// --interval, packets/s and bits/s, busiest first.
    #[command(
        after_help = "The prefix-to-counter map comes from a route dump at start, and again when\n/net/route/to grows or every --refresh.\n\nExamples:\n  vppx stats routes --interval 1s --count 5\n  vppx --json stats routes --interval 1s --top 5 --prefix 10.0.0.0/8\n  vppx stats routes --table 5"
    )]
    Routes {
        /// Only this table.
        #[arg(long)]
        table: Option<u32>,
        /// Only routes within this prefix.
        #[arg(long)]
        prefix: Option<String>,
        /// Show this many routes, busiest first (0: all).
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// With --interval: dump the routes again this often, to follow FIB changes
        /// that reuse counter indexes (0s: only when /net/route/to grows).
        #[arg(long, value_parser = parse_duration, default_value = "60s")]
        refresh: Duration,
    },
    /// Every counter path and its value, optionally only those matching regexes.
    #[command(
        after_help = "Examples:\n  vppx stats dump\n  vppx stats dump '^/if/rx$' '^/sys/heartbeat$'"
    )]
    Dump { patterns: Vec<String> },
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Only these interfaces (repeatable).
    #[arg(long = "iface", value_name = "NAME", add = ArgValueCandidates::new(iface_names))]
    pub ifaces: Vec<String>,
    /// Stop after this many events (initial lines not counted).
    #[arg(long)]
    pub count: Option<u64>,
    /// Exit 0 once the --iface interface's link is up (or down); exit 4 after --timeout.
    #[arg(long, value_enum, requires = "ifaces")]
    pub until: Option<UntilState>,
    /// How long --until waits.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UntilState {
    Up,
    Down,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// control_ping round trips: latency (p50, p99) and pipelined messages/second.
    #[command(
        after_help = "Examples:\n  vppx bench api\n  vppx --sim bench api --count 100000 --window 128"
    )]
    Api {
        #[arg(long, default_value_t = 10_000)]
        count: u32,
        /// Requests in flight for the pipelined run.
        #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..))]
        window: u16,
    },
    /// Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second.
    #[command(
        after_help = "Examples:\n  vppx bench routes\n  vppx --sim bench routes --count 200000 --connections 8"
    )]
    Routes {
        #[arg(long, default_value_t = 100_000)]
        count: u32,
        #[command(flatten)]
        pipelining: Pipelining,
        /// The table to use (it must exist).
        #[arg(long, default_value_t = 0)]
        table: u32,
    },
    /// Full scrapes of the stats segment: time per scrape and counters/second.
    #[command(
        after_help = "Examples:\n  vppx bench stats\n  vppx --json bench stats --count 1000"
    )]
    Stats {
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum AddrCommand {
    /// Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64.
    #[command(
        after_help = "Examples:\n  vppx iface addr add pg0 10.0.0.1/24\n  vppx iface addr add loop0 2001:db8::1/64"
    )]
    Add {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
        prefix: String,
    },
    /// Remove an address.
    #[command(
        after_help = "Examples:\n  vppx iface addr del pg0 10.0.0.1/24\n  vppx iface addr del loop0 2001:db8::1/64"
    )]
    Del {
        #[arg(add = ArgValueCandidates::new(iface_names))]
        name: String,
        prefix: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CreateKind {
    /// A loopback interface (loopN).
    #[command(
        after_help = "Examples:\n  vppx iface create loopback\n  vppx iface create loopback --instance 5 --mac 02:00:00:00:00:05"
    )]
    Loopback {
        /// Its MAC address (VPP picks one if omitted).
        #[arg(long)]
        mac: Option<String>,
        /// Its instance number N in loopN.
        #[arg(long)]
        instance: Option<u32>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SimArgs {
    /// Interfaces to create at start-up, e.g. pg0,pg1.
    #[arg(long, value_delimiter = ',', default_value = "pg0,pg1")]
    pub interfaces: Vec<String>,
    /// Traffic into an interface from the start, e.g. pg0=1000pps,64B or
    /// pg0=1000pps,64B,dst=198.18.1.0/24,src=10.0.0.0/8 (repeatable: one flow per interface
    /// and source; the same as `vppx cli "sim traffic pg0 1000pps 64B dst ..."`).
    #[arg(long, value_name = "IFACE=RATE,SIZE[,dst=P][,src=P]")]
    pub traffic: Vec<String>,
    /// The stats segment's size, as VPP's `statseg { size }` (e.g. 32M, 512M, 1G; default
    /// 32M). Each route's counters take 40 bytes, twice that while their vectors double: a
    /// million routes need about 128M. The simulator dies, as VPP does, when it runs out.
    #[arg(long, value_name = "SIZE")]
    pub statseg_size: Option<ByteSize>,
    /// The main heap's size, as VPP's `memory { main-heap-size }` (e.g. 256M, 1G; default
    /// 1G). An idle VPP uses about 30M and each route 350 bytes. The simulator dies, as
    /// VPP does, when it runs out.
    #[arg(long, value_name = "SIZE")]
    pub heap_size: Option<ByteSize>,
}

/// A size in bytes with an optional K, M or G suffix (powers of 1024), as VPP's
/// startup.conf writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub usize);

impl std::str::FromStr for ByteSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let (digits, shift) = match t.char_indices().last() {
            Some((i, 'k' | 'K')) => (&t[..i], 10),
            Some((i, 'm' | 'M')) => (&t[..i], 20),
            Some((i, 'g' | 'G')) => (&t[..i], 30),
            _ => (t, 0),
        };
        digits
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_mul(1 << shift))
            .map(ByteSize)
            .ok_or_else(|| format!("`{s}`: expected a size such as 32M or 1G"))
    }
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// Use the definitions in FILE (a get_api_json answer: a JSON array of
    /// .api.json modules) instead of asking VPP.
    #[arg(long, global = true, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Ask VPP for its definitions again and rewrite the schema cache, even if the cached
    /// copy for this VPP's message table is trusted.
    #[arg(long, global = true, conflicts_with = "schema")]
    pub refresh: bool,
    #[command(subcommand)]
    pub command: ApiCommand,
}

#[derive(Debug, Subcommand)]
pub enum ApiCommand {
    /// Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON:
    /// the reply, or an array of details for a dump or get-stream.
    #[command(
        after_help = "Omitted fields take the defaults the definition declares, else zero; context and\nclient_index are filled in. A non-zero retval exits 1 with VPP's error name.\n\nExamples:\n  vppx api call show_version\n  vppx api call sw_interface_set_flags '{\"sw_if_index\": 1, \"flags\": \"IF_STATUS_API_FLAG_ADMIN_UP\"}'\n  vppx api call want_interface_events '{\"enable_disable\": 1}' --follow --count 1"
    )]
    Call {
        /// The message name, e.g. sw_interface_dump (or name_crc).
        #[arg(add = ArgValueCandidates::new(message_names))]
        message: String,
        /// The request's fields as a JSON object, or - to read it from stdin.
        #[arg(value_name = "JSON")]
        request: Option<String>,
        /// After the reply, print the events that arrive, one JSON object a line, until
        /// interrupted or --count.
        #[arg(long)]
        follow: bool,
        /// With --follow: stop after this many events.
        #[arg(long, requires = "follow")]
        count: Option<u64>,
    },
    /// List the messages: name, CRC, kind, and whether this vppx has a typed binding for it.
    #[command(
        after_help = "Examples:\n  vppx api list\n  vppx api list '^sw_interface'\n  vppx api list --schema api.json --json | jq '.[] | select(.typed == \"not_matching\")'"
    )]
    List {
        /// Only messages whose name matches this regex.
        pattern: Option<String>,
    },
    /// Show a message: its fields, their types and defaults, and the answer it expects.
    #[command(
        after_help = "Examples:\n  vppx api show sw_interface_set_flags\n  vppx api show ip_route_add_del --json\n  vppx api show want_interface_events"
    )]
    Show {
        /// The message name.
        message: String,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one, printed at start), or
    /// unix:PATH for a Unix socket (mode 0660: its file permissions decide who connects).
    #[arg(
        long,
        default_value = "127.0.0.1:9482",
        value_name = "ADDR:PORT|unix:PATH"
    )]
    pub listen: crate::agent::Listen,
    /// A file holding the bearer token that POST, PUT and DELETE requests must present
    /// (only its owner may read it; 32 characters or more). Without it, a token is made
    /// at start and its file's path printed.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Serve no change at all: POST, PUT and DELETE answer 405.
    #[arg(long)]
    pub read_only: bool,
    /// Another name requests may carry in Host (besides the listen address and localhost),
    /// e.g. the name a reverse proxy forwards (repeatable).
    #[arg(long, value_name = "NAME")]
    pub allowed_host: Vec<String>,
    /// Most /events clients at once; the next one gets 503.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..))]
    pub max_event_streams: u16,
    /// Allow a non-loopback --listen address without a token.
    #[arg(long)]
    pub insecure: bool,
    /// How often to check VPP and poll interface counters (for rates).
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub poll: Duration,
    /// Connections to VPP's API used for reads at once (changes have as many of their own).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub api_connections: u16,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    pub max_body: usize,
    /// Longest time to answer a request (then 504; a change it started may still finish).
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: Duration,
    /// Export vpp_route_packets_total and vpp_route_bytes_total for this route: PREFIX or
    /// "PREFIX table N" (repeatable). No other route gets series.
    #[arg(long, value_name = "ROUTE", value_parser = crate::agent::metrics_routes::parse_route)]
    pub route_metrics: Vec<crate::ops::routes::spec::RouteKey>,
    /// Also export them for the N busiest routes, re-chosen every --route-metrics-refresh
    /// by packets per second (0: none; at most 1000).
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u16).range(0..=1000))]
    pub route_metrics_top: u16,
    /// How often to dump the routes again for the per-route series (besides when
    /// /net/route/to changes length and after VPP reconnects; 0s: only then).
    #[arg(long, value_name = "DUR", default_value = "60s", value_parser = parse_duration)]
    pub route_metrics_refresh: Duration,
}
