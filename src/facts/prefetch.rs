//! Prefetching: the facts a run's checks will ask for, started all at once when the run
//! begins instead of when each check gets to them. Checks still gate on their prerequisites
//! (a check after a failed credentials check is skipped), but the data they need is already in
//! flight, so a run takes about as long as its longest chain of truly dependent requests (the
//! helpdesk object → its OpenCX sessions → their history), not the sum of its requests.
//!
//! The table below says which facts which checks read; fetching is memoised, so a fact is still
//! fetched once per run whoever asks first.

use std::sync::Arc;

use futures::future::BoxFuture;
use futures::FutureExt;

use crate::engine::{Check, Ctx};
use crate::integration::Integration;

pub async fn prefetch(cx: Arc<Ctx>, checks: Vec<&'static Check>) {
    let wants = |prefix: &str| checks.iter().any(|c| c.id.starts_with(prefix));
    let with_target = checks.iter().any(|c| c.needs_target) && cx.target.id_for(cx.integration).is_some();
    let mut tasks: Vec<BoxFuture<'_, ()>> = Vec::new();
    let f = &cx.facts;
    let now = cx.now;
    if let Ok(opencx) = f.opencx() {
        if wants("opencx.credentials") {
            tasks.push(async move { drop(opencx.recent_sessions(now).await) }.boxed());
        }
    }
    if with_target && (wants("opencx.session") || wants(&format!("{}.", cx.integration.slug()))) && f.opencx().is_ok() {
        tasks.push(async { drop(f.session_evidence(cx.integration, &cx.target).await) }.boxed());
    }
    match cx.integration {
        Integration::Gorgias => {
            if let Ok(g) = f.gorgias() {
                tasks.push(async move { drop(g.account().await) }.boxed());
                tasks.push(async move { drop(g.current_user().await) }.boxed());
                if wants("gorgias.webhook") || wants("gorgias.duplicates.integrations") {
                    tasks.push(async move { drop(g.http_integrations().await) }.boxed());
                }
                if wants("gorgias.webhook.deliveries") {
                    tasks.push(async move { drop(g.recent_tickets().await) }.boxed());
                }
                if let (true, Some(id)) =
                    (wants("gorgias.ai-silent.ai-user"), cx.settings.id(Integration::Gorgias, "ai_user_id"))
                {
                    tasks.push(async move { drop(g.user(id).await) }.boxed());
                }
                if let Some(team) = cx.settings.id(Integration::Gorgias, "team_id") {
                    if wants("gorgias.handoff-routing.team-exists") {
                        tasks.push(async move { drop(g.team(team).await) }.boxed());
                    }
                    if wants("gorgias.handoff-routing.rule") {
                        tasks.push(async move { drop(g.rules().await) }.boxed());
                    }
                }
                if let (true, Some(id)) = (with_target, cx.target.ticket) {
                    tasks.push(async move { drop(g.ticket(id).await) }.boxed());
                }
            }
        }
        Integration::Intercom => {
            if let Ok(i) = f.intercom() {
                tasks.push(async move { drop(i.me().await) }.boxed());
                if wants("intercom.webhook.read-conversations") || wants("intercom.webhook.deliveries") {
                    tasks.push(async move { drop(i.recent_conversations().await) }.boxed());
                }
                if let (true, Some(id)) =
                    (wants("intercom.ai-silent.ai-admin"), cx.settings.get(Integration::Intercom, "ai_admin_id"))
                {
                    tasks.push(async move { drop(i.admin(id).await) }.boxed());
                }
                if wants("intercom.attributes.api-writable") {
                    tasks.push(async move { drop(i.conversation_attributes().await) }.boxed());
                }
                if let (true, Some(id)) = (with_target, cx.target.conversation.as_deref()) {
                    let companies = wants("intercom.companies.contact-company");
                    tasks.push(
                        async move {
                            if let Ok(c) = i.conversation(id).await {
                                let contact =
                                    c.contacts.as_ref().and_then(|l| l.contacts.first()).and_then(|ct| ct.id.clone());
                                if let (true, Some(contact)) = (companies, contact) {
                                    drop(i.contact_companies(&contact).await);
                                }
                            }
                        }
                        .boxed(),
                    );
                }
            }
        }
        Integration::Hubspot => {
            // Nothing is sent with a token the lint refuses (a developer key pasted by mistake).
            let token_ok = cx.settings.secret(Integration::Hubspot, "token").is_some_and(|t| {
                !matches!(crate::checks::hubspot::credentials::lint_token(t.expose()), Err((true, _)))
            });
            if let (true, Ok(h)) = (token_ok, f.hubspot()) {
                tasks.push(async move { drop(h.token_info().await) }.boxed());
                if wants("hubspot.scopes.owners-read") {
                    tasks.push(async move { drop(h.owners_probe().await) }.boxed());
                }
                if wants("hubspot.scopes.tickets") {
                    tasks.push(async move { drop(h.tickets_probe().await) }.boxed());
                }
                if wants("hubspot.scopes.conversations-read") || wants("hubspot.webhook.deliveries") {
                    let after = super::session::rfc3339(crate::checks::deliveries::recent_since(cx.now));
                    tasks.push(async move { drop(h.recent_threads(&after).await) }.boxed());
                }
                if wants("hubspot.webhook") || wants("hubspot.replies") {
                    tasks.push(async move { drop(h.subscriptions().await) }.boxed());
                    tasks.push(async move { drop(h.webhook_settings().await) }.boxed());
                }
                if let Some(raw) = cx.settings.get(Integration::Hubspot, "ai_user_id") {
                    let digits = raw.strip_prefix("A-").unwrap_or(raw).to_string();
                    if wants("hubspot.ai-silent.owner-lookup") || wants("hubspot.ai-silent.ai-user") {
                        tasks.push(async move { drop(h.owner(&digits, true).await) }.boxed());
                    }
                }
                if let (true, Some(id)) = (with_target, cx.target.thread.as_deref()) {
                    let contact = wants("hubspot.no-ticket.contact-email");
                    tasks.push(
                        async move {
                            if let Ok(t) = h.thread(id).await {
                                if let (true, Some(c)) = (contact, t.associated_contact_id.as_deref()) {
                                    drop(h.contact(c).await);
                                }
                            }
                        }
                        .boxed(),
                    );
                    if wants("hubspot.replies") {
                        tasks.push(async move { drop(h.thread_messages(id).await) }.boxed());
                    }
                }
            }
        }
        Integration::Opencx => {}
    }
    futures::future::join_all(tasks).await;
}
