//! Memoised Intercom reads.

use crate::engine::memo::{Fact, Memo, Once};
use crate::vendors::intercom::{Conversation, IntercomClient, Me};

pub struct IntercomFacts {
    client: IntercomClient,
    me: Once<Me>,
    conversations: Memo<String, Conversation>,
}

impl IntercomFacts {
    pub fn new(client: IntercomClient) -> IntercomFacts {
        IntercomFacts { client, me: Once::default(), conversations: Memo::default() }
    }

    pub fn base_url(&self) -> &url::Url {
        self.client.base()
    }

    pub async fn me(&self) -> Fact<Me> {
        self.me.get(|| self.client.me()).await
    }

    pub async fn conversation(&self, id: &str) -> Fact<Conversation> {
        self.conversations.get(id.to_string(), || self.client.conversation(id)).await
    }
}
