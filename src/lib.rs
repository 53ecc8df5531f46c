//! opencx-doctor: diagnoses the bridge between OpenCX's AI agent and Gorgias, Intercom and
//! HubSpot. The flow, in one direction: CLI args → Settings (profile + env + keyring) → the
//! catalogue of checks for the chosen integration/symptom → the runner (concurrent, shared
//! fetches, prerequisites, deadline) → one Report → one renderer.

// An API error carries the vendor's error body; it is returned once per request and shared as an
// Arc by the facts layer, so its size is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod assets;
pub mod bundle;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod engine;
pub mod environment;
pub mod facts;
pub mod http;
pub mod integration;
pub mod output;
pub mod redact;
pub mod report;
pub mod sanitize;
pub mod settings;
pub mod signals;
pub mod suggest;
pub mod sweep;
pub mod symptom;
pub mod target;
pub mod term;
pub mod vendors;
pub mod watch;

use std::process::ExitCode;

use clap::Parser;

/// Runs the doctor with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    signals::install();
    // `doctor help environment`: every variable the doctor reads (clap's `help` takes commands).
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 2 && args[0] == "help" && args[1] == "environment" {
        return match output::emit(&environment::text(), None) {
            Ok(()) => ExitCode::from(0),
            Err(e) => {
                output::error_line(&format!("{e:#}"));
                ExitCode::from(2)
            }
        };
    }
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::from(0);
        }
        Err(e) if e.kind() == clap::error::ErrorKind::UnknownArgument && wrong_object_flag().is_some() => {
            output::error_line(&wrong_object_flag().unwrap_or_default());
            return ExitCode::from(2);
        }
        Err(e) => {
            // Every usage error is exit 2. It may echo a value given on the command line, so it
            // is made safe for the terminal line by line.
            output::stderr_line(sanitize::for_terminal_lines(&e.render().to_string()).trim_end());
            return ExitCode::from(2);
        }
    };
    match commands::dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            output::error_line(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// `doctor gorgias --conversation 215`: the flag names another helpdesk's object. Said plainly
/// instead of clap's "to pass '--conversation' as a value" tip.
fn wrong_object_flag() -> Option<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flags = [("gorgias", "--ticket"), ("intercom", "--conversation"), ("hubspot", "--thread")];
    let (command, own) = args.iter().find_map(|a| flags.iter().find(|(c, _)| a == c))?;
    let (other, used) = flags.iter().filter(|(c, _)| c != command).find_map(|(c, flag)| {
        args.iter().any(|a| a == flag || a.starts_with(&format!("{flag}="))).then_some((c, flag))
    })?;
    Some(format!("`doctor {command}` takes {own} ID; {used} is for `doctor {other}` (e.g. `doctor {other} {used} ID`)"))
}
