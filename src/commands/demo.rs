//! `doctor demo`: starts the sandbox in-process, points the real clients at it and runs the real
//! checks. A newcomer's first command; also how every scenario is shown.

use crate::config::Config;
use crate::integration::Integration;
use crate::settings::Settings;
use crate::target::Target;
use opencx_sandbox::{self as sandbox, all_scenarios, conversations, Sandbox, Vendor};

pub fn demo(g: &Config, integration: Option<Integration>, scenario: Option<&str>, list: bool) -> anyhow::Result<u8> {
    if list {
        let mut text = String::from("Scenarios (`doctor demo [INTEGRATION] --scenario NAME`):\n");
        for s in all_scenarios() {
            let about = s.integration.map(|i| i.slug()).unwrap_or("all");
            text.push_str(&format!("  {:<28} {:<9} {}\n", s.name, about, s.summary));
        }
        crate::output::emit(&text, g.output.as_deref())?;
        return Ok(0);
    }
    let name = scenario.unwrap_or("healthy");
    let Some(scenario) = sandbox::find_scenario(name) else {
        anyhow::bail!("no sandbox scenario is called '{name}' (run `doctor demo --list`)");
    };
    let about = scenario.integration.map(Integration::from);
    if let (Some(asked), Some(about)) = (integration, about) {
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
    let integration = integration.or(about.filter(|i| *i != Integration::Opencx));
    let sandbox = Sandbox::start((scenario.build)())?;
    let settings = Settings::for_sandbox(&sandbox.settings());
    if !g.quiet && g.format == crate::report::Format::Human {
        crate::output::note(&format!(
            "Demo: the real checks against the built-in sandbox (scenario '{}': {}). No real account is contacted.\n",
            scenario.name, scenario.summary
        ));
    }
    // The demo diagnoses the sandbox's sample conversation of each helpdesk, so the session
    // evidence shows too.
    let targets = [
        Target::Ticket(conversations::GORGIAS_TICKET),
        Target::Conversation(conversations::INTERCOM_CONVERSATION.to_string()),
        Target::Thread(conversations::HUBSPOT_THREAD.to_string()),
    ];
    let code = match integration {
        Some(integration) => {
            let target = targets.iter().find(|t| t.integration() == integration).cloned();
            super::diagnose::helpdesk(g, settings, integration, None, target)
        }
        None => super::diagnose::all_with_targets(g, settings, &targets),
    }?;
    if g.verbose > 0 {
        crate::output::note(&format!("sandbox: served {} request(s)", sandbox.requests().len()));
    }
    Ok(code)
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
