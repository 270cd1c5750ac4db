//! Opening the data folder (lock, clean-up, reading, recovery) and saving to it. Synchronous:
//! the app runs [`ProgressStore::save`] on the saver thread, never on the UI thread.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::disk::{Fs, RealFs, Step, WriteError, atomic_write, remove_stale_temp_files};
use super::document::{DecodeError, Decoded, ProgressDocument, Repair, decode, repairs};
use super::{Notice, ReadOnlyReason};
use crate::progress::RoadmapProgress;

/// The learner's progress, all roadmaps.
pub const PROGRESS_FILE: &str = "progress.ron";
/// The previous good `progress.ron`, rewritten before each save.
pub const BACKUP_FILE: &str = "progress.ron.bak";
/// Held (with an OS lock) by the one window allowed to save.
pub const LOCK_FILE: &str = "progress.lock";
/// Larger files are treated as unreadable rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a save did not happen. Every variant names the file or folder at the end.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("changes are not saved: {0}")]
    ReadOnly(ReadOnlyReason),
    #[error("cannot write the progress file: {0}")]
    Serialize(String),
    #[error("cannot create the data folder: {source}: {}", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot save: {0}")]
    Write(#[from] WriteError),
    /// The new file replaced the old one, but the folder could not be flushed: the learner's
    /// changes are in the file, and only a power cut before the next flush could undo that.
    #[error(
        "your changes are in the progress file, but its folder could not be flushed to disk \
         ({}), so a power cut now could still undo the save: {}",
        .0.source,
        .0.path.display()
    )]
    NotDurable(WriteError),
}

impl SaveError {
    /// Whether the learner's changes are on disk (in place, if not yet flushed).
    pub fn changes_are_in_the_file(&self) -> bool {
        matches!(self, Self::NotDurable(_))
    }
}

/// Why an imported file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: {source}", path.display())]
    Decode { path: PathBuf, source: DecodeError },
    #[error(
        "{} was written by a newer study-planner (file version {version}); update to import it",
        path.display()
    )]
    Newer { path: PathBuf, version: u32 },
    #[error("{} holds no progress for roadmap “{roadmap_id}” (it has: {found})", path.display())]
    NoSuchRoadmap {
        path: PathBuf,
        roadmap_id: String,
        found: String,
    },
}

/// The data folder, opened.
pub struct ProgressStore {
    dir: PathBuf,
    roadmap_id: String,
    fs: Arc<dyn Fs>,
    /// Every roadmap's progress as last saved or loaded (other roadmaps are kept as found).
    document: ProgressDocument,
    /// The bytes now in `progress.ron`, known good; they become the backup at the next save.
    last_good: Option<Vec<u8>>,
    /// The bytes now in `progress.ron.bak`, so an unchanged backup is not rewritten.
    backup: Option<Vec<u8>>,
    read_only: Option<ReadOnlyReason>,
    /// A folder whose flush failed after the last save's rename; flushed again at the next save.
    unflushed_dir: Option<PathBuf>,
    /// Held for as long as the store lives; the OS releases it if the process dies.
    _lock: Option<File>,
}

/// Where the progress file really is. `progress.ron` may be a symbolic link (into a synced
/// folder, say): then the file it points to is read and replaced, and its backup, temporary
/// files and unreadable copies sit beside it, so the link itself is never replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
struct FilePaths {
    /// The file `progress.ron` resolves to (itself when it is not a link).
    main: PathBuf,
    /// `<main>.bak`: `progress.ron.bak` for a plain file.
    backup: PathBuf,
    /// The folder holding both.
    folder: PathBuf,
}

impl FilePaths {
    fn resolve(dir: &Path) -> Self {
        let main = resolve_links(&dir.join(PROGRESS_FILE));
        let mut backup_name = main.file_name().unwrap_or_default().to_owned();
        backup_name.push(".bak");
        let backup = main.with_file_name(backup_name);
        let folder = match main.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
            _ => dir.to_owned(),
        };
        Self {
            main,
            backup,
            folder,
        }
    }

    fn names(&self) -> [String; 2] {
        [&self.main, &self.backup].map(|path| {
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
    }
}

/// Writes `bytes`, the file as it was read, to `copy` before anything is saved over it.
/// If the copy cannot be written the window goes read-only for `reason` and says so: nothing
/// may overwrite a file whose original is not kept.
fn keep_copy(
    fs: &dyn Fs,
    copy: &Path,
    bytes: &[u8],
    reason: impl FnOnce(String) -> ReadOnlyReason,
    notices: &mut Vec<Notice>,
    read_only: &mut Option<ReadOnlyReason>,
) -> bool {
    match atomic_write(fs, copy, bytes) {
        Ok(()) => true,
        Err(err) => {
            let reason = reason(err.to_string());
            notices.push(Notice::read_only(&reason));
            *read_only = Some(reason);
            false
        }
    }
}

/// Follows symbolic links from `path` to the file they end at, which need not exist yet (a
/// dangling link is written through, creating its target). Stops after 40 links, as the OS
/// does, and at anything that is not a link.
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    current
}

/// What opening found.
pub struct Opened {
    pub store: ProgressStore,
    /// This roadmap's progress (empty for a new learner).
    pub progress: RoadmapProgress,
    /// What the learner should be told, in order.
    pub notices: Vec<Notice>,
    /// The data came from the backup or an older version: save it soon, so `progress.ron`
    /// is whole and current again even if the learner changes nothing.
    pub needs_save: bool,
}

enum LockOutcome {
    Held(File),
    HeldElsewhere,
    /// Locking is not possible here (no folder, a file system without locks); saving is
    /// still tried and fails visibly if the folder cannot be written.
    Unavailable,
}

fn take_lock(dir: &Path) -> LockOutcome {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))
    else {
        return LockOutcome::Unavailable;
    };
    match file.try_lock() {
        Ok(()) => LockOutcome::Held(file),
        Err(fs::TryLockError::WouldBlock) => LockOutcome::HeldElsewhere,
        Err(fs::TryLockError::Error(err)) => {
            log::warn!("cannot lock {}: {err}", dir.join(LOCK_FILE).display());
            LockOutcome::Unavailable
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`]; `Ok(None)` when it does not exist.
fn read_capped(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024)),
        ));
    }
    Ok(Some(bytes))
}

/// Why a file on disk could not be used.
enum Unusable {
    Io(io::Error),
    Decode(DecodeError),
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(err) => write!(f, "{err}"),
            Self::Decode(err) => write!(f, "{err}"),
        }
    }
}

fn read_and_decode(path: &Path) -> Result<Option<(Vec<u8>, Decoded)>, Unusable> {
    match read_capped(path) {
        Ok(None) => Ok(None),
        Ok(Some(bytes)) => match decode(&bytes) {
            Ok(decoded) => Ok(Some((bytes, decoded))),
            Err(err) => Err(Unusable::Decode(err)),
        },
        // A file too large is as unusable as a corrupt one; other read errors (permissions)
        // say nothing about its contents.
        Err(err) if err.kind() == io::ErrorKind::InvalidData => {
            Err(Unusable::Decode(DecodeError::Syntax {
                line: 1,
                column: 1,
                message: err.to_string(),
            }))
        }
        Err(err) => Err(Unusable::Io(err)),
    }
}

/// `progress.unreadable-20261125T091500Z.ron` (for `kind` "unreadable"), not yet taken.
fn stamped_path(dir: &Path, stem: &str, kind: &str) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut path = dir.join(format!("{stem}.{kind}-{stamp}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}.{kind}-{stamp}-{n}.ron"));
        n += 1;
    }
    path
}

/// Moves an unreadable file aside so it is never overwritten; returns where it went.
fn quarantine(dir: &Path, file: &Path, stem: &str) -> io::Result<PathBuf> {
    let target = stamped_path(dir, stem, "unreadable");
    fs::rename(file, &target)?;
    let _ = super::disk::sync_dir(dir);
    Ok(target)
}

impl ProgressStore {
    /// Opens `dir` for `roadmap_id` on the real file system. See [`Self::open_with`].
    pub fn open(dir: &Path, roadmap_id: &str) -> Opened {
        Self::open_with(dir, roadmap_id, Arc::new(RealFs))
    }

    /// Opens the data folder: takes the lock (or opens read-only), removes temporary files of
    /// killed saves, reads `progress.ron`, and recovers from what can go wrong — an unreadable
    /// file is moved aside and the backup used; a newer version is read-only; an older one is
    /// migrated with the original kept. Reads one small file; never fails: what went wrong is
    /// in the notices.
    pub fn open_with(dir: &Path, roadmap_id: &str, fs: Arc<dyn Fs>) -> Opened {
        let mut notices = Vec::new();
        let mut read_only = None;
        if let Err(err) = fs::create_dir_all(dir) {
            notices.push(Notice::error(
                format!("Cannot create the data folder ({err}); changes cannot be saved."),
                Some(dir.to_owned()),
            ));
        }
        let lock = match take_lock(dir) {
            LockOutcome::Held(file) => Some(file),
            LockOutcome::HeldElsewhere => {
                let reason = ReadOnlyReason::OtherWindow {
                    lock: dir.join(LOCK_FILE),
                };
                notices.push(Notice::read_only(&reason));
                read_only = Some(reason);
                None
            }
            LockOutcome::Unavailable => None,
        };
        let owner = read_only.is_none();
        let paths = FilePaths::resolve(dir);
        if owner {
            let mut removed = remove_stale_temp_files(dir, &[PROGRESS_FILE, BACKUP_FILE]);
            if paths.folder != dir {
                let [main_name, backup_name] = paths.names();
                removed.extend(remove_stale_temp_files(
                    &paths.folder,
                    &[&main_name, &backup_name],
                ));
            }
            if !removed.is_empty() {
                log::info!(
                    "removed {} temporary file(s) of interrupted saves",
                    removed.len()
                );
            }
        }

        let main_path = paths.main.clone();
        let backup_path = paths.backup.clone();
        let mut last_good = None;
        let mut backup = None;
        let mut needs_save = false;
        // The bytes a document was read from, the file, and a copy of it already kept: where
        // to look for values changed when reading (`repairs`).
        let mut source: Option<(Vec<u8>, PathBuf, Option<PathBuf>)> = None;
        let document = match read_and_decode(&main_path) {
            Ok(Some((bytes, decoded))) => {
                let mut kept_original = None;
                let document = match decoded {
                    Decoded::Current(document) => document,
                    Decoded::Migrated {
                        document,
                        from_version,
                    } => {
                        needs_save = true;
                        if owner {
                            let kept = dir.join(format!("progress.v{from_version}.ron"));
                            let copied = keep_copy(
                                fs.as_ref(),
                                &kept,
                                &bytes,
                                |error| ReadOnlyReason::CannotKeepOriginal { error },
                                &mut notices,
                                &mut read_only,
                            );
                            if copied {
                                kept_original = Some(kept.clone());
                                notices.push(Notice::info(
                                    format!(
                                        "Your progress file was written by an older version \
                                         (file version {from_version}) and has been \
                                         updated; the original is kept."
                                    ),
                                    Some(kept),
                                ));
                            }
                        }
                        document
                    }
                    Decoded::Newer { document, version } => {
                        let reason = ReadOnlyReason::NewerVersion {
                            version,
                            path: main_path.clone(),
                        };
                        notices.push(Notice::read_only(&reason));
                        read_only = Some(reason);
                        document
                    }
                };
                source = Some((bytes.clone(), main_path.clone(), kept_original));
                last_good = Some(bytes);
                document
            }
            Ok(None) => match read_and_decode(&backup_path) {
                // No main file but a good backup: the main file was deleted by hand.
                Ok(Some((bytes, decoded))) => {
                    notices.push(Notice::warning(
                        format!("{PROGRESS_FILE} was missing; your progress was restored from the backup."),
                        Some(backup_path.clone()),
                    ));
                    source = Some((bytes.clone(), backup_path.clone(), None));
                    backup = Some(bytes);
                    needs_save = true;
                    decoded_or_read_only(decoded, &backup_path, &mut read_only, &mut notices)
                }
                _ => ProgressDocument::new(),
            },
            Err(Unusable::Io(err)) => {
                let reason = ReadOnlyReason::CannotRead {
                    path: main_path.clone(),
                    error: err.to_string(),
                };
                notices.push(Notice::read_only(&reason));
                read_only = Some(reason);
                ProgressDocument::new()
            }
            Err(Unusable::Decode(err)) => {
                let moved = if owner {
                    let stem = main_path.file_stem().unwrap_or_default().to_string_lossy();
                    match quarantine(&paths.folder, &main_path, &stem) {
                        Ok(moved) => Some(moved),
                        Err(move_err) => {
                            let reason = ReadOnlyReason::CannotRead {
                                path: main_path.clone(),
                                error: format!("{err}; and it cannot be moved aside: {move_err}"),
                            };
                            notices.push(Notice::read_only(&reason));
                            read_only = Some(reason);
                            None
                        }
                    }
                } else {
                    None
                };
                let recovered = read_and_decode(&backup_path);
                let (document, from_backup) = match recovered {
                    Ok(Some((bytes, decoded))) => {
                        source = Some((bytes.clone(), backup_path.clone(), None));
                        backup = Some(bytes);
                        needs_save = true;
                        let document = decoded_or_read_only(
                            decoded,
                            &backup_path,
                            &mut read_only,
                            &mut notices,
                        );
                        (document, true)
                    }
                    _ => (ProgressDocument::new(), false),
                };
                notices.push(unreadable_notice(&err, &main_path, moved, from_backup));
                document
            }
        };
        if let Some((bytes, file, kept)) = source {
            let found = repairs(&bytes);
            if !found.is_empty() {
                // Saved soon, so the learner is told once; the file as it was is copied
                // first (the backup alone is rewritten by the second save).
                needs_save = true;
                let copy = match kept {
                    Some(kept) => Some(kept),
                    None if owner && read_only.is_none() => {
                        let stem = main_path.file_stem().unwrap_or_default().to_string_lossy();
                        let copy = stamped_path(&paths.folder, &stem, "before-repair");
                        keep_copy(
                            fs.as_ref(),
                            &copy,
                            &bytes,
                            |error| ReadOnlyReason::CannotKeepRepaired { error },
                            &mut notices,
                            &mut read_only,
                        )
                        .then_some(copy)
                    }
                    None => None,
                };
                notices.push(repaired_notice(&found, roadmap_id, &file, copy));
            }
        }
        let progress = document.roadmap(roadmap_id);
        let needs_save = needs_save && read_only.is_none();
        Opened {
            store: Self {
                dir: dir.to_owned(),
                roadmap_id: roadmap_id.to_owned(),
                fs,
                document,
                last_good,
                backup,
                read_only,
                unflushed_dir: None,
                _lock: lock,
            },
            progress,
            notices,
            needs_save,
        }
    }

    /// Why this store does not save, if it does not.
    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `progress.ron` in the data folder (a link, possibly; saves go to what it points to).
    pub fn progress_path(&self) -> PathBuf {
        self.dir.join(PROGRESS_FILE)
    }

    /// Saves this roadmap's progress: the previous good file becomes the backup, then the new
    /// one replaces `progress.ron` (or the file it links to) atomically. On error nothing good
    /// is lost and the next call tries again. Does nothing when the content is unchanged,
    /// apart from flushing a folder whose last flush failed.
    pub fn save(&mut self, progress: &RoadmapProgress) -> Result<(), SaveError> {
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let mut document = self.document.clone();
        document.set_roadmap(&self.roadmap_id, progress);
        let text = document
            .to_ron()
            .map_err(|err| SaveError::Serialize(err.to_string()))?;
        if self.last_good.as_deref() == Some(text.as_bytes()) {
            return self.flush_folder_again();
        }
        fs::create_dir_all(&self.dir).map_err(|source| SaveError::CreateDir {
            path: self.dir.clone(),
            source,
        })?;
        // Resolved at every save: the learner may point the link elsewhere while the app runs.
        let paths = FilePaths::resolve(&self.dir);
        if let Some(previous) = &self.last_good
            && self.backup.as_ref() != Some(previous)
        {
            match atomic_write(self.fs.as_ref(), &paths.backup, previous) {
                // The main file's folder flush below makes this rename durable too.
                Ok(()) => {}
                Err(err) if err.step == Step::SyncDir => {}
                Err(err) => return Err(err.into()),
            }
            self.backup = Some(previous.clone());
        }
        let not_durable = match atomic_write(self.fs.as_ref(), &paths.main, text.as_bytes()) {
            Ok(()) => None,
            // Only the folder flush after the rename failed: the new file is in place.
            Err(err) if err.step == Step::SyncDir => Some(err),
            Err(err) => return Err(err.into()),
        };
        self.unflushed_dir = not_durable.as_ref().map(|err| err.path.clone());
        self.last_good = Some(text.into_bytes());
        self.document = document;
        not_durable.map_or(Ok(()), |err| Err(SaveError::NotDurable(err)))
    }

    /// Retries the flush of a folder whose flush failed after a save.
    fn flush_folder_again(&mut self) -> Result<(), SaveError> {
        let Some(dir) = self.unflushed_dir.clone() else {
            return Ok(());
        };
        self.fs.sync_dir(&dir).map_err(|source| {
            SaveError::NotDurable(WriteError {
                step: Step::SyncDir,
                path: dir.clone(),
                source,
            })
        })?;
        self.unflushed_dir = None;
        Ok(())
    }

    /// How many of this roadmap's items, notes and plan differ from what is saved: what
    /// would be lost if `progress` were never written.
    pub fn changes_not_saved(&self, progress: &RoadmapProgress) -> usize {
        count_changes(&self.document.roadmap(&self.roadmap_id), progress)
    }

    /// Writes every roadmap's progress (with this roadmap's as given) to `path`, in the same
    /// format as `progress.ron`, so it can be imported elsewhere.
    pub fn export(&self, progress: &RoadmapProgress, path: &Path) -> Result<(), SaveError> {
        let mut document = self.document.clone();
        document.set_roadmap(&self.roadmap_id, progress);
        let text = document
            .to_ron()
            .map_err(|err| SaveError::Serialize(err.to_string()))?;
        atomic_write(self.fs.as_ref(), path, text.as_bytes())?;
        Ok(())
    }
}

/// Items, item notes, stage notes and the plan (as one) that differ between two snapshots.
fn count_changes(saved: &RoadmapProgress, current: &RoadmapProgress) -> usize {
    fn differing<V: PartialEq>(
        a: &std::collections::BTreeMap<String, V>,
        b: &std::collections::BTreeMap<String, V>,
    ) -> usize {
        let changed_or_gone = a.iter().filter(|(key, value)| b.get(*key) != Some(value));
        let added = b.keys().filter(|key| !a.contains_key(*key));
        changed_or_gone.count() + added.count()
    }
    differing(&saved.items, &current.items)
        + differing(&saved.stage_notes, &current.stage_notes)
        + usize::from(saved.plan != current.plan)
}

fn decoded_or_read_only(
    decoded: Decoded,
    path: &Path,
    read_only: &mut Option<ReadOnlyReason>,
    notices: &mut Vec<Notice>,
) -> ProgressDocument {
    if let Decoded::Newer { version, .. } = decoded {
        let reason = ReadOnlyReason::NewerVersion {
            version,
            path: path.to_owned(),
        };
        notices.push(Notice::read_only(&reason));
        *read_only = Some(reason);
    }
    decoded.into_document()
}

/// What was changed in `file` when it was read, and where the file as it was is kept (`copy`;
/// without one, nothing has been written over it).
fn repaired_notice(
    found: &[Repair],
    roadmap_id: &str,
    file: &Path,
    copy: Option<PathBuf>,
) -> Notice {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let changes = describe_repairs(found, roadmap_id);
    match copy {
        Some(copy) => Notice::warning(
            format!(
                "{name} had values a plan cannot use, changed so that everything else in it \
                 could be read: {changes}. A copy of the file as it was is kept."
            ),
            Some(copy),
        ),
        None => Notice::warning(
            format!(
                "{name} has values a plan cannot use, read as changed so that everything else \
                 in it could be read: {changes}. The file itself is not changed."
            ),
            Some(file.to_owned()),
        ),
    }
}

/// The values changed as a file was read, in words, for a notice.
fn describe_repairs(found: &[Repair], roadmap_id: &str) -> String {
    found
        .iter()
        .map(|repair| repair.describe(roadmap_id))
        .collect::<Vec<_>>()
        .join("; ")
}

fn unreadable_notice(
    err: &DecodeError,
    main_path: &Path,
    moved: Option<PathBuf>,
    from_backup: bool,
) -> Notice {
    let recovery = if from_backup {
        "Your progress was restored from the backup (the state before your last save)."
    } else {
        "There was no usable backup, so the checklist starts empty."
    };
    match moved {
        Some(moved) => Notice::warning(
            format!(
                "{PROGRESS_FILE} could not be read ({err}). It was moved aside, not deleted. {recovery}"
            ),
            Some(moved),
        ),
        None => Notice::warning(
            format!("{PROGRESS_FILE} could not be read ({err}). {recovery}"),
            Some(main_path.to_owned()),
        ),
    }
}

/// What [`load_read_only`] found.
#[derive(Debug)]
pub struct ReadOnlyLoad {
    pub progress: RoadmapProgress,
    pub notices: Vec<Notice>,
}

/// Reads a roadmap's saved progress without locking, moving or writing anything (for the
/// command line, which may run while a window is open). Falls back to the backup when the
/// main file is unreadable; a missing file gives empty progress.
pub fn load_read_only(dir: &Path, roadmap_id: &str) -> Result<ReadOnlyLoad, String> {
    let main_path = dir.join(PROGRESS_FILE);
    let backup_path = dir.join(BACKUP_FILE);
    let mut notices = Vec::new();
    let mut read_only = None;
    let mut source = None;
    let document = match read_and_decode(&main_path) {
        Ok(Some((bytes, decoded))) => {
            source = Some((bytes, main_path.clone()));
            decoded_or_read_only(decoded, &main_path, &mut read_only, &mut notices)
        }
        Ok(None) => ProgressDocument::new(),
        Err(err) => match read_and_decode(&backup_path) {
            Ok(Some((bytes, decoded))) => {
                source = Some((bytes, backup_path.clone()));
                notices.push(Notice::warning(
                    format!("{PROGRESS_FILE} could not be read ({err}); using the backup."),
                    Some(backup_path.clone()),
                ));
                decoded_or_read_only(decoded, &backup_path, &mut read_only, &mut notices)
            }
            _ => {
                return Err(format!(
                    "cannot read the saved progress ({err}) and there is no usable backup: {}",
                    main_path.display()
                ));
            }
        },
    };
    if let Some((bytes, file)) = source {
        let found = repairs(&bytes);
        if !found.is_empty() {
            notices.push(repaired_notice(&found, roadmap_id, &file, None));
        }
    }
    Ok(ReadOnlyLoad {
        progress: document.roadmap(roadmap_id),
        notices,
    })
}

/// What [`read_import`] took from a progress file.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedProgress {
    pub progress: RoadmapProgress,
    /// The roadmap whose part it is.
    pub roadmap_id: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// Values of this roadmap's plan that were changed as the file was read (see
    /// [`repairs`]): empty for a file that is fine.
    pub repaired: Vec<Repair>,
}

impl ImportedProgress {
    /// "Progress imported and saved…", and what was changed as it was read, in the words
    /// of the notice the store gives when it opens a file with such values.
    pub fn notice(&self, backup: PathBuf) -> Notice {
        let done = "Progress imported and saved. The progress it replaced is in the backup file.";
        if self.repaired.is_empty() {
            return Notice::info(done, Some(backup));
        }
        let name = self.file.file_name().unwrap_or_default().to_string_lossy();
        let changes = describe_repairs(&self.repaired, &self.roadmap_id);
        Notice::warning(
            format!(
                "{done} {name} had values a plan cannot use, changed so that everything \
                 else in it could be imported: {changes}. The file itself is not changed."
            ),
            Some(backup),
        )
    }
}

/// Reads a progress file the learner picked to import, and takes this roadmap's part of it,
/// with what was changed as it was read.
pub fn read_import(path: &Path, roadmap_id: &str) -> Result<ImportedProgress, ImportError> {
    let bytes = match read_capped(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(ImportError::Read {
                path: path.to_owned(),
                source: io::Error::from(io::ErrorKind::NotFound),
            });
        }
        Err(source) => {
            return Err(ImportError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    let decoded = decode(&bytes).map_err(|source| ImportError::Decode {
        path: path.to_owned(),
        source,
    })?;
    if let Decoded::Newer { version, .. } = decoded {
        return Err(ImportError::Newer {
            path: path.to_owned(),
            version,
        });
    }
    let document = decoded.into_document();
    match document.roadmaps.get(roadmap_id) {
        Some(progress) => Ok(ImportedProgress {
            progress: progress.clone(),
            roadmap_id: roadmap_id.to_owned(),
            file: path.to_owned(),
            repaired: repairs(&bytes)
                .into_iter()
                .filter(|repair| repair.roadmap_id == roadmap_id)
                .collect(),
        }),
        None => Err(ImportError::NoSuchRoadmap {
            path: path.to_owned(),
            roadmap_id: roadmap_id.to_owned(),
            found: if document.roadmaps.is_empty() {
                "nothing".to_owned()
            } else {
                document
                    .roadmaps
                    .keys()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        }),
    }
}
