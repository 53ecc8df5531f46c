//! What the run is waiting on right now: every request in flight, named (`Gorgias GET
//! /api/account`) with when it started. The progress display reads it ("waiting on Gorgias GET
//! /api/account, 6 s") instead of naming the last check that finished.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Activity {
    next: AtomicU64,
    in_flight: Mutex<Vec<(u64, String, Instant)>>,
}

/// Ends its request's entry when dropped (a request that fails or is cancelled included).
pub struct InFlight<'a> {
    activity: &'a Activity,
    id: u64,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let mut list = self.activity.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        list.retain(|(id, _, _)| *id != self.id);
    }
}

impl Activity {
    pub fn start(&self, what: String) -> InFlight<'_> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.in_flight.lock().unwrap_or_else(|p| p.into_inner()).push((id, what, Instant::now()));
        InFlight { activity: self, id }
    }

    /// The request waited on longest, how long, and how many are in flight.
    pub fn longest(&self) -> Option<(String, Duration, usize)> {
        let list = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        let (_, what, since) = list.iter().min_by_key(|(_, _, since)| *since)?;
        Some((what.clone(), since.elapsed(), list.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_wait_is_named_until_it_ends() {
        let activity = Activity::default();
        assert!(activity.longest().is_none());
        let first = activity.start("Gorgias GET /api/account".into());
        std::thread::sleep(Duration::from_millis(5));
        let second = activity.start("OpenCX GET /chat/sessions".into());
        let (what, _, n) = activity.longest().unwrap();
        assert_eq!((what.as_str(), n), ("Gorgias GET /api/account", 2));
        drop(first);
        assert_eq!(activity.longest().unwrap().0, "OpenCX GET /chat/sessions");
        drop(second);
        assert!(activity.longest().is_none());
    }
}
