//! Where the learner's data lives.

use std::path::PathBuf;

/// The OS data directory for study-planner (`~/.local/share/study-planner` on Linux,
/// `~/Library/Application Support/study-planner` on macOS, `%APPDATA%\study-planner\data` on
/// Windows), or `None` when the OS reports no home directory.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "study-planner").map(|dirs| dirs.data_dir().to_owned())
}

/// Where a copy of the learner's progress goes when the data folder cannot be written and no
/// file dialog can ask: their documents folder, their home folder, then the temporary folder
/// (tried in this order). The window says which one took it.
pub fn rescue_dirs() -> Vec<PathBuf> {
    let user = directories::UserDirs::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(user) = &user {
        if let Some(documents) = user.document_dir() {
            dirs.push(documents.to_owned());
        }
        dirs.push(user.home_dir().to_owned());
    }
    dirs.push(std::env::temp_dir());
    dirs.dedup();
    dirs
}
