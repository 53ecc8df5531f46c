//! Memoised HubSpot reads.

use crate::engine::memo::{Fact, Once};
use crate::vendors::hubspot::{HubspotClient, TokenInfo};

pub struct HubspotFacts {
    client: HubspotClient,
    token_info: Once<TokenInfo>,
}

impl HubspotFacts {
    pub fn new(client: HubspotClient) -> HubspotFacts {
        HubspotFacts {
            client,
            token_info: Once::default(),
        }
    }

    pub async fn token_info(&self) -> Fact<TokenInfo> {
        self.token_info.get(|| self.client.token_info()).await
    }
}
