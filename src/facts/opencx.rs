//! Memoised OpenCX reads.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Duration, SecondsFormat, Utc};

use super::memo::{Fact, Memo, Once};
use super::session::{self, HelpdeskObject, Lookup, SessionEvidence};
use crate::vendors::opencx::{OpencxClient, Page, Session};

pub struct OpencxFacts {
    client: OpencxClient,
    recent: Once<Page<Session>>,
    /// Keyed by `gorgias:1042`, `session:<id>`: `doctor all` may look up several objects.
    evidence: Memo<String, SessionEvidence>,
    /// The sessions of a helpdesk object, before their history is read (same keys).
    found: Memo<String, (Vec<Session>, Lookup)>,
    updated_since: Memo<String, (Vec<Session>, bool)>,
    handed_off_since: Memo<String, (Vec<Session>, bool)>,
    /// A sweep's session listing, by the helpdesk object's id.
    listing: tokio::sync::OnceCell<Option<Listing>>,
    sweeping: AtomicBool,
}

struct Listing {
    from: DateTime<Utc>,
    by_object: HashMap<String, Vec<Session>>,
}

impl OpencxFacts {
    pub fn new(client: OpencxClient) -> OpencxFacts {
        OpencxFacts {
            client,
            recent: Once::default(),
            evidence: Memo::default(),
            found: Memo::default(),
            updated_since: Memo::default(),
            handed_off_since: Memo::default(),
            listing: tokio::sync::OnceCell::new(),
            sweeping: AtomicBool::new(false),
        }
    }

    /// The first page of sessions updated in the hour before `now`: proves the key works and
    /// is evidence of recent activity.
    pub async fn recent_sessions(&self, now: DateTime<Utc>) -> Fact<Page<Session>> {
        let since = (now - Duration::hours(1)).to_rfc3339_opts(SecondsFormat::Secs, true);
        self.recent.get(|| async move { self.client.sessions(&[("updated_after", since)]).await }).await
    }

    /// Sessions updated since `since` (at most `MAX_WINDOW_PAGES` pages): evidence that recent
    /// helpdesk messages reached OpenCX. Returns the sessions and whether the list was cut.
    pub async fn sessions_updated_since(&self, since: DateTime<Utc>) -> Fact<(Vec<Session>, bool)> {
        let since = session::rfc3339(since);
        self.updated_since.get(since.clone(), || self.listing(vec![("updated_after", since)])).await
    }

    /// Handed-off sessions created since `since` (`GET /chat/sessions?handed_off=true&created_after=`,
    /// at most `MAX_WINDOW_PAGES` pages), and whether the list was cut.
    pub async fn handed_off_since(&self, since: DateTime<Utc>) -> Fact<(Vec<Session>, bool)> {
        let since = session::rfc3339(since);
        let query = vec![("handed_off", "true".to_string()), ("created_after", since.clone())];
        self.handed_off_since.get(since, || self.listing(query)).await
    }

    /// `GET /chat/sessions` with `query`, every page up to `MAX_WINDOW_PAGES`.
    async fn listing(&self, query: Vec<(&'static str, String)>) -> Result<(Vec<Session>, bool), crate::http::ApiError> {
        let (items, _, truncated) = session::collect_pages(session::MAX_WINDOW_PAGES, |cursor| {
            let mut query = query.clone();
            if let Some(c) = cursor {
                query.push(("cursor", c));
            }
            async move { self.client.sessions(&query).await }
        })
        .await
        .map_err(|e| (*e).clone())?;
        Ok((items, truncated))
    }

    /// A sweep's bulk read of every session created since `from`, kept for the objects'
    /// lookups; read once however many helpdesks sweep (`doctor all`). From then on sessions'
    /// histories are read only where the list shows a handoff. Returns the requests made (0
    /// when another sweep read it); a listing cut short or refused is not kept.
    pub(super) async fn read_listing(&self, from: DateTime<Utc>, max_pages: usize) -> usize {
        self.sweeping.store(true, Ordering::Relaxed);
        let mut spent = 0;
        self.listing
            .get_or_init(|| async {
                match session::sessions_created_since(&self.client, from, max_pages).await {
                    Ok((sessions, pages, false)) => {
                        spent = pages;
                        let mut by_object: HashMap<String, Vec<Session>> = HashMap::new();
                        for s in sessions {
                            if let Some(id) = s.ticketing_system.as_ref().and_then(|t| t.external_id.as_deref()) {
                                by_object.entry(id.trim().to_string()).or_default().push(s);
                            }
                        }
                        Some(Listing { from, by_object })
                    }
                    Ok((_, pages, true)) => {
                        spent = pages;
                        None
                    }
                    Err(_) => {
                        spent = 1;
                        None
                    }
                }
            })
            .await;
        spent
    }

    /// The object's sessions from a sweep's listing, when the listing covers every window its
    /// own lookup would search and holds a session of it; else `None` (the object's own
    /// lookup runs, with its email search).
    fn in_listing(&self, object: &HelpdeskObject) -> Option<(Vec<Session>, Lookup)> {
        let listing = self.listing.get()?.as_ref()?;
        let windows = session::windows_of(object);
        if windows.iter().any(|w| w.from < listing.from) {
            return None;
        }
        let mine: Vec<Session> = listing
            .by_object
            .get(&object.external_id)?
            .iter()
            .filter(|s| session::belongs_to(s, object) && windows.iter().any(|w| w.holds(s)))
            .cloned()
            .collect();
        if mine.is_empty() {
            return None;
        }
        let lookup = Lookup {
            method: "window",
            window: windows.first().cloned(),
            windows,
            endpoint: "list",
            scanned: mine.len(),
            requests: 0,
            ..Lookup::default()
        };
        Some((mine, lookup))
    }

    /// The sessions of a helpdesk object and how they were found, without their history: what
    /// a read that needs only the session list (its contact's email) waits for.
    pub async fn sessions_for(&self, object: &HelpdeskObject) -> Fact<(Vec<Session>, Lookup)> {
        self.found
            .get(key_of(object), || async {
                if let Some(found) = self.in_listing(object) {
                    return Ok(found);
                }
                session::find_sessions(&self.client, object).await.map_err(|e| (*e).clone())
            })
            .await
    }

    /// The sessions of a helpdesk object, with their history and handoff reasons. Computed once
    /// per run, whatever asks first.
    pub async fn evidence_for(&self, object: &HelpdeskObject) -> Fact<SessionEvidence> {
        self.evidence
            .get(key_of(object), || async {
                let found = self.sessions_for(object).await.map_err(|e| (*e).clone())?;
                let (sessions, lookup) = (*found).clone();
                // A sweep reads the history of the sessions the list shows were handed off;
                // the others' verdicts rest on the list's own fields.
                let sweeping = self.sweeping.load(Ordering::Relaxed);
                let views = futures::future::join_all(sessions.into_iter().map(|s| {
                    let read = !sweeping || session::listed_as_handed_off(&s);
                    session::view(&self.client, s, read)
                }))
                .await;
                Ok(SessionEvidence { lookup, sessions: views })
            })
            .await
    }

    /// One session by id, with its history and handoff reasons.
    pub async fn evidence_for_id(&self, id: &str) -> Fact<SessionEvidence> {
        self.evidence
            .get(format!("session:{id}"), || async {
                let session = self.client.session(id).await?;
                let view = session::view(&self.client, session, true).await;
                let lookup = Lookup { method: "id", requests: 1, scanned: 1, ..Lookup::default() };
                Ok(SessionEvidence { lookup, sessions: vec![view] })
            })
            .await
    }

    /// The evidence under a key (`gorgias:1042`, `session:<id>`), if some check asked for it.
    pub fn evidence_loaded(&self, key: &str) -> Option<Arc<SessionEvidence>> {
        self.evidence.peek(&key.to_string()).and_then(|f| f.ok())
    }
}

/// The memo key of a helpdesk object: `gorgias:1042`.
fn key_of(object: &HelpdeskObject) -> String {
    format!("{}:{}", object.system, object.external_id)
}
