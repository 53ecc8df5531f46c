//! One poll of a watch: what the helpdesk and OpenCX show now about the watched object — the
//! first customer message since the watch started, the AI's replies after it, and the OpenCX
//! session with its handoff. Read through a fresh `Facts` each poll.

use chrono::{DateTime, Utc};

use crate::facts::session::{parse_time, SessionView};
use crate::facts::Facts;
use crate::integration::Integration;
use crate::target::Target;

/// A message on the helpdesk object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub at: DateTime<Utc>,
}

/// The session the message belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSeen {
    pub id: String,
    /// An existing session got the message (rather than a new one).
    pub reused: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// The object the message is on.
    pub object: Option<String>,
    pub message: Option<Message>,
    pub ai_replies: Vec<Message>,
    pub session: Option<SessionSeen>,
    /// The handoff's reasons, when the session was handed off after the message.
    pub handoff: Option<String>,
    /// Whether OpenCX was read in this poll.
    pub read_opencx: bool,
}

/// Who the AI is on each helpdesk (from the settings).
#[derive(Clone, Debug, Default)]
pub struct Ai {
    pub gorgias_user: Option<u64>,
    pub intercom_admin: Option<String>,
    pub hubspot_user: Option<String>,
}

/// Clock skew allowed between this machine and the vendors.
const SKEW: chrono::Duration = chrono::Duration::seconds(5);

/// Reads the helpdesk (and OpenCX once the message is known). `object`: the object given, or the
/// one an earlier poll found.
pub async fn observe(
    facts: &Facts,
    integration: Integration,
    object: Option<&str>,
    since: DateTime<Utc>,
    ai: &Ai,
) -> Result<Seen, String> {
    let since = since - SKEW;
    let mut seen = match integration {
        Integration::Gorgias => gorgias(facts, object, since, ai).await?,
        Integration::Intercom => intercom(facts, object, since, ai).await?,
        _ => hubspot(facts, object, since, ai).await?,
    };
    if let (Some(message), Some(id)) = (seen.message.clone(), seen.object.clone()) {
        let target = match integration {
            Integration::Gorgias => Target::Ticket(id.parse().map_err(|_| format!("ticket id {id}"))?),
            Integration::Intercom => Target::Conversation(id),
            _ => Target::Thread(id),
        };
        seen.read_opencx = true;
        if let Ok(Some(evidence)) = facts.session_evidence(&target).await {
            session_of(&mut seen, &evidence.sessions, message.at);
        }
    }
    Ok(seen)
}

fn session_of(seen: &mut Seen, sessions: &[SessionView], message_at: DateTime<Utc>) {
    let at = |t: &Option<String>| t.as_deref().and_then(parse_time);
    let new = sessions.iter().rfind(|s| at(&s.created_at).is_some_and(|c| c >= message_at - SKEW * 24));
    let reused = sessions.iter().rfind(|s| at(&s.updated_at).is_some_and(|u| u >= message_at - SKEW));
    let chosen = new.map(|s| (s, false)).or(reused.map(|s| (s, true)));
    if let Some((s, reused)) = chosen {
        seen.session = Some(SessionSeen { id: s.id.clone(), reused });
        let handed_at = at(&s.handed_off_at).or(at(&s.updated_at));
        if s.is_handed_off() && handed_at.is_some_and(|t| t >= message_at - SKEW) {
            let reasons =
                if s.handoff_reasons.is_empty() { "no reason given".to_string() } else { s.handoff_reasons.join(", ") };
            seen.handoff = Some(reasons);
        }
    }
}

/// When no id was given: the (at most three) objects last active since the watch began, newest
/// first — the candidates for the customer's message.
fn newest<T: Ord>(active: impl Iterator<Item = (DateTime<Utc>, T)>, since: DateTime<Utc>) -> Vec<T> {
    let mut fresh: Vec<(DateTime<Utc>, T)> = active.filter(|(at, _)| *at >= since).collect();
    fresh.sort();
    fresh.into_iter().rev().take(3).map(|(_, id)| id).collect()
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

async fn gorgias(facts: &Facts, object: Option<&str>, since: DateTime<Utc>, ai: &Ai) -> Result<Seen, String> {
    use crate::checks::gorgias::{duplicates::is_ai_reply, is_internal};
    let g = facts.gorgias().map_err(err)?;
    let candidates: Vec<u64> = match object {
        Some(id) => vec![id.parse().map_err(|_| format!("'{id}' is not a ticket id"))?],
        None => {
            let recent = g.recent_tickets().await.map_err(err)?;
            newest(
                recent.iter().filter_map(|t| Some((t.updated_datetime.as_deref().and_then(parse_time)?, t.id))),
                since,
            )
        }
    };
    for id in candidates {
        let ticket = g.ticket(id).await.map_err(err)?;
        let at = |m: &crate::vendors::gorgias::Message| m.created_datetime.as_deref().and_then(parse_time);
        let message = ticket
            .messages
            .iter()
            .filter(|m| m.from_agent == Some(false) && !is_internal(m))
            .filter_map(|m| Some(Message { id: m.id?.to_string(), at: at(m)? }))
            .find(|m| m.at >= since);
        if message.is_none() && object.is_none() {
            continue;
        }
        let ai_replies = ticket
            .messages
            .iter()
            .filter(|m| is_ai_reply(m, ai.gorgias_user))
            .filter_map(|m| Some(Message { id: m.id?.to_string(), at: at(m)? }))
            .collect();
        return Ok(Seen { object: Some(id.to_string()), message, ai_replies, ..Seen::default() });
    }
    Ok(Seen::default())
}

async fn intercom(facts: &Facts, object: Option<&str>, since: DateTime<Utc>, ai: &Ai) -> Result<Seen, String> {
    let i = facts.intercom().map_err(err)?;
    let at = |secs: Option<i64>| secs.and_then(crate::facts::session::from_unix);
    let candidates: Vec<String> = match object {
        Some(id) => vec![id.to_string()],
        None => {
            let recent = i.recent_conversations().await.map_err(err)?;
            newest(recent.conversations.iter().filter_map(|c| Some((at(c.updated_at)?, c.id.clone()?))), since)
        }
    };
    let customer = |kind: Option<&str>| matches!(kind, Some("user" | "lead" | "contact"));
    for id in candidates {
        let c = i.conversation(&id).await.map_err(err)?;
        let opened = c.source.as_ref().filter(|s| customer(s.author.as_ref().and_then(|a| a.kind.as_deref())));
        let first = opened
            .and_then(|_| at(c.created_at))
            .filter(|t| *t >= since)
            .map(|t| Message { id: c.id.clone().unwrap_or_else(|| id.clone()), at: t });
        let message = first.or_else(|| {
            c.parts()
                .iter()
                .filter(|p| p.part_type.as_deref() == Some("comment"))
                .filter(|p| customer(p.author.as_ref().and_then(|a| a.kind.as_deref())))
                .filter_map(|p| Some(Message { id: p.id.clone()?, at: at(p.created_at)? }))
                .find(|m| m.at >= since)
        });
        if message.is_none() && object.is_none() {
            continue;
        }
        let ai_replies = c
            .parts()
            .iter()
            .filter(|p| p.part_type.as_deref() == Some("comment"))
            .filter(|p| {
                let author = p.author.as_ref();
                match &ai.intercom_admin {
                    Some(admin) => author.and_then(|a| a.id.as_deref()) == Some(admin.as_str()),
                    None => author.and_then(|a| a.kind.as_deref()) == Some("admin"),
                }
            })
            .filter_map(|p| Some(Message { id: p.id.clone()?, at: at(p.created_at)? }))
            .collect();
        return Ok(Seen { object: Some(id), message, ai_replies, ..Seen::default() });
    }
    Ok(Seen::default())
}

async fn hubspot(facts: &Facts, object: Option<&str>, since: DateTime<Utc>, ai: &Ai) -> Result<Seen, String> {
    let h = facts.hubspot().map_err(err)?;
    let candidates: Vec<String> = match object {
        Some(id) => vec![id.to_string()],
        None => {
            let window = h.recent_threads(&crate::facts::session::rfc3339(since)).await.map_err(err)?;
            let latest =
                |t: &crate::vendors::hubspot::Thread| t.latest_message_timestamp.as_deref().and_then(parse_time);
            newest(window.threads.iter().filter_map(|t| Some((latest(t)?, t.id.clone()?))), since)
        }
    };
    for id in candidates {
        let messages = h.thread_messages(&id).await.map_err(err)?;
        let at = |m: &crate::vendors::hubspot::ThreadMessage| m.created_at.as_deref().and_then(parse_time);
        let kind = |m: &crate::vendors::hubspot::ThreadMessage, direction: &str| {
            m.kind.as_deref() == Some("MESSAGE") && m.direction.as_deref() == Some(direction)
        };
        let message = messages
            .results
            .iter()
            .filter(|m| kind(m, "INCOMING"))
            .filter_map(|m| Some(Message { id: m.id.clone()?, at: at(m)? }))
            .find(|m| m.at >= since);
        if message.is_none() && object.is_none() {
            continue;
        }
        let ai_actor = ai.hubspot_user.as_ref().map(|u| format!("A-{u}"));
        let ai_replies = messages
            .results
            .iter()
            .filter(|m| kind(m, "OUTGOING"))
            .filter(|m| {
                ai_actor.as_ref().is_none_or(|a| m.senders.iter().any(|s| s.actor_id.as_deref() == Some(a.as_str())))
            })
            .filter_map(|m| Some(Message { id: m.id.clone()?, at: at(m)? }))
            .collect();
        return Ok(Seen { object: Some(id), message, ai_replies, ..Seen::default() });
    }
    Ok(Seen::default())
}
