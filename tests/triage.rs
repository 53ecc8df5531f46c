//! `doctor` alone: on a terminal, the triage (through a pseudo-terminal: the questions, the
//! equivalent command printed before it runs, the user's answer reported as such, Ctrl-C at each
//! question); without one, the usage and exit 2 — and no command waits on an open, silent stdin.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{sandbox, Env};
use opencx_sandbox::Spec;

const DOWN: &str = "\x1b[B";

#[cfg(unix)]
fn triage_in_a_pty(env: &Env, sb: &opencx_sandbox::Sandbox) -> expectrl::Session {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("doctor"));
    for field in opencx_doctor::settings::FIELDS {
        cmd.env_remove(field.env_var());
    }
    for (k, v) in sb.env() {
        cmd.env(k, v);
    }
    cmd.env("DOCTOR_CONFIG", env.config_path())
        .env("DOCTOR_KEYRING", "none")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "100")
        .env_remove("CI")
        .env_remove("DOCTOR_NO_INPUT");
    let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    session
}

#[cfg(unix)]
fn rest(seen: &expectrl::Captures) -> String {
    format!("{}{}", String::from_utf8_lossy(seen.before()), String::from_utf8_lossy(seen.get(0).unwrap_or_default()))
}

#[cfg(unix)]
#[test]
fn the_triage_asks_prints_the_equivalent_command_and_runs_it() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let mut s = triage_in_a_pty(&env, &sb);
    s.expect("Which integration?").unwrap();
    s.send("\r").unwrap();
    s.expect("What are you seeing?").unwrap();
    s.expect("AI not responding").unwrap();
    s.send(format!("{DOWN}{DOWN}\r")).unwrap();
    s.expect("Which ticket?").unwrap();
    s.send("https://acme.gorgias.com/app/ticket/1042\r").unwrap();
    s.expect("Is Autopilot enabled").unwrap();
    s.send(format!("{DOWN}\r")).unwrap();
    s.expect("Running: doctor gorgias ai-silent --ticket 1042").unwrap();
    let seen = s.expect(expectrl::Eof).unwrap();
    let text = rest(&seen);
    assert!(text.contains("reported by the user: Autopilot is off"), "{text}");
    assert!(text.contains("AI Agent → Autopilot"), "the fix for the answer: {text}");
}

/// Ctrl-C at each question: nothing runs, exit 130, the cursor shown again.
#[cfg(unix)]
#[test]
fn ctrl_c_at_any_question_runs_nothing_and_exits_130() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let steps: [(&str, String); 4] = [
        ("Which integration?", "\r".into()),
        ("What are you seeing?", format!("{DOWN}{DOWN}\r")),
        ("Which ticket?", "1042\r".into()),
        ("Is Autopilot enabled", "\r".into()),
    ];
    for stop in 0..steps.len() {
        let mut s = triage_in_a_pty(&env, &sb);
        for (prompt, answer) in &steps[..stop] {
            s.expect(*prompt).unwrap();
            s.send(answer).unwrap();
        }
        s.expect(steps[stop].0).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        s.send([3u8]).unwrap();
        let seen = s.expect(expectrl::Eof).unwrap();
        let text = rest(&seen);
        assert!(!text.contains("Running:"), "question {stop}: nothing runs: {text}");
        assert!(text.contains("\x1b[?25h"), "question {stop}: the cursor is shown again: {text:?}");
        let status = s.get_process().wait().unwrap();
        assert_eq!(status, expectrl::WaitStatus::Exited(s.get_process().pid(), 130), "question {stop}");
    }
}

/// No terminal: `doctor` alone is the usage and exit 2; with an open stdin that never speaks, no
/// command waits for input.
#[test]
fn without_a_terminal_nothing_asks_and_nothing_waits() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let bundle = env.dir.path().join("b.tar.gz");
    let cases: Vec<Vec<String>> = vec![
        vec![],
        vec!["login".into(), "gorgias".into()],
        vec![
            "demo".into(),
            "gorgias".into(),
            "credentials".into(),
            "--bundle".into(),
            bundle.to_string_lossy().into_owned(),
        ],
    ];
    for args in cases {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("doctor"));
        for (k, v) in sb.env() {
            cmd.env(k, v);
        }
        cmd.args(&args)
            .env("DOCTOR_CONFIG", env.config_path())
            .env("DOCTOR_KEYRING", "none")
            .env_remove("CI")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let _stdin = child.stdin.take(); // open, and silent
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("`doctor {}` waited for input", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args.is_empty() {
            assert_eq!(status.code(), Some(2), "{stderr}");
            assert!(stderr.contains("Usage") && stderr.contains("No command given"), "{stderr}");
        }
    }
}
