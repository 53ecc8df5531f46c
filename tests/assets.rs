//! The committed completions and man pages are what the code generates. Regenerate them with
//! `UPDATE_ASSETS=1 cargo test --test integration assets`.

use std::path::Path;

use opencx_doctor::assets;

fn compare_or_update(path: &Path, generated: &str) -> Option<String> {
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(committed) if committed == generated => None,
        Ok(_) => Some(format!("{} is stale", path.display())),
        Err(_) => Some(format!("{} is missing", path.display())),
    }
}

#[test]
fn committed_completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for shell in assets::SHELLS {
        let path = root.join("completions").join(assets::completion_file(shell));
        problems.extend(compare_or_update(&path, &assets::completion(shell)));
    }
    let pages = assets::man_pages();
    assert!(pages.len() > 10, "doctor.1 plus one page per subcommand");
    for (name, page) in &pages {
        problems.extend(compare_or_update(&root.join("man").join(name), page));
    }
    assert!(
        problems.is_empty(),
        "{problems:#?}\nRegenerate with: UPDATE_ASSETS=1 cargo test --test integration assets"
    );
}

#[test]
fn the_man_page_documents_the_exit_status() {
    let page = assets::man_page();
    assert!(page.contains(".TH doctor 1"));
    assert!(page.contains("EXIT STATUS"));
    assert!(page.contains("could not be checked"));
}

#[test]
fn help_documents_the_exit_status() {
    let out = assert_cmd::Command::cargo_bin("doctor").unwrap().arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Exit status:") && text.contains("3  no check failed, but at least one could not be checked"),
        "{text}"
    );
}

#[test]
fn the_man_page_lists_every_variable_and_the_exit_status_once() {
    let page = opencx_doctor::assets::man_page();
    assert_eq!(page.matches(".SH \"EXIT STATUS\"").count(), 1, "the exit status is told once");
    assert!(!page.contains("Exit status:"), "not also as the help's after-text");
    assert!(page.contains(".SH ENVIRONMENT") && page.contains(".SH FILES"));
    assert!(!page.contains("doctor\\-help"), "no link to a page that is not generated");
    let listed = crate::common::Env::new().run().args(["help", "environment"]).finish().code(0).stdout;
    for field in opencx_doctor::settings::FIELDS {
        let var = field.env_var();
        assert!(page.contains(&format!("\\fB{}\\fR", var)), "{var} is in the man page's ENVIRONMENT");
        assert!(listed.contains(&var), "{var} is in `doctor help environment`");
    }
    for var in ["DOCTOR_GORGIAS_RATE_WINDOW", "DOCTOR_HUBSPOT_RATE_LIMIT", "DOCTOR_CONFIG", "NO_COLOR"] {
        assert!(listed.contains(var), "{var}");
    }
}
