//! One sandbox scenario per documented Intercom cause (symptoms.md), each named after it.

use chrono::{Duration, Utc};
use serde_json::json;

use super::conversations::{intercom_part, INTERCOM_CONTACT, INTERCOM_CONVERSATION, INTERCOM_WAITING_SESSION};
use super::scenarios::Scenario;
use super::world::{FaultKind, Spec, World, INTERCOM_AI_ADMIN};
use crate::Vendor;

const fn sc(
    name: &'static str,
    summary: &'static str,
    diagnosed_by: Option<&'static str>,
    build: fn() -> Spec,
) -> Scenario {
    Scenario { name, integration: Some(Vendor::Intercom), summary, diagnosed_by, build }
}

fn conversation(world: &mut World) -> &mut serde_json::Value {
    world.intercom.conversations.iter_mut().find(|c| c["id"] == INTERCOM_CONVERSATION).expect("conversation 215")
}

pub(crate) static SCENARIOS: &[Scenario] = &[
    sc(
        "intercom-token-revoked",
        "The access token was revoked: 401 token_revoked",
        Some("intercom.credentials.token"),
        || {
            Spec::healthy()
                .with(|s| {
                    s.world.intercom.token = "sbx-intercom-regenerated-aGVsbG8xMjM0NTY".into();
                    s.world.intercom.rejected_code = "token_revoked";
                })
                .setting("intercom.token", super::world::INTERCOM_TOKEN)
        },
    ),
    sc(
        "intercom-plan-restricted",
        "The workspace's plan has no API access: 403",
        Some("intercom.credentials.plan"),
        || {
            Spec::healthy().with(|s| {
                s.world.intercom.plan_restricted = true;
            })
        },
    ),
    sc(
        "intercom-wrong-workspace",
        "The Workspace ID is another workspace's",
        Some("intercom.credentials.workspace"),
        || Spec::healthy().setting("intercom.workspace_id", "zz999old"),
    ),
    sc(
        "intercom-eu-region",
        "An EU workspace behind a base URL override: the region check can only inform",
        None,
        || {
            Spec::healthy().with(|s| {
                s.world.intercom.me["app"]["region"] = "EU".into();
            })
        },
    ),
    sc(
        "intercom-webhook-no-read-permission",
        "The token lacks 'Read conversations', which every topic needs",
        Some("intercom.webhook.read-conversations"),
        || Spec::healthy().fault(Vendor::Intercom, "/conversations", FaultKind::Status(403)),
    ),
    sc(
        "intercom-webhook-url-down",
        "The OpenCX webhook URL answers 503",
        Some("intercom.webhook.url-reachable"),
        || Spec::healthy().fault(Vendor::Opencx, "/webhooks/intercom", FaultKind::Status(503)),
    ),
    sc(
        "intercom-webhook-not-delivering",
        "A waiting AI conversation has no OpenCX session",
        Some("intercom.webhook.deliveries"),
        || {
            Spec::healthy().with(|s| {
                s.world.opencx.sessions.retain(|x| x["id"] != INTERCOM_WAITING_SESSION);
            })
        },
    ),
    sc(
        "intercom-not-assigned",
        "Conversation 215 is assigned to a human teammate",
        Some("intercom.ai-silent.assigned"),
        || {
            Spec::healthy().with(|s| {
                conversation(&mut s.world)["admin_assignee_id"] = 991_267_461.into();
            })
        },
    ),
    sc(
        "intercom-unassigned-2-16",
        "Conversation 215 is unassigned (0, as API 2.16 says it)",
        Some("intercom.ai-silent.assigned"),
        || {
            Spec::healthy().with(|s| {
                conversation(&mut s.world)["admin_assignee_id"] = 0.into();
            })
        },
    ),
    sc("intercom-ai-admin-missing", "The AI Admin ID names no teammate", Some("intercom.ai-silent.ai-admin"), || {
        Spec::healthy().setting("intercom.ai_admin_id", "991260000")
    }),
    sc(
        "intercom-ai-admin-away",
        "The AI teammate is away with reassignment on",
        Some("intercom.ai-silent.ai-admin"),
        || {
            Spec::healthy().with(|s| {
                let ai =
                    s.world.intercom.admins.iter_mut().find(|a| a["id"] == INTERCOM_AI_ADMIN).expect("the AI admin");
                ai["away_mode_enabled"] = true.into();
                ai["away_mode_reassign"] = true.into();
            })
        },
    ),
    sc(
        "intercom-waiting-for-assignment",
        "Process on assignment is on, and no assignment event happened",
        Some("intercom.ai-silent.assignment-event"),
        || {
            Spec::healthy().setting("intercom.process_on_assignment", "true").with(|s| {
                conversation(&mut s.world)["conversation_parts"]["conversation_parts"]
                    .as_array_mut()
                    .expect("parts")
                    .retain(|p| p["part_type"] != "assignment");
            })
        },
    ),
    sc(
        "intercom-not-customer-initiated",
        "Conversation 215 was started by an outbound bot",
        Some("intercom.ai-silent.customer-initiated"),
        || {
            Spec::healthy().with(|s| {
                let c = conversation(&mut s.world);
                c["source"]["delivered_as"] = "automated".into();
                c["source"]["author"] = json!({"type": "bot", "id": "991267000", "name": "Operator", "email": ""});
            })
        },
    ),
    sc(
        "intercom-handoff-stuck",
        "Tagged opencx_handed_off but still assigned to the AI admin",
        Some("intercom.handoff-stuck.still-assigned"),
        || {
            Spec::healthy().with(|s| {
                conversation(&mut s.world)["tags"] =
                    json!({"type": "tag.list", "tags": [{"type": "tag", "id": "77", "name": "opencx_handed_off"}]});
            })
        },
    ),
    sc(
        "intercom-duplicate-replies",
        "The AI admin posted the same reply twice",
        Some("intercom.duplicates.replies"),
        || {
            Spec::healthy().with(|s| {
                let at = Utc::now() - Duration::hours(3) + Duration::seconds(95);
                let parts = conversation(&mut s.world)["conversation_parts"]["conversation_parts"]
                    .as_array_mut()
                    .expect("parts");
                parts.push(intercom_part(
                    "8003",
                    "comment",
                    at,
                    "admin",
                    "OpenCX AI",
                    Some("Yes! Send me the new address and I will update order #5521."),
                    None,
                ));
            })
        },
    ),
    sc(
        "intercom-assist-on-ai-conversation",
        "Assist expected on a conversation the AI owns (expected behaviour)",
        None,
        Spec::healthy,
    ),
    sc(
        "intercom-attribute-not-writable",
        "A custom conversation attribute is not API-writable",
        Some("intercom.attributes.api-writable"),
        || {
            Spec::healthy().with(|s| {
                s.world.intercom.conversation_attributes[0]["api_writable"] = false.into();
            })
        },
    ),
    sc(
        "intercom-contact-no-company",
        "The conversation's contact has no company",
        Some("intercom.companies.contact-company"),
        || {
            Spec::healthy().with(|s| {
                s.world.intercom.companies.remove(INTERCOM_CONTACT);
            })
        },
    ),
];
