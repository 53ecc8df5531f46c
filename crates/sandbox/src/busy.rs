//! A busy account, for sweeps: `n` objects per helpdesk with customer activity spread over the
//! last 20 hours, each answered by the AI in its own OpenCX session, and a few percent of each
//! affected kind the sweep must find. Deterministic: object `i`'s kind depends only on `i`, and
//! the list of affected objects is returned beside the spec, so a test can hold a sweep to
//! exactly that list.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::conversations::{add_session, gorgias_message, gorgias_ticket, hubspot_message, intercom_part, ts};
use super::world::{Spec, World, HUBSPOT_AI_USER, INTERCOM_AI_ADMIN};
use crate::Vendor;

/// The scenario name of the busy account (`doctor demo gorgias --since 24h`).
pub const BUSY: &str = "busy";
/// Objects per helpdesk in the `busy` scenario.
pub const BUSY_OBJECTS: usize = 120;
/// One object in this many is affected.
const EVERY: usize = 37;

/// What is wrong with an affected object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Affected {
    /// The AI answered one customer message twice.
    Duplicates,
    /// The AI replied after the session was handed off.
    AfterHandoff,
    /// The customer's message never became an OpenCX session.
    NoSession,
    /// Handed off, but no helpdesk ticket was created (HubSpot).
    NoTicket,
}

/// The busy account and, by construction, its affected objects.
pub struct Busy {
    pub spec: Spec,
    pub affected: Vec<(Vendor, String, Affected)>,
}

fn kinds(vendor: Vendor) -> &'static [Affected] {
    match vendor {
        Vendor::Gorgias => &[Affected::Duplicates, Affected::AfterHandoff, Affected::NoSession],
        Vendor::Intercom => &[Affected::Duplicates, Affected::NoSession],
        Vendor::Hubspot => &[Affected::NoTicket, Affected::NoSession],
        Vendor::Opencx => &[],
    }
}

/// Object `i`'s kind: one in `EVERY` is affected, the kinds taking turns.
fn kind(vendor: Vendor, i: usize) -> Option<Affected> {
    let kinds = kinds(vendor);
    (i % EVERY == 5 && !kinds.is_empty()).then(|| kinds[(i / EVERY) % kinds.len()])
}

fn session_id(vendor: Vendor, i: usize) -> String {
    let prefix = match vendor {
        Vendor::Gorgias => "5e0c1f4a",
        Vendor::Intercom => "7b2d90e1",
        Vendor::Hubspot => "9c4e11f2",
        Vendor::Opencx => "00000000",
    };
    format!("{prefix}-0000-4000-8000-{i:012}")
}

/// The busy account with `n` objects per helpdesk (the healthy account's settings, users,
/// webhooks and background sessions; its sample objects replaced by the generated ones).
pub fn busy(n: usize) -> Busy {
    let mut affected = Vec::new();
    let spec = Spec::healthy().with(|s| {
        let now = Utc::now();
        let w = &mut s.world;
        let conversation = w.intercom.conversations[0].clone();
        let thread = w.hubspot.threads[0].clone();
        w.gorgias.tickets.clear();
        w.intercom.conversations.clear();
        w.hubspot.threads.clear();
        w.hubspot.messages.clear();
        w.opencx.sessions.retain(|s| s["id"].as_str().is_some_and(|id| id.starts_with("00000000-")));
        w.opencx.history.retain(|id, _| id.starts_with("00000000-"));
        w.opencx.handoff_events.clear();
        // Object 0 is the newest, half an hour ago; the oldest is 19.5 hours old.
        let at = |i: usize| now - Duration::minutes(30) - Duration::seconds((19 * 3600 * i / n.max(1)) as i64);
        for i in 0..n {
            let t = at(i);
            if let Some(k) = gorgias(w, i, t) {
                affected.push((Vendor::Gorgias, (200_000 + i).to_string(), k));
            }
            if let Some(k) = intercom(w, &conversation, i, t) {
                affected.push((Vendor::Intercom, (400_000 + i).to_string(), k));
            }
            if let Some(k) = hubspot(w, &thread, i, t) {
                affected.push((Vendor::Hubspot, (600_000 + i).to_string(), k));
            }
        }
    });
    Busy { spec, affected }
}

fn gorgias(w: &mut World, i: usize, t: DateTime<Utc>) -> Option<Affected> {
    let id = 200_000 + i as u64;
    let m = 30_000_000 + i as u64 * 10;
    let k = kind(Vendor::Gorgias, i);
    let question = gorgias_message(m, t, true, "Hi, where is my order? It was due yesterday.");
    if k == Some(Affected::NoSession) {
        // Its own customer, so the email search finds no other ticket's sessions.
        let mut ticket = gorgias_ticket(id, t, "Where is my order?", &[question]);
        let email = format!("customer{i}@example.com");
        ticket["customer"]["email"] = email.clone().into();
        ticket["messages"][0]["sender"]["email"] = email.clone().into();
        ticket["messages"][0]["source"]["from"]["address"] = email.into();
        w.gorgias.tickets.push(ticket);
        return k;
    }
    let reply = gorgias_message(m + 1, t + Duration::seconds(41), false, "Your order left our warehouse yesterday.");
    w.gorgias.tickets.push(gorgias_ticket(id, t, "Where is my order?", &[question, reply.clone()]));
    let session = session_id(Vendor::Gorgias, i);
    add_session(w, &session, "gorgias", &id.to_string(), t + Duration::seconds(6), "email");
    match k {
        Some(Affected::Duplicates) => {
            let mut again = reply;
            again["id"] = (m + 2).into();
            again["created_datetime"] = ts(t + Duration::seconds(61)).into();
            w.push_gorgias_message(id, again);
        }
        Some(Affected::AfterHandoff) => {
            let handoff = t + Duration::seconds(66);
            w.hand_off(&session, handoff, &["user_requested_human_assistance"], "The customer asked for a person.");
            let later = handoff + Duration::minutes(10);
            w.push_gorgias_message(id, gorgias_message(m + 3, later, true, "Hello? Is someone there?"));
            w.push_gorgias_message(id, gorgias_message(m + 4, later + Duration::seconds(30), false, "I can help!"));
        }
        _ => {}
    }
    k
}

fn intercom(w: &mut World, template: &Value, i: usize, t: DateTime<Utc>) -> Option<Affected> {
    let id = (400_000 + i).to_string();
    let k = kind(Vendor::Intercom, i);
    let mut c = template.clone();
    c["id"] = id.clone().into();
    c["created_at"] = t.timestamp().into();
    let p = |n: usize| format!("{}", 90_000_000 + i * 10 + n);
    let mut parts = vec![intercom_part(
        &p(1),
        "assignment",
        t + Duration::seconds(2),
        "bot",
        "Workflow",
        None,
        Some(INTERCOM_AI_ADMIN),
    )];
    let answer = Some("Yes! Send me the new address and I will update your order.");
    if k == Some(Affected::NoSession) {
        c["source"]["author"]["email"] = format!("customer{i}@example.com").into();
        c["updated_at"] = (t + Duration::seconds(2)).timestamp().into();
        c["waiting_since"] = t.timestamp().into();
    } else {
        parts.push(intercom_part(&p(2), "comment", t + Duration::seconds(30), "admin", "OpenCX AI", answer, None));
        c["updated_at"] = (t + Duration::seconds(30)).timestamp().into();
        add_session(w, &session_id(Vendor::Intercom, i), "intercom", &id, t + Duration::seconds(5), "web");
    }
    if k == Some(Affected::Duplicates) {
        parts.push(intercom_part(&p(3), "comment", t + Duration::seconds(95), "admin", "OpenCX AI", answer, None));
        c["updated_at"] = (t + Duration::seconds(95)).timestamp().into();
    }
    c["conversation_parts"] =
        json!({"type": "conversation_part.list", "total_count": parts.len(), "conversation_parts": parts});
    w.intercom.conversations.push(c);
    k
}

fn hubspot(w: &mut World, template: &Value, i: usize, t: DateTime<Utc>) -> Option<Affected> {
    let id = (600_000 + i).to_string();
    let k = kind(Vendor::Hubspot, i);
    let mut thread = template.clone();
    thread["id"] = id.clone().into();
    thread["createdAt"] = ts(t).into();
    thread["latestMessageReceivedTimestamp"] = ts(t).into();
    let question = hubspot_message(&format!("m{i}-1"), "MESSAGE", "INCOMING", "V-90210", t, "Can I return a gift?");
    if k == Some(Affected::NoSession) {
        thread["latestMessageTimestamp"] = ts(t).into();
        thread["latestMessageSentTimestamp"] = Value::Null;
        w.hubspot.threads.push(thread);
        w.hubspot.messages.insert(id, vec![question]);
        return k;
    }
    let replied = t + Duration::seconds(35);
    thread["latestMessageTimestamp"] = ts(replied).into();
    thread["latestMessageSentTimestamp"] = ts(replied).into();
    let ai = format!("A-{HUBSPOT_AI_USER}");
    let reply = hubspot_message(&format!("m{i}-2"), "MESSAGE", "OUTGOING", &ai, replied, "Yes, within 30 days.");
    let mut messages = vec![question, reply];
    let session = session_id(Vendor::Hubspot, i);
    add_session(w, &session, "hubspot", &id, t + Duration::seconds(6), "email");
    if k == Some(Affected::NoTicket) {
        let at = t + Duration::seconds(56);
        w.hand_off(&session, at, &["user_requested_human_assistance"], "The customer asked for a person.");
        messages.push(hubspot_message(
            &format!("m{i}-3"),
            "COMMENT",
            "OUTGOING",
            "I-3011410",
            at,
            "🔄 AI decided to handoff: the customer asked for a person (sentiment: angry).",
        ));
    }
    w.hubspot.threads.push(thread);
    w.hubspot.messages.insert(id, messages);
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_percent_of_each_kind_are_affected_and_the_rest_are_answered() {
        let b = busy(500);
        for vendor in [Vendor::Gorgias, Vendor::Intercom, Vendor::Hubspot] {
            let mine: Vec<_> = b.affected.iter().filter(|(v, _, _)| *v == vendor).collect();
            assert!((10..=20).contains(&mine.len()), "{vendor:?}: {}", mine.len());
            for k in kinds(vendor) {
                assert!(mine.iter().any(|(_, _, a)| a == k), "{vendor:?} has no {k:?}");
            }
        }
        assert_eq!(b.spec.world.gorgias.tickets.len(), 500);
        assert_eq!(b.spec.world.intercom.conversations.len(), 500);
        assert_eq!(b.spec.world.hubspot.threads.len(), 500);
    }
}
