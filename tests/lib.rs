//! One integration-test crate, one file per feature. Tests run the real `doctor` binary
//! (assert_cmd) against the real sandbox, with a hermetic environment: a temporary config file,
//! no inherited DOCTOR_* variables, and a keyring that is either off or the mock store.

mod common;

mod accept;
mod assets;
mod attacks;
mod bundle;
mod canaries;
mod cli_messages;
mod evidence;
mod exit_codes;
mod faults;
mod formats;
mod hostile;
mod http_behaviour;
mod hubspot;
mod intercom;
mod intercom_spec;
mod login;
mod prism;
mod properties;
mod read_only;
mod runner;
mod scenarios;
mod session;
mod settings;
mod snapshots;
mod sweep;
mod triage;
mod watch;
