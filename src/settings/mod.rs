//! Turns the profile's config file, the keyring, `DOCTOR_*` environment variables and `--set`
//! flags into one validated `Settings` value before anything runs. Precedence: flags >
//! environment > config file / keyring. A bad value stops the run with exit 2 and a message
//! that names the setting and where it came from.

pub mod fields;
pub mod file;
pub mod keyring_store;
pub mod secret;
pub mod validate;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use crate::integration::Integration;
pub use fields::{Field, Kind, FIELDS};
pub use file::ConfigFile;
pub use keyring_store::SecretStore;
pub use secret::Secret;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("the config file {path} is not valid TOML: {detail}")]
    Malformed { path: PathBuf, detail: String },
    #[error("cannot read the config file {path}: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("cannot write the config file {path}: {detail}")]
    Unwritable { path: PathBuf, detail: String },
    #[error("unknown setting `{key}` in {path}: {hint}")]
    UnknownKey { path: PathBuf, key: String, hint: String },
    #[error(
        "`{setting}` in {path} is a secret, and secrets are not read from files: remove it, then run \
         `doctor login {integration}` (stores it in the OS keyring) or set {env}"
    )]
    SecretInFile { path: PathBuf, setting: String, env: String, integration: Integration },
    #[error("unknown profile '{profile}': {known}")]
    UnknownProfile { profile: String, known: String },
    #[error("setting {setting} (from {origin}) {problem}")]
    Invalid { setting: String, origin: Source, problem: String },
    #[error("--set {0}: expected INTEGRATION.SETTING=VALUE, e.g. --set gorgias.ai_user_id=42")]
    BadSetFlag(String),
    #[error("--set {name}: no such setting; known settings: {known}")]
    UnknownSetFlag { name: String, known: String },
    #[error(
        "--set {0}: secrets are not taken from the command line (shell history, ps); use `doctor login` or the environment variable"
    )]
    SecretOnCommandLine(String),
    #[error("{integration} is not configured: {missing}. Run `doctor login {slug}`, or set the environment variables; `doctor config show` lists every setting{keyring}", integration = .integration.name(), slug = .integration.slug(), keyring = .keyring.as_deref().map(|k| format!(". Note: {k}")).unwrap_or_default())]
    NotConfigured { integration: Integration, missing: String, keyring: Option<String> },
}

/// Where a setting's value came from, shown by `config show`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(String),
    File(PathBuf),
    Keyring,
    Sandbox,
    /// `doctor replay`: the settings a bundle recorded (secrets replaced by stand-ins).
    Bundle,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag => f.write_str("--set flag"),
            Source::Env(var) => write!(f, "environment {var}"),
            Source::File(path) => write!(f, "config file {}", path.display()),
            Source::Keyring => f.write_str("OS keyring"),
            Source::Sandbox => f.write_str("built-in sandbox"),
            Source::Bundle => f.write_str("the bundle"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entry {
    /// The normalised value (for a secret: the secret itself; see `Settings::secret`).
    value: String,
    pub source: Source,
}

/// A setting whose value did not validate, kept aside instead of stopping the run: for
/// `config show` (which must list it), or for an integration the command does not check.
#[derive(Clone, Debug)]
pub struct InvalidSetting {
    pub setting: String,
    pub origin: Source,
    pub problem: String,
}

/// How strictly a command needs its settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// A bad value of an integration the command checks is an error (exit 2); others are kept aside.
    Checked,
    /// Nothing stops the load (`config show`): bad values and file problems are kept aside.
    Lenient,
}

/// Every setting of one profile, validated.
#[derive(Clone, Debug)]
pub struct Settings {
    pub profile: String,
    /// `None`: there is no config directory, so no config file (see `file::default_path`).
    pub config_path: Option<PathBuf>,
    values: BTreeMap<(Integration, &'static str), Entry>,
    /// Why secrets could not be read from the keyring, if they could not.
    pub keyring_problem: Option<String>,
    /// Values that did not validate and were left out (see `Strictness`).
    pub invalid: Vec<InvalidSetting>,
    /// Why the config file could not be used (`Strictness::Lenient` only).
    pub file_problem: Option<String>,
    /// The integrations whose bad values stop the load.
    checked: Vec<Integration>,
    strictness: Strictness,
}

impl Settings {
    /// Loads the profile. `integrations` limits keyring look-ups to what the command needs, and
    /// only their bad values stop it.
    pub fn load(
        profile: &str,
        sets: &[String],
        integrations: &[Integration],
        store: &SecretStore,
        allow_new_profile: bool,
    ) -> Result<Settings, ConfigError> {
        Settings::load_with(profile, sets, integrations, store, allow_new_profile, Strictness::Checked)
    }

    pub fn load_with(
        profile: &str,
        sets: &[String],
        integrations: &[Integration],
        store: &SecretStore,
        allow_new_profile: bool,
        strictness: Strictness,
    ) -> Result<Settings, ConfigError> {
        // Every secret the environment and the keyring hold is known to the redactor before
        // anything can go wrong: no settings error may print one.
        for field in FIELDS.iter().filter(|f| f.is_secret()) {
            if let Ok(raw) = std::env::var(field.env_var()) {
                crate::redact::register(&raw);
            }
        }
        for field in FIELDS.iter().filter(|f| f.kind == Kind::WebhookUrl || f.kind == Kind::BaseUrl) {
            if let Ok(raw) = std::env::var(field.env_var()) {
                crate::redact::register_url_tokens(raw.trim());
            }
        }
        let mut from_keyring = Vec::new();
        let mut keyring_problem = None;
        for field in FIELDS.iter().filter(|f| f.is_secret() && integrations.contains(&f.integration)) {
            if std::env::var_os(field.env_var()).is_some() {
                continue; // the environment wins; don't touch the keyring for it
            }
            match store.get(profile, field) {
                Ok(Some(secret)) => {
                    crate::redact::register(secret.expose());
                    from_keyring.push((field, secret));
                }
                Ok(None) => {}
                Err(e) => {
                    keyring_problem.get_or_insert_with(|| e.to_string());
                }
            }
        }
        let path = file::default_path();
        let mut file_problem = None;
        let config = match (ConfigFile::load(path.as_deref()), strictness) {
            (Ok(config), _) => config,
            (Err(e), Strictness::Lenient) => {
                file_problem = Some(e.to_string());
                ConfigFile::load(None)?
            }
            (Err(e), Strictness::Checked) => return Err(e),
        };
        let shown = path.as_ref().map_or_else(|| "(no config directory)".to_string(), |p| p.display().to_string());
        if profile != "default" && !config.has_profile(profile) && !allow_new_profile && config.exists() {
            let known = config.profiles();
            return Err(ConfigError::UnknownProfile {
                profile: profile.to_string(),
                known: if known.is_empty() {
                    format!("{shown} defines no profiles")
                } else {
                    format!("{shown} defines {}", known.join(", "))
                },
            });
        }
        let mut settings = Settings {
            profile: profile.to_string(),
            config_path: path.clone(),
            values: BTreeMap::new(),
            keyring_problem,
            invalid: Vec::new(),
            file_problem,
            checked: integrations.to_vec(),
            strictness,
        };
        let from_file = match (config.values(profile), strictness) {
            (Ok(values), _) => values,
            (Err(e), Strictness::Lenient) => {
                settings.file_problem.get_or_insert(e.to_string());
                Vec::new()
            }
            (Err(e), Strictness::Checked) => return Err(e),
        };
        // Lowest precedence first; later sources overwrite.
        for (field, raw) in from_file {
            if field.kind == Kind::WebhookUrl || field.kind == Kind::BaseUrl {
                crate::redact::register_url_tokens(raw.trim());
            }
            settings.put(field, &raw, Source::File(path.clone().unwrap_or_default()))?;
        }
        for (field, secret) in from_keyring {
            settings.put(field, secret.expose(), Source::Keyring)?;
        }
        for field in FIELDS {
            let var = field.env_var();
            if let Ok(raw) = std::env::var(&var) {
                if !raw.trim().is_empty() {
                    settings.put(field, &raw, Source::Env(var))?;
                }
            }
        }
        for set in sets {
            let (name, raw) = set.split_once('=').ok_or_else(|| ConfigError::BadSetFlag(set.clone()))?;
            let field = fields::find_dotted(name.trim()).ok_or_else(|| {
                let known: Vec<String> = FIELDS.iter().filter(|f| !f.is_secret()).map(|f| f.dotted()).collect();
                let hint = crate::suggest::did_you_mean(name.trim(), known.iter().map(String::as_str));
                ConfigError::UnknownSetFlag { name: name.to_string(), known: format!("{}{hint}", known.join(", ")) }
            })?;
            if field.is_secret() {
                return Err(ConfigError::SecretOnCommandLine(name.to_string()));
            }
            settings.put(field, raw, Source::Flag)?;
        }
        Ok(settings)
    }

    /// Settings made by the doctor itself (the sandbox's, a bundle's): no file, no keyring, no
    /// environment, every integration checked strictly.
    fn made(profile: &str) -> Settings {
        Settings {
            profile: profile.to_string(),
            config_path: None,
            values: BTreeMap::new(),
            keyring_problem: None,
            invalid: Vec::new(),
            file_problem: None,
            checked: Integration::ALL.to_vec(),
            strictness: Strictness::Checked,
        }
    }

    /// The settings a bundle recorded, for `doctor replay`: a value that no longer validates, or
    /// a setting this doctor does not know, is an error naming it.
    pub fn for_replay(profile: &str, values: &[(String, String)]) -> Result<Settings, ConfigError> {
        let mut settings = Settings::made(profile);
        for (name, value) in values {
            let field = fields::find_dotted(name).ok_or_else(|| ConfigError::Invalid {
                setting: name.clone(),
                origin: Source::Bundle,
                problem: "is not a setting this doctor knows".into(),
            })?;
            settings.put(field, value, Source::Bundle)?;
        }
        Ok(settings)
    }

    /// Settings made by the sandbox for `doctor demo` (no file, no keyring, no environment).
    pub fn for_sandbox(values: &[(&str, String)]) -> Settings {
        let mut settings = Settings::made("demo");
        for (name, value) in values {
            let field = fields::find_dotted(name).unwrap_or_else(|| panic!("sandbox names unknown setting {name}"));
            settings.put(field, value, Source::Sandbox).expect("sandbox settings are valid");
        }
        settings
    }

    fn put(&mut self, field: &'static Field, raw: &str, source: Source) -> Result<(), ConfigError> {
        let value = match validate::validate(field, raw) {
            Ok(value) => value,
            Err(problem) => {
                let stops = self.strictness == Strictness::Checked && self.checked.contains(&field.integration);
                if stops {
                    return Err(ConfigError::Invalid {
                        setting: match &source {
                            Source::Env(_) => field.dotted(),
                            _ => format!("{} ({})", field.dotted(), field.env_var()),
                        },
                        origin: source.clone(),
                        problem,
                    });
                }
                // A lower-precedence valid value must not stand in for the bad one.
                self.values.remove(&(field.integration, field.key));
                self.invalid.retain(|i| i.setting != field.dotted());
                self.invalid.push(InvalidSetting { setting: field.dotted(), origin: source, problem });
                return Ok(());
            }
        };
        self.invalid.retain(|i| i.setting != field.dotted());
        self.values.insert((field.integration, field.key), Entry { value, source });
        Ok(())
    }

    /// A secret just stored in the keyring (by `doctor login`), taken as read from it.
    pub fn remember_secret(&mut self, field: &'static Field, secret: &Secret) -> Result<(), ConfigError> {
        if std::env::var_os(field.env_var()).is_some() {
            return Ok(()); // the environment still wins
        }
        self.put(field, secret.expose(), Source::Keyring)
    }

    pub fn entry(&self, field: &Field) -> Option<&Entry> {
        self.values.get(&(field.integration, field.key))
    }

    /// A non-secret value. Asking for a secret here is a bug.
    pub fn get(&self, field: &Field) -> Option<&str> {
        debug_assert!(!field.is_secret(), "{} is a secret", field.key);
        self.entry(field).map(|e| e.value.as_str())
    }

    pub fn secret(&self, field: &Field) -> Option<Secret> {
        debug_assert!(field.is_secret(), "{} is not a secret", field.key);
        self.entry(field).map(|e| Secret::new(e.value.clone()))
    }

    /// An id setting, validated as a positive whole number when it was loaded.
    pub fn id(&self, field: &Field) -> Option<u64> {
        self.get(field).and_then(|v| v.parse().ok())
    }

    pub fn flag(&self, field: &Field) -> Option<bool> {
        self.get(field).map(|v| v == "true")
    }

    /// Every webhook URL held (their path tokens are secrets too).
    pub fn webhook_urls(&self) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(|((i, k), _)| fields::find(*i, k).is_some_and(|f| f.kind == Kind::WebhookUrl))
            .map(|(_, e)| e.value.as_str())
    }

    /// Every secret value held, for the output redactor.
    pub fn secrets(&self) -> Vec<String> {
        self.values
            .iter()
            .filter(|((i, k), _)| fields::find(*i, k).is_some_and(Field::is_secret))
            .map(|(_, e)| e.value.clone())
            .collect()
    }

    /// Does the profile hold any setting of the integration (from a file, the keyring, the
    /// environment or a flag)?
    pub fn has_any(&self, integration: Integration) -> bool {
        self.values.iter().any(|((i, _), e)| *i == integration && e.source != Source::Sandbox)
    }

    /// Is the integration configured enough to be checked? (`doctor all` runs those that are.)
    pub fn is_configured(&self, integration: Integration) -> bool {
        self.missing_required(integration).is_empty()
    }

    pub fn missing_required(&self, integration: Integration) -> Vec<&'static Field> {
        fields::fields_of(integration).filter(|f| f.required && self.entry(f).is_none()).collect()
    }

    /// Fails with a precise message when a required setting of the integration is missing.
    pub fn require(&self, integration: Integration) -> Result<(), ConfigError> {
        let missing = self.missing_required(integration);
        if missing.is_empty() {
            return Ok(());
        }
        let missing =
            missing.iter().map(|f| format!("{} ({})", f.dotted(), f.env_var())).collect::<Vec<_>>().join(", ");
        let keyring = self
            .missing_required(integration)
            .iter()
            .any(|f| f.is_secret())
            .then(|| self.keyring_problem.clone())
            .flatten();
        Err(ConfigError::NotConfigured { integration, missing: format!("missing {missing}"), keyring })
    }
}
