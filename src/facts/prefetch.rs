//! Prefetching: the facts a run's checks declared (`reads`), started all at once when the run
//! begins instead of when each check gets to them. Checks still gate on their prerequisites
//! (a check after a failed credentials check is skipped), but the data they need is already in
//! flight, so a run takes about as long as its longest chain of truly dependent requests (the
//! helpdesk object → its OpenCX sessions → their history), not the sum of its requests.
//!
//! Fetching is memoised, so a fact is still fetched once per run whoever asks first. Each read
//! waits only for its own inputs (see `Facts::warm`).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{Facts, Read};
use crate::target::Target;

pub async fn prefetch(
    facts: &Facts,
    reads: impl IntoIterator<Item = Read>,
    target: Option<&Target>,
    now: DateTime<Utc>,
) {
    let reads: BTreeSet<Read> = reads.into_iter().collect();
    futures::future::join_all(reads.into_iter().map(|read| facts.warm(read, target, now))).await;
}
