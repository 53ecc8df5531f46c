//! The OpenCX session behind a helpdesk object, and what it shows: "the fastest path to root
//! cause" in OpenCX's troubleshooting pages.
//!
//! OpenCX cannot look a session up by helpdesk id, so the lookup uses the moments a session can
//! start: seconds after the customer message that opens it (~4 s on the web, ~30 s for email).
//! Each such moment gives a narrow window (2 min before for clock skew, 5 min after); the first
//! customer message opens one, and a later one opens another only when the 24-hour ticket lock
//! had expired by then (a second session). Sessions created in a window are read with
//! `POST /chat/sessions/filter` in pages of 100 (its largest), sorted by creation; every item is
//! checked to lie in the window, and a deployment that ignores the date filter (its keys are not
//! documented) is noticed and read through `GET /chat/sessions?created_after&created_before`
//! instead. Sessions are matched on `ticketing_system.external_id` (and `.name`). Only when that
//! finds nothing does it fall back to `/chat/sessions/search?q=<customer email>`. A window that
//! holds more than the pages read makes the lookup `truncated`: never "no session".

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Serialize;

use crate::http::{ApiError, ErrorKind};
use crate::vendors::opencx::{HandoffEvent, HistoryItem, OpencxClient, Page, Session};

/// Margins around a session's start (used by the email fallback and the deliveries evidence).
pub const WINDOW_MARGIN_MINUTES: i64 = 15;
/// A session is created seconds after the message that opens it: the window starts this much
/// before the message (clock skew between the helpdesk and OpenCX) …
pub const START_BEFORE_SECONDS: i64 = 120;
/// … and ends this much after it (email is processed in ~30 s; slow days are slower).
pub const START_AFTER_SECONDS: i64 = 300;
/// A Gorgias ticket is locked to its session for 24 hours; a customer message after that may
/// open a second session.
pub const LOCK_HOURS: i64 = 24;
/// Windows looked at, at most (the first message and two later starts).
pub const MAX_WINDOWS: usize = 3;
/// Pages of one window read at most; past it the lookup says it stopped.
pub const MAX_WINDOW_PAGES: usize = 3;
/// The largest page `POST /chat/sessions/filter` allows.
pub const FILTER_LIMIT: usize = 100;
/// Sessions found by the email search that are fetched one by one at most.
const MAX_SEARCH_SESSIONS: usize = 5;
const MAX_HISTORY_PAGES: usize = 5;
const MAX_ANALYTICS_PAGES: usize = 3;
/// Timeline events shown per session.
pub const TIMELINE_EVENTS: usize = 8;

/// A helpdesk object, as the session lookup needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpdeskObject {
    /// `ticketing_system.name` in OpenCX: `gorgias`, `intercom`, `hubspot`.
    pub system: &'static str,
    pub external_id: String,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    /// When the customer wrote (the moments a session can start), oldest first; empty: only
    /// `first_at` is known.
    pub customer_at: Vec<DateTime<Utc>>,
    pub email: Option<String>,
    /// OpenCX `channel_type`, when the helpdesk's channel maps to one.
    pub channel: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Window {
    pub created_after: String,
    pub created_before: String,
    #[serde(skip)]
    pub from: DateTime<Utc>,
    #[serde(skip)]
    pub to: DateTime<Utc>,
}

impl Window {
    fn around(at: DateTime<Utc>) -> Window {
        let from = shifted(at, -Duration::seconds(START_BEFORE_SECONDS));
        let to = shifted(at, Duration::seconds(START_AFTER_SECONDS));
        Window { created_after: rfc3339(from), created_before: rfc3339(to), from, to }
    }

    pub fn holds(&self, session: &Session) -> bool {
        session.created_at.as_deref().and_then(parse_time).is_some_and(|t| t >= self.from && t <= self.to)
    }
}

/// How the sessions were found: for the report and for support.
#[derive(Clone, Debug, Serialize, Default)]
pub struct Lookup {
    /// `id` (a session id was given), `window` (external id matched in the time window),
    /// `search` (found through the customer's email), or `none`.
    pub method: &'static str,
    /// The first window (when the first customer message could open a session).
    pub window: Option<Window>,
    /// Every window looked at.
    pub windows: Vec<Window>,
    /// `filter` (`POST /chat/sessions/filter`) or `list` (`GET /chat/sessions`, when the filter
    /// was refused or did not apply its dates).
    pub endpoint: &'static str,
    /// Whether the email search ran (and so whether "it found none" may be said).
    pub email_searched: bool,
    /// Sessions read while looking (all pages).
    pub scanned: usize,
    /// Requests the lookup itself made.
    pub requests: usize,
    /// True when the window held more pages than were read.
    pub truncated: bool,
}

/// One event of the timeline, newest last.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct TimelineEvent {
    pub at: String,
    /// `customer message`, `AI reply`, `agent message`, `handoff`, `agent takeover`, …
    pub what: String,
    pub text: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SessionView {
    pub id: String,
    pub status: Option<String>,
    pub ai_closure_type: Option<String>,
    pub channel: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub assignee_id: Option<String>,
    pub team: Option<String>,
    pub assist_mode: Option<bool>,
    pub sentiment: Option<String>,
    pub ticketing_system: Option<String>,
    pub external_id: Option<String>,
    pub contact_email: Option<String>,
    pub handoff_summary: Option<String>,
    pub handoff_sentiment: Option<String>,
    pub handoff_reasons: Vec<String>,
    pub handoff_explanation: Option<String>,
    /// When the handoff happened (the history's handoff event).
    pub handed_off_at: Option<String>,
    /// AI messages after the handoff: `(time, text)`.
    pub ai_after_handoff: Vec<TimelineEvent>,
    pub timeline: Vec<TimelineEvent>,
    /// What could not be read, said plainly (a missing scope, history unavailable).
    pub missing: Vec<String>,
    /// Why the history was not read, when it was not (a sweep reads it for handed-off
    /// sessions only); additive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_skipped: Option<String>,
}

impl SessionView {
    pub fn is_handed_off(&self) -> bool {
        self.ai_closure_type.as_deref() == Some("handed_off")
            || self.handoff_summary.is_some()
            || self.handed_off_at.is_some()
    }
}

/// Everything the session evidence says about one helpdesk object (or one session id).
#[derive(Clone, Debug, Serialize)]
pub struct SessionEvidence {
    pub lookup: Lookup,
    pub sessions: Vec<SessionView>,
}

/// "Recent": the window the indirect evidence (recent conversations and their sessions) looks at.
pub fn recent_since(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(7)
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A time from outside, kept only when it is a plausible one (years 1970 to 9999): the doctor
/// adds margins to it, and an extreme value must not overflow that arithmetic.
pub fn plausible(t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (t.timestamp() >= 0 && t.timestamp() < 253_402_300_800).then_some(t)
}

pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return plausible(t.with_timezone(&Utc));
    }
    // Naive timestamps (Gorgias docs) are UTC.
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok().and_then(|n| plausible(n.and_utc()))
}

/// A Unix time in seconds from outside (Intercom), if plausible.
pub fn from_unix(secs: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0).and_then(plausible)
}

/// `t + d` that saturates instead of overflowing.
pub fn shifted(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap_or(if d < Duration::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// The windows in which a session of the object can have started.
pub fn windows_of(object: &HelpdeskObject) -> Vec<Window> {
    let mut starts: Vec<DateTime<Utc>> = object.customer_at.clone();
    if starts.is_empty() {
        starts.push(object.first_at);
    }
    starts.sort();
    let mut windows: Vec<Window> = Vec::new();
    let mut last_start: Option<DateTime<Utc>> = None;
    for at in starts {
        let opens = last_start.is_none_or(|prev| at >= shifted(prev, Duration::hours(LOCK_HOURS)));
        if opens && windows.len() < MAX_WINDOWS {
            windows.push(Window::around(at));
            last_start = Some(at);
        }
    }
    windows
}

/// Does the session belong to the helpdesk object? External ids compare as text (numbers and
/// strings both occur); a session that names another ticketing system never matches.
pub fn belongs_to(session: &Session, object: &HelpdeskObject) -> bool {
    let Some(ts) = &session.ticketing_system else { return false };
    let id_matches = ts.external_id.as_deref().is_some_and(|id| id.trim() == object.external_id);
    let system_matches = ts.name.as_deref().is_none_or(|n| n.eq_ignore_ascii_case(object.system));
    id_matches && system_matches
}

/// Reads pages until `next` is null or `max_pages` were read: `(items, requests, truncated)`.
pub async fn collect_pages<T, F, Fut>(max_pages: usize, mut fetch: F) -> Result<(Vec<T>, usize, bool), Arc<ApiError>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: std::future::Future<Output = Result<Page<T>, ApiError>>,
{
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    let mut requests = 0;
    loop {
        let page = fetch(cursor.take()).await.map_err(Arc::new)?;
        requests += 1;
        items.extend(page.items);
        match page.next.filter(|n| !n.is_empty()) {
            Some(next) if requests < max_pages => cursor = Some(next),
            Some(_) => return Ok((items, requests, true)),
            None => return Ok((items, requests, false)),
        }
    }
}

/// Every session created since `from` (a sweep's bulk read), in the filter's largest pages:
/// `(sessions, requests, truncated)`.
pub async fn sessions_created_since(
    client: &OpencxClient,
    from: DateTime<Utc>,
    max_pages: usize,
) -> Result<(Vec<Session>, usize, bool), Arc<ApiError>> {
    let (sessions, requests, truncated, _) = created_between(client, from, None, None, max_pages).await?;
    Ok((sessions, requests, truncated))
}

/// The sessions created in one window: `(sessions, requests, truncated, endpoint)`.
async fn sessions_in(
    client: &OpencxClient,
    window: &Window,
    channel: Option<&'static str>,
) -> Result<(Vec<Session>, usize, bool, &'static str), Arc<ApiError>> {
    created_between(client, window.from, Some(window.to), channel, MAX_WINDOW_PAGES).await
}

/// The sessions created from `from` (to `to`, when given): `POST /chat/sessions/filter` in pages
/// of 100, or — where the deployment does not apply the date filter (items outside the range, or
/// a 400/404/405/422) — the documented cursor listing `GET /chat/sessions?created_after=…`.
/// Returns the sessions, the requests, whether `max_pages` cut the list, and the endpoint used.
async fn created_between(
    client: &OpencxClient,
    from: DateTime<Utc>,
    to: Option<DateTime<Utc>>,
    channel: Option<&'static str>,
    max_pages: usize,
) -> Result<(Vec<Session>, usize, bool, &'static str), Arc<ApiError>> {
    let (after, before) = (rfc3339(from), to.map(rfc3339));
    let mut range = serde_json::json!({"gte": after});
    if let Some(before) = &before {
        range["lte"] = before.clone().into();
    }
    let holds = |s: &Session| {
        s.created_at.as_deref().and_then(parse_time).is_some_and(|t| t >= from && to.is_none_or(|to| t <= to))
    };
    let mut found = Vec::new();
    let mut requests = 0;
    for page in 1..=max_pages {
        let body = serde_json::json!({
            "filters": {"created_at": range},
            "sort_by": "created_at",
            "sort_order": "asc",
            "page": page,
            "limit": FILTER_LIMIT,
        });
        let answer = client.filter(&body).await;
        requests += 1;
        match answer {
            Ok(p) if p.data.iter().all(holds) => {
                found.extend(p.data);
                if !p.has_next {
                    return Ok((found, requests, false, "filter"));
                }
            }
            // Items outside the range: this deployment does not apply the date filter.
            Ok(_) => return list_between(client, (&after, before.as_deref()), channel, max_pages, requests).await,
            Err(e) if matches!(e.status(), Some(400 | 404 | 405 | 422)) => {
                return list_between(client, (&after, before.as_deref()), channel, max_pages, requests).await
            }
            Err(e) => return Err(Arc::new(e)),
        }
    }
    Ok((found, requests, true, "filter"))
}

/// `GET /chat/sessions` over the range, the documented cursor listing.
async fn list_between(
    client: &OpencxClient,
    (after, before): (&str, Option<&str>),
    channel: Option<&'static str>,
    max_pages: usize,
    spent: usize,
) -> Result<(Vec<Session>, usize, bool, &'static str), Arc<ApiError>> {
    let mut base: Vec<(&str, String)> = vec![("created_after", after.to_string())];
    if let Some(before) = before {
        base.push(("created_before", before.to_string()));
    }
    if let Some(channel) = channel {
        base.push(("channel_type", channel.to_string()));
    }
    let (items, requests, truncated) = collect_pages(max_pages, |cursor| {
        let mut query = base.clone();
        if let Some(c) = cursor {
            query.push(("cursor", c));
        }
        async move { client.sessions(&query).await }
    })
    .await?;
    Ok((items, spent + requests, truncated, "list"))
}

/// Finds every session of the helpdesk object.
pub async fn find_sessions(
    client: &OpencxClient,
    object: &HelpdeskObject,
) -> Result<(Vec<Session>, Lookup), Arc<ApiError>> {
    let windows = windows_of(object);
    let looked = futures::future::join_all(windows.iter().map(|w| sessions_in(client, w, object.channel))).await;
    let mut lookup = Lookup {
        method: "window",
        window: windows.first().cloned(),
        windows: windows.clone(),
        endpoint: "filter",
        ..Lookup::default()
    };
    let mut found: Vec<Session> = Vec::new();
    for result in looked {
        let (sessions, requests, truncated, endpoint) = result?;
        lookup.requests += requests;
        lookup.scanned += sessions.len();
        lookup.truncated |= truncated;
        if endpoint == "list" {
            lookup.endpoint = "list";
        }
        for s in sessions.into_iter().filter(|s| belongs_to(s, object)) {
            if !found.iter().any(|f| f.id == s.id) {
                found.push(s);
            }
        }
    }
    if !found.is_empty() {
        return Ok((found, lookup));
    }
    let Some(email) = object.email.as_deref().filter(|e| !e.is_empty()) else {
        lookup.method = "none";
        return Ok((Vec::new(), lookup));
    };
    lookup.email_searched = true;
    let result = client.search(email).await.map_err(Arc::new)?;
    lookup.requests += 1;
    let ids: BTreeSet<String> = result.messages.iter().filter_map(|m| m.session_id.clone()).collect();
    let mut found = Vec::new();
    for id in ids.iter().take(MAX_SEARCH_SESSIONS) {
        lookup.requests += 1;
        match client.session(id).await {
            Ok(session) => {
                lookup.scanned += 1;
                // Without a ticketing link, a session of this customer in the window still counts.
                let in_window = session.created_at.as_deref().and_then(parse_time).is_some_and(|t| {
                    t >= shifted(object.first_at, -Duration::minutes(WINDOW_MARGIN_MINUTES))
                        && t <= shifted(object.last_at, Duration::minutes(WINDOW_MARGIN_MINUTES))
                });
                let unlinked = session.ticketing_system.as_ref().is_none_or(|t| t.external_id.is_none());
                if belongs_to(&session, object) || (unlinked && in_window) {
                    found.push(session);
                }
            }
            Err(e) if e.is_not_found() => {}
            Err(e) => return Err(Arc::new(e)),
        }
    }
    lookup.method = if found.is_empty() { "none" } else { "search" };
    Ok((found, lookup))
}

fn describe(item: &HistoryItem) -> TimelineEvent {
    let kind = item.event.kind.as_deref().unwrap_or("event");
    let sender = item.event.sender.as_ref().and_then(|s| s.kind.as_deref());
    let what = match (kind, sender) {
        ("message", Some("contact")) => "customer message".to_string(),
        ("message", Some("ai")) => "AI reply".to_string(),
        ("message", Some("human_agent")) => "agent message".to_string(),
        ("handoff", _) => "handoff".to_string(),
        ("human_agent_takeover", _) => "agent takeover".to_string(),
        ("human_agent_joined", _) => "agent joined".to_string(),
        ("human_agent_comment", _) => "agent comment".to_string(),
        ("ai_resolved_issue", _) => "AI resolved".to_string(),
        (other, _) => other.replace('_', " "),
    };
    TimelineEvent {
        // Shown as the doctor formats it, never as the API spelled it: a time is a time.
        at: item.created_at.as_deref().and_then(parse_time).map(rfc3339).unwrap_or_else(|| "time unknown".into()),
        what,
        text: item.event.content.as_ref().and_then(|c| c.text.as_deref()).map(|t| crate::http::error::clip(t, 100)),
    }
}

fn missing_piece(what: &str, e: &ApiError) -> String {
    match &e.kind {
        ErrorKind::Status { status: 403, .. } => {
            format!("{what}: the OpenCX key lacks the scope {} ({e})", crate::vendors::opencx::scope_for(&e.path))
        }
        _ => format!("{what} unavailable: {e}"),
    }
}

/// Whether the session list item itself says the session was handed off.
pub fn listed_as_handed_off(session: &Session) -> bool {
    session.handoff.is_some() || session.ai_closure_type.as_deref() == Some("handed_off")
}

/// What a sweep says of a session whose history it did not read.
pub const HISTORY_SKIPPED: &str =
    "history not read: a sweep reads the history of handed-off sessions only, and the session list shows this one was not";

/// Reads the history and handoff analytics of a session and builds its view; with
/// `read_history` false (a sweep, a session the list shows was not handed off) only the list's
/// fields are used.
pub async fn view(client: &OpencxClient, session: Session, read_history: bool) -> SessionView {
    let id = session.id.clone();
    let created = session.created_at.as_deref().and_then(parse_time);
    let updated = session.updated_at.as_deref().and_then(parse_time).or(created);
    let history = async {
        if !read_history {
            return Ok((Vec::new(), 0, false));
        }
        collect_pages(MAX_HISTORY_PAGES, |cursor| {
            let id = id.clone();
            async move { client.history(&id, cursor.as_deref()).await }
        })
        .await
    };
    let wants_analytics = listed_as_handed_off(&session);
    let analytics = async {
        if !wants_analytics {
            return None;
        }
        let start = rfc3339(shifted(created.unwrap_or_else(Utc::now), -Duration::hours(1)));
        let end = rfc3339(shifted(updated.unwrap_or_else(Utc::now), Duration::hours(6)));
        Some(
            collect_pages(MAX_ANALYTICS_PAGES, |cursor| {
                let (start, end) = (start.clone(), end.clone());
                async move { client.handoff_events(&start, &end, cursor.as_deref()).await }
            })
            .await,
        )
    };
    let (history, analytics) = futures::join!(history, analytics);
    let mut missing = Vec::new();
    let items: Vec<HistoryItem> = match history {
        Ok((items, _, truncated)) => {
            if truncated {
                missing.push(format!("history: only the first {MAX_HISTORY_PAGES} pages were read"));
            }
            items
        }
        Err(e) => {
            missing.push(missing_piece("history", &e));
            Vec::new()
        }
    };
    let (reasons, explanation) = match analytics {
        None => (Vec::new(), None),
        Some(Ok((events, _, _))) => {
            let mine: Vec<&HandoffEvent> =
                events.iter().filter(|e| e.session_id.as_deref() == Some(id.as_str())).collect();
            if mine.is_empty() {
                missing.push("handoff analytics: no event for this session in its time window".into());
            }
            let mut reasons: Vec<String> = mine.iter().flat_map(|e| e.reasons.clone()).collect();
            reasons.dedup();
            (reasons, mine.iter().find_map(|e| e.explanation.clone()))
        }
        Some(Err(e)) => {
            missing.push(missing_piece("handoff analytics", &e));
            (Vec::new(), None)
        }
    };
    let mut events: Vec<(Option<DateTime<Utc>>, TimelineEvent)> =
        items.iter().map(|i| (i.created_at.as_deref().and_then(parse_time), describe(i))).collect();
    events.sort_by_key(|(t, _)| *t);
    // The first handoff that has a time: an untimed one is no point to compare replies with.
    let handed_off_at =
        events.iter().find_map(|(t, e)| (e.what == "handoff").then_some(*t).flatten()).map(|t| (t, rfc3339(t)));
    let ai_after_handoff = match &handed_off_at {
        Some((t, _)) => events
            .iter()
            .filter(|(at, e)| e.what == "AI reply" && at.is_some_and(|a| a > *t))
            .map(|(_, e)| e.clone())
            .collect(),
        None => Vec::new(),
    };
    let timeline: Vec<TimelineEvent> =
        events.iter().rev().take(TIMELINE_EVENTS).rev().map(|(_, e)| e.clone()).collect();
    SessionView {
        id,
        status: session.status,
        ai_closure_type: session.ai_closure_type,
        channel: session.channel.and_then(|c| c.kind),
        created_at: session.created_at.as_deref().and_then(parse_time).map(rfc3339),
        updated_at: session.updated_at.as_deref().and_then(parse_time).map(rfc3339),
        assignee_id: session.assignee_id,
        team: session.team.and_then(|t| t.name.or(t.id)),
        assist_mode: session.assist_mode,
        sentiment: session.sentiment,
        ticketing_system: session.ticketing_system.as_ref().and_then(|t| t.name.clone()),
        contact_email: session.contact.as_ref().and_then(|c| c.email.clone()),
        external_id: session.ticketing_system.and_then(|t| t.external_id),
        handoff_summary: session.handoff.as_ref().and_then(|h| h.summary.clone()),
        handoff_sentiment: session.handoff.and_then(|h| h.sentiment),
        handoff_reasons: reasons,
        handoff_explanation: explanation,
        handed_off_at: handed_off_at.map(|(_, at)| at),
        ai_after_handoff,
        timeline,
        missing,
        history_skipped: (!read_history).then(|| HISTORY_SKIPPED.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::opencx::TicketingSystem;

    fn object() -> HelpdeskObject {
        HelpdeskObject {
            system: "gorgias",
            external_id: "1042".into(),
            first_at: parse_time("2026-11-20T09:00:00Z").unwrap(),
            last_at: parse_time("2026-11-20T09:30:00Z").unwrap(),
            customer_at: Vec::new(),
            email: Some("jane@example.com".into()),
            channel: None,
        }
    }

    fn session(name: Option<&str>, id: Option<&str>) -> Session {
        Session {
            id: "s".into(),
            ticketing_system: Some(TicketingSystem {
                name: name.map(Into::into),
                external_id: id.map(Into::into),
                id_type: None,
            }),
            ..Session::default()
        }
    }

    #[test]
    fn matching_uses_the_external_id_and_the_system_name() {
        assert!(belongs_to(&session(Some("gorgias"), Some("1042")), &object()));
        assert!(belongs_to(&session(Some("Gorgias"), Some(" 1042")), &object()));
        assert!(belongs_to(&session(None, Some("1042")), &object()), "no name: the id decides");
        assert!(!belongs_to(&session(Some("intercom"), Some("1042")), &object()), "another system's 1042");
        assert!(!belongs_to(&session(Some("gorgias"), Some("10420")), &object()));
        assert!(!belongs_to(&Session::default(), &object()));
    }

    #[test]
    fn a_window_opens_when_a_session_can_start() {
        let w = windows_of(&object());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].created_after, "2026-11-20T08:58:00Z");
        assert_eq!(w[0].created_before, "2026-11-20T09:05:00Z");
        // A customer message 26 hours later may open a second session; one 10 minutes later
        // (same lock) may not.
        let mut o = object();
        let t = parse_time("2026-11-20T09:00:00Z").unwrap();
        o.customer_at = vec![t, t + Duration::minutes(10), t + Duration::hours(26)];
        let w = windows_of(&o);
        assert_eq!(w.len(), 2);
        assert_eq!(w[1].created_after, "2026-11-21T10:58:00Z");
    }

    #[test]
    fn naive_gorgias_timestamps_are_utc() {
        assert_eq!(
            parse_time("2021-01-07T13:00:00.123456").unwrap(),
            parse_time("2021-01-07T13:00:00.123456Z").unwrap()
        );
        assert_eq!(parse_time("2019-12-20T19:54:47.186726+00:00").unwrap().timestamp(), 1576871687);
    }

    #[tokio::test]
    async fn pagination_follows_next_and_stops_at_the_cap() {
        let pages = |n: usize| {
            move |cursor: Option<String>| async move {
                let index: usize = cursor.map(|c| c.parse().unwrap()).unwrap_or(0);
                Ok(Page { items: vec![index], next: (index + 1 < n).then(|| (index + 1).to_string()) })
            }
        };
        let (items, requests, truncated) = collect_pages(3, pages(2)).await.unwrap();
        assert_eq!((items, requests, truncated), (vec![0, 1], 2, false));
        let (items, requests, truncated) = collect_pages(3, pages(10)).await.unwrap();
        assert_eq!((items, requests, truncated), (vec![0, 1, 2], 3, true));
    }
}
