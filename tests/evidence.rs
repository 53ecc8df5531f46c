//! Never a pass without evidence: an untimed handoff, a session marked handed off whose handoff
//! is not in the history, no session at all, a ticket without AI replies — each says what is
//! missing instead of passing.

use chrono::Duration;

use crate::common::{check, json, sandbox, stderr, Env};
use opencx_sandbox::{conversations, Spec};

fn run(env: &Env, spec: Spec, args: &[&str]) -> serde_json::Value {
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(args).args(["--format", "json"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1 | 3)), "{}", stderr(&out));
    json(&out)
}

#[test]
fn an_untimed_handoff_is_not_the_point_replies_are_compared_with() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    let id = conversations::GORGIAS_SESSION;
    let at = spec.world.session_created(id) + Duration::seconds(60);
    // An untimed handoff event first, then the timed one, then an AI reply after it.
    let mut untimed = conversations::event(at, "handoff", None, None);
    untimed["created_at"] = serde_json::Value::Null;
    spec.world.push_history(id, untimed);
    spec.world.hand_off(id, at, &["based_on_instructions"], "Refunds go to a human.");
    spec.world.push_history(
        id,
        conversations::event(at + Duration::seconds(90), "message", Some("ai"), Some("Anything else?")),
    );
    let report = run(&env, spec, &["gorgias", "--ticket", "1042"]);
    let c = check(&report, "opencx.session.handoff-respected");
    assert_eq!(c["status"], "fail", "{c:#}");
}

#[test]
fn a_handoff_whose_time_is_not_in_the_history_cannot_pass() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    let id = conversations::GORGIAS_SESSION;
    let at = spec.world.session_created(id) + Duration::seconds(60);
    spec.world.hand_off(id, at, &["based_on_instructions"], "Refunds go to a human.");
    // The session says handed off; the history read holds no handoff event.
    spec.world.opencx.history.get_mut(id).unwrap().retain(|e| e["event"]["type"] != "handoff");
    let report = run(&env, spec, &["gorgias", "--ticket", "1042"]);
    for id in ["opencx.session.handoff-respected", "gorgias.after-handoff.ai-after-handoff"] {
        let c = check(&report, id);
        assert_ne!(c["status"], "pass", "{id}: {c:#}");
        assert!(c["detail"].as_str().unwrap().contains("cannot be told"), "{id}: {c:#}");
    }
}

#[test]
fn no_session_is_no_evidence_for_the_session_checks() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.opencx.sessions.retain(|s| s["id"] != conversations::GORGIAS_SESSION);
    let report = run(&env, spec, &["gorgias", "--ticket", "1042"]);
    for id in [
        "gorgias.after-handoff.session-marked",
        "gorgias.after-handoff.second-session",
        "gorgias.after-handoff.ai-after-handoff",
    ] {
        let c = check(&report, id);
        assert_ne!(c["status"], "pass", "{id}: {c:#}");
    }
}

#[test]
fn a_conversation_without_ai_replies_is_not_a_pass_of_the_duplicates_check() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    let t = spec.world.ticket_mut(conversations::GORGIAS_TICKET);
    t["messages"].as_array_mut().unwrap().retain(|m| m["from_agent"] == false);
    let report = run(&env, spec, &["gorgias", "duplicates", "--ticket", "1042"]);
    let c = check(&report, "gorgias.duplicates.replies");
    assert_eq!(c["status"], "info", "{c:#}");
}

#[test]
fn an_account_without_a_status_is_not_reported_active() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.gorgias.account["status"] = serde_json::Value::Null;
    spec.world.gorgias.account["deactivated_datetime"] = serde_json::Value::Null;
    let report = run(&env, spec, &["gorgias", "credentials"]);
    assert_eq!(check(&report, "gorgias.credentials.account-active")["status"], "info");
}

#[test]
fn a_thread_without_a_session_does_not_pass_the_ticket_check() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.opencx.sessions.retain(|s| s["id"] != conversations::HUBSPOT_SESSION);
    let report = run(&env, spec, &["hubspot", "no-ticket", "--thread", "8801"]);
    let c = check(&report, "hubspot.no-ticket.ticket-linked");
    assert_ne!(c["status"], "pass", "{c:#}");
}

#[test]
fn the_gorgias_delivery_log_is_evidence_when_it_answers_and_never_a_fail_when_it_does_not() {
    let env = Env::new();
    let report = run(&env, Spec::healthy(), &["gorgias", "webhook"]);
    let c = check(&report, "gorgias.webhook.delivery-log");
    assert_eq!(c["status"], "pass", "{c:#}");
    assert!(c["detail"].as_str().unwrap().contains("HTTP 200"), "{c:#}");

    let report = run(
        &env,
        (opencx_sandbox::find_scenario("gorgias-deliveries-rejected").unwrap().build)(),
        &["gorgias", "webhook"],
    );
    let c = check(&report, "gorgias.webhook.delivery-log");
    assert_eq!(c["status"], "fail", "{c:#}");
    let detail = c["detail"].as_str().unwrap();
    assert!(
        detail.contains("last 4 deliveries") && detail.contains("HTTP 401 ×4") && detail.contains("last success"),
        "{detail}"
    );

    let mut spec = Spec::healthy();
    spec.world.gorgias.integration_events = None;
    let report = run(&env, spec, &["gorgias", "webhook"]);
    let c = check(&report, "gorgias.webhook.delivery-log");
    assert_eq!(c["status"], "info", "{c:#}");
    assert!(c["fix"].as_str().unwrap().contains("Events"), "{c:#}");

    let sb_spec = Spec::healthy().fault(
        opencx_sandbox::Vendor::Gorgias,
        "/api/integrations/42/events",
        opencx_sandbox::FaultKind::Custom {
            status: 200,
            headers: Vec::new(),
            body: r#"{"data": [{"unexpected": 1}]}"#.into(),
        },
    );
    let report = run(&env, sb_spec, &["gorgias", "webhook"]);
    assert_eq!(check(&report, "gorgias.webhook.delivery-log")["status"], "info");
}

fn demo(env: &Env, scenario: &str) -> serde_json::Value {
    json(&env.doctor().args(["demo", "--scenario", scenario, "--format", "json"]).output().unwrap())
}

#[test]
fn findings_name_the_objects_they_rest_on() {
    let env = Env::new();
    let doc = demo(&env, "gorgias-last-message-internal-note");
    let c = crate::common::checks_of(&doc).into_iter().find(|c| c["id"] == "gorgias.ai-silent.last-message").unwrap();
    let detail = c["detail"].as_str().unwrap();
    assert!(detail.contains("message 8") && detail.contains(" by "), "message id and author: {detail}");
    let doc = demo(&env, "intercom-attribute-not-writable");
    let c = crate::common::checks_of(&doc).into_iter().find(|c| c["id"] == "intercom.attributes.api-writable").unwrap();
    assert!(c["detail"].as_str().unwrap().contains("API-writable"), "{c:#}");
    assert!(c["fix"].as_str().unwrap().contains("API-writable"), "the OpenCX docs' word: {c:#}");
    // Every session finding names its session.
    for scenario in ["session-duplicate", "session-handed-off"] {
        for c in crate::common::checks_of(&demo(&env, scenario)) {
            let id = c["id"].as_str().unwrap();
            if id.starts_with("opencx.session.") && matches!(c["status"].as_str(), Some("fail" | "warn")) {
                assert!(c["detail"].as_str().unwrap().contains("5e0c1f4a-"), "{scenario}: {c:#}");
            }
        }
    }
}

#[test]
fn a_wrong_shaped_search_answer_is_an_error_not_no_hits() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.opencx.sessions.retain(|s| s["id"] != conversations::GORGIAS_SESSION);
    let spec = spec.fault(
        opencx_sandbox::Vendor::Opencx,
        "/chat/sessions/search",
        opencx_sandbox::FaultKind::Custom { status: 200, headers: Vec::new(), body: "{}".into() },
    );
    let report = run(&env, spec, &["gorgias", "--ticket", "1042"]);
    let c = check(&report, "opencx.session.found");
    assert_eq!(c["status"], "error", "{c:#}");
    assert!(c["detail"].as_str().unwrap().contains("documented shape"), "{c:#}");
}

#[test]
fn a_reachable_channel_is_reported_as_what_was_seen_not_a_pass() {
    let env = Env::new();
    let report = run(&env, Spec::healthy(), &["hubspot", "replies", "--thread", "8801"]);
    let c = check(&report, "hubspot.replies.channel-reachable");
    assert_eq!(c["status"], "info", "{c:#}");
    assert!(c["detail"].as_str().unwrap().contains("cannot be read"), "{c:#}");
}

#[test]
fn a_stale_gorgias_url_is_one_finding_with_one_fix() {
    let env = Env::new();
    let doc = json(
        &env.doctor().args(["demo", "--scenario", "gorgias-webhook-stale-url", "--format", "json"]).output().unwrap(),
    );
    let checks = crate::common::checks_of(&doc);
    let failing: Vec<&str> = checks
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("gorgias.webhook.") && c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(failing, ["gorgias.webhook.stale-url"], "{checks:#?}");
    // The checks that read the current integration have none: never a pass over nothing.
    for id in ["gorgias.webhook.trigger", "gorgias.webhook.exclusive-triggers", "gorgias.webhook.active"] {
        let c = checks.iter().find(|c| c["id"] == id).unwrap();
        assert_eq!(c["status"], "skip", "{c:#}");
    }
}
