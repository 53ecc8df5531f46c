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

/// Where the config file is: `DOCTOR_CONFIG`, else `opencx-doctor/config.toml` in the OS's
/// config directory. With no config directory (no HOME, a user id without a passwd entry)
/// there is no config file: never one relative to the working directory, where a checkout
/// could plant one that sends the credentials elsewhere.
pub fn default_path() -> Option<PathBuf> {
    path_from(std::env::var_os("DOCTOR_CONFIG"), dirs::config_dir())
}

fn path_from(doctor_config: Option<std::ffi::OsString>, config_dir: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(path) = doctor_config.filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    config_dir.filter(|d| d.is_absolute()).map(|d| d.join("opencx-doctor").join("config.toml"))
}

/// A config file larger than this is not a config file.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a file that must be a regular file of sane size: a FIFO would block forever and
/// `/dev/zero` would read until memory runs out. `Ok(None)`: it does not exist.
pub fn read_regular(path: &Path, max: u64) -> Result<Option<String>, String> {
    use std::io::Read;
    // Looked at before it is opened: opening a FIFO for reading blocks until a writer comes.
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err("it is not a regular file".into()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    if meta.len() > max {
        return Err(format!("it is larger than {} KB", max / 1024));
    }
    let mut text = String::new();
    file.take(max + 1).read_to_string(&mut text).map_err(|e| e.to_string())?;
    if text.len() as u64 > max {
        return Err(format!("it is larger than {} KB", max / 1024));
    }
    Ok(Some(text))
}

/// A TOML error said without quoting the file: the quoted line may hold a secret someone wrote
/// there by mistake (`api_key = "…`). Line and column, and what is wrong.
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

pub struct ConfigFile {
    pub path: Option<PathBuf>,
    table: Option<toml::Table>,
}

impl ConfigFile {
    pub fn load(path: Option<&Path>) -> Result<ConfigFile, ConfigError> {
        let Some(path) = path else {
            return Ok(ConfigFile { path: None, table: None });
        };
        let text = match read_regular(path, MAX_CONFIG_BYTES) {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(ConfigFile { path: Some(path.to_path_buf()), table: None }),
            Err(detail) => return Err(ConfigError::Unreadable { path: path.to_path_buf(), detail }),
        };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError::Malformed {
            path: path.to_path_buf(),
            detail: toml_error(&text, &e),
        })?;
        Ok(ConfigFile { path: Some(path.to_path_buf()), table: Some(table) })
    }

    fn shown_path(&self) -> PathBuf {
        self.path.clone().unwrap_or_default()
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
                    let hint = crate::suggest::did_you_mean(key, known.iter().copied());
                    return Err(self.unknown(&at, &format!("known {integration} settings: {}{hint}", known.join(", "))));
                };
                if field.is_secret() {
                    return Err(ConfigError::SecretInFile {
                        path: self.shown_path(),
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
        ConfigError::UnknownKey { path: self.shown_path(), key: at.to_string(), hint: hint.to_string() }
    }

    /// Sets non-secret values of one profile (an empty value clears the setting) and writes the
    /// file (mode 0600, directory 0700).
    pub fn save(&mut self, profile: &str, values: &[(&'static Field, String)]) -> Result<(), ConfigError> {
        let Some(path) = self.path.clone() else {
            return Err(ConfigError::Unwritable {
                path: PathBuf::new(),
                detail: "there is no config directory (HOME is not set); set DOCTOR_CONFIG to a file path".into(),
            });
        };
        let table = self.table.get_or_insert_with(toml::Table::new);
        for (field, value) in values {
            assert!(!field.is_secret(), "secrets are never written to the config file");
            let profiles = entry_table(table, "profiles");
            let profile_table = entry_table(profiles, profile);
            let integration_table = entry_table(profile_table, field.integration.slug());
            if value.is_empty() {
                integration_table.remove(field.key);
                continue;
            }
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
        write_private(&path, &text).map_err(|e| ConfigError::Unwritable { path: path.clone(), detail: e.to_string() })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_config_directory_means_no_config_file_not_one_in_the_working_directory() {
        assert_eq!(path_from(None, None), None);
        assert_eq!(path_from(None, Some(PathBuf::from("."))), None, "a relative config dir is refused");
        assert_eq!(
            path_from(None, Some(PathBuf::from("/home/x/.config"))),
            Some(PathBuf::from("/home/x/.config/opencx-doctor/config.toml"))
        );
        assert_eq!(path_from(Some("/tmp/c.toml".into()), None), Some(PathBuf::from("/tmp/c.toml")));
    }

    #[test]
    fn a_toml_error_names_the_line_without_quoting_it() {
        let text = "[profiles.default.gorgias]\napi_key = \"sk-live-0123456789abcdef\n";
        let e = text.parse::<toml::Table>().unwrap_err();
        let said = toml_error(text, &e);
        assert!(said.starts_with("line 2"), "{said}");
        assert!(!said.contains("0123456789"), "{said}");
    }
}
