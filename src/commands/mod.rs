//! One function per command; `dispatch` picks it. The raw arguments become one validated
//! `Config` first; commands turn it into settings and a plan, and hand off: checks run in the
//! engine's `Run`, text leaves through `output`.

pub mod bundle;
pub mod catalogue;
pub mod config;
pub mod demo;
pub mod diagnose;
pub mod login;
pub mod triage;
pub mod watch;

use crate::cli::{BundleAction, Cli, Command, ConfigAction, DemoWhat, IdsArg, SweepArgs};
use crate::config::Config;
use crate::integration::Integration;
use crate::report::Format;
use crate::sweep::Sweep;
use crate::target::Target;

pub fn dispatch(cli: Cli) -> anyhow::Result<u8> {
    let bundle = cli.command.as_ref().and_then(Command::bundle);
    let g = &Config::from_global(&cli.global).map_err(anyhow::Error::msg)?.with_bundle(bundle);
    let Some(command) = &cli.command else {
        use std::io::IsTerminal;
        if !g.no_input && std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            return triage::triage(g);
        }
        let usage = <Cli as clap::CommandFactory>::command().render_usage().to_string();
        anyhow::bail!(
            "{usage}\n\nNo command given. On a terminal, `doctor` alone asks what you are seeing; here (no terminal, \
             --no-input, DOCTOR_NO_INPUT or CI) run a command: `doctor --help` lists them, `doctor demo` tries the sandbox."
        );
    };
    if let Some(path) = &g.output {
        crate::output::prepare(path)?;
    }
    let load = |integrations: &[Integration]| g.settings(integrations);
    match command {
        Command::Gorgias { symptom, ticket, sweep, ids, .. } => {
            let sweep = sweep_of(Integration::Gorgias, sweep, Some(ids))?;
            let settings = load(&[Integration::Gorgias, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            diagnose::helpdesk(g, settings, Integration::Gorgias, symptom, ticket.map(Target::Ticket), sweep)
        }
        Command::Intercom { symptom, conversation, sweep, ids, .. } => {
            let sweep = sweep_of(Integration::Intercom, sweep, Some(ids))?;
            let settings = load(&[Integration::Intercom, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            let target = conversation.clone().map(Target::Conversation);
            diagnose::helpdesk(g, settings, Integration::Intercom, symptom, target, sweep)
        }
        Command::Hubspot { symptom, thread, sweep, ids, .. } => {
            let sweep = sweep_of(Integration::Hubspot, sweep, Some(ids))?;
            let settings = load(&[Integration::Hubspot, Integration::Opencx])?;
            let symptom = symptom.map(|s| s.symptom());
            diagnose::helpdesk(g, settings, Integration::Hubspot, symptom, thread.clone().map(Target::Thread), sweep)
        }
        Command::All { require, sweep, .. } => {
            let sweep = sweep_of(Integration::Opencx, sweep, None)?;
            diagnose::all(g, load(&Integration::ALL)?, require, sweep)
        }
        Command::Session { id, .. } => diagnose::session(g, load(&[Integration::Opencx])?, id),
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
        Command::Demo {
            what: Some(DemoWhat::Watch),
            symptom,
            scenario,
            latency,
            ticket,
            conversation,
            thread,
            wait,
            ..
        } => {
            let helpdesk = symptom.as_deref().unwrap_or("gorgias");
            let Some(integration) = Integration::HELPDESKS.into_iter().find(|i| i.slug() == helpdesk) else {
                anyhow::bail!("`doctor demo watch` takes gorgias, intercom or hubspot, not '{helpdesk}'");
            };
            let object = watch_object(integration, *ticket, conversation, thread)?;
            demo::watch(
                g,
                integration,
                scenario.as_deref(),
                *latency,
                object,
                wait.unwrap_or(std::time::Duration::from_secs(30)),
            )
        }
        Command::Demo { what, symptom, scenario, latency, ticket, conversation, thread, sweep, .. } => {
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
                sweep: sweep_of(Integration::Opencx, sweep, None)?,
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
        Command::Watch { integration, ticket, conversation, thread, wait, .. } => {
            let integration = integration.integration();
            let object = watch_object(integration, *ticket, conversation, thread)?;
            let settings = load(&[integration, Integration::Opencx])?;
            watch::watch(g, settings, watch::Request { integration, object, wait: *wait })
        }
        Command::Replay { file, diff } => bundle::replay(g, file, *diff),
        Command::Bundle { action: BundleAction::Show { file } } => {
            g.only_formats("bundle show", &[Format::Human, Format::Json])?;
            bundle::show(g, file)
        }
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

/// The object `doctor watch` follows: the flag of the helpdesk watched, never another's.
pub fn watch_object(
    integration: Integration,
    ticket: Option<u64>,
    conversation: &Option<String>,
    thread: &Option<String>,
) -> anyhow::Result<Option<String>> {
    let given = [
        (Integration::Gorgias, "--ticket", ticket.map(|t| t.to_string())),
        (Integration::Intercom, "--conversation", conversation.clone()),
        (Integration::Hubspot, "--thread", thread.clone()),
    ];
    let mut object = None;
    for (owner, flag, value) in given {
        match value {
            Some(v) if owner == integration => object = Some(v),
            Some(_) => anyhow::bail!(
                "{flag} names a {} object; `doctor watch {}` takes {}",
                owner.name(),
                integration.slug(),
                integration.target_flag().unwrap_or("no id")
            ),
            None => {}
        }
    }
    Ok(object)
}

/// The sweep the flags ask for: a window (`--since`), a list of ids (`--ids`, `-` for standard
/// input), or none. `--limit` alone is a usage error: it caps a sweep.
fn sweep_of(integration: Integration, args: &SweepArgs, ids: Option<&IdsArg>) -> anyhow::Result<Option<Sweep>> {
    let limit = match args.limit {
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
        None => crate::sweep::DEFAULT_LIMIT,
    };
    if let Some(since) = &args.since {
        return Ok(Some(Sweep::since(since, chrono::Utc::now(), limit)));
    }
    if let Some(path) = ids.and_then(|i| i.ids.as_ref()) {
        let text = if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
                .map_err(|e| anyhow::anyhow!("--ids -: cannot read standard input: {e}"))?;
            text
        } else {
            std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("--ids {}: {e}", path.display()))?
        };
        let targets = crate::sweep::parse_ids(&text, integration, crate::cli::id_parser(integration))
            .map_err(|e| anyhow::anyhow!("--ids {}: {e}", path.display()))?;
        return Ok(Some(Sweep { scope: crate::sweep::Scope::Ids(targets), limit }));
    }
    if args.limit.is_some() {
        anyhow::bail!("--limit caps a sweep: add --since DURATION (e.g. --since 24h) or --ids FILE");
    }
    Ok(None)
}
