# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_doctor_global_optspecs
    string join \n profile= format= output= color= v/verbose q/quiet timeout= jobs= fail-on= only= skip= accept= set= no-input= h/help V/version
end

function __fish_doctor_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_doctor_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_doctor_using_subcommand
    set -l cmd (__fish_doctor_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c doctor -n "__fish_doctor_needs_command" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_needs_command" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_needs_command" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_needs_command" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_needs_command" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_needs_command" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_needs_command" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_needs_command" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_needs_command" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_needs_command" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_needs_command" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_needs_command" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_needs_command" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_needs_command" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c doctor -n "__fish_doctor_needs_command" -s V -l version -d 'Print version'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "gorgias" -d 'Diagnose the Gorgias integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "intercom" -d 'Diagnose the Intercom integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "hubspot" -d 'Diagnose the HubSpot integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "all" -d 'Every integration configured in the profile (a CI smoke check)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "session" -d 'One OpenCX session: timeline, handoff, reasons'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "checks" -d 'The catalogue of checks: id, integration, symptom, title'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "explain" -d 'What a check looks at and how to fix what it finds'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "demo" -d 'Run the real checks against the built-in sandbox (start here)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "watch" -d 'Follow one real message end to end: it reaches the helpdesk, OpenCX opens a session, the AI answers (or hands off), exactly once'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "replay" -d 'Re-run a support bundle\'s diagnosis offline, against its recorded exchanges (no network)'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "bundle" -d 'Look inside a support bundle before sending it'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "login" -d 'Interactive set-up; secrets go to the OS keyring'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "logout" -d 'Remove an integration\'s secrets from the OS keyring'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "config" -d 'Show the settings'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "completions" -d 'Shell completion script on stdout'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "man" -d 'The man page (roff) on stdout'
complete -c doctor -n "__fish_doctor_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l ticket -d 'Gorgias ticket to diagnose: its id, or its URL (https://acme.gorgias.com/app/ticket/1042)' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l since -d 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l limit -d 'The most objects a sweep looks at, newest first [default: 500]' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l ids -d 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand gorgias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l conversation -d 'Intercom conversation to diagnose: its id, or its inbox URL' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l since -d 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l limit -d 'The most objects a sweep looks at, newest first [default: 500]' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l ids -d 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand intercom" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l thread -d 'HubSpot conversation thread to diagnose: its id, or its inbox URL' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l since -d 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l limit -d 'The most objects a sweep looks at, newest first [default: 500]' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l ids -d 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand hubspot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c doctor -n "__fish_doctor_using_subcommand all" -l require -d 'Fail with exit 2 unless these integrations are configured (e.g. gorgias,intercom): a CI secret that did not arrive must not make the run look healthy' -r -f -a "gorgias\t''
intercom\t''
hubspot\t''
opencx\t''"
complete -c doctor -n "__fish_doctor_using_subcommand all" -l since -d 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l limit -d 'The most objects a sweep looks at, newest first [default: 500]' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand all" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand all" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand all" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand all" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand all" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand all" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand all" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand all" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand all" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand all" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand all" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand all" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand session" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand session" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand session" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand session" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand session" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand session" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand session" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand session" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand session" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand session" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand session" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand session" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand session" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand checks" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand checks" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand checks" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand checks" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand explain" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand explain" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand explain" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand explain" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l scenario -d 'Scenario to run (see --list)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l latency -d 'Slow every sandbox answer by MS milliseconds, to watch the progress' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l wait -d '`doctor demo watch`: how long the watch waits [default: 30s]' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l ticket -d 'The Gorgias ticket to diagnose (default: the sandbox\'s sample ticket)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l conversation -d 'The Intercom conversation to diagnose (default: the sandbox\'s sample conversation)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l thread -d 'The HubSpot thread to diagnose (default: the sandbox\'s sample thread)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l since -d 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l limit -d 'The most objects a sweep looks at, newest first [default: 500]' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l list -d 'List the scenarios and exit'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l ticket -d 'The Gorgias ticket to watch (id or URL); without an id, the first object a customer writes on' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l conversation -d 'The Intercom conversation to watch (id or inbox URL)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l thread -d 'The HubSpot thread to watch (id or inbox URL)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l wait -d 'How long to wait for each stage in all: 90s, 10m, 1h (at most 2h)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l bundle -d 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l note -d 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l keep-customer-data -d 'Keep customer emails, names, phone numbers and message texts in the bundle'
complete -c doctor -n "__fish_doctor_using_subcommand watch" -l force -d 'Replace the bundle file if it exists'
complete -c doctor -n "__fish_doctor_using_subcommand watch" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand watch" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand watch" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand replay" -l diff -d 'List the checks whose status differs from the recorded report (exit 1 if any does)'
complete -c doctor -n "__fish_doctor_using_subcommand replay" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand replay" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand replay" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'The bundle\'s manifest, what was redacted (counts, never values) and its members'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from help" -f -a "show" -d 'The bundle\'s manifest, what was redacted (counts, never values) and its members'
complete -c doctor -n "__fish_doctor_using_subcommand bundle; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand login" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand login" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand login" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand login" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand login" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand login" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand login" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand login" -l with-token -d 'Read the integration\'s secret (API key or token) from standard input instead of asking, for scripts: `doctor login gorgias --with-token < key.txt`'
complete -c doctor -n "__fish_doctor_using_subcommand login" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand login" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand login" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand logout" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand logout" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand logout" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand logout" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "show" -d 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "path" -d 'The config file\'s path (whether or not it exists)'
complete -c doctor -n "__fish_doctor_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'The config file\'s path (whether or not it exists)'
complete -c doctor -n "__fish_doctor_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand completions" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand completions" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand completions" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand completions" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand man" -l profile -d 'Profile of the config file and keyring to use' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l format -d 'Output format' -r -f -a "human\t''
json\t''
junit\t''
markdown\t''"
complete -c doctor -n "__fish_doctor_using_subcommand man" -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand man" -l color -d 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c doctor -n "__fish_doctor_using_subcommand man" -l timeout -d 'Deadline for the whole run, in seconds [default: 30; a sweep\'s: 600]' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l jobs -d 'Most HTTP requests in flight at once; 1 is strictly sequential' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l fail-on -d 'Which results make the exit status 1' -r -f -a "fail\t''
warn\t''"
complete -c doctor -n "__fish_doctor_using_subcommand man" -l only -d 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l skip -d 'Do not run these checks (ids or id prefixes; comma-separated or repeated)' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l accept -d 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status' -r -F
complete -c doctor -n "__fish_doctor_using_subcommand man" -l set -d 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)' -r
complete -c doctor -n "__fish_doctor_using_subcommand man" -l no-input -d 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)' -r -f -a "true\t''
false\t''"
complete -c doctor -n "__fish_doctor_using_subcommand man" -s v -l verbose -d 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
complete -c doctor -n "__fish_doctor_using_subcommand man" -s q -l quiet -d 'Print only problems and the summary'
complete -c doctor -n "__fish_doctor_using_subcommand man" -s h -l help -d 'Print help'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "gorgias" -d 'Diagnose the Gorgias integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "intercom" -d 'Diagnose the Intercom integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "hubspot" -d 'Diagnose the HubSpot integration (all symptoms, or one)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "all" -d 'Every integration configured in the profile (a CI smoke check)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "session" -d 'One OpenCX session: timeline, handoff, reasons'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "checks" -d 'The catalogue of checks: id, integration, symptom, title'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "explain" -d 'What a check looks at and how to fix what it finds'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "demo" -d 'Run the real checks against the built-in sandbox (start here)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "watch" -d 'Follow one real message end to end: it reaches the helpdesk, OpenCX opens a session, the AI answers (or hands off), exactly once'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "replay" -d 'Re-run a support bundle\'s diagnosis offline, against its recorded exchanges (no network)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "bundle" -d 'Look inside a support bundle before sending it'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "login" -d 'Interactive set-up; secrets go to the OS keyring'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "logout" -d 'Remove an integration\'s secrets from the OS keyring'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "config" -d 'Show the settings'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "completions" -d 'Shell completion script on stdout'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "man" -d 'The man page (roff) on stdout'
complete -c doctor -n "__fish_doctor_using_subcommand help; and not __fish_seen_subcommand_from gorgias intercom hubspot all session checks explain demo watch replay bundle login logout config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c doctor -n "__fish_doctor_using_subcommand help; and __fish_seen_subcommand_from bundle" -f -a "show" -d 'The bundle\'s manifest, what was redacted (counts, never values) and its members'
complete -c doctor -n "__fish_doctor_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
complete -c doctor -n "__fish_doctor_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'The config file\'s path (whether or not it exists)'
