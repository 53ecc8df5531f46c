//! One function per command; `dispatch` picks it. The raw arguments become one validated
//! `Config` first; commands turn it into settings and a plan, and hand off: checks run in the
//! engine's `Run`, text leaves through `output`.

pub mod catalogue;
pub mod config;
pub mod demo;
pub mod diagnose;
pub mod login;

use crate::cli::{Cli, Command, ConfigAction};
use crate::config::Config;
use crate::integration::Integration;
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
        Command::Checks { integration } => catalogue::list(g, *integration),
        Command::Explain { check_id } => catalogue::explain(check_id),
        Command::Demo { integration, scenario, list } => {
            demo::demo(g, integration.map(Into::into), scenario.as_deref(), *list)
        }
        Command::Login { integration } => login::login(g, *integration),
        Command::Logout { integration } => login::logout(g, *integration),
        Command::Config { action: ConfigAction::Show } => config::show(g, g.settings_as_they_are()?),
        Command::Config { action: ConfigAction::Path } => config::path(g),
        Command::Completions { shell } => {
            crate::output::emit(&crate::assets::completion(*shell), g.output.as_deref())?;
            Ok(0)
        }
        Command::Man => {
            crate::output::emit(&crate::assets::man_page(), g.output.as_deref())?;
            Ok(0)
        }
    }
}
