//! The table of every setting: its integration, key, environment variable, whether it is a
//! secret, and how it is validated. `config show`, `login`, the loader and the README all read
//! this one table, so a setting cannot exist in one place and be missing in another.

use crate::integration::Integration;

/// How a setting's text is checked before anything runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (e.g. an Intercom workspace id).
    Text,
    /// A secret: never printed, never written to the config file.
    Secret,
    /// The Gorgias domain prefix: `acme` for `acme.gorgias.com`.
    GorgiasDomain,
    Email,
    /// A positive integer id.
    Id,
    /// A HubSpot user id: numeric, or the Conversations actor form `A-<n>`.
    HubspotUserId,
    /// The webhook URL OpenCX shows (http allowed only on loopback; checked later as a finding).
    WebhookUrl,
    /// A vendor origin override, http or https.
    BaseUrl,
    Bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    pub integration: Integration,
    /// The key in the config file and after `--set integration.`.
    pub key: &'static str,
    pub kind: Kind,
    /// One line for `config show`, `login` and the README.
    pub help: &'static str,
    /// Needed before any check of the integration can run.
    pub required: bool,
}

impl Field {
    pub fn env_var(&self) -> String {
        format!("DOCTOR_{}_{}", self.integration.slug().to_ascii_uppercase(), self.key.to_ascii_uppercase())
    }

    /// `gorgias.domain`, the name used in messages and with `--set`.
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.integration.slug(), self.key)
    }

    pub fn is_secret(&self) -> bool {
        self.kind == Kind::Secret
    }

    /// How to give this setting: its variable, `--set` (never for a secret: shell history, ps),
    /// or `doctor login`.
    pub fn how_to_set(&self) -> String {
        let (env, integration) = (self.env_var(), self.integration.slug());
        if self.is_secret() {
            format!("set {env}, or run `doctor login {integration}` (stores it in the OS keyring)")
        } else {
            format!("set {env}, or `--set {}=…`, or run `doctor login {integration}`", self.dotted())
        }
    }
}

/// Declares each integration's settings as statics (`fields::gorgias::DOMAIN`) and the table of
/// all of them: code names a setting by its static, never by a string.
macro_rules! fields {
    ($($module:ident for $integration:ident { $($name:ident = $key:literal, $kind:ident, $required:literal, $help:literal;)+ })+) => {
        $(
            #[doc = concat!("The ", stringify!($integration), " settings.")]
            pub mod $module {
                use super::{Field, Integration, Kind};
                $(
                    #[doc = $help]
                    pub static $name: Field = Field {
                        integration: Integration::$integration,
                        key: $key,
                        kind: Kind::$kind,
                        help: $help,
                        required: $required,
                    };
                )+
            }
        )+
        /// Every setting, in the order `config show` and the README list them.
        pub static FIELDS: &[&Field] = &[$($(&$module::$name,)+)+];
    };
}

fields! {
    gorgias for Gorgias {
        DOMAIN = "domain", GorgiasDomain, true, "Domain prefix: `acme` for acme.gorgias.com";
        EMAIL = "email", Email, true, "Email of the Gorgias user who owns the API key";
        API_KEY = "api_key", Secret, true, "Gorgias REST API key (Settings → REST API)";
        AI_USER_ID = "ai_user_id", Id, false, "The Default User ID set in OpenCX (the AI's Gorgias user)";
        TEAM_ID = "team_id", Id, false, "Default team id set in OpenCX, if any";
        WEBHOOK_URL = "webhook_url", WebhookUrl, false, "The webhook URL OpenCX shows for Gorgias";
        BASE_URL = "base_url", BaseUrl, false, "Replaces https://{domain}.gorgias.com (tests, proxies)";
    }
    intercom for Intercom {
        TOKEN = "token", Secret, true, "Intercom access token (Developer Hub → app → Authentication)";
        WORKSPACE_ID = "workspace_id", Text, false, "Workspace ID entered in OpenCX (= Intercom App ID)";
        AI_ADMIN_ID = "ai_admin_id", Id, false, "AI Admin ID set in OpenCX (the AI teammate's id)";
        WEBHOOK_URL = "webhook_url", WebhookUrl, false, "The webhook URL OpenCX shows for Intercom";
        PROCESS_ON_ASSIGNMENT = "process_on_assignment", Bool, false, "OpenCX's \"Process on assignment\" toggle (true/false)";
        BASE_URL = "base_url", BaseUrl, false, "Replaces https://api.intercom.io (or the region's host)";
    }
    hubspot for Hubspot {
        TOKEN = "token", Secret, true, "HubSpot private app access token (pat-…)";
        AI_USER_ID = "ai_user_id", HubspotUserId, false, "The Default User ID set in OpenCX";
        WEBHOOK_URL = "webhook_url", WebhookUrl, false, "The webhook URL OpenCX shows for HubSpot";
        APP_ID = "app_id", Id, false, "App id, to read webhook subscriptions (optional)";
        DEVELOPER_API_KEY = "developer_api_key", Secret, false, "Developer API key, to read webhook subscriptions (optional)";
        BASE_URL = "base_url", BaseUrl, false, "Replaces https://api.hubapi.com";
    }
    opencx for Opencx {
        API_KEY = "api_key", Secret, true, "OpenCX API key (Settings → Access)";
        BASE_URL = "base_url", BaseUrl, false, "Replaces https://api.open.cx";
    }
}

pub fn fields_of(integration: Integration) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().copied().filter(move |f| f.integration == integration)
}

pub fn find(integration: Integration, key: &str) -> Option<&'static Field> {
    fields_of(integration).find(|f| f.key == key)
}

/// Looks a setting up by its dotted name (`gorgias.domain`).
pub fn find_dotted(name: &str) -> Option<&'static Field> {
    let (integration, key) = name.split_once('.')?;
    find(Integration::from_slug(integration)?, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_variables_follow_the_contract() {
        let vars: Vec<String> = FIELDS.iter().map(|f| f.env_var()).collect();
        for expected in [
            "DOCTOR_GORGIAS_DOMAIN",
            "DOCTOR_GORGIAS_API_KEY",
            "DOCTOR_GORGIAS_AI_USER_ID",
            "DOCTOR_INTERCOM_PROCESS_ON_ASSIGNMENT",
            "DOCTOR_HUBSPOT_DEVELOPER_API_KEY",
            "DOCTOR_OPENCX_BASE_URL",
        ] {
            assert!(vars.iter().any(|v| v == expected), "{expected} missing");
        }
    }
}
