//! The commands around support bundles: `--bundle FILE` on a run (recording, then writing the
//! redacted file), `doctor replay FILE [--diff]` (the recorded checks again, offline) and
//! `doctor bundle show FILE` (what a bundle holds, for the customer to look before sending).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::diagnose::{register_secrets, run_document, Extra};
use crate::bundle::manifest::{Invocation, ItemRecord, Manifest, SettingRecord, BUNDLE_FORMAT};
use crate::bundle::scrub::Scrubber;
use crate::bundle::{self, Contents, Request};
use crate::config::Config;
use crate::engine::run::PlanItem;
use crate::http::record::{Recorder, Replayer};
use crate::report::{self, exit_code, Document, FailOn, Format};
use crate::sanitize::for_terminal;
use crate::settings::fields;
use crate::settings::Settings;
use crate::term::Style;

/// Before the run: the file can be written, and the note is asked for if a person is there.
pub fn prepare(config: &Config, request: &Request) -> anyhow::Result<Request> {
    request.check().map_err(anyhow::Error::msg)?;
    let mut request = request.clone();
    if request.note.is_none() && config.may_prompt() {
        let note: String = dialoguer::Input::new()
            .with_prompt("For OpenCX support: what did you expect, and what happened instead? (Enter to skip)")
            .allow_empty(true)
            .interact_text()
            .map_err(|e| anyhow::anyhow!("--bundle: could not read the note ({e}); give it with --note TEXT"))?;
        request.note = Some(note).filter(|n| !n.trim().is_empty());
    }
    Ok(request)
}

/// A run being recorded for a bundle: what the manifest needs from before the run.
pub struct Recording {
    pub recorder: Arc<Recorder>,
    pub started_at: DateTime<Utc>,
    started: std::time::Instant,
    profile: String,
    settings: Vec<SettingRecord>,
    invocation: Invocation,
    scrubber: Scrubber,
}

impl Recording {
    pub fn start(config: &Config, settings: &Settings, plan: &[PlanItem], all: bool, request: &Request) -> Recording {
        let secrets: Vec<(String, String)> = fields::FIELDS
            .iter()
            .filter(|f| f.is_secret())
            .filter_map(|f| settings.secret(f).map(|s| (f.dotted(), s.expose().to_string())))
            .collect();
        let basic = settings.get(&fields::gorgias::EMAIL).zip(settings.secret(&fields::gorgias::API_KEY));
        let urls: Vec<String> = settings.webhook_urls().map(str::to_string).collect();
        let scrubber = Scrubber::new(
            &secrets,
            basic.as_ref().map(|(user, key)| (*user, key.expose())),
            &urls,
            request.keep_customer_data,
        );
        Recording {
            recorder: Arc::new(Recorder::default()),
            started_at: Utc::now(),
            started: std::time::Instant::now(),
            profile: settings.profile.clone(),
            settings: setting_records(settings),
            invocation: Invocation {
                all,
                items: plan.iter().map(ItemRecord::of).collect(),
                only: config.only.clone(),
                skip: config.skip.clone(),
                timeout_secs: config.run_options(plan.iter().any(|p| p.sweep.is_some())).timeout.as_secs_f64(),
                watch: None,
                fail_on: match config.fail_on {
                    FailOn::Fail => "fail".into(),
                    FailOn::Warn => "warn".into(),
                },
            },
            scrubber,
        }
    }

    /// A watch's bundle: its verdicts depend on time, so a replay refuses it (the manifest says).
    pub fn mark_watch(&mut self, integration: crate::integration::Integration) {
        self.invocation.watch = Some(integration.slug().to_string());
    }

    /// After the run: the bundle, scrubbed, verified and written; its path and id said.
    pub fn finish(mut self, request: &Request, document: &Document) -> anyhow::Result<()> {
        let manifest = Manifest {
            bundle_format: BUNDLE_FORMAT,
            doctor_version: env!("CARGO_PKG_VERSION").to_string(),
            command: command_line(),
            profile: self.profile.clone(),
            started_at: self.started_at.to_rfc3339_opts(SecondsFormat::Nanos, true),
            duration_ms: u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
            os: std::env::consts::OS.to_string(),
            arch: std::env::consts::ARCH.to_string(),
            customer_data: if request.keep_customer_data { "kept" } else { "pseudonymised" }.to_string(),
            note: request.note.clone(),
            settings: self.settings.clone(),
            invocation: self.invocation.clone(),
        };
        let contents = Contents {
            manifest,
            report_json: report::renderer(Format::Json, Style::PLAIN, false, true).render(document),
            report_md: report::renderer(Format::Markdown, Style::PLAIN, false, true).render(document),
            exchanges: self.recorder.exchanges(),
        };
        let written = bundle::write(request, contents, &mut self.scrubber).map_err(anyhow::Error::msg)?;
        let data = if request.keep_customer_data { "customer data kept" } else { "customer data pseudonymised" };
        crate::output::note(&format!(
            "Support bundle written: {} (bundle id {}, {}, {data}). Quote the id to OpenCX support; \
             `doctor bundle show {}` lists what it holds.",
            written.path.display(),
            written.id,
            size(written.bytes as u64),
            written.path.display()
        ));
        Ok(())
    }
}

/// Every setting the run had, with its source; secrets by name (and shape) only.
fn setting_records(settings: &Settings) -> Vec<SettingRecord> {
    fields::FIELDS
        .iter()
        .filter_map(|field| {
            let entry = settings.entry(field)?;
            let (value, shape) = if field.is_secret() {
                let shape = (**field == fields::hubspot::TOKEN)
                    .then(|| settings.secret(field).map(|t| crate::vendors::hubspot::token_shape(t.expose())))
                    .flatten();
                (None, shape)
            } else {
                (settings.get(field).map(str::to_string), None)
            };
            Some(SettingRecord {
                setting: field.dotted(),
                source: entry.source.to_string(),
                value,
                secret: field.is_secret(),
                shape,
            })
        })
        .collect()
}

/// The command line as typed, each word quoted where a shell would need it.
fn command_line() -> String {
    let words: Vec<String> = std::env::args()
        .enumerate()
        .map(|(i, a)| if i == 0 { "doctor".to_string() } else { a })
        .map(|a| {
            if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c)) {
                a
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect();
    words.join(" ")
}

/// A stand-in for a recorded secret: what the replayed clients hold instead (never sent).
fn stand_in(record: &SettingRecord) -> String {
    match record.shape.as_deref() {
        Some(shape) if record.setting == fields::hubspot::TOKEN.dotted() => {
            crate::vendors::hubspot::stand_in_token(shape)
        }
        _ => format!("replay-stand-in-{}", record.setting.replace('.', "-")),
    }
}

/// `doctor replay FILE [--diff]`.
pub fn replay(g: &Config, file: &Path, diff: bool) -> anyhow::Result<u8> {
    if diff {
        g.only_formats("replay --diff", &[Format::Human, Format::Json])?;
    }
    let bundle = bundle::read(file).map_err(anyhow::Error::msg)?;
    let m = &bundle.manifest;
    if let Some(helpdesk) = &m.invocation.watch {
        anyhow::bail!(
            "{} is the bundle of `doctor watch {}`: a watch follows a message in time, so it is not replayed;              `doctor bundle show {}` lists what it holds, and its report.json has the verdicts",
            file.display(),
            for_terminal(helpdesk),
            file.display()
        );
    }
    let mut values = Vec::new();
    let mut substitutions = Vec::new();
    for record in &m.settings {
        if record.secret {
            let stand_in = stand_in(record);
            substitutions.push((stand_in.clone(), format!("[secret:{}]", record.setting)));
            values.push((record.setting.clone(), stand_in));
        } else if let Some(value) = &record.value {
            values.push((record.setting.clone(), value.clone()));
        }
    }
    let settings =
        Settings::for_replay(&m.profile, &values).map_err(|e| anyhow::anyhow!("the bundle's settings: {e}"))?;
    register_secrets(&settings);
    let plan = m
        .invocation
        .items
        .iter()
        .map(ItemRecord::plan_item)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("the bundle's command cannot be run by this doctor: {e}"))?;
    let now = DateTime::parse_from_rfc3339(&m.started_at)
        .map_err(|e| anyhow::anyhow!("the bundle's start time '{}': {e}", for_terminal(&m.started_at)))?
        .with_timezone(&Utc);
    let replayer = Arc::new(Replayer::new(bundle.exchanges.clone(), substitutions));
    let mut config = g.clone();
    config.only = m.invocation.only.clone();
    config.skip = m.invocation.skip.clone();
    config.fail_on = if m.invocation.fail_on == "warn" { FailOn::Warn } else { FailOn::Fail };
    // A replay answers at once; there is no one to show progress to.
    config.bundle = None;
    if g.format == Format::Human && !g.quiet {
        crate::output::note(&format!(
            "Replaying bundle {} — `{}`, recorded {} by doctor {} ({} exchanges). Nothing is sent: every answer comes from the bundle.\n",
            bundle.id,
            for_terminal(&m.command),
            for_terminal(&m.started_at),
            for_terminal(&m.doctor_version),
            bundle.exchanges.len()
        ));
    }
    let timeout = Duration::try_from_secs_f64(m.invocation.timeout_secs).ok().filter(|t| !t.is_zero());
    let extra = Extra { replay: Some(replayer.clone()), recorder: None, now: Some(now), timeout };
    let document = run_document(&config, settings, plan, m.invocation.all, extra)?;
    let missing = replayer.not_recorded();
    if diff {
        return diff_report(g, &bundle, &document);
    }
    let style = Style::detect(g.color, g.output.is_none());
    let text = report::renderer(g.format, style, g.quiet, g.verbose > 0).render(&document);
    crate::output::emit(&text, g.output.as_deref())?;
    if !missing.is_empty() && g.format == Format::Human {
        let shown: Vec<String> = missing.iter().take(5).map(|m| for_terminal(m)).collect();
        crate::output::note(&format!(
            "{} request(s) of this run are not in the bundle, so their checks are `error`: {}{}",
            missing.len(),
            shown.join(", "),
            if missing.len() > 5 { ", …" } else { "" }
        ));
    }
    Ok(exit_code(&report::unaccepted(&document), config.fail_on))
}

/// Each check's status, by report and check id, from a report as JSON.
fn statuses(report: &Value) -> BTreeMap<(String, String), String> {
    let runs: Vec<&Value> = match report["runs"].as_array() {
        Some(runs) => runs.iter().collect(),
        None => vec![report],
    };
    let mut out = BTreeMap::new();
    for run in runs {
        let integration = run["integration"].as_str().unwrap_or("").to_string();
        for check in run["checks"].as_array().into_iter().flatten() {
            if let (Some(id), Some(status)) = (check["id"].as_str(), check["status"].as_str()) {
                out.insert((integration.clone(), id.to_string()), status.to_string());
            }
        }
    }
    out
}

/// A check whose status differs: its key, the recorded status and the replayed one.
type Changed<'a> = (&'a (String, String), Option<&'a String>, Option<&'a String>);

/// `--diff`: the checks whose status differs between the recording and this doctor.
fn diff_report(g: &Config, bundle: &bundle::Bundle, document: &Document) -> anyhow::Result<u8> {
    let recorded = statuses(&bundle.report);
    let replayed: BTreeMap<(String, String), String> = document
        .runs()
        .iter()
        .flat_map(|run| {
            run.checks
                .iter()
                .map(|c| ((run.integration.slug().to_string(), c.id.clone()), c.status.as_str().to_string()))
        })
        .collect();
    let mut keys: Vec<&(String, String)> = recorded.keys().chain(replayed.keys()).collect();
    keys.sort();
    keys.dedup();
    let changed: Vec<Changed> =
        keys.iter().map(|k| (*k, recorded.get(*k), replayed.get(*k))).filter(|(_, a, b)| a != b).collect();
    let text = match g.format {
        Format::Json => {
            let items: Vec<Value> = changed
                .iter()
                .map(|((integration, id), a, b)| json!({"integration": integration, "check": id, "recorded": a, "replayed": b}))
                .collect();
            format!(
                "{}\n",
                serde_json::to_string_pretty(&json!({"bundle": bundle.id, "compared": keys.len(), "changed": items}))?
            )
        }
        _ => {
            let mut text = String::new();
            if changed.is_empty() {
                text.push_str(&format!(
                    "No check changed its verdict: {} checks compared with the recorded report (bundle {}).\n",
                    keys.len(),
                    bundle.id
                ));
            } else {
                text.push_str(&format!(
                    "{} of {} checks changed their verdict since the bundle was recorded (bundle {}):\n",
                    changed.len(),
                    keys.len(),
                    bundle.id
                ));
                let width = changed.iter().map(|((_, id), _, _)| id.len()).max().unwrap_or(0);
                for ((_, id), a, b) in &changed {
                    let shown = |s: &Option<&String>| s.map(|s| s.to_string()).unwrap_or_else(|| "not run".into());
                    text.push_str(&format!("  {:width$}  {} → {}\n", for_terminal(id), shown(a), shown(b)));
                }
                text.push_str(
                    "`doctor replay FILE` prints the full report; `doctor explain CHECK` says what a check looks at.\n",
                );
            }
            text
        }
    };
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(u8::from(!changed.is_empty()))
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes >= 1_000 {
        format!("{:.1} kB", bytes as f64 / 1_000.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// `doctor bundle show FILE`.
pub fn show(g: &Config, file: &Path) -> anyhow::Result<u8> {
    let bundle = bundle::read(file).map_err(anyhow::Error::msg)?;
    let m = &bundle.manifest;
    let mut by_vendor: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &bundle.exchanges {
        *by_vendor.entry(e.vendor.as_str()).or_default() += 1;
    }
    let text = match g.format {
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&json!({
                "bundle_id": bundle.id,
                "bytes": bundle.bytes,
                "manifest": m,
                "redactions": bundle.redactions,
                "members": bundle.members.iter().map(|(n, b)| json!({"name": n, "bytes": b})).collect::<Vec<_>>(),
                "exchanges": by_vendor,
            }))?
        ),
        _ => show_text(file, &bundle, &by_vendor),
    };
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(0)
}

fn show_text(file: &Path, bundle: &bundle::Bundle, by_vendor: &BTreeMap<&str, usize>) -> String {
    let m = &bundle.manifest;
    let t = |s: &str| for_terminal(s);
    let mut out = format!("Bundle {} ({}, {})\n", bundle.id, file.display(), size(bundle.bytes as u64));
    out.push_str(&format!("  command        {}\n", t(&m.command)));
    out.push_str(&format!("  doctor         {} on {} {}\n", t(&m.doctor_version), t(&m.os), t(&m.arch)));
    out.push_str(&format!("  profile        {}\n", t(&m.profile)));
    out.push_str(&format!("  started        {} ({} ms)\n", t(&m.started_at), m.duration_ms));
    out.push_str(&format!("  customer data  {}\n", t(&m.customer_data)));
    out.push_str(&format!("  note           {}\n", m.note.as_deref().map(t).unwrap_or_else(|| "(none)".into())));
    out.push_str("\nSettings (secrets are named, never included)\n");
    let width = m.settings.iter().map(|s| s.setting.len()).max().unwrap_or(0);
    for s in &m.settings {
        let value =
            if s.secret { "(secret: not in the bundle)".to_string() } else { t(s.value.as_deref().unwrap_or("")) };
        out.push_str(&format!("  {:width$}  {value}  [{}]\n", t(&s.setting), t(&s.source)));
    }
    out.push_str("\nRedactions (how many values were replaced; the values are not in the bundle)\n");
    let replaced = &bundle.redactions["replaced"];
    for (key, label) in [
        ("secrets", "secrets"),
        ("webhook_tokens", "webhook URL tokens"),
        ("emails", "emails"),
        ("names", "names"),
        ("phone_numbers", "phone numbers"),
        ("message_texts", "message texts"),
    ] {
        out.push_str(&format!("  {label:<20} {}\n", replaced[key].as_u64().unwrap_or(0)));
    }
    out.push_str("\nMembers\n");
    for (name, bytes) in &bundle.members {
        out.push_str(&format!("  {:<16} {}\n", t(name), size(*bytes)));
    }
    let exchanges: Vec<String> = by_vendor.iter().map(|(v, n)| format!("{} {n}", t(v))).collect();
    out.push_str(&format!("\n{} HTTP exchanges ({}).\n", bundle.exchanges.len(), exchanges.join(", ")));
    out.push_str(&format!("Replay it offline: doctor replay {}\n", file.display()));
    out
}
