//! A timed script for `doctor watch`: "a customer message arrives after N s on object X; a
//! session after M s; an AI reply after K s (or two replies, a handoff, or none)". The server
//! applies each event once the sandbox has run for its time, so the watch sees the world change
//! as a real one would.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::conversations::{
    event, gorgias_message, gorgias_ticket, hubspot_message, intercom_part, session, ts, CUSTOMER_EMAIL,
};
use crate::world::{Spec, World, HUBSPOT_AI_USER};
use crate::Vendor;

/// The objects the watch scripts write on: a new ticket, conversation and thread.
pub const GORGIAS_WATCH_TICKET: u64 = 1050;
pub const INTERCOM_WATCH_CONVERSATION: &str = "250";
pub const HUBSPOT_WATCH_THREAD: &str = "8850";

/// What happens at a moment of the script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptEvent {
    /// The customer writes (on a new object when it does not exist yet).
    CustomerMessage,
    /// OpenCX opens a session for the object.
    Session,
    /// The AI replies on the object.
    AiReply,
    /// OpenCX hands the object's session off.
    Handoff,
}

/// One event, `after` the sandbox started, on `vendor`'s watch object.
#[derive(Clone, Debug)]
pub struct Scripted {
    pub after: Duration,
    pub vendor: Vendor,
    pub event: ScriptEvent,
}

/// The object a vendor's script writes on.
pub fn object(vendor: Vendor) -> String {
    match vendor {
        Vendor::Gorgias => GORGIAS_WATCH_TICKET.to_string(),
        Vendor::Intercom => INTERCOM_WATCH_CONVERSATION.to_string(),
        _ => HUBSPOT_WATCH_THREAD.to_string(),
    }
}

fn system(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Gorgias => "gorgias",
        Vendor::Intercom => "intercom",
        _ => "hubspot",
    }
}

fn session_id(vendor: Vendor, n: usize) -> String {
    format!("3a7c0e55-1d2b-4f60-9e8a-{:04}{:08}", n, object(vendor).parse::<u64>().unwrap_or(0))
}

/// Applies one event at `now`.
pub fn apply(world: &mut World, vendor: Vendor, what: &ScriptEvent, now: DateTime<Utc>) {
    let id = object(vendor);
    let sessions = world.opencx.sessions.iter().filter(|s| s["ticketing_system"]["external_id"] == id.as_str()).count();
    match (vendor, what) {
        (_, ScriptEvent::Session) => {
            let sid = session_id(vendor, sessions + 1);
            world.opencx.sessions.push(session(&sid, system(vendor), &id, now, "email", CUSTOMER_EMAIL));
            world.opencx.history.insert(
                sid,
                vec![event(now, "message", Some("contact"), Some("Has my parcel left the warehouse yet?"))],
            );
        }
        (_, ScriptEvent::Handoff) => {
            if let Some(sid) = latest_session(world, &id) {
                world.hand_off(&sid, now, &["human_requested"], "The customer asked to talk to a person");
            }
        }
        (Vendor::Gorgias, ScriptEvent::CustomerMessage) => {
            gorgias_write(world, now, true, "Has my parcel left the warehouse yet?");
        }
        (Vendor::Gorgias, ScriptEvent::AiReply) => {
            gorgias_write(world, now, false, "It left this morning: here is the tracking link.");
            ai_in_history(world, &id, now);
        }
        (Vendor::Intercom, ScriptEvent::CustomerMessage) => {
            let at = now.timestamp();
            match world.intercom.conversations.iter_mut().find(|c| c["id"] == id.as_str()) {
                Some(c) => {
                    let n = c["conversation_parts"]["conversation_parts"].as_array().map_or(0, Vec::len);
                    let part = intercom_part(
                        &format!("95{n:04}"),
                        "comment",
                        now,
                        "user",
                        "Jane Customer",
                        Some("Any news?"),
                        None,
                    );
                    push_part(c, part, at);
                }
                None => {
                    let mut c = world.intercom.conversations[0].clone();
                    c["id"] = id.clone().into();
                    c["created_at"] = at.into();
                    c["updated_at"] = at.into();
                    c["waiting_since"] = at.into();
                    c["state"] = "open".into();
                    c["source"]["body"] = "<p>Has my parcel left the warehouse yet?</p>".into();
                    c["conversation_parts"] =
                        json!({"type": "conversation_part.list", "total_count": 0, "conversation_parts": []});
                    world.intercom.conversations.push(c);
                }
            }
        }
        (Vendor::Intercom, ScriptEvent::AiReply) => {
            if let Some(c) = world.intercom.conversations.iter_mut().find(|c| c["id"] == id.as_str()) {
                let n = c["conversation_parts"]["conversation_parts"].as_array().map_or(0, Vec::len);
                let part = intercom_part(
                    &format!("95{n:04}"),
                    "comment",
                    now,
                    "admin",
                    "AI Agent",
                    Some("It left this morning: here is the tracking link."),
                    None,
                );
                push_part(c, part, now.timestamp());
            }
            ai_in_history(world, &id, now);
        }
        (_, ScriptEvent::CustomerMessage) => {
            if !world.hubspot.threads.iter().any(|t| t["id"] == id.as_str()) {
                let mut t = world.hubspot.threads[0].clone();
                t["id"] = id.clone().into();
                t["createdAt"] = ts(now).into();
                t["latestMessageSentTimestamp"] = serde_json::Value::Null;
                world.hubspot.threads.push(t);
            }
            thread_message(world, &id, "INCOMING", "V-90210", now, "Has my parcel left the warehouse yet?");
        }
        (_, ScriptEvent::AiReply) => {
            let ai = format!("A-{HUBSPOT_AI_USER}");
            thread_message(world, &id, "OUTGOING", &ai, now, "It left this morning: here is the tracking link.");
            ai_in_history(world, &id, now);
        }
    }
}

/// A message on the Gorgias watch ticket; the customer's first one opens the ticket (an AI reply
/// to a ticket that does not exist is dropped, as Gorgias would refuse it).
fn gorgias_write(world: &mut World, now: DateTime<Utc>, from_customer: bool, text: &str) {
    let ticket = GORGIAS_WATCH_TICKET;
    let existing = world.gorgias.tickets.iter().find(|t| t["id"] == ticket);
    let n = existing.map_or(0, |t| message_count(&t["messages"]));
    let exists = existing.is_some();
    let mut message = gorgias_message(905_000 + n as u64, now, from_customer, text);
    retarget(&mut message, ticket);
    if exists {
        world.push_gorgias_message(ticket, message);
    } else if from_customer {
        world.gorgias.tickets.push(gorgias_ticket(ticket, now, "Parcel status", &[message]));
    }
}

fn message_count(messages: &serde_json::Value) -> usize {
    messages.as_array().map_or(0, Vec::len)
}

fn retarget(message: &mut serde_json::Value, ticket: u64) {
    let id = message["id"].clone();
    message["ticket_id"] = ticket.into();
    message["uri"] = format!("/api/tickets/{ticket}/messages/{id}/").into();
}

fn push_part(c: &mut serde_json::Value, part: serde_json::Value, at: i64) {
    let parts = &mut c["conversation_parts"];
    parts["conversation_parts"].as_array_mut().expect("parts").push(part);
    parts["total_count"] = parts["conversation_parts"].as_array().map_or(0, Vec::len).into();
    c["updated_at"] = at.into();
}

fn thread_message(world: &mut World, thread: &str, direction: &str, actor: &str, now: DateTime<Utc>, text: &str) {
    let messages = world.hubspot.messages.entry(thread.to_string()).or_default();
    let id = format!("w{}", messages.len() + 1);
    messages.push(hubspot_message(&id, "MESSAGE", direction, actor, now, text));
    if let Some(t) = world.hubspot.threads.iter_mut().find(|t| t["id"] == thread) {
        t["latestMessageTimestamp"] = ts(now).into();
        let key = if direction == "INCOMING" { "latestMessageReceivedTimestamp" } else { "latestMessageSentTimestamp" };
        t[key] = ts(now).into();
    }
}

fn latest_session(world: &World, external_id: &str) -> Option<String> {
    world
        .opencx
        .sessions
        .iter()
        .rfind(|s| s["ticketing_system"]["external_id"] == external_id)
        .and_then(|s| s["id"].as_str())
        .map(str::to_string)
}

fn ai_in_history(world: &mut World, external_id: &str, now: DateTime<Utc>) {
    if let Some(sid) = latest_session(world, external_id) {
        world.opencx.history.entry(sid.clone()).or_default().push(event(
            now,
            "message",
            Some("ai"),
            Some("It left this morning: here is the tracking link."),
        ));
        world.session_mut(&sid)["updated_at"] = ts(now).into();
    }
}

/// A named watch script: what `doctor demo watch` plays.
pub struct WatchScenario {
    pub name: &'static str,
    pub summary: &'static str,
    /// The events, in seconds after the start, for the vendor watched.
    pub events: &'static [(u64, ScriptEvent)],
}

/// The scripts: one healthy path, and one for each way a watch can end badly.
pub const WATCH_SCENARIOS: &[WatchScenario] = &[
    WatchScenario {
        name: "watch-healthy",
        summary: "A customer writes after 3 s, a session opens after 5 s, the AI replies after 8 s",
        events: &[(3, ScriptEvent::CustomerMessage), (5, ScriptEvent::Session), (8, ScriptEvent::AiReply)],
    },
    WatchScenario {
        name: "watch-no-message",
        summary: "Nobody writes: the message never reaches the helpdesk",
        events: &[],
    },
    WatchScenario {
        name: "watch-no-session",
        summary: "A customer writes after 3 s; OpenCX never opens a session (the webhook is not received)",
        events: &[(3, ScriptEvent::CustomerMessage)],
    },
    WatchScenario {
        name: "watch-no-reply",
        summary: "A customer writes, a session opens, and the AI never answers",
        events: &[(3, ScriptEvent::CustomerMessage), (5, ScriptEvent::Session)],
    },
    WatchScenario {
        name: "watch-duplicate-reply",
        summary: "The AI replies twice to one message, 6 s apart",
        events: &[
            (3, ScriptEvent::CustomerMessage),
            (5, ScriptEvent::Session),
            (8, ScriptEvent::AiReply),
            (14, ScriptEvent::AiReply),
        ],
    },
    WatchScenario {
        name: "watch-handoff",
        summary: "A customer writes, a session opens, and OpenCX hands off to a person",
        events: &[(3, ScriptEvent::CustomerMessage), (5, ScriptEvent::Session), (8, ScriptEvent::Handoff)],
    },
];

pub fn find_watch_scenario(name: &str) -> Option<&'static WatchScenario> {
    WATCH_SCENARIOS.iter().find(|s| s.name == name)
}

impl WatchScenario {
    /// The healthy organisation, with this script played on `vendor`'s watch object; `scale`
    /// divides every time (tests run a script faster than a person would).
    pub fn spec(&self, vendor: Vendor, scale: f64) -> Spec {
        let mut spec = Spec::healthy();
        spec.script = self
            .events
            .iter()
            .map(|(secs, event)| Scripted {
                after: Duration::from_secs_f64(*secs as f64 / scale.max(0.001)),
                vendor,
                event: event.clone(),
            })
            .collect();
        spec
    }
}
