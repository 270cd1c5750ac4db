//! The window under test and what stands in for the desktop and the disk around it: one way to
//! build a settled harness, to wait for work the window does on threads, a file dialog that
//! answers what the test says, a dropped file, and a data folder that fills up on demand.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use egui_kittest::Harness;
use study_planner::app::{FileDialogs, Picked, StorageSetup};
use study_planner::storage::{self, Fs, SaverOptions};

/// The window `build` makes, `size` points large, after its first frames settled.
pub fn settled<S: eframe::App + 'static>(
    size: egui::Vec2,
    build: impl FnOnce(&mut eframe::CreationContext<'static>) -> S,
) -> Harness<'static, S> {
    // More than kittest's 4 steps to settle: the saver may wake the window mid-run (a save
    // finished), which is one more frame, not a test failure.
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(build);
    harness.run();
    harness
}

/// Runs frames until `done`, waiting for the window's threads (saver, file reader, store)
/// between them; fails the test naming `what` if it never happens. The bound only keeps a
/// broken build from hanging; nothing here measures time.
pub fn step_until<S>(
    harness: &mut Harness<'static, S>,
    what: &str,
    done: impl Fn(&Harness<'static, S>) -> bool,
) {
    for _ in 0..3000 {
        harness.step();
        if done(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("{what} never happened");
}

/// [`step_until`] the window's state is `done`, then lets the screen settle (a roadmap that
/// just opened lays itself out in a frame or two more).
pub fn wait_until<S>(harness: &mut Harness<'static, S>, what: &str, done: impl Fn(&S) -> bool) {
    step_until(harness, what, |h| done(h.state()));
    harness.run();
}

/// How the window saves in these tests: through `fs`, `debounce` after a change, automatic
/// retries an hour away (so every retry is one the learner asked for), copies to `rescue`.
pub fn storage_setup(fs: Arc<dyn Fs>, debounce: Duration, rescue: &[&Path]) -> StorageSetup {
    StorageSetup {
        fs,
        saver: SaverOptions {
            debounce,
            first_retry: Duration::from_secs(3600),
            rescue_dirs: rescue.iter().map(|dir| dir.to_path_buf()).collect(),
        },
        copy_dialog: false,
    }
}

/// A data folder that cannot be written (full) while armed; other folders work.
pub struct FullFolder {
    dir: PathBuf,
    armed: AtomicBool,
}

impl FullFolder {
    pub fn new(dir: &Path, armed: bool) -> Arc<Self> {
        Arc::new(Self {
            dir: dir.to_owned(),
            armed: AtomicBool::new(armed),
        })
    }

    /// The disk fills up (`true`) or has room again.
    pub fn set_full(&self, full: bool) {
        self.armed.store(full, Ordering::SeqCst);
    }
}

impl Fs for FullFolder {
    fn create_new(&self, path: &Path) -> io::Result<std::fs::File> {
        if self.armed.load(Ordering::SeqCst) && path.starts_with(&self.dir) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (injected)",
            ));
        }
        storage::RealFs.create_new(path)
    }
}

/// A file dialog that answers what the test queued, in order (then "cancelled"); or, after
/// [`Dialogs::hold`], stays open until the test answers.
#[derive(Default)]
pub struct Dialogs {
    answers: Mutex<Vec<Picked>>,
    held: Mutex<Option<mpsc::Receiver<Picked>>>,
}

impl Dialogs {
    /// The next dialog stays open (its thread waits) until the test sends the answer.
    pub fn hold(&self) -> mpsc::Sender<Picked> {
        let (tx, rx) = mpsc::channel();
        *self
            .held
            .lock()
            .expect("no test thread panicked holding the dialog") = Some(rx);
        tx
    }

    pub fn answer(&self, picked: Picked) {
        self.answers
            .lock()
            .expect("no test thread panicked holding the answers")
            .push(picked);
    }

    fn next(&self) -> Picked {
        let held = self
            .held
            .lock()
            .expect("no test thread panicked holding the dialog")
            .take();
        if let Some(answer) = held {
            return answer.recv().unwrap_or(Picked::Cancelled);
        }
        let mut answers = self
            .answers
            .lock()
            .expect("no test thread panicked holding the answers");
        if answers.is_empty() {
            Picked::Cancelled
        } else {
            answers.remove(0)
        }
    }
}

impl FileDialogs for Dialogs {
    fn pick_roadmap(&self) -> Picked {
        self.next()
    }
    fn save_roadmap(&self, _suggested: &Path) -> Picked {
        self.next()
    }
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

/// Drops `path` on the window (seen in the next frame).
pub fn drop_file<S>(harness: &mut Harness<'static, S>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
}

/// The text of `tests/fixtures/roadmaps/NAME`.
pub fn roadmap_fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roadmaps")
        .join(name);
    std::fs::read_to_string(path).expect("the fixture exists")
}
