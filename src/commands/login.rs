//! `doctor login` asks for every setting of an integration (validating as it goes), stores
//! non-secrets in the config file and secrets in the OS keyring, and reads the secrets back to
//! prove they were stored. `doctor logout` removes the secrets.

use std::io::IsTerminal;

use anyhow::Context;
use dialoguer::{theme::ColorfulTheme, Input, Password};

use crate::config::Config;
use crate::integration::Integration;
use crate::settings::keyring_store::KeyringError;
use crate::settings::{fields, validate, ConfigFile, Kind, Secret, SecretStore};

pub fn login(g: &Config, integration: Integration) -> anyhow::Result<u8> {
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "`doctor login` is interactive and needs a terminal; for scripts use `doctor login {} --with-token < FILE`, \
             or set the DOCTOR_{}_* environment variables (`doctor help environment` lists them)",
            integration.slug(),
            integration.slug().to_ascii_uppercase()
        );
    }
    let store = SecretStore::from_env();
    let Some(path) = crate::settings::file::default_path() else {
        anyhow::bail!("there is no config directory (HOME is not set): set DOCTOR_CONFIG to the config file's path");
    };
    let mut config = ConfigFile::load(Some(&path))?;
    let existing = config.values(&g.profile)?;
    // Find out first whether secrets can be stored at all: without a keyring the non-secret
    // settings are still saved, and the secrets are left to the environment.
    let first_secret = fields::fields_of(integration).find(|f| f.is_secret()).expect("every integration has a secret");
    let keyring = match store.get(&g.profile, first_secret) {
        Err(e @ (KeyringError::Unavailable(_) | KeyringError::NoAnswer)) => {
            crate::output::note(&format!("{e}\nThe secrets will be shown as environment variables to set instead."));
            false
        }
        _ => true,
    };
    crate::output::note(&format!(
        "Setting up {} for profile '{}'. Non-secret settings go to {}; {}.{}",
        integration.name(),
        g.profile,
        path.display(),
        if keyring { "secrets go to the OS keyring" } else { "secrets stay in your environment" },
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
        let why = format!("required: the doctor cannot check {} without it", integration.name());
        if field.is_secret() {
            let required = field.required;
            let value = Password::with_theme(&theme)
                .with_prompt(if required { prompt } else { format!("{prompt}, Enter to skip") })
                // Empty reaches the validator, which says why the answer is asked again.
                .allow_empty_password(true)
                .validate_with(move |v: &String| -> Result<(), String> {
                    if v.trim().is_empty() {
                        return if required { Err(why.clone()) } else { Ok(()) };
                    }
                    secret_shape(field, v)
                })
                .interact()
                .context("reading the secret")?;
            if !value.trim().is_empty() {
                let secret = Secret::new(value.trim().to_string());
                crate::redact::register(secret.expose());
                secrets.push((field, secret));
            }
        } else {
            let current = existing
                .iter()
                .find(|(f, _)| f.integration == field.integration && f.key == field.key)
                .map(|(_, v)| v.clone());
            let required = field.required;
            let mut input = Input::<String>::with_theme(&theme).with_prompt(prompt).allow_empty(!required);
            if let Some(current) = &current {
                // A webhook URL is signed: the prompt shows it token-masked, and Enter keeps it.
                input = input.default(current.clone()).show_default(false);
                if field.kind == Kind::WebhookUrl {
                    crate::redact::register_url_tokens(current);
                }
                let shown = super::config::shown_value(field.kind, current);
                let clear = if required { "" } else { ", '-' clears it" };
                input = input.with_prompt(format!("{} ({}) [{shown}{clear}]", field.help, field.dotted()));
            }
            if field.kind == Kind::WebhookUrl {
                input = input.report(false); // the answer is echoed below, token-masked
            }
            let value = input
                .validate_with(move |v: &String| -> Result<(), String> {
                    let v = v.trim();
                    if v.is_empty() && required {
                        return Err(why.clone());
                    }
                    if v.is_empty() || (v == "-" && !required) {
                        return Ok(());
                    }
                    validate::validate(field, v).map(|_| ())
                })
                .interact_text()
                .context("reading the answer")?;
            let value = value.trim();
            if value == "-" && !required {
                if current.is_some() {
                    plain.push((field, String::new()));
                    crate::output::note(&format!("{}: cleared", field.dotted()));
                }
                continue;
            }
            if field.kind == Kind::WebhookUrl && !value.is_empty() {
                crate::redact::register_url_tokens(value);
                crate::output::note(&format!("{}: {}", field.dotted(), super::config::shown_value(field.kind, value)));
            }
            if !value.is_empty() {
                plain.push((field, validate::validate(field, value).map_err(anyhow::Error::msg)?));
            }
        }
    }
    config.save(&g.profile, &plain)?;
    let saved = plain.iter().filter(|(_, v)| !v.is_empty()).count();
    let mut stored = Vec::new();
    if keyring {
        store_and_verify(&store, &g.profile, &secrets)?;
        stored = secrets.clone();
        crate::output::note(&format!(
            "Saved {saved} setting(s) to {} and {} secret(s) to the OS keyring (read back and verified).",
            path.display(),
            secrets.len()
        ));
    } else {
        crate::output::note(&format!("Saved {saved} setting(s) to {}.", path.display()));
        if !secrets.is_empty() {
            crate::output::note("Set the secrets in your environment (shown masked: use the values you typed):");
            for (field, secret) in &secrets {
                crate::output::note(&format!("  export {}={}", field.env_var(), secret.masked()));
            }
        }
    }
    after_saving(g, integration, &stored)
}

/// `doctor login X --with-token`: the integration's required secret from standard input (its
/// first line), stored in the keyring and verified, then tested. Nothing is asked.
pub fn with_token(g: &Config, integration: Integration) -> anyhow::Result<u8> {
    let field = fields::fields_of(integration)
        .find(|f| f.is_secret() && f.required)
        .expect("every integration has a required secret");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).context("reading the secret from standard input")?;
    let value = line.trim();
    crate::redact::register(value);
    if value.is_empty() {
        anyhow::bail!("--with-token read nothing from standard input: pipe the {} into it", field.help);
    }
    secret_shape(field, value).map_err(|why| anyhow::anyhow!("{}: {why}", field.dotted()))?;
    let store = SecretStore::from_env();
    let stored = [(field, Secret::new(value.to_string()))];
    store_and_verify(&store, &g.profile, &stored)?;
    crate::output::note(&format!(
        "Saved {} to the OS keyring for profile '{}' (read back and verified).",
        field.dotted(),
        g.profile
    ));
    after_saving(g, integration, &stored)
}

fn store_and_verify(
    store: &SecretStore,
    profile: &str,
    secrets: &[(&'static fields::Field, Secret)],
) -> anyhow::Result<()> {
    for (field, secret) in secrets {
        store.set(profile, field, secret)?;
        match store.get(profile, field)? {
            Some(read) if read == *secret => {}
            _ => anyhow::bail!("the OS keyring did not return {} after storing it", field.dotted()),
        }
    }
    Ok(())
}

/// Tests what was saved, as `gh auth login` does: the integration's credentials checks, once
/// it is configured; and, for a helpdesk, says how to add the OpenCX key when it is missing.
fn after_saving(
    g: &Config,
    integration: Integration,
    stored: &[(&'static fields::Field, Secret)],
) -> anyhow::Result<u8> {
    let mut settings = g.settings(&[integration, Integration::Opencx])?;
    for (field, secret) in stored {
        settings.remember_secret(field, secret)?;
    }
    if !settings.is_configured(integration) {
        let missing: Vec<String> = settings.missing_required(integration).iter().map(|f| f.env_var()).collect();
        crate::output::note(&format!(
            "Not tested yet: {} still needs {} (set in the environment).",
            integration.name(),
            missing.join(", ")
        ));
        return Ok(0);
    }
    crate::output::note(&format!("Testing the credentials (`doctor {} credentials`):\n", integration.slug()));
    let credentials = Some(crate::symptom::credentials(integration));
    let code = super::diagnose::helpdesk(g, settings.clone(), integration, credentials, None, None)?;
    if integration != Integration::Opencx && !settings.is_configured(Integration::Opencx) {
        crate::output::note(
            "The OpenCX API key is not set, so the session evidence (what the AI decided) is off: run \
             `doctor login opencx` to add it.",
        );
    }
    Ok(code)
}

/// A quick shape check of a secret while it is typed, before anything is stored.
fn secret_shape(field: &fields::Field, value: &str) -> Result<(), String> {
    let v = value.trim();
    if v.to_ascii_lowercase().starts_with("bearer ") || v.to_ascii_lowercase().starts_with("basic ") {
        return Err("paste the secret without the 'Bearer '/'Basic ' prefix".into());
    }
    if v.chars().any(char::is_whitespace) {
        return Err("contains white space: paste the secret alone".into());
    }
    // The HubSpot private-app token has a shape; a developer key (a UUID) pasted here is refused.
    if *field == fields::hubspot::TOKEN {
        if let Err((true, why)) = crate::vendors::hubspot::lint_token(v) {
            return Err(format!("the token {why}"));
        }
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
