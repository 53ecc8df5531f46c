//! Memoised Intercom reads.

use crate::engine::memo::{Fact, Once};
use crate::vendors::intercom::{IntercomClient, Me};

pub struct IntercomFacts {
    client: IntercomClient,
    me: Once<Me>,
}

impl IntercomFacts {
    pub fn new(client: IntercomClient) -> IntercomFacts {
        IntercomFacts {
            client,
            me: Once::default(),
        }
    }

    pub fn base_url(&self) -> &url::Url {
        self.client.base()
    }

    pub async fn me(&self) -> Fact<Me> {
        self.me.get(|| self.client.me()).await
    }
}
