//! One run, from plan to report (hyperfine's `Scheduler`): the checks each plan item selects,
//! the facts they read fetched ahead, the checks scheduled under their prerequisites and the
//! run's deadline, and one `Report` per item. Commands build the plan and render the result;
//! nothing here prints.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use tokio::time::Instant;

use super::scheduler::{self, OnDone, Schedule};
use super::select::{prerequisites, select, Selection};
use super::sweep::{Objects, SweepProgress};
use super::{Check, Ctx};
use crate::facts::sweep::Discovered;
use crate::facts::Facts;
use crate::http::activity::Activity;
use crate::http::record::{Recorder, Replayer};
use crate::http::tuning::Tuning;
use crate::http::{Http, HttpOptions};
use crate::integration::Integration;
use crate::report::model::{CheckResult, TargetValue};
use crate::report::{self, AllReport, Document, Report, Summary};
use crate::settings::Settings;
use crate::sweep::{Scope, Sweep};
use crate::symptom::Symptom;
use crate::target::Target;

/// Per-request ceiling inside the run's deadline.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Objects a sweep checks at once (the HTTP layer still bounds the requests in flight).
const OBJECTS_AT_ONCE: usize = 16;

/// What to diagnose: one integration (one symptom or all), pointed at one object or none.
#[derive(Clone, Debug)]
pub struct PlanItem {
    pub integration: Integration,
    pub symptom: Option<Symptom>,
    pub target: Option<Target>,
    /// A sweep over many objects instead of one `target`.
    pub sweep: Option<Sweep>,
}

/// How a run runs (from the run's `Config`).
#[derive(Clone)]
pub struct RunOptions {
    pub timeout: Duration,
    pub jobs: usize,
    /// Trace each request to stderr (`-v`).
    pub trace: bool,
    /// With their headers (`-vv`).
    pub trace_headers: bool,
    /// Where the requests in flight are told (the progress display).
    pub activity: Option<Arc<Activity>>,
    pub only: Vec<String>,
    pub skip: Vec<String>,
    pub tuning: Tuning,
    pub inject_panic: Option<String>,
    /// Where a sweep tells how far it has come (the progress display).
    pub sweep_progress: Option<Arc<SweepProgress>>,
    /// `--bundle`: keeps every HTTP exchange.
    pub recorder: Option<Arc<Recorder>>,
    /// `doctor replay`: answers every request from a bundle.
    pub replay: Option<Arc<Replayer>>,
    /// The run's clock when it is not now (a replay runs at its recording's time).
    pub now: Option<DateTime<Utc>>,
}

/// A run: the plan's checks, chosen and validated before anything is sent.
pub struct Run {
    items: Vec<(PlanItem, Vec<&'static Check>)>,
    options: RunOptions,
    settings: Arc<Settings>,
    /// Each helpdesk's credentials check (see `select::prerequisites`).
    gate: fn(Integration) -> Option<&'static Check>,
    /// `doctor all`: one document of several reports.
    all: bool,
}

impl Run {
    /// Chooses each item's checks; an unknown `--only`/`--skip` id, or a selection that leaves
    /// nothing to run, is an error before any request.
    pub fn plan(
        catalogue: &[&'static Check],
        gate: fn(Integration) -> Option<&'static Check>,
        plan: Vec<PlanItem>,
        settings: Settings,
        options: RunOptions,
        all: bool,
    ) -> Result<Run, String> {
        let mut items = Vec::new();
        for item in plan {
            let selection = Selection {
                integration: item.integration,
                symptom: item.symptom,
                gate: gate(item.integration),
                only: &options.only,
                skip: &options.skip,
            };
            let mut picked = select(catalogue, &selection)?;
            // `doctor all`: the OpenCX checks are about one account, so they run (and count)
            // once, unless an item has its own object for the session checks to look at.
            if all && !items.is_empty() && item.target.is_none() {
                // A sweep keeps the per-object OpenCX checks: each object has its sessions.
                let sweep = item.sweep.is_some();
                picked.retain(|c| c.integration() != Integration::Opencx || (sweep && c.needs_target));
            }
            if picked.is_empty() {
                let list = |v: &[String]| if v.is_empty() { "-".to_string() } else { v.join(", ") };
                return Err(format!(
                    "--only/--skip leave no {} check to run (only: {}; skip: {}); `doctor checks {}` lists them",
                    item.integration.name(),
                    list(&options.only),
                    list(&options.skip),
                    item.integration.slug()
                ));
            }
            items.push((item, picked));
        }
        Ok(Run { items, options, settings: Arc::new(settings), gate, all })
    }

    /// How many checks the run has (for a progress display).
    pub fn len(&self) -> usize {
        self.items.iter().map(|(_, c)| c.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn profile(&self) -> &str {
        &self.settings.profile
    }

    /// Runs every item concurrently and returns the document; `on_done` hears of each check as
    /// it finishes.
    pub fn execute(self, on_done: Option<OnDone>) -> anyhow::Result<Document> {
        let Run { items, options, settings, gate, all } = self;
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let started_at = options.now.unwrap_or_else(Utc::now);
        let results = runtime.block_on(async {
            let deadline = Instant::now() + options.timeout;
            // Requests give up a little before the checks do, so a check that waited on a silent
            // vendor reports which request hung rather than only that time ran out.
            let margin = Duration::from_secs_f64((options.timeout.as_secs_f64() * 0.1).min(0.5));
            let http = Http::new(HttpOptions {
                jobs: options.jobs,
                deadline: deadline - margin,
                request_timeout: REQUEST_TIMEOUT,
                connect_timeout: CONNECT_TIMEOUT,
                trace: options.trace,
                trace_headers: options.trace_headers,
                tuning: options.tuning,
                activity: options.activity.clone(),
                recorder: options.recorder.clone(),
                replay: options.replay.clone(),
            });
            let facts = Arc::new(Facts::new(&http, &settings));
            let runs = items.into_iter().map(|(item, checks)| {
                let cx = Arc::new(Ctx {
                    integration: item.integration,
                    settings: settings.clone(),
                    target: item.target.clone(),
                    facts: facts.clone(),
                    now: started_at,
                });
                let at_once = options.jobs.clamp(1, OBJECTS_AT_ONCE);
                let progress = options.sweep_progress.clone();
                let schedule = Schedule {
                    gate: gate(item.integration),
                    deadline,
                    inject_panic: options.inject_panic.clone(),
                    on_done: on_done.clone(),
                };
                async move {
                    let started = Instant::now();
                    // Start every declared read now; the checks then find them in flight.
                    let reads: Vec<_> = checks.iter().flat_map(|c| c.reads.iter().copied()).collect();
                    let prefetch = {
                        let (facts, target, now) = (cx.facts.clone(), item.target.clone(), cx.now);
                        tokio::spawn(async move {
                            crate::facts::prefetch::prefetch(&facts, reads, target.as_ref(), now).await
                        })
                    };
                    let results = match &item.sweep {
                        None => scheduler::run(&checks, cx.clone(), schedule).await,
                        Some(sweep) => sweep_run(&checks, &cx, sweep, schedule, at_once, progress).await,
                    };
                    prefetch.abort();
                    let session =
                        item.target.as_ref().and_then(|t| cx.facts.session_evidence_loaded(t)).map(|e| (*e).clone());
                    (item, results, started.elapsed(), session)
                }
            });
            let results = futures::future::join_all(runs).await;
            (results, facts.hubspot().ok().and_then(|h| h.hub_id_loaded()))
        });
        let (results, hub_id) = results;
        // Leave nothing running past the deadline (e.g. a hung body read).
        runtime.shutdown_timeout(Duration::from_millis(100));
        let reports: Vec<Report> = results
            .into_iter()
            .map(|(item, checks, elapsed, session)| Report {
                schema_version: report::model::SCHEMA_VERSION,
                tool: report::model::TOOL,
                profile: settings.profile.clone(),
                integration: item.integration,
                target: report_target(&item),
                links: item
                    .target
                    .iter()
                    .filter_map(|t| link(&settings, hub_id, t).map(|url| (t.key().to_string(), url)))
                    .collect(),
                started_at: started_at.to_rfc3339_opts(SecondsFormat::Secs, true),
                duration_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
                summary: Summary::of(&checks),
                not_run: report::model::NotRun::of(&checks),
                checks,
                session,
                watch: None,
            })
            .collect();
        Ok(if all {
            let mut summary = Summary::default();
            for r in &reports {
                summary.merge(&r.summary);
            }
            Document::All(AllReport { schema_version: report::model::SCHEMA_VERSION, runs: reports, summary })
        } else {
            Document::One(Box::new(reports.into_iter().next().expect("one plan item, one report")))
        })
    }
}

/// The report's `target`: the object's id, `{"since": "24h"}` or `{"ids": n}`.
fn report_target(item: &PlanItem) -> BTreeMap<String, TargetValue> {
    match (&item.sweep, &item.target) {
        (Some(Sweep { scope: Scope::Since { label, .. }, .. }), _) => {
            BTreeMap::from([("since".to_string(), TargetValue::Text(label.clone()))])
        }
        (Some(Sweep { scope: Scope::Ids(ids), .. }), _) => {
            BTreeMap::from([("ids".to_string(), TargetValue::Count(ids.len()))])
        }
        (None, target) => target.iter().map(|t| (t.key().to_string(), TargetValue::Text(t.id()))).collect(),
    }
}

/// A sweep item: the account-level checks as in any run, beside the listing of the objects in
/// scope; then, unless the helpdesk's credentials failed, the per-object checks over each
/// object (`engine::sweep`). The results keep the catalogue's order.
async fn sweep_run(
    checks: &[&'static Check],
    cx: &Arc<Ctx>,
    sweep: &Sweep,
    schedule: Schedule,
    at_once: usize,
    progress: Option<Arc<SweepProgress>>,
) -> Vec<CheckResult> {
    let (per_object, account): (Vec<&'static Check>, Vec<&'static Check>) =
        checks.iter().copied().partition(|c| c.needs_target);
    let integration = cx.integration;
    let facts = cx.facts.clone();
    let listing = async {
        match &sweep.scope {
            Scope::Since { from, .. } => {
                // The sessions need only the window: read them beside the objects' listing and
                // what follows it.
                let objects = async {
                    let mut found = facts.discover(integration, *from, sweep.limit).await?;
                    let pages = facts.seed(&mut found, *from).await;
                    Ok::<_, crate::facts::FactError>((found, pages))
                };
                let (objects, sessions) = futures::join!(objects, facts.seed_sessions(*from));
                let (found, pages) = objects?;
                Ok::<_, crate::facts::FactError>((found, pages + sessions))
            }
            Scope::Ids(ids) => Ok((Discovered::given(ids, sweep.limit), 0)),
        }
    };
    let (account_results, listed) = futures::join!(scheduler::run(&account, cx.clone(), schedule.clone()), listing);
    // The scheduler's rule, applied before any object is read: a per-object check whose
    // prerequisite (an account-level check, or a per-object check that waits for one) did not
    // pass is skipped, naming the account-level check at the root.
    let mut stopped: HashMap<&'static str, &CheckResult> = HashMap::new();
    loop {
        let before = stopped.len();
        for c in &per_object {
            if stopped.contains_key(c.id) {
                continue;
            }
            let root = prerequisites(c, schedule.gate).find_map(|p| {
                account_results
                    .iter()
                    .find(|r| r.id == p.id && !r.status.lets_dependents_run())
                    .or_else(|| stopped.get(p.id).copied())
            });
            if let Some(root) = root {
                stopped.insert(c.id, root);
            }
        }
        if stopped.len() == before {
            break;
        }
    }
    let mut swept: Vec<CheckResult> = per_object
        .iter()
        .filter_map(|c| stopped.get(c.id).map(|root| (c, root)))
        .map(|(c, root)| {
            let mut result = scheduler::blocked(c, root);
            result.detail.push_str(&format!(", so no {} could be listed", integration.object_name()));
            result
        })
        .collect();
    let runnable: Vec<&'static Check> = per_object.iter().copied().filter(|c| !stopped.contains_key(c.id)).collect();
    swept.extend(match listed {
        _ if runnable.is_empty() => Vec::new(),
        Err(e) => runnable
            .iter()
            .map(|c| {
                let mut outcome = super::Outcome::from(super::CheckError::from(e.clone()));
                outcome.detail = format!(
                    "could not list the {}s with customer activity in the window: {}",
                    integration.object_name(),
                    outcome.detail
                );
                scheduler::to_result(c, outcome, 0, None)
            })
            .collect(),
        Ok((found, _)) => {
            let limit = sweep.limit;
            let objects = Objects {
                left_out: found.beyond_limit.into_iter().map(|t| (t, format!("past --limit {limit}"))).collect(),
                targets: found.targets,
                more: found.more,
                since: sweep.from().map(crate::facts::session::rfc3339),
            };
            let settings = cx.settings.clone();
            let link_of = |t: &Target| link(&settings, cx.facts.hubspot().ok().and_then(|h| h.hub_id_loaded()), t);
            super::sweep::run(&runnable, cx, objects, schedule, at_once, progress, &link_of).await
        }
    });
    let mut all: Vec<CheckResult> = account_results.into_iter().chain(swept).collect();
    all.sort_by_key(|r| checks.iter().position(|c| c.id == r.id));
    all
}

/// The helpdesk's own URL of the object, when the settings make it known and point at the real
/// helpdesk (not a base URL override: a sandbox or a proxy has no inbox to link to).
fn link(settings: &Settings, hub_id: Option<u64>, target: &Target) -> Option<String> {
    use crate::settings::fields::{gorgias, hubspot, intercom};
    match target {
        Target::Ticket(id) if settings.get(&gorgias::BASE_URL).is_none() => {
            settings.get(&gorgias::DOMAIN).map(|domain| format!("https://{domain}.gorgias.com/app/ticket/{id}"))
        }
        Target::Conversation(id) if settings.get(&intercom::BASE_URL).is_none() => settings
            .get(&intercom::WORKSPACE_ID)
            .map(|workspace| format!("https://app.intercom.com/a/inbox/{workspace}/inbox/conversation/{id}")),
        Target::Thread(id) if settings.get(&hubspot::BASE_URL).is_none() => {
            hub_id.map(|hub| format!("https://app.hubspot.com/live-messages/{hub}/inbox/{id}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_links_to_its_helpdesk_only_when_the_settings_point_at_the_real_one() {
        let real =
            Settings::for_sandbox(&[("gorgias.domain", "acme".into()), ("intercom.workspace_id", "x3v8zq".into())]);
        assert_eq!(
            link(&real, None, &Target::Ticket(1042)).as_deref(),
            Some("https://acme.gorgias.com/app/ticket/1042")
        );
        assert_eq!(
            link(&real, None, &Target::Conversation("215".into())).as_deref(),
            Some("https://app.intercom.com/a/inbox/x3v8zq/inbox/conversation/215")
        );
        let proxied = Settings::for_sandbox(&[
            ("gorgias.domain", "acme".into()),
            ("gorgias.base_url", "http://127.0.0.1:9".into()),
        ]);
        assert_eq!(link(&proxied, None, &Target::Ticket(1042)), None, "a base URL override has no inbox to link to");
        assert_eq!(link(&real, None, &Target::Thread("8801".into())), None, "no hub id read, no link");
        assert_eq!(
            link(&real, Some(4711), &Target::Thread("8801".into())).as_deref(),
            Some("https://app.hubspot.com/live-messages/4711/inbox/8801")
        );
    }
}
