//! When a watch polls: never faster than its share of each vendor's documented limit allows for
//! the requests one poll makes, and backing off while nothing changes. Pure arithmetic, so a
//! ten-minute watch is checked on a simulated clock.

use std::time::Duration;

use crate::integration::Integration;

/// The share of a vendor's limit a watch may use: the integration itself needs the rest.
pub const SHARE: f64 = 0.5;
/// The slowest poll, once nothing has changed for a while.
pub const MAX_INTERVAL: Duration = Duration::from_secs(30);
/// The fastest poll, whatever the budget.
pub const MIN_INTERVAL: Duration = Duration::from_secs(2);

/// The documented limit: requests per window (gorgias-api.md, intercom-api.md, hubspot-api.md,
/// opencx-api.md).
pub fn limit(vendor: Integration) -> (u32, Duration) {
    match vendor {
        Integration::Gorgias => (40, Duration::from_secs(20)),
        Integration::Intercom => (166, Duration::from_secs(10)),
        Integration::Hubspot => (100, Duration::from_secs(10)),
        Integration::Opencx => (100, Duration::from_secs(60)),
    }
}

/// The most requests one poll makes to each vendor: the object (or the listing and the newest
/// candidate when no id was given), and — once the message is known — the session lookup (its
/// windows and the history).
pub fn per_poll(integration: Integration, object_known: bool, message_known: bool) -> Vec<(Integration, u32)> {
    let helpdesk = if object_known { 1 } else { 2 };
    let mut costs = vec![(integration, helpdesk)];
    if message_known {
        costs.push((Integration::Opencx, 4));
    }
    costs
}

/// The shortest interval that keeps every vendor within its share.
pub fn floor(costs: &[(Integration, u32)]) -> Duration {
    let mut floor = MIN_INTERVAL;
    for (vendor, cost) in costs {
        let (limit, window) = limit(*vendor);
        let secs = f64::from(*cost) * window.as_secs_f64() / (f64::from(limit) * SHARE);
        floor = floor.max(Duration::from_secs_f64(secs));
    }
    floor
}

/// The interval, backing off by half again each poll that saw nothing new.
#[derive(Clone, Debug)]
pub struct Backoff {
    current: Duration,
}

impl Backoff {
    pub fn new(floor: Duration) -> Backoff {
        Backoff { current: floor }
    }

    pub fn next(&mut self, changed: bool, floor: Duration) -> Duration {
        self.current = if changed { floor } else { self.current.mul_f64(1.5).min(MAX_INTERVAL) };
        self.current = self.current.max(floor);
        self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten simulated minutes of polling, at the worst (every poll costs the most, and something
    /// changes every time so the interval never backs off): no vendor gets more requests in any
    /// of its windows than its limit.
    #[test]
    fn a_ten_minute_watch_never_exceeds_a_vendors_limit() {
        for integration in Integration::HELPDESKS {
            for (object_known, always_changing) in [(false, true), (true, true), (false, false)] {
                let costs = per_poll(integration, object_known, object_known);
                let floor = floor(&costs);
                let mut backoff = Backoff::new(floor);
                let mut now = Duration::ZERO;
                let mut polls = Vec::new();
                while now < Duration::from_secs(600) {
                    polls.push(now);
                    now += backoff.next(always_changing, floor);
                }
                for (vendor, cost) in &costs {
                    let (limit, window) = limit(*vendor);
                    let worst = polls
                        .iter()
                        .map(|start| {
                            polls.iter().filter(|t| **t >= *start && **t < *start + window).count() as u32 * cost
                        })
                        .max()
                        .unwrap_or(0);
                    assert!(
                        worst <= limit,
                        "{integration:?} → {vendor:?}: {worst} requests in {window:?} (limit {limit})"
                    );
                }
                assert!(polls.len() >= 10, "{integration:?}: still polls ({} polls)", polls.len());
            }
        }
    }

    #[test]
    fn the_interval_backs_off_while_nothing_changes_and_resets_when_something_does() {
        let floor = Duration::from_secs(2);
        let mut b = Backoff::new(floor);
        let slow: Vec<Duration> = (0..12).map(|_| b.next(false, floor)).collect();
        assert!(slow.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*slow.last().unwrap(), MAX_INTERVAL);
        assert_eq!(b.next(true, floor), floor);
    }
}
