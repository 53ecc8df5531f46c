//! The facts of a run: for each configured vendor, its client and memoised reads. A check asks
//! for a fact (`cx.facts.gorgias()?.account().await`); the first ask fetches it, later asks
//! share the result. Facts know nothing of checks; checks know nothing of HTTP. `warm` fetches
//! a named [`Read`] ahead of the checks that declared it (`prefetch`).

pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod memo;
pub mod opencx;
pub mod prefetch;
pub mod read;
pub mod session;
pub mod sweep;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use url::Url;

use crate::http::{ApiError, Http};
use crate::integration::Integration;
use crate::settings::{fields, Field, Settings};
use crate::target::Target;
use crate::vendors;

pub use gorgias::GorgiasFacts;
pub use hubspot::HubspotFacts;
pub use intercom::IntercomFacts;
pub use opencx::OpencxFacts;
pub use read::Read;
pub use session::{HelpdeskObject, SessionEvidence};

/// Why a fact could not be had.
#[derive(Clone, Debug)]
pub enum FactError {
    /// The vendor's answer (or its absence).
    Api(Arc<ApiError>),
    /// The vendor is not configured: the setting that is missing, and its variable.
    Setting { setting: String, env: String },
    /// The evidence was read but is incomplete, so nothing may be concluded from it.
    Inconclusive { detail: String, fix: String },
}

impl std::fmt::Display for FactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactError::Api(e) => write!(f, "{e}"),
            FactError::Setting { setting, env } => write!(f, "{setting} is not set ({env})"),
            FactError::Inconclusive { detail, .. } => f.write_str(detail),
        }
    }
}

impl From<Arc<ApiError>> for FactError {
    fn from(e: Arc<ApiError>) -> FactError {
        FactError::Api(e)
    }
}

/// The error for a missing setting.
pub fn missing(field: &Field) -> FactError {
    FactError::Setting { setting: field.dotted(), env: field.env_var() }
}

/// The settings a read takes its ids from, read once when the facts are made.
#[derive(Clone, Debug, Default)]
struct Inputs {
    gorgias_ai_user: Option<u64>,
    gorgias_team: Option<u64>,
    intercom_ai_admin: Option<String>,
    /// The HubSpot Default User ID's digits (`A-123` → `123`).
    hubspot_ai_user: Option<String>,
    /// Whether the HubSpot token may be sent at all: one the lint refuses (a developer key
    /// pasted by mistake) never leaves the machine ahead of its check.
    hubspot_token_sendable: bool,
}

#[derive(Default)]
pub struct Facts {
    http: Option<Arc<Http>>,
    inputs: Inputs,
    gorgias: Option<GorgiasFacts>,
    intercom: Option<IntercomFacts>,
    hubspot: Option<HubspotFacts>,
    opencx: Option<OpencxFacts>,
}

fn base_url(settings: &Settings, field: &Field, default: impl FnOnce() -> Url) -> Url {
    settings.get(field).and_then(|u| Url::parse(u).ok()).unwrap_or_else(default)
}

impl Facts {
    /// Clients for every vendor whose required settings are present.
    pub fn new(http: &Arc<Http>, settings: &Settings) -> Facts {
        use Integration::*;
        let inputs = Inputs {
            gorgias_ai_user: settings.id(&fields::gorgias::AI_USER_ID),
            gorgias_team: settings.id(&fields::gorgias::TEAM_ID),
            intercom_ai_admin: settings.get(&fields::intercom::AI_ADMIN_ID).map(str::to_string),
            hubspot_ai_user: settings
                .get(&fields::hubspot::AI_USER_ID)
                .map(|raw| raw.strip_prefix("A-").unwrap_or(raw).to_string()),
            hubspot_token_sendable: settings
                .secret(&fields::hubspot::TOKEN)
                .is_some_and(|t| !matches!(vendors::hubspot::lint_token(t.expose()), Err((true, _)))),
        };
        let mut facts = Facts { http: Some(http.clone()), inputs, ..Facts::default() };
        if settings.is_configured(Gorgias) {
            let domain = settings.get(&fields::gorgias::DOMAIN).unwrap_or_default();
            let base = base_url(settings, &fields::gorgias::BASE_URL, || vendors::gorgias::origin(domain));
            let email = settings.get(&fields::gorgias::EMAIL).unwrap_or_default();
            let key = settings.secret(&fields::gorgias::API_KEY).expect("configured");
            facts.gorgias =
                Some(GorgiasFacts::new(vendors::gorgias::GorgiasClient::new(http.clone(), base, email, key)));
        }
        if settings.is_configured(Intercom) {
            let base = base_url(settings, &fields::intercom::BASE_URL, || {
                Url::parse(vendors::intercom::US).expect("static URL")
            });
            let token = settings.secret(&fields::intercom::TOKEN).expect("configured");
            facts.intercom =
                Some(IntercomFacts::new(vendors::intercom::IntercomClient::new(http.clone(), base, token)));
        }
        if settings.is_configured(Hubspot) {
            let base = base_url(settings, &fields::hubspot::BASE_URL, || {
                Url::parse(vendors::hubspot::ORIGIN).expect("static URL")
            });
            let token = settings.secret(&fields::hubspot::TOKEN).expect("configured");
            let client = vendors::hubspot::HubspotClient::new(http.clone(), base.clone(), token);
            let webhooks =
                match (settings.id(&fields::hubspot::APP_ID), settings.secret(&fields::hubspot::DEVELOPER_API_KEY)) {
                    (Some(app), Some(key)) => {
                        Some(vendors::hubspot::WebhooksClient::new(http.clone(), base, app, key, &client))
                    }
                    _ => None,
                };
            facts.hubspot = Some(HubspotFacts::new(client, webhooks));
        }
        if settings.is_configured(Opencx) {
            let base = base_url(settings, &fields::opencx::BASE_URL, || {
                Url::parse(vendors::opencx::ORIGIN).expect("static URL")
            });
            let key = settings.secret(&fields::opencx::API_KEY).expect("configured");
            facts.opencx = Some(OpencxFacts::new(vendors::opencx::OpencxClient::new(http.clone(), base, key)));
        }
        facts
    }

    /// The run's HTTP layer, for probes that are not vendor API calls.
    pub fn http(&self) -> Option<&Arc<Http>> {
        self.http.as_ref()
    }

    pub fn gorgias(&self) -> Result<&GorgiasFacts, FactError> {
        self.gorgias.as_ref().ok_or_else(|| missing(&fields::gorgias::API_KEY))
    }
    pub fn intercom(&self) -> Result<&IntercomFacts, FactError> {
        self.intercom.as_ref().ok_or_else(|| missing(&fields::intercom::TOKEN))
    }
    pub fn hubspot(&self) -> Result<&HubspotFacts, FactError> {
        self.hubspot.as_ref().ok_or_else(|| missing(&fields::hubspot::TOKEN))
    }
    pub fn opencx(&self) -> Result<&OpencxFacts, FactError> {
        self.opencx.as_ref().ok_or_else(|| missing(&fields::opencx::API_KEY))
    }

    /// The helpdesk object the run is pointed at, as the session lookup needs it (`None` for an
    /// OpenCX session, or an object without the times to look its session up by).
    pub async fn helpdesk_object(&self, target: &Target) -> Result<Option<HelpdeskObject>, FactError> {
        use session::parse_time;
        match target {
            Target::Ticket(id) => {
                let id = *id;
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
            Target::Conversation(id) => {
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
            Target::Thread(id) => {
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
            Target::Session(_) => Ok(None),
        }
    }

    /// The OpenCX evidence for the run's target: the session(s) of the helpdesk object, or the
    /// session named by `doctor session ID`. `None` when the object has no times to look by.
    pub async fn session_evidence(&self, target: &Target) -> Result<Option<Arc<SessionEvidence>>, FactError> {
        let opencx = self.opencx()?;
        if let Target::Session(id) = target {
            return Ok(Some(opencx.evidence_for_id(id).await?));
        }
        let Some(object) = self.helpdesk_object(target).await? else { return Ok(None) };
        let evidence = opencx.evidence_for(&object).await?;
        // No session found in a window that held more than was read: no check may conclude
        // "no session" (or "never reached OpenCX") from that.
        if evidence.sessions.is_empty() && evidence.lookup.truncated {
            return Err(FactError::Inconclusive {
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
    pub fn session_evidence_loaded(&self, target: &Target) -> Option<Arc<SessionEvidence>> {
        let key = match target {
            Target::Session(id) => format!("session:{id}"),
            other => format!("{}:{}", other.integration().slug(), other.id()),
        };
        self.opencx.as_ref().and_then(|o| o.evidence_loaded(&key))
    }

    /// The CRM contact with the email of the target's first OpenCX session: it needs the session
    /// list, not the sessions' history.
    pub async fn contact_by_session_email(
        &self,
        target: &Target,
    ) -> Result<Option<Arc<vendors::hubspot::Results<vendors::hubspot::CrmObject>>>, FactError> {
        let Some(object) = self.helpdesk_object(target).await? else { return Ok(None) };
        let found = self.opencx()?.sessions_for(&object).await?;
        let Some(email) = found.0.iter().find_map(|s| s.contact.as_ref().and_then(|c| c.email.clone())) else {
            return Ok(None);
        };
        Ok(Some(self.hubspot()?.contacts_by_email(&email).await?))
    }

    /// Fetches `read` now, so the checks that declared it find it in flight or done. A read
    /// whose inputs are missing (no target, no setting, a token the lint refuses) fetches
    /// nothing; errors are left for the checks to report.
    pub async fn warm(&self, read: Read, target: Option<&Target>, now: DateTime<Utc>) {
        use Read::*;
        let inputs = &self.inputs;
        let g = self.gorgias.as_ref();
        let i = self.intercom.as_ref();
        let h = self.hubspot.as_ref().filter(|_| inputs.hubspot_token_sendable);
        match read {
            GorgiasAccount => drop(opt(g.map(|g| g.account())).await),
            GorgiasCurrentUser => drop(opt(g.map(|g| g.current_user())).await),
            GorgiasAiUser => drop(opt(g.zip(inputs.gorgias_ai_user).map(|(g, id)| g.user(id))).await),
            GorgiasTicket => drop(opt(g.zip(target.and_then(Target::ticket)).map(|(g, id)| g.ticket(id))).await),
            GorgiasHttpIntegrations => drop(opt(g.map(|g| g.http_integrations())).await),
            GorgiasTeam => drop(opt(g.zip(inputs.gorgias_team).map(|(g, id)| g.team(id))).await),
            // The rules matter only for a configured team (the rule check reads them for it).
            GorgiasRules => drop(opt(g.filter(|_| inputs.gorgias_team.is_some()).map(|g| g.rules())).await),
            GorgiasRecentTickets => drop(opt(g.map(|g| g.recent_tickets())).await),
            IntercomMe => drop(opt(i.map(|i| i.me())).await),
            IntercomConversation => {
                drop(opt(i.zip(target.and_then(Target::conversation)).map(|(i, id)| i.conversation(id))).await)
            }
            IntercomAiAdmin => drop(opt(i.zip(inputs.intercom_ai_admin.as_deref()).map(|(i, id)| i.admin(id))).await),
            IntercomRecentConversations => drop(opt(i.map(|i| i.recent_conversations())).await),
            IntercomConversationAttributes => drop(opt(i.map(|i| i.conversation_attributes())).await),
            IntercomContactCompanies => {
                let (Some(i), Some(id)) = (i, target.and_then(Target::conversation)) else { return };
                if let Ok(c) = i.conversation(id).await {
                    if let Some(contact) =
                        c.contacts.as_ref().and_then(|l| l.contacts.first()).and_then(|ct| ct.id.clone())
                    {
                        drop(i.contact_companies(&contact).await);
                    }
                }
            }
            HubspotTokenInfo => drop(opt(h.map(|h| h.token_info())).await),
            HubspotOwnersProbe => drop(opt(h.map(|h| h.owners_probe())).await),
            HubspotTicketsProbe => drop(opt(h.map(|h| h.tickets_probe())).await),
            HubspotRecentThreads => {
                let after = session::rfc3339(session::recent_since(now));
                drop(opt(h.map(|h| h.recent_threads(&after))).await)
            }
            HubspotWebhooks => {
                if let Some(h) = h {
                    futures::join!(h.subscriptions(), h.webhook_settings());
                }
            }
            HubspotAiOwner => {
                drop(opt(h.zip(inputs.hubspot_ai_user.as_deref()).map(|(h, id)| h.owner(id, true))).await)
            }
            HubspotThread => drop(opt(h.zip(target.and_then(Target::thread)).map(|(h, id)| h.thread(id))).await),
            HubspotThreadMessages => {
                drop(opt(h.zip(target.and_then(Target::thread)).map(|(h, id)| h.thread_messages(id))).await)
            }
            HubspotThreadContact => {
                let (Some(h), Some(id)) = (h, target.and_then(Target::thread)) else { return };
                if let Ok(t) = h.thread(id).await {
                    if let Some(c) = t.associated_contact_id.as_deref() {
                        drop(h.contact(c).await);
                    }
                }
            }
            HubspotContactByEmail => {
                if let (Some(_), Some(target)) = (h, target) {
                    drop(self.contact_by_session_email(target).await);
                }
            }
            OpencxRecentSessions => drop(opt(self.opencx.as_ref().map(|o| o.recent_sessions(now))).await),
            SessionEvidence => {
                if let (Some(_), Some(target)) = (&self.opencx, target) {
                    drop(self.session_evidence(target).await);
                }
            }
        }
    }
}

/// Awaits the fetch, if there is one to make.
async fn opt<F: std::future::Future>(fetch: Option<F>) -> Option<F::Output> {
    match fetch {
        Some(f) => Some(f.await),
        None => None,
    }
}
