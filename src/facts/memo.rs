//! Fetch once, share everywhere: the first check that asks for a resource starts the request;
//! every other check asking for it, at the same time or later, awaits the same result. This is
//! how "each resource is fetched once per run" holds without checks knowing about each other.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use crate::http::ApiError;

/// A fetched resource, or the error fetching it gave; cheap to clone.
pub type Fact<T> = Result<Arc<T>, Arc<ApiError>>;

pub struct Memo<K, T> {
    cells: Mutex<HashMap<K, Arc<OnceCell<Fact<T>>>>>,
}

impl<K: Eq + Hash + Clone, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo { cells: Mutex::new(HashMap::new()) }
    }
}

impl<K: Eq + Hash + Clone, T> Memo<K, T> {
    pub async fn get<F, Fut>(&self, key: K, fetch: F) -> Fact<T>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let cell = {
            let mut cells = self.cells.lock().unwrap_or_else(|p| p.into_inner());
            cells.entry(key).or_default().clone()
        };
        cell.get_or_init(|| async { fetch().await.map(Arc::new).map_err(Arc::new) }).await.clone()
    }
}

impl<K: Eq + Hash + Clone, T> Memo<K, T> {
    /// Stores a value read in bulk (a sweep's listing) as if it had been fetched; a value
    /// already fetched or in flight is kept.
    pub fn seed(&self, key: K, value: T) {
        let cell = {
            let mut cells = self.cells.lock().unwrap_or_else(|p| p.into_inner());
            cells.entry(key).or_default().clone()
        };
        let _ = cell.set(Ok(Arc::new(value)));
    }

    /// The value if it was fetched already; never fetches.
    pub fn peek(&self, key: &K) -> Option<Fact<T>> {
        let cells = self.cells.lock().unwrap_or_else(|p| p.into_inner());
        cells.get(key).and_then(|cell| cell.get().cloned())
    }
}

/// A memo of one value.
pub struct Once<T>(Memo<(), T>);

impl<T> Default for Once<T> {
    fn default() -> Self {
        Once(Memo::default())
    }
}

impl<T> Once<T> {
    /// The value if it was fetched already; never fetches.
    pub fn peek(&self) -> Option<Fact<T>> {
        self.0.peek(&())
    }

    pub async fn get<F, Fut>(&self, fetch: F) -> Fact<T>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        self.0.get((), fetch).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_askers_share_one_fetch() {
        let memo: Memo<u32, u32> = Memo::default();
        let calls = AtomicUsize::new(0);
        let fetch = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            Ok(7)
        };
        let (a, b, c) = tokio::join!(memo.get(1, fetch), memo.get(1, fetch), memo.get(1, fetch));
        assert_eq!((*a.unwrap(), *b.unwrap(), *c.unwrap()), (7, 7, 7));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        memo.get(2, fetch).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_seeded_value_is_served_without_a_fetch_and_never_replaces_a_fetched_one() {
        let memo: Memo<u32, u32> = Memo::default();
        memo.seed(1, 5);
        let never = || async {
            Err::<u32, _>(ApiError {
                vendor: crate::integration::Integration::Gorgias,
                method: "GET".into(),
                path: "/x".into(),
                kind: crate::http::ErrorKind::Deadline,
            })
        };
        assert_eq!(*memo.get(1, never).await.unwrap(), 5);
        memo.seed(1, 6);
        assert_eq!(*memo.get(1, never).await.unwrap(), 5, "the first value stands");
    }
}
