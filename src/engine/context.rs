//! What every check of a run can see: the settings, the helpdesk object named on the command
//! line, and the facts (memoised API reads) of each configured vendor.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::CheckError;
use crate::facts::Facts;
use crate::integration::Integration;
use crate::settings::{fields, Settings};

/// The helpdesk object a run is pointed at.
#[derive(Clone, Debug, Default)]
pub struct Target {
    pub ticket: Option<u64>,
    pub conversation: Option<String>,
    pub thread: Option<String>,
    /// An OpenCX session id (`doctor session ID`).
    pub session: Option<String>,
}

impl Target {
    /// The id given for the integration, as text.
    pub fn id_for(&self, integration: Integration) -> Option<String> {
        match integration {
            Integration::Gorgias => self.ticket.map(|t| t.to_string()),
            Integration::Intercom => self.conversation.clone(),
            Integration::Hubspot => self.thread.clone(),
            Integration::Opencx => self.session.clone(),
        }
    }

    /// `(key, id)` for the report's `target` object: `ticket`, `conversation` or `thread`.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(t) = self.ticket {
            out.push(("ticket", t.to_string()));
        }
        if let Some(c) = &self.conversation {
            out.push(("conversation", c.clone()));
        }
        if let Some(t) = &self.thread {
            out.push(("thread", t.clone()));
        }
        if let Some(s) = &self.session {
            out.push(("session", s.clone()));
        }
        out
    }
}

pub struct Ctx {
    /// The integration this run diagnoses (`opencx` for `doctor session`).
    pub integration: Integration,
    pub settings: Arc<Settings>,
    pub target: Target,
    /// Shared by every integration of the run, so `doctor all` reads OpenCX once.
    pub facts: Arc<Facts>,
    /// When the run started: "recent" is measured from here.
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// A non-secret setting the check cannot do without.
    pub fn setting(&self, integration: Integration, key: &str) -> Result<&str, CheckError> {
        self.settings.get(integration, key).ok_or_else(|| missing(integration, key))
    }

    pub fn id_setting(&self, integration: Integration, key: &str) -> Result<u64, CheckError> {
        self.settings.id(integration, key).ok_or_else(|| missing(integration, key))
    }

    /// The Gorgias ticket the run was given (`--ticket`).
    pub fn ticket_id(&self) -> Result<u64, CheckError> {
        self.target.ticket.ok_or(CheckError::NoTarget(Integration::Gorgias))
    }

    /// The Intercom conversation the run was given (`--conversation`).
    pub fn conversation_id(&self) -> Result<&str, CheckError> {
        self.target.conversation.as_deref().ok_or(CheckError::NoTarget(Integration::Intercom))
    }

    /// The HubSpot thread the run was given (`--thread`).
    pub fn thread_id(&self) -> Result<&str, CheckError> {
        self.target.thread.as_deref().ok_or(CheckError::NoTarget(Integration::Hubspot))
    }
}

pub fn missing(integration: Integration, key: &str) -> CheckError {
    let field = fields::find(integration, key).expect("checks name known settings");
    CheckError::Setting { setting: field.dotted(), env: field.env_var() }
}
