//! The TOML config file: non-secret settings per profile.
//!
//! ```toml
//! [profiles.default.gorgias]
//! domain = "acme"
//! ai_user_id = 1234
//! ```
//! A missing file means "no file settings". A malformed file, an unknown key or a secret
//! written into the file is a configuration error (exit 2): secrets belong in the keyring.

use std::path::{Path, PathBuf};

use super::fields::{self, Field};
use super::ConfigError;
use crate::integration::Integration;

pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os("DOCTOR_CONFIG").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::config_dir().unwrap_or_else(|| PathBuf::from(".")).join("opencx-doctor").join("config.toml")
}

pub struct ConfigFile {
    pub path: PathBuf,
    table: Option<toml::Table>,
}

impl ConfigFile {
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ConfigFile { path: path.to_path_buf(), table: None })
            }
            Err(e) => return Err(ConfigError::Unreadable { path: path.to_path_buf(), detail: e.to_string() }),
        };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError::Malformed {
            path: path.to_path_buf(),
            detail: e.to_string().trim().to_string(),
        })?;
        Ok(ConfigFile { path: path.to_path_buf(), table: Some(table) })
    }

    pub fn exists(&self) -> bool {
        self.table.is_some()
    }

    pub fn profiles(&self) -> Vec<String> {
        self.profiles_table().map(|t| t.keys().cloned().collect()).unwrap_or_default()
    }

    fn profiles_table(&self) -> Option<&toml::Table> {
        self.table.as_ref()?.get("profiles")?.as_table()
    }

    pub fn has_profile(&self, profile: &str) -> bool {
        self.profiles_table().is_some_and(|t| t.contains_key(profile))
    }

    /// Every setting the file holds for the profile, validated for shape by the caller.
    pub fn values(&self, profile: &str) -> Result<Vec<(&'static Field, String)>, ConfigError> {
        let mut out = Vec::new();
        let Some(table) = &self.table else {
            return Ok(out);
        };
        for key in table.keys() {
            if key != "profiles" {
                return Err(self.unknown(key, "the file holds only [profiles.NAME.INTEGRATION] tables"));
            }
        }
        let Some(profile_table) = self.profiles_table().and_then(|p| p.get(profile)) else {
            return Ok(out);
        };
        let Some(profile_table) = profile_table.as_table() else {
            return Err(self.unknown(&format!("profiles.{profile}"), "must be a table"));
        };
        for (integration_key, settings) in profile_table {
            let at = format!("profiles.{profile}.{integration_key}");
            let Some(integration) = Integration::from_slug(integration_key) else {
                return Err(self.unknown(&at, "integrations are gorgias, intercom, hubspot and opencx"));
            };
            let Some(settings) = settings.as_table() else {
                return Err(self.unknown(&at, "must be a table of settings"));
            };
            for (key, value) in settings {
                let at = format!("{at}.{key}");
                let Some(field) = fields::find(integration, key) else {
                    let known: Vec<&str> = fields::fields_of(integration).map(|f| f.key).collect();
                    return Err(self.unknown(&at, &format!("known {integration} settings: {}", known.join(", "))));
                };
                if field.is_secret() {
                    return Err(ConfigError::SecretInFile {
                        path: self.path.clone(),
                        setting: at,
                        env: field.env_var(),
                        integration,
                    });
                }
                let text = match value {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    toml::Value::Boolean(b) => b.to_string(),
                    _ => return Err(self.unknown(&at, "must be a string, a number or true/false")),
                };
                out.push((field, text));
            }
        }
        Ok(out)
    }

    fn unknown(&self, at: &str, hint: &str) -> ConfigError {
        ConfigError::UnknownKey { path: self.path.clone(), key: at.to_string(), hint: hint.to_string() }
    }

    /// Sets non-secret values of one profile and writes the file (mode 0600, directory 0700).
    pub fn save(&mut self, profile: &str, values: &[(&'static Field, String)]) -> Result<(), ConfigError> {
        let table = self.table.get_or_insert_with(toml::Table::new);
        for (field, value) in values {
            assert!(!field.is_secret(), "secrets are never written to the config file");
            let profiles = entry_table(table, "profiles");
            let profile_table = entry_table(profiles, profile);
            let integration_table = entry_table(profile_table, field.integration.slug());
            let value = match field.kind {
                super::fields::Kind::Bool => toml::Value::Boolean(value == "true"),
                super::fields::Kind::Id => value
                    .parse::<i64>()
                    .map(toml::Value::Integer)
                    .unwrap_or_else(|_| toml::Value::String(value.clone())),
                _ => toml::Value::String(value.clone()),
            };
            integration_table.insert(field.key.to_string(), value);
        }
        let text = format!(
            "# opencx-doctor settings. Secrets are not here: they live in the OS keyring\n\
             # (doctor login) or in DOCTOR_* environment variables.\n{}",
            toml::to_string_pretty(table).expect("a TOML table always serialises")
        );
        write_private(&self.path, &text)
            .map_err(|e| ConfigError::Unwritable { path: self.path.clone(), detail: e.to_string() })
    }
}

fn entry_table<'a>(table: &'a mut toml::Table, key: &str) -> &'a mut toml::Table {
    let value = table.entry(key.to_string()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
    if !value.is_table() {
        *value = toml::Value::Table(toml::Table::new());
    }
    value.as_table_mut().expect("just made a table")
}

/// Writes through a temporary file and a rename, so a crash never leaves half a config.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    let tmp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    drop(file);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&tmp, path)
}
