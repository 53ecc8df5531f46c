//! Named sandbox scenarios: a healthy organisation, and one scenario per documented cause, each
//! named after it. `doctor demo --list` prints them.

use chrono::Duration;

use super::conversations;
use super::world::{FaultKind, Spec};
use crate::integration::Integration;

pub struct Scenario {
    pub name: &'static str,
    /// The integration the scenario is about (`None`: all of them).
    pub integration: Option<Integration>,
    pub summary: &'static str,
    /// The check expected to catch it (tests assert this), `None` for the healthy ones.
    pub diagnosed_by: Option<&'static str>,
    pub build: fn() -> Spec,
}

const fn sc(
    name: &'static str,
    integration: Option<Integration>,
    summary: &'static str,
    diagnosed_by: Option<&'static str>,
    build: fn() -> Spec,
) -> Scenario {
    Scenario { name, integration, summary, diagnosed_by, build }
}

use Integration::{Gorgias as G, Hubspot as H, Intercom as I, Opencx as O};

pub static SCENARIOS: &[Scenario] = &[
    sc("healthy", None, "Everything set up as OpenCX documents it", None, Spec::healthy),
    sc(
        "gorgias-wrong-domain",
        Some(G),
        "The domain prefix names no Gorgias account (HTML 404)",
        Some("gorgias.credentials.domain"),
        || {
            let mut s = Spec::healthy();
            s.world.gorgias.exists = false;
            s.setting("gorgias.domain", "acme-shop")
        },
    ),
    sc(
        "gorgias-key-revoked",
        Some(G),
        "The API key was reset in Gorgias: 401",
        Some("gorgias.credentials.api-key"),
        || {
            let mut s = Spec::healthy();
            s.world.gorgias.api_key = "sbx-gorgias-rotated-5e2b7d90c1f3a4".into();
            s.setting("gorgias.api_key", super::world::GORGIAS_KEY)
        },
    ),
    sc(
        "gorgias-no-permission",
        Some(G),
        "The key's user may not use the API: 403",
        Some("gorgias.credentials.permission"),
        || {
            let mut s = Spec::healthy();
            s.world.gorgias.forbidden = true;
            s
        },
    ),
    sc(
        "gorgias-account-inactive",
        Some(G),
        "The Gorgias account was deactivated",
        Some("gorgias.credentials.account-active"),
        || {
            let mut s = Spec::healthy();
            s.world.gorgias.account["status"]["status"] = "inactive".into();
            s.world.gorgias.account["deactivated_datetime"] = "2026-10-30T08:00:00+00:00".into();
            s
        },
    ),
    sc(
        "gorgias-email-mismatch",
        Some(G),
        "The profile's email is not the key's user",
        Some("gorgias.credentials.email"),
        || {
            // The key belongs to another user than the profile's email names; /api/users/0 shows it.
            let mut s = Spec::healthy();
            s.world.gorgias.users[0]["email"] = "owner@acme.example".into();
            s
        },
    ),
    sc(
        "intercom-token-revoked",
        Some(I),
        "The access token was revoked: 401 token_revoked",
        Some("intercom.credentials.token"),
        || {
            let mut s = Spec::healthy();
            s.world.intercom.token = "sbx-intercom-regenerated-aGVsbG8xMjM0NTY".into();
            s.world.intercom.rejected_code = "token_revoked";
            s.setting("intercom.token", super::world::INTERCOM_TOKEN)
        },
    ),
    sc(
        "intercom-plan-restricted",
        Some(I),
        "The workspace's plan has no API access: 403",
        Some("intercom.credentials.plan"),
        || {
            let mut s = Spec::healthy();
            s.world.intercom.plan_restricted = true;
            s
        },
    ),
    sc(
        "intercom-wrong-workspace",
        Some(I),
        "The Workspace ID is another workspace's",
        Some("intercom.credentials.workspace"),
        || Spec::healthy().setting("intercom.workspace_id", "zz999old"),
    ),
    sc(
        "intercom-eu-region",
        Some(I),
        "An EU workspace behind a base URL override: the region check can only inform",
        None,
        || {
            let mut s = Spec::healthy();
            s.world.intercom.me["app"]["region"] = "EU".into();
            s
        },
    ),
    sc(
        "hubspot-token-format",
        Some(H),
        "A developer API key pasted instead of a pat- token",
        Some("hubspot.credentials.token-format"),
        || {
            let mut s = Spec::healthy();
            s.world.hubspot.token = "4f1e2d3c-5b6a-7980-a1b2-c3d4e5f60718".into();
            s
        },
    ),
    sc("hubspot-token-expired", Some(H), "The token was rotated: 401", Some("hubspot.credentials.token-valid"), || {
        let mut s = Spec::healthy();
        s.world.hubspot.token = "pat-na1-00000000-1111-2222-3333-444444444444".into();
        s.setting("hubspot.token", "pat-na1-5b1f0d3e-9c2a-4e7b-8f61-2d4c9a7e0b13")
    }),
    sc("opencx-key-invalid", Some(O), "The OpenCX API key is invalid: 401", Some("opencx.credentials.api-key"), || {
        let mut s = Spec::healthy();
        s.world.opencx.api_key = "ocx_live_sbx_rotated_11aa22bb33cc".into();
        s.setting("opencx.api_key", super::world::OPENCX_KEY)
    }),
    sc(
        "opencx-missing-scope",
        Some(O),
        "The OpenCX key lacks chat-sessions:read: 403",
        Some("opencx.credentials.api-key"),
        || {
            let mut s = Spec::healthy();
            s.world.opencx.scopes = vec!["contacts:read"];
            s
        },
    ),
    sc(
        "session-missing",
        Some(G),
        "No OpenCX session for ticket 1042: the AI never saw it",
        Some("opencx.session.found"),
        || {
            let mut s = Spec::healthy();
            s.world.opencx.sessions.retain(|x| x["id"] != conversations::GORGIAS_SESSION);
            s
        },
    ),
    sc(
        "session-duplicate",
        Some(G),
        "Two OpenCX sessions for ticket 1042 (event delivered twice)",
        Some("opencx.session.single"),
        || {
            let mut s = Spec::healthy();
            let created = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(3);
            conversations::add_session(
                &mut s.world,
                "5e0c1f4a-2b7d-4c89-9a31-1042aa000002",
                "gorgias",
                "1042",
                created,
                "email",
            );
            s
        },
    ),
    sc(
        "session-handed-off",
        Some(G),
        "The AI handed ticket 1042 off, with its reasons (expected behaviour)",
        None,
        || {
            let mut s = Spec::healthy();
            let at = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(60);
            s.world.hand_off(
                conversations::GORGIAS_SESSION,
                at,
                &["based_on_instructions"],
                "Refunds above $200 must go to a human (instruction 'Refund policy').",
            );
            s
        },
    ),
    sc(
        "session-ai-after-handoff",
        Some(G),
        "The AI replied after handing ticket 1042 off",
        Some("opencx.session.handoff-respected"),
        || {
            let mut s = Spec::healthy();
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
                conversations::event(later - Duration::seconds(30), "message", Some("contact"), Some("Hello? Anyone?")),
            );
            s.world.push_history(
                conversations::GORGIAS_SESSION,
                conversations::event(later, "message", Some("ai"), Some("I can help with that!")),
            );
            s
        },
    ),
    sc(
        "opencx-no-analytics-scope",
        Some(G),
        "The OpenCX key lacks handoff-analytics:read: no handoff reasons",
        Some("opencx.session.evidence-complete"),
        || {
            let mut s = Spec::healthy();
            let at = s.world.session_created(conversations::GORGIAS_SESSION) + Duration::seconds(60);
            s.world.hand_off(
                conversations::GORGIAS_SESSION,
                at,
                &["insufficient_knowledge"],
                "No article covers international returns.",
            );
            s.world.opencx.scopes = vec!["chat-sessions:read", "contacts:read"];
            s
        },
    ),
    sc(
        "session-found-by-email",
        Some(G),
        "The session has no ticketing link: found through the customer's email",
        None,
        || {
            let mut s = Spec::healthy();
            s.world.session_mut(conversations::GORGIAS_SESSION)["ticketing_system"] = serde_json::Value::Null;
            s
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
        let mut s = Spec::healthy();
        let hostile = "AI\u{1b}]0;pwned\u{7}\u{1b}[31m Agent\u{202e}gnp.exe\u{200b}\r\nFAKE: all good";
        let ai =
            s.world.gorgias.users.iter_mut().find(|u| u["id"] == super::world::GORGIAS_AI_USER).expect("the AI user");
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
        s
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
    let mut s = Spec::healthy();
    let every = Duration::seconds((90 * 24 * 3600 / sessions.max(1)) as i64);
    conversations::add_background_sessions(&mut s.world, chrono::Utc::now() - Duration::days(3), sessions, every);
    s
}

/// The healthy organisation in a busy hour: `per_hour` more sessions, evenly spread over the
/// last six hours (the sample tickets, conversations and threads are inside them).
pub fn busy_org(per_hour: usize) -> Spec {
    let mut s = Spec::healthy();
    let every = Duration::milliseconds((3_600_000 / per_hour.max(1)) as i64);
    conversations::add_background_sessions(&mut s.world, chrono::Utc::now(), per_hour * 6, every);
    s
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
