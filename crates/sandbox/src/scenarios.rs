//! Named sandbox scenarios: a healthy organisation, and one scenario per documented cause, each
//! named after it. `doctor demo --list` prints them.

use chrono::Duration;

use super::conversations;
use super::world::{FaultKind, Spec};
use crate::Vendor;

/// Scenarios that exist for the tests (hostile strings, credentials echoed back): `doctor demo
/// --list` leaves them out, though `--scenario` still runs them.
const FOR_TESTS: &[&str] = &["hostile-strings"];

impl Scenario {
    /// Whether `doctor demo --list` shows it.
    pub fn for_newcomers(&self) -> bool {
        !FOR_TESTS.contains(&self.name) && !self.name.contains("-echoes-")
    }
}

pub struct Scenario {
    pub name: &'static str,
    /// The integration the scenario is about (`None`: all of them).
    pub integration: Option<Vendor>,
    pub summary: &'static str,
    /// The check expected to catch it (tests assert this), `None` for the healthy ones.
    pub diagnosed_by: Option<&'static str>,
    pub build: fn() -> Spec,
}

const fn sc(
    name: &'static str,
    integration: Option<Vendor>,
    summary: &'static str,
    diagnosed_by: Option<&'static str>,
    build: fn() -> Spec,
) -> Scenario {
    Scenario { name, integration, summary, diagnosed_by, build }
}

use Vendor::{Gorgias as G, Hubspot as H, Intercom as I, Opencx as O};

pub(crate) static SCENARIOS: &[Scenario] = &[
    sc("healthy", None, "Everything set up as OpenCX documents it", None, Spec::healthy),
    sc(
        super::busy::BUSY,
        None,
        "A busy account: 120 objects per helpdesk in 20 hours, a few affected (a sweep: --since 24h)",
        None,
        || super::busy::busy(super::busy::BUSY_OBJECTS).spec,
    ),
    sc("opencx-key-invalid", Some(O), "The OpenCX API key is invalid: 401", Some("opencx.credentials.api-key"), || {
        Spec::healthy()
            .with(|s| {
                s.world.opencx.api_key = "ocx_live_sbx_rotated_11aa22bb33cc".into();
            })
            .setting("opencx.api_key", super::world::OPENCX_KEY)
    }),
    sc(
        "opencx-missing-scope",
        Some(O),
        "The OpenCX key lacks chat-sessions:read: 403",
        Some("opencx.credentials.api-key"),
        || {
            Spec::healthy().with(|s| {
                s.world.opencx.scopes = vec!["contacts:read"];
            })
        },
    ),
    sc(
        "session-missing",
        Some(G),
        "No OpenCX session for ticket 1042: the AI never saw it",
        Some("opencx.session.found"),
        || {
            Spec::healthy().with(|s| {
                s.world.opencx.sessions.retain(|x| x["id"] != conversations::GORGIAS_SESSION);
            })
        },
    ),
    sc(
        "session-duplicate",
        Some(G),
        "Two OpenCX sessions for ticket 1042 (event delivered twice)",
        Some("opencx.session.single"),
        || {
            Spec::healthy().with(|s| {
                let created = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(3);
                conversations::add_session(
                    &mut s.world,
                    "5e0c1f4a-2b7d-4c89-9a31-1042aa000002",
                    "gorgias",
                    "1042",
                    created,
                    "email",
                );
            })
        },
    ),
    sc(
        "session-handed-off",
        Some(G),
        "The AI handed ticket 1042 off, with its reasons (expected behaviour)",
        None,
        || {
            Spec::healthy().with(|s| {
                let at = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(60);
                s.world.hand_off(
                    conversations::GORGIAS_SESSION,
                    at,
                    &["based_on_instructions"],
                    "Refunds above $200 must go to a human (instruction 'Refund policy').",
                );
            })
        },
    ),
    sc(
        "session-ai-after-handoff",
        Some(G),
        "The AI replied after handing ticket 1042 off",
        Some("opencx.session.handoff-respected"),
        || {
            Spec::healthy().with(|s| {
                let at = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(60);
                s.world.hand_off(
                    conversations::GORGIAS_SESSION,
                    at,
                    &["user_requested_human_assistance"],
                    "The customer asked for a person.",
                );
                let later = at + Duration::minutes(20);
                s.world.push_history(
                    conversations::GORGIAS_SESSION,
                    conversations::event(
                        later - Duration::seconds(30),
                        "message",
                        Some("contact"),
                        Some("Hello? Anyone?"),
                    ),
                );
                s.world.push_history(
                    conversations::GORGIAS_SESSION,
                    conversations::event(later, "message", Some("ai"), Some("I can help with that!")),
                );
            })
        },
    ),
    sc(
        "opencx-no-analytics-scope",
        Some(G),
        "The OpenCX key lacks handoff-analytics:read: no handoff reasons",
        Some("opencx.session.evidence-complete"),
        || {
            Spec::healthy().with(|s| {
                let at = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(60);
                s.world.hand_off(
                    conversations::GORGIAS_SESSION,
                    at,
                    &["insufficient_knowledge"],
                    "No article covers international returns.",
                );
                s.world.opencx.scopes = vec!["chat-sessions:read", "contacts:read"];
            })
        },
    ),
    sc(
        "session-found-by-email",
        Some(G),
        "The session has no ticketing link: found through the customer's email",
        None,
        || {
            Spec::healthy().with(|s| {
                s.world.session_mut(conversations::GORGIAS_SESSION)["ticketing_system"] = serde_json::Value::Null;
            })
        },
    ),
    sc(
        "opencx-10k-sessions",
        Some(G),
        "An organisation with 10,000 sessions: the lookup stays at one request",
        None,
        || big_org(10_000),
    ),
    sc("gorgias-server-error", Some(G), "Gorgias answers 500 (could not check: exit 3)", None, || {
        Spec::healthy().fault(G, "/api/account", FaultKind::Status(500))
    }),
    sc("gorgias-rate-limited-once", Some(G), "One 429 with Retry-After: 1, then normal", None, || {
        Spec::healthy().fault_times(G, "/api/account", FaultKind::RateLimited { retry_after_secs: 1 }, 1)
    }),
    sc(
        "hubspot-daily-quota",
        Some(H),
        "HubSpot's daily API limit used up: reported at once, not retried (could not check: exit 3)",
        None,
        || Spec::healthy().fault(H, "/", FaultKind::DailyQuota),
    ),
    sc("hostile-strings", None, "API strings carrying terminal escapes and bidi overrides", None, || {
        Spec::healthy().with(|s| {
            let hostile = "AI\u{1b}]0;pwned\u{7}\u{1b}[31m Agent\u{202e}gnp.exe\u{200b}\r\nFAKE: all good";
            let ai = s
                .world
                .gorgias
                .users
                .iter_mut()
                .find(|u| u["id"] == super::world::GORGIAS_AI_USER)
                .expect("the AI user");
            ai["name"] = hostile.into();
            let admin = s
                .world
                .intercom
                .admins
                .iter_mut()
                .find(|a| a["id"] == super::world::INTERCOM_AI_ADMIN)
                .expect("the AI admin");
            admin["name"] = hostile.into();
            s.world.hubspot.owners[0]["firstName"] = hostile.into();
            s.world.session_mut(conversations::GORGIAS_SESSION)["status"] = hostile.into();
        })
    }),
    sc(
        "gorgias-error-echoes-credentials",
        Some(G),
        "Gorgias's 401 echoes the Basic credential back",
        Some("gorgias.credentials.api-key"),
        || Spec::healthy().fault(G, "/api/account", FaultKind::EchoCredentials(401)),
    ),
    sc(
        "intercom-error-echoes-token",
        Some(I),
        "Intercom's 401 echoes the token back",
        Some("intercom.credentials.token"),
        || Spec::healthy().fault(I, "/me", FaultKind::EchoCredentials(401)),
    ),
    sc(
        "hubspot-error-echoes-token",
        Some(H),
        "HubSpot's 401 echoes the token back",
        Some("hubspot.credentials.token-valid"),
        || Spec::healthy().fault(H, "/oauth", FaultKind::EchoCredentials(401)),
    ),
    sc(
        "hubspot-error-echoes-developer-key",
        Some(H),
        "HubSpot's webhooks API echoes the developer key (hapikey) back",
        None,
        || Spec::healthy().fault(H, "/webhooks", FaultKind::EchoCredentials(401)),
    ),
    sc(
        "opencx-error-echoes-key",
        Some(O),
        "OpenCX's 401 echoes the API key back",
        Some("opencx.credentials.api-key"),
        || Spec::healthy().fault(O, "/chat/sessions", FaultKind::EchoCredentials(401)),
    ),
];

/// The healthy organisation with `sessions` more sessions spread over the last 90 days.
pub fn big_org(sessions: usize) -> Spec {
    Spec::healthy().with(|s| {
        let every = Duration::seconds((90 * 24 * 3600 / sessions.max(1)) as i64);
        conversations::add_background_sessions(&mut s.world, chrono::Utc::now() - Duration::days(3), sessions, every);
    })
}

/// The healthy organisation in a busy hour: `per_hour` more sessions, evenly spread over the
/// last six hours (the sample tickets, conversations and threads are inside them).
pub fn busy_org(per_hour: usize) -> Spec {
    Spec::healthy().with(|s| {
        let every = Duration::milliseconds((3_600_000 / per_hour.max(1)) as i64);
        conversations::add_background_sessions(&mut s.world, chrono::Utc::now(), per_hour * 6, every);
    })
}

/// Every scenario: the general ones, then one per documented cause of each integration.
pub fn all() -> impl Iterator<Item = &'static Scenario> {
    SCENARIOS
        .iter()
        .chain(super::gorgias_scenarios::SCENARIOS)
        .chain(super::intercom_scenarios::SCENARIOS)
        .chain(super::hubspot_scenarios::SCENARIOS)
}

pub fn find(name: &str) -> Option<&'static Scenario> {
    all().find(|s| s.name == name)
}
