//! Where the learner's data lives.

use std::path::PathBuf;

/// The OS data directory for study-planner (`~/.local/share/study-planner` on Linux,
/// `~/Library/Application Support/study-planner` on macOS, `%APPDATA%\study-planner\data` on
/// Windows), or `None` when the OS reports no home directory.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "study-planner").map(|dirs| dirs.data_dir().to_owned())
}
