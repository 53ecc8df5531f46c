//! One function per command; `dispatch` picks it. The raw arguments become one validated
//! `Config` first; commands turn it into settings and a plan, and hand off: checks run in the
//! engine's `Run`, text leaves through `output`.

pub mod catalogue;
pub mod config;
pub mod demo;
pub mod diagnose;
pub mod login;

use crate::cli::{Cli, Command, ConfigAction, DemoWhat};
use crate::config::Config;
use crate::integration::Integration;
use crate::report::Format;
use crate::target::Target;

pub fn dispatch(cli: Cli) -> anyhow::Result<u8> {
    let g = &Config::from_global(&cli.global).map_err(anyhow::Error::msg)?;
    if let Some(path) = &g.output {
        crate::output::prepare(path)?;
    }
    let load = |integrations: &[Integration]| g.settings(integrations);
    match &cli.command {
        Command::Gorgias { symptom, ticket } => {
            let settings = load(&[Integration::Gorgias, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            diagnose::helpdesk(g, settings, Integration::Gorgias, symptom, ticket.map(Target::Ticket))
        }
        Command::Intercom { symptom, conversation } => {
            let settings = load(&[Integration::Intercom, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            diagnose::helpdesk(
                g,
                settings,
                Integration::Intercom,
                symptom,
                conversation.clone().map(Target::Conversation),
            )
        }
        Command::Hubspot { symptom, thread } => {
            let settings = load(&[Integration::Hubspot, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            diagnose::helpdesk(g, settings, Integration::Hubspot, symptom, thread.clone().map(Target::Thread))
        }
        Command::All { require } => diagnose::all(g, load(&Integration::ALL)?, require),
        Command::Session { id } => diagnose::session(g, load(&[Integration::Opencx])?, id),
        Command::Checks { integration } => {
            g.only_formats("checks", &[Format::Human, Format::Json, Format::Markdown])?;
            catalogue::list(g, *integration)
        }
        Command::Explain { check_id } => {
            g.only_formats("explain", &[Format::Human, Format::Json, Format::Markdown])?;
            catalogue::explain(g, check_id)
        }
        Command::Demo { what, list: true, .. } => {
            g.only_formats("demo --list", &[Format::Human, Format::Json, Format::Markdown])?;
            demo::list(g, what.and_then(demo::helpdesk_of))
        }
        Command::Demo { what, symptom, scenario, latency, ticket, conversation, thread, .. } => {
            let objects = [
                ticket.map(Target::Ticket),
                conversation.clone().map(Target::Conversation),
                thread.clone().map(Target::Thread),
            ];
            let request = demo::Request {
                what: what.unwrap_or(DemoWhat::All),
                symptom: symptom.clone(),
                scenario: scenario.clone(),
                latency: *latency,
                objects: objects.into_iter().flatten().collect(),
            };
            demo::demo(g, request)
        }
        Command::Login { integration, with_token } => {
            g.only_formats("login", &[Format::Human])?;
            if *with_token {
                login::with_token(g, *integration)
            } else {
                login::login(g, *integration)
            }
        }
        Command::Logout { integration } => {
            g.only_formats("logout", &[Format::Human])?;
            login::logout(g, *integration)
        }
        Command::Config { action: ConfigAction::Show } => config::show(g, g.settings_as_they_are()?),
        Command::Config { action: ConfigAction::Path } => config::path(g),
        Command::Completions { shell } => {
            g.only_formats("completions", &[Format::Human])?;
            crate::output::emit(&crate::assets::completion(*shell), g.output.as_deref())?;
            Ok(0)
        }
        Command::Man => {
            g.only_formats("man", &[Format::Human])?;
            crate::output::emit(&crate::assets::man_page(), g.output.as_deref())?;
            Ok(0)
        }
    }
}
