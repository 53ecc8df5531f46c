//! Memoised Gorgias reads.

use crate::engine::memo::{Fact, Memo, Once};
use crate::vendors::gorgias::{Account, GorgiasClient, Ticket, User};

pub struct GorgiasFacts {
    client: GorgiasClient,
    account: Once<Account>,
    current_user: Once<User>,
    users: Memo<u64, User>,
    tickets: Memo<u64, Ticket>,
}

impl GorgiasFacts {
    pub fn new(client: GorgiasClient) -> GorgiasFacts {
        GorgiasFacts {
            client,
            account: Once::default(),
            current_user: Once::default(),
            users: Memo::default(),
            tickets: Memo::default(),
        }
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
}
