//! The sandbox's sample conversations: one per helpdesk (Gorgias ticket 1042, Intercom
//! conversation 215, HubSpot thread 8801), each answered by the AI in an OpenCX session, plus
//! background sessions of other conversations. Scenarios change these with the helpers below.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::world::{World, GORGIAS_AI_USER, HUBSPOT_AI_USER, INTERCOM_AI_ADMIN};

pub const GORGIAS_TICKET: u64 = 1042;
pub const INTERCOM_CONVERSATION: &str = "215";
pub const HUBSPOT_THREAD: &str = "8801";
pub const CUSTOMER_EMAIL: &str = "jane@customer.example";
pub const GORGIAS_SESSION: &str = "5e0c1f4a-2b7d-4c89-9a31-1042aa000001";
pub(crate) const WAITING_SESSION: &str = "5e0c1f4a-2b7d-4c89-9a31-1043aa000001";
pub const INTERCOM_SESSION: &str = "7b2d90e1-4c3a-4f17-8e65-0215bb000001";
pub(crate) const INTERCOM_WAITING_SESSION: &str = "7b2d90e1-4c3a-4f17-8e65-0216bb000001";
pub const INTERCOM_CONTACT: &str = "5ba682d23d7cf92bef87bfd4";
pub const HUBSPOT_SESSION: &str = "9c4e11f2-6d5b-4a28-b076-8801cc000001";
pub(crate) const HUBSPOT_WAITING_SESSION: &str = "9c4e11f2-6d5b-4a28-b076-8802cc000001";

pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads back a timestamp the sandbox wrote.
pub fn parse(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_else(|_| Utc::now())
}

/// A ChatSession as OpenCX's list and get endpoints return it.
pub fn session(id: &str, system: &str, external_id: &str, created: DateTime<Utc>, channel: &str, email: &str) -> Value {
    json!({
        "id": id,
        "status": "open",
        "ai_closure_type": null,
        "sentiment": "neutral",
        "channel": {"type": channel},
        "ticket_number": null,
        "assist_mode": false,
        "created_at": ts(created),
        "updated_at": ts(created + Duration::seconds(40)),
        "contact": {"id": format!("c-{id}"), "email": email, "name": "Jane Customer"},
        "language": "en",
        "assignee_id": null,
        "custom_data": {},
        "team": null,
        "ticketing_system": {"name": system, "external_id": external_id, "id_type": if system == "gorgias" { "ticket_id" } else { "conversation_id" }}
    })
}

pub fn event(at: DateTime<Utc>, kind: &str, sender: Option<&str>, text: Option<&str>) -> Value {
    let mut event = json!({"type": kind});
    if let Some(sender) = sender {
        event["sender"] = json!({"type": sender, "name": match sender { "ai" => "AI Assistant", "contact" => "Jane Customer", _ => "Sam Support" }});
    }
    if let Some(text) = text {
        event["content"] = json!({"type": "text", "text": text});
    }
    json!({"id": format!("ev-{}", at.timestamp_millis()), "created_at": ts(at), "event": event})
}

/// One entry of a Gorgias HTTP integration's request log: a POST to the OpenCX URL and what it
/// answered (`None`: no response, e.g. a timeout).
pub(crate) fn delivery_event(n: u64, at: DateTime<Utc>, status: Option<u16>) -> Value {
    let mut event = json!({
        "id": format!("evt-{n:04}"), "integration_id": 42, "created_datetime": ts(at),
        "request": {"method": "POST", "url": "https://api.open.cx/webhooks/gorgias/…"},
        "response": {"body": "", "headers": {}}
    });
    match status {
        Some(code) => event["status_code"] = code.into(),
        None => event["response"]["error"] = "Read timed out".into(),
    }
    event
}

/// A HubSpot thread message (`MESSAGE` to or from the customer, `COMMENT` internal).
pub(crate) fn hubspot_message(
    id: &str,
    kind: &str,
    direction: &str,
    actor: &str,
    at: DateTime<Utc>,
    text: &str,
) -> Value {
    json!({
        "id": id, "type": kind, "createdAt": ts(at), "updatedAt": ts(at), "createdBy": actor, "client": {"clientType": "HUBSPOT"},
        "senders": [{"actorId": actor, "name": if actor.starts_with("V-") { "Jane Customer" } else { "Agent" }}],
        "recipients": [], "archived": false, "text": text, "richText": format!("<p>{text}</p>"), "attachments": [],
        "truncationStatus": "NOT_TRUNCATED", "direction": direction, "channelId": "1002", "channelAccountId": "886371"
    })
}

/// An Intercom conversation part.
pub(crate) fn intercom_part(
    id: &str,
    part_type: &str,
    at: DateTime<Utc>,
    author_type: &str,
    author_name: &str,
    body: Option<&str>,
    assigned_to: Option<&str>,
) -> Value {
    let author_id = match author_type {
        "admin" => INTERCOM_AI_ADMIN.to_string(),
        "user" => INTERCOM_CONTACT.to_string(),
        _ => "991267000".to_string(),
    };
    json!({
        "type": "conversation_part", "id": id, "part_type": part_type, "body": body.map(|b| format!("<p>{b}</p>")),
        "created_at": at.timestamp(), "updated_at": at.timestamp(), "notified_at": at.timestamp(),
        "assigned_to": assigned_to.map(|a| json!({"type": "admin", "id": a})),
        "author": {"type": author_type, "id": author_id, "name": author_name, "email": ""},
        "attachments": [], "external_id": null, "redacted": false
    })
}

/// Gorgias ticket message.
pub(crate) fn gorgias_message(id: u64, at: DateTime<Utc>, from_customer: bool, text: &str) -> Value {
    let (sender, from_agent, via, source_type) = if from_customer {
        (json!({"id": 5501, "email": CUSTOMER_EMAIL, "name": "Jane Customer"}), false, "email", "email")
    } else {
        (json!({"id": GORGIAS_AI_USER, "email": "ai@acme.example", "name": "AI Assistant"}), true, "api", "email")
    };
    json!({
        "id": id, "ticket_id": GORGIAS_TICKET, "uri": format!("/api/tickets/{GORGIAS_TICKET}/messages/{id}/"),
        "channel": "email", "via": via, "from_agent": from_agent, "public": true,
        "source": {"type": source_type, "from": {"address": sender["email"], "name": sender["name"]}, "to": []},
        "sender": sender, "body_text": text, "stripped_text": text,
        "created_datetime": ts(at), "sent_datetime": ts(at), "failed_datetime": null, "deleted_datetime": null
    })
}

/// A Gorgias ticket assigned to the AI user, with `messages` (oldest first).
pub(crate) fn gorgias_ticket(id: u64, created: DateTime<Utc>, subject: &str, messages: &[Value]) -> Value {
    let last =
        messages.last().and_then(|m| m["created_datetime"].as_str()).map(str::to_string).unwrap_or_else(|| ts(created));
    let last_received = messages
        .iter()
        .rfind(|m| m["from_agent"] == false)
        .and_then(|m| m["created_datetime"].as_str())
        .map(str::to_string);
    json!({
        "id": id, "uri": format!("/api/tickets/{id}/"), "external_id": null, "status": "open",
        "channel": "email", "via": "email", "from_agent": false, "spam": false, "subject": subject,
        "customer": {"id": 5501, "email": CUSTOMER_EMAIL, "name": "Jane Customer"},
        "assignee_user": {"id": GORGIAS_AI_USER, "email": "ai@acme.example", "name": "AI Agent"},
        "assignee_team": null, "language": "en", "tags": [], "messages": messages,
        "created_datetime": ts(created), "updated_datetime": last, "last_message_datetime": last,
        "last_received_message_datetime": last_received,
        "closed_datetime": null, "trashed_datetime": null, "snooze_datetime": null
    })
}

impl World {
    pub fn ticket_mut(&mut self, id: u64) -> &mut Value {
        self.gorgias.tickets.iter_mut().find(|t| t["id"] == id).expect("a sandbox ticket")
    }

    /// Appends a message to a ticket and keeps its summary timestamps right.
    pub fn push_gorgias_message(&mut self, ticket: u64, message: Value) {
        let t = self.ticket_mut(ticket);
        let at = message["created_datetime"].clone();
        if message["from_agent"] == false {
            t["last_received_message_datetime"] = at.clone();
        }
        t["last_message_datetime"] = at.clone();
        t["updated_datetime"] = at;
        t["messages"].as_array_mut().expect("messages").push(message);
    }
}

pub(crate) fn populate(world: &mut World, now: DateTime<Utc>) {
    let t0 = now - Duration::hours(2);
    // Gorgias ticket 1042: a customer's question, answered by the AI.
    world.gorgias.tickets.push(json!({
        "id": GORGIAS_TICKET, "uri": format!("/api/tickets/{GORGIAS_TICKET}/"), "external_id": null, "status": "open",
        "channel": "email", "via": "email", "from_agent": false, "spam": false, "subject": "Where is my order #5521?",
        "customer": {"id": 5501, "email": CUSTOMER_EMAIL, "name": "Jane Customer"},
        "assignee_user": {"id": GORGIAS_AI_USER, "email": "ai@acme.example", "name": "AI Agent"},
        "assignee_team": null, "language": "en", "tags": [],
        "messages": [
            gorgias_message(880_001, t0, true, "Hi, where is my order #5521? It was due yesterday."),
            gorgias_message(880_002, t0 + Duration::seconds(41), false, "Hi Jane, order #5521 left our warehouse yesterday; tracking: 1Z999."),
        ],
        "created_datetime": ts(t0), "updated_datetime": ts(t0 + Duration::seconds(41)),
        "last_message_datetime": ts(t0 + Duration::seconds(41)), "last_received_message_datetime": ts(t0),
        "closed_datetime": null, "trashed_datetime": null, "snooze_datetime": null
    }));
    add_session(world, GORGIAS_SESSION, "gorgias", &GORGIAS_TICKET.to_string(), t0 + Duration::seconds(6), "email");
    // Ticket 1043: a customer message from a few minutes ago that the AI is answering (its
    // session is open, the reply not yet posted) — evidence that deliveries arrive.
    let t3 = now - Duration::minutes(4);
    world.gorgias.tickets.push(gorgias_ticket(
        1043,
        t3,
        "Can I change the size of my order?",
        &[gorgias_message(880_010, t3, true, "Can I change the size?")],
    ));
    add_waiting_session(world, WAITING_SESSION, "gorgias", "1043", t3 + Duration::seconds(5), "email");
    // Ticket 1040: handled by a human agent, older.
    let t4 = now - Duration::hours(5);
    let mut human =
        gorgias_ticket(1040, t4, "Invoice copy", &[gorgias_message(880_020, t4, true, "Could you send my invoice?")]);
    human["assignee_user"] = json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support"});
    world.gorgias.tickets.push(human);

    // Intercom conversation 215 (Messenger), assigned to the AI admin.
    let t1 = now - Duration::hours(3);
    world.intercom.conversations.push(json!({
        "type": "conversation", "id": INTERCOM_CONVERSATION, "title": null,
        "created_at": t1.timestamp(), "updated_at": (t1 + Duration::seconds(30)).timestamp(), "waiting_since": null,
        "open": true, "state": "open", "read": true, "priority": "none",
        "admin_assignee_id": INTERCOM_AI_ADMIN.parse::<i64>().unwrap_or_default(), "team_assignee_id": null,
        "tags": {"type": "tag.list", "tags": []},
        "source": {"type": "conversation", "id": "403918330", "delivered_as": "customer_initiated", "subject": "", "body": "<p>Can I change my delivery address?</p>",
                   "author": {"type": "user", "id": "5ba682d23d7cf92bef87bfd4", "name": "Jane Customer", "email": CUSTOMER_EMAIL}, "attachments": [], "url": null, "redacted": false},
        "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": INTERCOM_CONTACT, "external_id": null}]},
        "teammates": {"type": "admin.list", "admins": [{"type": "admin", "id": INTERCOM_AI_ADMIN}]},
        "custom_attributes": {}, "ai_agent": null, "ai_agent_participated": false,
        "conversation_parts": {"type": "conversation_part.list", "total_count": 2, "conversation_parts": [
            intercom_part("8001", "assignment", t1 + Duration::seconds(2), "bot", "Workflow", None, Some(INTERCOM_AI_ADMIN)),
            intercom_part("8002", "comment", t1 + Duration::seconds(30), "admin", "OpenCX AI", Some("Yes! Send me the new address and I will update order #5521."), None),
        ]}
    }));
    add_session(world, INTERCOM_SESSION, "intercom", INTERCOM_CONVERSATION, t1 + Duration::seconds(5), "web");
    world.intercom.companies.insert(INTERCOM_CONTACT.to_string(), vec![json!({
        "type": "company", "company_id": "acme-1", "id": "6762f0a61bb69f9f2193bb55", "app_id": "abc123xy", "name": "Acme Corp",
        "remote_created_at": 1_734_537_382, "created_at": 1_734_537_382, "updated_at": 1_734_537_382, "last_request_at": 1_734_364_582,
        "monthly_spend": 0, "session_count": 0, "user_count": 1, "tags": {"type": "tag.list", "tags": []},
        "segments": {"type": "segment.list", "segments": []}, "plan": {}, "custom_attributes": {}
    })]);
    // Conversation 216: the customer wrote five minutes ago; the AI's session is working on it.
    let t5 = now - Duration::minutes(5);
    let mut waiting = world.intercom.conversations[0].clone();
    waiting["id"] = "216".into();
    waiting["created_at"] = t5.timestamp().into();
    waiting["updated_at"] = t5.timestamp().into();
    waiting["waiting_since"] = t5.timestamp().into();
    waiting["conversation_parts"] =
        json!({"type": "conversation_part.list", "total_count": 0, "conversation_parts": []});
    world.intercom.conversations.push(waiting);
    add_waiting_session(world, INTERCOM_WAITING_SESSION, "intercom", "216", t5 + Duration::seconds(4), "web");

    // HubSpot thread 8801, owned by the AI user.
    let t2 = now - Duration::hours(1);
    world.hubspot.threads.push(json!({
        "id": HUBSPOT_THREAD, "createdAt": ts(t2), "status": "OPEN", "closedAt": null,
        "latestMessageTimestamp": ts(t2 + Duration::seconds(35)), "latestMessageReceivedTimestamp": ts(t2),
        "latestMessageSentTimestamp": ts(t2 + Duration::seconds(35)),
        "assignedTo": format!("A-{HUBSPOT_AI_USER}"), "associatedContactId": "90210", "inboxId": "147959634",
        "originalChannelId": "1002", "originalChannelAccountId": "886371", "spam": false, "archived": false
    }));
    add_session(world, HUBSPOT_SESSION, "hubspot", HUBSPOT_THREAD, t2 + Duration::seconds(6), "email");
    world.hubspot.messages.insert(
        HUBSPOT_THREAD.to_string(),
        vec![
            hubspot_message("m1", "MESSAGE", "INCOMING", "V-90210", t2, "Hi, can I return a gift?"),
            hubspot_message(
                "m2",
                "MESSAGE",
                "OUTGOING",
                &format!("A-{HUBSPOT_AI_USER}"),
                t2 + Duration::seconds(35),
                "Yes, within 30 days: here is how.",
            ),
        ],
    );
    // Thread 8802: the customer wrote three minutes ago; the AI's session is on it.
    let t6 = now - Duration::minutes(3);
    let mut waiting = world.hubspot.threads[0].clone();
    waiting["id"] = "8802".into();
    waiting["createdAt"] = ts(t6).into();
    waiting["latestMessageTimestamp"] = ts(t6).into();
    waiting["latestMessageReceivedTimestamp"] = ts(t6).into();
    waiting["latestMessageSentTimestamp"] = serde_json::Value::Null;
    world.hubspot.threads.push(waiting);
    add_waiting_session(world, HUBSPOT_WAITING_SESSION, "hubspot", "8802", t6 + Duration::seconds(5), "email");

    add_background_sessions(world, now, 40, Duration::minutes(97));
}

/// A session of the customer's whose history is still empty: the AI is working on it.
pub(crate) fn add_waiting_session(
    world: &mut World,
    id: &str,
    system: &str,
    external_id: &str,
    created: DateTime<Utc>,
    channel: &str,
) {
    world.opencx.sessions.push(session(id, system, external_id, created, channel, CUSTOMER_EMAIL));
}

/// A session with a customer message and the AI's reply in its history.
pub(crate) fn add_session(
    world: &mut World,
    id: &str,
    system: &str,
    external_id: &str,
    created: DateTime<Utc>,
    channel: &str,
) {
    add_waiting_session(world, id, system, external_id, created, channel);
    world.opencx.history.insert(
        id.to_string(),
        vec![
            event(created, "message", Some("contact"), Some("Hi, where is my order? It was due yesterday.")),
            event(
                created + Duration::seconds(34),
                "message",
                Some("ai"),
                Some("Your order left our warehouse yesterday; here is the tracking link."),
            ),
        ],
    );
}

/// Sessions of other conversations, one every `every`, going back from `now`.
pub(crate) fn add_background_sessions(world: &mut World, now: DateTime<Utc>, count: usize, every: Duration) {
    let systems = ["gorgias", "intercom", "hubspot"];
    let first = world.opencx.sessions.len();
    for i in first..first + count {
        let created = now - every * ((i - first) as i32 + 1) - Duration::seconds(17);
        let system = systems[i % 3];
        let id = format!("00000000-0000-4000-8000-{:012}", i);
        world.opencx.sessions.push(session(
            &id,
            system,
            &(20_000 + i).to_string(),
            created,
            "email",
            &format!("customer{i}@example.com"),
        ));
    }
}

impl World {
    pub fn session_mut(&mut self, id: &str) -> &mut Value {
        self.opencx.sessions.iter_mut().find(|s| s["id"] == id).expect("a sandbox session")
    }

    /// Hands a session off at `at`: the session fields, a history event and an analytics event.
    pub fn hand_off(&mut self, id: &str, at: DateTime<Utc>, reasons: &[&str], explanation: &str) {
        let session = self.session_mut(id);
        session["ai_closure_type"] = "handed_off".into();
        session["handoff"] =
            json!({"summary": "Customer asks for a refund above the AI's limit", "sentiment": "angry"});
        session["sentiment"] = "angry".into();
        session["team"] = json!({"id": "t-2", "name": "Tier 2", "description": null});
        session["updated_at"] = ts(at).into();
        let history = self.opencx.history.entry(id.to_string()).or_default();
        history.push(event(at, "handoff", None, None));
        self.opencx.handoff_events.push(json!({
            "session_id": id, "summary": "Customer asks for a refund above the AI's limit",
            "explanation": explanation, "reasons": reasons, "created_at": ts(at)
        }));
    }

    pub fn push_history(&mut self, id: &str, event: Value) {
        self.opencx.history.entry(id.to_string()).or_default().push(event);
    }

    /// When a session was created.
    pub fn session_created(&self, id: &str) -> DateTime<Utc> {
        let s = self.opencx.sessions.iter().find(|s| s["id"] == id).expect("a sandbox session");
        DateTime::parse_from_rfc3339(s["created_at"].as_str().expect("created_at"))
            .expect("RFC 3339")
            .with_timezone(&Utc)
    }
}
