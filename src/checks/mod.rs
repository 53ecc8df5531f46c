//! The catalogue: every check the doctor has, one file per symptom under the integration's
//! folder ("where is the Gorgias webhook check?" → `checks/gorgias/webhook.rs`). Each check
//! declares its id, title, fix and prerequisites next to the function that decides it.

pub mod deliveries;
pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod opencx;
pub mod webhook_url;

use crate::engine::check::CATALOGUE;
use crate::engine::Check;
use crate::integration::Integration;

/// Every check, in the catalogue's order: OpenCX first, then each helpdesk; within an
/// integration, by its symptom table; within a symptom, as declared in its file (prerequisites
/// first).
pub fn catalogue() -> Vec<&'static Check> {
    let mut all: Vec<&'static Check> = CATALOGUE.iter().collect();
    let integration_rank = |i: Integration| {
        [Integration::Opencx, Integration::Gorgias, Integration::Intercom, Integration::Hubspot]
            .iter()
            .position(|x| *x == i)
    };
    let symptom_rank = |c: &Check| crate::symptom::of(c.integration()).iter().position(|s| *s == c.symptom);
    all.sort_by_key(|c| (integration_rank(c.integration()), symptom_rank(c), c.file, c.line));
    all
}

pub fn find(id: &str) -> Option<&'static Check> {
    catalogue().into_iter().find(|c| c.id == id)
}

/// The check that proves the helpdesk object exists (and, through its own prerequisites, that
/// the credentials work): OpenCX checks that read the object (the session lookup) wait for it,
/// so a ticket id that does not exist fails once and the session checks skip behind it.
/// How many of a symptom's checks need a helpdesk object, of how many.
#[derive(Clone, Copy, Debug)]
pub struct ObjectChecks {
    pub need: usize,
    pub total: usize,
}

impl ObjectChecks {
    pub fn of(symptom: crate::symptom::Symptom) -> ObjectChecks {
        let own: Vec<_> = catalogue().into_iter().filter(|c| c.symptom == symptom).collect();
        ObjectChecks { need: own.iter().filter(|c| c.needs_target).count(), total: own.len() }
    }

    /// Most of the symptom's checks need the object: asked without one, it would only report skips.
    pub fn about_one_object(self) -> bool {
        self.need * 2 > self.total
    }
}

pub fn object_gate(integration: Integration) -> Option<&'static Check> {
    match integration {
        Integration::Gorgias => Some(&gorgias::ai_silent::TICKET),
        Integration::Intercom => Some(&intercom::ai_silent::CONVERSATION),
        Integration::Hubspot => Some(&hubspot::ai_silent::THREAD),
        Integration::Opencx => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integration::Integration;

    #[test]
    fn ids_are_stable_shaped_unique_and_declare_known_symptoms() {
        let all = catalogue();
        for (i, check) in all.iter().enumerate() {
            let parts: Vec<&str> = check.id.split('.').collect();
            assert_eq!(parts.len(), 3, "{}", check.id);
            assert_eq!(parts[0], check.integration().slug(), "{}", check.id);
            assert_eq!(parts[1], check.symptom.slug, "{}", check.id);
            assert!(check.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'));
            assert!(!all[..i].iter().any(|c| c.id == check.id), "duplicate id {}", check.id);
            for req in check.requires {
                assert!(
                    all[..i].iter().any(|c| c.id == req.id),
                    "{} requires {}, which must come earlier",
                    check.id,
                    req.id
                );
            }
            assert!(
                !check.fix.trim().is_empty() && !check.title.trim().is_empty() && !check.looks_at.trim().is_empty()
            );
            // A fix names the screen to open (→), the command to run, or whom to tell.
            assert!(
                check.fix.contains('→') || check.fix.contains("`doctor ") || check.fix.contains("support"),
                "{}: the fix is not concrete: {}",
                check.id,
                check.fix
            );
        }
        for integration in Integration::ALL {
            assert!(all.iter().any(|c| c.integration() == integration), "{integration} has no checks");
        }
    }
}
