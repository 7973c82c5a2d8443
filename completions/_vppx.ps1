
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'vppx' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'vppx'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'vppx' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show vppx''s and VPP''s versions, and how many of vppx''s bindings this VPP matches')
            [CompletionResult]::new('cli', 'cli', [CompletionResultType]::ParameterValue, 'Run a VPP debug-CLI command and print VPP''s reply verbatim')
            [CompletionResult]::new('iface', 'iface', [CompletionResultType]::ParameterValue, 'List, show and configure interfaces')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Add, delete and list routes; bulk-load route files')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Drop rules (VPP''s acl plugin): create, list, show and delete ACLs; apply them to interfaces')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Read counters from the stats segment: interfaces (default), nodes, errors, ...')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Stream interface link events as they happen (NDJSON with --json)')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure: API latency, route programming rate, stats read rate')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any binary-API message by name; list and show the messages VPP has')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a REST API and Prometheus metrics for this VPP until interrupted')
            [CompletionResult]::new('sim', 'sim', [CompletionResultType]::ParameterValue, 'Run the VPP simulator on --socket (and --stats-socket) until interrupted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;version' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;cli' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every interface: index, name, admin and link state, MAC, MTU, addresses')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One interface')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Set an interface admin up')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Set an interface admin down')
            [CompletionResult]::new('addr', 'addr', [CompletionResultType]::ParameterValue, 'Add or remove an interface address')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Admin up and add the address; running it twice changes nothing')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an interface')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a loopback interface')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;list' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;show' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;up' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;down' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;addr' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Remove an address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;addr;add' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;addr;del' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;addr;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Remove an address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;addr;help;add' {
            break
        }
        'vppx;iface;addr;help;del' {
            break
        }
        'vppx;iface;addr;help;help' {
            break
        }
        'vppx;iface;configure' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;create' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('loopback', 'loopback', [CompletionResultType]::ParameterValue, 'A loopback interface (loopN)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;create;loopback' {
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'Its MAC address (VPP picks one if omitted)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'Its instance number N in loopN')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;create;help' {
            [CompletionResult]::new('loopback', 'loopback', [CompletionResultType]::ParameterValue, 'A loopback interface (loopN)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;create;help;loopback' {
            break
        }
        'vppx;iface;create;help;help' {
            break
        }
        'vppx;iface;delete' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;iface;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every interface: index, name, admin and link state, MAC, MTU, addresses')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One interface')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Set an interface admin up')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Set an interface admin down')
            [CompletionResult]::new('addr', 'addr', [CompletionResultType]::ParameterValue, 'Add or remove an interface address')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Admin up and add the address; running it twice changes nothing')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an interface')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a loopback interface')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;iface;help;list' {
            break
        }
        'vppx;iface;help;show' {
            break
        }
        'vppx;iface;help;up' {
            break
        }
        'vppx;iface;help;down' {
            break
        }
        'vppx;iface;help;addr' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Remove an address')
            break
        }
        'vppx;iface;help;addr;add' {
            break
        }
        'vppx;iface;help;addr;del' {
            break
        }
        'vppx;iface;help;configure' {
            break
        }
        'vppx;iface;help;create' {
            [CompletionResult]::new('loopback', 'loopback', [CompletionResultType]::ParameterValue, 'A loopback interface (loopN)')
            break
        }
        'vppx;iface;help;create;loopback' {
            break
        }
        'vppx;iface;help;delete' {
            break
        }
        'vppx;iface;help;help' {
            break
        }
        'vppx;route' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List routes, sorted by table, address and prefix length; prefixes print as networks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)')
            [CompletionResult]::new('table', 'table', [CompletionResultType]::ParameterValue, 'Manage FIB tables')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;route;add' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--create-tables', '--create-tables', [CompletionResultType]::ParameterName, 'Create the table first if it does not exist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;del' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;load' {
            [CompletionResult]::new('--source-priority', '--source-priority', [CompletionResultType]::ParameterName, 'With --replace: the FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Requests in flight per connection')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'Connections to VPP, used in parallel')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table for lines that name none. With --replace it may be repeated: the tables to manage (both families; lines that name none go to the first)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the listed routes instead of adding them')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Make the file the whole truth for the tables it names (or --table): vppx''s managed routes (FIB source `vppx`) that the file lacks are removed, changed ones updated, unchanged ones not sent at all')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only validate the file (against VPP''s interfaces); program nothing')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Program the good routes even if some lines are bad (exit 1 then)')
            [CompletionResult]::new('--create-tables', '--create-tables', [CompletionResultType]::ParameterName, 'Create missing tables first')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Load even if VPP''s main heap or stats segment looks too small for the new routes, and do not stop when one runs low')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;list' {
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'Only this table')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only routes within this prefix (a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--counters', '--counters', [CompletionResultType]::ParameterName, 'Add each route''s packets and bytes (/net/route/to at its stats index)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;show' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;table' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a table')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tables')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;route;table;add' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--ipv4', '--ipv4', [CompletionResultType]::ParameterName, 'IPv4 only')
            [CompletionResult]::new('--ipv6', '--ipv6', [CompletionResultType]::ParameterName, 'IPv6 only')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;table;del' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--ipv4', '--ipv4', [CompletionResultType]::ParameterName, 'IPv4 only')
            [CompletionResult]::new('--ipv6', '--ipv6', [CompletionResultType]::ParameterName, 'IPv6 only')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;table;list' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;route;table;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a table')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tables')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;route;table;help;add' {
            break
        }
        'vppx;route;table;help;del' {
            break
        }
        'vppx;route;table;help;list' {
            break
        }
        'vppx;route;table;help;help' {
            break
        }
        'vppx;route;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List routes, sorted by table, address and prefix length; prefixes print as networks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)')
            [CompletionResult]::new('table', 'table', [CompletionResultType]::ParameterValue, 'Manage FIB tables')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;route;help;add' {
            break
        }
        'vppx;route;help;del' {
            break
        }
        'vppx;route;help;load' {
            break
        }
        'vppx;route;help;list' {
            break
        }
        'vppx;route;help;show' {
            break
        }
        'vppx;route;help;table' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a table')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tables')
            break
        }
        'vppx;route;help;table;add' {
            break
        }
        'vppx;route;help;table;del' {
            break
        }
        'vppx;route;help;table;list' {
            break
        }
        'vppx;route;help;help' {
            break
        }
        'vppx;acl' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every ACL: index, name, rules, where it is applied')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ACL: its rules and where it is applied')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an ACL; refused while it is applied, unless --force')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply an ACL to an interface, after the ACLs already there')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Take an ACL off an interface (both directions unless --input or --output)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;acl;set' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the rules from a file, one a line (# comments), or - for standard input')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;list' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;show' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;delete' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Detach it from every interface first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;apply' {
            [CompletionResult]::new('--iface', '--iface', [CompletionResultType]::ParameterName, 'The interface')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Filter what the interface receives')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Filter what the interface sends')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;detach' {
            [CompletionResult]::new('--iface', '--iface', [CompletionResultType]::ParameterName, 'The interface')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Only its input use')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Only its output use')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;acl;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every ACL: index, name, rules, where it is applied')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ACL: its rules and where it is applied')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an ACL; refused while it is applied, unless --force')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply an ACL to an interface, after the ACLs already there')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Take an ACL off an interface (both directions unless --input or --output)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;acl;help;set' {
            break
        }
        'vppx;acl;help;list' {
            break
        }
        'vppx;acl;help;show' {
            break
        }
        'vppx;acl;help;delete' {
            break
        }
        'vppx;acl;help;apply' {
            break
        }
        'vppx;acl;help;detach' {
            break
        }
        'vppx;acl;help;help' {
            break
        }
        'vppx;apply' {
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Write the node''s current state as a document, to FILE (default: standard output)')
            [CompletionResult]::new('--source-priority', '--source-priority', [CompletionResultType]::ParameterName, 'The FIB source priority to register `vppx` with, if VPP has no such source yet (lower wins)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Requests in flight per connection')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'Connections to VPP, used in parallel')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Print what would change, in the order it would be done, and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --plan: exit 1 when there are changes to make, 0 when there are none')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('interfaces', 'interfaces', [CompletionResultType]::ParameterValue, 'Per interface: rx/tx packets and bytes, drops, errors (the default)')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Non-zero error counters, like `show errors`')
            [CompletionResult]::new('system', 'system', [CompletionResultType]::ParameterValue, '/sys scalars and gauges')
            [CompletionResult]::new('buffers', 'buffers', [CompletionResultType]::ParameterValue, 'Buffer pools')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Heaps')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Every counter path and its value, optionally only those matching regexes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;stats;interfaces' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;nodes' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;errors' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;system' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;buffers' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;memory' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;routes' {
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'Only this table')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only routes within this prefix')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Show this many routes, busiest first (0: all)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'With --interval: dump the routes again this often, to follow FIB changes that reuse counter indexes (0s: only when /net/route/to grows)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;dump' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Print rates over this interval, again and again (e.g. 1s, 500ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --interval: stop after this many intervals')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;stats;help' {
            [CompletionResult]::new('interfaces', 'interfaces', [CompletionResultType]::ParameterValue, 'Per interface: rx/tx packets and bytes, drops, errors (the default)')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Non-zero error counters, like `show errors`')
            [CompletionResult]::new('system', 'system', [CompletionResultType]::ParameterValue, '/sys scalars and gauges')
            [CompletionResult]::new('buffers', 'buffers', [CompletionResultType]::ParameterValue, 'Buffer pools')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Heaps')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Every counter path and its value, optionally only those matching regexes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;stats;help;interfaces' {
            break
        }
        'vppx;stats;help;nodes' {
            break
        }
        'vppx;stats;help;errors' {
            break
        }
        'vppx;stats;help;system' {
            break
        }
        'vppx;stats;help;buffers' {
            break
        }
        'vppx;stats;help;memory' {
            break
        }
        'vppx;stats;help;routes' {
            break
        }
        'vppx;stats;help;dump' {
            break
        }
        'vppx;stats;help;help' {
            break
        }
        'vppx;watch' {
            [CompletionResult]::new('--iface', '--iface', [CompletionResultType]::ParameterName, 'Only these interfaces (repeatable)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many events (initial lines not counted)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Exit 0 once the --iface interface''s link is up (or down); exit 4 after --timeout')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --until waits')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;bench' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'control_ping round trips: latency (p50, p99) and pipelined messages/second')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Full scrapes of the stats segment: time per scrape and counters/second')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;bench;api' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'count')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Requests in flight for the pipelined run')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;bench;routes' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'count')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Requests in flight per connection')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'Connections to VPP, used in parallel')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table to use (it must exist)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;bench;stats' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'count')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;bench;help' {
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'control_ping round trips: latency (p50, p99) and pipelined messages/second')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Full scrapes of the stats segment: time per scrape and counters/second')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;bench;help;api' {
            break
        }
        'vppx;bench;help;routes' {
            break
        }
        'vppx;bench;help;stats' {
            break
        }
        'vppx;bench;help;help' {
            break
        }
        'vppx;api' {
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a message: its fields, their types and defaults, and the answer it expects')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;api;call' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'With --follow: stop after this many events')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'After the reply, print the events that arrive, one JSON object a line, until interrupted or --count')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;api;list' {
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;api;show' {
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Use the definitions in FILE (a get_api_json answer: a JSON array of .api.json modules) instead of asking VPP')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask VPP for its definitions again and rewrite the schema cache, even if the cached copy for this VPP''s message table is trusted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;api;help' {
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a message: its fields, their types and defaults, and the answer it expects')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;api;help;call' {
            break
        }
        'vppx;api;help;list' {
            break
        }
        'vppx;api;help;show' {
            break
        }
        'vppx;api;help;help' {
            break
        }
        'vppx;completions' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--dynamic', '--dynamic', [CompletionResultType]::ParameterName, 'A script that asks vppx at each TAB, adding live values from the VPP at $VPPX_SOCKET: interface names and message names')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to listen on (port 0 picks a free one, printed at start), or unix:PATH for a Unix socket (mode 0660: its file permissions decide who connects)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'A file holding the bearer token that POST, PUT and DELETE requests must present (only its owner may read it; 32 characters or more). Without it, a token is made at start and its file''s path printed')
            [CompletionResult]::new('--allowed-host', '--allowed-host', [CompletionResultType]::ParameterName, 'Another name requests may carry in Host (besides the listen address and localhost), e.g. the name a reverse proxy forwards (repeatable)')
            [CompletionResult]::new('--max-event-streams', '--max-event-streams', [CompletionResultType]::ParameterName, 'Most /events clients at once; the next one gets 503')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'How often to check VPP and poll interface counters (for rates)')
            [CompletionResult]::new('--api-connections', '--api-connections', [CompletionResultType]::ParameterName, 'Connections to VPP''s API used for reads at once (changes have as many of their own)')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest request body, in bytes')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Longest time to answer a request (then 504; a change it started may still finish)')
            [CompletionResult]::new('--route-metrics', '--route-metrics', [CompletionResultType]::ParameterName, 'Export vpp_route_packets_total and vpp_route_bytes_total for this route: PREFIX or "PREFIX table N" (repeatable). No other route gets series')
            [CompletionResult]::new('--route-metrics-top', '--route-metrics-top', [CompletionResultType]::ParameterName, 'Also export them for the N busiest routes, re-chosen every --route-metrics-refresh by packets per second (0: none; at most 1000)')
            [CompletionResult]::new('--route-metrics-refresh', '--route-metrics-refresh', [CompletionResultType]::ParameterName, 'How often to dump the routes again for the per-route series (besides when /net/route/to changes length and after VPP reconnects; 0s: only then)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Serve no change at all: POST, PUT and DELETE answer 405')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Allow a non-loopback --listen address without a token')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;sim' {
            [CompletionResult]::new('--interfaces', '--interfaces', [CompletionResultType]::ParameterName, 'Interfaces to create at start-up, e.g. pg0,pg1')
            [CompletionResult]::new('--traffic', '--traffic', [CompletionResultType]::ParameterName, 'Traffic into an interface from the start, e.g. pg0=1000pps,64B or pg0=1000pps,64B,dst=198.18.1.0/24,src=10.0.0.0/8 (repeatable: one flow per interface and source; the same as `vppx cli "sim traffic pg0 1000pps 64B dst ..."`)')
            [CompletionResult]::new('--statseg-size', '--statseg-size', [CompletionResultType]::ParameterName, 'The stats segment''s size, as VPP''s `statseg { size }` (e.g. 32M, 512M, 1G; default 32M). Each route''s counters take 40 bytes, twice that while their vectors double: a million routes need about 128M. The simulator dies, as VPP does, when it runs out')
            [CompletionResult]::new('--heap-size', '--heap-size', [CompletionResultType]::ParameterName, 'The main heap''s size, as VPP''s `memory { main-heap-size }` (e.g. 256M, 1G; default 1G). An idle VPP uses about 30M and each route 350 bytes. The simulator dies, as VPP does, when it runs out')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'VPP''s binary-API socket')
            [CompletionResult]::new('--stats-socket', '--stats-socket', [CompletionResultType]::ParameterName, 'VPP''s stats socket')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'How long to wait for VPP before giving up (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (NDJSON for streams) instead of tables')
            [CompletionResult]::new('--sim', '--sim', [CompletionResultType]::ParameterName, 'Run the command against a private, embedded simulator instead of VPP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'vppx;help' {
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show vppx''s and VPP''s versions, and how many of vppx''s bindings this VPP matches')
            [CompletionResult]::new('cli', 'cli', [CompletionResultType]::ParameterValue, 'Run a VPP debug-CLI command and print VPP''s reply verbatim')
            [CompletionResult]::new('iface', 'iface', [CompletionResultType]::ParameterValue, 'List, show and configure interfaces')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Add, delete and list routes; bulk-load route files')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Drop rules (VPP''s acl plugin): create, list, show and delete ACLs; apply them to interfaces')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the node what a desired-state document says: interfaces, tables, routes, ACLs')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Read counters from the stats segment: interfaces (default), nodes, errors, ...')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Stream interface link events as they happen (NDJSON with --json)')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure: API latency, route programming rate, stats read rate')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any binary-API message by name; list and show the messages VPP has')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a REST API and Prometheus metrics for this VPP until interrupted')
            [CompletionResult]::new('sim', 'sim', [CompletionResultType]::ParameterValue, 'Run the VPP simulator on --socket (and --stats-socket) until interrupted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vppx;help;version' {
            break
        }
        'vppx;help;cli' {
            break
        }
        'vppx;help;iface' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every interface: index, name, admin and link state, MAC, MTU, addresses')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One interface')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Set an interface admin up')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Set an interface admin down')
            [CompletionResult]::new('addr', 'addr', [CompletionResultType]::ParameterValue, 'Add or remove an interface address')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Admin up and add the address; running it twice changes nothing')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an interface')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a loopback interface')
            break
        }
        'vppx;help;iface;list' {
            break
        }
        'vppx;help;iface;show' {
            break
        }
        'vppx;help;iface;up' {
            break
        }
        'vppx;help;iface;down' {
            break
        }
        'vppx;help;iface;addr' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address, e.g. 10.0.0.1/24 or 2001:db8::1/64')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Remove an address')
            break
        }
        'vppx;help;iface;addr;add' {
            break
        }
        'vppx;help;iface;addr;del' {
            break
        }
        'vppx;help;iface;configure' {
            break
        }
        'vppx;help;iface;create' {
            [CompletionResult]::new('loopback', 'loopback', [CompletionResultType]::ParameterValue, 'A loopback interface (loopN)')
            break
        }
        'vppx;help;iface;create;loopback' {
            break
        }
        'vppx;help;iface;delete' {
            break
        }
        'vppx;help;route' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a route: PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...] [table N], PREFIX dev IFACE, or PREFIX drop. It replaces what the table had for PREFIX')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a route: PREFIX [table N]. A route that is not there is an error (exit 1)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Program every route of a CSV file (or - for stdin), as fast as VPP takes them')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List routes, sorted by table, address and prefix length; prefixes print as networks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One route with its packets and bytes: PREFIX [table N] (an exact match; a connected route''s interface address, such as 198.18.0.1/24, is taken as its network)')
            [CompletionResult]::new('table', 'table', [CompletionResultType]::ParameterValue, 'Manage FIB tables')
            break
        }
        'vppx;help;route;add' {
            break
        }
        'vppx;help;route;del' {
            break
        }
        'vppx;help;route;load' {
            break
        }
        'vppx;help;route;list' {
            break
        }
        'vppx;help;route;show' {
            break
        }
        'vppx;help;route;table' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a table (IPv4 and IPv6 unless --ipv4 or --ipv6)')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Delete a table')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tables')
            break
        }
        'vppx;help;route;table;add' {
            break
        }
        'vppx;help;route;table;del' {
            break
        }
        'vppx;help;route;table;list' {
            break
        }
        'vppx;help;acl' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create the ACL NAME, or replace its rules in place (its index, and where it is applied, stay). A rule: deny|permit [src PREFIX] [dst PREFIX] [proto P] [sport N[-M]] [dport N[-M]], or deny|permit any. Rules end in an implicit deny')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every ACL: index, name, rules, where it is applied')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ACL: its rules and where it is applied')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an ACL; refused while it is applied, unless --force')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply an ACL to an interface, after the ACLs already there')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Take an ACL off an interface (both directions unless --input or --output)')
            break
        }
        'vppx;help;acl;set' {
            break
        }
        'vppx;help;acl;list' {
            break
        }
        'vppx;help;acl;show' {
            break
        }
        'vppx;help;acl;delete' {
            break
        }
        'vppx;help;acl;apply' {
            break
        }
        'vppx;help;acl;detach' {
            break
        }
        'vppx;help;apply' {
            break
        }
        'vppx;help;stats' {
            [CompletionResult]::new('interfaces', 'interfaces', [CompletionResultType]::ParameterValue, 'Per interface: rx/tx packets and bytes, drops, errors (the default)')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'Per node, like `show runtime`: calls, vectors, vectors/call, clocks/vector')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Non-zero error counters, like `show errors`')
            [CompletionResult]::new('system', 'system', [CompletionResultType]::ParameterValue, '/sys scalars and gauges')
            [CompletionResult]::new('buffers', 'buffers', [CompletionResultType]::ParameterValue, 'Buffer pools')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'Heaps')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Per route: packets and bytes (/net/route/to at each route''s stats index); with --interval, packets/s and bits/s, busiest first')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Every counter path and its value, optionally only those matching regexes')
            break
        }
        'vppx;help;stats;interfaces' {
            break
        }
        'vppx;help;stats;nodes' {
            break
        }
        'vppx;help;stats;errors' {
            break
        }
        'vppx;help;stats;system' {
            break
        }
        'vppx;help;stats;buffers' {
            break
        }
        'vppx;help;stats;memory' {
            break
        }
        'vppx;help;stats;routes' {
            break
        }
        'vppx;help;stats;dump' {
            break
        }
        'vppx;help;watch' {
            break
        }
        'vppx;help;bench' {
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'control_ping round trips: latency (p50, p99) and pipelined messages/second')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'Add then delete COUNT /32 drop routes: synchronous and pipelined routes/second')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Full scrapes of the stats segment: time per scrape and counters/second')
            break
        }
        'vppx;help;bench;api' {
            break
        }
        'vppx;help;bench;routes' {
            break
        }
        'vppx;help;bench;stats' {
            break
        }
        'vppx;help;api' {
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Send MESSAGE built from JSON (an argument, or - for stdin) and print its answer as JSON: the reply, or an array of details for a dump or get-stream')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages: name, CRC, kind, and whether this vppx has a typed binding for it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a message: its fields, their types and defaults, and the answer it expects')
            break
        }
        'vppx;help;api;call' {
            break
        }
        'vppx;help;api;list' {
            break
        }
        'vppx;help;api;show' {
            break
        }
        'vppx;help;completions' {
            break
        }
        'vppx;help;serve' {
            break
        }
        'vppx;help;sim' {
            break
        }
        'vppx;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
