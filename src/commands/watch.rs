//! `doctor watch gorgias|intercom|hubspot`: says what to do ("send a message as a customer
//! now"), then follows that message stage by stage, each a live line that turns into ✓/✗ with
//! its time; a stage not reached within `--wait` fails with its diagnosis, and that symptom's
//! checks run right then, their findings in the same report. Ctrl-C ends it with the report so
//! far (exit 130).

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::time::Instant;

use super::diagnose::{register_secrets, run_document, Extra};
use crate::config::Config;
use crate::engine::run::PlanItem;
use crate::facts::Facts;
use crate::http::{Http, HttpOptions};
use crate::integration::Integration;
use crate::report::model::{NotRun, Status, Summary, TargetValue, SCHEMA_VERSION, TOOL};
use crate::report::{self, exit_code, Document, Report};
use crate::settings::{fields, Settings};
use crate::target::Target;
use crate::term::{spinners_allowed, Style};
use crate::watch::observe::{observe, Ai};
use crate::watch::schedule::{floor, per_poll, Backoff};
use crate::watch::{human_duration, Progress, WatchBlock, SECOND_REPLY_WINDOW, STAGES};

/// What to watch.
pub struct Request {
    pub integration: Integration,
    /// The object to watch; none: the first object a customer writes on.
    pub object: Option<String>,
    pub wait: Duration,
}

pub fn watch(config: &Config, settings: Settings, request: Request) -> anyhow::Result<u8> {
    let integration = request.integration;
    settings.require(integration)?;
    settings.require(Integration::Opencx)?;
    register_secrets(&settings);
    let bundle = match &config.bundle {
        Some(b) => Some(super::bundle::prepare(config, b)?),
        None => None,
    };
    // A bad id is a usage error before anything is sent.
    request.object.as_ref().map(|id| target_of(integration, id)).transpose()?;
    let plan: Vec<PlanItem> = Vec::new();
    let recording = bundle.as_ref().map(|b| {
        let mut r = super::bundle::Recording::start(config, &settings, &plan, false, b);
        r.mark_watch(integration);
        r
    });
    let interactive = config.may_prompt() && spinners_allowed();
    let noun = integration.object_name();
    if config.may_prompt() {
        let place = match &request.object {
            Some(id) => format!(" on {noun} #{id}"),
            None => String::new(),
        };
        let account = match integration {
            Integration::Gorgias => {
                format!("{}'s support address", settings.get(&fields::gorgias::DOMAIN).unwrap_or("the account"))
            }
            Integration::Intercom => "the Messenger or support email connected to Intercom".into(),
            _ => "the inbox channel connected to HubSpot".into(),
        };
        crate::output::note(&format!(
            "Send a message as a customer to {account}{place} now; waiting up to {} (Ctrl-C stops and reports).",
            human_duration(request.wait)
        ));
    }
    crate::signals::defer_interrupt();
    let ai = Ai {
        gorgias_user: settings.id(&fields::gorgias::AI_USER_ID),
        intercom_admin: settings.get(&fields::intercom::AI_ADMIN_ID).map(str::to_string),
        hubspot_user: settings.get(&fields::hubspot::AI_USER_ID).map(|u| u.trim_start_matches("A-").to_string()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let started_at = Utc::now();
    let recorder = recording.as_ref().map(|r| r.recorder.clone());
    let style = Style::detect(config.color, config.output.is_none());
    let live = interactive.then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("static template"));
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let say = |line: String| match &live {
        Some(bar) => bar.println(line),
        None => crate::output::stderr_line(&line),
    };
    let (progress, polls, ended, waited, last_error) = runtime.block_on(async {
        let http = Http::new(HttpOptions {
            jobs: usize::from(config.jobs),
            deadline: Instant::now() + request.wait + Duration::from_secs(60),
            request_timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(5),
            trace: config.verbose > 0,
            trace_headers: config.verbose > 1,
            activity: None,
            tuning: config.tuning,
            recorder: recorder.clone(),
            replay: None,
        });
        let started = Instant::now();
        let mut progress = Progress::default();
        let mut polls: BTreeMap<String, usize> = BTreeMap::new();
        let mut backoff = Backoff::new(floor(&per_poll(integration, request.object.is_some(), false)));
        let mut last_error: Option<String> = None;
        let mut shown = 0;
        let ended = loop {
            if crate::signals::interrupted() {
                break "interrupted";
            }
            let elapsed = started.elapsed();
            // The wait's end gets one last look (a second reply may have come meanwhile).
            let last = elapsed >= request.wait;
            let facts = Facts::new(&http, &settings);
            let object = progress.object.clone().or(request.object.clone());
            let changed = match observe(&facts, integration, object.as_deref(), started_at, &ai).await {
                Ok(seen) => {
                    *polls.entry(integration.slug().to_string()).or_default() += 1;
                    if seen.read_opencx {
                        *polls.entry("opencx".to_string()).or_default() += 1;
                    }
                    last_error = None;
                    progress.update(&seen, elapsed, noun)
                }
                Err(e) => {
                    *polls.entry(integration.slug().to_string()).or_default() += 1;
                    last_error = Some(e);
                    false
                }
            };
            // Each stage reached is said once, as it is reached.
            let results = progress.results(integration, elapsed, true);
            while shown < results.len()
                && results[shown].status == Status::Pass
                && progress.reached(STAGES[shown]).is_some()
            {
                say(format!(
                    "{} {}  {}",
                    crate::report::human::status_symbol(style, Status::Pass),
                    STAGES[shown].slug(),
                    results[shown].detail
                ));
                shown += 1;
            }
            if progress.done(Utc::now(), SECOND_REPLY_WINDOW) {
                break "done";
            }
            if last {
                break "wait";
            }
            let known = object.is_some() || progress.object.is_some();
            let floor = floor(&per_poll(integration, known, progress.message.is_some()));
            let pause = backoff.next(changed, floor);
            let until = (started.elapsed() + pause).min(request.wait);
            while started.elapsed() < until && !crate::signals::interrupted() {
                if let Some(bar) = &live {
                    let stage = progress.waiting_for();
                    let since = started.elapsed().as_secs();
                    bar.set_message(format!("{}: waiting… {since} s", stage.slug()));
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        };
        (progress, polls, ended, started.elapsed(), last_error)
    });
    runtime.shutdown_timeout(Duration::from_millis(100));
    if let Some(bar) = &live {
        bar.finish_and_clear();
    }
    let interrupted = ended == "interrupted";
    let mut checks = progress.results(integration, waited, interrupted);
    if let (Some(error), Some(stalled)) = (&last_error, checks.iter_mut().find(|c| c.status == Status::Fail)) {
        stalled.detail.push_str(&format!(" (the last poll failed: {error})"));
    }
    for (n, c) in checks.iter().enumerate() {
        if c.status != Status::Pass || progress.reached(STAGES[n]).is_none() {
            say(format!("{} {}  {}", crate::report::human::status_symbol(style, c.status), STAGES[n].slug(), c.detail));
        }
    }
    // A stall's diagnosis: that symptom's checks, run now, in the same report.
    let stalled = checks.iter().position(|c| c.status == Status::Fail).map(|n| STAGES[n]);
    if let Some(slug) = stalled.and_then(|s| s.diagnosis(integration)).filter(|_| !interrupted) {
        let symptom = crate::symptom::find(integration, slug);
        let object = progress.object.clone().or(request.object.clone());
        let target = object.map(|id| target_of(integration, &id)).transpose()?;
        let item = PlanItem { integration, symptom, target, sweep: None };
        let extra = Extra { recorder: recorder.clone(), ..Extra::default() };
        let mut quiet = config.clone();
        quiet.bundle = None;
        if let Ok(Document::One(found)) = run_document(&quiet, settings.clone(), vec![item], false, extra) {
            checks.extend(found.checks.into_iter().filter(|c| c.status != Status::Skip || c.blocked_by.is_none()));
        }
    }
    let mut target_map = BTreeMap::new();
    if let Some(object) = progress.object.clone().or(request.object.clone()) {
        target_map.insert(noun.to_string(), TargetValue::Text(object));
    }
    let report = Report {
        schema_version: SCHEMA_VERSION,
        tool: TOOL,
        profile: settings.profile.clone(),
        integration,
        target: target_map,
        started_at: started_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        duration_ms: u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
        summary: Summary::of(&checks),
        not_run: NotRun::of(&checks),
        checks,
        session: None,
        links: BTreeMap::new(),
        watch: Some(WatchBlock { started_at: started_at.to_rfc3339_opts(SecondsFormat::Secs, true), polls, ended }),
    };
    let document = Document::One(Box::new(report));
    let text = report::renderer(config.format, style, config.quiet, config.verbose > 0).render(&document);
    crate::output::emit(&text, config.output.as_deref())?;
    if let (Some(recording), Some(request)) = (recording, bundle) {
        recording.finish(&request, &document)?;
    }
    if interrupted {
        return Ok(130);
    }
    Ok(exit_code(&report::unaccepted(&document), config.fail_on))
}

fn target_of(integration: Integration, id: &str) -> anyhow::Result<Target> {
    Ok(match integration {
        Integration::Gorgias => Target::Ticket(id.parse().map_err(|_| anyhow::anyhow!("'{id}' is not a ticket id"))?),
        Integration::Intercom => Target::Conversation(id.to_string()),
        _ => Target::Thread(id.to_string()),
    })
}
