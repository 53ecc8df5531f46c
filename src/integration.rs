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

impl Integration {
    pub const HELPDESKS: [Integration; 3] = [Integration::Gorgias, Integration::Intercom, Integration::Hubspot];
    pub const ALL: [Integration; 4] =
        [Integration::Gorgias, Integration::Intercom, Integration::Hubspot, Integration::Opencx];

    pub const fn slug(self) -> &'static str {
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

    pub fn from_slug(slug: &str) -> Option<Integration> {
        Integration::ALL.into_iter().find(|i| i.slug() == slug)
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
