//! Schedules the chosen checks of one integration concurrently on tokio. Every check starts at once;
//! the facts layer shares fetches between them and the HTTP layer bounds requests in flight
//! (`--jobs`). A check waits only for its prerequisites; when one of them did not pass, the
//! check is skipped and names it in `blocked_by`. A check's error or panic becomes status
//! `error` without disturbing the others, and nothing runs past the `--timeout` deadline.

use std::collections::HashMap;
use std::sync::Arc;

use futures::future::{FutureExt, Shared};
use tokio::time::Instant;

use super::select::prerequisites;
use super::{Check, Ctx, Outcome, Status};
use crate::report::model::CheckResult;

/// Called as each check finishes (progress display).
pub type OnDone = Arc<dyn Fn(&CheckResult) + Send + Sync>;

type Pending = Shared<futures::future::BoxFuture<'static, CheckResult>>;

/// How the checks of one integration are run.
#[derive(Clone)]
pub struct Schedule {
    /// The helpdesk's credentials check (see `select::prerequisites`).
    pub gate: Option<&'static Check>,
    /// Nothing runs past this.
    pub deadline: Instant,
    /// A check made to panic on purpose (`DOCTOR_INJECT_PANIC`, for the tests of panic handling).
    pub inject_panic: Option<String>,
    pub on_done: Option<OnDone>,
}

pub async fn run(checks: &[&'static Check], cx: Arc<Ctx>, schedule: Schedule) -> Vec<CheckResult> {
    let Schedule { gate, deadline, inject_panic, on_done } = schedule;
    let mut pending: HashMap<&'static str, Pending> = HashMap::new();
    // Each check's prerequisites that are part of this run.
    let prerequisites_of = |check: &'static Check| -> Vec<&'static str> {
        prerequisites(check, gate).filter(|p| checks.contains(p)).map(|p| p.id).collect()
    };
    // Create each check's future once its prerequisites' futures exist (a topological pass);
    // the report keeps the order of `checks`.
    while pending.len() < checks.len() {
        let before = pending.len();
        for check in checks.iter().copied() {
            if pending.contains_key(check.id) {
                continue;
            }
            let ids = prerequisites_of(check);
            if !ids.iter().all(|id| pending.contains_key(id)) {
                continue;
            }
            let prerequisites: Vec<Pending> = ids.iter().map(|id| pending[id].clone()).collect();
            let cx = cx.clone();
            let on_done = on_done.clone();
            let inject = inject_panic.clone();
            let future = async move {
                let result = settle(check, cx, prerequisites, deadline, inject).await;
                if let Some(f) = &on_done {
                    f(&result);
                }
                result
            }
            .boxed()
            .shared();
            pending.insert(check.id, future);
        }
        assert!(pending.len() > before, "the catalogue's prerequisites form a cycle");
    }
    let futures: Vec<Pending> = checks.iter().map(|c| pending[c.id].clone()).collect();
    futures::future::join_all(futures).await
}

/// One check's result: said at once when the run has no object for it, a skip when a
/// prerequisite did not pass, else what the check found.
async fn settle(
    check: &'static Check,
    cx: Arc<Ctx>,
    prerequisites: Vec<Pending>,
    deadline: Instant,
    inject: Option<String>,
) -> CheckResult {
    // A check about one object, in a run pointed at none, says so (not "blocked by" the object
    // check, which skips for the same reason).
    if check.needs_target && cx.target.is_none() {
        return to_result(check, crate::engine::check::needs_target(cx.integration), 0, None);
    }
    for prerequisite in prerequisites {
        let result = prerequisite.await;
        if !result.status.lets_dependents_run() {
            return blocked(check, &result);
        }
    }
    run_one(check, cx, deadline, inject).await
}

async fn run_one(check: &'static Check, cx: Arc<Ctx>, deadline: Instant, inject: Option<String>) -> CheckResult {
    let started = Instant::now();
    let task = tokio::spawn(async move {
        if inject.as_deref() == Some(check.id) {
            panic!("panic injected by DOCTOR_INJECT_PANIC");
        }
        (check.run)(cx).await
    });
    let abort = task.abort_handle();
    let outcome = match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(Ok(outcome))) => outcome,
        Ok(Ok(Err(error))) => Outcome::from(error),
        Ok(Err(join_error)) => {
            let why = if join_error.is_panic() {
                panic_message(join_error.into_panic())
            } else {
                "the check was cancelled".to_string()
            };
            Outcome::error(format!("internal error in this check: {why}"))
                .with_fix("this is a bug in opencx-doctor; the other checks are unaffected. Please report it with the output of -v")
        }
        Err(_) => {
            abort.abort();
            Outcome::error("not finished before the run's --timeout deadline").with_fix(
                "re-run with a longer --timeout, or check the network path to the vendor (-v shows each request)",
            )
        }
    };
    to_result(check, outcome, started.elapsed().as_millis() as u64, None)
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// `check` skipped because its prerequisite ended as `prerequisite` did.
pub fn blocked(check: &Check, prerequisite: &CheckResult) -> CheckResult {
    let id = &prerequisite.id;
    let outcome =
        Outcome::skip(format!("not run: the prerequisite check {id} ended in {}", prerequisite.status.as_str()))
            .with_fix(format!("fix {id} first; see its result above"));
    to_result(check, outcome, 0, Some(id.clone()))
}

pub fn to_result(check: &Check, outcome: Outcome, duration_ms: u64, blocked_by: Option<String>) -> CheckResult {
    let fix = match outcome.status {
        Status::Pass => None,
        _ => Some(outcome.fix.unwrap_or_else(|| check.fix.to_string())),
    };
    CheckResult {
        id: check.id.to_string(),
        integration: check.integration(),
        symptom: check.symptom.slug.to_string(),
        title: check.title.to_string(),
        status: outcome.status,
        detail: outcome.detail,
        fix,
        docs: check.docs.map(str::to_string),
        duration_ms,
        blocked_by,
        needs_setting: outcome.needs_setting,
        accepted: None,
        sweep: None,
    }
}
