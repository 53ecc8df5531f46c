//! `doctor login` asks for every setting of an integration (validating as it goes), stores
//! non-secrets in the config file and secrets in the OS keyring, and reads the secrets back to
//! prove they were stored. `doctor logout` removes the secrets.

use std::io::IsTerminal;

use anyhow::Context;
use dialoguer::{theme::ColorfulTheme, Input, Password};

use crate::config::Config;
use crate::integration::Integration;
use crate::settings::{fields, validate, ConfigFile, Kind, Secret, SecretStore};

pub fn login(g: &Config, integration: Integration) -> anyhow::Result<u8> {
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "`doctor login` is interactive and needs a terminal; in CI set the DOCTOR_{}_* environment variables instead (`doctor config show` lists them)",
            integration.slug().to_ascii_uppercase()
        );
    }
    let store = SecretStore::from_env();
    let Some(path) = crate::settings::file::default_path() else {
        anyhow::bail!("there is no config directory (HOME is not set): set DOCTOR_CONFIG to the config file's path");
    };
    let mut config = ConfigFile::load(Some(&path))?;
    let existing = config.values(&g.profile)?;
    // Find out first whether secrets can be stored at all.
    let first_secret = fields::fields_of(integration).find(|f| f.is_secret()).expect("every integration has a secret");
    if let Err(e) = store.get(&g.profile, first_secret) {
        if matches!(
            e,
            crate::settings::keyring_store::KeyringError::Unavailable(_)
                | crate::settings::keyring_store::KeyringError::NoAnswer
        ) {
            let vars: Vec<String> =
                fields::fields_of(integration).filter(|f| f.is_secret()).map(|f| f.env_var()).collect();
            anyhow::bail!("{e}\nFor {}: {}", integration.name(), vars.join(", "));
        }
    }
    crate::output::note(&format!(
        "Setting up {} for profile '{}'. Non-secret settings go to {}; secrets go to the OS keyring.{}",
        integration.name(),
        g.profile,
        path.display(),
        if store.is_mock() { " (mock keyring)" } else { "" }
    ));
    let theme = ColorfulTheme::default();
    let mut plain: Vec<(&'static fields::Field, String)> = Vec::new();
    let mut secrets: Vec<(&'static fields::Field, Secret)> = Vec::new();
    for field in fields::fields_of(integration) {
        if field.kind == Kind::BaseUrl {
            continue; // for tests and proxies; set it in the file or the environment
        }
        let prompt = format!("{} ({}){}", field.help, field.dotted(), if field.required { "" } else { ", optional" });
        if field.is_secret() {
            let required = field.required;
            let value = Password::with_theme(&theme)
                .with_prompt(if required { prompt } else { format!("{prompt}, Enter to skip") })
                .allow_empty_password(!required)
                .validate_with(move |v: &String| -> Result<(), String> {
                    if v.trim().is_empty() {
                        return if required { Err("required".into()) } else { Ok(()) };
                    }
                    secret_shape(integration, v)
                })
                .interact()
                .context("reading the secret")?;
            if !value.trim().is_empty() {
                secrets.push((field, Secret::new(value.trim().to_string())));
            }
        } else {
            let current = existing
                .iter()
                .find(|(f, _)| f.integration == field.integration && f.key == field.key)
                .map(|(_, v)| v.clone());
            let required = field.required;
            let mut input = Input::<String>::with_theme(&theme).with_prompt(prompt).allow_empty(!required);
            if let Some(current) = current {
                // A webhook URL is signed: the prompt shows it token-masked, and Enter keeps it.
                input = input.default(current.clone()).show_default(false);
                if field.kind == Kind::WebhookUrl {
                    crate::redact::register_url_tokens(&current);
                }
                let shown = super::config::shown_value(field.kind, &current);
                input = input.with_prompt(format!("{} ({}) [{shown}]", field.help, field.dotted()));
            }
            if field.kind == Kind::WebhookUrl {
                input = input.report(false); // the answer is echoed below, token-masked
            }
            let value = input
                .validate_with(move |v: &String| -> Result<(), String> {
                    if v.trim().is_empty() && !required {
                        return Ok(());
                    }
                    validate::validate(field, v).map(|_| ())
                })
                .interact_text()
                .context("reading the answer")?;
            if field.kind == Kind::WebhookUrl && !value.trim().is_empty() {
                crate::redact::register_url_tokens(value.trim());
                crate::output::note(&format!(
                    "{}: {}",
                    field.dotted(),
                    super::config::shown_value(field.kind, value.trim())
                ));
            }
            if !value.trim().is_empty() {
                plain.push((field, validate::validate(field, &value).map_err(anyhow::Error::msg)?));
            }
        }
    }
    for (field, secret) in &secrets {
        store.set(&g.profile, field, secret)?;
        match store.get(&g.profile, field)? {
            Some(read) if read == *secret => {}
            _ => anyhow::bail!("the OS keyring did not return {} after storing it", field.dotted()),
        }
    }
    config.save(&g.profile, &plain)?;
    crate::output::note(&format!(
        "Saved {} setting(s) to {} and {} secret(s) to the OS keyring (read back and verified).\nNext: `doctor {} credentials` tests them against {}.",
        plain.len(),
        path.display(),
        secrets.len(),
        integration.slug(),
        integration.name()
    ));
    Ok(0)
}

/// A quick shape check of a secret while it is typed, before anything is stored.
fn secret_shape(integration: Integration, value: &str) -> Result<(), String> {
    let v = value.trim();
    if v.chars().any(char::is_whitespace) {
        return Err("contains white space: paste the secret alone".into());
    }
    if integration == Integration::Hubspot && v.starts_with("pat") {
        return crate::vendors::hubspot::lint_token(v).map(|_| ()).or_else(
            |(fatal, why)| {
                if fatal {
                    Err(why)
                } else {
                    Ok(())
                }
            },
        );
    }
    if integration == Integration::Hubspot && !v.starts_with("pat-") && v.len() > 40 {
        return Err("a private-app token starts with pat-<region>- (e.g. pat-na1-)".into());
    }
    if v.to_ascii_lowercase().starts_with("bearer ") || v.to_ascii_lowercase().starts_with("basic ") {
        return Err("paste the secret without the 'Bearer '/'Basic ' prefix".into());
    }
    Ok(())
}

pub fn logout(g: &Config, integration: Integration) -> anyhow::Result<u8> {
    let store = SecretStore::from_env();
    let mut removed = Vec::new();
    for field in fields::fields_of(integration).filter(|f| f.is_secret()) {
        if store.delete(&g.profile, field)? {
            removed.push(field.dotted());
        }
    }
    if removed.is_empty() {
        crate::output::note(&format!("No {} secrets were stored for profile '{}'.", integration.name(), g.profile));
    } else {
        crate::output::note(&format!(
            "Removed {} from the OS keyring for profile '{}'. Non-secret settings stay in the config file.",
            removed.join(", "),
            g.profile
        ));
    }
    Ok(0)
}
