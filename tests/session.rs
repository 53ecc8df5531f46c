//! OpenCX session evidence: found, not found, two sessions, handed off, invalid key, missing
//! scope, a 10,000-session organisation, and `doctor session ID`.

use crate::common::{check, json, sandbox, stderr, stdout, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{conversations, find_scenario, scenarios::big_org, Spec};

fn spec(name: &str) -> Spec {
    (find_scenario(name).expect("a scenario").build)()
}

fn run_ticket(env: &Env, sb: &opencx_sandbox::Sandbox) -> serde_json::Value {
    let out = env.doctor_for(sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    json(&out)
}

#[test]
fn the_session_of_a_ticket_is_found_by_its_time_window_and_shown() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let report = run_ticket(&env, &sb);
    assert_eq!(check(&report, "opencx.session.found")["status"], "pass");
    let session = &report["session"];
    assert_eq!(session["lookup"]["method"], "window");
    assert_eq!(session["sessions"][0]["id"], conversations::GORGIAS_SESSION);
    let timeline = session["sessions"][0]["timeline"].as_array().unwrap();
    assert_eq!(
        timeline.iter().map(|e| e["what"].as_str().unwrap()).collect::<Vec<_>>(),
        ["customer message", "AI reply"]
    );
    // The session block is near the top of the human output.
    let out = env.doctor_for(&sb).args(["gorgias", "--ticket", "1042"]).output().unwrap();
    let text = stdout(&out);
    let block = text.find("OpenCX session (").expect("a session block");
    assert!(block < text.find("credentials").unwrap(), "{text}");
}

#[test]
fn no_session_for_the_ticket_is_a_warning_that_points_at_the_webhook() {
    let env = Env::new();
    let sb = sandbox(spec("session-missing"));
    let report = run_ticket(&env, &sb);
    let found = check(&report, "opencx.session.found");
    assert_eq!(found["status"], "warn");
    assert!(found["detail"].as_str().unwrap().contains("no OpenCX session for Gorgias ticket 1042"));
    assert!(found["fix"].as_str().unwrap().contains("doctor gorgias webhook"));
    assert_eq!(report["session"]["lookup"]["method"], "none");
    let single = check(&report, "opencx.session.single");
    assert_eq!(single["status"], "skip", "nothing to examine: {single:#}");
}

#[test]
fn two_sessions_for_one_ticket_are_both_reported() {
    let env = Env::new();
    let sb = sandbox(spec("session-duplicate"));
    let report = run_ticket(&env, &sb);
    let single = check(&report, "opencx.session.single");
    assert_eq!(single["status"], "warn");
    let detail = single["detail"].as_str().unwrap();
    assert!(detail.contains("1042aa000001") && detail.contains("1042aa000002"), "{detail}");
    assert_eq!(report["session"]["sessions"].as_array().unwrap().len(), 2);
}

#[test]
fn a_handoff_shows_its_reasons_and_ai_messages_after_it_fail() {
    let env = Env::new();
    let sb = sandbox(spec("session-handed-off"));
    let report = run_ticket(&env, &sb);
    let s = &report["session"]["sessions"][0];
    assert_eq!(s["ai_closure_type"], "handed_off");
    assert_eq!(s["handoff_reasons"][0], "based_on_instructions");
    assert!(s["handoff_explanation"].as_str().unwrap().contains("Refunds above"));
    assert_eq!(check(&report, "opencx.session.handoff-respected")["status"], "pass");

    let sb = sandbox(spec("session-ai-after-handoff"));
    let report = run_ticket(&env, &sb);
    let respected = check(&report, "opencx.session.handoff-respected");
    assert_eq!(respected["status"], "fail");
    assert!(respected["detail"].as_str().unwrap().contains("the AI replied 1 time(s) after"), "{respected:#}");
}

#[test]
fn an_invalid_key_fails_and_blocks_the_session_checks() {
    let env = Env::new();
    let sb = sandbox(spec("opencx-key-invalid"));
    let report = run_ticket(&env, &sb);
    let key = check(&report, "opencx.credentials.api-key");
    assert_eq!(key["status"], "fail");
    assert!(key["detail"].as_str().unwrap().contains("the OpenCX API key is invalid"));
    assert!(key["fix"].as_str().unwrap().contains("Settings → Access"));
    assert_eq!(check(&report, "opencx.session.found")["status"], "skip");
    assert_eq!(check(&report, "opencx.session.found")["blocked_by"], "opencx.credentials.api-key");
    assert!(report.get("session").is_none());
}

#[test]
fn a_missing_scope_is_named() {
    let env = Env::new();
    let sb = sandbox(spec("opencx-missing-scope"));
    let report = run_ticket(&env, &sb);
    let key = check(&report, "opencx.credentials.api-key");
    assert_eq!(key["status"], "fail");
    assert!(key["detail"].as_str().unwrap().contains("chat-sessions:read"));

    let sb = sandbox(spec("opencx-no-analytics-scope"));
    let report = run_ticket(&env, &sb);
    let complete = check(&report, "opencx.session.evidence-complete");
    assert_eq!(complete["status"], "warn");
    assert!(complete["detail"].as_str().unwrap().contains("handoff-analytics:read"));
    let missing = report["session"]["sessions"][0]["missing"][0].as_str().unwrap();
    assert!(missing.contains("handoff-analytics:read"), "missing pieces are in the JSON too: {missing}");
}

#[test]
fn a_session_without_a_ticketing_link_is_found_through_the_customer_email() {
    let env = Env::new();
    let sb = sandbox(spec("session-found-by-email"));
    let report = run_ticket(&env, &sb);
    assert_eq!(report["session"]["lookup"]["method"], "search");
    assert_eq!(report["session"]["sessions"][0]["id"], conversations::GORGIAS_SESSION);
}

#[test]
fn the_lookup_cost_does_not_grow_with_a_10000_session_organisation() {
    let env = Env::new();
    let sb = sandbox(big_org(10_000));
    let report = run_ticket(&env, &sb);
    assert_eq!(check(&report, "opencx.session.found")["status"], "pass");
    let lookups = sb
        .requests()
        .iter()
        .filter(|r| r.vendor == Vendor::Opencx && (r.path == "/chat/sessions" || r.path == "/chat/sessions/search"))
        .filter(|r| !r.query.starts_with("updated_after"))
        .count();
    assert!(lookups <= 3, "{lookups} lookup requests");
    assert!(report["session"]["lookup"]["requests"].as_u64().unwrap() <= 3);
}

#[test]
fn without_a_ticket_the_session_checks_say_which_flag_runs_them() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json"]).output().unwrap();
    let report = json(&out);
    let found = check(&report, "opencx.session.found");
    assert_eq!(found["status"], "skip");
    assert!(found["detail"].as_str().unwrap().contains("--ticket"));
}

#[test]
fn doctor_session_shows_one_session_by_id() {
    let env = Env::new();
    let sb = sandbox(spec("session-handed-off"));
    let out =
        env.doctor_for(&sb).args(["session", conversations::GORGIAS_SESSION, "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["integration"], "opencx");
    assert_eq!(report["target"]["session"], conversations::GORGIAS_SESSION);
    assert_eq!(report["session"]["lookup"]["method"], "id");
    assert_eq!(report["session"]["sessions"][0]["handoff_reasons"][0], "based_on_instructions");

    let out = env
        .doctor_for(&sb)
        .args(["session", "00000000-dead-beef-0000-000000000000", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert!(check(&report, "opencx.session.found")["detail"].as_str().unwrap().contains("no session with this id"));
}

fn lookup_requests(sb: &opencx_sandbox::Sandbox) -> usize {
    sb.requests()
        .iter()
        .filter(|r| r.vendor == Vendor::Opencx)
        .filter(|r| {
            r.path == "/chat/sessions/filter"
                || r.path == "/chat/sessions/search"
                || (r.path == "/chat/sessions" && r.query.contains("created_after"))
        })
        .count()
}

#[test]
fn in_an_organisation_starting_1000_sessions_an_hour_each_session_is_found_in_3_requests() {
    let env = Env::new();
    let sb = sandbox(opencx_sandbox::scenarios::busy_org(1000));
    for (args, id) in [
        (vec!["gorgias", "--ticket", "1042"], conversations::GORGIAS_SESSION),
        (vec!["intercom", "--conversation", "215"], conversations::INTERCOM_SESSION),
        (vec!["hubspot", "--thread", "8801"], conversations::HUBSPOT_SESSION),
    ] {
        sb.clear_requests();
        let out = env.doctor_for(&sb).args(&args).args(["--format", "json"]).output().unwrap();
        let report = json(&out);
        assert_eq!(check(&report, "opencx.session.found")["status"], "pass", "{args:?}: {report:#}");
        assert_eq!(report["session"]["sessions"][0]["id"], id);
        let n = lookup_requests(&sb);
        assert!(n <= 3, "{args:?}: {n} lookup requests");
        println!("{args:?}: found in {n} request(s) at 1,000 sessions an hour");
    }
}

#[test]
fn at_100000_sessions_over_90_days_the_session_is_found_in_3_requests() {
    let env = Env::new();
    let sb = sandbox(big_org(100_000));
    let report = run_ticket(&env, &sb);
    assert_eq!(check(&report, "opencx.session.found")["status"], "pass");
    let n = lookup_requests(&sb);
    assert!(n <= 3, "{n} lookup requests");
}

#[test]
fn a_window_holding_more_than_was_read_is_an_error_never_no_session() {
    let env = Env::new();
    // 6,000 sessions an hour (700 in the window) and the ticket's own session missing.
    let mut spec = opencx_sandbox::scenarios::busy_org(6000);
    spec.world.opencx.sessions.retain(|s| s["id"] != conversations::GORGIAS_SESSION);
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "an incomplete lookup is an error, not a finding");
    let report = json(&out);
    let found = check(&report, "opencx.session.found");
    assert_eq!(found["status"], "error", "{found:#}");
    let detail = found["detail"].as_str().unwrap();
    assert!(detail.contains("looked at 30") && detail.contains("holds more"), "{detail}");
    for c in report["checks"].as_array().unwrap() {
        let d = c["detail"].as_str().unwrap_or("");
        assert!(!d.contains("never reached OpenCX") && !d.contains("no OpenCX session for"), "{c:#}");
    }
}

#[test]
fn a_filter_that_ignores_its_dates_is_noticed_and_the_listing_used() {
    let env = Env::new();
    let mut spec = opencx_sandbox::scenarios::busy_org(200);
    spec.world.opencx.filter_honours_dates = false;
    let sb = sandbox(spec);
    let report = run_ticket(&env, &sb);
    assert_eq!(check(&report, "opencx.session.found")["status"], "pass", "{report:#}");
    assert_eq!(report["session"]["lookup"]["endpoint"], "list");
}

#[test]
fn the_email_search_is_only_said_to_have_found_none_when_it_ran() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.opencx.sessions.retain(|s| s["id"] != conversations::GORGIAS_SESSION);
    let sb = sandbox(spec.clone());
    let found = check(&run_ticket(&env, &sb), "opencx.session.found").clone();
    assert!(found["detail"].as_str().unwrap().contains("search for the customer's email found none"), "{found:#}");
    let t = spec.world.ticket_mut(conversations::GORGIAS_TICKET);
    t["customer"]["email"] = serde_json::Value::Null;
    let sb = sandbox(spec);
    let found = check(&run_ticket(&env, &sb), "opencx.session.found").clone();
    let detail = found["detail"].as_str().unwrap();
    assert!(!detail.contains("found none"), "no search ran: {detail}");
    assert!(detail.contains("names no customer email"), "{detail}");
}

#[test]
fn a_ticket_that_does_not_exist_fails_once_and_the_session_checks_skip_behind_it() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let ran = env.run().sandbox(&sb).args(["gorgias", "--ticket", "999999", "--format", "json"]).finish().code(1);
    let ticket = &ran.checks("gorgias.ai-silent.ticket")[0];
    assert_eq!(ticket["status"], "fail", "{ticket:#}");
    for id in ["opencx.session.found", "opencx.session.single"] {
        let c = &ran.checks(id)[0];
        assert_eq!(c["status"], "skip", "{c:#}");
    }
    assert_eq!(ran.checks("opencx.session.found")[0]["blocked_by"], "gorgias.ai-silent.ticket");
    assert_eq!(ran.json()["summary"]["error"], 0, "no error asks to report a request id");
}

#[test]
fn doctor_all_runs_and_counts_the_opencx_checks_once() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let ran = env.run().sandbox(&sb).args(["all", "--format", "json"]).finish().code(0);
    assert_eq!(ran.checks("opencx.credentials.api-key").len(), 1);
    let runs = ran.json()["runs"].as_array().unwrap().len();
    assert_eq!(runs, 3, "one run per helpdesk");
}
