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
    /// Requests sent (each attempt), for a sweep's progress line.
    sent: AtomicU64,
    /// Requests held back by a vendor's rate limit: the vendor and when the wait ends.
    pacing: Mutex<Vec<(u64, &'static str, Instant)>>,
}

/// Ends its rate-limit wait's entry when dropped.
pub struct Paced<'a> {
    activity: &'a Activity,
    id: u64,
}

impl Drop for Paced<'_> {
    fn drop(&mut self) {
        let mut list = self.activity.pacing.lock().unwrap_or_else(|p| p.into_inner());
        list.retain(|(id, _, _)| *id != self.id);
    }
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

    /// One more request sent.
    pub fn sent(&self) {
        self.sent.fetch_add(1, Ordering::Relaxed);
    }

    pub fn sent_count(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// A request of `vendor` waits `wait` for the vendor's rate limit.
    pub fn paced(&self, vendor: &'static str, wait: Duration) -> Paced<'_> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.pacing.lock().unwrap_or_else(|p| p.into_inner()).push((id, vendor, Instant::now() + wait));
        Paced { activity: self, id }
    }

    /// The longest rate-limit wait in progress: the vendor and the time left.
    pub fn rate_limit_wait(&self) -> Option<(&'static str, Duration)> {
        let list = self.pacing.lock().unwrap_or_else(|p| p.into_inner());
        list.iter()
            .max_by_key(|(_, _, until)| *until)
            .map(|(_, v, until)| (*v, until.saturating_duration_since(Instant::now())))
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

    #[test]
    fn a_rate_limit_wait_is_told_until_it_ends() {
        let activity = Activity::default();
        assert!(activity.rate_limit_wait().is_none());
        let short = activity.paced("Gorgias", Duration::from_secs(2));
        let long = activity.paced("OpenCX", Duration::from_secs(30));
        let (vendor, left) = activity.rate_limit_wait().unwrap();
        assert_eq!(vendor, "OpenCX");
        assert!(left > Duration::from_secs(25));
        drop(long);
        assert_eq!(activity.rate_limit_wait().unwrap().0, "Gorgias");
        drop(short);
        assert!(activity.rate_limit_wait().is_none());
        activity.sent();
        activity.sent();
        assert_eq!(activity.sent_count(), 2);
    }
}
