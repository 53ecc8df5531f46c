//! Paces requests to a vendor from the rate-limit headers it sends, so the doctor waits a
//! little instead of collecting 429s. Three models cover the vendors:
//! - a leaky bucket (Gorgias: `X-Gorgias-Account-Api-Call-Limit: used/limit`, drained evenly
//!   over the window);
//! - a window that resets at a time the vendor names (Intercom: `X-RateLimit-Remaining` and
//!   `X-RateLimit-Reset`);
//! - a rolling limit, at most N requests in any interval (HubSpot's ten-second limit,
//!   `X-HubSpot-RateLimit-Max/Remaining/Interval-Milliseconds`; OpenCX's documented 100 a minute,
//!   counted locally because it sends no headers). The vendor counts a request no earlier than it
//!   is sent and no later than its answer arrives, so the doctor sends one only while fewer than
//!   N others are unanswered or were answered less than an interval before. Then no interval the
//!   vendor can count — sliding, or fixed from its first request — holds more than N (of the
//!   requests in any such interval, the last one sent saw all the others unanswered or answered
//!   within the interval), and no guess of when the vendor's interval began is needed.

use std::collections::VecDeque;
use std::time::Duration;

use std::sync::{Mutex, MutexGuard};

use tokio::sync::Notify;
use tokio::time::Instant;

/// What a response's headers (or the vendor's documentation) say about the budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// A leaky bucket currently holding `used` of `capacity`, draining over `window`.
    Bucket { used: u32, capacity: u32, window: Duration },
    /// `remaining` requests until the window resets after `reset_in`.
    Window { remaining: u32, limit: Option<u32>, reset_in: Duration },
    /// At most `limit` requests in any `interval`; `remaining` as the vendor counts them now.
    /// A header left out keeps what the doctor already knew.
    Rolling { remaining: Option<u32>, limit: Option<u32>, interval: Option<Duration> },
}

/// The sane range of every number a rate-limit header may carry. A hostile or broken header
/// (`Max: 4294967295`, a reset in the year 584 billion) is clamped to it, so the pacer never
/// allocates a timestamp per claimed request nor adds an overflowing duration to an instant.
const MAX_LIMIT: u32 = 10_000;
const MIN_INTERVAL: Duration = Duration::from_millis(100);
const MAX_INTERVAL: Duration = Duration::from_secs(3600);

impl Budget {
    pub fn clamped(self) -> Budget {
        let interval = |d: Duration| d.clamp(MIN_INTERVAL, MAX_INTERVAL);
        match self {
            Budget::Bucket { used, capacity, window } => {
                let capacity = capacity.clamp(1, MAX_LIMIT);
                Budget::Bucket { used: used.min(capacity), capacity, window: interval(window) }
            }
            Budget::Window { remaining, limit, reset_in } => {
                let limit = limit.map(|l| l.clamp(1, MAX_LIMIT));
                Budget::Window {
                    remaining: remaining.min(limit.unwrap_or(MAX_LIMIT)),
                    limit,
                    reset_in: reset_in.min(MAX_INTERVAL),
                }
            }
            Budget::Rolling { remaining, limit, interval: span } => {
                let limit = limit.map(|l| l.clamp(1, MAX_LIMIT));
                Budget::Rolling {
                    remaining: remaining.map(|r| r.min(limit.unwrap_or(MAX_LIMIT))),
                    limit,
                    interval: span.map(interval),
                }
            }
        }
    }
}

/// A wait in seconds as a duration, whatever the arithmetic gave (never a panic).
fn secs(value: f64) -> Duration {
    if value.is_finite() && value > 0.0 {
        Duration::try_from_secs_f64(value).unwrap_or(MAX_INTERVAL).min(MAX_INTERVAL)
    } else {
        Duration::ZERO
    }
}

#[derive(Debug)]
enum State {
    Unknown,
    Bucket {
        level: f64,
        capacity: f64,
        drain_per_sec: f64,
        at: Instant,
        /// The least leak rate a `Retry-After` or the answers' counts proved (0 until one did).
        proved: f64,
        /// The first count the vendor sent (when, how full, the capacity, and how many of our
        /// requests were then still unanswered — the count may hold them already) and the
        /// answers counted since: the leak the run has seen is measured from them.
        first: Option<(Instant, f64, f64, f64)>,
        answers: f64,
        /// Requests reserved and answered over the run.
        reserved: f64,
        answered: f64,
    },
    Window {
        remaining: i64,
        limit: Option<i64>,
        reset_at: Instant,
        window: Duration,
        started: bool,
    },
    /// `answered`: when the answers of the doctor's requests arrived, and when the vendor's counts
    /// revealed requests of other clients, oldest first (each was counted by then).
    /// `unanswered`: the slots reserved and not yet answered, with their starts (a request
    /// never goes before one reserved ahead of it). `blind`: the vendor has sent no count yet
    /// (OpenCX never does).
    Rolling {
        limit: u32,
        interval: Duration,
        answered: VecDeque<Instant>,
        unanswered: Vec<(u64, Instant)>,
        next: u64,
        blind: bool,
    },
}

impl State {
    fn rolling(limit: Option<u32>, interval: Option<Duration>, blind: bool) -> State {
        State::Rolling {
            limit: limit.unwrap_or(ROLLING_LIMIT),
            interval: interval.unwrap_or(ROLLING_INTERVAL),
            answered: VecDeque::new(),
            unanswered: Vec::new(),
            next: 0,
            blind,
        }
    }
}

/// A reserved slot: how long to wait before sending. Dropping it says the request was answered
/// (or failed, or was never sent): under a rolling limit, the vendor counted it by then.
#[derive(Debug)]
pub struct Slot<'a> {
    pub wait: Duration,
    pacer: &'a Pacer,
    id: Option<u64>,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            self.pacer.answered(id);
        }
    }
}

#[derive(Debug)]
pub struct Pacer {
    state: Mutex<State>,
    /// Woken by every answer under a rolling limit (a request waiting for a place to free).
    answers: Notify,
}

/// Requests kept in hand below the vendor's limit, for other clients of the account: one of
/// theirs may land between the vendor's count and the doctor's next request. A vendor that
/// sends no count (OpenCX) leaves nothing to race: the doctor paces its own requests to the
/// documented limit exactly, and answers a 429 by its `Retry-After`.
const RESERVE: f64 = 1.0;

/// While every place is held by a request not yet answered, a waiting one looks again at least
/// this often (an answer wakes it sooner).
fn recheck(interval: Duration) -> Duration {
    (interval / 20).max(Duration::from_millis(10))
}

/// Defaults for a rolling limit whose first header left something out.
const ROLLING_LIMIT: u32 = 100;
const ROLLING_INTERVAL: Duration = Duration::from_secs(10);

impl Pacer {
    /// `initial`: the vendor's documented floor, used until its headers say otherwise, so the
    /// first burst of a run cannot overrun a limit the doctor has not heard yet.
    pub fn new(initial: Option<Budget>) -> Pacer {
        let now = Instant::now();
        let state = match initial.map(Budget::clamped) {
            None => State::Unknown,
            Some(Budget::Bucket { used, capacity, window }) => State::Bucket {
                level: f64::from(used),
                capacity: f64::from(capacity),
                drain_per_sec: f64::from(capacity) / window.as_secs_f64().max(0.001),
                at: now,
                proved: 0.0,
                first: None,
                answers: 0.0,
                reserved: 0.0,
                answered: 0.0,
            },
            Some(Budget::Window { remaining, limit, reset_in }) => State::Window {
                remaining: i64::from(remaining),
                limit: limit.map(i64::from),
                reset_at: now + reset_in,
                window: reset_in,
                started: false,
            },
            Some(Budget::Rolling { remaining, limit, interval }) => {
                let mut state = State::rolling(limit, interval, true);
                count_others(&mut state, remaining, now);
                state
            }
        };
        Pacer { state: Mutex::new(state), answers: Notify::new() }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How long to wait before the next request may go; reserves its slot. Under a rolling limit
    /// with every place held by a request not yet answered, this waits for an answer first.
    pub async fn reserve(&self) -> Slot<'_> {
        loop {
            let answer = self.answers.notified();
            let interval = match self.try_reserve() {
                Ok(slot) => return slot,
                Err(interval) => interval,
            };
            let _ = tokio::time::timeout(recheck(interval), answer).await;
        }
    }

    /// A slot, or (under a rolling limit whose places are all held unanswered) its interval.
    fn try_reserve(&self) -> Result<Slot<'_>, Duration> {
        let (wait, id) = take_slot(&mut self.state(), Instant::now())?;
        Ok(Slot { wait, pacer: self, id })
    }

    /// The request of slot `id` was answered (or failed, or never went) just now.
    fn answered(&self, id: u64) {
        let now = Instant::now();
        let mut state = self.state();
        if let State::Rolling { answered, unanswered, .. } = &mut *state {
            if let Some(i) = unanswered.iter().position(|(u, _)| *u == id) {
                unanswered.swap_remove(i);
                answered.push_back(now);
            }
        }
        drop(state);
        self.answers.notify_waiters();
    }

    /// A 429 said when to retry (`Retry-After`): that is the vendor's truth, and the model is made
    /// to agree with it — for a leaky bucket a slot frees after `retry_after`, and a leak of at
    /// least one request per `retry_after` is proved (the assumed window may be too long). The
    /// doctor's own estimate can then only wait longer where later headers prove it.
    pub async fn vendor_said(&self, retry_after: Duration) {
        let mut state = self.state();
        if let State::Bucket { level, capacity, drain_per_sec, at, proved, .. } = &mut *state {
            let r = retry_after.as_secs_f64().max(0.001);
            *proved = proved.max(1.0 / r);
            *drain_per_sec = drain_per_sec.max(*proved);
            let room = *capacity - RESERVE;
            *level = (room - 1.0 + r * *drain_per_sec).max(0.0);
            *at = Instant::now();
        }
    }

    /// Takes in what a response said about the budget.
    pub async fn update(&self, budget: Option<Budget>) {
        let Some(budget) = budget.map(Budget::clamped) else { return };
        let now = Instant::now();
        let mut state = self.state();
        match budget {
            Budget::Bucket { used, capacity, window } => {
                let assumed = f64::from(capacity) / window.as_secs_f64().max(0.001);
                let (used, capacity) = (f64::from(used), f64::from(capacity));
                // Requests of ours still in flight are not in `used` yet: keep the higher level;
                // a leak rate proved stays (the assumed window is only a floor).
                let (local, mut proved, first, answers, reserved, answered) = match &*state {
                    State::Bucket {
                        level, drain_per_sec: d, at, proved, first, answers, reserved, answered, ..
                    } => (
                        (level - now.duration_since(*at).as_secs_f64() * d).max(0.0),
                        *proved,
                        *first,
                        *answers,
                        *reserved,
                        *answered + 1.0,
                    ),
                    _ => (0.0, 0.0, None, 0.0, f64::INFINITY, 0.0),
                };
                // The leak the answers prove: since the first count, `answers` of our requests
                // were added — less those already unanswered then, which that count may hold —
                // and the bucket holds `used`, so at least `used₀ + answers − unanswered₀ − used`
                // leaked (one less for the vendor's rounding). Other clients' requests, ours not
                // yet counted and an empty bucket only make this smaller than the true rate: it
                // is a floor, never a guess.
                let (first, answers) = match first {
                    Some((t0, used0, cap0, unanswered0)) if cap0 == capacity => {
                        let answers = answers + 1.0;
                        let elapsed = now.duration_since(t0).as_secs_f64();
                        let leaked = used0 + answers - unanswered0 - used - 1.0;
                        if elapsed >= 1.0 && leaked > 0.0 {
                            proved = proved.max(leaked / elapsed);
                        }
                        (Some((t0, used0, cap0, unanswered0)), answers)
                    }
                    _ if reserved.is_finite() => (Some((now, used, capacity, (reserved - answered).max(0.0))), 0.0),
                    _ => (None, 0.0),
                };
                *state = State::Bucket {
                    // The server's count can round up and already includes this request: a
                    // level one below it is within the measurement; our reservations may be ahead.
                    level: (used - 1.0).max(local),
                    capacity,
                    drain_per_sec: assumed.max(proved),
                    at: now,
                    proved,
                    first,
                    answers,
                    reserved: if reserved.is_finite() { reserved } else { 0.0 },
                    answered,
                };
            }
            Budget::Window { remaining, limit, reset_in } => {
                let remaining = i64::from(remaining);
                *state = match &*state {
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
                };
            }
            Budget::Rolling { remaining, limit: new_limit, interval: new_interval } => {
                if let State::Rolling { limit, interval, blind, .. } = &mut *state {
                    *limit = new_limit.unwrap_or(*limit);
                    *interval = new_interval.unwrap_or(*interval);
                    *blind &= remaining.is_none();
                } else {
                    *state = State::rolling(new_limit, new_interval, remaining.is_none());
                }
                count_others(&mut state, remaining, now);
            }
        }
    }
}

/// How long the next request must wait under each model, reserving its slot; under a rolling
/// limit also the slot's id (its answer frees the place), or `Err(interval)` when every place is
/// held by a request not yet answered.
fn take_slot(state: &mut State, now: Instant) -> Result<(Duration, Option<u64>), Duration> {
    let wait = match state {
        State::Unknown => Duration::ZERO,
        State::Bucket { level, capacity, drain_per_sec, at, reserved, .. } => {
            *reserved += 1.0;
            let drained = (*level - now.duration_since(*at).as_secs_f64() * *drain_per_sec).max(0.0);
            let room = *capacity - RESERVE;
            let mut wait = Duration::ZERO;
            if drained + 1.0 > room && *drain_per_sec > 0.0 {
                wait = secs((drained + 1.0 - room) / *drain_per_sec);
            }
            *level = drained + 1.0;
            *at = now;
            wait
        }
        State::Window { remaining, limit, reset_at, window, started } => {
            let window_len = (*window).max(Duration::from_millis(1));
            let mut wait = Duration::ZERO;
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
                // The vendor's clock may run a little behind ours: a twentieth of a window more.
                wait = (*reset_at - window_len) - now + window_len / 20;
            } else if opens_at > now {
                wait = opens_at - now + window_len / 20;
            }
            *remaining -= 1;
            wait
        }
        State::Rolling { limit, interval, answered, unanswered, next, blind } => {
            let interval = *interval;
            while answered.front().is_some_and(|t| now.saturating_duration_since(*t) >= interval) {
                answered.pop_front();
            }
            let in_hand = if *blind { 0.0 } else { RESERVE };
            let per = (f64::from(*limit) - in_hand).max(1.0) as usize;
            // At most `per − 1` others may be unanswered or answered within the interval when
            // this one goes: the answers beyond those must have left it.
            let room = (per - 1).checked_sub(unanswered.len()).ok_or(interval)?;
            let start = match answered.len().checked_sub(room + 1) {
                Some(i) => (answered[i] + interval).max(now),
                None => now,
            };
            let start = unanswered.iter().map(|(_, s)| *s).fold(start, Instant::max);
            let id = *next;
            *next += 1;
            unanswered.push((id, start));
            return Ok((start - now, Some(id)));
        }
    };
    Ok((wait, None))
}

/// When the vendor counts more requests in the interval than the doctor sent, other clients of
/// the account made the difference: they count as sent now, so the doctor leaves them room.
fn count_others(state: &mut State, remaining: Option<u32>, now: Instant) {
    let (Some(remaining), State::Rolling { limit, interval, answered, unanswered, .. }) = (remaining, state) else {
        return;
    };
    let counted = limit.saturating_sub(remaining) as usize;
    let sent = unanswered.iter().filter(|(_, start)| *start <= now).count();
    let ours = sent + answered.iter().filter(|t| now.saturating_duration_since(**t) < *interval).count();
    for _ in ours..counted {
        answered.push_back(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn a_full_bucket_makes_the_next_request_wait_for_one_drain() {
        let pacer = Pacer::new(None);
        assert_eq!(pacer.reserve().await.wait, Duration::ZERO);
        pacer.update(Some(Budget::Bucket { used: 40, capacity: 40, window: Duration::from_secs(20) })).await;
        let wait = pacer.reserve().await.wait;
        // The server said 40 of 40 (counting this request, rounded up): the level is taken as
        // 39; with one request in reserve the next must wait for one drain, 0.5 s.
        assert!(wait >= Duration::from_millis(450) && wait <= Duration::from_millis(550), "{wait:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_retry_after_is_the_truth_and_proves_a_leak_rate_the_assumed_window_does_not() {
        let pacer = Pacer::new(None);
        // A 5-slot bucket read with the assumed 20 s window: one slot per 4 s.
        pacer.update(Some(Budget::Bucket { used: 5, capacity: 5, window: Duration::from_secs(20) })).await;
        pacer.vendor_said(Duration::from_secs(1)).await;
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(pacer.reserve().await.wait, Duration::ZERO, "the retry goes when the vendor said");
        let next = pacer.reserve().await.wait;
        assert!(next <= Duration::from_millis(1050), "one slot a second is proved, not one per 4 s: {next:?}");
        // A later header with the assumed window does not undo what the 429 proved.
        pacer.update(Some(Budget::Bucket { used: 5, capacity: 5, window: Duration::from_secs(20) })).await;
        let after = pacer.reserve().await.wait;
        assert!(after <= Duration::from_millis(2100), "{after:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn the_leak_rate_is_learned_from_the_counts_and_the_assumed_window_is_only_a_floor() {
        // The doctor assumes a 40-slot bucket drained over 60 s (0.67 a second); the vendor
        // drains 2 a second. Twenty answers over 5 s: the bucket went from 30 to 40, not 50.
        let floor = Budget::Bucket { used: 0, capacity: 40, window: Duration::from_secs(60) };
        let pacer = Pacer::new(Some(floor));
        let (mut used, true_rate) = (30.0_f64, 2.0);
        pacer.reserve().await;
        pacer.update(Some(Budget::Bucket { used: used as u32, capacity: 40, window: Duration::from_secs(60) })).await;
        for _ in 0..20 {
            pacer.reserve().await;
            tokio::time::advance(Duration::from_millis(250)).await;
            used = (used + 1.0 - true_rate * 0.25).max(0.0);
            pacer
                .update(Some(Budget::Bucket {
                    used: used.round() as u32,
                    capacity: 40,
                    window: Duration::from_secs(60),
                }))
                .await;
        }
        let learned = match &*pacer.state() {
            State::Bucket { drain_per_sec, .. } => *drain_per_sec,
            other => panic!("{other:?}"),
        };
        assert!(learned > 1.5 && learned <= true_rate, "learned {learned}/s, true {true_rate}/s");
        // A vendor that leaks slower than the floor keeps the floor (the setting's minimum).
        let pacer = Pacer::new(Some(floor));
        for i in 0..10 {
            pacer.reserve().await;
            pacer.update(Some(Budget::Bucket { used: 10 + i, capacity: 40, window: Duration::from_secs(60) })).await;
            tokio::time::advance(Duration::from_millis(500)).await;
        }
        let kept = match &*pacer.state() {
            State::Bucket { drain_per_sec, .. } => *drain_per_sec,
            other => panic!("{other:?}"),
        };
        assert!((kept - 40.0 / 60.0).abs() < 1e-9, "{kept}");
        // Requests in flight when the first count came may be in it already: their answers do
        // not count as leak. Ten sent at once, the count says 10 with each answer, nothing leaks.
        let pacer = Pacer::new(Some(floor));
        for _ in 0..10 {
            pacer.reserve().await;
        }
        for _ in 0..10 {
            tokio::time::advance(Duration::from_millis(200)).await;
            pacer.update(Some(Budget::Bucket { used: 10, capacity: 40, window: Duration::from_secs(60) })).await;
        }
        let burst = match &*pacer.state() {
            State::Bucket { drain_per_sec, .. } => *drain_per_sec,
            other => panic!("{other:?}"),
        };
        assert!((burst - 40.0 / 60.0).abs() < 1e-9, "a burst's answers are no leak: {burst}");
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_window_waits_for_its_reset() {
        let pacer = Pacer::new(None);
        pacer.update(Some(Budget::Window { remaining: 0, limit: Some(100), reset_in: Duration::from_secs(3) })).await;
        let wait = pacer.reserve().await.wait;
        // The reset, plus a twentieth of the window for the vendor's clock starting later.
        assert_eq!(wait, Duration::from_secs(3) + Duration::from_secs(3) / 20);
        // A request reserved at the same moment falls in that next window too: it waits as long
        // (sending it now would overrun the window still open at the vendor).
        assert_eq!(pacer.reserve().await.wait, Duration::from_secs(3) + Duration::from_secs(3) / 20);
    }

    fn rolling(limit: u32, secs: u64) -> Pacer {
        Pacer::new(Some(Budget::Rolling {
            remaining: None,
            limit: Some(limit),
            interval: Some(Duration::from_secs(secs)),
        }))
    }

    #[tokio::test(start_paused = true)]
    async fn a_rolling_limit_spaces_requests_over_the_interval() {
        // OpenCX's documented 100 a minute, counted locally (OpenCX sends no count, so none is
        // kept in hand): 100 go at once; answered after 100 ms, they were counted by then, and the
        // 101st goes a minute after the first answer.
        let pacer = rolling(100, 60);
        let mut slots = Vec::new();
        for _ in 0..100 {
            let slot = pacer.reserve().await;
            assert_eq!(slot.wait, Duration::ZERO);
            slots.push(slot);
        }
        tokio::time::advance(Duration::from_millis(100)).await;
        drop(slots);
        assert_eq!(pacer.reserve().await.wait, Duration::from_secs(60));
    }

    #[tokio::test(start_paused = true)]
    async fn while_every_place_is_held_unanswered_the_next_request_waits_for_an_answer() {
        let pacer = Arc::new(rolling(2, 1));
        let (first, second) = (pacer.reserve().await, pacer.reserve().await);
        let waiting = {
            let pacer = pacer.clone();
            tokio::spawn(async move {
                let started = Instant::now();
                let wait = pacer.reserve().await.wait;
                started.elapsed() + wait
            })
        };
        // However long the two take (a slow vendor), the third is not sent before one of them
        // is answered, and then an interval after that answer.
        tokio::time::sleep(Duration::from_secs(5)).await;
        drop(first);
        assert_eq!(waiting.await.unwrap(), Duration::from_secs(6));
        drop(second);
    }

    /// Sends `n` requests as the pacer allows, `gap` apart when it allows more (each answered at
    /// once), and returns the times they went, from the start.
    async fn send_all(pacer: &Pacer, n: usize, gap: Duration) -> Vec<Duration> {
        let start = Instant::now();
        let mut times = Vec::new();
        for _ in 0..n {
            let slot = pacer.reserve().await;
            tokio::time::sleep(slot.wait).await;
            times.push(start.elapsed());
            drop(slot);
            tokio::time::sleep(gap).await;
        }
        times
    }

    #[tokio::test(start_paused = true)]
    async fn no_interval_ever_holds_more_requests_than_the_limit() {
        for gap_ms in [0, 7, 130, 333, 1_000] {
            let pacer = rolling(5, 1);
            let times = send_all(&pacer, 23, Duration::from_millis(gap_ms)).await;
            // Whatever interval the vendor counts (sliding, or fixed from its first request),
            // any second holds at most the 5 the limit allows.
            for (i, t) in times.iter().enumerate() {
                let within = times[i..].iter().take_while(|u| **u - *t < Duration::from_secs(1)).count();
                assert!(within <= 5, "gap {gap_ms} ms: {within} requests within 1 s from {t:?}: {times:?}");
            }
        }
        // And it is no slower than it must be: 12 requests at once, answered at once, take two
        // intervals.
        let times = send_all(&rolling(5, 1), 12, Duration::ZERO).await;
        assert_eq!(times.last(), Some(&Duration::from_secs(2)));
    }

    /// `tasks` concurrent senders of `each` requests, each answered after its own latency (up to
    /// `slowest` ms) and counted by the vendor at some moment between sending and answer: returns
    /// the moments counted, in order.
    async fn vendor_counts(pacer: Arc<Pacer>, tasks: usize, each: usize, slowest: u64, seed: u64) -> Vec<Instant> {
        let counted = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut handles = Vec::new();
        for task in 0..tasks {
            let (pacer, counted) = (pacer.clone(), counted.clone());
            handles.push(tokio::spawn(async move {
                // A small deterministic generator: latencies 10 ms to `slowest`, counted anywhere in them.
                let mut x = seed ^ (task as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let mut next = move || {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x
                };
                for _ in 0..each {
                    let slot = pacer.reserve().await;
                    tokio::time::sleep(slot.wait).await;
                    let latency = Duration::from_millis(10 + next() % (slowest - 10));
                    let at = latency.mul_f64((next() % 1_000) as f64 / 1_000.0);
                    tokio::time::sleep(at).await;
                    counted.lock().unwrap().push(Instant::now());
                    tokio::time::sleep(latency - at).await;
                    drop(slot);
                }
            }));
        }
        for handle in handles {
            handle.await.unwrap();
        }
        let mut counted = counted.lock().unwrap().clone();
        counted.sort();
        counted
    }

    #[tokio::test(start_paused = true)]
    async fn the_vendor_never_counts_more_than_the_limit_in_any_interval_whatever_the_latency() {
        for (slowest, seed) in [(2_500, 1), (2_500, 7), (150, 42), (900, 1_000), (4_000, 65_537)] {
            let pacer = Arc::new(rolling(10, 2));
            let counted = vendor_counts(pacer, 12, 10, slowest, seed).await;
            for (i, t) in counted.iter().enumerate() {
                let within = counted[i..].iter().take_while(|u| u.duration_since(*t) < Duration::from_secs(2)).count();
                assert!(within <= 10, "seed {seed}: {within} counted within 2 s from the {i}th");
            }
            // Each of the 10 places turns over at most an interval after its answer: 12 turns.
            let span = counted.last().unwrap().duration_since(counted[0]);
            let bound = Duration::from_millis(12 * (2_000 + slowest));
            assert!(span <= bound, "seed {seed}: {span:?} > {bound:?}");
        }
        // At a latency far below the interval (up to 150 ms against 2 s) that is the limit's
        // speed: 120 requests, 10 per 2 s, take 11 intervals plus the answers' delays.
        let counted = vendor_counts(Arc::new(rolling(10, 2)), 12, 10, 150, 3).await;
        let span = counted.last().unwrap().duration_since(counted[0]);
        assert!(span >= Duration::from_secs(22) - Duration::from_millis(150), "{span:?}");
        assert!(span <= Duration::from_secs(22) + Duration::from_millis(11 * 150 + 150), "{span:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn requests_of_other_clients_in_the_headers_leave_them_room() {
        let pacer = rolling(5, 1);
        let ours = pacer.reserve().await;
        assert_eq!(ours.wait, Duration::ZERO);
        // HubSpot counted 4 in its interval, one of them ours: three came from elsewhere.
        pacer.update(Some(Budget::Rolling { remaining: Some(1), limit: Some(5), interval: None })).await;
        // Theirs were counted by now: the interval after them, with one now kept in hand.
        assert_eq!(pacer.reserve().await.wait, Duration::from_secs(1));
        drop(ours);
    }

    #[tokio::test(start_paused = true)]
    async fn our_own_requests_in_flight_are_not_counted_twice() {
        let pacer = rolling(5, 1);
        let mut slots = Vec::new();
        for _ in 0..3 {
            slots.push(pacer.reserve().await);
        }
        // The first answer counts only the first request; the other two are still on their way.
        pacer.update(Some(Budget::Rolling { remaining: Some(4), limit: Some(5), interval: None })).await;
        slots.remove(0);
        // Four places now (one kept in hand): two unanswered, one answered, one free.
        let fourth = pacer.reserve().await;
        assert_eq!(fourth.wait, Duration::ZERO);
        tokio::time::advance(Duration::from_millis(300)).await;
        // Full: the next goes an interval after the answer that frees a place.
        assert_eq!(pacer.reserve().await.wait, Duration::from_millis(700));
        drop((slots, fourth));
    }

    #[tokio::test(start_paused = true)]
    async fn the_headers_can_raise_the_documented_floor() {
        let pacer = rolling(5, 1);
        pacer.update(Some(Budget::Rolling { remaining: Some(189), limit: Some(190), interval: None })).await;
        let mut slots = Vec::new();
        for _ in 0..20 {
            let slot = pacer.reserve().await;
            assert_eq!(slot.wait, Duration::ZERO);
            slots.push(slot);
        }
    }
}
