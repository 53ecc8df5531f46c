//! Shell completions and man pages, generated from the clap definition. The committed copies
//! under `completions/` and `man/` are checked against these by a test; regenerate them with
//! `UPDATE_ASSETS=1 cargo test --test integration assets`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, EXIT_STATUS};

pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

pub fn completion(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "doctor", &mut out);
    String::from_utf8(out).expect("completions are UTF-8")
}

/// The file name a shell's completion script is committed under.
pub fn completion_file(shell: Shell) -> String {
    match shell {
        Shell::Bash => "doctor.bash".into(),
        Shell::Zsh => "_doctor".into(),
        Shell::Fish => "doctor.fish".into(),
        Shell::PowerShell => "_doctor.ps1".into(),
        Shell::Elvish => "doctor.elv".into(),
        _ => format!("doctor.{shell}"),
    }
}

fn exit_status_section() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for line in EXIT_STATUS.lines().skip(1) {
        let line = line.trim();
        if let Some((code, meaning)) = line.split_once("  ") {
            roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", meaning.trim().replace('-', "\\-")));
        }
    }
    roff
}

const FILES_SECTION: &str = ".SH FILES\n.TP\n\\fI$XDG_CONFIG_HOME/opencx\\-doctor/config.toml\\fR (Linux; \\fI~/Library/Application Support/opencx\\-doctor/config.toml\\fR on macOS, \\fI%APPDATA%\\\\opencx\\-doctor\\\\config.toml\\fR on Windows)\nThe profiles' non\\-secret settings (mode 0600). \\fBDOCTOR_CONFIG\\fR names another file; \\fBdoctor config path\\fR prints the one in use. Secrets live in the OS keyring or the environment, never in this file.\n";

/// The sections clap_mangen makes, then ENVIRONMENT, FILES and EXIT STATUS; the exit status is
/// told once (not also as the help's after-text) and no page is linked that is not generated.
fn render(command: clap::Command) -> String {
    let command = command.disable_help_subcommand(true);
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out).expect("rendering to memory cannot fail");
    man.render_name_section(&mut out).expect("rendering to memory cannot fail");
    man.render_synopsis_section(&mut out).expect("rendering to memory cannot fail");
    man.render_description_section(&mut out).expect("rendering to memory cannot fail");
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).expect("rendering to memory cannot fail");
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out).expect("rendering to memory cannot fail");
    }
    let mut page = String::from_utf8(out).expect("man pages are UTF-8");
    page.push_str(&crate::environment::roff());
    page.push_str(FILES_SECTION);
    page.push_str(&exit_status_section());
    page
}

/// `doctor.1`.
pub fn man_page() -> String {
    render(Cli::command())
}

/// `doctor.1` and one page per subcommand (`doctor-gorgias.1`, …).
pub fn man_pages() -> Vec<(String, String)> {
    let root = Cli::command();
    let mut pages = vec![("doctor.1".to_string(), man_page())];
    let mut root_built = root.clone();
    root_built.build();
    for sub in root_built.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let name = format!("doctor-{}", sub.get_name());
        let command =
            sub.clone().name(name.clone()).display_name(name.clone()).bin_name(format!("doctor {}", sub.get_name()));
        pages.push((format!("{name}.1"), render(command)));
    }
    pages
}
