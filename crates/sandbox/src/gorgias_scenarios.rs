//! One sandbox scenario per documented Gorgias cause (symptoms.md), each named after it.

use chrono::{Duration, Utc};
use serde_json::json;

use super::conversations::{self, gorgias_message, GORGIAS_SESSION, GORGIAS_TICKET, WAITING_SESSION};
use super::scenarios::Scenario;
use super::world::{Spec, GORGIAS_TEAM};
use crate::Vendor;

const fn sc(name: &'static str, summary: &'static str, diagnosed_by: &'static str, build: fn() -> Spec) -> Scenario {
    Scenario { name, integration: Some(Vendor::Gorgias), summary, diagnosed_by: Some(diagnosed_by), build }
}

fn opencx_integration(spec: &mut Spec) -> &mut serde_json::Value {
    spec.world.gorgias.integrations.iter_mut().find(|i| i["id"] == 42).expect("the OpenCX integration")
}

pub(crate) static SCENARIOS: &[Scenario] = &[
    sc(
        "gorgias-wrong-domain",
        "The domain prefix names no Gorgias account (HTML 404)",
        "gorgias.credentials.domain",
        || {
            Spec::healthy()
                .with(|s| {
                    s.world.gorgias.exists = false;
                })
                .setting("gorgias.domain", "acme-shop")
        },
    ),
    sc("gorgias-key-revoked", "The API key was reset in Gorgias: 401", "gorgias.credentials.api-key", || {
        Spec::healthy()
            .with(|s| {
                s.world.gorgias.api_key = "sbx-gorgias-rotated-5e2b7d90c1f3a4".into();
            })
            .setting("gorgias.api_key", super::world::GORGIAS_KEY)
    }),
    sc("gorgias-no-permission", "The key's user may not use the API: 403", "gorgias.credentials.permission", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.forbidden = true;
        })
    }),
    sc("gorgias-account-inactive", "The Gorgias account was deactivated", "gorgias.credentials.account-active", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.account["status"]["status"] = "inactive".into();
            s.world.gorgias.account["deactivated_datetime"] = "2026-10-30T08:00:00+00:00".into();
        })
    }),
    sc("gorgias-email-mismatch", "The profile's email is not the key's user", "gorgias.credentials.email", || {
        // The key belongs to another user than the profile's email names; /api/users/0 shows it.
        Spec::healthy().with(|s| {
            s.world.gorgias.users[0]["email"] = "owner@acme.example".into();
        })
    }),
    sc(
        "gorgias-deliveries-rejected",
        "Gorgias's delivery log: the OpenCX URL answers 401 since its token changed",
        "gorgias.webhook.delivery-log",
        || {
            Spec::healthy().with(|s| {
                let now = chrono::Utc::now();
                let log: Vec<serde_json::Value> = (0..6)
                    .map(|i| {
                        let at = now - Duration::minutes(5 + i * 15);
                        conversations::delivery_event(i as u64, at, Some(if i < 4 { 401 } else { 200 }))
                    })
                    .collect();
                s.world.gorgias.integration_events = Some(std::collections::HashMap::from([(42, log)]));
            })
        },
    ),
    sc("gorgias-webhook-url-http", "The webhook URL in the profile is plain http", "gorgias.webhook.url-https", || {
        Spec::healthy().setting("gorgias.webhook_url", "http://api.open.cx/webhooks/gorgias/whk7f3a91c2d8e4b6a05f1")
    }),
    sc("gorgias-webhook-missing", "No HTTP integration sends to OpenCX", "gorgias.webhook.integration-exists", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.integrations.retain(|i| i["id"] != 42);
        })
    }),
    sc(
        "gorgias-webhook-stale-url",
        "The HTTP integration has an older OpenCX URL (credentials re-saved)",
        "gorgias.webhook.stale-url",
        || {
            Spec::healthy().with(|s| {
                opencx_integration(s)["http"]["url"] = "{opencx}/webhooks/gorgias/whk0ld9e8d7c6b5a4f3e2d".into();
            })
        },
    ),
    sc("gorgias-webhook-trigger-off", "'Ticket message created' is not selected", "gorgias.webhook.trigger", || {
        Spec::healthy().with(|s| {
            opencx_integration(s)["http"]["triggers"] =
                json!({"ticket-created": true, "ticket-message-created": false});
        })
    }),
    sc(
        "gorgias-webhook-exclusive-trigger",
        "'Ticket assignment updated' is selected and disables the others",
        "gorgias.webhook.exclusive-triggers",
        || {
            Spec::healthy().with(|s| {
                opencx_integration(s)["http"]["triggers"] =
                    json!({"ticket-message-created": true, "ticket-assignment-updated": true});
            })
        },
    ),
    sc(
        "gorgias-webhook-deactivated",
        "Gorgias deactivated the integration after failed deliveries",
        "gorgias.webhook.active",
        || {
            Spec::healthy().with(|s| {
                opencx_integration(s)["deactivated_datetime"] = "2026-11-20T03:14:00+00:00".into();
            })
        },
    ),
    sc(
        "gorgias-webhook-not-delivering",
        "Recent customer messages on AI tickets have no OpenCX session",
        "gorgias.webhook.deliveries",
        || {
            Spec::healthy().with(|s| {
                s.world.opencx.sessions.retain(|x| x["id"] != WAITING_SESSION);
                let at = Utc::now() - Duration::minutes(9);
                s.world.gorgias.tickets.push(conversations::gorgias_ticket(
                    1044,
                    at,
                    "Refund?",
                    &[gorgias_message(880_030, at, true, "Can I get a refund?")],
                ));
            })
        },
    ),
    sc(
        "gorgias-ticket-unassigned",
        "Ticket 1042 is assigned to a human, not the AI user",
        "gorgias.ai-silent.assigned",
        || {
            Spec::healthy().with(|s| {
                s.world.ticket_mut(GORGIAS_TICKET)["assignee_user"] =
                    json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support"});
            })
        },
    ),
    sc("gorgias-ai-user-deactivated", "The Default User ID is a deactivated user", "gorgias.ai-silent.ai-user", || {
        Spec::healthy().with(|s| {
            let ai = s
                .world
                .gorgias
                .users
                .iter_mut()
                .find(|u| u["id"] == super::world::GORGIAS_AI_USER)
                .expect("the AI user");
            ai["active"] = false.into();
            ai["deactivated_datetime"] = "2026-11-01T00:00:00+00:00".into();
        })
    }),
    sc("gorgias-ai-user-missing", "The Default User ID names no Gorgias user", "gorgias.ai-silent.ai-user", || {
        Spec::healthy().setting("gorgias.ai_user_id", "9999")
    }),
    sc(
        "gorgias-last-message-internal-note",
        "The ticket's last message is an internal note",
        "gorgias.ai-silent.last-message",
        || {
            Spec::healthy().with(|s| {
                let at = Utc::now() - Duration::minutes(30);
                let mut note = gorgias_message(880_040, at, false, "Customer is a VIP, be nice");
                note["public"] = false.into();
                note["channel"] = "internal-note".into();
                note["from_agent"] = true.into();
                note["via"] = "helpdesk".into();
                note["source"]["type"] = "internal-note".into();
                note["sender"] = json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support"});
                s.world.push_gorgias_message(GORGIAS_TICKET, note);
            })
        },
    ),
    sc(
        "gorgias-last-message-from-agent",
        "An agent wrote the ticket's last message",
        "gorgias.ai-silent.last-message",
        || {
            Spec::healthy().with(|s| {
                let at = Utc::now() - Duration::minutes(30);
                let mut reply = gorgias_message(880_041, at, false, "Let me check that for you.");
                reply["from_agent"] = true.into();
                reply["via"] = "helpdesk".into();
                reply["sender"] = json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support"});
                s.world.push_gorgias_message(GORGIAS_TICKET, reply);
            })
        },
    ),
    sc(
        "gorgias-sender-not-customer",
        "The last message came from an address other than the ticket's customer",
        "gorgias.ai-silent.last-message",
        || {
            Spec::healthy().with(|s| {
                let at = Utc::now() - Duration::minutes(30);
                let mut other = gorgias_message(880_042, at, true, "Any update? (from my work address)");
                other["sender"] = json!({"id": 5502, "email": "jane@work.example", "name": "Jane at work"});
                s.world.push_gorgias_message(GORGIAS_TICKET, other);
            })
        },
    ),
    sc(
        "gorgias-no-default-team",
        "No default team id is configured",
        "gorgias.handoff-routing.team-configured",
        || Spec::healthy().setting("gorgias.team_id", ""),
    ),
    sc("gorgias-team-missing", "The default team id names no team", "gorgias.handoff-routing.team-exists", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.teams.clear();
        })
    }),
    sc("gorgias-team-empty", "The default team has no members", "gorgias.handoff-routing.team-exists", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.teams[0]["members"] = json!([]);
        })
    }),
    sc("gorgias-no-routing-rule", "No rule routes tickets of the handoff team", "gorgias.handoff-routing.rule", || {
        Spec::healthy().with(|s| {
            s.world.gorgias.rules.retain(|r| !r["code"].as_str().unwrap_or("").contains(&GORGIAS_TEAM.to_string()));
        })
    }),
    sc(
        "gorgias-routing-rule-deactivated",
        "The routing rule for the handoff team is deactivated",
        "gorgias.handoff-routing.rule",
        || {
            Spec::healthy().with(|s| {
                s.world.gorgias.rules[0]["deactivated_datetime"] = "2026-10-01T00:00:00+00:00".into();
            })
        },
    ),
    sc(
        "gorgias-duplicate-replies",
        "The AI answered one customer message twice, 20 s apart",
        "gorgias.duplicates.replies",
        || {
            Spec::healthy().with(|s| {
                let first = s.world.ticket_mut(GORGIAS_TICKET)["messages"][1].clone();
                let mut again = first.clone();
                let at = super::conversations::parse(first["created_datetime"].as_str().unwrap_or_default())
                    + Duration::seconds(20);
                again["id"] = 880_003.into();
                again["created_datetime"] = conversations::ts(at).into();
                s.world.push_gorgias_message(GORGIAS_TICKET, again);
            })
        },
    ),
    sc(
        "gorgias-two-integrations",
        "Two active HTTP integrations send to OpenCX",
        "gorgias.duplicates.integrations",
        || {
            Spec::healthy().with(|s| {
                let mut twin = opencx_integration(s).clone();
                twin["id"] = 44.into();
                twin["name"] = "OpenCX (copy)".into();
                s.world.gorgias.integrations.push(twin);
            })
        },
    ),
    sc(
        "gorgias-handoff-not-marked",
        "An agent took over but the session was never marked handed off",
        "gorgias.after-handoff.session-marked",
        || {
            Spec::healthy().with(|s| {
                let at = Utc::now() - Duration::minutes(50);
                let mut agent = gorgias_message(880_050, at, false, "Hi Jane, Sam here, I'll take it from here.");
                agent["from_agent"] = true.into();
                agent["via"] = "helpdesk".into();
                agent["sender"] = json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support"});
                s.world.push_gorgias_message(GORGIAS_TICKET, agent);
                s.world.push_gorgias_message(
                    GORGIAS_TICKET,
                    gorgias_message(880_051, at + Duration::minutes(5), true, "Thanks Sam"),
                );
                s.world.push_gorgias_message(
                    GORGIAS_TICKET,
                    gorgias_message(880_052, at + Duration::minutes(6), false, "You're welcome! Anything else?"),
                );
            })
        },
    ),
    sc(
        "gorgias-ai-after-handoff",
        "The AI replied on the ticket after the handoff",
        "gorgias.after-handoff.ai-after-handoff",
        || {
            Spec::healthy().with(|s| {
                let handoff = s.world.session_created(GORGIAS_SESSION) + Duration::seconds(60);
                s.world.hand_off(
                    GORGIAS_SESSION,
                    handoff,
                    &["user_requested_human_assistance"],
                    "The customer asked for a person.",
                );
                let later = handoff + Duration::minutes(10);
                s.world.push_gorgias_message(
                    GORGIAS_TICKET,
                    gorgias_message(880_060, later, true, "Hello? Is someone there?"),
                );
                s.world.push_gorgias_message(
                    GORGIAS_TICKET,
                    gorgias_message(880_061, later + Duration::seconds(30), false, "I can help with that!"),
                );
            })
        },
    ),
    sc(
        "gorgias-second-session",
        "A second session opened after the 24-hour ticket lock expired",
        "gorgias.after-handoff.second-session",
        || {
            Spec::healthy().with(|s| {
                let handoff = s.world.session_created(GORGIAS_SESSION) + Duration::seconds(60);
                s.world.hand_off(GORGIAS_SESSION, handoff, &["based_on_instructions"], "Refunds go to a human.");
                // Move the ticket's start back 26 hours, so its second message opens a new session.
                let t = s.world.ticket_mut(GORGIAS_TICKET);
                let old = super::conversations::parse(t["created_datetime"].as_str().unwrap_or_default())
                    - Duration::hours(26);
                t["created_datetime"] = conversations::ts(old).into();
                t["messages"][0]["created_datetime"] = conversations::ts(old).into();
                let first = s.world.session_mut(GORGIAS_SESSION);
                first["created_at"] = conversations::ts(old + Duration::seconds(6)).into();
                let second = s.world.session_created(GORGIAS_SESSION) + Duration::hours(26);
                // The customer's message a day later that opened the second session.
                let t = s.world.ticket_mut(GORGIAS_TICKET);
                let messages = t["messages"].as_array_mut().expect("the ticket has messages");
                messages.insert(
                    1,
                    conversations::gorgias_message(
                        880_003,
                        second - Duration::seconds(6),
                        true,
                        "Any news on my refund?",
                    ),
                );
                conversations::add_session(
                    &mut s.world,
                    "5e0c1f4a-2b7d-4c89-9a31-1042aa000003",
                    "gorgias",
                    "1042",
                    second,
                    "email",
                );
            })
        },
    ),
];
