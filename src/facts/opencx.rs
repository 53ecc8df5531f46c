//! Memoised OpenCX reads.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

use crate::engine::memo::{Fact, Once};
use crate::vendors::opencx::{OpencxClient, Page, Session};

pub struct OpencxFacts {
    client: OpencxClient,
    recent: Once<Page<Session>>,
}

impl OpencxFacts {
    pub fn new(client: OpencxClient) -> OpencxFacts {
        OpencxFacts {
            client,
            recent: Once::default(),
        }
    }

    /// The first page of sessions updated in the hour before `now`: proves the key works and
    /// is evidence of recent activity.
    pub async fn recent_sessions(&self, now: DateTime<Utc>) -> Fact<Page<Session>> {
        let since = (now - Duration::hours(1)).to_rfc3339_opts(SecondsFormat::Secs, true);
        self.recent
            .get(|| async move { self.client.sessions(&[("updated_after", since)]).await })
            .await
    }
}
