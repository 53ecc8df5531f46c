//! The command line's global options and the environment's run settings, validated once into
//! one `Config` before any command runs (just's `Config::from_arguments`). Commands read this,
//! never the raw arguments; the profile's integration settings are loaded from it (`settings`).

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::Global;
use crate::engine::run::RunOptions;
use crate::http::tuning::Tuning;
use crate::integration::Integration;
use crate::report::{FailOn, Format};
use crate::settings::{ConfigError, SecretStore, Settings, Strictness};
use crate::term::ColorChoice;

/// `--timeout` when none is given (a sweep's is `sweep::DEFAULT_TIMEOUT_SECS`).
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;

/// The variable that makes one check panic on purpose (the tests of panic handling).
pub const INJECT_PANIC: &str = "DOCTOR_INJECT_PANIC";

#[derive(Clone, Debug)]
pub struct Config {
    pub profile: String,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub color: ColorChoice,
    pub verbose: u8,
    pub quiet: bool,
    pub timeout: Duration,
    /// Whether `--timeout` (or `DOCTOR_TIMEOUT`) was given: a sweep's default is longer.
    pub timeout_given: bool,
    pub jobs: u16,
    pub fail_on: FailOn,
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// `--set integration.key=value` overrides, applied when the settings are loaded.
    pub set: Vec<String>,
    /// `--accept FILE`: accepted findings.
    pub accept: Option<PathBuf>,
    pub tuning: Tuning,
    pub inject_panic: Option<String>,
    /// `--bundle FILE` (with `--note`, `--keep-customer-data`, `--force`).
    pub bundle: Option<crate::bundle::Request>,
    /// `--no-input`, `DOCTOR_NO_INPUT` or `CI`: never prompt.
    pub no_input: bool,
    /// The triage's answers to questions no API answers, added to the report as reported by the
    /// user (never a pass).
    pub reported: Vec<crate::report::CheckResult>,
}

impl Config {
    /// Validates what clap could not: the environment's rate-limit overrides.
    pub fn from_global(g: &Global) -> Result<Config, String> {
        Ok(Config {
            profile: g.profile.clone(),
            format: g.format,
            output: g.output.clone(),
            color: g.color,
            verbose: g.verbose,
            quiet: g.quiet,
            timeout: Duration::from_secs_f64(g.timeout.unwrap_or(DEFAULT_TIMEOUT_SECS)),
            timeout_given: g.timeout.is_some(),
            jobs: g.jobs,
            fail_on: g.fail_on,
            only: g.only.clone(),
            skip: g.skip.clone(),
            set: g.set.clone(),
            accept: g.accept.clone(),
            tuning: Tuning::from_env()?,
            inject_panic: std::env::var(INJECT_PANIC).ok().filter(|v| !v.is_empty()),
            bundle: None,
            no_input: g.no_input || std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
            reported: Vec::new(),
        })
    }

    /// The command's bundle flags, when it diagnoses.
    pub fn with_bundle(mut self, args: Option<&crate::cli::BundleArgs>) -> Config {
        self.bundle = args.and_then(|a| {
            a.bundle.as_ref().map(|path| crate::bundle::Request {
                path: path.clone(),
                note: a.note.clone(),
                keep_customer_data: a.keep_customer_data,
                force: a.force,
            })
        });
        self
    }

    /// Whether the doctor may ask a question: a person at a terminal, no `--no-input`, not CI.
    pub fn may_prompt(&self) -> bool {
        use std::io::IsTerminal;
        !self.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// The profile's settings of `integrations` (keyring look-ups limited to those; only their
    /// bad values stop the command).
    pub fn settings(&self, integrations: &[Integration]) -> Result<Settings, ConfigError> {
        Settings::load(&self.profile, &self.set, integrations, &SecretStore::from_env(), false)
    }

    /// Every setting, whatever is wrong with some (`doctor config show` lists the problems).
    pub fn settings_as_they_are(&self) -> Result<Settings, ConfigError> {
        Settings::load_with(
            &self.profile,
            &self.set,
            &Integration::ALL,
            &SecretStore::from_env(),
            false,
            Strictness::Lenient,
        )
    }

    /// Refuses a `--format` the command cannot print (exit 2), instead of ignoring it.
    pub fn only_formats(&self, command: &str, allowed: &[Format]) -> anyhow::Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        let list = match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        anyhow::bail!("`doctor {command}` prints {list}; --format {} is for the check runs", self.format.name())
    }

    /// The run's options; a sweep without `--timeout` gets the sweep's default deadline.
    pub fn run_options(&self, sweep: bool) -> RunOptions {
        let timeout = if sweep && !self.timeout_given {
            Duration::from_secs_f64(crate::sweep::DEFAULT_TIMEOUT_SECS)
        } else {
            self.timeout
        };
        RunOptions {
            timeout,
            jobs: usize::from(self.jobs),
            trace: self.verbose > 0,
            trace_headers: self.verbose > 1,
            activity: None,
            only: self.only.clone(),
            skip: self.skip.clone(),
            tuning: self.tuning,
            inject_panic: self.inject_panic.clone(),
            sweep_progress: None,
            recorder: None,
            replay: None,
            now: None,
        }
    }
}
