//! Watching the open roadmap file: authors edit it in their editor and watch the app. A
//! background thread looks at the file's modification time and size once a second (a cheap
//! `stat`, no repaint loop: the window is woken only when the file changed), waits for the
//! change to settle (editors write in steps), reads and checks it on that thread, and hands
//! the result to the window. A broken new version never replaces the last good one on screen.

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
    /// Starts watching `path` (as it is now: only later changes are reported).
    pub fn start(path: PathBuf, ctx: &egui::Context, interval: Duration) -> Option<Self> {
        let (tx, results) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let thread_stop = Arc::clone(&stop);
        let thread_path = path.clone();
        let ctx = ctx.clone();
        let mut last = stamp(&path);
        std::thread::Builder::new()
            .name("roadmap-watch".to_owned())
            .spawn(move || {
                while !thread_stop.load(Ordering::Relaxed) {
                    std::thread::sleep(interval);
                    let now = stamp(&thread_path);
                    if now == last || now.is_none() {
                        continue;
                    }
                    // Let an editor finish writing: read once the file holds still.
                    std::thread::sleep(interval / 4);
                    let settled = stamp(&thread_path);
                    if settled != now {
                        continue;
                    }
                    last = settled;
                    if tx.send(load_roadmap_file(&thread_path)).is_err() {
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
