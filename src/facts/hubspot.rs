//! Memoised HubSpot reads.

use super::memo::{Fact, Memo, Once};
use crate::vendors::hubspot::{
    CrmObject, HubspotClient, Owner, Results, Subscription, Thread, ThreadMessage, ThreadWindow, TokenInfo,
    WebhookSettings, WebhooksClient,
};

pub struct HubspotFacts {
    client: HubspotClient,
    webhooks: Option<WebhooksClient>,
    token_info: Once<TokenInfo>,
    threads: Memo<String, Thread>,
    messages: Memo<String, Results<ThreadMessage>>,
    recent_threads: Memo<String, ThreadWindow>,
    owners: Memo<(String, bool), Owner>,
    owners_probe: Once<Results<Owner>>,
    tickets_probe: Once<Results<CrmObject>>,
    contacts: Memo<String, CrmObject>,
    contacts_by_email: Memo<String, Results<CrmObject>>,
    subscriptions: Once<Results<Subscription>>,
    settings: Once<WebhookSettings>,
}

impl HubspotFacts {
    /// The client, for a sweep's bulk listings.
    pub(super) fn client(&self) -> &HubspotClient {
        &self.client
    }

    /// A thread read in bulk (a sweep's listing), served as if fetched.
    pub(super) fn seed_thread(&self, id: String, thread: Thread) {
        self.threads.seed(id, thread);
    }

    pub fn new(client: HubspotClient, webhooks: Option<WebhooksClient>) -> HubspotFacts {
        HubspotFacts {
            client,
            webhooks,
            token_info: Once::default(),
            threads: Memo::default(),
            messages: Memo::default(),
            recent_threads: Memo::default(),
            owners: Memo::default(),
            owners_probe: Once::default(),
            tickets_probe: Once::default(),
            contacts: Memo::default(),
            contacts_by_email: Memo::default(),
            subscriptions: Once::default(),
            settings: Once::default(),
        }
    }

    /// The portal (hub) id, if the token was introspected during the run.
    pub fn hub_id_loaded(&self) -> Option<u64> {
        self.token_info.peek().and_then(|f| f.ok()).map(|t| t.hub_id)
    }

    pub async fn token_info(&self) -> Fact<TokenInfo> {
        self.token_info.get(|| self.client.token_info()).await
    }

    pub async fn thread(&self, id: &str) -> Fact<Thread> {
        self.threads.get(id.to_string(), || self.client.thread(id)).await
    }

    pub async fn thread_messages(&self, id: &str) -> Fact<Results<ThreadMessage>> {
        self.messages.get(id.to_string(), || self.client.thread_messages(id)).await
    }

    pub async fn recent_threads(&self, after: &str) -> Fact<ThreadWindow> {
        self.recent_threads.get(after.to_string(), || self.client.recent_threads(after)).await
    }

    pub async fn owner(&self, id: &str, by_user_id: bool) -> Fact<Owner> {
        self.owners.get((id.to_string(), by_user_id), || self.client.owner(id, by_user_id)).await
    }

    pub async fn owners_probe(&self) -> Fact<Results<Owner>> {
        self.owners_probe.get(|| self.client.owners_probe()).await
    }

    pub async fn tickets_probe(&self) -> Fact<Results<CrmObject>> {
        self.tickets_probe.get(|| self.client.tickets_probe()).await
    }

    pub async fn contact(&self, id: &str) -> Fact<CrmObject> {
        self.contacts.get(id.to_string(), || self.client.contact(id)).await
    }

    pub async fn contacts_by_email(&self, email: &str) -> Fact<Results<CrmObject>> {
        self.contacts_by_email.get(email.to_ascii_lowercase(), || self.client.contacts_by_email(email)).await
    }

    /// Whether webhook subscriptions can be read (an app id and a developer API key are set).
    pub fn can_read_webhooks(&self) -> bool {
        self.webhooks.is_some()
    }

    /// `None` without an app id and developer API key.
    pub async fn subscriptions(&self) -> Option<Fact<Results<Subscription>>> {
        let client = self.webhooks.as_ref()?;
        Some(self.subscriptions.get(|| client.subscriptions()).await)
    }

    pub async fn webhook_settings(&self) -> Option<Fact<WebhookSettings>> {
        let client = self.webhooks.as_ref()?;
        Some(self.settings.get(|| client.settings()).await)
    }
}
