//! `doctor config show`: every setting, its value (secrets masked) and where it came from, by
//! integration, with what is wrong with a bad value (it is the command people run to find out);
//! `doctor config path`: where the config file is.

use comfy_table::{presets, ContentArrangement, Table};
use serde_json::json;

use crate::config::Config;
use crate::integration::Integration;
use crate::redact::mask;
use crate::report::Format;
use crate::settings::{fields, Kind, Settings, Source};
use crate::term::Style;

/// One row: the setting, its shown value, where it came from, its variable, what is wrong.
struct Row {
    field: &'static fields::Field,
    value: Option<String>,
    source: Option<Source>,
    problem: Option<String>,
}

fn rows(settings: &Settings) -> Vec<Row> {
    fields::FIELDS
        .iter()
        .map(|field| {
            let entry = settings.entry(field);
            let value = entry.map(|_| {
                if field.is_secret() {
                    settings.secret(field).map(|s| s.masked()).unwrap_or_else(|| mask(""))
                } else {
                    shown_value(field.kind, settings.get(field).unwrap_or_default())
                }
            });
            let invalid = settings.invalid.iter().find(|i| i.setting == field.dotted());
            Row {
                field,
                value,
                source: entry.map(|e| e.source.clone()).or_else(|| invalid.map(|i| i.origin.clone())),
                problem: invalid.map(|i| i.problem.clone()),
            }
        })
        .collect()
}

/// Where a value came from, short: the config file is named once, above the tables.
fn short(source: &Source) -> String {
    match source {
        Source::Flag => "--set".into(),
        Source::Env(_) => "environment".into(),
        Source::File(_) => "config file".into(),
        Source::Keyring => "OS keyring".into(),
        Source::Sandbox => "sandbox".into(),
        Source::Bundle => "bundle".into(),
    }
}

fn config_file_line(settings: &Settings) -> String {
    match &settings.config_path {
        Some(path) if path.exists() => path.display().to_string(),
        Some(path) => format!("{} (does not exist)", path.display()),
        None => "none: there is no config directory (HOME is not set); set DOCTOR_CONFIG to use one".to_string(),
    }
}

pub fn show(g: &Config, settings: Settings) -> anyhow::Result<u8> {
    let rows = rows(&settings);
    let text = match g.format {
        Format::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(|r| {
                    json!({
                        "setting": r.field.dotted(),
                        "value": r.value,
                        "source": r.source.as_ref().map(Source::to_string),
                        "env": r.field.env_var(),
                        "problem": r.problem,
                    })
                })
                .collect();
            let doc = json!({
                "profile": settings.profile,
                "config_file": settings.config_path,
                "config_file_problem": settings.file_problem,
                "keyring_problem": settings.keyring_problem,
                "settings": items,
            });
            format!("{}\n", serde_json::to_string_pretty(&doc)?)
        }
        Format::Human | Format::Markdown | Format::Junit => {
            let style = Style::detect(g.color, g.output.is_none());
            let mut text = format!("Profile: {}\nConfig file: {}\n", settings.profile, config_file_line(&settings));
            if let Some(problem) = &settings.file_problem {
                text.push_str(&format!("Config file problem: {}\n", crate::sanitize::for_terminal(problem)));
            }
            let with_env = style.width >= 90;
            for integration in Integration::ALL {
                let mut table = Table::new();
                table.load_preset(if style.unicode { presets::UTF8_BORDERS_ONLY } else { presets::ASCII_BORDERS_ONLY });
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(u16::try_from(style.width).unwrap_or(u16::MAX));
                let mut header = vec!["setting", "value", "from"];
                if with_env {
                    header.push("environment variable");
                }
                table.set_header(header);
                for r in rows.iter().filter(|r| r.field.integration == integration) {
                    let value = match (&r.value, &r.problem) {
                        (_, Some(problem)) => format!("INVALID: {}", crate::sanitize::for_terminal(problem)),
                        (Some(v), None) => crate::sanitize::for_terminal(v),
                        (None, None) => "(not set)".into(),
                    };
                    let mut row = vec![
                        r.field.key.to_string(),
                        value,
                        r.source.as_ref().map(short).unwrap_or_else(|| "-".into()),
                    ];
                    if with_env {
                        row.push(r.field.env_var());
                    }
                    table.add_row(row);
                }
                if with_env {
                    // A value (a URL) stays on one line when the terminal is wide enough.
                    if let Some(column) = table.column_mut(1) {
                        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
                    }
                }
                text.push_str(&format!("\n{}\n{table}\n", integration.name()));
            }
            if !with_env {
                text.push_str(
                    "\nEach setting's variable is DOCTOR_<INTEGRATION>_<SETTING>, e.g. DOCTOR_GORGIAS_DOMAIN.\n",
                );
            }
            let invalid = rows.iter().filter(|r| r.problem.is_some()).count();
            if invalid > 0 {
                text.push_str(&format!(
                    "\n{invalid} setting(s) are invalid and left out: the commands that check their integration stop \
                     with exit 2 until they are fixed.\n"
                ));
            }
            if let Some(problem) = &settings.keyring_problem {
                text.push_str(&format!("\nKeyring: {problem}\n"));
            }
            text.push_str(
                "\nPrecedence: --set flags > DOCTOR_* environment variables > config file / OS keyring. Secrets are \
                 shown masked.\n",
            );
            text
        }
    };
    crate::output::emit(&text, g.output.as_deref())?;
    // Everything was listed; a bad value or an unusable file is still a configuration error
    // (exit 2), said on stderr too, so a script can tell.
    let mut problems: Vec<String> = settings.file_problem.iter().cloned().collect();
    problems
        .extend(settings.invalid.iter().map(|i| format!("setting {} (from {}) {}", i.setting, i.origin, i.problem)));
    for problem in &problems {
        crate::output::error_line(problem);
    }
    Ok(if problems.is_empty() { 0 } else { 2 })
}

/// `doctor config path`: the file the profile is read from (`DOCTOR_CONFIG` or the platform's
/// config directory), whether or not it exists yet.
pub fn path(g: &Config) -> anyhow::Result<u8> {
    let Some(path) = crate::settings::file::default_path() else {
        anyhow::bail!("there is no config directory (HOME is not set): set DOCTOR_CONFIG to the file to use");
    };
    let text = match g.format {
        Format::Json => format!("{}\n", json!({"config_file": path, "exists": path.exists()})),
        _ => format!("{}\n", path.display()),
    };
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(0)
}

/// A setting as it may be shown: a webhook URL is signed, so its token is cut short (as in every
/// report); a base URL loses any `user:password@`.
pub fn shown_value(kind: Kind, value: &str) -> String {
    match kind {
        Kind::WebhookUrl | Kind::BaseUrl => crate::redact::mask_url(value),
        _ => value.to_string(),
    }
}
