//! Memoised Intercom reads.

use super::memo::{Fact, Memo, Once};
use crate::vendors::intercom::{
    Admin, CompanyList, Conversation, ConversationPage, DataAttributeList, IntercomClient, Me,
};

pub struct IntercomFacts {
    client: IntercomClient,
    me: Once<Me>,
    conversations: Memo<String, Conversation>,
    admins: Memo<String, Admin>,
    recent: Once<ConversationPage>,
    attributes: Once<DataAttributeList>,
    companies: Memo<String, CompanyList>,
}

impl IntercomFacts {
    pub fn new(client: IntercomClient) -> IntercomFacts {
        IntercomFacts {
            client,
            me: Once::default(),
            conversations: Memo::default(),
            admins: Memo::default(),
            recent: Once::default(),
            attributes: Once::default(),
            companies: Memo::default(),
        }
    }

    /// The client, for a sweep's bulk listings.
    pub(super) fn client(&self) -> &IntercomClient {
        &self.client
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

    pub async fn admin(&self, id: &str) -> Fact<Admin> {
        self.admins.get(id.to_string(), || self.client.admin(id)).await
    }

    /// The 20 most recent conversations.
    pub async fn recent_conversations(&self) -> Fact<ConversationPage> {
        self.recent.get(|| self.client.recent_conversations(20)).await
    }

    pub async fn conversation_attributes(&self) -> Fact<DataAttributeList> {
        self.attributes.get(|| self.client.conversation_attributes()).await
    }

    pub async fn contact_companies(&self, contact: &str) -> Fact<CompanyList> {
        self.companies.get(contact.to_string(), || self.client.contact_companies(contact)).await
    }
}
