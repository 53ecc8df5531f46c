//! `doctor demo`: starts the sandbox in-process, points the real clients at it and runs the real
//! checks. A newcomer's first command; also how every scenario is shown.

use crate::cli::DemoWhat;
use crate::config::Config;
use crate::integration::Integration;
use crate::settings::Settings;
use crate::sweep::Sweep;
use crate::target::Target;
use opencx_sandbox::{self as sandbox, all_scenarios, conversations, Sandbox, Vendor};

/// What `doctor demo …` was asked for.
pub struct Request {
    /// A helpdesk, `all` or `session`, as the real commands.
    pub what: DemoWhat,
    /// One symptom's slug, validated against the helpdesk's table.
    pub symptom: Option<String>,
    /// The sandbox scenario (`healthy` when none is named).
    pub scenario: Option<String>,
    /// Milliseconds added to every sandbox answer.
    pub latency: Option<u64>,
    /// Objects given with --ticket/--conversation/--thread, in place of the samples.
    pub objects: Vec<Target>,
    /// `--since`: a sweep (over the busy sandbox account unless a scenario is named).
    pub sweep: Option<Sweep>,
}

/// The helpdesk a demo request names, if it names one.
pub fn helpdesk_of(what: DemoWhat) -> Option<Integration> {
    match what {
        DemoWhat::Gorgias => Some(Integration::Gorgias),
        DemoWhat::Intercom => Some(Integration::Intercom),
        DemoWhat::Hubspot => Some(Integration::Hubspot),
        DemoWhat::All | DemoWhat::Session | DemoWhat::Watch => None,
    }
}

pub fn demo(g: &Config, request: Request) -> anyhow::Result<u8> {
    let default = if request.sweep.is_some() { sandbox::BUSY } else { "healthy" };
    let name = request.scenario.as_deref().unwrap_or(default);
    let Some(scenario) = sandbox::find_scenario(name) else {
        let hint = crate::suggest::did_you_mean(name, all_scenarios().map(|s| s.name));
        anyhow::bail!("no sandbox scenario is called '{name}'{hint} (run `doctor demo --list`)");
    };
    let asked = helpdesk_of(request.what);
    let about = scenario.integration.map(Integration::from);
    if let (Some(asked), Some(about)) = (asked, about) {
        if asked != about && about != Integration::Opencx {
            anyhow::bail!(
                "the scenario '{}' is about {}, not {}: run `doctor demo {} --scenario {}`",
                scenario.name,
                about.name(),
                asked.name(),
                about.slug(),
                scenario.name
            );
        }
    }
    // A scenario about one helpdesk runs that helpdesk unless told otherwise.
    let integration = match (request.what, asked) {
        (DemoWhat::All, _) if request.scenario.is_some() => about.filter(|i| *i != Integration::Opencx),
        (_, asked) => asked,
    };
    let symptom = match (&request.symptom, integration) {
        (None, _) => None,
        (Some(slug), Some(integration)) => Some(crate::symptom::find(integration, slug).ok_or_else(|| {
            let hint = crate::suggest::did_you_mean(slug, crate::symptom::of(integration).iter().map(|s| s.slug));
            anyhow::anyhow!(
                "{} has no symptom '{slug}'{hint} (`doctor demo {} --help` lists them)",
                integration.name(),
                integration.slug()
            )
        })?),
        (Some(slug), None) => anyhow::bail!("a symptom ('{slug}') needs a helpdesk: `doctor demo gorgias {slug}`"),
    };
    // The busy account is for sweeps: without --since it is swept over the last day.
    let sweep = match request.sweep {
        None if scenario.name == sandbox::BUSY => {
            let day = crate::sweep::parse_since("24h").map_err(anyhow::Error::msg)?;
            Some(Sweep::since(&day, chrono::Utc::now(), crate::sweep::DEFAULT_LIMIT))
        }
        other => other,
    };
    let mut spec = (scenario.build)();
    if let Some(ms) = request.latency {
        spec.latency = std::time::Duration::from_millis(ms);
    }
    let sandbox = Sandbox::start(spec)?;
    let settings = Settings::for_sandbox(&sandbox.settings());
    if !g.quiet && g.format == crate::report::Format::Human {
        crate::output::note(&format!(
            "Demo: the real checks against the built-in sandbox (scenario '{}': {}). No real account is contacted.\n",
            scenario.name, scenario.summary
        ));
    }
    // The demo diagnoses the sandbox's sample conversation of each helpdesk, so the session
    // evidence shows too.
    let targets: Vec<Target> = [
        Target::Ticket(conversations::GORGIAS_TICKET),
        Target::Conversation(conversations::INTERCOM_CONVERSATION.to_string()),
        Target::Thread(conversations::HUBSPOT_THREAD.to_string()),
    ]
    .into_iter()
    .map(|sample| request.objects.iter().find(|o| o.integration() == sample.integration()).cloned().unwrap_or(sample))
    .collect();
    let code = match (request.what, integration) {
        (DemoWhat::Session, _) => super::diagnose::session(g, settings, conversations::GORGIAS_SESSION),
        (_, Some(integration)) => {
            let target = targets.iter().find(|t| t.integration() == integration).cloned();
            let target = target.filter(|_| sweep.is_none());
            super::diagnose::helpdesk(g, settings, integration, symptom, target, sweep)
        }
        (_, None) if sweep.is_some() => super::diagnose::all_with_targets(g, settings, &[], sweep),
        (_, None) => super::diagnose::all_with_targets(g, settings, &targets, None),
    }?;
    if g.verbose > 0 {
        crate::output::note(&format!("sandbox: served {} request(s)", sandbox.requests().len()));
    }
    Ok(code)
}

/// `doctor demo watch HELPDESK [--scenario NAME]`: the sandbox plays a customer, OpenCX and the AI
/// on a timed script while the real watch follows the message.
pub fn watch(
    g: &Config,
    integration: Integration,
    scenario: Option<&str>,
    latency: Option<u64>,
    object: Option<String>,
    wait: std::time::Duration,
) -> anyhow::Result<u8> {
    use opencx_sandbox::watch::{find_watch_scenario, WATCH_SCENARIOS};
    let name = scenario.unwrap_or("watch-healthy");
    let Some(script) = find_watch_scenario(name) else {
        let hint = crate::suggest::did_you_mean(name, WATCH_SCENARIOS.iter().map(|s| s.name));
        anyhow::bail!(
            "no watch script is called '{name}'{hint}; they are: {}",
            WATCH_SCENARIOS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
        );
    };
    let mut spec = script.spec(Vendor::from(integration), 1.0);
    if let Some(ms) = latency {
        spec.latency = std::time::Duration::from_millis(ms);
    }
    let sandbox = Sandbox::start(spec)?;
    let settings = Settings::for_sandbox(&sandbox.settings());
    if !g.quiet && g.format == crate::report::Format::Human {
        crate::output::note(&format!(
            "Demo: `doctor watch {}` against the built-in sandbox, which plays the customer, OpenCX and the AI \
             (script '{}': {}). No real account is contacted.\n",
            integration.slug(),
            script.name,
            script.summary
        ));
    }
    super::watch::watch(g, settings, super::watch::Request { integration, object, wait })
}

/// `doctor demo --list [INTEGRATION]`: the scenarios a newcomer can run, grouped by integration.
pub fn list(g: &Config, only: Option<Integration>) -> anyhow::Result<u8> {
    let shown: Vec<_> = all_scenarios()
        .filter(|s| s.for_newcomers())
        .filter(|s| only.is_none_or(|i| s.integration.map(Integration::from).is_none_or(|x| x == i)))
        .collect();
    let about = |s: &sandbox::Scenario| s.integration.map(|v| Integration::from(v).slug()).unwrap_or("all");
    let text = match g.format {
        crate::report::Format::Json => {
            let items: Vec<_> = shown
                .iter()
                .map(|s| serde_json::json!({"name": s.name, "integration": about(s), "summary": s.summary, "diagnosed_by": s.diagnosed_by}))
                .collect();
            format!("{}\n", serde_json::to_string_pretty(&items)?)
        }
        _ => {
            let width = shown.iter().map(|s| s.name.len()).max().unwrap_or(0);
            let mut text = String::from("Scenarios (`doctor demo [INTEGRATION] --scenario NAME`):\n");
            for group in ["all", "opencx", "gorgias", "intercom", "hubspot"] {
                let members: Vec<_> = shown.iter().filter(|s| about(s) == group).collect();
                if members.is_empty() {
                    continue;
                }
                text.push_str(&format!("\n{group}\n"));
                for s in members {
                    text.push_str(&format!("  {:<width$}  {}\n", s.name, s.summary));
                }
            }
            text.push_str("\nwatch scripts (`doctor demo watch gorgias|intercom|hubspot --scenario NAME`)\n");
            for s in opencx_sandbox::watch::WATCH_SCENARIOS {
                text.push_str(&format!("  {:<width$}  {}\n", s.name, s.summary));
            }
            text
        }
    };
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(0)
}

// The sandbox is its own crate with its own names for the four APIs; these convert at the one
// place the product meets it (and let the tests write `Integration::Gorgias` for a fault).
impl From<Vendor> for Integration {
    fn from(v: Vendor) -> Integration {
        match v {
            Vendor::Gorgias => Integration::Gorgias,
            Vendor::Intercom => Integration::Intercom,
            Vendor::Hubspot => Integration::Hubspot,
            Vendor::Opencx => Integration::Opencx,
        }
    }
}

impl From<Integration> for Vendor {
    fn from(i: Integration) -> Vendor {
        match i {
            Integration::Gorgias => Vendor::Gorgias,
            Integration::Intercom => Vendor::Intercom,
            Integration::Hubspot => Vendor::Hubspot,
            Integration::Opencx => Vendor::Opencx,
        }
    }
}

impl PartialEq<Integration> for Vendor {
    fn eq(&self, other: &Integration) -> bool {
        Integration::from(*self) == *other
    }
}
