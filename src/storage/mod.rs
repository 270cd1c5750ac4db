//! Keeping the learner's progress on disk so that nothing is ever lost.
//!
//! One versioned RON file, `progress.ron`, in the data folder holds every roadmap's progress
//! keyed by roadmap id. Saves are atomic (temporary file, flush, rename, folder flush), the
//! previous good file is kept as `progress.ron.bak`, an unreadable file is moved aside (never
//! overwritten) and the backup used, a newer version's file is opened read-only, an older
//! one migrated (the original copied first), a plan date no plan can use changed alone (the
//! file copied first, the learner told: [`Repair`]), and a lock lets only one window save.
//!
//! This module never imports egui; the UI talks to it through [`Saver`] (a background thread,
//! so the UI thread never waits on the disk) and [`Notice`]s.

mod disk;
mod document;
mod saver;
mod store;

use std::path::PathBuf;

pub use disk::{Fs, RealFs, Step, WriteError, atomic_write, sync_dir};
pub use document::{
    CURRENT_VERSION, DecodeError, Decoded, ProgressDocument, Repair, RepairedValue, decode, repairs,
};
pub use saver::{
    DEBOUNCE, FlushHandle, FlushOutcome, Saver, SaverEvent, SaverOptions, rescue_file_name,
    retry_delay,
};
pub use store::{
    BACKUP_FILE, ImportError, ImportedProgress, LOCK_FILE, MAX_FILE_BYTES, Opened, PROGRESS_FILE,
    ProgressStore, ReadOnlyLoad, SaveError, load_read_only, read_import,
};

/// Why this window shows the learner's progress but does not save it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another study-planner window holds the lock on this data folder.
    OtherWindow { lock: PathBuf },
    /// The file was written by a newer study-planner; saving would downgrade it.
    NewerVersion { version: u32, path: PathBuf },
    /// The file exists but cannot be read (permissions), so it must not be replaced.
    CannotRead { path: PathBuf, error: String },
    /// An older file's original could not be kept before migrating it.
    CannotKeepOriginal { error: String },
    /// A file with values a plan cannot use could not be copied before they were changed.
    CannotKeepRepaired { error: String },
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::OtherWindow { lock } => write!(
                f,
                "another study-planner window is using this data folder; close it, then \
                 choose \u{201c}Make this window editable\u{201d} to make changes here: {}",
                lock.display()
            ),
            Self::NewerVersion { version, path } => write!(
                f,
                "the progress file was written by a newer study-planner (file version \
                 {version}, this one writes {CURRENT_VERSION}); update study-planner to make \
                 changes: {}",
                path.display()
            ),
            Self::CannotRead { path, error } => {
                write!(
                    f,
                    "the progress file cannot be read ({error}): {}",
                    path.display()
                )
            }
            Self::CannotKeepOriginal { error } => write!(
                f,
                "the progress file is from an older version and its original could not be \
                 kept before updating it ({error})"
            ),
            Self::CannotKeepRepaired { error } => write!(
                f,
                "the progress file has values a plan cannot use, and a copy of it could not be \
                 kept before changing them ({error})"
            ),
        }
    }
}

/// How serious a [`Notice`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    Info,
    Warning,
    Error,
}

/// Something the learner should be told about their saved data, with the file it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
    pub path: Option<PathBuf>,
}

impl Notice {
    pub fn info(text: impl Into<String>, path: Option<PathBuf>) -> Self {
        Self {
            level: NoticeLevel::Info,
            text: text.into(),
            path,
        }
    }

    pub fn warning(text: impl Into<String>, path: Option<PathBuf>) -> Self {
        Self {
            level: NoticeLevel::Warning,
            text: text.into(),
            path,
        }
    }

    pub fn error(text: impl Into<String>, path: Option<PathBuf>) -> Self {
        Self {
            level: NoticeLevel::Error,
            text: text.into(),
            path,
        }
    }

    pub fn read_only(reason: &ReadOnlyReason) -> Self {
        Self::warning(format!("Read-only: {reason}"), None)
    }
}
