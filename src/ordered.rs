//! Workers that clean a batch's files in parallel while one thread writes
//! their records in input order, as they finish.
//!
//! Workers take files by index from a shared counter, a few consecutive
//! ones at a time, so the files in flight are always near one another in
//! input order; finished files wait in a small reorder buffer until every
//! file before them is written. Taking and handing back files a few at a
//! time spares a thread hand-off per file, which costs more than the work
//! on a file whose records are kept (`--incremental`), and much more on a
//! busy machine.
//! A worker does not start a file more than a window ahead of the last one
//! written, so memory stays flat however large the batch, and the records
//! come out byte-identical at any thread count.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// Files a worker may start ahead of the last one written, per worker.
const WINDOW_PER_WORKER: usize = 16;

/// Consecutive files a worker takes, and hands back, at a time.
const CHUNK: usize = 8;

/// How far the writer has got, whether it has stopped the run, and how
/// many workers wait for room.
#[derive(Default)]
struct Written {
    count: usize,
    stopped: bool,
    waiting: usize,
}

/// Runs `work` on the indices `0..count` in `jobs` threads and hands each
/// result to `sink` on the calling thread, in index order. `sink` returns
/// `false` to stop the run: no further file is started.
pub fn in_order<R: Send>(
    count: usize,
    jobs: usize,
    work: impl Fn(usize) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> bool,
) {
    let window = jobs.max(1) * WINDOW_PER_WORKER;
    let next = AtomicUsize::new(0);
    let written = (Mutex::new(Written::default()), Condvar::new());
    let (tx, rx) = mpsc::channel::<Vec<(usize, R)>>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let tx = tx.clone();
            let (next, written, work) = (&next, &written, &work);
            scope.spawn(move || {
                loop {
                    let first = next.fetch_add(CHUNK, Ordering::Relaxed);
                    let last = (first + CHUNK).min(count);
                    if first >= count || !wait_for_room(written, last - 1, window) {
                        break;
                    }
                    if tx.send((first..last).map(|k| (k, work(k))).collect()).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        'results: for results in rx {
            pending.extend(results);
            while let Some(result) = pending.remove(&expected) {
                let go_on = sink(expected, result);
                expected += 1;
                let mut state = written.0.lock().expect("no worker panics holding the lock");
                state.count = expected;
                state.stopped = !go_on;
                if state.waiting > 0 {
                    written.1.notify_all();
                }
                if !go_on {
                    break 'results;
                }
            }
        }
    });
}

/// Waits until file `k` is within the window of the files written; `false`
/// if the run has stopped.
fn wait_for_room((lock, room): &(Mutex<Written>, Condvar), k: usize, window: usize) -> bool {
    let mut state = lock.lock().expect("no worker panics holding the lock");
    while k >= state.count + window && !state.stopped {
        state.waiting += 1;
        state = room.wait(state).expect("no worker panics holding the lock");
        state.waiting -= 1;
    }
    !state.stopped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_reach_the_sink_in_input_order_at_any_thread_count() {
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Later files finish first, so the reorder buffer is used.
            in_order(
                100,
                jobs,
                |k| {
                    std::thread::sleep(std::time::Duration::from_micros(((100 - k) % 7) as u64 * 50));
                    k * 2
                },
                |k, r| {
                    seen.push((k, r));
                    true
                },
            );
            assert_eq!(seen, (0..100).map(|k| (k, k * 2)).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn a_stopped_run_starts_no_more_files() {
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        in_order(
            10_000,
            2,
            |_| started.fetch_add(1, Ordering::Relaxed),
            |_, _| {
                seen += 1;
                seen < 3
            },
        );
        assert_eq!(seen, 3);
        assert!(started.load(Ordering::Relaxed) <= 3 + 2 * WINDOW_PER_WORKER + 2, "the window bounds the work done");
    }

    #[test]
    fn no_file_starts_beyond_the_window() {
        let written = AtomicUsize::new(0);
        in_order(
            500,
            4,
            |k| assert!(k < written.load(Ordering::SeqCst) + 4 * WINDOW_PER_WORKER, "file {k} started too early"),
            |k, ()| {
                written.store(k + 1, Ordering::SeqCst);
                true
            },
        );
    }
}
