//! Finding and reading the roadmap a learner asks for, off the UI thread: the file dialog
//! ("Open roadmap…", "Save as .ron…"), reading and checking the file (or importing a `.md` /
//! `.txt` in memory), and writing an imported roadmap as `.ron` (read back from the new file,
//! so the window can work on it). Every answer comes back on a channel and wakes the window;
//! nothing here touches the window's state.
//!
//! The file dialog is a [`FileDialogs`] the tests replace, so "Open roadmap…" can be driven
//! through the real window without a desktop.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use super::roadmap_gate::{RoadmapProblem, load_roadmap_file};
use super::roadmap_prefs::RoadmapSource;
use crate::roadmap::Roadmap;

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    File(PathBuf),
    /// The learner closed the dialog without a file.
    Cancelled,
    /// This system has no file dialog (no xdg-desktop-portal with a file chooser, no zenity).
    NoDialog,
}

/// The window's file dialogs. They block until the learner answers: call them on a
/// background thread.
pub trait FileDialogs: Send + Sync {
    /// "Open roadmap…": a `.ron`, `.md`, `.markdown` or `.txt` file.
    fn pick_roadmap(&self) -> Picked;
    /// "Save as .ron…", suggesting `suggested` (beside the imported file).
    fn save_roadmap(&self, suggested: &Path) -> Picked;
}

/// The system's dialogs (rfd). rfd answers "no file" at once when there is no dialog, as if
/// the learner had cancelled, so whether one exists is asked first.
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    fn pick_roadmap(&self) -> Picked {
        if !super::launch::file_dialog_available() {
            return Picked::NoDialog;
        }
        rfd::FileDialog::new()
            .set_title("Open roadmap")
            .add_filter("Roadmap", &["ron", "md", "markdown", "txt"])
            .pick_file()
            .map_or(Picked::Cancelled, Picked::File)
    }

    fn save_roadmap(&self, suggested: &Path) -> Picked {
        if !super::launch::file_dialog_available() {
            return Picked::NoDialog;
        }
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save the roadmap as .ron")
            .add_filter("Roadmap", &["ron"]);
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        if let Some(dir) = suggested.parent() {
            dialog = dialog.set_directory(dir);
        }
        dialog.save_file().map_or(Picked::Cancelled, Picked::File)
    }
}

/// What to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenRequest {
    /// Ask with the file dialog first.
    Pick,
    Source(RoadmapSource),
}

/// A roadmap read and checked, ready to be shown.
pub struct Loaded {
    pub source: RoadmapSource,
    pub roadmap: Arc<Roadmap>,
}

/// What the reading thread answers.
pub enum LoadOutcome {
    Loaded(Box<Loaded>),
    /// The file is there but is not a roadmap (with where and why).
    Broken(RoadmapProblem),
    /// The file is not there (any more).
    Missing(PathBuf),
    NoDialog,
    Cancelled,
}

/// Reads `source` (a file is resolved to its absolute path, so "Recent" lists it once).
/// Blocks on the disk.
pub fn load(source: &RoadmapSource) -> LoadOutcome {
    let path = match source {
        RoadmapSource::BuiltIn => {
            return LoadOutcome::Loaded(Box::new(Loaded {
                source: RoadmapSource::BuiltIn,
                roadmap: Arc::new(crate::roadmap::embedded()),
            }));
        }
        RoadmapSource::File(path) => path,
    };
    if !path.exists() {
        return LoadOutcome::Missing(path.clone());
    }
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
    match load_roadmap_file(&path) {
        Ok(roadmap) => LoadOutcome::Loaded(Box::new(Loaded {
            source: RoadmapSource::File(path),
            roadmap: Arc::new(roadmap),
        })),
        Err(problem) => LoadOutcome::Broken(problem),
    }
}

/// Answers `request` on a thread of its own (the dialog, then the file); the window wakes
/// when the answer is there. `None` when no thread could be started.
pub fn start(
    ctx: &egui::Context,
    dialogs: &Arc<dyn FileDialogs>,
    request: OpenRequest,
) -> Option<Receiver<LoadOutcome>> {
    let (tx, rx) = mpsc::channel();
    let ctx = ctx.clone();
    let dialogs = Arc::clone(dialogs);
    std::thread::Builder::new()
        .name("roadmap-reader".to_owned())
        .spawn(move || {
            let outcome = match request {
                OpenRequest::Source(source) => load(&source),
                OpenRequest::Pick => match dialogs.pick_roadmap() {
                    Picked::File(path) => load(&RoadmapSource::File(path)),
                    Picked::Cancelled => LoadOutcome::Cancelled,
                    Picked::NoDialog => LoadOutcome::NoDialog,
                },
            };
            let _ = tx.send(outcome);
            ctx.request_repaint();
        })
        .ok()?;
    Some(rx)
}

/// What "Open roadmap…" says on a system without a file dialog.
pub const NO_OPEN_DIALOG: &str = "There is no file dialog on this system (it needs \
     xdg-desktop-portal with a file chooser, or zenity), so nothing was opened. Drop a roadmap \
     file on this window, or start study-planner with the file: study-planner FILE";

/// An imported roadmap written as `.ron` and read back from that file.
pub struct SavedRon {
    /// The file written (absolute, as the loader resolves it).
    pub path: PathBuf,
    /// The roadmap as the new file holds it (the same ids as the import).
    pub roadmap: Roadmap,
}

/// What the "Save as .ron…" thread answers: the file written and read back, or what went
/// wrong in words, with the path. `Ok(None)`: the learner cancelled.
pub type SaveRonOutcome = Result<Option<SavedRon>, String>;

/// Imports `imported_from` again (as it is on disk now, which is what the window shows: the
/// file is watched), writes the roadmap as RON where the learner says (or, without a file
/// dialog, next to the imported file, never over an existing one), atomically, and reads
/// the new file back as the window would open it. On a thread of its own.
pub fn save_ron(
    ctx: &egui::Context,
    dialogs: &Arc<dyn FileDialogs>,
    imported_from: &Path,
) -> Option<Receiver<SaveRonOutcome>> {
    let (tx, rx) = mpsc::channel();
    let ctx = ctx.clone();
    let dialogs = Arc::clone(dialogs);
    let source = imported_from.to_owned();
    let suggested = imported_from.with_extension("ron");
    std::thread::Builder::new()
        .name("roadmap-save-ron".to_owned())
        .spawn(move || {
            let ron = match crate::import::read_file(&source) {
                Ok(imported) => imported.to_ron(),
                Err(err) => {
                    let _ = tx.send(Err(format!(
                        "The roadmap could not be imported again to save it: {err}"
                    )));
                    ctx.request_repaint();
                    return;
                }
            };
            let written = match dialogs.save_roadmap(&suggested) {
                Picked::File(path) => write_ron(&path, &ron).map(|()| Some(path)),
                Picked::Cancelled => Ok(None),
                Picked::NoDialog if suggested.exists() => Err(format!(
                    "There is no file dialog on this system, and {} already exists, so \
                     nothing was written (it is not overwritten). Write the roadmap with \
                     `study-planner import FILE --out OTHER.ron` instead: {}",
                    suggested
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    suggested.display()
                )),
                Picked::NoDialog => write_ron(&suggested, &ron).map(|()| Some(suggested)),
            };
            let _ = tx.send(written.and_then(|path| path.map(read_back).transpose()));
            ctx.request_repaint();
        })
        .ok()?;
    Some(rx)
}

/// The `.ron` just written, read as the window opens a file.
fn read_back(path: PathBuf) -> Result<SavedRon, String> {
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    match load_roadmap_file(&path) {
        Ok(roadmap) => Ok(SavedRon { path, roadmap }),
        Err(problem) => Err(format!(
            "The roadmap was saved as .ron, but that file does not load: {}",
            problem.message
        )),
    }
}

/// Atomic: a half-written roadmap never replaces a good file.
fn write_ron(path: &Path, ron: &str) -> Result<(), String> {
    crate::storage::atomic_write(&crate::storage::RealFs, path, ron.as_bytes()).map_err(|err| {
        format!(
            "The roadmap could not be saved as .ron ({}): {}",
            err.source,
            path.display()
        )
    })
}
