//! The background saver: a named thread that owns the [`ProgressStore`], so no disk I/O
//! happens on the UI thread. Changes are coalesced (saved at most [`DEBOUNCE`] after the first
//! unsaved one), and a flush writes whatever is pending at once (window closing).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::store::ProgressStore;
use crate::progress::RoadmapProgress;

/// How long a change waits for more changes before it is written: typing a note saves once,
/// and every change is on disk within about a second.
pub const DEBOUNCE: Duration = Duration::from_millis(600);

/// How long closing the window waits for the last save.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(10);

enum Request {
    Save(Box<RoadmapProgress>),
    Export(Box<RoadmapProgress>, PathBuf),
    Flush(Sender<()>),
}

/// What the saver reports back to the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaverEvent {
    Saved,
    SaveFailed(String),
    Exported(PathBuf),
    ExportFailed(String),
}

/// The UI's handle on the saver thread. Dropping it saves what is pending and joins the thread.
pub struct Saver {
    requests: Option<Sender<Request>>,
    /// The channel as [`FlushHandle`]s see it; emptied on drop.
    flush_slot: Arc<Mutex<Option<Sender<Request>>>>,
    events: Receiver<SaverEvent>,
    thread: Option<JoinHandle<()>>,
    /// Requests sent whose outcome has not been reported yet.
    unsaved: bool,
}

impl Saver {
    /// Starts the saver thread. `wake` is called after every event so the UI can redraw
    /// (the app passes `egui::Context::request_repaint`).
    pub fn start(store: ProgressStore, wake: Box<dyn Fn() + Send>) -> std::io::Result<Self> {
        let (requests, inbox) = mpsc::channel();
        let (outbox, events) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("progress-saver".to_owned())
            .spawn(move || run(store, &inbox, &outbox, wake.as_ref()))?;
        Ok(Self {
            flush_slot: Arc::new(Mutex::new(Some(requests.clone()))),
            requests: Some(requests),
            events,
            thread: Some(thread),
            unsaved: false,
        })
    }

    fn send(&self, request: Request) -> bool {
        self.requests
            .as_ref()
            .is_some_and(|tx| tx.send(request).is_ok())
    }

    /// Queues a snapshot to be saved shortly.
    pub fn save(&mut self, progress: RoadmapProgress) {
        if self.send(Request::Save(Box::new(progress))) {
            self.unsaved = true;
        }
    }

    /// Queues writing a copy of the progress file to `path`.
    pub fn export(&mut self, progress: RoadmapProgress, path: PathBuf) -> bool {
        self.send(Request::Export(Box::new(progress), path))
    }

    /// Whether a change is waiting to be written.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved
    }

    /// Events since the last call, oldest first.
    pub fn poll(&mut self) -> Vec<SaverEvent> {
        let events: Vec<SaverEvent> = self.events.try_iter().collect();
        for event in &events {
            if matches!(event, SaverEvent::Saved | SaverEvent::SaveFailed(_)) {
                self.unsaved = false;
            }
        }
        events
    }

    /// Writes whatever is pending now and waits (bounded) for it: called when the window
    /// closes.
    pub fn flush(&mut self) {
        let (ack, done) = mpsc::channel();
        if self.send(Request::Flush(ack)) && done.recv_timeout(FLUSH_TIMEOUT).is_err() {
            log::error!("the last save did not finish within {FLUSH_TIMEOUT:?}");
        }
    }
}

/// A handle another thread (the signal handler) uses to write pending changes at once.
///
/// It shares the saver's channel through a slot the [`Saver`] empties when it is dropped: a
/// handle must never keep the saver thread alive, or closing the window would wait forever.
#[derive(Clone)]
pub struct FlushHandle(Arc<Mutex<Option<Sender<Request>>>>);

impl FlushHandle {
    /// Writes whatever is pending and waits (bounded) for it; false when the saver is gone
    /// or did not answer in time.
    pub fn flush(&self) -> bool {
        let (ack, done) = mpsc::channel();
        let sent = match self.0.lock() {
            Ok(slot) => slot
                .as_ref()
                .is_some_and(|tx| tx.send(Request::Flush(ack)).is_ok()),
            Err(_) => false,
        };
        sent && done.recv_timeout(FLUSH_TIMEOUT).is_ok()
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

fn run(
    mut store: ProgressStore,
    inbox: &Receiver<Request>,
    outbox: &Sender<SaverEvent>,
    wake: &dyn Fn(),
) {
    let report = |event: SaverEvent| {
        let _ = outbox.send(event);
        wake();
    };
    let write = |store: &mut ProgressStore, pending: &mut Option<Box<RoadmapProgress>>| {
        if let Some(progress) = pending.take() {
            report(match store.save(&progress) {
                Ok(()) => SaverEvent::Saved,
                Err(err) => SaverEvent::SaveFailed(err.to_string()),
            });
        }
    };
    let mut pending: Option<Box<RoadmapProgress>> = None;
    let mut deadline = Instant::now();
    loop {
        let request = if pending.is_some() {
            inbox.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        } else {
            inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match request {
            Ok(Request::Save(progress)) => {
                if pending.is_none() {
                    deadline = Instant::now() + DEBOUNCE;
                }
                pending = Some(progress);
            }
            Ok(Request::Flush(ack)) => {
                write(&mut store, &mut pending);
                let _ = ack.send(());
            }
            Ok(Request::Export(progress, path)) => {
                write(&mut store, &mut pending);
                report(match store.export(&progress, &path) {
                    Ok(()) => SaverEvent::Exported(path),
                    Err(err) => SaverEvent::ExportFailed(err.to_string()),
                });
            }
            Err(RecvTimeoutError::Timeout) => write(&mut store, &mut pending),
            Err(RecvTimeoutError::Disconnected) => {
                write(&mut store, &mut pending);
                return;
            }
        }
    }
}
