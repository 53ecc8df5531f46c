
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'doctor' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'doctor'
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
        'doctor' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('gorgias', 'gorgias', [CompletionResultType]::ParameterValue, 'Diagnose the Gorgias integration (all symptoms, or one)')
            [CompletionResult]::new('intercom', 'intercom', [CompletionResultType]::ParameterValue, 'Diagnose the Intercom integration (all symptoms, or one)')
            [CompletionResult]::new('hubspot', 'hubspot', [CompletionResultType]::ParameterValue, 'Diagnose the HubSpot integration (all symptoms, or one)')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Every integration configured in the profile (a CI smoke check)')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'One OpenCX session: timeline, handoff, reasons')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The catalogue of checks: id, integration, symptom, title')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a check looks at and how to fix what it finds')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the real checks against the built-in sandbox (start here)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow one real message end to end: it reaches the helpdesk, OpenCX opens a session, the AI answers (or hands off), exactly once')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-run a support bundle''s diagnosis offline, against its recorded exchanges (no network)')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Look inside a support bundle before sending it')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Interactive set-up; secrets go to the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove an integration''s secrets from the OS keyring')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completion script on stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The man page (roff) on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;gorgias' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Gorgias ticket to diagnose: its id, or its URL (https://acme.gorgias.com/app/ticket/1042)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The most objects a sweep looks at, newest first [default: 500]')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'doctor;intercom' {
            [CompletionResult]::new('--conversation', '--conversation', [CompletionResultType]::ParameterName, 'Intercom conversation to diagnose: its id, or its inbox URL')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The most objects a sweep looks at, newest first [default: 500]')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'doctor;hubspot' {
            [CompletionResult]::new('--thread', '--thread', [CompletionResultType]::ParameterName, 'HubSpot conversation thread to diagnose: its id, or its inbox URL')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The most objects a sweep looks at, newest first [default: 500]')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'doctor;all' {
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Fail with exit 2 unless these integrations are configured (e.g. gorgias,intercom): a CI secret that did not arrive must not make the run look healthy')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The most objects a sweep looks at, newest first [default: 500]')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;session' {
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;checks' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;explain' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;demo' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Scenario to run (see --list)')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Slow every sandbox answer by MS milliseconds, to watch the progress')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, '`doctor demo watch`: how long the watch waits [default: 30s]')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The Gorgias ticket to diagnose (default: the sandbox''s sample ticket)')
            [CompletionResult]::new('--conversation', '--conversation', [CompletionResultType]::ParameterName, 'The Intercom conversation to diagnose (default: the sandbox''s sample conversation)')
            [CompletionResult]::new('--thread', '--thread', [CompletionResultType]::ParameterName, 'The HubSpot thread to diagnose (default: the sandbox''s sample thread)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The most objects a sweep looks at, newest first [default: 500]')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the scenarios and exit')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'doctor;watch' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The Gorgias ticket to watch (id or URL); without an id, the first object a customer writes on')
            [CompletionResult]::new('--conversation', '--conversation', [CompletionResultType]::ParameterName, 'The Intercom conversation to watch (id or inbox URL)')
            [CompletionResult]::new('--thread', '--thread', [CompletionResultType]::ParameterName, 'The HubSpot thread to watch (id or inbox URL)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to wait for each stage in all: 90s, 10m, 1h (at most 2h)')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--keep-customer-data', '--keep-customer-data', [CompletionResultType]::ParameterName, 'Keep customer emails, names, phone numbers and message texts in the bundle')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the bundle file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;replay' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'List the checks whose status differs from the recorded report (exit 1 if any does)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;bundle' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The bundle''s manifest, what was redacted (counts, never values) and its members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;bundle;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;bundle;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The bundle''s manifest, what was redacted (counts, never values) and its members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;bundle;help;show' {
            break
        }
        'doctor;bundle;help;help' {
            break
        }
        'doctor;login' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the integration''s secret (API key or token) from standard input instead of asking, for scripts: `doctor login gorgias --with-token < key.txt`')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting, its source, secrets masked; a bad value is listed with what is wrong')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'The config file''s path (whether or not it exists)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting, its source, secrets masked; a bad value is listed with what is wrong')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'The config file''s path (whether or not it exists)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;config;help;show' {
            break
        }
        'doctor;config;help;path' {
            break
        }
        'doctor;config;help;help' {
            break
        }
        'doctor;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;man' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file and keyring to use')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Most HTTP requests in flight at once; 1 is strictly sequential')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which results make the exit status 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (ids or id prefixes; comma-separated or repeated)')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only problems and the summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'doctor;help' {
            [CompletionResult]::new('gorgias', 'gorgias', [CompletionResultType]::ParameterValue, 'Diagnose the Gorgias integration (all symptoms, or one)')
            [CompletionResult]::new('intercom', 'intercom', [CompletionResultType]::ParameterValue, 'Diagnose the Intercom integration (all symptoms, or one)')
            [CompletionResult]::new('hubspot', 'hubspot', [CompletionResultType]::ParameterValue, 'Diagnose the HubSpot integration (all symptoms, or one)')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Every integration configured in the profile (a CI smoke check)')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'One OpenCX session: timeline, handoff, reasons')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The catalogue of checks: id, integration, symptom, title')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a check looks at and how to fix what it finds')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the real checks against the built-in sandbox (start here)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow one real message end to end: it reaches the helpdesk, OpenCX opens a session, the AI answers (or hands off), exactly once')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-run a support bundle''s diagnosis offline, against its recorded exchanges (no network)')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Look inside a support bundle before sending it')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Interactive set-up; secrets go to the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove an integration''s secrets from the OS keyring')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completion script on stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The man page (roff) on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'doctor;help;gorgias' {
            break
        }
        'doctor;help;intercom' {
            break
        }
        'doctor;help;hubspot' {
            break
        }
        'doctor;help;all' {
            break
        }
        'doctor;help;session' {
            break
        }
        'doctor;help;checks' {
            break
        }
        'doctor;help;explain' {
            break
        }
        'doctor;help;demo' {
            break
        }
        'doctor;help;watch' {
            break
        }
        'doctor;help;replay' {
            break
        }
        'doctor;help;bundle' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The bundle''s manifest, what was redacted (counts, never values) and its members')
            break
        }
        'doctor;help;bundle;show' {
            break
        }
        'doctor;help;login' {
            break
        }
        'doctor;help;logout' {
            break
        }
        'doctor;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting, its source, secrets masked; a bad value is listed with what is wrong')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'The config file''s path (whether or not it exists)')
            break
        }
        'doctor;help;config;show' {
            break
        }
        'doctor;help;config;path' {
            break
        }
        'doctor;help;completions' {
            break
        }
        'doctor;help;man' {
            break
        }
        'doctor;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
