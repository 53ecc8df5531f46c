//! The command line, declared once with clap derive. Completions and man pages are generated
//! from this same definition (`assets.rs`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::integration::Integration;
use crate::report::{FailOn, Format};
use crate::symptom::{GorgiasSymptom, HubspotSymptom, IntercomSymptom};
use crate::term::ColorChoice;

const GORGIAS_EXAMPLES: &str = "\
Examples:
  doctor gorgias                              every account-level check
  doctor gorgias --ticket 1042                every symptom, on one ticket, with its OpenCX session
  doctor gorgias ai-silent --ticket https://acme.gorgias.com/app/ticket/1042
  doctor gorgias webhook --format junit       for CI
  doctor gorgias --since 24h                  every ticket with customer activity in the last day
  doctor gorgias duplicates --ids tickets.txt the tickets in a file, one id or URL a line";
const INTERCOM_EXAMPLES: &str = "\
Examples:
  doctor intercom                             every account-level check
  doctor intercom handoff-stuck --conversation 215
  doctor intercom credentials --format json
  doctor intercom --since 7d --limit 2000     a week of conversations";
const WATCH_EXAMPLES: &str = "\
Examples:
  doctor watch gorgias                        then send a test message as a customer
  doctor watch gorgias --ticket 1042          a reply on a ticket you know
  doctor watch intercom --wait 5m --format junit
  doctor demo watch gorgias                   the sandbox plays a customer, OpenCX and the AI";
const REPLAY_EXAMPLES: &str = "\
Examples:
  doctor replay bundle.tar.gz                 the recorded checks again, offline, as a report
  doctor replay bundle.tar.gz --diff          which verdicts this doctor reads differently
  doctor replay bundle.tar.gz --format json";
const HUBSPOT_EXAMPLES: &str = "\
Examples:
  doctor hubspot scopes                       the private app's scopes, in one table
  doctor hubspot ai-silent --thread 8801
  doctor hubspot --thread https://app.hubspot.com/live-messages/4711/inbox/8801
  doctor hubspot no-ticket --since 24h        handed-off threads of the last day without a ticket";
const DEMO_EXAMPLES: &str = "\
Examples:
  doctor demo                                 every helpdesk, healthy
  doctor demo --list                          the scenarios
  doctor demo gorgias --scenario gorgias-key-revoked
  doctor demo gorgias webhook --latency 300   one symptom, slowed down to watch the progress
  doctor demo gorgias --since 24h             a sweep over a busy sandbox account";

pub const EXIT_STATUS: &str = "\
Exit status:
  0  no check failed (warnings allowed unless --fail-on warn)
  1  at least one check failed
  2  usage or configuration error (nothing was checked)
  3  no check failed, but at least one could not be checked (status error)

`doctor help environment` lists every environment variable the doctor reads.";

#[derive(Debug, Parser)]
#[command(
    name = "doctor",
    version,
    about = "Diagnoses the OpenCX AI agent's bridge to Gorgias, Intercom and HubSpot",
    long_about = "Diagnoses the OpenCX AI agent's bridge to Gorgias, Intercom and HubSpot.\n\n\
        Calls the helpdesk's API and OpenCX's session API (read-only) and prints a pass/fail checklist with the exact \
        fix for each problem. Start with `doctor demo`, which runs the real checks against a built-in sandbox.",
    after_help = EXIT_STATUS,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// None: `doctor` alone (the triage on a terminal, else the usage and exit 2).
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options (every command)")]
pub struct Global {
    /// Profile of the config file and keyring to use.
    #[arg(long, global = true, env = "DOCTOR_PROFILE", default_value = "default", value_name = "NAME")]
    pub profile: String,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value = "human", value_name = "FORMAT")]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Colour: auto uses colour on a terminal unless NO_COLOR is set or TERM=dumb.
    #[arg(long, global = true, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print each HTTP request (method, URL, status, latency, request id) to stderr; secrets redacted.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print only problems and the summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Deadline for the whole run, in seconds [default: 30; a sweep's: 600].
    #[arg(long, global = true, env = "DOCTOR_TIMEOUT", value_name = "SECS", value_parser = parse_timeout)]
    pub timeout: Option<f64>,
    /// Most HTTP requests in flight at once; 1 is strictly sequential.
    #[arg(long, global = true, env = "DOCTOR_JOBS", default_value = "32", value_name = "N", value_parser = parse_jobs)]
    pub jobs: u16,
    /// Which results make the exit status 1.
    #[arg(long, global = true, value_enum, default_value = "fail", value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Run only these checks (ids or id prefixes such as gorgias.webhook; comma-separated or repeated).
    #[arg(long, global = true, value_delimiter = ',', value_name = "ID")]
    pub only: Vec<String>,
    /// Do not run these checks (ids or id prefixes; comma-separated or repeated).
    #[arg(long, global = true, value_delimiter = ',', value_name = "ID")]
    pub skip: Vec<String>,
    /// Findings the team has accepted (TOML: [[accept]] check, object, reason, expires): they stay
    /// visible but do not count toward the exit status.
    #[arg(long, global = true, value_name = "FILE")]
    pub accept: Option<PathBuf>,
    /// Override a non-secret setting for this run, e.g. --set gorgias.ai_user_id=42 (highest precedence).
    #[arg(long = "set", global = true, value_name = "INTEGRATION.SETTING=VALUE")]
    pub set: Vec<String>,
    /// Never prompt (also when DOCTOR_NO_INPUT=1 or CI is set).
    #[arg(long, global = true, env = "DOCTOR_NO_INPUT", value_parser = clap::builder::BoolishValueParser::new(), default_value_t = false, num_args = 0..=1, default_missing_value = "true", hide_env_values = true)]
    pub no_input: bool,
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (1.0..=3600.0).contains(&v) => Ok(v),
        _ => Err(format!("'{s}' is not a number of seconds between 1 and 3600")),
    }
}

fn parse_jobs(s: &str) -> Result<u16, String> {
    match s.parse::<u16>() {
        Ok(n) if (1..=64).contains(&n) => Ok(n),
        _ => Err(format!("'{s}' is not a number of requests between 1 and 64")),
    }
}

/// An object id: digits, or the helpdesk's own URL of the object (as gh takes a PR's URL): the
/// URL must be on `host` (or a subdomain of it) and its id is the last path segment of digits.
fn object_id(
    what: &'static str,
    host: &'static str,
    example: &'static str,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        let digits = |v: &str| {
            !v.is_empty()
                && v.len() <= 19
                && v.chars().all(|c| c.is_ascii_digit())
                && v.parse::<u64>().is_ok_and(|n| n > 0)
        };
        if digits(s) {
            return Ok(s.to_string());
        }
        if let Ok(url) = url::Url::parse(s) {
            let on_host = url.host_str().is_some_and(|h| h == host || h.ends_with(&format!(".{host}")));
            let id = url.path_segments().and_then(|mut segments| segments.rfind(|p| digits(p)).map(str::to_string));
            return match (on_host, id) {
                (true, Some(id)) => Ok(id),
                (false, _) => {
                    Err(format!("'{s}' is not a {host} address: {what} is a number or its URL, e.g. {example}"))
                }
                (true, None) => Err(format!("'{s}' holds no id: expected a URL such as {example}")),
            };
        }
        Err(format!("'{s}' is not {what}: a positive whole number or its URL, e.g. 12345 or {example}"))
    }
}

/// Parses an object id as its flag does.
pub type IdParser = dyn Fn(&str) -> Result<String, String>;

/// The parser of one helpdesk's object ids, as its flag takes them (an `--ids` file's lines too).
pub fn id_parser(integration: Integration) -> Box<IdParser> {
    match integration {
        Integration::Gorgias => Box::new(|s: &str| ticket_id(s).map(|n| n.to_string())),
        Integration::Intercom => Box::new(conversation_id),
        Integration::Hubspot => Box::new(thread_id),
        Integration::Opencx => Box::new(session_id),
    }
}

fn conversation_id(s: &str) -> Result<String, String> {
    object_id(
        "an Intercom conversation id",
        "intercom.com",
        "https://app.intercom.com/a/inbox/abc123/inbox/conversation/215",
    )(s)
}

fn thread_id(s: &str) -> Result<String, String> {
    object_id("a HubSpot thread id", "hubspot.com", "https://app.hubspot.com/live-messages/123456/inbox/8801")(s)
}

fn ticket_id(s: &str) -> Result<u64, String> {
    object_id("a Gorgias ticket id", "gorgias.com", "https://acme.gorgias.com/app/ticket/1042")(s)
        .map(|v| v.parse().expect("validated digits"))
}

fn session_id(s: &str) -> Result<String, String> {
    if !s.is_empty() && s.len() <= 100 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}' is not an OpenCX session id (a UUID such as 3f1c…-…)"))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Diagnose the Gorgias integration (all symptoms, or one).
    #[command(after_help = GORGIAS_EXAMPLES)]
    Gorgias {
        #[arg(value_enum)]
        symptom: Option<GorgiasSymptom>,
        /// Gorgias ticket to diagnose: its id, or its URL (https://acme.gorgias.com/app/ticket/1042).
        #[arg(long, value_name = "ID", value_parser = ticket_id, conflicts_with_all = ["since", "ids"])]
        ticket: Option<u64>,
        #[command(flatten)]
        sweep: SweepArgs,
        #[command(flatten)]
        ids: IdsArg,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// Diagnose the Intercom integration (all symptoms, or one).
    #[command(after_help = INTERCOM_EXAMPLES)]
    Intercom {
        #[arg(value_enum)]
        symptom: Option<IntercomSymptom>,
        /// Intercom conversation to diagnose: its id, or its inbox URL.
        #[arg(long, value_name = "ID", value_parser = conversation_id, conflicts_with_all = ["since", "ids"])]
        conversation: Option<String>,
        #[command(flatten)]
        sweep: SweepArgs,
        #[command(flatten)]
        ids: IdsArg,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// Diagnose the HubSpot integration (all symptoms, or one).
    #[command(after_help = HUBSPOT_EXAMPLES)]
    Hubspot {
        #[arg(value_enum)]
        symptom: Option<HubspotSymptom>,
        /// HubSpot conversation thread to diagnose: its id, or its inbox URL.
        #[arg(long, value_name = "ID", value_parser = thread_id, conflicts_with_all = ["since", "ids"])]
        thread: Option<String>,
        #[command(flatten)]
        sweep: SweepArgs,
        #[command(flatten)]
        ids: IdsArg,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// Every integration configured in the profile (a CI smoke check).
    All {
        /// Fail with exit 2 unless these integrations are configured (e.g. gorgias,intercom): a
        /// CI secret that did not arrive must not make the run look healthy.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "INTEGRATIONS")]
        require: Vec<Integration>,
        #[command(flatten)]
        sweep: SweepArgs,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// One OpenCX session: timeline, handoff, reasons.
    Session {
        /// The session's id (OpenCX inbox → the conversation → its session id, a UUID).
        #[arg(value_parser = session_id)]
        id: String,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// The catalogue of checks: id, integration, symptom, title.
    Checks {
        #[arg(value_enum)]
        integration: Option<Integration>,
    },
    /// What a check looks at and how to fix what it finds.
    Explain {
        /// A check's id, as `doctor checks` lists them (e.g. gorgias.webhook.trigger).
        check_id: String,
    },
    /// Run the real checks against the built-in sandbox (start here).
    #[command(after_help = DEMO_EXAMPLES)]
    Demo {
        /// What to run, as the real commands do: a helpdesk, `all` (the default) or `session`.
        #[arg(value_enum)]
        what: Option<DemoWhat>,
        /// One symptom of the helpdesk (`doctor demo gorgias webhook`).
        #[arg(value_name = "SYMPTOM")]
        symptom: Option<String>,
        /// Scenario to run (see --list).
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        /// List the scenarios and exit.
        #[arg(long)]
        list: bool,
        /// Slow every sandbox answer by MS milliseconds, to watch the progress.
        #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(0..=10_000))]
        latency: Option<u64>,
        /// `doctor demo watch`: how long the watch waits [default: 30s].
        #[arg(long, value_name = "DURATION", value_parser = crate::watch::parse_wait)]
        wait: Option<std::time::Duration>,
        /// The Gorgias ticket to diagnose (default: the sandbox's sample ticket).
        #[arg(long, value_name = "ID", value_parser = ticket_id)]
        ticket: Option<u64>,
        /// The Intercom conversation to diagnose (default: the sandbox's sample conversation).
        #[arg(long, value_name = "ID", value_parser = conversation_id)]
        conversation: Option<String>,
        /// The HubSpot thread to diagnose (default: the sandbox's sample thread).
        #[arg(long, value_name = "ID", value_parser = thread_id)]
        thread: Option<String>,
        #[command(flatten)]
        sweep: SweepArgs,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// Follow one real message end to end: it reaches the helpdesk, OpenCX opens a session, the AI
    /// answers (or hands off), exactly once.
    #[command(after_help = WATCH_EXAMPLES)]
    Watch {
        #[arg(value_enum)]
        integration: WatchHelpdesk,
        /// The Gorgias ticket to watch (id or URL); without an id, the first object a customer writes on.
        #[arg(long, value_name = "ID", value_parser = ticket_id)]
        ticket: Option<u64>,
        /// The Intercom conversation to watch (id or inbox URL).
        #[arg(long, value_name = "ID", value_parser = conversation_id)]
        conversation: Option<String>,
        /// The HubSpot thread to watch (id or inbox URL).
        #[arg(long, value_name = "ID", value_parser = thread_id)]
        thread: Option<String>,
        /// How long to wait for each stage in all: 90s, 10m, 1h (at most 2h).
        #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = crate::watch::parse_wait)]
        wait: std::time::Duration,
        #[command(flatten)]
        bundle: BundleArgs,
    },
    /// Re-run a support bundle's diagnosis offline, against its recorded exchanges (no network).
    #[command(after_help = REPLAY_EXAMPLES)]
    Replay {
        /// The bundle (a .tar.gz written by --bundle).
        file: PathBuf,
        /// List the checks whose status differs from the recorded report (exit 1 if any does).
        #[arg(long)]
        diff: bool,
    },
    /// Look inside a support bundle before sending it.
    Bundle {
        #[command(subcommand)]
        action: BundleAction,
    },
    /// Interactive set-up; secrets go to the OS keyring.
    Login {
        #[arg(value_enum)]
        integration: Integration,
        /// Read the integration's secret (API key or token) from standard input instead of
        /// asking, for scripts: `doctor login gorgias --with-token < key.txt`.
        #[arg(long)]
        with_token: bool,
    },
    /// Remove an integration's secrets from the OS keyring.
    Logout {
        #[arg(value_enum)]
        integration: Integration,
    },
    /// Show the settings.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Shell completion script on stdout.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// The man page (roff) on stdout.
    Man,
}

impl Command {
    /// The bundle flags of a command that diagnoses.
    pub fn bundle(&self) -> Option<&BundleArgs> {
        match self {
            Command::Gorgias { bundle, .. }
            | Command::Intercom { bundle, .. }
            | Command::Hubspot { bundle, .. }
            | Command::All { bundle, .. }
            | Command::Session { bundle, .. }
            | Command::Watch { bundle, .. }
            | Command::Demo { bundle, .. } => Some(bundle),
            _ => None,
        }
    }
}

/// A sweep over every object with customer activity in a window.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Sweep (every object with customer activity in a window)")]
pub struct SweepArgs {
    /// Run the per-object checks over every object with customer activity in the last DURATION
    /// (90m, 24h, 7d; at most 30d), beside the account-level checks.
    #[arg(long, value_name = "DURATION", value_parser = crate::sweep::parse_since)]
    pub since: Option<crate::sweep::Since>,
    /// The most objects a sweep looks at, newest first [default: 500].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub limit: Option<u64>,
}

/// A sweep over a given list of objects.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Sweep (every object with customer activity in a window)")]
pub struct IdsArg {
    /// Sweep these objects instead of a window: a file of ids or helpdesk URLs, one a line
    /// (`-` reads standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "since")]
    pub ids: Option<PathBuf>,
}

/// A support bundle written beside the report.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Support bundle (for OpenCX support; see `doctor bundle show`)")]
pub struct BundleArgs {
    /// Also write a support bundle to FILE: the report and every HTTP exchange, secrets removed and
    /// customer data pseudonymised (mode 0600; `doctor replay FILE` re-runs it offline).
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<PathBuf>,
    /// The expected vs actual behaviour, for OpenCX support (asked on a terminal if not given).
    #[arg(long, value_name = "TEXT", requires = "bundle")]
    pub note: Option<String>,
    /// Keep customer emails, names, phone numbers and message texts in the bundle.
    #[arg(long, requires = "bundle")]
    pub keep_customer_data: bool,
    /// Replace the bundle file if it exists.
    #[arg(long, requires = "bundle")]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum BundleAction {
    /// The bundle's manifest, what was redacted (counts, never values) and its members.
    Show {
        /// The bundle file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Every setting, its source, secrets masked; a bad value is listed with what is wrong.
    Show,
    /// The config file's path (whether or not it exists).
    Path,
}

/// The helpdesk `doctor watch` follows a message on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WatchHelpdesk {
    Gorgias,
    Intercom,
    Hubspot,
}

impl WatchHelpdesk {
    pub fn integration(self) -> Integration {
        match self {
            WatchHelpdesk::Gorgias => Integration::Gorgias,
            WatchHelpdesk::Intercom => Integration::Intercom,
            WatchHelpdesk::Hubspot => Integration::Hubspot,
        }
    }
}

/// What `doctor demo` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoWhat {
    Gorgias,
    Intercom,
    Hubspot,
    /// Every helpdesk, as `doctor all` (the default).
    All,
    /// One OpenCX session, as `doctor session ID` (the sandbox's sample session).
    Session,
    /// `doctor watch` on the sandbox, which plays a customer, OpenCX and the AI
    /// (`doctor demo watch gorgias --scenario watch-duplicate-reply`).
    Watch,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
