//! The facts of a run: for each configured vendor, its client and memoised reads. A check asks
//! for a fact (`cx.facts.gorgias()?.account().await`); the first ask fetches it, later asks
//! share the result. Facts know nothing of checks; checks know nothing of HTTP.

pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod opencx;

use std::sync::Arc;

use url::Url;

use crate::engine::context::missing;
use crate::engine::CheckError;
use crate::http::Http;
use crate::integration::Integration;
use crate::settings::Settings;
use crate::vendors;

pub use gorgias::GorgiasFacts;
pub use hubspot::HubspotFacts;
pub use intercom::IntercomFacts;
pub use opencx::OpencxFacts;

#[derive(Default)]
pub struct Facts {
    gorgias: Option<GorgiasFacts>,
    intercom: Option<IntercomFacts>,
    hubspot: Option<HubspotFacts>,
    opencx: Option<OpencxFacts>,
}

fn base_url(settings: &Settings, integration: Integration, default: impl FnOnce() -> Url) -> Url {
    settings
        .get(integration, "base_url")
        .and_then(|u| Url::parse(u).ok())
        .unwrap_or_else(default)
}

impl Facts {
    /// Clients for every vendor whose required settings are present.
    pub fn new(http: &Arc<Http>, settings: &Settings) -> Facts {
        use Integration::*;
        let mut facts = Facts::default();
        if settings.is_configured(Gorgias) {
            let domain = settings.get(Gorgias, "domain").unwrap_or_default();
            let base = base_url(settings, Gorgias, || vendors::gorgias::origin(domain));
            let email = settings.get(Gorgias, "email").unwrap_or_default();
            let key = settings.secret(Gorgias, "api_key").expect("configured");
            facts.gorgias = Some(GorgiasFacts::new(vendors::gorgias::GorgiasClient::new(
                http.clone(),
                base,
                email,
                key,
            )));
        }
        if settings.is_configured(Intercom) {
            let base = base_url(settings, Intercom, || {
                Url::parse(vendors::intercom::US).expect("static URL")
            });
            let token = settings.secret(Intercom, "token").expect("configured");
            facts.intercom = Some(IntercomFacts::new(vendors::intercom::IntercomClient::new(
                http.clone(),
                base,
                token,
            )));
        }
        if settings.is_configured(Hubspot) {
            let base = base_url(settings, Hubspot, || {
                Url::parse(vendors::hubspot::ORIGIN).expect("static URL")
            });
            let token = settings.secret(Hubspot, "token").expect("configured");
            facts.hubspot = Some(HubspotFacts::new(vendors::hubspot::HubspotClient::new(
                http.clone(),
                base,
                token,
            )));
        }
        if settings.is_configured(Opencx) {
            let base = base_url(settings, Opencx, || {
                Url::parse(vendors::opencx::ORIGIN).expect("static URL")
            });
            let key = settings.secret(Opencx, "api_key").expect("configured");
            facts.opencx = Some(OpencxFacts::new(vendors::opencx::OpencxClient::new(
                http.clone(),
                base,
                key,
            )));
        }
        facts
    }

    pub fn gorgias(&self) -> Result<&GorgiasFacts, CheckError> {
        self.gorgias
            .as_ref()
            .ok_or_else(|| missing(Integration::Gorgias, "api_key"))
    }
    pub fn intercom(&self) -> Result<&IntercomFacts, CheckError> {
        self.intercom
            .as_ref()
            .ok_or_else(|| missing(Integration::Intercom, "token"))
    }
    pub fn hubspot(&self) -> Result<&HubspotFacts, CheckError> {
        self.hubspot
            .as_ref()
            .ok_or_else(|| missing(Integration::Hubspot, "token"))
    }
    pub fn opencx(&self) -> Result<&OpencxFacts, CheckError> {
        self.opencx
            .as_ref()
            .ok_or_else(|| missing(Integration::Opencx, "api_key"))
    }
}
