//! The documented symptoms, one table per integration (interface.md's slugs). Each table makes
//! the typed symptom a check declares, the command line's value enum (`doctor gorgias
//! ai-silent`), the slug and the label: a symptom is spelled here and nowhere else.

use crate::integration::Integration;

/// One documented symptom: its integration, slug (public contract) and what a support engineer
/// calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Symptom {
    pub integration: Integration,
    pub slug: &'static str,
    pub label: &'static str,
}

macro_rules! symptoms {
    ($(#[$meta:meta])* $name:ident for $integration:ident { $($variant:ident = $slug:literal : $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            const VALUES: &'static [$name] = &[$($name::$variant,)+];
            /// The table, in the contract's order.
            pub const SYMPTOMS: &'static [Symptom] = &[$($name::$variant.symptom(),)+];

            pub const fn symptom(self) -> Symptom {
                match self {
                    $($name::$variant => Symptom { integration: Integration::$integration, slug: $slug, label: $label },)+
                }
            }

            pub const fn slug(self) -> &'static str {
                self.symptom().slug
            }
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                Self::VALUES
            }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.slug()).help(self.symptom().label))
            }
        }
    };
}

symptoms! {
    /// The Gorgias symptoms.
    GorgiasSymptom for Gorgias {
        Credentials = "credentials": "\"Failed to save\": Gorgias rejects the credentials",
        Webhook = "webhook": "OpenCX receives no Gorgias events",
        AiSilent = "ai-silent": "The AI does not reply on a ticket",
        HandoffRouting = "handoff-routing": "Handed-off tickets are not routed to a human",
        Duplicates = "duplicates": "Duplicate AI replies",
        Sender = "sender": "AI replies show as another user",
        AfterHandoff = "after-handoff": "The AI keeps replying after a handoff",
    }
}

symptoms! {
    /// The Intercom symptoms.
    IntercomSymptom for Intercom {
        Credentials = "credentials": "\"Failed to verify credentials\"",
        Webhook = "webhook": "OpenCX receives no Intercom events",
        AiSilent = "ai-silent": "The AI does not reply on a conversation",
        HandoffStuck = "handoff-stuck": "Handed off, but still assigned to the AI",
        Duplicates = "duplicates": "Duplicate AI replies",
        Assist = "assist": "Assist mode posts no drafts",
        Attributes = "attributes": "Custom attributes are not written",
        Companies = "companies": "Company data is missing from the AI's context",
    }
}

symptoms! {
    /// The HubSpot symptoms.
    HubspotSymptom for Hubspot {
        Credentials = "credentials": "\"Connection test fails\"",
        Scopes = "scopes": "The private app lacks scopes",
        Webhook = "webhook": "OpenCX receives no HubSpot events",
        AiSilent = "ai-silent": "The AI does not reply on a thread",
        NoTicket = "no-ticket": "Handoff creates no HubSpot ticket",
        Replies = "replies": "Rep replies do not reach the customer",
        CrmPanel = "crm-panel": "The CRM panel shows no HubSpot data",
    }
}

symptoms! {
    /// The OpenCX checks' areas: they join every helpdesk run.
    OpencxSymptom for Opencx {
        Credentials = "credentials": "OpenCX API key",
        Session = "session": "OpenCX session evidence",
    }
}

/// The symptoms of an integration, in the contract's order.
pub fn of(integration: Integration) -> &'static [Symptom] {
    match integration {
        Integration::Gorgias => GorgiasSymptom::SYMPTOMS,
        Integration::Intercom => IntercomSymptom::SYMPTOMS,
        Integration::Hubspot => HubspotSymptom::SYMPTOMS,
        Integration::Opencx => OpencxSymptom::SYMPTOMS,
    }
}

/// The integration's credentials symptom (what `doctor login` tests after saving).
pub fn credentials(integration: Integration) -> Symptom {
    match integration {
        Integration::Gorgias => GorgiasSymptom::Credentials.symptom(),
        Integration::Intercom => IntercomSymptom::Credentials.symptom(),
        Integration::Hubspot => HubspotSymptom::Credentials.symptom(),
        Integration::Opencx => OpencxSymptom::Credentials.symptom(),
    }
}

/// The symptom of an integration with this slug.
pub fn find(integration: Integration, slug: &str) -> Option<Symptom> {
    of(integration).iter().copied().find(|s| s.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symptom_slugs_match_the_public_contract() {
        let slugs = |i: Integration| of(i).iter().map(|s| s.slug).collect::<Vec<_>>();
        assert_eq!(
            slugs(Integration::Gorgias),
            ["credentials", "webhook", "ai-silent", "handoff-routing", "duplicates", "sender", "after-handoff"]
        );
        assert_eq!(
            slugs(Integration::Intercom),
            ["credentials", "webhook", "ai-silent", "handoff-stuck", "duplicates", "assist", "attributes", "companies"]
        );
        assert_eq!(
            slugs(Integration::Hubspot),
            ["credentials", "scopes", "webhook", "ai-silent", "no-ticket", "replies", "crm-panel"]
        );
    }
}
