# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_vppx_global_optspecs
    string join \n socket= stats-socket= json sim api-timeout= h/help V/version
end

function __fish_vppx_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_vppx_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_vppx_using_subcommand
    set -l cmd (__fish_vppx_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c vppx -n "__fish_vppx_needs_command" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_needs_command" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_needs_command" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_needs_command" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_needs_command" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_needs_command" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_needs_command" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "version" -d 'Show vppx\'s and VPP\'s versions, and how many of vppx\'s bindings this VPP matches'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "cli" -d 'Run a VPP debug-CLI command and print VPP\'s reply verbatim'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "iface" -d 'List, show and configure interfaces'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "route" -d 'Add, delete and list routes; bulk-load route files'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "acl" -d 'Drop rules (VPP\'s acl plugin): create, list, show and delete ACLs; apply them to interfaces'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "apply" -d 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "stats" -d 'Read counters from the stats segment: interfaces (default), nodes, errors, ...'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "watch" -d 'Stream interface link events as they happen (NDJSON with --json)'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "bench" -d 'Measure: API latency, route programming rate, stats read rate'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "api" -d 'Call any binary-API message by name; list and show the messages VPP has'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "serve" -d 'Serve a REST API and Prometheus metrics for this VPP until interrupted'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "sim" -d 'Run the VPP simulator on --socket (and --stats-socket) until interrupted'
complete -c vppx -n "__fish_vppx_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand version" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand version" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand version" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand version" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand version" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand version" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand version" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand cli" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand cli" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand cli" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand cli" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand cli" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand cli" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand cli" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "list" -d 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "show" -d 'One interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "up" -d 'Set an interface admin up'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "down" -d 'Set an interface admin down'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "addr" -d 'Add or remove an interface address'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "configure" -d 'Admin up and add the address; running it twice changes nothing'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "create" -d 'Create an interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "delete" -d 'Delete a loopback interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and not __fish_seen_subcommand_from list show up down addr configure create delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -f -a "add" -d 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -f -a "del" -d 'Remove an address'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from addr" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from configure" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -f -a "loopback" -d 'A loopback interface (loopN)'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from create" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "show" -d 'One interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "up" -d 'Set an interface admin up'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "down" -d 'Set an interface admin down'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "addr" -d 'Add or remove an interface address'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "configure" -d 'Admin up and add the address; running it twice changes nothing'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a loopback interface'
complete -c vppx -n "__fish_vppx_using_subcommand iface; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "add" -d 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "del" -d 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "load" -d 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "list" -d 'List routes, sorted by table, address and prefix length; prefixes print as networks'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "show" -d 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route\'s interface address, such as 198.18.0.1/24, is taken as its network)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "table" -d 'Manage FIB tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and not __fish_seen_subcommand_from add del load list show table help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l create-tables -d 'Create the table first if it does not exist'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from del" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l source-priority -d 'With --replace: the FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l window -d 'Requests in flight per connection' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l connections -d 'Connections to VPP, used in parallel' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l table -d 'The table for lines that name none. With --replace it may be repeated: the tables to manage (both families; lines that name none go to the first)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l delete -d 'Remove the listed routes instead of adding them'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l replace -d 'Make the file the whole truth for the tables it names (or --table): vppx\'s managed routes (FIB source `vppx`) that the file lacks are removed, changed ones updated, unchanged ones not sent at all'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l dry-run -d 'Only validate the file (against VPP\'s interfaces); program nothing'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l keep-going -d 'Program the good routes even if some lines are bad (exit 1 then)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l create-tables -d 'Create missing tables first'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l force -d 'Load even if VPP\'s main heap or stats segment looks too small for the new routes, and do not stop when one runs low'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l table -d 'Only this table' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l prefix -d 'Only routes within this prefix (a connected route\'s interface address, such as 198.18.0.1/24, is taken as its network)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l counters -d 'Add each route\'s packets and bytes (/net/route/to at its stats index)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -f -a "add" -d 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -f -a "del" -d 'Delete a table'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -f -a "list" -d 'List the tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from table" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "del" -d 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "load" -d 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "list" -d 'List routes, sorted by table, address and prefix length; prefixes print as networks'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "show" -d 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route\'s interface address, such as 198.18.0.1/24, is taken as its network)'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "table" -d 'Manage FIB tables'
complete -c vppx -n "__fish_vppx_using_subcommand route; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "set" -d 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "list" -d 'Every ACL: index, name, rules, where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "show" -d 'One ACL: its rules and where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "delete" -d 'Delete an ACL; refused while it is applied, unless --force'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "apply" -d 'Apply an ACL to an interface, after the ACLs already there'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "detach" -d 'Take an ACL off an interface (both directions unless --input or --output)'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and not __fish_seen_subcommand_from set list show delete apply detach help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l file -d 'Read the rules from a file, one a line (# comments), or - for standard input' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l force -d 'Detach it from every interface first'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l iface -d 'The interface' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l input -d 'Filter what the interface receives'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l output -d 'Filter what the interface sends'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l iface -d 'The interface' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l input -d 'Only its input use'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l output -d 'Only its output use'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from detach" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every ACL: index, name, rules, where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "show" -d 'One ACL: its rules and where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an ACL; refused while it is applied, unless --force'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Apply an ACL to an interface, after the ACLs already there'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "detach" -d 'Take an ACL off an interface (both directions unless --input or --output)'
complete -c vppx -n "__fish_vppx_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l export -d 'Write the node\'s current state as a document, to FILE (default: standard output)' -r
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l source-priority -d 'The FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)' -r
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l window -d 'Requests in flight per connection' -r
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l connections -d 'Connections to VPP, used in parallel' -r
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l plan -d 'Print what would change, in the order it would be done, and change nothing'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l exit-code -d 'With --plan: exit 1 when there are changes to make, 0 when there are none'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand apply" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "interfaces" -d 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "nodes" -d 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "errors" -d 'Non-zero error counters, like `show errors`'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "system" -d '/sys scalars and gauges'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "buffers" -d 'Buffer pools'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "memory" -d 'Heaps'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "routes" -d 'Per route: packets and bytes (/net/route/to at each route\'s stats index); with --interval, packets/s and bits/s, busiest first'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "dump" -d 'Every counter path and its value, optionally only those matching regexes'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and not __fish_seen_subcommand_from interfaces nodes errors system buffers memory routes dump help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from interfaces" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from nodes" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from errors" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from system" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from buffers" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from memory" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l table -d 'Only this table' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l prefix -d 'Only routes within this prefix' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l top -d 'Show this many routes, busiest first (0: all)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l refresh -d 'With --interval: dump the routes again this often, to follow FIB changes that reuse counter indexes (0s: only when /net/route/to grows)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from routes" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l interval -d 'Print rates over this interval, again and again (e.g. 1s, 500ms)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l count -d 'With --interval: stop after this many intervals' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from dump" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "interfaces" -d 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "nodes" -d 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "errors" -d 'Non-zero error counters, like `show errors`'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "system" -d '/sys scalars and gauges'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "buffers" -d 'Buffer pools'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "memory" -d 'Heaps'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "routes" -d 'Per route: packets and bytes (/net/route/to at each route\'s stats index); with --interval, packets/s and bits/s, busiest first'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Every counter path and its value, optionally only those matching regexes'
complete -c vppx -n "__fish_vppx_using_subcommand stats; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l iface -d 'Only these interfaces (repeatable)' -r
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l count -d 'Stop after this many events (initial lines not counted)' -r
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l until -d 'Exit 0 once the --iface interface\'s link is up (or down); exit 4 after --timeout' -r -f -a "up\t''
down\t''"
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l timeout -d 'How long --until waits' -r
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand watch" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand watch" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand watch" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -f -a "api" -d 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -f -a "routes" -d 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -f -a "stats" -d 'Full scrapes of the stats segment: time per scrape and counters/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and not __fish_seen_subcommand_from api routes stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l count -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l window -d 'Requests in flight for the pipelined run' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from api" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l count -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l window -d 'Requests in flight per connection' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l connections -d 'Connections to VPP, used in parallel' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l table -d 'The table to use (it must exist)' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from routes" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l count -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "api" -d 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "routes" -d 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Full scrapes of the stats segment: time per scrape and counters/second'
complete -c vppx -n "__fish_vppx_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l schema -d 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l refresh -d 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP\'s message table is trusted'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -f -a "call" -d 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -f -a "list" -d 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -f -a "show" -d 'Show a message: its fields, their types and defaults, and the answer it expects'
complete -c vppx -n "__fish_vppx_using_subcommand api; and not __fish_seen_subcommand_from call list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l count -d 'With --follow: stop after this many events' -r
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l schema -d 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l follow -d 'After the reply, print the events that arrive, one JSON object a line, until interrupted or --count'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l refresh -d 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP\'s message table is trusted'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from call" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l schema -d 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l refresh -d 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP\'s message table is trusted'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l schema -d 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l refresh -d 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP\'s message table is trusted'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "call" -d 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a message: its fields, their types and defaults, and the answer it expects'
complete -c vppx -n "__fish_vppx_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l dynamic -d 'A script that asks vppx at each TAB, adding live values from the VPP at $VPPX_SOCKET: interface names and message names'
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand completions" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand completions" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand completions" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l listen -d 'Address and port to listen on (port 0 picks a free one, printed at start), or unix:PATH for a Unix socket (mode 0660: its file permissions decide who connects)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l token-file -d 'A file holding the bearer token that POST, PUT and DELETE requests must present (only its owner may read it; 32 characters or more). Without it, a token is made at start and its file\'s path printed' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l allowed-host -d 'Another name requests may carry in Host (besides the listen address and localhost), e.g. the name a reverse proxy forwards (repeatable)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l max-event-streams -d 'Most /events clients at once; the next one gets 503' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l poll -d 'How often to check VPP and poll interface counters (for rates)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l api-connections -d 'Connections to VPP\'s API used for reads at once (changes have as many of their own)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l max-body -d 'Largest request body, in bytes' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l request-timeout -d 'Longest time to answer a request (then 504; a change it started may still finish)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l route-metrics -d 'Export vpp_route_packets_total and vpp_route_bytes_total for this route: PREFIX or "PREFIX table N" (repeatable). No other route gets series' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l route-metrics-top -d 'Also export them for the N busiest routes, re-chosen every --route-metrics-refresh by packets per second (0: none; at most 1000)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l route-metrics-refresh -d 'How often to dump the routes again for the per-route series (besides when /net/route/to changes length and after VPP reconnects; 0s: only then)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l read-only -d 'Serve no change at all: POST, PUT and DELETE answer 405'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l insecure -d 'Allow a non-loopback --listen address without a token'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand serve" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l interfaces -d 'Interfaces to create at start-up, e.g. pg0,pg1' -r
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l traffic -d 'Traffic into an interface from the start, e.g. pg0=1000pps,64B or pg0=1000pps,64B,dst=198.18.1.0/24,src=10.0.0.0/8 (repeatable: one flow per interface and source; the same as `vppx cli "sim traffic pg0 1000pps 64B dst ..."`)' -r
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l statseg-size -d 'The stats segment\'s size, as VPP\'s `statseg { size }` (e.g. 32M, 512M, 1G; default 32M). Each route\'s counters take 40 bytes, twice that while their vectors double: a million routes need about 128M. The simulator dies, as VPP does, when it runs out' -r
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l heap-size -d 'The main heap\'s size, as VPP\'s `memory { main-heap-size }` (e.g. 256M, 1G; default 1G). An idle VPP uses about 30M and each route 350 bytes. The simulator dies, as VPP does, when it runs out' -r
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l socket -d 'VPP\'s binary-API socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l stats-socket -d 'VPP\'s stats socket' -r -F
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l api-timeout -d 'How long to wait for VPP before giving up (exit 3)' -r
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l json -d 'Print JSON (NDJSON for streams) instead of tables'
complete -c vppx -n "__fish_vppx_using_subcommand sim" -l sim -d 'Run the command against a private, embedded simulator instead of VPP'
complete -c vppx -n "__fish_vppx_using_subcommand sim" -s h -l help -d 'Print help'
complete -c vppx -n "__fish_vppx_using_subcommand sim" -s V -l version -d 'Print version'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "version" -d 'Show vppx\'s and VPP\'s versions, and how many of vppx\'s bindings this VPP matches'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "cli" -d 'Run a VPP debug-CLI command and print VPP\'s reply verbatim'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "iface" -d 'List, show and configure interfaces'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "route" -d 'Add, delete and list routes; bulk-load route files'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "acl" -d 'Drop rules (VPP\'s acl plugin): create, list, show and delete ACLs; apply them to interfaces'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "apply" -d 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "stats" -d 'Read counters from the stats segment: interfaces (default), nodes, errors, ...'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "watch" -d 'Stream interface link events as they happen (NDJSON with --json)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "bench" -d 'Measure: API latency, route programming rate, stats read rate'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "api" -d 'Call any binary-API message by name; list and show the messages VPP has'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "serve" -d 'Serve a REST API and Prometheus metrics for this VPP until interrupted'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "sim" -d 'Run the VPP simulator on --socket (and --stats-socket) until interrupted'
complete -c vppx -n "__fish_vppx_using_subcommand help; and not __fish_seen_subcommand_from version cli iface route acl apply stats watch bench api completions serve sim help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "list" -d 'Every interface: index, name, admin and link state, MAC, MTU, addresses'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "show" -d 'One interface'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "up" -d 'Set an interface admin up'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "down" -d 'Set an interface admin down'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "addr" -d 'Add or remove an interface address'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "configure" -d 'Admin up and add the address; running it twice changes nothing'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "create" -d 'Create an interface'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from iface" -f -a "delete" -d 'Delete a loopback interface'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "add" -d 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "del" -d 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "load" -d 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "list" -d 'List routes, sorted by table, address and prefix length; prefixes print as networks'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "show" -d 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route\'s interface address, such as 198.18.0.1/24, is taken as its network)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from route" -f -a "table" -d 'Manage FIB tables'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "set" -d 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "list" -d 'Every ACL: index, name, rules, where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "show" -d 'One ACL: its rules and where it is applied'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "delete" -d 'Delete an ACL; refused while it is applied, unless --force'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "apply" -d 'Apply an ACL to an interface, after the ACLs already there'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "detach" -d 'Take an ACL off an interface (both directions unless --input or --output)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "interfaces" -d 'Per interface: rx/tx packets and bytes, drops, errors (the default)'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "nodes" -d 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "errors" -d 'Non-zero error counters, like `show errors`'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "system" -d '/sys scalars and gauges'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "buffers" -d 'Buffer pools'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "memory" -d 'Heaps'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "routes" -d 'Per route: packets and bytes (/net/route/to at each route\'s stats index); with --interval, packets/s and bits/s, busiest first'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from stats" -f -a "dump" -d 'Every counter path and its value, optionally only those matching regexes'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "api" -d 'control_ping round trips: latency (p50, p99) and pipelined messages/second'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "routes" -d 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "stats" -d 'Full scrapes of the stats segment: time per scrape and counters/second'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "call" -d 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "list" -d 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it'
complete -c vppx -n "__fish_vppx_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "show" -d 'Show a message: its fields, their types and defaults, and the answer it expects'
