//! `doctor login` driven through a pseudo-terminal, with the keyring crate's mock store.

use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Session};

use crate::common::Env;

fn spawn_login(env: &Env, integration: &str, keyring: &str) -> Session {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("doctor"));
    cmd.args(["login", integration])
        .env("DOCTOR_CONFIG", env.config_path())
        .env("DOCTOR_KEYRING", keyring)
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8");
    for field in opencx_doctor::settings::FIELDS {
        cmd.env_remove(field.env_var());
    }
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn login_asks_validates_and_stores_secrets_in_the_keyring_not_the_file() {
    let env = Env::new();
    let mut p = spawn_login(&env, "gorgias", "mock");
    p.expect("Domain prefix").unwrap();
    p.send_line("acme.gorgias.com").unwrap();
    p.expect("give only the domain prefix, 'acme'").unwrap();
    p.send_line("").unwrap();
    // dialoguer keeps the typed text on a failed validation; clear it and type again.
    p.send("\u{15}").unwrap();
    p.send_line("acme").unwrap();
    p.expect("Email").unwrap();
    p.send_line("ops@acme.example").unwrap();
    p.expect("REST API key").unwrap();
    p.send_line("sbx-gorgias-login-secret-0123456789").unwrap();
    p.expect("Default User ID").unwrap();
    p.send_line("4321").unwrap();
    p.expect("Default team").unwrap();
    p.send_line("").unwrap();
    p.expect("webhook URL").unwrap();
    p.send_line("https://api.open.cx/webhooks/gorgias/abc123def456ghi789").unwrap();
    p.expect("read back and verified").unwrap();
    p.expect(Eof).unwrap();

    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(text.contains("[profiles.default.gorgias]"), "{text}");
    assert!(text.contains("domain = \"acme\""), "{text}");
    assert!(text.contains("ai_user_id = 4321"), "{text}");
    assert!(!text.contains("sbx-gorgias-login-secret"), "the secret is not in the file:\n{text}");
    assert!(!text.contains("api_key"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.config_path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn login_without_a_keyring_says_so_and_points_to_the_environment() {
    let env = Env::new();
    let mut p = spawn_login(&env, "hubspot", "none");
    p.expect("no OS keyring is available").unwrap();
    p.expect("DOCTOR_HUBSPOT_TOKEN").unwrap();
    p.expect(Eof).unwrap();
    assert!(!env.config_path().exists(), "nothing was written");
}

#[test]
fn login_refuses_to_run_without_a_terminal() {
    let env = Env::new();
    let out = env.doctor().env("DOCTOR_KEYRING", "mock").args(["login", "opencx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("environment variables"));
}

#[test]
fn logout_removes_nothing_it_does_not_have() {
    let env = Env::new();
    let out = env.doctor().env("DOCTOR_KEYRING", "mock").args(["logout", "gorgias"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No Gorgias secrets"));
}
