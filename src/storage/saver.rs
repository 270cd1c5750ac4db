//! The background saver: a named thread that owns the [`ProgressStore`], so no disk I/O
//! happens on the UI thread. Changes are coalesced (saved at most [`DEBOUNCE`] after the first
//! unsaved one), and a flush writes whatever is pending at once (window closing, a signal).
//!
//! A save that fails is never dropped: it stays pending and is tried again after a growing
//! delay ([`retry_delay`]), sooner on the learner's next change, and on every flush, close and
//! signal. Until one succeeds the UI knows how many changes are not on disk, so closing the
//! window can ask what to do with them.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::store::{ProgressStore, SaveError};
use crate::progress::RoadmapProgress;

/// How long a change waits for more changes before it is written: typing a note saves once,
/// and every change is on disk within about a second.
pub const DEBOUNCE: Duration = Duration::from_millis(600);

/// How long closing the window waits for the last save.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the saver waits before trying a failed save again, after `failures` failures in a
/// row: 1 s, 2 s, 4 s … at most a minute. A disk that was full for a moment is written as soon
/// as it has room; one that stays broken costs one attempt a minute.
pub fn retry_delay(failures: u32) -> Duration {
    let doubled = 1u64 << failures.saturating_sub(1).min(6);
    Duration::from_secs(doubled.min(60))
}

/// How the saver paces itself and where it puts a rescue copy. The defaults are the app's;
/// tests shorten the delays.
#[derive(Clone, Debug)]
pub struct SaverOptions {
    /// See [`DEBOUNCE`].
    pub debounce: Duration,
    /// The delay before the first retry of a failed save; later ones double (see
    /// [`retry_delay`]).
    pub first_retry: Duration,
    /// Folders tried in order for a rescue copy when the progress file cannot be written.
    pub rescue_dirs: Vec<PathBuf>,
}

impl Default for SaverOptions {
    fn default() -> Self {
        Self {
            debounce: DEBOUNCE,
            first_retry: retry_delay(1),
            rescue_dirs: crate::paths::rescue_dirs(),
        }
    }
}

impl SaverOptions {
    fn retry_after(&self, failures: u32) -> Duration {
        let scale = retry_delay(failures).as_secs_f64() / retry_delay(1).as_secs_f64();
        self.first_retry.mul_f64(scale)
    }
}

enum Request {
    /// A snapshot of the learner's data, numbered in the order the UI made it.
    Save(u64, Box<RoadmapProgress>),
    /// Write what is pending now and answer; `rescue` writes a copy elsewhere if that fails.
    Flush {
        ack: Sender<FlushOutcome>,
        rescue: bool,
    },
    /// Write what is pending now; the outcome comes as an event (nobody waits).
    SaveNow,
    Export(Box<RoadmapProgress>, PathBuf),
    /// Write a copy into the first rescue folder that takes it.
    Rescue(Box<RoadmapProgress>),
}

/// What the saver reports back to the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaverEvent {
    Saved,
    /// The changes are in the progress file, but its folder could not be flushed to disk; the
    /// flush is retried. The text says so, with the folder.
    SavedNotFlushed(String),
    /// Nothing was written; the changes stay pending and are retried.
    SaveFailed {
        error: String,
        /// Items, notes and plan changes that are not on disk.
        changes_not_saved: usize,
    },
    Exported(PathBuf),
    ExportFailed(String),
}

/// What a flush achieved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlushOutcome {
    /// Nothing was pending, or it is in the progress file now.
    Saved,
    /// The pending changes could not be written.
    Failed {
        error: String,
        changes_not_saved: usize,
        /// Where a rescue copy went, or why none could be written (when one was asked for).
        copy: Option<Result<PathBuf, String>>,
    },
    /// The saver is gone or did not answer in time.
    NoAnswer,
}

/// An event, and the last snapshot it shows to be on disk.
struct Report {
    settled: Option<u64>,
    event: SaverEvent,
}

/// The UI's handle on the saver thread. Dropping it saves what is pending and joins the thread.
pub struct Saver {
    requests: Option<Sender<Request>>,
    /// The channel as [`FlushHandle`]s see it; emptied on drop.
    flush_slot: Arc<Mutex<Option<Sender<Request>>>>,
    events: Receiver<Report>,
    thread: Option<JoinHandle<()>>,
    /// The number of the last snapshot sent.
    sent: u64,
    /// The number of the last snapshot known to be on disk.
    settled: u64,
    /// Exports and rescue copies asked for, and how many of them have answered.
    exports_sent: u64,
    exports_answered: u64,
}

impl Saver {
    /// Starts the saver thread. `wake` is called after every event so the UI can redraw
    /// (the app passes `egui::Context::request_repaint`).
    pub fn start(store: ProgressStore, wake: Box<dyn Fn() + Send>) -> std::io::Result<Self> {
        Self::start_with(store, wake, SaverOptions::default())
    }

    /// [`Self::start`] with other timings or rescue folders.
    pub fn start_with(
        store: ProgressStore,
        wake: Box<dyn Fn() + Send>,
        options: SaverOptions,
    ) -> std::io::Result<Self> {
        let (requests, inbox) = mpsc::channel();
        let (outbox, events) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("progress-saver".to_owned())
            .spawn(move || {
                let mut worker = Worker {
                    store,
                    options,
                    outbox,
                    wake,
                    pending: None,
                    failures: 0,
                    deadline: Instant::now(),
                };
                worker.run(&inbox);
            })?;
        Ok(Self {
            flush_slot: Arc::new(Mutex::new(Some(requests.clone()))),
            requests: Some(requests),
            events,
            thread: Some(thread),
            sent: 0,
            settled: 0,
            exports_sent: 0,
            exports_answered: 0,
        })
    }

    fn send(&self, request: Request) -> bool {
        self.requests
            .as_ref()
            .is_some_and(|tx| tx.send(request).is_ok())
    }

    /// Queues a snapshot to be saved shortly.
    pub fn save(&mut self, progress: RoadmapProgress) {
        if self.send(Request::Save(self.sent + 1, Box::new(progress))) {
            self.sent += 1;
        }
    }

    /// Asks for what is pending to be written at once, without waiting; the outcome comes
    /// from [`Self::poll`].
    pub fn save_now(&mut self) {
        self.send(Request::SaveNow);
    }

    /// Queues writing a copy of the progress file to `path`.
    pub fn export(&mut self, progress: RoadmapProgress, path: PathBuf) -> bool {
        let sent = self.send(Request::Export(Box::new(progress), path));
        self.exports_sent += u64::from(sent);
        sent
    }

    /// Queues writing a copy into the first rescue folder that takes it (see
    /// [`SaverOptions::rescue_dirs`]); the outcome is an `Exported` or `ExportFailed` event.
    pub fn rescue(&mut self, progress: RoadmapProgress) -> bool {
        let sent = self.send(Request::Rescue(Box::new(progress)));
        self.exports_sent += u64::from(sent);
        sent
    }

    /// Whether an export or rescue copy asked for has not answered yet (through
    /// [`Self::poll`]).
    pub fn exports_pending(&self) -> bool {
        self.exports_sent > self.exports_answered
    }

    /// Whether a change has not been written yet (waiting, or failed and waiting for a retry).
    pub fn has_unsaved_changes(&self) -> bool {
        self.sent > self.settled
    }

    /// Events since the last call, oldest first.
    pub fn poll(&mut self) -> Vec<SaverEvent> {
        let mut events = Vec::new();
        for report in self.events.try_iter() {
            if let Some(settled) = report.settled {
                self.settled = self.settled.max(settled);
            }
            if matches!(
                report.event,
                SaverEvent::Exported(_) | SaverEvent::ExportFailed(_)
            ) {
                self.exports_answered += 1;
            }
            events.push(report.event);
        }
        events
    }

    /// Writes whatever is pending now and waits (bounded) for it: called when the window
    /// closes. The outcome's events also arrive through [`Self::poll`].
    pub fn flush(&mut self) -> FlushOutcome {
        let (ack, done) = mpsc::channel();
        if !self.send(Request::Flush { ack, rescue: false }) {
            return FlushOutcome::NoAnswer;
        }
        done.recv_timeout(FLUSH_TIMEOUT).unwrap_or_else(|_| {
            log::error!("the last save did not finish within {FLUSH_TIMEOUT:?}");
            FlushOutcome::NoAnswer
        })
    }
}

/// A handle another thread (the signal handler) uses to write pending changes at once.
///
/// It shares the saver's channel through a slot the [`Saver`] empties when it is dropped: a
/// handle must never keep the saver thread alive, or closing the window would wait forever.
#[derive(Clone)]
pub struct FlushHandle(Arc<Mutex<Option<Sender<Request>>>>);

impl FlushHandle {
    /// Writes whatever is pending and waits (bounded) for it. If that fails, a copy goes to a
    /// rescue folder: the process is about to stop, and nobody can be asked.
    pub fn flush(&self) -> FlushOutcome {
        let (ack, done) = mpsc::channel();
        let sent = match self.0.lock() {
            Ok(slot) => slot
                .as_ref()
                .is_some_and(|tx| tx.send(Request::Flush { ack, rescue: true }).is_ok()),
            Err(_) => false,
        };
        if !sent {
            return FlushOutcome::NoAnswer;
        }
        done.recv_timeout(FLUSH_TIMEOUT)
            .unwrap_or(FlushOutcome::NoAnswer)
    }
}

impl FlushHandle {
    /// Whether both handles flush the same saver.
    pub fn same_saver(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Saver {
    /// A handle for flushing from another thread, e.g. when the process is told to stop.
    pub fn flush_handle(&self) -> FlushHandle {
        FlushHandle(Arc::clone(&self.flush_slot))
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the channel makes the thread save what is pending and stop.
        self.requests = None;
        if let Ok(mut slot) = self.flush_slot.lock() {
            *slot = None;
        }
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("the progress saver thread panicked");
        }
    }
}

/// The saver thread's state.
struct Worker {
    store: ProgressStore,
    options: SaverOptions,
    outbox: Sender<Report>,
    wake: Box<dyn Fn() + Send>,
    /// The newest snapshot not yet on disk, with its number.
    pending: Option<(u64, Box<RoadmapProgress>)>,
    /// Failed attempts in a row at writing `pending`.
    failures: u32,
    /// When `pending` is written if nothing else asks first.
    deadline: Instant,
}

impl Worker {
    fn run(&mut self, inbox: &Receiver<Request>) {
        loop {
            let request = if self.pending.is_some() {
                inbox.recv_timeout(self.deadline.saturating_duration_since(Instant::now()))
            } else {
                inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match request {
                Ok(Request::Save(seq, progress)) => {
                    let soon = Instant::now() + self.options.debounce;
                    // Coalesce with a waiting change; after a failure, the next change is
                    // the moment to try again (if that comes before the retry).
                    if self.pending.is_none() || self.failures > 0 {
                        self.deadline = if self.pending.is_none() {
                            soon
                        } else {
                            self.deadline.min(soon)
                        };
                    }
                    self.pending = Some((seq, progress));
                }
                Ok(Request::SaveNow) => {
                    self.write();
                }
                Ok(Request::Flush { ack, rescue }) => {
                    let outcome = self.write();
                    let outcome = match outcome {
                        FlushOutcome::Failed {
                            error,
                            changes_not_saved,
                            copy: _,
                        } if rescue => {
                            let copy = self
                                .pending
                                .as_ref()
                                .map(|(_, progress)| self.rescue_copy(progress));
                            FlushOutcome::Failed {
                                error,
                                changes_not_saved,
                                copy,
                            }
                        }
                        other => other,
                    };
                    let _ = ack.send(outcome);
                }
                Ok(Request::Export(progress, path)) => {
                    self.write();
                    let event = match self.store.export(&progress, &path) {
                        Ok(()) => SaverEvent::Exported(path),
                        Err(err) => SaverEvent::ExportFailed(err.to_string()),
                    };
                    self.report(None, event);
                }
                Ok(Request::Rescue(progress)) => {
                    let event = match self.rescue_copy(&progress) {
                        Ok(path) => SaverEvent::Exported(path),
                        Err(err) => SaverEvent::ExportFailed(err),
                    };
                    self.report(None, event);
                }
                Err(RecvTimeoutError::Timeout) => {
                    self.write();
                }
                Err(RecvTimeoutError::Disconnected) => {
                    if let FlushOutcome::Failed { error, .. } = self.write() {
                        log::error!("the last changes could not be saved: {error}");
                    }
                    return;
                }
            }
        }
    }

    fn report(&self, settled: Option<u64>, event: SaverEvent) {
        let _ = self.outbox.send(Report { settled, event });
        (self.wake)();
    }

    /// Tries to write what is pending. On failure it stays pending, and the next attempt is
    /// scheduled.
    fn write(&mut self) -> FlushOutcome {
        let Some((seq, progress)) = &self.pending else {
            return FlushOutcome::Saved;
        };
        let seq = *seq;
        match self.store.save(progress) {
            Ok(()) => {
                self.pending = None;
                self.failures = 0;
                self.report(Some(seq), SaverEvent::Saved);
                FlushOutcome::Saved
            }
            Err(err) if err.changes_are_in_the_file() => {
                // Kept pending only so the folder flush is retried; the data is in place.
                self.schedule_retry();
                self.report(Some(seq), SaverEvent::SavedNotFlushed(err.to_string()));
                FlushOutcome::Saved
            }
            Err(err) => {
                let changes_not_saved = self.store.changes_not_saved(progress);
                let error = err.to_string();
                if is_permanent(&err) {
                    // Trying again cannot help (a read-only window); the UI says so.
                    self.pending = None;
                } else {
                    self.schedule_retry();
                }
                self.report(
                    None,
                    SaverEvent::SaveFailed {
                        error: error.clone(),
                        changes_not_saved,
                    },
                );
                FlushOutcome::Failed {
                    error,
                    changes_not_saved,
                    copy: None,
                }
            }
        }
    }

    fn schedule_retry(&mut self) {
        self.failures = self.failures.saturating_add(1);
        self.deadline = Instant::now() + self.options.retry_after(self.failures);
    }

    /// Writes the learner's progress into the first rescue folder that takes it.
    fn rescue_copy(&self, progress: &RoadmapProgress) -> Result<PathBuf, String> {
        let name = rescue_file_name(chrono::Local::now().naive_local());
        let mut errors = Vec::new();
        for dir in &self.options.rescue_dirs {
            let path = dir.join(&name);
            match self.store.export(progress, &path) {
                Ok(()) => return Ok(path),
                Err(err) => errors.push(err.to_string()),
            }
        }
        if errors.is_empty() {
            Err("there is no folder to put a copy in".to_owned())
        } else {
            Err(errors.join("; "))
        }
    }
}

fn is_permanent(err: &SaveError) -> bool {
    matches!(err, SaveError::ReadOnly(_) | SaveError::Serialize(_))
}

/// `study-planner-progress-rescued-2026-11-25-091500.ron`: sorts by time, and says what it is.
pub fn rescue_file_name(now: chrono::NaiveDateTime) -> String {
    format!(
        "study-planner-progress-rescued-{}.ron",
        now.format("%Y-%m-%d-%H%M%S")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_a_minute() {
        let secs: Vec<u64> = (1..=9).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay(u32::MAX).as_secs(), 60);
        let fast = SaverOptions {
            first_retry: Duration::from_millis(10),
            ..SaverOptions::default()
        };
        assert_eq!(fast.retry_after(3), Duration::from_millis(40));
    }

    #[test]
    fn an_export_is_pending_until_its_answer_is_polled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = ProgressStore::open(dir.path(), "python-enterprise").store;
        let mut saver = Saver::start(store, Box::new(|| {})).expect("saver");
        assert!(!saver.exports_pending());
        let path = dir.path().join("exported.ron");
        assert!(saver.export(RoadmapProgress::default(), path.clone()));
        assert!(saver.exports_pending(), "asked, not answered");
        let mut events = Vec::new();
        for _ in 0..2000 {
            events.extend(saver.poll());
            if !events.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(events, [SaverEvent::Exported(path)]);
        assert!(!saver.exports_pending());
    }
}
