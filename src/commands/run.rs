//! Runs checks and reports: one helpdesk (`doctor gorgias …`), every configured one
//! (`doctor all`), or the demo against the sandbox. Everything is validated before the first
//! request, so a usage or configuration problem is exit 2 with nothing checked.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::time::Instant;

use crate::checks;
use crate::cli::Global;
use crate::engine::runner::{self, OnDone};
use crate::engine::select::{select, Selection};
use crate::engine::{Check, Ctx, Target};
use crate::facts::Facts;
use crate::http::{Http, HttpOptions};
use crate::integration::Integration;
use crate::report::{self, exit_code, AllReport, Document, Format, Report, Summary};
use crate::settings::Settings;
use crate::term::{spinners_allowed, Style};

/// Per-request ceiling inside the run's deadline.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

pub fn helpdesk(
    g: &Global,
    settings: Settings,
    integration: Integration,
    symptom: Option<String>,
    target: Target,
) -> anyhow::Result<u8> {
    settings.require(integration)?;
    if let (Some(symptom), None) = (symptom.as_deref(), target.id_for(integration)) {
        // A symptom about one conversation, asked without one, would only report skips.
        let own: Vec<&Check> =
            checks::catalogue().into_iter().filter(|c| c.integration == integration && c.symptom == symptom).collect();
        let need = own.iter().filter(|c| c.needs_target).count();
        if need * 2 > own.len() {
            let flag = integration.target_flag().unwrap_or("--id");
            anyhow::bail!(
                "`doctor {} {symptom}` looks at one {}: {need} of its {} checks need it. Add {flag} ID (the id or \
                 the helpdesk's URL of the {} where you saw the problem), or run `doctor {}` for the account-level checks",
                integration.slug(),
                integration.object_name(),
                own.len(),
                integration.object_name(),
                integration.slug()
            );
        }
    }
    let plan = vec![Plan { integration, symptom }];
    execute(g, settings, plan, target, false)
}

pub fn all(g: &Global, settings: Settings, require: &[Integration]) -> anyhow::Result<u8> {
    for integration in require {
        settings.require(*integration).map_err(|e| anyhow::anyhow!("--require {}: {e}", integration.slug()))?;
    }
    // An integration with some settings but not all (a CI secret that did not arrive) is a
    // configuration error, not an integration to leave out silently.
    for integration in Integration::HELPDESKS.into_iter().chain([Integration::Opencx]) {
        if settings.has_any(integration) {
            settings.require(integration).map_err(|e| {
                anyhow::anyhow!("{e}. `doctor all` checks every integration that has settings; remove the others' settings or complete them")
            })?;
        }
    }
    all_with_target(g, settings, Target::default())
}

/// `doctor all`, with helpdesk ids for the integrations that have one (the demo's sample objects).
pub fn all_with_target(g: &Global, settings: Settings, target: Target) -> anyhow::Result<u8> {
    let plan: Vec<Plan> = Integration::HELPDESKS
        .into_iter()
        .filter(|i| settings.is_configured(*i))
        .map(|integration| Plan { integration, symptom: None })
        .collect();
    if plan.is_empty() {
        anyhow::bail!(
            "no integration is configured in profile '{}': run `doctor login gorgias|intercom|hubspot`, set the DOCTOR_* \
             environment variables (`doctor config show` lists them), or try `doctor demo`",
            settings.profile
        );
    }
    execute(g, settings, plan, target, true)
}

/// `doctor session ID`: the OpenCX checks on one session, with its timeline.
pub fn session(g: &Global, settings: Settings, id: &str) -> anyhow::Result<u8> {
    settings.require(Integration::Opencx)?;
    let target = Target { session: Some(id.to_string()), ..Target::default() };
    execute(g, settings, vec![Plan { integration: Integration::Opencx, symptom: None }], target, false)
}

pub struct Plan {
    pub integration: Integration,
    pub symptom: Option<String>,
}

/// Registers every secret the settings hold with the output redactor.
fn register_secrets(settings: &Settings) {
    for secret in settings.secrets() {
        crate::redact::register(&secret);
    }
    for integration in Integration::HELPDESKS {
        if let Some(url) = settings.get(integration, "webhook_url") {
            crate::redact::register_url_tokens(url);
        }
    }
}

pub fn execute(g: &Global, settings: Settings, plan: Vec<Plan>, target: Target, all: bool) -> anyhow::Result<u8> {
    register_secrets(&settings);
    let catalogue = checks::catalogue();
    let mut chosen: Vec<(Integration, Vec<&'static Check>)> = Vec::new();
    for p in &plan {
        let selection =
            Selection { integration: p.integration, symptom: p.symptom.as_deref(), only: &g.only, skip: &g.skip };
        let picked = select(&catalogue, &selection).map_err(anyhow::Error::msg)?;
        if picked.is_empty() {
            anyhow::bail!(
                "--only/--skip leave no {} check to run (only: {}; skip: {}); `doctor checks {}` lists them",
                p.integration.name(),
                if g.only.is_empty() { "-".to_string() } else { g.only.join(", ") },
                if g.skip.is_empty() { "-".to_string() } else { g.skip.join(", ") },
                p.integration.slug()
            );
        }
        chosen.push((p.integration, picked));
    }
    let to_terminal = g.output.is_none();
    let style = Style::detect(g.color, to_terminal);
    let total: usize = chosen.iter().map(|(_, c)| c.len()).sum();
    let spinner = (g.format == Format::Human && !g.quiet && g.verbose == 0 && spinners_allowed()).then(|| {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(ProgressStyle::with_template("{spinner} {msg} {pos}/{len}").expect("static template"));
        bar.set_message("checking");
        bar.enable_steady_tick(Duration::from_millis(100));
        bar
    });
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let settings = Arc::new(settings);
    let started_at = Utc::now();
    let reports = runtime.block_on(async {
        let deadline = Instant::now() + Duration::from_secs_f64(g.timeout);
        // Requests give up a little before the checks do, so a check that waited on a silent
        // vendor reports which request hung rather than only that time ran out.
        let http_deadline = deadline - Duration::from_secs_f64((g.timeout * 0.1).min(0.5));
        let http = Http::new(HttpOptions {
            jobs: usize::from(g.jobs),
            deadline: http_deadline,
            request_timeout: REQUEST_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            trace: g.verbose > 0,
        });
        let on_done: Option<OnDone> = spinner.clone().map(|bar| {
            let bar = Mutex::new(bar);
            Arc::new(move |r: &report::CheckResult| {
                let bar = bar.lock().unwrap_or_else(|p| p.into_inner());
                bar.set_message(format!("checked {}", r.id));
                bar.inc(1);
            }) as OnDone
        });
        let facts = Arc::new(Facts::new(&http, &settings));
        let runs = chosen.into_iter().map(|(integration, checks)| {
            let cx = Arc::new(Ctx {
                integration,
                settings: settings.clone(),
                target: target.clone(),
                facts: facts.clone(),
                now: started_at,
            });
            let on_done = on_done.clone();
            async move {
                let started = Instant::now();
                // Start every fetch whose ids are known now; the checks then find them in flight.
                let prefetch = tokio::spawn(crate::facts::prefetch::prefetch(cx.clone(), checks.clone()));
                let results = runner::run(&checks, cx.clone(), deadline, on_done).await;
                prefetch.abort();
                let session = cx.facts.session_evidence_loaded(integration, &cx.target).map(|e| (*e).clone());
                (integration, results, started.elapsed(), session)
            }
        });
        futures::future::join_all(runs).await
    });
    // Leave nothing running past the deadline (e.g. a hung body read).
    runtime.shutdown_timeout(Duration::from_millis(100));
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    let reports: Vec<Report> = reports
        .into_iter()
        .map(|(integration, checks, elapsed, session)| Report {
            schema_version: report::model::SCHEMA_VERSION,
            tool: report::model::TOOL,
            profile: settings.profile.clone(),
            integration,
            target: target
                .entries()
                .into_iter()
                .filter(|(k, _)| *k == integration.object_name())
                .map(|(k, v)| (k.to_string(), v))
                .collect::<BTreeMap<_, _>>(),
            started_at: started_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            duration_ms: elapsed.as_millis() as u64,
            summary: Summary::of(&checks),
            not_run: report::model::NotRun::of(&checks),
            checks,
            session,
        })
        .collect();
    let document = if all {
        let mut summary = Summary::default();
        for r in &reports {
            summary.merge(&r.summary);
        }
        Document::All(AllReport { schema_version: report::model::SCHEMA_VERSION, runs: reports, summary })
    } else {
        Document::One(Box::new(reports.into_iter().next().expect("one plan, one report")))
    };
    let text = report::renderer(g.format, style, g.quiet).render(&document);
    crate::output::emit(&text, g.output.as_deref())?;
    let code = exit_code(&document.summary(), g.fail_on);
    if let Some(path) = &g.output {
        if !g.quiet {
            crate::output::note(&format!("report written to {} (exit status {code})", path.display()));
        }
    }
    Ok(code)
}
