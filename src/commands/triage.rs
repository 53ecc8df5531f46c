//! `doctor` alone, on a terminal: triage from "what are you seeing?". It asks which integration
//! (the configured ones first), the symptom in the words of OpenCX's troubleshooting pages, the
//! object when the symptom's checks need one, and the questions no API can answer where they
//! decide the diagnosis — then prints the equivalent command (so the next run can be scripted)
//! and runs it. The user's answers are in the report as reported by the user, never as a pass.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

use crate::checks;
use crate::config::Config;
use crate::integration::Integration;
use crate::report::model::{CheckResult, Status};
use crate::symptom::Symptom;
use crate::target::Target;

/// The symptom as OpenCX's troubleshooting pages name it.
fn words(integration: Integration, symptom: &Symptom) -> &'static str {
    match (integration, symptom.slug) {
        (Integration::Gorgias, "credentials") => "\"Failed to save\" / the credentials are rejected",
        (Integration::Intercom, "credentials") => "\"Failed to verify credentials\"",
        (Integration::Hubspot, "credentials") => "The connection test fails",
        (_, "webhook") => "Webhook not receiving events",
        (_, "ai-silent") => "AI not responding",
        (_, "handoff-routing") => "Handed-off tickets do not reach a person",
        (_, "duplicates") => "Duplicate AI replies",
        (_, "sender") => "AI replies appear from the wrong user",
        (_, "after-handoff") => "The AI keeps replying after a handoff",
        (_, "handoff-stuck") => "Handed off, but still assigned to the AI",
        (_, "assist") => "Assist mode posts no drafts",
        (_, "attributes") => "Custom attributes are not updated",
        (_, "companies") => "Company data is missing",
        (_, "scopes") => "Missing scopes / permission errors",
        (_, "no-ticket") => "No HubSpot ticket after a handoff",
        (_, "replies") => "Rep replies do not reach the customer",
        (_, "crm-panel") => "The CRM panel shows no HubSpot data",
        _ => symptom.label,
    }
}

/// A question no API answers, asked where the answer decides the diagnosis.
struct Question {
    id: &'static str,
    text: &'static str,
    /// What a "no" means, and the fix.
    if_no: (&'static str, &'static str),
}

fn questions(symptom: &str) -> &'static [Question] {
    match symptom {
        "ai-silent" => &[Question {
            id: "autopilot-on",
            text: "Is Autopilot enabled for this channel in OpenCX (AI Agent → Autopilot)?",
            if_no: (
                "reported by the user: Autopilot is off for the channel, so the AI does not answer there",
                "In OpenCX: AI Agent → Autopilot: turn Autopilot on for the channel (e.g. Email or Web), then send a test \
                 message (`doctor watch` follows it).",
            ),
        }],
        "assist" => &[Question {
            id: "assist-on",
            text: "Is Assist turned on for this channel in OpenCX (AI Agent → Autopilot → Assist)?",
            if_no: (
                "reported by the user: Assist is off for the channel, so no drafts are posted",
                "In OpenCX: AI Agent → Autopilot → Assist: turn Assist on for the channel.",
            ),
        }],
        _ => &[],
    }
}

/// Ctrl-C and Esc end the triage with nothing run (130, as for any interrupted command).
fn answered<T>(result: dialoguer::Result<Option<T>>) -> anyhow::Result<T> {
    match result {
        Ok(Some(value)) => Ok(value),
        Ok(None) => {
            crate::output::stderr_line("Nothing was run.");
            crate::signals::leave_interrupted()
        }
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            crate::signals::leave_interrupted()
        }
        Err(e) => {
            anyhow::bail!("the triage could not read the terminal ({e}); run a command instead (`doctor --help`)")
        }
    }
}

/// The whole flow; returns the exit code of the run it ends with.
pub fn triage(g: &Config) -> anyhow::Result<u8> {
    let theme = ColorfulTheme::default();
    let settings = g.settings_as_they_are()?;
    let mut helpdesks: Vec<Integration> = Integration::HELPDESKS.to_vec();
    helpdesks.sort_by_key(|i| !settings.is_configured(*i));
    let items: Vec<String> =
        helpdesks
            .iter()
            .map(|i| {
                if settings.is_configured(*i) {
                    i.name().to_string()
                } else {
                    format!("{} (not configured)", i.name())
                }
            })
            .collect();
    let picked =
        answered(Select::with_theme(&theme).with_prompt("Which integration?").items(&items).default(0).interact_opt())?;
    let integration = helpdesks[picked];
    if !settings.is_configured(integration) {
        anyhow::bail!(
            "{} is not configured in profile '{}': run `doctor login {}` first (or try `doctor demo {}`)",
            integration.name(),
            settings.profile,
            integration.slug(),
            integration.slug()
        );
    }
    let symptoms = crate::symptom::of(integration);
    let mut items: Vec<String> = symptoms.iter().map(|s| words(integration, s).to_string()).collect();
    items.push("Something else — check everything".into());
    let picked = answered(
        Select::with_theme(&theme).with_prompt("What are you seeing?").items(&items).default(0).interact_opt(),
    )?;
    let symptom = symptoms.get(picked).copied();
    let catalogue = checks::catalogue();
    let own: Vec<_> = catalogue.iter().filter(|c| symptom.is_none_or(|s| c.symptom == s)).collect();
    let needs_object = own.iter().any(|c| c.needs_target);
    let mut target = None;
    if needs_object {
        let noun = integration.object_name();
        let parse = crate::cli::id_parser(integration);
        let text: dialoguer::Result<Option<String>> = Input::with_theme(&theme)
            .with_prompt(format!("Which {noun}? Its id or URL (Enter to skip)"))
            .allow_empty(true)
            .validate_with(|s: &String| if s.trim().is_empty() { Ok(()) } else { parse(s.trim()).map(|_| ()) })
            .interact_text()
            .map(Some);
        let text = answered(text)?;
        if !text.trim().is_empty() {
            let id = parse(text.trim()).map_err(anyhow::Error::msg)?;
            target = Some(match integration {
                Integration::Gorgias => Target::Ticket(id.parse()?),
                Integration::Intercom => Target::Conversation(id),
                _ => Target::Thread(id),
            });
        }
    }
    let mut reported = Vec::new();
    for q in symptom.map(|s| questions(s.slug)).unwrap_or_default() {
        let choice = answered(
            Select::with_theme(&theme).with_prompt(q.text).items(["yes", "no", "don't know"]).default(0).interact_opt(),
        )?;
        let (status, detail, fix) = match choice {
            1 => (Status::Warn, q.if_no.0.to_string(), Some(q.if_no.1.to_string())),
            0 => (Status::Info, "reported by the user: yes (the doctor cannot read this setting)".to_string(), None),
            _ => (
                Status::Info,
                "reported by the user: not known (the doctor cannot read this setting)".to_string(),
                Some(format!("Check it in OpenCX: {}", q.text.trim_end_matches('?'))),
            ),
        };
        let id = format!("{}.triage.{}", integration.slug(), q.id);
        let mut result = CheckResult::made(id, integration, "triage", q.text.to_string(), status, detail);
        result.fix = fix.or_else(|| Some("Nothing to do: this is what you told the doctor.".into()));
        reported.push(result);
    }
    // Without the object, a symptom about one object would only report skips: the account-level
    // checks run instead, and the command says so.
    let object_heavy = symptom.is_some_and(|s| checks::ObjectChecks::of(s).about_one_object());
    let symptom = symptom.filter(|_| target.is_some() || !object_heavy);
    let mut command = format!("doctor {}", integration.slug());
    if let Some(s) = symptom {
        command.push_str(&format!(" {}", s.slug));
    }
    if let Some(t) = &target {
        command.push_str(&format!(" {} {}", integration.target_flag().unwrap_or("--id"), t.id()));
    }
    if g.profile != "default" {
        command.push_str(&format!(" --profile {}", g.profile));
    }
    crate::output::note(&format!("Running: {command}\n"));
    let mut config = g.clone();
    config.reported = reported;
    let settings = g.settings(&[integration, Integration::Opencx])?;
    super::diagnose::helpdesk(&config, settings, integration, symptom, target, None)
}
