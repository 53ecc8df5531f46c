//! Memoised HubSpot reads.

use crate::engine::memo::{Fact, Memo, Once};
use crate::vendors::hubspot::{HubspotClient, Thread, TokenInfo};

pub struct HubspotFacts {
    client: HubspotClient,
    token_info: Once<TokenInfo>,
    threads: Memo<String, Thread>,
}

impl HubspotFacts {
    pub fn new(client: HubspotClient) -> HubspotFacts {
        HubspotFacts { client, token_info: Once::default(), threads: Memo::default() }
    }

    pub async fn token_info(&self) -> Fact<TokenInfo> {
        self.token_info.get(|| self.client.token_info()).await
    }

    pub async fn thread(&self, id: &str) -> Fact<Thread> {
        self.threads.get(id.to_string(), || self.client.thread(id)).await
    }
}
