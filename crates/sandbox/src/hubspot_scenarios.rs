//! One sandbox scenario per documented HubSpot cause (symptoms.md), each named after it.

use chrono::Duration;
use serde_json::json;

use super::conversations::{hubspot_message, HUBSPOT_SESSION, HUBSPOT_THREAD, HUBSPOT_WAITING_SESSION};
use super::scenarios::Scenario;
use super::world::{Spec, World, HUBSPOT_AI_USER};
use crate::Vendor;

const fn sc(
    name: &'static str,
    summary: &'static str,
    diagnosed_by: Option<&'static str>,
    build: fn() -> Spec,
) -> Scenario {
    Scenario { name, integration: Some(Vendor::Hubspot), summary, diagnosed_by, build }
}

fn thread(world: &mut World) -> &mut serde_json::Value {
    world.hubspot.threads.iter_mut().find(|t| t["id"] == HUBSPOT_THREAD).expect("thread 8801")
}

fn without_scope(scope: &str) -> Spec {
    Spec::healthy().with(|s| {
        s.world.hubspot.token_info["scopes"].as_array_mut().expect("scopes").retain(|x| x != scope);
    })
}

/// Hands the thread's session off, with (or without) OpenCX's handoff comment on the thread.
fn handed_off(comment: bool, ticket: bool) -> Spec {
    Spec::healthy().with(|s| {
        let at = s.world.session_created(HUBSPOT_SESSION) + Duration::seconds(50);
        s.world.hand_off(HUBSPOT_SESSION, at, &["user_requested_human_assistance"], "The customer asked for a person.");
        if comment {
            let note = hubspot_message(
                "m3",
                "COMMENT",
                "OUTGOING",
                "I-3011410",
                at,
                "🔄 AI decided to handoff: the customer asked for a person (sentiment: angry).",
            );
            s.world.hubspot.messages.get_mut(HUBSPOT_THREAD).expect("messages").push(note);
        }
        if ticket {
            thread(&mut s.world)["threadAssociations"] = json!({"associatedTicketId": "57774743"});
        }
    })
}

pub(crate) static SCENARIOS: &[Scenario] = &[
    sc(
        "hubspot-token-format",
        "A developer API key pasted instead of a pat- token",
        Some("hubspot.credentials.token-format"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.token = "4f1e2d3c-5b6a-7980-a1b2-c3d4e5f60718".into();
            })
        },
    ),
    sc("hubspot-token-expired", "The token was rotated: 401", Some("hubspot.credentials.token-valid"), || {
        Spec::healthy()
            .with(|s| {
                s.world.hubspot.token = "pat-na1-00000000-1111-2222-3333-444444444444".into();
            })
            .setting("hubspot.token", "pat-na1-5b1f0d3e-9c2a-4e7b-8f61-2d4c9a7e0b13")
    }),
    sc(
        "hubspot-owners-scope-missing",
        "The app lacks crm.objects.owners.read: emails arrive, no session",
        Some("hubspot.scopes.owners-read"),
        || without_scope("crm.objects.owners.read"),
    ),
    sc(
        "hubspot-handoff-off-hubspot-channel",
        "A session on OpenCX's own WhatsApp channel was handed off: HubSpot never sees it",
        Some("hubspot.no-ticket.off-hubspot-handoffs"),
        || {
            Spec::healthy().with(|s| {
                let id = "9c4e11f2-6d5b-4a28-b076-99990c000001";
                let at = chrono::Utc::now() - Duration::hours(3);
                super::conversations::add_session(&mut s.world, id, "hubspot", "0", at, "whatsapp");
                s.world.session_mut(id)["ticketing_system"] = serde_json::Value::Null;
                s.world.hand_off(id, at + Duration::seconds(40), &["customer_request"], "Asked for a human.");
            })
        },
    ),
    sc("hubspot-tickets-scope-missing", "The app lacks the tickets scope", Some("hubspot.scopes.tickets"), || {
        without_scope("tickets")
    }),
    sc(
        "hubspot-conversations-scope-missing",
        "The app lacks conversations.read",
        Some("hubspot.scopes.conversations-read"),
        || without_scope("conversations.read"),
    ),
    sc(
        "hubspot-webhook-subscription-missing",
        "conversation.newMessage is not subscribed",
        Some("hubspot.webhook.subscriptions"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.subscriptions.retain(|x| x["eventType"] != "conversation.newMessage");
            })
        },
    ),
    sc("hubspot-webhook-paused", "A required subscription is paused", Some("hubspot.webhook.subscriptions"), || {
        Spec::healthy().with(|s| {
            s.world.hubspot.subscriptions[0]["active"] = false.into();
        })
    }),
    sc(
        "hubspot-webhook-stale-url",
        "The target URL is an older OpenCX URL",
        Some("hubspot.webhook.target-url"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.webhook_settings["targetUrl"] =
                    "{opencx}/webhooks/hubspot/whk0ld9e8d7c6b5a4f3e2d".into();
            })
        },
    ),
    sc(
        "hubspot-webhook-other-org",
        "The target URL was copied from another organisation",
        Some("hubspot.webhook.target-url"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.webhook_settings["targetUrl"] =
                    "https://hooks.other-org.example/hubspot/4a5b6c7d8e9f0a1b2c3d".into();
            })
        },
    ),
    sc(
        "hubspot-throttling-default",
        "Webhook throttling is HubSpot's default of 10",
        Some("hubspot.webhook.throttling"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.webhook_settings["throttling"]["maxConcurrentRequests"] = 10.into();
            })
        },
    ),
    sc(
        "hubspot-webhook-not-delivering",
        "A waiting AI-owned thread has no OpenCX session",
        Some("hubspot.webhook.deliveries"),
        || {
            Spec::healthy().with(|s| {
                s.world.opencx.sessions.retain(|x| x["id"] != HUBSPOT_WAITING_SESSION);
            })
        },
    ),
    sc("hubspot-no-developer-key", "No app id or developer key: webhook items say where to look", None, || {
        Spec::healthy().setting("hubspot.app_id", "").setting("hubspot.developer_api_key", "")
    }),
    sc(
        "hubspot-thread-reassigned",
        "Thread 8801 is owned by a rep, not the AI user",
        Some("hubspot.ai-silent.assigned"),
        || {
            Spec::healthy().with(|s| {
                thread(&mut s.world)["assignedTo"] = "A-7744121".into();
            })
        },
    ),
    sc(
        "hubspot-user-id-actor-form",
        "The Default User ID was entered as A-<id>",
        Some("hubspot.ai-silent.user-id-form"),
        || Spec::healthy().setting("hubspot.ai_user_id", format!("A-{HUBSPOT_AI_USER}")),
    ),
    sc(
        "hubspot-user-id-is-owner-id",
        "The Default User ID is an owner id, not a user id",
        Some("hubspot.ai-silent.ai-user"),
        || Spec::healthy().setting("hubspot.ai_user_id", "512001"),
    ),
    sc(
        "hubspot-temporary-address",
        "The conversation went to OpenCX's temporary+…@instant.cx address",
        Some("hubspot.no-ticket.channel"),
        || {
            Spec::healthy().with(|s| {
                s.world.session_mut(HUBSPOT_SESSION)["contact"]["email"] = "temporary+8f3a@instant.cx".into();
            })
        },
    ),
    sc(
        "hubspot-contact-no-email",
        "The thread's contact has no email",
        Some("hubspot.no-ticket.contact-email"),
        || {
            Spec::healthy().with(|s| {
                s.world.hubspot.contacts[0]["properties"]["email"] = "".into();
            })
        },
    ),
    sc(
        "hubspot-handoff-no-ticket",
        "Handed off, with the comment, but no ticket",
        Some("hubspot.no-ticket.ticket-linked"),
        || handed_off(true, false),
    ),
    sc(
        "hubspot-handoff-no-comment",
        "Handed off with a ticket, but no handoff comment on the thread",
        Some("hubspot.replies.handoff-comment"),
        || handed_off(false, true),
    ),
    sc(
        "hubspot-rep-internal-comment",
        "The rep answered with an internal comment",
        Some("hubspot.replies.public-reply"),
        || {
            let mut s = handed_off(true, true);
            let at = s.world.session_created(HUBSPOT_SESSION) + Duration::minutes(10);
            let comment =
                hubspot_message("m4", "COMMENT", "OUTGOING", "A-7744121", at, "Refund approved, sending it now.");
            s.world.hubspot.messages.get_mut(HUBSPOT_THREAD).expect("messages").push(comment);
            s
        },
    ),
    sc(
        "hubspot-thread-closed",
        "The thread was closed: replies may not reach the customer",
        Some("hubspot.replies.channel-reachable"),
        || {
            Spec::healthy().with(|s| {
                let t = thread(&mut s.world);
                t["status"] = "CLOSED".into();
                t["closedAt"] = t["latestMessageTimestamp"].clone();
            })
        },
    ),
    sc(
        "hubspot-contact-not-in-crm",
        "The session's email matches no HubSpot contact",
        Some("hubspot.crm-panel.contact-match"),
        || {
            Spec::healthy().with(|s| {
                s.world.session_mut(HUBSPOT_SESSION)["contact"]["email"] = "jane.other@customer.example".into();
            })
        },
    ),
];
