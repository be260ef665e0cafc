//! `GALLEY_TIMING=1`: the time each rule (and the shared passes before the
//! rules) took over a run, summed over files and threads, as ESLint's
//! `TIMING=1` prints it. For finding what a rule costs before changing it;
//! without the variable nothing is measured beyond one cached flag test.
//! Time is the thread's CPU time where the platform gives it (so a busy
//! machine does not bill a rule for the time it waited), else wall time.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

static TIMES: OnceLock<Option<Mutex<HashMap<String, Duration>>>> = OnceLock::new();

fn times() -> Option<&'static Mutex<HashMap<String, Duration>>> {
    TIMES
        .get_or_init(|| {
            std::env::var_os("GALLEY_TIMING")
                .filter(|v| !v.is_empty() && v != "0")
                .map(|_| Mutex::new(HashMap::new()))
        })
        .as_ref()
}

/// Whether timing is on for this run.
pub fn enabled() -> bool {
    times().is_some()
}

/// A clock started by [`start`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    at: Duration,
    /// `NESTED` when the clock started.
    nested: Duration,
}

thread_local! {
    /// The time of every timed step this thread has finished, each counted
    /// once at its outermost level: a shared pass run lazily inside a rule
    /// (the lexicon scan, the capitalised words) is billed to itself, and
    /// the rule that happened to ask first is billed the rest.
    static NESTED: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
}

/// A clock started only when timing is on.
pub(crate) fn start() -> Option<Clock> {
    times().map(|_| Clock {
        at: now(),
        nested: NESTED.with(|n| n.get()),
    })
}

#[cfg(unix)]
fn now() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

#[cfg(not(unix))]
fn now() -> Duration {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Adds the time since `started` to `what`, less the steps timed inside it.
pub(crate) fn record(what: &str, started: Option<Clock>) {
    let (Some(t), Some(started)) = (times(), started) else {
        return;
    };
    let gross = now().saturating_sub(started.at);
    let inner = NESTED.with(|n| {
        let inner = n.get().saturating_sub(started.nested);
        n.set(started.nested + gross);
        inner
    });
    let spent = gross.saturating_sub(inner);
    if let Ok(mut map) = t.lock() {
        *map.entry(what.to_owned()).or_default() += spent;
    }
}

/// Every timed step with its total, slowest first.
pub fn report() -> Vec<(String, Duration)> {
    let Some(t) = times() else {
        return Vec::new();
    };
    let mut rows: Vec<_> = t
        .lock()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
        .unwrap_or_default();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}
