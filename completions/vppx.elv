
use builtin;
use str;

set edit:completion:arg-completer[vppx] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'vppx'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'vppx'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand version 'Show vppx''s and VPP''s versions, and how many of vppx''s bindings this VPP matches'
            cand cli 'Run a VPP debug-CLI command and print VPP''s reply verbatim'
            cand iface 'List, show and configure interfaces'
            cand route 'Add, delete and list routes; bulk-load route files'
            cand acl 'Drop rules (VPP''s acl plugin): create, list, show and delete ACLs; apply them to interfaces'
            cand apply 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs'
            cand stats 'Read counters from the stats segment: interfaces (default), nodes, errors, ...'
            cand watch 'Stream interface link events as they happen (NDJSON with --json)'
            cand bench 'Measure: API latency, route programming rate, stats read rate'
            cand api 'Call any binary-API message by name; list and show the messages VPP has'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand serve 'Serve a REST API and Prometheus metrics for this VPP until interrupted'
            cand sim 'Run the VPP simulator on --socket (and --stats-socket) until interrupted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;version'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;cli'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
            cand show 'One interface'
            cand up 'Set an interface admin up'
            cand down 'Set an interface admin down'
            cand addr 'Add or remove an interface address'
            cand configure 'Admin up and add the address; running it twice changes nothing'
            cand create 'Create an interface'
            cand delete 'Delete a loopback interface'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;list'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;show'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;up'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;down'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;addr'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64'
            cand del 'Remove an address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;addr;add'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;addr;del'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;addr;help'= {
            cand add 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64'
            cand del 'Remove an address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;addr;help;add'= {
        }
        &'vppx;iface;addr;help;del'= {
        }
        &'vppx;iface;addr;help;help'= {
        }
        &'vppx;iface;configure'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;create'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand loopback 'A loopback interface (loopN)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;create;loopback'= {
            cand --mac 'Its MAC address (VPP picks one if omitted)'
            cand --instance 'Its instance number N in loopN'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;create;help'= {
            cand loopback 'A loopback interface (loopN)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;create;help;loopback'= {
        }
        &'vppx;iface;create;help;help'= {
        }
        &'vppx;iface;delete'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;iface;help'= {
            cand list 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
            cand show 'One interface'
            cand up 'Set an interface admin up'
            cand down 'Set an interface admin down'
            cand addr 'Add or remove an interface address'
            cand configure 'Admin up and add the address; running it twice changes nothing'
            cand create 'Create an interface'
            cand delete 'Delete a loopback interface'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;iface;help;list'= {
        }
        &'vppx;iface;help;show'= {
        }
        &'vppx;iface;help;up'= {
        }
        &'vppx;iface;help;down'= {
        }
        &'vppx;iface;help;addr'= {
            cand add 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64'
            cand del 'Remove an address'
        }
        &'vppx;iface;help;addr;add'= {
        }
        &'vppx;iface;help;addr;del'= {
        }
        &'vppx;iface;help;configure'= {
        }
        &'vppx;iface;help;create'= {
            cand loopback 'A loopback interface (loopN)'
        }
        &'vppx;iface;help;create;loopback'= {
        }
        &'vppx;iface;help;delete'= {
        }
        &'vppx;iface;help;help'= {
        }
        &'vppx;route'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
            cand del 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
            cand load 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
            cand list 'List routes, sorted by table, address and prefix length; prefixes print as networks'
            cand show 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)'
            cand table 'Manage FIB tables'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;route;add'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --create-tables 'Create the table first if it does not exist'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;del'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;load'= {
            cand --source-priority 'With --replace: the FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)'
            cand --window 'Requests in flight per connection'
            cand --connections 'Connections to VPP, used in parallel'
            cand --table 'The table for lines that name none. With --replace it may be repeated: the tables to manage (both families; lines that name none go to the first)'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --delete 'Remove the listed routes instead of adding them'
            cand --replace 'Make the file the whole truth for the tables it names (or --table): vppx''s managed routes (FIB source `vppx`) that the file lacks are removed, changed ones updated, unchanged ones not sent at all'
            cand --dry-run 'Only validate the file (against VPP''s interfaces); program nothing'
            cand --keep-going 'Program the good routes even if some lines are bad (exit 1 then)'
            cand --create-tables 'Create missing tables first'
            cand --force 'Load even if VPP''s main heap or stats segment looks too small for the new routes, and do not stop when one runs low'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;list'= {
            cand --table 'Only this table'
            cand --prefix 'Only routes within this prefix (a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --counters 'Add each route''s packets and bytes (/net/route/to at its stats index)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;show'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;table'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)'
            cand del 'Delete a table'
            cand list 'List the tables'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;route;table;add'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --ipv4 'IPv4 only'
            cand --ipv6 'IPv6 only'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;table;del'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --ipv4 'IPv4 only'
            cand --ipv6 'IPv6 only'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;table;list'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;route;table;help'= {
            cand add 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)'
            cand del 'Delete a table'
            cand list 'List the tables'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;route;table;help;add'= {
        }
        &'vppx;route;table;help;del'= {
        }
        &'vppx;route;table;help;list'= {
        }
        &'vppx;route;table;help;help'= {
        }
        &'vppx;route;help'= {
            cand add 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
            cand del 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
            cand load 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
            cand list 'List routes, sorted by table, address and prefix length; prefixes print as networks'
            cand show 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)'
            cand table 'Manage FIB tables'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;route;help;add'= {
        }
        &'vppx;route;help;del'= {
        }
        &'vppx;route;help;load'= {
        }
        &'vppx;route;help;list'= {
        }
        &'vppx;route;help;show'= {
        }
        &'vppx;route;help;table'= {
            cand add 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)'
            cand del 'Delete a table'
            cand list 'List the tables'
        }
        &'vppx;route;help;table;add'= {
        }
        &'vppx;route;help;table;del'= {
        }
        &'vppx;route;help;table;list'= {
        }
        &'vppx;route;help;help'= {
        }
        &'vppx;acl'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
            cand list 'Every ACL: index, name, rules, where it is applied'
            cand show 'One ACL: its rules and where it is applied'
            cand delete 'Delete an ACL; refused while it is applied, unless --force'
            cand apply 'Apply an ACL to an interface, after the ACLs already there'
            cand detach 'Take an ACL off an interface (both directions unless --input or --output)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;acl;set'= {
            cand --file 'Read the rules from a file, one a line (# comments), or - for standard input'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;list'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;show'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;delete'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --force 'Detach it from every interface first'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;apply'= {
            cand --iface 'The interface'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --input 'Filter what the interface receives'
            cand --output 'Filter what the interface sends'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;detach'= {
            cand --iface 'The interface'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --input 'Only its input use'
            cand --output 'Only its output use'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;acl;help'= {
            cand set 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
            cand list 'Every ACL: index, name, rules, where it is applied'
            cand show 'One ACL: its rules and where it is applied'
            cand delete 'Delete an ACL; refused while it is applied, unless --force'
            cand apply 'Apply an ACL to an interface, after the ACLs already there'
            cand detach 'Take an ACL off an interface (both directions unless --input or --output)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;acl;help;set'= {
        }
        &'vppx;acl;help;list'= {
        }
        &'vppx;acl;help;show'= {
        }
        &'vppx;acl;help;delete'= {
        }
        &'vppx;acl;help;apply'= {
        }
        &'vppx;acl;help;detach'= {
        }
        &'vppx;acl;help;help'= {
        }
        &'vppx;apply'= {
            cand --export 'Write the node''s current state as a document, to FILE (default: standard output)'
            cand --source-priority 'The FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)'
            cand --window 'Requests in flight per connection'
            cand --connections 'Connections to VPP, used in parallel'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --plan 'Print what would change, in the order it would be done, and change nothing'
            cand --exit-code 'With --plan: exit 1 when there are changes to make, 0 when there are none'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand interfaces 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
            cand nodes 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
            cand errors 'Non-zero error counters, like `show errors`'
            cand system '/sys scalars and gauges'
            cand buffers 'Buffer pools'
            cand memory 'Heaps'
            cand routes 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first'
            cand dump 'Every counter path and its value, optionally only those matching regexes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;stats;interfaces'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;nodes'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;errors'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;system'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;buffers'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;memory'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;routes'= {
            cand --table 'Only this table'
            cand --prefix 'Only routes within this prefix'
            cand --top 'Show this many routes, busiest first (0: all)'
            cand --refresh 'With --interval: dump the routes again this often, to follow FIB changes that reuse counter indexes (0s: only when /net/route/to grows)'
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;dump'= {
            cand --interval 'Print rates over this interval, again and again (e.g. 1s, 500ms)'
            cand --count 'With --interval: stop after this many intervals'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;stats;help'= {
            cand interfaces 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
            cand nodes 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
            cand errors 'Non-zero error counters, like `show errors`'
            cand system '/sys scalars and gauges'
            cand buffers 'Buffer pools'
            cand memory 'Heaps'
            cand routes 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first'
            cand dump 'Every counter path and its value, optionally only those matching regexes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;stats;help;interfaces'= {
        }
        &'vppx;stats;help;nodes'= {
        }
        &'vppx;stats;help;errors'= {
        }
        &'vppx;stats;help;system'= {
        }
        &'vppx;stats;help;buffers'= {
        }
        &'vppx;stats;help;memory'= {
        }
        &'vppx;stats;help;routes'= {
        }
        &'vppx;stats;help;dump'= {
        }
        &'vppx;stats;help;help'= {
        }
        &'vppx;watch'= {
            cand --iface 'Only these interfaces (repeatable)'
            cand --count 'Stop after this many events (initial lines not counted)'
            cand --until 'Exit 0 once the --iface interface''s link is up (or down); exit 4 after --timeout'
            cand --timeout 'How long --until waits'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;bench'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand api 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
            cand routes 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
            cand stats 'Full scrapes of the stats segment: time per scrape and counters/second'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;bench;api'= {
            cand --count 'count'
            cand --window 'Requests in flight for the pipelined run'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;bench;routes'= {
            cand --count 'count'
            cand --window 'Requests in flight per connection'
            cand --connections 'Connections to VPP, used in parallel'
            cand --table 'The table to use (it must exist)'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;bench;stats'= {
            cand --count 'count'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;bench;help'= {
            cand api 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
            cand routes 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
            cand stats 'Full scrapes of the stats segment: time per scrape and counters/second'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;bench;help;api'= {
        }
        &'vppx;bench;help;routes'= {
        }
        &'vppx;bench;help;stats'= {
        }
        &'vppx;bench;help;help'= {
        }
        &'vppx;api'= {
            cand --schema 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --refresh 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand call 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
            cand list 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
            cand show 'Show a message: its fields, their types and defaults, and the answer it expects'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;api;call'= {
            cand --count 'With --follow: stop after this many events'
            cand --schema 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --follow 'After the reply, print the events that arrive, one JSON object a line, until interrupted or --count'
            cand --refresh 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;api;list'= {
            cand --schema 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --refresh 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;api;show'= {
            cand --schema 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --refresh 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;api;help'= {
            cand call 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
            cand list 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
            cand show 'Show a message: its fields, their types and defaults, and the answer it expects'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;api;help;call'= {
        }
        &'vppx;api;help;list'= {
        }
        &'vppx;api;help;show'= {
        }
        &'vppx;api;help;help'= {
        }
        &'vppx;completions'= {
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --dynamic 'A script that asks vppx at each TAB, adding live values from the VPP at $VPPX_SOCKET: interface names and message names'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;serve'= {
            cand --listen 'Address and port to listen on (port 0 picks a free one, printed at start), or unix:PATH for a Unix socket (mode 0660: its file permissions decide who connects)'
            cand --token-file 'A file holding the bearer token that POST, PUT and DELETE requests must present (only its owner may read it; 32 characters or more). Without it, a token is made at start and its file''s path printed'
            cand --allowed-host 'Another name requests may carry in Host (besides the listen address and localhost), e.g. the name a reverse proxy forwards (repeatable)'
            cand --max-event-streams 'Most /events clients at once; the next one gets 503'
            cand --poll 'How often to check VPP and poll interface counters (for rates)'
            cand --api-connections 'Connections to VPP''s API used for reads at once (changes have as many of their own)'
            cand --max-body 'Largest request body, in bytes'
            cand --request-timeout 'Longest time to answer a request (then 504; a change it started may still finish)'
            cand --route-metrics 'Export vpp_route_packets_total and vpp_route_bytes_total for this route: PREFIX or "PREFIX table N" (repeatable). No other route gets series'
            cand --route-metrics-top 'Also export them for the N busiest routes, re-chosen every --route-metrics-refresh by packets per second (0: none; at most 1000)'
            cand --route-metrics-refresh 'How often to dump the routes again for the per-route series (besides when /net/route/to changes length and after VPP reconnects; 0s: only then)'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --read-only 'Serve no change at all: POST, PUT and DELETE answer 405'
            cand --insecure 'Allow a non-loopback --listen address without a token'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;sim'= {
            cand --interfaces 'Interfaces to create at start-up, e.g. pg0,pg1'
            cand --traffic 'Traffic into an interface from the start, e.g. pg0=1000pps,64B or pg0=1000pps,64B,dst=198.18.1.0/24,src=10.0.0.0/8 (repeatable: one flow per interface and source; the same as `vppx cli "sim traffic pg0 1000pps 64B dst ..."`)'
            cand --statseg-size 'The stats segment''s size, as VPP''s `statseg { size }` (e.g. 32M, 512M, 1G; default 32M). Each route''s counters take 40 bytes, twice that while their vectors double: a million routes need about 128M. The simulator dies, as VPP does, when it runs out'
            cand --heap-size 'The main heap''s size, as VPP''s `memory { main-heap-size }` (e.g. 256M, 1G; default 1G). An idle VPP uses about 30M and each route 350 bytes. The simulator dies, as VPP does, when it runs out'
            cand --socket 'VPP''s binary-API socket'
            cand --stats-socket 'VPP''s stats socket'
            cand --api-timeout 'How long to wait for VPP before giving up (exit 3)'
            cand --json 'Print JSON (NDJSON for streams) instead of tables'
            cand --sim 'Run the command against a private, embedded simulator instead of VPP'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'vppx;help'= {
            cand version 'Show vppx''s and VPP''s versions, and how many of vppx''s bindings this VPP matches'
            cand cli 'Run a VPP debug-CLI command and print VPP''s reply verbatim'
            cand iface 'List, show and configure interfaces'
            cand route 'Add, delete and list routes; bulk-load route files'
            cand acl 'Drop rules (VPP''s acl plugin): create, list, show and delete ACLs; apply them to interfaces'
            cand apply 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs'
            cand stats 'Read counters from the stats segment: interfaces (default), nodes, errors, ...'
            cand watch 'Stream interface link events as they happen (NDJSON with --json)'
            cand bench 'Measure: API latency, route programming rate, stats read rate'
            cand api 'Call any binary-API message by name; list and show the messages VPP has'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand serve 'Serve a REST API and Prometheus metrics for this VPP until interrupted'
            cand sim 'Run the VPP simulator on --socket (and --stats-socket) until interrupted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vppx;help;version'= {
        }
        &'vppx;help;cli'= {
        }
        &'vppx;help;iface'= {
            cand list 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
            cand show 'One interface'
            cand up 'Set an interface admin up'
            cand down 'Set an interface admin down'
            cand addr 'Add or remove an interface address'
            cand configure 'Admin up and add the address; running it twice changes nothing'
            cand create 'Create an interface'
            cand delete 'Delete a loopback interface'
        }
        &'vppx;help;iface;list'= {
        }
        &'vppx;help;iface;show'= {
        }
        &'vppx;help;iface;up'= {
        }
        &'vppx;help;iface;down'= {
        }
        &'vppx;help;iface;addr'= {
            cand add 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64'
            cand del 'Remove an address'
        }
        &'vppx;help;iface;addr;add'= {
        }
        &'vppx;help;iface;addr;del'= {
        }
        &'vppx;help;iface;configure'= {
        }
        &'vppx;help;iface;create'= {
            cand loopback 'A loopback interface (loopN)'
        }
        &'vppx;help;iface;create;loopback'= {
        }
        &'vppx;help;iface;delete'= {
        }
        &'vppx;help;route'= {
            cand add 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
            cand del 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
            cand load 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
            cand list 'List routes, sorted by table, address and prefix length; prefixes print as networks'
            cand show 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)'
            cand table 'Manage FIB tables'
        }
        &'vppx;help;route;add'= {
        }
        &'vppx;help;route;del'= {
        }
        &'vppx;help;route;load'= {
        }
        &'vppx;help;route;list'= {
        }
        &'vppx;help;route;show'= {
        }
        &'vppx;help;route;table'= {
            cand add 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)'
            cand del 'Delete a table'
            cand list 'List the tables'
        }
        &'vppx;help;route;table;add'= {
        }
        &'vppx;help;route;table;del'= {
        }
        &'vppx;help;route;table;list'= {
        }
        &'vppx;help;acl'= {
            cand set 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
            cand list 'Every ACL: index, name, rules, where it is applied'
            cand show 'One ACL: its rules and where it is applied'
            cand delete 'Delete an ACL; refused while it is applied, unless --force'
            cand apply 'Apply an ACL to an interface, after the ACLs already there'
            cand detach 'Take an ACL off an interface (both directions unless --input or --output)'
        }
        &'vppx;help;acl;set'= {
        }
        &'vppx;help;acl;list'= {
        }
        &'vppx;help;acl;show'= {
        }
        &'vppx;help;acl;delete'= {
        }
        &'vppx;help;acl;apply'= {
        }
        &'vppx;help;acl;detach'= {
        }
        &'vppx;help;apply'= {
        }
        &'vppx;help;stats'= {
            cand interfaces 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
            cand nodes 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
            cand errors 'Non-zero error counters, like `show errors`'
            cand system '/sys scalars and gauges'
            cand buffers 'Buffer pools'
            cand memory 'Heaps'
            cand routes 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first'
            cand dump 'Every counter path and its value, optionally only those matching regexes'
        }
        &'vppx;help;stats;interfaces'= {
        }
        &'vppx;help;stats;nodes'= {
        }
        &'vppx;help;stats;errors'= {
        }
        &'vppx;help;stats;system'= {
        }
        &'vppx;help;stats;buffers'= {
        }
        &'vppx;help;stats;memory'= {
        }
        &'vppx;help;stats;routes'= {
        }
        &'vppx;help;stats;dump'= {
        }
        &'vppx;help;watch'= {
        }
        &'vppx;help;bench'= {
            cand api 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
            cand routes 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
            cand stats 'Full scrapes of the stats segment: time per scrape and counters/second'
        }
        &'vppx;help;bench;api'= {
        }
        &'vppx;help;bench;routes'= {
        }
        &'vppx;help;bench;stats'= {
        }
        &'vppx;help;api'= {
            cand call 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
            cand list 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
            cand show 'Show a message: its fields, their types and defaults, and the answer it expects'
        }
        &'vppx;help;api;call'= {
        }
        &'vppx;help;api;list'= {
        }
        &'vppx;help;api;show'= {
        }
        &'vppx;help;completions'= {
        }
        &'vppx;help;serve'= {
        }
        &'vppx;help;sim'= {
        }
        &'vppx;help;help'= {
        }
    ]
    $completions[$command]
}
