//! Secrets in the OS keyring (macOS Keychain, Windows Credential Manager, the Secret Service
//! on Linux) through the `keyring` crate. There is deliberately no fallback to a file: when no
//! keyring service answers, the caller is told to use the `DOCTOR_*` environment variables.
//!
//! `DOCTOR_KEYRING=mock` selects the keyring crate's in-memory mock store (tests) and
//! `DOCTOR_KEYRING=none` disables the keyring (what a headless box looks like).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::fields::Field;
use super::secret::Secret;

const SERVICE: &str = "opencx-doctor";

/// How long one keyring call may take: a Secret Service that accepts the connection and never
/// answers must not hang the doctor.
const KEYRING_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(
        "no OS keyring is available ({0}). Secrets are never written to a plain file: \
         set them as environment variables instead (each secret's DOCTOR_* variable; `doctor config show` lists them) or run on a machine with a keyring service"
    )]
    Unavailable(String),
    #[error("the OS keyring refused the request: {0}")]
    Failed(String),
    #[error(
        "the OS keyring did not answer within {} s; secrets were not read from it: set them as environment \
         variables instead (each secret's DOCTOR_* variable; `doctor config show` lists them), or fix the keyring \
         service (D-Bus Secret Service)",
        KEYRING_TIMEOUT.as_secs()
    )]
    NoAnswer,
}

pub struct SecretStore {
    mode: Mode,
    // Entries are kept for the life of the process: the mock store keeps a credential per
    // entry object, and real stores are cheaper to talk to through one entry.
    entries: Arc<Mutex<HashMap<String, keyring::Entry>>>,
    /// Set once a call went unanswered: later calls fail at once instead of waiting again.
    silent: Arc<AtomicBool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Os,
    Mock,
    Disabled,
}

impl SecretStore {
    pub fn from_env() -> SecretStore {
        let mode = match std::env::var("DOCTOR_KEYRING").as_deref() {
            Ok("mock") => {
                keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
                Mode::Mock
            }
            Ok("none") => Mode::Disabled,
            _ => Mode::Os,
        };
        SecretStore::with_mode(mode)
    }

    fn with_mode(mode: Mode) -> SecretStore {
        SecretStore { mode, entries: Arc::default(), silent: Arc::default() }
    }

    pub fn is_mock(&self) -> bool {
        self.mode == Mode::Mock
    }

    fn account(profile: &str, field: &Field) -> String {
        format!("{profile}/{}", field.dotted())
    }

    /// Runs one keyring call on a thread of its own, waiting at most `KEYRING_TIMEOUT`.
    fn with_entry<T: Send + 'static>(
        &self,
        profile: &str,
        field: &Field,
        op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, KeyringError> {
        if self.mode == Mode::Disabled {
            return Err(KeyringError::Unavailable("disabled by DOCTOR_KEYRING=none".into()));
        }
        if self.silent.load(Ordering::Relaxed) {
            return Err(KeyringError::NoAnswer);
        }
        let account = Self::account(profile, field);
        let entries = self.entries.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("keyring".into()).spawn(move || {
            let mut entries = entries.lock().unwrap_or_else(|p| p.into_inner());
            let result = match entries.get(&account) {
                Some(entry) => op(entry),
                None => keyring::Entry::new(SERVICE, &account).and_then(|entry| {
                    let result = op(&entry);
                    entries.insert(account, entry);
                    result
                }),
            };
            let _ = tx.send(result);
        });
        if let Err(e) = spawned {
            return Err(KeyringError::Failed(format!("cannot start the keyring call: {e}")));
        }
        match rx.recv_timeout(KEYRING_TIMEOUT) {
            Ok(result) => result.map_err(classify),
            Err(_) => {
                self.silent.store(true, Ordering::Relaxed);
                Err(KeyringError::NoAnswer)
            }
        }
    }

    /// The stored secret, `Ok(None)` when there is none.
    pub fn get(&self, profile: &str, field: &Field) -> Result<Option<Secret>, KeyringError> {
        match self.with_entry(profile, field, |e| e.get_password()) {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(KeyringError::Failed(msg)) if msg == NO_ENTRY => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn set(&self, profile: &str, field: &Field, secret: &Secret) -> Result<(), KeyringError> {
        let value = secret.expose().to_string();
        self.with_entry(profile, field, move |e| e.set_password(&value))
    }

    /// Deletes the secret; `Ok(false)` when there was none.
    pub fn delete(&self, profile: &str, field: &Field) -> Result<bool, KeyringError> {
        match self.with_entry(profile, field, |e| e.delete_credential()) {
            Ok(()) => Ok(true),
            Err(KeyringError::Failed(msg)) if msg == NO_ENTRY => Ok(false),
            Err(e) => Err(e),
        }
    }
}

const NO_ENTRY: &str = "no entry";

fn classify(err: keyring::Error) -> KeyringError {
    match err {
        keyring::Error::NoEntry => KeyringError::Failed(NO_ENTRY.into()),
        keyring::Error::PlatformFailure(e) => KeyringError::Unavailable(e.to_string()),
        keyring::Error::NoStorageAccess(e) => KeyringError::Unavailable(e.to_string()),
        other => KeyringError::Failed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integration::Integration;
    use crate::settings::fields::find;

    #[test]
    fn store_read_and_delete_through_the_mock_keyring() {
        keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
        let store = SecretStore::with_mode(Mode::Mock);
        let field = find(Integration::Hubspot, "token").unwrap();
        assert_eq!(store.get("test", field).unwrap(), None);
        store.set("test", field, &Secret::new("pat-na1-secret")).unwrap();
        assert_eq!(store.get("test", field).unwrap(), Some(Secret::new("pat-na1-secret")));
        assert!(store.delete("test", field).unwrap());
        assert_eq!(store.get("test", field).unwrap(), None);
        assert!(!store.delete("test", field).unwrap());
    }

    #[test]
    fn a_disabled_keyring_points_to_the_environment() {
        let store = SecretStore::with_mode(Mode::Disabled);
        let field = find(Integration::Gorgias, "api_key").unwrap();
        let err = store.get("default", field).unwrap_err().to_string();
        assert!(err.contains("DOCTOR_GORGIAS_API_KEY") || err.contains("environment variables"), "{err}");
    }
}
