//! Paces requests to a vendor from the rate-limit headers it sends, so the doctor waits a
//! little instead of collecting 429s. Two models cover the vendors:
//! - a leaky bucket (Gorgias: `X-Gorgias-Account-Api-Call-Limit: used/limit`, drained evenly
//!   over the window), and
//! - a fixed window (Intercom `X-RateLimit-Remaining/Reset`, HubSpot
//!   `X-HubSpot-RateLimit-Remaining/Interval-Milliseconds`, and OpenCX's documented
//!   100 requests a minute, counted locally because it sends no headers).

use std::collections::VecDeque;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// What a response's headers say about the budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// A leaky bucket currently holding `used` of `capacity`, draining over `window`.
    Bucket { used: u32, capacity: u32, window: Duration },
    /// `remaining` requests until the window resets after `reset_in`.
    Window { remaining: u32, limit: Option<u32>, reset_in: Duration },
}

#[derive(Debug)]
enum State {
    Unknown,
    Bucket { level: f64, capacity: f64, drain_per_sec: f64, at: Instant },
    Window { remaining: i64, limit: Option<i64>, reset_at: Instant, window: Duration, started: bool },
}

#[derive(Debug)]
pub struct Pacer {
    state: Mutex<State>,
    /// Client-side cap for vendors that send no headers: `(requests, per window)`.
    local: Option<(usize, Duration)>,
    sent: Mutex<VecDeque<Instant>>,
}

/// Requests kept in hand below the vendor's limit, for other integrations sharing the budget.
const RESERVE: f64 = 1.0;

impl Pacer {
    /// `initial`: the vendor's documented floor, used until its headers say otherwise, so the
    /// first burst of a run cannot overrun a limit the doctor has not heard yet.
    pub fn new(local: Option<(usize, Duration)>, initial: Option<Budget>) -> Pacer {
        let now = Instant::now();
        let state = match initial {
            None => State::Unknown,
            Some(Budget::Bucket { used, capacity, window }) => State::Bucket {
                level: f64::from(used),
                capacity: f64::from(capacity),
                drain_per_sec: f64::from(capacity) / window.as_secs_f64().max(0.001),
                at: now,
            },
            Some(Budget::Window { remaining, limit, reset_in }) => State::Window {
                remaining: i64::from(remaining),
                limit: limit.map(i64::from),
                reset_at: now + reset_in,
                window: reset_in,
                started: false,
            },
        };
        Pacer { state: Mutex::new(state), local, sent: Mutex::new(VecDeque::new()) }
    }

    /// How long to wait before the next request may go; reserves its slot.
    pub async fn reserve(&self) -> Duration {
        let now = Instant::now();
        let mut wait = Duration::ZERO;
        {
            let mut state = self.state.lock().await;
            match &mut *state {
                State::Unknown => {}
                State::Bucket { level, capacity, drain_per_sec, at } => {
                    let drained = (*level - now.duration_since(*at).as_secs_f64() * *drain_per_sec).max(0.0);
                    let room = *capacity - RESERVE;
                    if drained + 1.0 > room && *drain_per_sec > 0.0 {
                        wait = Duration::from_secs_f64((drained + 1.0 - room) / *drain_per_sec);
                    }
                    *level = drained + 1.0;
                    *at = now;
                }
                State::Window { remaining, limit, reset_at, window, started } => {
                    let window_len = (*window).max(Duration::from_millis(1));
                    if !*started {
                        // The window is counted from the first request actually sent.
                        *started = true;
                        *reset_at = now + window_len;
                    }
                    // The window being filled opens one length before `reset_at`: when earlier
                    // reservations already moved on to a later window, this one waits for it too.
                    let opens_at = *reset_at - window_len;
                    if *reset_at <= now {
                        // That window has passed: count a fresh one from now on.
                        *remaining = limit.unwrap_or(1).max(1);
                        while *reset_at <= now {
                            *reset_at += window_len;
                        }
                    } else if *remaining <= 0 {
                        // Full: take a slot in the next window.
                        *remaining = limit.unwrap_or(1).max(1);
                        *reset_at += window_len;
                        // The vendor's window began when it saw our first request, a little after
                        // ours: wait a twentieth of a window longer than our own count says.
                        wait = (*reset_at - window_len) - now + window_len / 20;
                    } else if opens_at > now {
                        wait = opens_at - now + window_len / 20;
                    }
                    *remaining -= 1;
                }
            }
        }
        if let Some((per, window)) = self.local {
            let mut sent = self.sent.lock().await;
            let start = now + wait;
            while sent.front().is_some_and(|t| start.duration_since(*t) >= window) {
                sent.pop_front();
            }
            if sent.len() >= per {
                let free_at = sent[sent.len() - per] + window;
                wait = wait.max(free_at.saturating_duration_since(now));
            }
            sent.push_back(now + wait);
        }
        wait
    }

    /// Takes in what a response said about the budget.
    pub async fn update(&self, budget: Option<Budget>) {
        let Some(budget) = budget else { return };
        let now = Instant::now();
        let mut state = self.state.lock().await;
        *state = match budget {
            Budget::Bucket { used, capacity, window } => {
                let drain_per_sec = f64::from(capacity) / window.as_secs_f64().max(0.001);
                // Requests of ours still in flight are not in `used` yet: keep the higher level.
                let local = match &*state {
                    State::Bucket { level, drain_per_sec: d, at, .. } => {
                        (level - now.duration_since(*at).as_secs_f64() * d).max(0.0)
                    }
                    _ => 0.0,
                };
                State::Bucket {
                    // The server's count can round up and already includes this request: a
                    // level one below it is within the measurement; our reservations may be ahead.
                    level: (f64::from(used) - 1.0).max(local),
                    capacity: f64::from(capacity),
                    drain_per_sec,
                    at: now,
                }
            }
            Budget::Window { remaining, limit, reset_in } => {
                let remaining = i64::from(remaining);
                match &*state {
                    // Our own reservations may be ahead of the header: keep the lower count and
                    // the window already tracked.
                    State::Window { remaining: r, reset_at, window, started, .. } if *reset_at > now => State::Window {
                        remaining: remaining.min(*r),
                        limit: limit.map(i64::from),
                        reset_at: *reset_at,
                        window: *window,
                        started: *started,
                    },
                    _ => State::Window {
                        remaining,
                        limit: limit.map(i64::from),
                        reset_at: now + reset_in,
                        window: reset_in,
                        started: true,
                    },
                }
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_full_bucket_makes_the_next_request_wait_for_one_drain() {
        let pacer = Pacer::new(None, None);
        assert_eq!(pacer.reserve().await, Duration::ZERO);
        pacer.update(Some(Budget::Bucket { used: 40, capacity: 40, window: Duration::from_secs(20) })).await;
        let wait = pacer.reserve().await;
        // The server said 40 of 40 (counting this request, rounded up): the level is taken as
        // 39; with one request in reserve the next must wait for one drain, 0.5 s.
        assert!(wait >= Duration::from_millis(450) && wait <= Duration::from_millis(550), "{wait:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_window_waits_for_its_reset() {
        let pacer = Pacer::new(None, None);
        pacer.update(Some(Budget::Window { remaining: 0, limit: Some(100), reset_in: Duration::from_secs(3) })).await;
        let wait = pacer.reserve().await;
        // The reset, plus a twentieth of the window for the vendor's clock starting later.
        assert_eq!(wait, Duration::from_secs(3) + Duration::from_secs(3) / 20);
        // A request reserved at the same moment falls in that next window too: it waits as long
        // (sending it now would overrun the window still open at the vendor).
        assert_eq!(pacer.reserve().await, Duration::from_secs(3) + Duration::from_secs(3) / 20);
    }

    #[tokio::test(start_paused = true)]
    async fn the_local_cap_spaces_requests_over_the_window() {
        let pacer = Pacer::new(Some((2, Duration::from_secs(60))), None);
        assert_eq!(pacer.reserve().await, Duration::ZERO);
        assert_eq!(pacer.reserve().await, Duration::ZERO);
        assert_eq!(pacer.reserve().await, Duration::from_secs(60));
    }
}
