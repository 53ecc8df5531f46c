//! The integrations the doctor knows, and the fixed symptom slugs of each (interface.md).
//!
//! Everything that names an integration or a symptom goes through here, so a slug is spelled
//! in exactly one place.

use serde::Serialize;
use std::fmt;

/// A system the doctor talks to. `Opencx` is not a helpdesk: its checks (the API key, the
/// session evidence) join every helpdesk run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Integration {
    Gorgias,
    Intercom,
    Hubspot,
    Opencx,
}

/// One documented symptom: its slug (public contract) and what a support engineer calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symptom {
    pub slug: &'static str,
    pub label: &'static str,
}

const fn s(slug: &'static str, label: &'static str) -> Symptom {
    Symptom { slug, label }
}

const GORGIAS: &[Symptom] = &[
    s("credentials", "\"Failed to save\": Gorgias rejects the credentials"),
    s("webhook", "OpenCX receives no Gorgias events"),
    s("ai-silent", "The AI does not reply on a ticket"),
    s("handoff-routing", "Handed-off tickets are not routed to a human"),
    s("duplicates", "Duplicate AI replies"),
    s("sender", "AI replies show as another user"),
    s("after-handoff", "The AI keeps replying after a handoff"),
];
const INTERCOM: &[Symptom] = &[
    s("credentials", "\"Failed to verify credentials\""),
    s("webhook", "OpenCX receives no Intercom events"),
    s("ai-silent", "The AI does not reply on a conversation"),
    s("handoff-stuck", "Handed off, but still assigned to the AI"),
    s("duplicates", "Duplicate AI replies"),
    s("assist", "Assist mode posts no drafts"),
    s("attributes", "Custom attributes are not written"),
    s("companies", "Company data is missing from the AI's context"),
];
const HUBSPOT: &[Symptom] = &[
    s("credentials", "\"Connection test fails\""),
    s("scopes", "The private app lacks scopes"),
    s("webhook", "OpenCX receives no HubSpot events"),
    s("ai-silent", "The AI does not reply on a thread"),
    s("no-ticket", "Handoff creates no HubSpot ticket"),
    s("replies", "Rep replies do not reach the customer"),
    s("crm-panel", "The CRM panel shows no HubSpot data"),
];
const OPENCX: &[Symptom] = &[s("credentials", "OpenCX API key"), s("session", "OpenCX session evidence")];

impl Integration {
    pub const HELPDESKS: [Integration; 3] = [Integration::Gorgias, Integration::Intercom, Integration::Hubspot];
    pub const ALL: [Integration; 4] =
        [Integration::Gorgias, Integration::Intercom, Integration::Hubspot, Integration::Opencx];

    pub fn slug(self) -> &'static str {
        match self {
            Integration::Gorgias => "gorgias",
            Integration::Intercom => "intercom",
            Integration::Hubspot => "hubspot",
            Integration::Opencx => "opencx",
        }
    }

    /// The vendor's own spelling, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Integration::Gorgias => "Gorgias",
            Integration::Intercom => "Intercom",
            Integration::Hubspot => "HubSpot",
            Integration::Opencx => "OpenCX",
        }
    }

    pub fn symptoms(self) -> &'static [Symptom] {
        match self {
            Integration::Gorgias => GORGIAS,
            Integration::Intercom => INTERCOM,
            Integration::Hubspot => HUBSPOT,
            Integration::Opencx => OPENCX,
        }
    }

    pub fn symptom(self, slug: &str) -> Option<Symptom> {
        self.symptoms().iter().copied().find(|s| s.slug == slug)
    }

    pub fn from_slug(slug: &str) -> Option<Integration> {
        Integration::ALL.into_iter().find(|i| i.slug() == slug)
    }

    /// The check that proves the helpdesk's credentials work: OpenCX checks that read the
    /// helpdesk object (the session lookup) wait for it.
    pub fn credentials_check(self) -> Option<&'static str> {
        match self {
            Integration::Gorgias => Some("gorgias.credentials.permission"),
            Integration::Intercom => Some("intercom.credentials.plan"),
            Integration::Hubspot => Some("hubspot.credentials.token-valid"),
            Integration::Opencx => None,
        }
    }

    /// The helpdesk object a run can be pointed at, and the flag that names it.
    pub fn target_flag(self) -> Option<&'static str> {
        match self {
            Integration::Gorgias => Some("--ticket"),
            Integration::Intercom => Some("--conversation"),
            Integration::Hubspot => Some("--thread"),
            Integration::Opencx => None,
        }
    }

    /// What the helpdesk calls the object a run can be pointed at.
    pub fn object_name(self) -> &'static str {
        match self {
            Integration::Gorgias => "ticket",
            Integration::Intercom => "conversation",
            Integration::Hubspot => "thread",
            Integration::Opencx => "session",
        }
    }
}

impl fmt::Display for Integration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symptom_slugs_match_the_public_contract() {
        let slugs = |i: Integration| i.symptoms().iter().map(|s| s.slug).collect::<Vec<_>>();
        assert_eq!(
            slugs(Integration::Gorgias),
            ["credentials", "webhook", "ai-silent", "handoff-routing", "duplicates", "sender", "after-handoff"]
        );
        assert_eq!(
            slugs(Integration::Intercom),
            ["credentials", "webhook", "ai-silent", "handoff-stuck", "duplicates", "assist", "attributes", "companies"]
        );
        assert_eq!(
            slugs(Integration::Hubspot),
            ["credentials", "scopes", "webhook", "ai-silent", "no-ticket", "replies", "crm-panel"]
        );
    }
}
