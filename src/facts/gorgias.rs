//! Memoised Gorgias reads: one `/api/integrations` listing shared by every webhook check, one
//! ticket fetch shared by every ticket check.

use super::memo::{Fact, Memo, Once};
use crate::vendors::gorgias::{Account, GorgiasClient, HttpIntegration, IntegrationEvent, Rule, Team, Ticket, User};

/// A list and whether it was cut at the page limit.
pub type Listing<T> = (Vec<T>, bool);

pub struct GorgiasFacts {
    client: GorgiasClient,
    account: Once<Account>,
    current_user: Once<User>,
    users: Memo<u64, User>,
    tickets: Memo<u64, Ticket>,
    integrations: Once<Listing<HttpIntegration>>,
    teams: Memo<u64, Team>,
    rules: Once<Listing<Rule>>,
    recent_tickets: Once<Vec<Ticket>>,
    events: Memo<u64, Vec<IntegrationEvent>>,
}

impl GorgiasFacts {
    pub fn new(client: GorgiasClient) -> GorgiasFacts {
        GorgiasFacts {
            client,
            account: Once::default(),
            current_user: Once::default(),
            users: Memo::default(),
            tickets: Memo::default(),
            integrations: Once::default(),
            teams: Memo::default(),
            rules: Once::default(),
            recent_tickets: Once::default(),
            events: Memo::default(),
        }
    }

    /// The client, for a sweep's bulk listings.
    pub(super) fn client(&self) -> &GorgiasClient {
        &self.client
    }

    /// A ticket read in bulk (a sweep's listings), served as if fetched.
    pub(super) fn seed_ticket(&self, ticket: Ticket) {
        self.tickets.seed(ticket.id, ticket);
    }

    /// The request log of one HTTP integration.
    pub async fn integration_events(&self, id: u64) -> Fact<Vec<IntegrationEvent>> {
        self.events.get(id, || self.client.integration_events(id)).await
    }

    pub async fn account(&self) -> Fact<Account> {
        self.account.get(|| self.client.account()).await
    }

    /// The user the API key belongs to (`/api/users/0`).
    pub async fn current_user(&self) -> Fact<User> {
        self.current_user.get(|| self.client.current_user()).await
    }

    pub async fn user(&self, id: u64) -> Fact<User> {
        self.users.get(id, || self.client.user(id)).await
    }

    pub async fn ticket(&self, id: u64) -> Fact<Ticket> {
        self.tickets.get(id, || self.client.ticket(id)).await
    }

    /// Every HTTP integration of the account.
    pub async fn http_integrations(&self) -> Fact<Listing<HttpIntegration>> {
        self.integrations.get(|| self.client.http_integrations()).await
    }

    pub async fn team(&self, id: u64) -> Fact<Team> {
        self.teams.get(id, || self.client.team(id)).await
    }

    pub async fn rules(&self) -> Fact<Listing<Rule>> {
        self.rules.get(|| self.client.rules()).await
    }

    /// The 30 most recently updated tickets.
    pub async fn recent_tickets(&self) -> Fact<Vec<Ticket>> {
        self.recent_tickets.get(|| self.client.recent_tickets(30)).await
    }
}
