//! Atomic file replacement, and the seam that lets tests make any step of it fail.
//!
//! A save is: create a new temporary file in the same folder, write, flush it to disk, rename
//! it over the target, flush the folder. At every instant the target is either the complete
//! old file or the complete new one; a save killed half-way leaves only a temporary file,
//! which [`remove_stale_temp_files`] cleans up at the next start.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The steps of a save, in order (tests make each one fail in turn).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    CreateTemp,
    Write,
    SyncFile,
    Rename,
    SyncDir,
}

impl Step {
    pub const ALL: [Self; 5] = [
        Self::CreateTemp,
        Self::Write,
        Self::SyncFile,
        Self::Rename,
        Self::SyncDir,
    ];
}

/// The file-system operations a save uses. The provided methods do the real thing; a test
/// implementation overrides one to fail.
pub trait Fs: Send + Sync {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        OpenOptions::new().write(true).create_new(true).open(path)
    }

    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl Fs for RealFs {}

/// Makes a rename durable: flushes the folder's entry list. Windows has no portable way to
/// open a folder for this, and NTFS journals renames, so it is a no-op there.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// The marker in temporary file names: `progress.ron.tmp-<pid>-<n>`.
const TEMP_MARKER: &str = ".tmp-";

fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = target.file_name().unwrap_or_default().to_owned();
    name.push(format!("{TEMP_MARKER}{}-{n}", std::process::id()));
    target.with_file_name(name)
}

/// A failed save step, with the file it concerned.
#[derive(Debug, thiserror::Error)]
#[error("{step:?} failed: {source}: {}", path.display())]
pub struct WriteError {
    pub step: Step,
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Replaces `target` with `bytes` atomically (see the module docs). On error the target is
/// untouched (unless only the final folder sync failed: then the new file is in place but may
/// not survive a power cut) and the temporary file is removed.
pub fn atomic_write(fs: &dyn Fs, target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_path(target);
    let mut file = fs.create_new(&tmp).map_err(fail(Step::CreateTemp, &tmp))?;
    let written = fs
        .write(&mut file, bytes)
        .map_err(fail(Step::Write, &tmp))
        .and_then(|()| fs.sync_file(&file).map_err(fail(Step::SyncFile, &tmp)))
        .and_then(|()| {
            drop(file);
            fs.rename(&tmp, target).map_err(fail(Step::Rename, target))
        });
    if let Err(err) = written {
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    fs.sync_dir(&dir).map_err(fail(Step::SyncDir, &dir))
}

/// Wraps an I/O error with the step and file it happened at.
fn fail(step: Step, path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        step,
        path: path.to_owned(),
        source,
    }
}

/// Whether `name` is a temporary file left by a save of `target_name`.
pub fn is_temp_of(name: &str, target_name: &str) -> bool {
    name.strip_prefix(target_name)
        .is_some_and(|rest| rest.starts_with(TEMP_MARKER))
}

/// Removes temporary files left in `dir` by killed saves of the given targets. Only the
/// instance holding the lock may call this (another one may be mid-save). Returns the files
/// removed, sorted.
pub fn remove_stale_temp_files(dir: &Path, target_names: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            target_names.iter().any(|target| is_temp_of(&name, target))
        })
        .map(|entry| entry.path())
        .filter(|path| fs::remove_file(path).is_ok())
        .collect();
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised() {
        let tmp = temp_path(Path::new("/x/progress.ron"));
        let name = tmp.file_name().map(|n| n.to_string_lossy().into_owned());
        assert!(is_temp_of(name.as_deref().unwrap_or(""), "progress.ron"));
        assert!(!is_temp_of("progress.ron", "progress.ron"));
        assert!(!is_temp_of("progress.ron.bak", "progress.ron"));
        assert!(is_temp_of("progress.ron.bak.tmp-1-2", "progress.ron.bak"));
    }
}
