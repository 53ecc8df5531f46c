//! The facts of a run: for each configured vendor, its client and memoised reads. A check asks
//! for a fact (`cx.facts.gorgias()?.account().await`); the first ask fetches it, later asks
//! share the result. Facts know nothing of checks; checks know nothing of HTTP.

pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod opencx;
pub mod prefetch;
pub mod session;

use std::sync::Arc;

use url::Url;

use crate::engine::context::missing;
use crate::engine::{CheckError, Target};
use crate::http::Http;
use crate::integration::Integration;
use crate::settings::Settings;
use crate::vendors;

pub use gorgias::GorgiasFacts;
pub use hubspot::HubspotFacts;
pub use intercom::IntercomFacts;
pub use opencx::OpencxFacts;
pub use session::{HelpdeskObject, SessionEvidence};

#[derive(Default)]
pub struct Facts {
    http: Option<Arc<Http>>,
    gorgias: Option<GorgiasFacts>,
    intercom: Option<IntercomFacts>,
    hubspot: Option<HubspotFacts>,
    opencx: Option<OpencxFacts>,
}

fn base_url(settings: &Settings, integration: Integration, default: impl FnOnce() -> Url) -> Url {
    settings.get(integration, "base_url").and_then(|u| Url::parse(u).ok()).unwrap_or_else(default)
}

impl Facts {
    /// Clients for every vendor whose required settings are present.
    pub fn new(http: &Arc<Http>, settings: &Settings) -> Facts {
        use Integration::*;
        let mut facts = Facts { http: Some(http.clone()), ..Facts::default() };
        if settings.is_configured(Gorgias) {
            let domain = settings.get(Gorgias, "domain").unwrap_or_default();
            let base = base_url(settings, Gorgias, || vendors::gorgias::origin(domain));
            let email = settings.get(Gorgias, "email").unwrap_or_default();
            let key = settings.secret(Gorgias, "api_key").expect("configured");
            facts.gorgias =
                Some(GorgiasFacts::new(vendors::gorgias::GorgiasClient::new(http.clone(), base, email, key)));
        }
        if settings.is_configured(Intercom) {
            let base = base_url(settings, Intercom, || Url::parse(vendors::intercom::US).expect("static URL"));
            let token = settings.secret(Intercom, "token").expect("configured");
            facts.intercom =
                Some(IntercomFacts::new(vendors::intercom::IntercomClient::new(http.clone(), base, token)));
        }
        if settings.is_configured(Hubspot) {
            let base = base_url(settings, Hubspot, || Url::parse(vendors::hubspot::ORIGIN).expect("static URL"));
            let token = settings.secret(Hubspot, "token").expect("configured");
            let client = vendors::hubspot::HubspotClient::new(http.clone(), base.clone(), token);
            let webhooks = match (settings.id(Hubspot, "app_id"), settings.secret(Hubspot, "developer_api_key")) {
                (Some(app), Some(key)) => {
                    Some(vendors::hubspot::WebhooksClient::new(http.clone(), base, app, key, &client))
                }
                _ => None,
            };
            facts.hubspot = Some(HubspotFacts::new(client, webhooks));
        }
        if settings.is_configured(Opencx) {
            let base = base_url(settings, Opencx, || Url::parse(vendors::opencx::ORIGIN).expect("static URL"));
            let key = settings.secret(Opencx, "api_key").expect("configured");
            facts.opencx = Some(OpencxFacts::new(vendors::opencx::OpencxClient::new(http.clone(), base, key)));
        }
        facts
    }

    /// The run's HTTP layer, for probes that are not vendor API calls.
    pub fn http(&self) -> Option<&Arc<Http>> {
        self.http.as_ref()
    }

    pub fn gorgias(&self) -> Result<&GorgiasFacts, CheckError> {
        self.gorgias.as_ref().ok_or_else(|| missing(Integration::Gorgias, "api_key"))
    }
    pub fn intercom(&self) -> Result<&IntercomFacts, CheckError> {
        self.intercom.as_ref().ok_or_else(|| missing(Integration::Intercom, "token"))
    }
    pub fn hubspot(&self) -> Result<&HubspotFacts, CheckError> {
        self.hubspot.as_ref().ok_or_else(|| missing(Integration::Hubspot, "token"))
    }
    pub fn opencx(&self) -> Result<&OpencxFacts, CheckError> {
        self.opencx.as_ref().ok_or_else(|| missing(Integration::Opencx, "api_key"))
    }

    /// The helpdesk object named on the command line, as the session lookup needs it.
    pub async fn helpdesk_object(
        &self,
        integration: Integration,
        target: &Target,
    ) -> Result<Option<HelpdeskObject>, CheckError> {
        use session::parse_time;
        match integration {
            Integration::Gorgias => {
                let Some(id) = target.ticket else { return Ok(None) };
                let ticket = self.gorgias()?.ticket(id).await?;
                let mut times: Vec<_> =
                    [&ticket.created_datetime, &ticket.last_message_datetime, &ticket.updated_datetime]
                        .into_iter()
                        .flatten()
                        .chain(ticket.messages.iter().filter_map(|m| m.created_datetime.as_ref()))
                        .filter_map(|t| parse_time(t))
                        .collect();
                times.sort();
                let (Some(first), Some(last)) = (times.first().copied(), times.last().copied()) else {
                    return Ok(None);
                };
                let mut customer_at: Vec<_> = ticket
                    .messages
                    .iter()
                    .filter(|m| m.from_agent == Some(false))
                    .filter_map(|m| m.created_datetime.as_deref().and_then(parse_time))
                    .collect();
                customer_at.sort();
                Ok(Some(HelpdeskObject {
                    system: "gorgias",
                    external_id: ticket.id.to_string(),
                    first_at: first,
                    last_at: last,
                    customer_at,
                    email: ticket.customer.as_ref().and_then(|c| c.email.clone()),
                    channel: None,
                }))
            }
            Integration::Intercom => {
                let Some(id) = &target.conversation else { return Ok(None) };
                let c = self.intercom()?.conversation(id).await?;
                let at = |secs: Option<i64>| secs.and_then(session::from_unix);
                let (Some(first), last) = (at(c.created_at), at(c.updated_at)) else { return Ok(None) };
                let source = c.source.as_ref();
                Ok(Some(HelpdeskObject {
                    system: "intercom",
                    external_id: c.id.clone().unwrap_or_else(|| id.clone()),
                    first_at: first,
                    last_at: last.unwrap_or(first).max(first),
                    customer_at: vec![first],
                    email: source.and_then(|s| s.author.as_ref()).and_then(|a| a.email.clone()),
                    channel: match source.and_then(|s| s.kind.as_deref()) {
                        Some("conversation") => Some("web"),
                        Some("email") => Some("email"),
                        _ => None,
                    },
                }))
            }
            Integration::Hubspot => {
                let Some(id) = &target.thread else { return Ok(None) };
                let t = self.hubspot()?.thread(id).await?;
                let first = t.created_at.as_deref().and_then(parse_time);
                let last = t.latest_message_timestamp.as_deref().and_then(parse_time).or(first);
                let (Some(first), Some(last)) = (first, last) else { return Ok(None) };
                Ok(Some(HelpdeskObject {
                    system: "hubspot",
                    external_id: t.id.clone().unwrap_or_else(|| id.clone()),
                    first_at: first,
                    last_at: last.max(first),
                    customer_at: vec![first],
                    email: None,
                    channel: None,
                }))
            }
            Integration::Opencx => Ok(None),
        }
    }

    /// The OpenCX evidence for the run's target: the session(s) of the helpdesk object, or the
    /// session named by `doctor session ID`. `None` when the run has no target.
    pub async fn session_evidence(
        &self,
        integration: Integration,
        target: &Target,
    ) -> Result<Option<Arc<SessionEvidence>>, CheckError> {
        let opencx = self.opencx()?;
        if let Some(id) = &target.session {
            return Ok(Some(opencx.evidence_for_id(id).await?));
        }
        let Some(object) = self.helpdesk_object(integration, target).await? else { return Ok(None) };
        let evidence = opencx.evidence_for(&object).await?;
        // No session found in a window that held more than was read: no check may conclude
        // "no session" (or "never reached OpenCX") from that.
        if evidence.sessions.is_empty() && evidence.lookup.truncated {
            return Err(CheckError::Inconclusive {
                detail: format!(
                    "the OpenCX session lookup looked at {} session(s) in {} request(s), and the window holds more: \
                     it stopped before it could say whether a session exists",
                    evidence.lookup.scanned, evidence.lookup.requests
                ),
                fix: "Open the conversation in the OpenCX inbox (Inbox → search the customer's email) to find its \
                      session, then run `doctor session <SESSION_ID>` with its id."
                    .into(),
            });
        }
        Ok(Some(evidence))
    }

    /// The evidence for the run's target, if it was computed during the run.
    pub fn session_evidence_loaded(&self, integration: Integration, target: &Target) -> Option<Arc<SessionEvidence>> {
        let key = match (&target.session, target.id_for(integration)) {
            (Some(id), _) => format!("session:{id}"),
            (None, Some(id)) => format!("{}:{id}", integration.slug()),
            (None, None) => return None,
        };
        self.opencx.as_ref().and_then(|o| o.evidence_loaded(&key))
    }
}
