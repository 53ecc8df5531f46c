//! HubSpot specifics: `doctor hubspot scopes` and its evidence labels (no false positives),
//! the webhook items without a developer key, and the Default User ID's two forms.

use crate::common::{check, json, sandbox, stdout, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{FaultKind, Spec};

const SCOPES: [&str; 9] = [
    "conversations.read",
    "conversations.write",
    "crm.objects.owners.read",
    "crm.objects.contacts.read",
    "crm.objects.contacts.write",
    "tickets",
    "crm.objects.companies.read",
    "crm.objects.deals.read",
    "crm.schemas.contacts.read",
];

#[test]
fn doctor_hubspot_scopes_lists_every_needed_scope_with_its_evidence() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env.doctor_for(&sb).args(["hubspot", "scopes", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    let rows: Vec<&serde_json::Value> =
        report["checks"].as_array().unwrap().iter().filter(|c| c["symptom"] == "scopes").collect();
    assert_eq!(rows.len(), SCOPES.len());
    for scope in SCOPES {
        let row =
            rows.iter().find(|r| r["title"].as_str().unwrap().starts_with(scope)).unwrap_or_else(|| panic!("{scope}"));
        assert_eq!(row["status"], "pass", "{row:#}");
        assert!(row["detail"].as_str().unwrap().contains("[token-info"), "evidence label: {row:#}");
    }
    let owners = check(&report, "hubspot.scopes.owners-read");
    assert!(owners["detail"].as_str().unwrap().contains("GET /crm/v3/owners answered 200"));
    let text = stdout(&env.doctor_for(&sb).args(["hubspot", "scopes"]).output().unwrap());
    assert!(text.contains("crm.objects.owners.read") && text.contains("look up a thread's owner"), "{text}");
    assert!(text.contains("needed for") && text.contains("evidence"), "the scopes table:\n{text}");
}

#[test]
fn a_missing_owners_scope_is_explained_with_the_exact_fix() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.hubspot.token_info["scopes"].as_array_mut().unwrap().retain(|s| s != "crm.objects.owners.read");
    let sb = sandbox(spec);
    let report = json(&env.doctor_for(&sb).args(["hubspot", "scopes", "--format", "json"]).output().unwrap());
    let owners = check(&report, "hubspot.scopes.owners-read");
    assert_eq!(owners["status"], "fail");
    let detail = owners["detail"].as_str().unwrap();
    assert!(detail.contains("emails reach HubSpot but no OpenCX session is created"), "{detail}");
    assert!(detail.contains("403 MISSING_SCOPES naming crm.objects.owners.read"), "confirmed by the call: {detail}");
    let fix = owners["fix"].as_str().unwrap();
    assert!(
        fix.contains("Legacy Apps")
            && fix.contains("Scopes")
            && fix.contains("Commit")
            && fix.contains("re")
            && fix.contains("OpenCX"),
        "{fix}"
    );
}

#[test]
fn a_granted_scope_is_never_reported_missing() {
    let env = Env::new();
    // Token introspection lists the scope, but the read is refused (a downgrade or the app's
    // creator lost rights): a warning about the refusal, never "missing".
    let sb = sandbox(Spec::healthy().fault(Vendor::Hubspot, "/crm/v3/owners", FaultKind::Status(403)));
    let report = json(&env.doctor_for(&sb).args(["hubspot", "scopes", "--format", "json"]).output().unwrap());
    let owners = check(&report, "hubspot.scopes.owners-read");
    assert_eq!(owners["status"], "warn", "{owners:#}");
    assert!(owners["detail"].as_str().unwrap().starts_with("granted"));
    for row in report["checks"].as_array().unwrap().iter().filter(|c| c["symptom"] == "scopes") {
        assert_ne!(row["status"], "fail", "{row:#}");
    }
}

#[test]
fn without_a_developer_key_the_webhook_items_say_where_to_look() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().setting("hubspot.app_id", "").setting("hubspot.developer_api_key", ""));
    let report = json(&env.doctor_for(&sb).args(["hubspot", "webhook", "--format", "json"]).output().unwrap());
    let subs = check(&report, "hubspot.webhook.subscriptions");
    assert_eq!(subs["status"], "info");
    let fix = subs["fix"].as_str().unwrap();
    assert!(fix.contains("Legacy Apps → your OpenCX app → Webhooks"), "{fix}");
    for event in ["conversation.newMessage", "conversation.creation", "ticket.propertyChange"] {
        assert!(fix.contains(event), "{event}: {fix}");
    }
    assert_eq!(check(&report, "hubspot.webhook.deliveries")["status"], "pass", "the indirect evidence still runs");
    assert!(!sb.requests().iter().any(|r| r.path.starts_with("/webhooks/v3/")));
}

#[test]
fn the_default_user_id_form_is_named() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let report = json(&env.doctor_for(&sb).args(["hubspot", "ai-silent", "--format", "json"]).output().unwrap());
    assert!(check(&report, "hubspot.ai-silent.user-id-form")["detail"]
        .as_str()
        .unwrap()
        .starts_with("numeric user id 7744120"));
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_HUBSPOT_AI_USER_ID", "A-7744120")
        .args(["hubspot", "ai-silent", "--format", "json"])
        .output()
        .unwrap();
    let report = json(&out);
    let form = check(&report, "hubspot.ai-silent.user-id-form");
    assert_eq!(form["status"], "warn");
    assert!(form["detail"].as_str().unwrap().contains("actor form A-7744120"));
    // The lookups still use the number.
    assert_eq!(check(&report, "hubspot.ai-silent.ai-user")["status"], "pass");
}

#[test]
fn a_token_the_lint_refuses_is_never_sent() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_HUBSPOT_TOKEN", "1a2b3c4d-1111-2222-3333-444455556666")
        .args(["hubspot", "--format", "json"])
        .output()
        .unwrap();
    let report = json(&out);
    assert_eq!(check(&report, "hubspot.credentials.token-format")["status"], "fail");
    let sent: Vec<String> =
        sb.requests().iter().filter(|r| r.vendor == Vendor::Hubspot).map(|r| r.path.clone()).collect();
    assert!(sent.is_empty(), "nothing goes to HubSpot with a malformed token: {sent:?}");
    assert!(check(&report, "hubspot.credentials.token-format")["fix"].as_str().unwrap().contains("pat-"));
}

#[test]
fn a_403_on_the_owner_lookup_prescribes_the_scope_only_when_the_answer_names_it() {
    let env = Env::new();
    let body = serde_json::json!({"status": "error", "message": "This portal is locked", "category": "LOCKED", "correlationId": "c-1"});
    let sb = sandbox(Spec::healthy().fault(
        Vendor::Hubspot,
        "/crm/v3/owners/",
        FaultKind::Custom { status: 403, headers: Vec::new(), body: body.to_string() },
    ));
    let out = env.doctor_for(&sb).args(["hubspot", "ai-silent", "--format", "json"]).output().unwrap();
    let report = json(&out);
    let c = check(&report, "hubspot.ai-silent.owner-lookup");
    assert_eq!(c["status"], "error", "{c:#}");
    assert!(!c["fix"].as_str().unwrap_or("").contains("crm.objects.owners.read"), "{c:#}");
}

#[test]
fn int32_fields_with_negative_values_do_not_make_an_answer_unreadable() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.hubspot.webhook_settings["throttling"]["maxConcurrentRequests"] = (-1).into();
    for o in spec.world.hubspot.owners.iter_mut() {
        o["userId"] = (-5).into();
    }
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["hubspot", "--format", "json"]).output().unwrap();
    let report = json(&out);
    for c in report["checks"].as_array().unwrap() {
        assert!(!c["detail"].as_str().unwrap_or("").contains("documented shape"), "{c:#}");
    }
}

#[test]
fn the_deliveries_evidence_reads_every_thread_of_the_window_in_the_order_hubspot_returns() {
    // HubSpot lists threads in ascending order whatever `sort` says (without a contact filter):
    // 30 older threads in the window must not push the AI user's newest thread off the page.
    let env = Env::new();
    let mut spec = Spec::healthy();
    let template = spec.world.hubspot.threads[0].clone();
    for i in 0..30 {
        let mut t = template.clone();
        t["id"] = format!("7{i:03}").into();
        t["assignedTo"] = "A-1".into();
        let at = chrono::Utc::now() - chrono::Duration::days(5) + chrono::Duration::minutes(i);
        t["latestMessageTimestamp"] = at.to_rfc3339().into();
        t["latestMessageReceivedTimestamp"] = at.to_rfc3339().into();
        spec.world.hubspot.threads.push(t);
    }
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["hubspot", "webhook", "--format", "json"]).output().unwrap();
    let report = json(&out);
    let c = check(&report, "hubspot.webhook.deliveries");
    assert_eq!(c["status"], "pass", "{c:#}");
    assert!(c["detail"].as_str().unwrap().contains("8802"), "the AI user's newest thread was looked at: {c:#}");
}

#[test]
fn webhooks_are_read_with_the_developer_key_on_the_dated_paths_and_the_v3_ones() {
    let env = Env::new();
    // The dated /app-webhooks/… paths answer the developer key.
    let mut spec = Spec::healthy();
    spec.world.hubspot.v3_webhooks_accept_hapikey = false;
    let sb = sandbox(spec);
    let report = json(&env.doctor_for(&sb).args(["hubspot", "webhook", "--format", "json"]).output().unwrap());
    assert_eq!(check(&report, "hubspot.webhook.subscriptions")["status"], "pass", "{report:#}");
    // A portal without the dated paths: the v3 path with hapikey.
    let mut spec = Spec::healthy();
    spec.world.hubspot.dated_webhooks = false;
    let sb = sandbox(spec);
    let report = json(&env.doctor_for(&sb).args(["hubspot", "webhook", "--format", "json"]).output().unwrap());
    assert_eq!(check(&report, "hubspot.webhook.subscriptions")["status"], "pass", "{report:#}");
}

#[test]
fn a_refused_developer_key_says_which_credential_reads_webhooks_and_is_never_a_fail() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_HUBSPOT_DEVELOPER_API_KEY", "wrong-dev-key-0123456789abcdef")
        .args(["hubspot", "webhook", "--format", "json"])
        .output()
        .unwrap();
    let report = json(&out);
    for c in report["checks"].as_array().unwrap() {
        if c["detail"].as_str().unwrap_or("").contains("refused the developer API key") {
            assert_eq!(c["status"], "error", "{c:#}");
            assert!(c["fix"].as_str().unwrap().contains("developer API key of the developer account"), "{c:#}");
        }
    }
    let subs = check(&report, "hubspot.webhook.subscriptions");
    assert_eq!(subs["status"], "error", "{subs:#}");
}
