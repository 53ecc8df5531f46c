//! `manifest.json`: what was run, by which doctor, where and when, with which settings (secrets
//! never: a secret is named, with the shape a replay needs, not valued) — and the invocation in
//! a form a newer doctor can run again.

use serde::{Deserialize, Serialize};

use crate::engine::run::PlanItem;
use crate::integration::Integration;
use crate::sweep::{Scope, Sweep};
use crate::target::Target;

/// The bundle layout this doctor writes; a replay refuses a newer one.
pub const BUNDLE_FORMAT: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub bundle_format: u32,
    pub doctor_version: String,
    /// The command line, as typed (secrets are never on it; webhook tokens are replaced).
    pub command: String,
    pub profile: String,
    /// When the run started (its clock: a replay runs at this time).
    pub started_at: String,
    pub duration_ms: u64,
    pub os: String,
    pub arch: String,
    /// `pseudonymised` or `kept` (`--keep-customer-data`).
    pub customer_data: String,
    /// The expected vs actual behaviour, in the customer's words (`--note`).
    pub note: Option<String>,
    pub settings: Vec<SettingRecord>,
    pub invocation: Invocation,
}

/// One setting the run had, and where it came from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SettingRecord {
    /// `gorgias.domain`.
    pub setting: String,
    /// `environment DOCTOR_GORGIAS_DOMAIN`, `OS keyring`, …
    pub source: String,
    /// The value (webhook tokens replaced, emails pseudonymised); none for a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// A secret's shape where a check reads it (the HubSpot token lint): `ok:na1`, `bearer`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
}

/// What the run was asked to do, as data.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Invocation {
    /// `doctor all` (one document of several reports).
    pub all: bool,
    pub items: Vec<ItemRecord>,
    #[serde(default)]
    pub only: Vec<String>,
    #[serde(default)]
    pub skip: Vec<String>,
    pub timeout_secs: f64,
    pub fail_on: String,
    /// `doctor watch <helpdesk>`: not replayable (its verdicts depend on time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watch: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ItemRecord {
    pub integration: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sweep: Option<SweepRecord>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TargetRecord {
    /// `ticket`, `conversation`, `thread` or `session`.
    pub kind: String,
    pub id: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SweepRecord {
    /// `--since`: the label (`24h`) and the window's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// `--ids`: the objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<TargetRecord>>,
    pub limit: usize,
}

impl TargetRecord {
    pub fn of(target: &Target) -> TargetRecord {
        TargetRecord { kind: target.key().to_string(), id: target.id() }
    }

    pub fn target(&self) -> Result<Target, String> {
        Ok(match self.kind.as_str() {
            "ticket" => {
                Target::Ticket(self.id.parse().map_err(|_| format!("ticket id '{}' is not a number", self.id))?)
            }
            "conversation" => Target::Conversation(self.id.clone()),
            "thread" => Target::Thread(self.id.clone()),
            "session" => Target::Session(self.id.clone()),
            other => return Err(format!("unknown object kind '{other}'")),
        })
    }
}

impl ItemRecord {
    pub fn of(item: &PlanItem) -> ItemRecord {
        ItemRecord {
            integration: item.integration.slug().to_string(),
            symptom: item.symptom.map(|s| s.slug.to_string()),
            target: item.target.as_ref().map(TargetRecord::of),
            sweep: item.sweep.as_ref().map(|sweep| match &sweep.scope {
                Scope::Since { label, from } => SweepRecord {
                    since: Some(label.clone()),
                    from: Some(from.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)),
                    ids: None,
                    limit: sweep.limit,
                },
                Scope::Ids(ids) => SweepRecord {
                    since: None,
                    from: None,
                    ids: Some(ids.iter().map(TargetRecord::of).collect()),
                    limit: sweep.limit,
                },
            }),
        }
    }

    /// The plan item again; a name this doctor does not know is an error, never a guess.
    pub fn plan_item(&self) -> Result<PlanItem, String> {
        let integration = Integration::ALL
            .into_iter()
            .find(|i| i.slug() == self.integration)
            .ok_or_else(|| format!("unknown integration '{}'", self.integration))?;
        let symptom = match &self.symptom {
            None => None,
            Some(slug) => Some(
                crate::symptom::find(integration, slug)
                    .ok_or_else(|| format!("{} has no symptom '{slug}' in this doctor", integration.name()))?,
            ),
        };
        let target = self.target.as_ref().map(TargetRecord::target).transpose()?;
        let sweep = match &self.sweep {
            None => None,
            Some(record) => Some(Sweep {
                scope: match (&record.since, &record.from, &record.ids) {
                    (Some(label), Some(from), _) => Scope::Since {
                        label: label.clone(),
                        from: chrono::DateTime::parse_from_rfc3339(from)
                            .map_err(|e| format!("sweep start '{from}': {e}"))?
                            .with_timezone(&chrono::Utc),
                    },
                    (_, _, Some(ids)) => {
                        Scope::Ids(ids.iter().map(TargetRecord::target).collect::<Result<Vec<_>, _>>()?)
                    }
                    _ => return Err("a sweep with neither a window nor ids".into()),
                },
                limit: record.limit,
            }),
        };
        Ok(PlanItem { integration, symptom, target, sweep })
    }
}
