//! Handing files to the rest of the desktop: opening a PDF or a folder in the system's own
//! program, finding a folder to save into when there is no file dialog, and saying in words
//! what went wrong (never a launcher's raw exit status).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

/// Opens a file or folder in the system's program for it. Replaceable so tests never launch a
/// real viewer or file manager.
pub type Opener = Arc<dyn Fn(&Path) -> io::Result<()> + Send + Sync>;

/// The system's opener. Detached: `xdg-open` outside GNOME and KDE waits until the viewer
/// closes, and a print job must end when the viewer is up, not when the learner closes it.
/// It may still take a moment to notice a launcher that fails, so call it off the UI thread.
pub fn system_opener() -> Opener {
    Arc::new(|path: &Path| open::that_detached(path))
}

/// What was to be opened, for the message when it could not be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A PDF, in the PDF viewer.
    Pdf,
    /// A folder, in the file manager.
    Folder,
}

/// Why something did not open and what to do, in words a learner can act on; the message
/// shows the path after it.
///
/// The `open` crate reports "no launcher program" as `NotFound` and a launcher that ran but
/// failed (usually: no program is set up for that kind of file) as text with an exit status;
/// neither is worth showing as it is.
pub fn failure_text(opened: Opened, err: &io::Error) -> String {
    let (what, program) = match opened {
        Opened::Pdf => ("the PDF", "PDF viewer"),
        Opened::Folder => ("the folder", "file manager"),
    };
    let why = match err.kind() {
        io::ErrorKind::NotFound => {
            "this system has no program for opening files (such as xdg-open)".to_owned()
        }
        io::ErrorKind::PermissionDenied => "the system did not allow it".to_owned(),
        _ if err.to_string().starts_with("Launcher ") => {
            format!("no {program} is set up to open it")
        }
        _ => format!("the system said: {}", lowercase_first(&err.to_string())),
    };
    let todo = match opened {
        Opened::Pdf => "It is saved; open it yourself to print it",
        Opened::Folder => "Open it yourself in your file manager",
    };
    format!("Could not open {what} ({why}). {todo}:")
}

/// Opens files and folders off the UI thread and collects the failures, in words, with the
/// path each was about.
pub struct Launcher {
    opener: Opener,
    ctx: egui::Context,
    sender: Sender<(String, PathBuf)>,
    failures: Receiver<(String, PathBuf)>,
}

impl Launcher {
    pub fn new(ctx: &egui::Context) -> Self {
        let (sender, failures) = channel();
        Self {
            opener: system_opener(),
            ctx: ctx.clone(),
            sender,
            failures,
        }
    }

    /// The opener in use (a print job calls it on its own thread).
    pub fn opener(&self) -> Opener {
        Arc::clone(&self.opener)
    }

    pub fn set_opener(&mut self, opener: Opener) {
        self.opener = opener;
    }

    /// Opens `path` in the background; a failure shows up in [`Self::failures`]. For
    /// [`Opened::Folder`], a file's path opens the folder the file is in.
    pub fn open(&self, opened: Opened, path: PathBuf) {
        let opener = Arc::clone(&self.opener);
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("study-planner open".to_owned())
            .spawn(move || {
                let path = match path.parent() {
                    Some(parent) if opened == Opened::Folder && !path.is_dir() => parent.to_owned(),
                    _ => path,
                };
                if let Err(err) = opener(&path) {
                    let _ = sender.send((failure_text(opened, &err), path));
                    ctx.request_repaint();
                }
            });
        if let Err(err) = spawned {
            let _ = self
                .sender
                .send((failure_text(opened, &err), PathBuf::new()));
        }
    }

    /// What failed to open since the last call: the message and the path.
    pub fn failures(&self) -> Vec<(String, PathBuf)> {
        self.failures.try_iter().collect()
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What this desktop offers for saving a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Desktop {
    /// A native save dialog can appear ([`file_dialog_available`]).
    pub file_dialog: bool,
    /// Where to save without one.
    pub export_folder: ExportFolder,
}

/// Where "Export…" saves when there is no file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFolder {
    /// The learner's Documents folder, as the system names it.
    Documents(PathBuf),
    /// `<data dir>/exports`, when the system names no Documents folder (or it is missing).
    DataFolder(PathBuf),
}

impl ExportFolder {
    /// The learner's Documents folder if the system names one and it exists, else
    /// `<data dir>/exports`. Reads the disk (the XDG user-dirs file, a folder check).
    pub fn find(data_dir: &Path) -> Self {
        directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_owned))
            .filter(|dir| dir.is_dir())
            .map_or_else(
                || Self::DataFolder(data_dir.join("exports")),
                Self::Documents,
            )
    }

    pub fn path(&self) -> &Path {
        match self {
            Self::Documents(path) | Self::DataFolder(path) => path,
        }
    }

    /// "your Documents folder": where it is, in words.
    pub fn words(&self) -> &'static str {
        match self {
            Self::Documents(_) => "your Documents folder",
            Self::DataFolder(_) => "study-planner's data folder",
        }
    }
}

impl Desktop {
    /// Looks around (reads a few small files: off the UI thread).
    pub fn detect(data_dir: &Path) -> Self {
        Self {
            file_dialog: file_dialog_available(),
            export_folder: ExportFolder::find(data_dir),
        }
    }

    /// [`Self::detect`] on a background thread; the cell is empty until it has looked.
    pub fn detect_in_background(data_dir: &Path) -> Arc<OnceLock<Self>> {
        let cell = Arc::new(OnceLock::new());
        let filled = Arc::clone(&cell);
        let data_dir = data_dir.to_owned();
        let spawned = std::thread::Builder::new()
            .name("study-planner desktop".to_owned())
            .spawn(move || {
                let _ = filled.set(Self::detect(&data_dir));
            });
        if spawned.is_err() {
            log::warn!("cannot look for a file dialog; assuming there is one");
        }
        cell
    }
}

/// Whether this system can show a native save dialog. macOS and Windows always can; elsewhere
/// rfd needs xdg-desktop-portal with a file-chooser backend (over the D-Bus session bus) or
/// `zenity`, and without them it returns "no file" at once, as if the learner had cancelled.
/// Reads a few small files: call it off the UI thread.
pub fn file_dialog_available() -> bool {
    if cfg!(any(target_os = "macos", windows)) {
        return true;
    }
    on_path("zenity") || portal_file_chooser()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// A D-Bus session, the portal service, and a portal backend that implements FileChooser.
fn portal_file_chooser() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    if !bus {
        return false;
    }
    let data_dirs = data_dirs();
    let service = data_dirs.iter().any(|dir| {
        dir.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    });
    service
        && data_dirs.iter().any(|dir| {
            std::fs::read_dir(dir.join("xdg-desktop-portal/portals"))
                .into_iter()
                .flatten()
                .flatten()
                .any(|entry| {
                    std::fs::read_to_string(entry.path())
                        .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
                })
        })
}

/// `$XDG_DATA_HOME` and `$XDG_DATA_DIRS`, with the XDG defaults.
fn data_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(home) => dirs.push(PathBuf::from(home)),
        None => {
            if let Some(home) = std::env::var_os("HOME") {
                dirs.push(Path::new(&home).join(".local/share"));
            }
        }
    }
    let system = std::env::var_os("XDG_DATA_DIRS")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    dirs.extend(std::env::split_paths(&system));
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launcher_failures_are_said_in_words() {
        let raw = io::Error::other(
            "Launcher \"gio\" \"open\" \"/home/ada\" failed with ExitStatus(unix_wait_status(512))",
        );
        let text = failure_text(Opened::Folder, &raw);
        assert_eq!(
            text,
            "Could not open the folder (no file manager is set up to open it). Open it \
             yourself in your file manager:"
        );
        assert!(!text.contains("ExitStatus") && !text.contains("gio"));

        let missing = io::Error::new(io::ErrorKind::NotFound, "No such file or directory");
        let text = failure_text(Opened::Pdf, &missing);
        assert!(text.starts_with("Could not open the PDF (this system has no program"));
        assert!(text.ends_with("open it yourself to print it:"));

        let other = io::Error::other("Broken pipe");
        let text = failure_text(Opened::Pdf, &other);
        assert!(text.contains("(the system said: broken pipe)"), "{text}");
    }

    #[test]
    fn without_documents_exports_go_to_the_data_folder() {
        let data = Path::new("/nonexistent/study-planner");
        match ExportFolder::find(data) {
            ExportFolder::Documents(path) => assert!(path.is_dir()),
            ExportFolder::DataFolder(path) => assert_eq!(path, data.join("exports")),
        }
    }
}
