//! Watching the open roadmap file: authors edit it in their editor and watch the app. A
//! background thread looks at the file's modification time and size once a second (a cheap
//! `stat`, no repaint loop: the window is woken only when the file changed), waits for the
//! change to settle (editors write in steps), reads and checks it on that thread, and hands
//! the result to the window. A broken new version never replaces the last good one on screen.
//! The UI thread never touches the file: the first stamp is taken on the watch thread, and the
//! file read once then, so a change between reading the roadmap and that stamp is not lost.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, SystemTime};

use super::roadmap_gate::{RoadmapProblem, load_roadmap_file};
use crate::roadmap::Roadmap;

/// How often the file is looked at.
pub const POLL_INTERVAL: Duration = Duration::from_secs(1);

type Stamp = Option<(Option<SystemTime>, u64)>;

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.modified().ok(), m.len()))
}

/// The watching thread's handle; dropping it stops the thread at its next look.
pub struct RoadmapWatch {
    path: PathBuf,
    results: Receiver<Result<Roadmap, RoadmapProblem>>,
    stop: Arc<AtomicBool>,
}

impl RoadmapWatch {
    /// Starts watching `path`, which `shown` (the roadmap on screen) was read from. Touches
    /// no disk on the calling thread (the UI thread): the watch thread takes the file's first
    /// stamp, as the baseline for later looks, and then reads the file once and reports it
    /// if it is no longer `shown` — a change made after `shown` was read and before that
    /// first stamp is not missed (and a change after the stamp is seen by the next look). It
    /// costs one more read of the file per start, on the watch thread.
    pub fn start(
        path: PathBuf,
        shown: Arc<Roadmap>,
        ctx: &egui::Context,
        interval: Duration,
    ) -> Option<Self> {
        let (tx, results) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let thread_stop = Arc::clone(&stop);
        let thread_path = path.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("roadmap-watch".to_owned())
            .spawn(move || {
                // No baseline until the first settled stamp; until then the file is read on
                // every settled look and compared with the roadmap on screen.
                let mut last: Option<Stamp> = None;
                let mut shown = Some(shown);
                let mut first_look = true;
                // An empty file is most often an editor (or `std::fs::write`) between
                // truncating the file and writing it: it must hold still for a whole interval
                // before it is read and reported as empty.
                let mut empty_seen: Option<Stamp> = None;
                while !thread_stop.load(Ordering::Relaxed) {
                    if !first_look {
                        std::thread::sleep(interval);
                    }
                    first_look = false;
                    let now = stamp(&thread_path);
                    if last.as_ref() == Some(&now) || now.is_none() {
                        continue;
                    }
                    // Let an editor finish writing: read once the file holds still.
                    std::thread::sleep(interval / 4);
                    let settled = stamp(&thread_path);
                    if settled != now {
                        continue;
                    }
                    if matches!(settled, Some((_, 0))) && empty_seen.as_ref() != Some(&settled) {
                        empty_seen = Some(settled);
                        continue;
                    }
                    last = Some(settled);
                    let result = load_roadmap_file(&thread_path);
                    if let Some(shown) = shown.take()
                        && matches!(&result, Ok(roadmap) if *roadmap == *shown)
                    {
                        continue;
                    }
                    if tx.send(result).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self {
            path,
            results,
            stop,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The newest result since the last call, if the file changed.
    pub fn poll(&self) -> Option<Result<Roadmap, RoadmapProblem>> {
        self.results.try_iter().last()
    }
}

impl Drop for RoadmapWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
