//! Parallel checking with output in path order: workers take files in index
//! order through a [`Gate`] that keeps them at most a window ahead of the
//! writing, and finished files are put back in order with a [`Reorder`]
//! buffer and written by whichever worker completes the next one. A run then holds at most a window of files' findings,
//! whatever its length, and writes each file as soon as every earlier one is done.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, PoisonError};

/// Results that arrive in any order, given back in index order.
#[derive(Debug)]
pub struct Reorder<T> {
    next: usize,
    waiting: BTreeMap<usize, T>,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Reorder {
            next: 0,
            waiting: BTreeMap::new(),
        }
    }
}

impl<T> Reorder<T> {
    /// Holds `item`, the result for `index`; each index comes once.
    pub fn push(&mut self, index: usize, item: T) {
        self.waiting.insert(index, item);
    }

    /// The next result in index order, if it has arrived.
    pub fn pop(&mut self) -> Option<T> {
        let item = self.waiting.remove(&self.next)?;
        self.next += 1;
        Some(item)
    }

    /// How many results wait for an earlier one.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.waiting.len()
    }
}

/// Hands out indices `0..len` in order, never one at or past
/// `written + window`: a slow file holds the workers back instead of
/// letting the finished files behind it pile up.
#[derive(Debug)]
pub struct Gate {
    len: usize,
    window: usize,
    state: Mutex<GateState>,
    moved: Condvar,
}

#[derive(Debug)]
struct GateState {
    handed: usize,
    written: usize,
    stopped: bool,
    /// Workers waiting for the writer: without any, a write wakes no one
    /// (a system call per file saved).
    waiting: usize,
}

impl Gate {
    pub fn new(len: usize, window: usize) -> Gate {
        Gate {
            len,
            window: window.max(1),
            state: Mutex::new(GateState {
                handed: 0,
                written: 0,
                stopped: false,
                waiting: 0,
            }),
            moved: Condvar::new(),
        }
    }

    /// The next index to check, waiting while it would be a window past the
    /// writer; `None` when all are handed out or the run stopped.
    pub fn next(&self) -> Option<usize> {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if s.stopped || s.handed >= self.len {
                return None;
            }
            if s.handed < s.written + self.window {
                s.handed += 1;
                return Some(s.handed - 1);
            }
            s.waiting += 1;
            s = self.moved.wait(s).unwrap_or_else(PoisonError::into_inner);
            s.waiting -= 1;
        }
    }

    /// The writer is done with `written` files: that many more may be handed out.
    pub fn written(&self, written: usize) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.written = written;
        if s.waiting > 0 {
            self.moved.notify_all();
        }
    }

    /// No more indices: the writer is gone (it failed), workers finish.
    pub fn stop(&self) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.stopped = true;
        self.moved.notify_all();
    }
}

/// Checks `len` items with `check` on every thread of `pool`, and gives
/// each result to `write` in index order as soon as every earlier one has
/// been given. The worker that finishes the next item writes it (and those
/// behind it that wait): no thread sits between them, so a file costs no
/// wake-up. At most `window` items are checked but not yet written at any
/// time. If `write` fails, no new item is started and its error is returned.
pub fn run_ordered<T: Send, E: Send>(
    pool: &rayon::ThreadPool,
    len: usize,
    window: usize,
    check: impl Fn(usize) -> T + Sync,
    write: impl FnMut(T) -> Result<(), E> + Send,
) -> Result<(), E> {
    struct Writing<T, W, E> {
        order: Reorder<T>,
        write: W,
        written: usize,
        failed: Option<E>,
    }
    let gate = Gate::new(len, window);
    let writing = Mutex::new(Writing {
        order: Reorder::default(),
        write,
        written: 0,
        failed: None,
    });
    pool.scope(|workers| {
        for _ in 0..pool.current_num_threads().min(len.max(1)) {
            let (gate, check, writing) = (&gate, &check, &writing);
            workers.spawn(move |_| {
                // A panic in `check` must not leave the others waiting for
                // a file that will never be written.
                let _stop = StopOnPanic(gate);
                while let Some(i) = gate.next() {
                    let item = check(i);
                    let mut w = writing.lock().unwrap_or_else(PoisonError::into_inner);
                    w.order.push(i, item);
                    while let Some(item) = w.order.pop() {
                        if w.failed.is_some() {
                            continue;
                        }
                        match (w.write)(item) {
                            Ok(()) => {
                                w.written += 1;
                                gate.written(w.written);
                            }
                            Err(e) => {
                                w.failed = Some(e);
                                gate.stop();
                            }
                        }
                    }
                }
            });
        }
    });
    match writing
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .failed
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Stops the gate when its thread unwinds.
struct StopOnPanic<'a>(&'a Gate);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn out_of_order_arrivals_come_out_in_order() {
        let mut r = Reorder::default();
        r.push(2, "c");
        r.push(1, "b");
        assert_eq!(r.pop(), None, "0 has not arrived");
        assert_eq!(r.held(), 2);
        r.push(0, "a");
        assert_eq!(r.pop(), Some("a"));
        assert_eq!(r.pop(), Some("b"));
        assert_eq!(r.pop(), Some("c"));
        assert_eq!(r.pop(), None);
        r.push(4, "e");
        assert_eq!(r.pop(), None, "3 has not arrived");
        r.push(3, "d");
        assert_eq!((r.pop(), r.pop()), (Some("d"), Some("e")));
        assert_eq!(r.held(), 0);
    }

    #[test]
    fn the_gate_hands_out_no_index_a_window_past_the_writer() {
        let gate = Gate::new(10, 3);
        assert_eq!(
            (gate.next(), gate.next(), gate.next()),
            (Some(0), Some(1), Some(2))
        );
        // A fourth would wait: check from another thread that it does.
        std::thread::scope(|s| {
            let waiting = s.spawn(|| gate.next());
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(
                !waiting.is_finished(),
                "index 3 handed out before 0 was written"
            );
            gate.written(1);
            assert_eq!(waiting.join().ok().flatten(), Some(3));
        });
        gate.stop();
        assert_eq!(gate.next(), None);
    }

    #[test]
    fn results_are_written_in_order_and_never_more_than_the_window_is_held() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let window = 5;
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut seen = Vec::new();
        let done: Result<(), ()> = run_ordered(
            &pool,
            200,
            window,
            |i| {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                // Early items slow, so later ones finish first and must wait.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(3));
                }
                i
            },
            |i| {
                // Checked and not yet written: this one and those behind it.
                in_flight.fetch_sub(1, Ordering::SeqCst);
                seen.push(i);
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
        let most = most.load(Ordering::SeqCst);
        assert!(most <= window, "{most} items in flight, window {window}");
        assert!(most > 1, "the items were never checked in parallel");
    }

    #[test]
    fn a_failed_write_stops_the_run() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let checked = AtomicUsize::new(0);
        let done = run_ordered(
            &pool,
            1000,
            4,
            |i| {
                checked.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| if i == 10 { Err(i) } else { Ok(()) },
        );
        assert_eq!(done, Err(10));
        assert!(checked.load(Ordering::SeqCst) <= 10 + 1 + 4);
    }
}
