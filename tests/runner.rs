//! The check engine as seen from outside: panics isolated, prerequisites block dependents,
//! --only/--skip, and every resource fetched once.

use crate::common::{check, json, sandbox, Env};
use opencx_sandbox::Spec;
use opencx_sandbox::Vendor;

#[test]
fn a_panic_inside_one_check_is_an_error_and_the_others_are_still_reported() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_INJECT_PANIC", "gorgias.credentials.email")
        .args(["gorgias", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report = json(&out);
    let panicked = check(&report, "gorgias.credentials.email");
    assert_eq!(panicked["status"], "error");
    assert!(panicked["detail"].as_str().unwrap().contains("internal error"));
    for id in [
        "gorgias.credentials.domain",
        "gorgias.credentials.api-key",
        "gorgias.credentials.permission",
        "opencx.credentials.api-key",
    ] {
        assert_eq!(check(&report, id)["status"], "pass", "{id}");
    }
}

#[test]
fn a_failed_prerequisite_skips_its_dependents_and_names_itself() {
    let env = Env::new();
    let out = env
        .doctor()
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked", "--format", "json"])
        .output()
        .unwrap();
    let report = json(&out);
    let blocked = check(&report, "gorgias.credentials.email");
    assert_eq!(blocked["status"], "skip");
    assert_eq!(blocked["blocked_by"], "gorgias.credentials.api-key");
    assert_eq!(check(&report, "gorgias.credentials.account-active")["blocked_by"], "gorgias.credentials.permission");
}

#[test]
fn only_runs_the_named_checks_with_their_prerequisites_and_skip_leaves_some_out() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .args(["gorgias", "--only", "gorgias.credentials.email", "--format", "json"])
        .output()
        .unwrap();
    let ids: Vec<String> =
        json(&out)["checks"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["gorgias.credentials.domain", "gorgias.credentials.api-key", "gorgias.credentials.email"]);

    let out = env
        .doctor_for(&sb)
        .args(["gorgias", "--skip", "opencx,gorgias.credentials.email", "--format", "json"])
        .output()
        .unwrap();
    let ids: Vec<String> =
        json(&out)["checks"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    assert!(!ids.iter().any(|i| i.starts_with("opencx") || i == "gorgias.credentials.email"), "{ids:?}");
}

#[test]
fn each_resource_is_fetched_once_per_run() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    env.doctor_for(&sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).assert().code(0);
    let requests = sb.requests();
    let mut seen = std::collections::HashSet::new();
    for r in &requests {
        assert!(seen.insert((r.vendor, r.path.clone(), r.query.clone())), "fetched twice: {r:?}\n{requests:#?}");
    }
    let gorgias: Vec<&str> = requests.iter().filter(|r| r.vendor == Vendor::Gorgias).map(|r| r.path.as_str()).collect();
    // 30 Gorgias checks share these reads: the account, the key's user, one integrations
    // listing, the OpenCX integration's delivery log, the rules, the team, the AI user, the
    // recent tickets and the one ticket.
    for path in [
        "/api/account",
        "/api/users/0",
        "/api/integrations",
        "/api/integrations/42/events/",
        "/api/rules",
        "/api/teams/12",
        "/api/users/4321",
        "/api/tickets",
        "/api/tickets/1042",
    ] {
        assert_eq!(gorgias.iter().filter(|p| **p == path).count(), 1, "{path}: {gorgias:?}");
    }
    assert_eq!(gorgias.len(), 9, "{gorgias:?}");
}

#[test]
fn jobs_1_is_strictly_sequential_and_gives_the_same_results() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let sequential =
        env.doctor_for(&sb).args(["gorgias", "--ticket", "1042", "--jobs", "1", "--format", "json"]).output().unwrap();
    let parallel = env.doctor_for(&sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).output().unwrap();
    assert_eq!(sequential.status.code(), Some(0));
    assert_eq!(json(&sequential)["summary"], json(&parallel)["summary"]);
}
