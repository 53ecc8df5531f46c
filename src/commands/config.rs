//! `doctor config show`: every setting, its value (secrets masked) and where it came from.

use comfy_table::{presets, Table};
use serde_json::json;

use crate::cli::Global;
use crate::report::Format;
use crate::settings::{secret::mask, Settings, FIELDS};

pub fn show(g: &Global, settings: Settings) -> anyhow::Result<u8> {
    let rows: Vec<(String, Option<String>, Option<String>, String)> = FIELDS
        .iter()
        .map(|field| {
            let entry = settings.entry(field.integration, field.key);
            let value = entry.map(|_| {
                if field.is_secret() {
                    settings.secret(field.integration, field.key).map(|s| s.masked()).unwrap_or_else(|| mask(""))
                } else {
                    settings.get(field.integration, field.key).unwrap_or_default().to_string()
                }
            });
            (field.dotted(), value, entry.map(|e| e.source.to_string()), field.env_var())
        })
        .collect();
    let config_state = if settings.config_path.exists() { "" } else { " (does not exist)" };
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
            let mut text = format!(
                "Profile: {}\nConfig file: {}{config_state}\n\n{table}\n",
                settings.profile,
                settings.config_path.display()
            );
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
