//! A sweep's reads in bulk. `discover` lists the objects with customer activity in the window
//! (the vendors' own listings, newest first); `seed` and `seed_sessions` (which needs only the
//! window, so it runs beside `discover`) read what the listings can tell about all of them at
//! once (Gorgias's message listing, OpenCX's session listing) and store it as if each object
//! had been fetched, so the per-object checks find it without a request. What
//! a listing cannot answer completely (an older ticket whose first messages precede the
//! window, an object whose session windows start before the session listing's) is left for
//! the object's own reads: bulk data is used only where it is the whole truth.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::session::{self, parse_time};
use super::{FactError, Facts};
use crate::integration::Integration;
use crate::target::Target;
use crate::vendors::gorgias::{Message, Ticket};

/// Pages read at most from one listing (a bound on a misbehaving cursor).
const MAX_PAGES: usize = 2_000;
/// HubSpot's thread listing pages (500 threads each) read at most.
const MAX_THREAD_PAGES: usize = 200;

/// The objects a window sweep looks at.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Newest activity first, at most the limit.
    pub targets: Vec<Target>,
    /// Objects with activity in the window that were seen but fall past the limit.
    pub beyond_limit: Vec<Target>,
    /// The listing held more objects in the window than were read (past the limit).
    pub more: bool,
    /// Listing pages read.
    pub pages: usize,
    /// Gorgias's compact tickets, kept for `seed`.
    tickets: Vec<Ticket>,
}

fn api(e: crate::http::ApiError) -> FactError {
    FactError::Api(Arc::new(e))
}

impl Discovered {
    /// A given list of objects (`--ids`): the first `limit`, the rest left out.
    pub fn given(ids: &[Target], limit: usize) -> Discovered {
        Discovered {
            targets: ids.iter().take(limit).cloned().collect(),
            beyond_limit: ids.iter().skip(limit).cloned().collect(),
            ..Discovered::default()
        }
    }
}

impl Facts {
    /// Lists the objects of `integration` with customer activity since `from`, newest first.
    pub async fn discover(
        &self,
        integration: Integration,
        from: DateTime<Utc>,
        limit: usize,
    ) -> Result<Discovered, FactError> {
        match integration {
            Integration::Gorgias => self.discover_tickets(from, limit).await,
            Integration::Intercom => self.discover_conversations(from, limit).await,
            Integration::Hubspot => self.discover_threads(from, limit).await,
            Integration::Opencx => Ok(Discovered::default()),
        }
    }

    /// `GET /api/tickets` by `updated_datetime` descending until the window's start; a ticket
    /// counts when its last customer message is in the window (or, without that field, when
    /// it was updated in it).
    async fn discover_tickets(&self, from: DateTime<Utc>, limit: usize) -> Result<Discovered, FactError> {
        let g = self.gorgias()?;
        let mut found = Discovered::default();
        let mut cursor: Option<String> = None;
        while found.pages < MAX_PAGES {
            let page = g.client().tickets_page(cursor.as_deref()).await.map_err(api)?;
            found.pages += 1;
            let mut past_window = false;
            for ticket in page.data {
                let updated = ticket.updated_datetime.as_deref().and_then(parse_time);
                if updated.is_some_and(|u| u < from) {
                    past_window = true;
                    break;
                }
                let customer = ticket.last_received_message_datetime.as_deref().and_then(parse_time);
                if customer.is_some_and(|at| at < from) {
                    continue;
                }
                if found.targets.len() < limit {
                    found.targets.push(Target::Ticket(ticket.id));
                    found.tickets.push(ticket);
                } else {
                    found.beyond_limit.push(Target::Ticket(ticket.id));
                }
            }
            match page.next_cursor {
                Some(next) if !past_window => {
                    if found.targets.len() >= limit {
                        found.more = true;
                        break;
                    }
                    cursor = Some(next);
                }
                _ => break,
            }
        }
        Ok(found)
    }

    /// `POST /conversations/search` for conversations updated in the window, every page;
    /// the newest `limit` by `updated_at`.
    async fn discover_conversations(&self, from: DateTime<Utc>, limit: usize) -> Result<Discovered, FactError> {
        let i = self.intercom()?;
        let mut found = Discovered::default();
        let mut all: Vec<(i64, String)> = Vec::new();
        let mut cursor: Option<String> = None;
        while found.pages < MAX_PAGES {
            let page =
                i.client().conversations_updated_since(from.timestamp(), cursor.as_deref()).await.map_err(api)?;
            found.pages += 1;
            for c in &page.conversations {
                if let Some(id) = c.id.clone() {
                    if c.updated_at.is_none_or(|u| u >= from.timestamp()) && !all.iter().any(|(_, seen)| *seen == id) {
                        all.push((c.updated_at.unwrap_or(i64::MAX), id));
                    }
                }
            }
            match page.next() {
                Some(next) if !page.conversations.is_empty() => cursor = Some(next.to_string()),
                _ => break,
            }
        }
        all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut targets = all.into_iter().map(|(_, id)| Target::Conversation(id));
        found.targets = targets.by_ref().take(limit).collect();
        found.beyond_limit = targets.collect();
        Ok(found)
    }

    /// `GET /conversations/v3/conversations/threads` with a message since the window's start
    /// (HubSpot returns them oldest first, so every page is read), the newest `limit` by their
    /// latest message. The listed threads are stored: the listing carries the same thread, with
    /// its ticket association, as the single-thread read.
    async fn discover_threads(&self, from: DateTime<Utc>, limit: usize) -> Result<Discovered, FactError> {
        let h = self.hubspot()?;
        let window = h.client().threads_since(&session::rfc3339(from), MAX_THREAD_PAGES).await.map_err(api)?;
        let mut found = Discovered { pages: window.pages, more: window.truncated, ..Discovered::default() };
        let mut threads: Vec<_> = window
            .threads
            .into_iter()
            .filter_map(|t| {
                let id = t.id.clone()?;
                let latest = t.latest_message_received_timestamp.as_deref().or(t.latest_message_timestamp.as_deref());
                let at = latest.and_then(parse_time);
                (at.is_none_or(|at| at >= from)).then_some((at, id, t))
            })
            .collect();
        threads.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        threads.dedup_by(|a, b| a.1 == b.1);
        for (n, (_, id, thread)) in threads.into_iter().enumerate() {
            if n < limit {
                h.seed_thread(id.clone(), thread);
                found.targets.push(Target::Thread(id));
            } else {
                found.beyond_limit.push(Target::Thread(id));
            }
        }
        Ok(found)
    }

    /// Reads in bulk what the listings can tell about the discovered objects (Gorgias's message
    /// listing) and stores it; returns the pages read.
    pub async fn seed(&self, discovered: &mut Discovered, from: DateTime<Utc>) -> usize {
        let tickets = std::mem::take(&mut discovered.tickets);
        if tickets.is_empty() {
            return 0;
        }
        self.seed_ticket_messages(tickets, from).await
    }

    /// `GET /api/messages` newest first, back to the window's start: every message of the
    /// tickets created in the window (the others' first messages precede it, so they keep
    /// their own read). Stops early when the pages stop paying for themselves.
    async fn seed_ticket_messages(&self, tickets: Vec<Ticket>, from: DateTime<Utc>) -> usize {
        let Ok(g) = self.gorgias() else { return 0 };
        let created = |t: &Ticket| t.created_datetime.as_deref().and_then(parse_time);
        let candidates = tickets.iter().filter(|t| created(t).is_some_and(|c| c >= from)).count();
        // A page of 100 messages must save at least two ticket reads.
        let budget = (candidates / 2).max(1);
        let mut by_ticket: HashMap<u64, Vec<Message>> = HashMap::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        // Messages are complete for tickets created after this time.
        let mut complete_after: Option<DateTime<Utc>> = None;
        while pages < budget.min(MAX_PAGES) {
            let Ok(page) = g.client().messages_page(cursor.as_deref()).await else { return pages };
            pages += 1;
            let mut oldest: Option<DateTime<Utc>> = None;
            for m in page.data {
                let at = m.created_datetime.as_deref().and_then(parse_time);
                oldest = match (oldest, at) {
                    (Some(o), Some(a)) => Some(o.min(a)),
                    (None, a) => a,
                    (o, None) => o,
                };
                if let Some(ticket) = m.ticket_id {
                    by_ticket.entry(ticket).or_default().push(m);
                }
            }
            match (page.next_cursor, oldest) {
                (Some(next), Some(o)) if o >= from => cursor = Some(next),
                (None, _) => {
                    complete_after = Some(DateTime::<Utc>::MIN_UTC);
                    break;
                }
                (_, Some(_)) => {
                    complete_after = Some(from - Duration::seconds(1));
                    break;
                }
                // A page of messages without times: nothing can be concluded from it.
                (Some(_), None) => break,
            }
        }
        let Some(complete_after) = complete_after else { return pages };
        for mut ticket in tickets {
            if !created(&ticket).is_some_and(|c| c > complete_after && c >= from) {
                continue;
            }
            let mut messages = by_ticket.remove(&ticket.id).unwrap_or_default();
            messages.sort_by_key(|m| m.created_datetime.as_deref().and_then(parse_time));
            ticket.messages = messages;
            g.seed_ticket(ticket);
        }
        pages
    }

    /// Every session created from a little before the window (the filter's largest pages, or
    /// the cursor listing), kept for the objects' session lookups (`OpencxFacts::sessions_for`
    /// answers from it where it covers the object's windows). A listing cut short is not kept;
    /// one already kept (another helpdesk of `doctor all`) is not read again.
    pub async fn seed_sessions(&self, from: DateTime<Utc>) -> usize {
        let Ok(opencx) = self.opencx() else { return 0 };
        let listed_from = from - Duration::minutes(session::WINDOW_MARGIN_MINUTES);
        opencx.read_listing(listed_from, MAX_PAGES).await
    }
}
