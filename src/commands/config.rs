//! `doctor config show`: every setting, its value (secrets masked) and where it came from.

use comfy_table::{presets, Table};
use serde_json::json;

use crate::config::Config;
use crate::redact::mask;
use crate::report::Format;
use crate::settings::{Kind, Settings, FIELDS};

pub fn show(g: &Config, settings: Settings) -> anyhow::Result<u8> {
    let rows: Vec<(String, Option<String>, Option<String>, String)> = FIELDS
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
            (field.dotted(), value, entry.map(|e| e.source.to_string()), field.env_var())
        })
        .collect();
    let config_shown = match &settings.config_path {
        Some(path) if path.exists() => path.display().to_string(),
        Some(path) => format!("{} (does not exist)", path.display()),
        None => "none: there is no config directory (HOME is not set); set DOCTOR_CONFIG to use one".to_string(),
    };
    let text = match g.format {
        Format::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(
                    |(name, value, source, env)| json!({"setting": name, "value": value, "source": source, "env": env}),
                )
                .collect();
            let doc = json!({
                "profile": settings.profile,
                "config_file": settings.config_path,
                "keyring_problem": settings.keyring_problem,
                "settings": items,
            });
            format!("{}\n", serde_json::to_string_pretty(&doc)?)
        }
        _ => {
            let mut table = Table::new();
            table.load_preset(presets::ASCII_MARKDOWN);
            table.set_header(["setting", "value", "source", "environment variable"]);
            for (name, value, source, env) in &rows {
                table.add_row([
                    name.as_str(),
                    value.as_deref().unwrap_or("(not set)"),
                    source.as_deref().unwrap_or("-"),
                    env.as_str(),
                ]);
            }
            let mut text = format!("Profile: {}\nConfig file: {config_shown}\n\n{table}\n", settings.profile);
            if let Some(problem) = &settings.keyring_problem {
                text.push_str(&format!("\nKeyring: {problem}\n"));
            }
            text.push_str("\nPrecedence: --set flags > DOCTOR_* environment variables > config file / OS keyring. Secrets are shown masked.\n");
            text
        }
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
