//! The catalogue: every check the doctor has, one file per symptom under the integration's
//! folder ("where is the Gorgias webhook check?" → `checks/gorgias/webhook.rs`). Each check
//! declares its id, title, fix and prerequisites next to the function that decides it.

pub mod deliveries;
pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod opencx;
pub mod webhook_url;

use crate::engine::Check;

/// Every check, prerequisites before the checks that need them.
pub fn catalogue() -> Vec<&'static Check> {
    let mut all: Vec<&'static Check> = Vec::new();
    all.extend_from_slice(opencx::CHECKS);
    all.extend_from_slice(gorgias::CHECKS);
    all.extend_from_slice(intercom::CHECKS);
    all.extend_from_slice(hubspot::CHECKS);
    all
}

pub fn find(id: &str) -> Option<&'static Check> {
    catalogue().into_iter().find(|c| c.id == id)
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
            assert_eq!(parts[0], check.integration.slug(), "{}", check.id);
            assert_eq!(parts[1], check.symptom, "{}", check.id);
            assert!(check.integration.symptom(check.symptom).is_some(), "{} has an unknown symptom", check.id);
            assert!(check.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'));
            assert!(!all[..i].iter().any(|c| c.id == check.id), "duplicate id {}", check.id);
            for req in check.requires {
                assert!(all[..i].iter().any(|c| c.id == *req), "{} requires {req}, which must come earlier", check.id);
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
            assert!(all.iter().any(|c| c.integration == integration), "{integration} has no checks");
        }
    }
}
