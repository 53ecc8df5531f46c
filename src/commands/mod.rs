//! One function per command; `dispatch` picks it. Commands turn arguments into settings and a
//! plan, and hand off: checks run in `run`, text leaves through `output`.

pub mod catalogue;
pub mod config;
pub mod demo;
pub mod login;
pub mod run;

use crate::cli::{slug, Cli, Command, ConfigAction};
use crate::engine::Target;
use crate::integration::Integration;
use crate::settings::{SecretStore, Settings};

pub fn dispatch(cli: Cli) -> anyhow::Result<u8> {
    let g = &cli.global;
    crate::http::tuning::validate_env().map_err(anyhow::Error::msg)?;
    if let Some(path) = &g.output {
        crate::output::prepare(path)?;
    }
    let load = |integrations: &[Integration]| -> anyhow::Result<Settings> {
        let store = SecretStore::from_env();
        Ok(Settings::load(&g.profile, &g.set, integrations, &store, false)?)
    };
    match &cli.command {
        Command::Gorgias { symptom, ticket } => {
            let settings = load(&[Integration::Gorgias, Integration::Opencx])?;
            let target = Target { ticket: *ticket, ..Target::default() };
            run::helpdesk(g, settings, Integration::Gorgias, symptom.as_ref().map(slug), target)
        }
        Command::Intercom { symptom, conversation } => {
            let settings = load(&[Integration::Intercom, Integration::Opencx])?;
            let target = Target { conversation: conversation.clone(), ..Target::default() };
            run::helpdesk(g, settings, Integration::Intercom, symptom.as_ref().map(slug), target)
        }
        Command::Hubspot { symptom, thread } => {
            let settings = load(&[Integration::Hubspot, Integration::Opencx])?;
            let target = Target { thread: thread.clone(), ..Target::default() };
            run::helpdesk(g, settings, Integration::Hubspot, symptom.as_ref().map(slug), target)
        }
        Command::All { require } => run::all(g, load(&Integration::ALL)?, require),
        Command::Session { id } => run::session(g, load(&[Integration::Opencx])?, id),
        Command::Checks { integration } => catalogue::list(g, *integration),
        Command::Explain { check_id } => catalogue::explain(check_id),
        Command::Demo { integration, scenario, list } => {
            demo::demo(g, integration.map(Into::into), scenario.as_deref(), *list)
        }
        Command::Login { integration } => login::login(g, *integration),
        Command::Logout { integration } => login::logout(g, *integration),
        Command::Config { action: ConfigAction::Show } => config::show(g, load(&Integration::ALL)?),
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
