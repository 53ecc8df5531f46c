
use builtin;
use str;

set edit:completion:arg-completer[doctor] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'doctor'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'doctor'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand gorgias 'Diagnose the Gorgias integration (all symptoms, or one)'
            cand intercom 'Diagnose the Intercom integration (all symptoms, or one)'
            cand hubspot 'Diagnose the HubSpot integration (all symptoms, or one)'
            cand all 'Every integration configured in the profile (a CI smoke check)'
            cand session 'One OpenCX session: timeline, handoff, reasons'
            cand checks 'The catalogue of checks: id, integration, symptom, title'
            cand explain 'What a check looks at and how to fix what it finds'
            cand demo 'Run the real checks against the built-in sandbox (start here)'
            cand replay 'Re-run a support bundle''s diagnosis offline, against its recorded exchanges (no network)'
            cand bundle 'Look inside a support bundle before sending it'
            cand login 'Interactive set-up; secrets go to the OS keyring'
            cand logout 'Remove an integration''s secrets from the OS keyring'
            cand config 'Show the settings'
            cand completions 'Shell completion script on stdout'
            cand man 'The man page (roff) on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;gorgias'= {
            cand --ticket 'Gorgias ticket to diagnose: its id, or its URL (https://acme.gorgias.com/app/ticket/1042)'
            cand --since 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks'
            cand --limit 'The most objects a sweep looks at, newest first [default: 500]'
            cand --ids 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)'
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'doctor;intercom'= {
            cand --conversation 'Intercom conversation to diagnose: its id, or its inbox URL'
            cand --since 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks'
            cand --limit 'The most objects a sweep looks at, newest first [default: 500]'
            cand --ids 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)'
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'doctor;hubspot'= {
            cand --thread 'HubSpot conversation thread to diagnose: its id, or its inbox URL'
            cand --since 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks'
            cand --limit 'The most objects a sweep looks at, newest first [default: 500]'
            cand --ids 'Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line (`-` reads standard input)'
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'doctor;all'= {
            cand --require 'Fail with exit 2 unless these integrations are configured (e.g. gorgias,intercom): a CI secret that did not arrive must not make the run look healthy'
            cand --since 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks'
            cand --limit 'The most objects a sweep looks at, newest first [default: 500]'
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;session'= {
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;checks'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;explain'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;demo'= {
            cand --scenario 'Scenario to run (see --list)'
            cand --latency 'Slow every sandbox answer by MS milliseconds, to watch the progress'
            cand --ticket 'The Gorgias ticket to diagnose (default: the sandbox''s sample ticket)'
            cand --conversation 'The Intercom conversation to diagnose (default: the sandbox''s sample conversation)'
            cand --thread 'The HubSpot thread to diagnose (default: the sandbox''s sample thread)'
            cand --since 'Run the per-object checks over every object with customer activity in the last DURATION (90m, 24h, 7d; at most 30d), beside the account-level checks'
            cand --limit 'The most objects a sweep looks at, newest first [default: 500]'
            cand --bundle 'Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline)'
            cand --note 'The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given)'
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --list 'List the scenarios and exit'
            cand --keep-customer-data 'Keep customer emails, names, phone numbers and message texts in the bundle'
            cand --force 'Replace the bundle file if it exists'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'doctor;replay'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --diff 'List the checks whose status differs from the recorded report (exit 1 if any does)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;bundle'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'The bundle''s manifest, what was redacted (counts, never values) and its members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;bundle;show'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;bundle;help'= {
            cand show 'The bundle''s manifest, what was redacted (counts, never values) and its members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;bundle;help;show'= {
        }
        &'doctor;bundle;help;help'= {
        }
        &'doctor;login'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand --with-token 'Read the integration''s secret (API key or token) from standard input instead of asking, for scripts: `doctor login gorgias --with-token < key.txt`'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;logout'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;config'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
            cand path 'The config file''s path (whether or not it exists)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;config;show'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;config;path'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;config;help'= {
            cand show 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
            cand path 'The config file''s path (whether or not it exists)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;config;help;show'= {
        }
        &'doctor;config;help;path'= {
        }
        &'doctor;config;help;help'= {
        }
        &'doctor;completions'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;man'= {
            cand --profile 'Profile of the config file and keyring to use'
            cand --format 'Output format'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb'
            cand --timeout 'Deadline for the whole run, in seconds [default: 30; a sweep''s: 600]'
            cand --jobs 'Most HTTP requests in flight at once; 1 is strictly sequential'
            cand --fail-on 'Which results make the exit status 1'
            cand --only 'Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated)'
            cand --skip 'Do not run these checks (ids or id prefixes; comma-separated or repeated)'
            cand --accept 'Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay visible but do not count toward the exit status'
            cand --set 'Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence)'
            cand --no-input 'Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set)'
            cand -v 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand --verbose 'Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted'
            cand -q 'Print only problems and the summary'
            cand --quiet 'Print only problems and the summary'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'doctor;help'= {
            cand gorgias 'Diagnose the Gorgias integration (all symptoms, or one)'
            cand intercom 'Diagnose the Intercom integration (all symptoms, or one)'
            cand hubspot 'Diagnose the HubSpot integration (all symptoms, or one)'
            cand all 'Every integration configured in the profile (a CI smoke check)'
            cand session 'One OpenCX session: timeline, handoff, reasons'
            cand checks 'The catalogue of checks: id, integration, symptom, title'
            cand explain 'What a check looks at and how to fix what it finds'
            cand demo 'Run the real checks against the built-in sandbox (start here)'
            cand replay 'Re-run a support bundle''s diagnosis offline, against its recorded exchanges (no network)'
            cand bundle 'Look inside a support bundle before sending it'
            cand login 'Interactive set-up; secrets go to the OS keyring'
            cand logout 'Remove an integration''s secrets from the OS keyring'
            cand config 'Show the settings'
            cand completions 'Shell completion script on stdout'
            cand man 'The man page (roff) on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'doctor;help;gorgias'= {
        }
        &'doctor;help;intercom'= {
        }
        &'doctor;help;hubspot'= {
        }
        &'doctor;help;all'= {
        }
        &'doctor;help;session'= {
        }
        &'doctor;help;checks'= {
        }
        &'doctor;help;explain'= {
        }
        &'doctor;help;demo'= {
        }
        &'doctor;help;replay'= {
        }
        &'doctor;help;bundle'= {
            cand show 'The bundle''s manifest, what was redacted (counts, never values) and its members'
        }
        &'doctor;help;bundle;show'= {
        }
        &'doctor;help;login'= {
        }
        &'doctor;help;logout'= {
        }
        &'doctor;help;config'= {
            cand show 'Every setting, its source, secrets masked; a bad value is listed with what is wrong'
            cand path 'The config file''s path (whether or not it exists)'
        }
        &'doctor;help;config;show'= {
        }
        &'doctor;help;config;path'= {
        }
        &'doctor;help;completions'= {
        }
        &'doctor;help;man'= {
        }
        &'doctor;help;help'= {
        }
    ]
    $completions[$command]
}
