//! Intercom specifics that the scenario table does not cover: expected behaviour reported as
//! info, the webhook evidence made of reads and one HEAD, and the version traps.

use crate::common::{check, json, sandbox, Env};
use opencx_sandbox::Spec;
use opencx_sandbox::Vendor;

fn run(env: &Env, sb: &opencx_sandbox::Sandbox) -> serde_json::Value {
    json(&env.doctor_for(sb).args(["intercom", "--conversation", "215", "--format", "json"]).output().unwrap())
}

#[test]
fn the_webhook_symptom_says_where_to_look_and_probes_the_url_with_a_head_only() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let report = run(&env, &sb);
    let topics = check(&report, "intercom.webhook.topics");
    assert_eq!(topics["status"], "info");
    for topic in [
        "conversation.user.created",
        "conversation.user.replied",
        "conversation.admin.replied",
        "conversation.admin.assigned",
        "conversation.admin.closed",
    ] {
        assert!(topics["detail"].as_str().unwrap().contains(topic), "{topic}");
    }
    assert!(topics["fix"].as_str().unwrap().contains("Developer Hub → your app → Configure → Webhooks"));
    assert_eq!(check(&report, "intercom.webhook.url-reachable")["status"], "pass");
    let to_webhook: Vec<String> = sb
        .requests()
        .iter()
        .filter(|r| r.vendor == Vendor::Opencx && r.path.starts_with("/webhooks/"))
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(to_webhook, ["HEAD"], "nothing but one HEAD reaches the OpenCX webhook URL");
}

#[test]
fn assist_on_a_conversation_the_ai_owns_is_explained_not_failed() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let report = run(&env, &sb);
    let owned = check(&report, "intercom.assist.human-owned");
    assert_eq!(owned["status"], "info");
    assert!(owned["detail"].as_str().unwrap().contains("Assist drafts appear only on human-owned conversations"));
}

#[test]
fn unassigned_reads_the_same_as_0_and_as_null() {
    let env = Env::new();
    for value in [serde_json::Value::Null, 0.into()] {
        let mut spec = Spec::healthy();
        spec.world.intercom.conversations[0]["admin_assignee_id"] = value.clone();
        let sb = sandbox(spec);
        let report = run(&env, &sb);
        let assigned = check(&report, "intercom.ai-silent.assigned");
        assert_eq!(assigned["status"], "fail", "{value}");
        assert!(assigned["detail"].as_str().unwrap().contains("assigned to no admin"), "{value}: {assigned:#}");
    }
}

#[test]
fn the_api_writable_check_pins_a_version_that_reports_it() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let report = run(&env, &sb);
    // The sandbox answers 422 to model=conversation under 2.16, as Intercom does; the doctor's
    // pinned 2.15 gets the list with api_writable.
    assert_eq!(check(&report, "intercom.attributes.api-writable")["status"], "pass");
}

#[test]
fn a_plan_without_api_access_is_found_where_intercom_documents_it() {
    // Intercom's spec documents 403 api_plan_restricted on the conversation endpoints; /me answers.
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.intercom.plan_restricted = true;
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["intercom", "--format", "json"]).output().unwrap();
    let report = json(&out);
    assert!(sb.requests().iter().any(|r| r.path == "/me" && r.status == 200), "/me answered");
    let plan = check(&report, "intercom.credentials.plan");
    assert_eq!(plan["status"], "fail", "{plan:#}");
    assert!(plan["fix"].as_str().unwrap().contains("upgrade"), "{plan:#}");
    let read = check(&report, "intercom.webhook.read-conversations");
    assert_ne!(read["status"], "fail", "no second finding with the permissions fix: {read:#}");
    assert!(!report.to_string().contains("Edit permissions, grant"), "the wrong fix is not given");
}
