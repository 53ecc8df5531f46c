//! The commands that diagnose: one helpdesk (`doctor gorgias …`), every configured one
//! (`doctor all`), one OpenCX session (`doctor session`), and the demo's runs. Each validates its
//! arguments and builds a plan before the first request (a usage or configuration problem is
//! exit 2 with nothing checked), hands it to the engine's `Run`, and renders the report.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::checks;
use crate::config::Config;
use crate::engine::run::{PlanItem, Run};
use crate::engine::scheduler::OnDone;
use crate::engine::sweep::SweepProgress;
use crate::http::activity::Activity;
use crate::integration::Integration;
use crate::report::accept::AcceptFile;
use crate::report::{self, exit_code, Format};
use crate::settings::Settings;
use crate::sweep::Sweep;
use crate::symptom::Symptom;
use crate::target::Target;
use crate::term::{spinners_allowed, Style};

pub fn helpdesk(
    config: &Config,
    settings: Settings,
    integration: Integration,
    symptom: Option<Symptom>,
    target: Option<Target>,
    sweep: Option<Sweep>,
) -> anyhow::Result<u8> {
    settings.require(integration)?;
    if let (Some(symptom), None, None) = (symptom, &target, &sweep) {
        // A symptom about one conversation, asked without one, would only report skips.
        let counts = checks::ObjectChecks::of(symptom);
        if counts.about_one_object() {
            let flag = integration.target_flag().unwrap_or("--id");
            anyhow::bail!(
                "`doctor {} {}` looks at one {}: {} of its {} checks need it. Add {flag} ID (the id or \
                 the helpdesk's URL of the {} where you saw the problem), --since 24h to sweep every recent one, \
                 or run `doctor {}` for the account-level checks",
                integration.slug(),
                symptom.slug,
                integration.object_name(),
                counts.need,
                counts.total,
                integration.object_name(),
                integration.slug()
            );
        }
    }
    execute(config, settings, vec![PlanItem { integration, symptom, target, sweep }], false)
}

pub fn all(config: &Config, settings: Settings, require: &[Integration], sweep: Option<Sweep>) -> anyhow::Result<u8> {
    for integration in require {
        settings.require(*integration).map_err(|e| anyhow::anyhow!("--require {}: {e}", integration.slug()))?;
    }
    // An integration with some settings but not all (a CI secret that did not arrive) is a
    // configuration error, not an integration to leave out silently.
    for integration in Integration::HELPDESKS.into_iter().chain([Integration::Opencx]) {
        if settings.has_any(integration) {
            settings.require(integration).map_err(|e| {
                anyhow::anyhow!("{e}. `doctor all` checks every integration that has settings; remove the others' settings or complete them")
            })?;
        }
    }
    all_with_targets(config, settings, &[], sweep)
}

/// `doctor all`, with an object for the integrations that have one (the demo's samples), or a
/// sweep of each.
pub fn all_with_targets(
    config: &Config,
    settings: Settings,
    targets: &[Target],
    sweep: Option<Sweep>,
) -> anyhow::Result<u8> {
    let plan: Vec<PlanItem> = Integration::HELPDESKS
        .into_iter()
        .filter(|i| settings.is_configured(*i))
        .map(|integration| PlanItem {
            integration,
            symptom: None,
            target: targets.iter().find(|t| t.integration() == integration).cloned(),
            sweep: sweep.clone(),
        })
        .collect();
    if plan.is_empty() {
        anyhow::bail!(
            "no integration is configured in profile '{}': run `doctor login gorgias|intercom|hubspot`, set the DOCTOR_* \
             environment variables (`doctor config show` lists them), or try `doctor demo`",
            settings.profile
        );
    }
    execute(config, settings, plan, true)
}

/// `doctor session ID`: the OpenCX checks on one session, with its timeline.
pub fn session(config: &Config, settings: Settings, id: &str) -> anyhow::Result<u8> {
    settings.require(Integration::Opencx)?;
    let item = PlanItem {
        integration: Integration::Opencx,
        symptom: None,
        target: Some(Target::Session(id.to_string())),
        sweep: None,
    };
    execute(config, settings, vec![item], false)
}

/// In a GitHub Actions job: the problems as workflow commands (stdout for the human and
/// markdown formats, stderr for JSON and JUnit, whose stdout must stay parseable), and the
/// markdown report appended to the job's summary page.
fn github_actions(config: &Config, document: &report::Document) -> anyhow::Result<()> {
    if std::env::var("GITHUB_ACTIONS").ok().as_deref() != Some("true") {
        return Ok(());
    }
    let lines = report::github::annotations(document);
    if !lines.is_empty() {
        let text = format!("{}\n", lines.join("\n"));
        if matches!(config.format, Format::Human | Format::Markdown) && config.output.is_none() {
            crate::output::emit(&text, None)?;
        } else {
            crate::output::stderr_line(crate::redact::redact(&text).trim_end());
        }
    }
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        use std::io::Write;
        let markdown = report::renderer(Format::Markdown, Style::PLAIN, false, false).render(document);
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(|e| {
            anyhow::anyhow!("cannot append to GITHUB_STEP_SUMMARY ({}): {e}", std::path::Path::new(&path).display())
        })?;
        file.write_all(crate::redact::redact(&markdown).as_bytes())?;
    }
    Ok(())
}

/// Registers every secret the settings hold with the output redactor.
pub fn register_secrets(settings: &Settings) {
    for secret in settings.secrets() {
        crate::redact::register(&secret);
    }
    for url in settings.webhook_urls() {
        crate::redact::register_url_tokens(url);
    }
}

/// Whether a spinner is drawn: the human format on an interactive terminal, not quiet or tracing.
fn spinner_wanted(config: &Config) -> bool {
    config.format == Format::Human && !config.quiet && config.verbose == 0 && spinners_allowed()
}

/// A spinner on a terminal for the human format: how many checks of how many, and what the run
/// is waiting on.
fn progress(config: &Config, total: usize) -> Option<ProgressBar> {
    spinner_wanted(config).then(|| {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(ProgressStyle::with_template("{spinner} {pos}/{len} checks · {msg}").expect("static template"));
        bar.set_message("checking");
        bar.enable_steady_tick(Duration::from_millis(100));
        bar
    })
}

/// A sweep's progress bar: objects checked of those in scope, the requests sent, and the wait a
/// vendor's rate limit imposes (so a slow sweep explains itself).
fn sweep_progress(config: &Config) -> Option<ProgressBar> {
    spinner_wanted(config).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {bar:24} {pos}/{len} objects · {msg}")
                .expect("static template")
                .progress_chars("=> "),
        );
        bar.set_message("listing the objects in the window");
        bar.enable_steady_tick(Duration::from_millis(100));
        bar
    })
}

/// What a sweep's bar says after the counts.
fn sweep_message(activity: &Activity) -> String {
    let sent = activity.sent_count();
    match activity.rate_limit_wait() {
        Some((vendor, left)) if left >= Duration::from_secs(1) => {
            format!("{sent} requests · waiting {} s for {vendor}'s rate limit", left.as_secs())
        }
        _ => format!("{sent} requests · {}", waiting_on(activity)),
    }
}

/// What the spinner says: the request waited on longest, and for how long.
fn waiting_on(activity: &Activity) -> String {
    match activity.longest() {
        Some((what, waited, n)) => {
            let more = if n > 1 { format!(" (+{} more)", n - 1) } else { String::new() };
            format!("waiting on {what}, {} s{more}", waited.as_secs())
        }
        None => "checking".to_string(),
    }
}

/// What a run adds to the command's configuration: a replay answers from a bundle, at the
/// bundle's time.
#[derive(Default)]
pub struct Extra {
    pub replay: Option<Arc<crate::http::record::Replayer>>,
    pub recorder: Option<Arc<crate::http::record::Recorder>>,
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// The deadline when `--timeout` was not given (a replay's recorded one).
    pub timeout: Option<Duration>,
}

fn execute(config: &Config, settings: Settings, plan: Vec<PlanItem>, all: bool) -> anyhow::Result<u8> {
    register_secrets(&settings);
    // A bad accept file is a usage error before any request.
    let accept = match &config.accept {
        Some(path) => {
            let mut known: Vec<&str> = checks::catalogue().into_iter().map(|c| c.id).collect();
            known.push(report::accept::STALE);
            Some(AcceptFile::load(path, &known).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    let bundle = match &config.bundle {
        Some(request) => Some(super::bundle::prepare(config, request)?),
        None => None,
    };
    let recording = bundle.as_ref().map(|b| super::bundle::Recording::start(config, &settings, &plan, all, b));
    let extra = Extra {
        recorder: recording.as_ref().map(|r| r.recorder.clone()),
        now: recording.as_ref().map(|r| r.started_at),
        ..Extra::default()
    };
    let mut document = run_document(config, settings, plan, all, extra)?;
    if let (report::Document::One(one), false) = (&mut document, config.reported.is_empty()) {
        one.checks.extend(config.reported.iter().cloned());
        one.summary = report::Summary::of(&one.checks);
    }
    if let Some(accept) = &accept {
        accept.apply(&mut document, chrono::Utc::now().date_naive());
    }
    let style = Style::detect(config.color, config.output.is_none());
    let text = report::renderer(config.format, style, config.quiet, config.verbose > 0).render(&document);
    crate::output::emit(&text, config.output.as_deref())?;
    github_actions(config, &document)?;
    let code = exit_code(&report::unaccepted(&document), config.fail_on);
    if let Some(path) = &config.output {
        if !config.quiet {
            crate::output::note(&format!("report written to {} (exit status {code})", path.display()));
        }
    }
    if let (Some(recording), Some(request)) = (recording, bundle) {
        recording.finish(&request, &document)?;
    }
    Ok(code)
}

/// Plans and runs, with the progress display; the document before any rendering.
pub fn run_document(
    config: &Config,
    settings: Settings,
    plan: Vec<PlanItem>,
    all: bool,
    extra: Extra,
) -> anyhow::Result<report::Document> {
    let sweeping = plan.iter().any(|p| p.sweep.is_some());
    let mut options = config.run_options(sweeping);
    if let (Some(timeout), false) = (extra.timeout, config.timeout_given) {
        options.timeout = timeout;
    }
    options.recorder = extra.recorder;
    options.replay = extra.replay;
    options.now = extra.now;
    let activity = Arc::new(Activity::default());
    if spinner_wanted(config) {
        options.activity = Some(activity.clone());
    }
    let sweep = (sweeping && spinner_wanted(config)).then(|| Arc::new(SweepProgress::default()));
    options.sweep_progress = sweep.clone();
    let run = Run::plan(&checks::catalogue(), checks::object_gate, plan, settings, options, all)
        .map_err(anyhow::Error::msg)?;
    let spinner = if sweeping { sweep_progress(config) } else { progress(config, run.len()) };
    let counts_checks = !sweeping;
    let on_done: Option<OnDone> = spinner.clone().filter(|_| counts_checks).map(|bar| {
        let bar = Mutex::new(bar);
        Arc::new(move |_: &report::CheckResult| {
            bar.lock().unwrap_or_else(|p| p.into_inner()).inc(1);
        }) as OnDone
    });
    // The spinner names what is in flight, refreshed as the run goes.
    let done = Arc::new(AtomicBool::new(false));
    let ticker = spinner.clone().map(|bar| {
        let (done, activity, sweep) = (done.clone(), activity.clone(), sweep.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                match &sweep {
                    Some(p) => {
                        bar.set_length(p.total.load(Ordering::Relaxed) as u64);
                        bar.set_position(p.done.load(Ordering::Relaxed) as u64);
                        bar.set_message(sweep_message(&activity));
                    }
                    None => bar.set_message(waiting_on(&activity)),
                }
                std::thread::sleep(Duration::from_millis(150));
            }
        })
    });
    let document = run.execute(on_done);
    done.store(true, Ordering::Relaxed);
    if let Some(ticker) = ticker {
        let _ = ticker.join();
    }
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    document
}
