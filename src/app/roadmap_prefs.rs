//! Which roadmaps the window remembers: the last one open (it reopens at the next start when
//! the command line names none) and the recent files of the "Roadmap" menu.
//!
//! They live in eframe's storage next to theme and zoom ([`super::prefs`]): losing them costs
//! a learner one "Open roadmap…", so eframe's plain write is good enough. Writing happens in
//! eframe's `save`; reading at start-up happens on the `progress-open` thread, which reads
//! the same small file eframe reads ([`RoadmapPrefs::from_window_file`]) before it opens the
//! learner's progress for that roadmap: the UI thread reads nothing more than before.
//! A `--screenshot` run neither reads nor writes them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many files "Recent" lists.
pub const RECENT_LEN: usize = 8;

/// The key in eframe's storage.
const STORAGE_KEY: &str = "study_planner_roadmaps";

/// Where a roadmap on screen came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoadmapSource {
    /// The Python Enterprise Development Roadmap built into the program.
    BuiltIn,
    /// A `.ron`, `.md` or `.txt` file (absolute, as the loader resolved it).
    File(PathBuf),
}

impl RoadmapSource {
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::BuiltIn => None,
            Self::File(path) => Some(path),
        }
    }
}

/// What is remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapPrefs {
    /// Most recent first, no repeats, at most [`RECENT_LEN`].
    pub recent: Vec<PathBuf>,
    /// The roadmap open when the window last switched or started (`None`: never recorded).
    pub last: Option<RoadmapSource>,
}

impl RoadmapPrefs {
    /// Records that `source` was opened: it is the last one, and a file moves to the top of
    /// "Recent" (once; the oldest falls off).
    pub fn opened(&mut self, source: &RoadmapSource) {
        self.last = Some(source.clone());
        if let RoadmapSource::File(path) = source {
            self.listed(path);
        }
    }

    /// Puts `path` at the top of "Recent" (once; the oldest falls off) without making it the
    /// last roadmap: a file that did not load, or one just written.
    pub fn listed(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LEN);
    }

    /// The roadmap that came from `from` comes from `to` now (saved as `.ron`): `to` is the
    /// last roadmap and takes `from`'s place under "Recent", at the top.
    pub fn moved(&mut self, from: &Path, to: &Path) {
        self.recent.retain(|known| known != from);
        self.opened(&RoadmapSource::File(to.to_owned()));
    }

    /// Takes a file that is gone off "Recent" (and off "last").
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        if self.last.as_ref().and_then(RoadmapSource::path) == Some(path) {
            self.last = Some(RoadmapSource::BuiltIn);
        }
    }

    /// The remembered roadmaps, or none (first run, no storage, an unreadable value).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value::<Self>(storage, STORAGE_KEY))
            .map(Self::tidied)
            .unwrap_or_default()
    }

    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// The remembered roadmaps from eframe's state file itself (a RON map of strings; see
    /// `window_file`), for the start-up thread that runs before eframe has read it. Reads
    /// the disk: never call it on the UI thread.
    pub fn from_window_file(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str::<std::collections::HashMap<String, String>>(&text).ok())
            .and_then(|entries| entries.get(STORAGE_KEY).cloned())
            .and_then(|value| ron::from_str::<Self>(&value).ok())
            .map(Self::tidied)
            .unwrap_or_default()
    }

    /// A hand-edited value made to keep the list's promises: no repeats, at most 8.
    fn tidied(self) -> Self {
        let mut recent: Vec<PathBuf> = Vec::new();
        for path in self.recent {
            if !recent.contains(&path) && recent.len() < RECENT_LEN {
                recent.push(path);
            }
        }
        Self { recent, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::MemoryStorage;

    fn file(name: &str) -> RoadmapSource {
        RoadmapSource::File(PathBuf::from(format!("/r/{name}")))
    }

    fn names(prefs: &RoadmapPrefs) -> Vec<String> {
        prefs
            .recent
            .iter()
            .map(|path| path.display().to_string())
            .collect()
    }

    #[test]
    fn recent_is_most_recent_first_without_repeats_and_at_most_eight() {
        let mut prefs = RoadmapPrefs::default();
        for name in ["a", "b", "c"] {
            prefs.opened(&file(name));
        }
        assert_eq!(names(&prefs), ["/r/c", "/r/b", "/r/a"]);
        prefs.opened(&file("a"));
        assert_eq!(names(&prefs), ["/r/a", "/r/c", "/r/b"]);
        for index in 0..10 {
            prefs.opened(&file(&index.to_string()));
        }
        assert_eq!(prefs.recent.len(), RECENT_LEN);
        assert_eq!(names(&prefs)[0], "/r/9");
        assert_eq!(names(&prefs)[7], "/r/2");
        assert_eq!(prefs.last, Some(file("9")));
    }

    #[test]
    fn the_built_in_roadmap_is_last_but_never_recent() {
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        prefs.opened(&RoadmapSource::BuiltIn);
        assert_eq!(prefs.last, Some(RoadmapSource::BuiltIn));
        assert_eq!(names(&prefs), ["/r/a"]);
    }

    #[test]
    fn a_listed_file_tops_recent_but_is_not_the_last_roadmap() {
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        prefs.listed(Path::new("/r/broken"));
        assert_eq!(names(&prefs), ["/r/broken", "/r/a"]);
        assert_eq!(prefs.last, Some(file("a")));
    }

    #[test]
    fn a_moved_roadmap_takes_the_old_file_s_place_and_is_the_last_one() {
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        prefs.opened(&file("rust.md"));
        prefs.moved(Path::new("/r/rust.md"), Path::new("/r/rust.ron"));
        assert_eq!(names(&prefs), ["/r/rust.ron", "/r/a"]);
        assert_eq!(prefs.last, Some(file("rust.ron")));
    }

    #[test]
    fn a_forgotten_file_leaves_recent_and_last() {
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        prefs.opened(&file("b"));
        prefs.forget(Path::new("/r/b"));
        assert_eq!(names(&prefs), ["/r/a"]);
        assert_eq!(prefs.last, Some(RoadmapSource::BuiltIn));
    }

    #[test]
    fn remembered_roadmaps_survive_a_restart_and_a_bad_value_is_tidied() {
        let mut storage = MemoryStorage::default();
        assert_eq!(RoadmapPrefs::load(Some(&storage)), RoadmapPrefs::default());
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        prefs.store(&mut storage);
        assert_eq!(RoadmapPrefs::load(Some(&storage)), prefs);

        let repeated = RoadmapPrefs {
            recent: vec!["/x".into(); 12],
            last: None,
        };
        repeated.store(&mut storage);
        assert_eq!(names(&RoadmapPrefs::load(Some(&storage))), ["/x"]);
        eframe::Storage::set_string(&mut storage, STORAGE_KEY, "not ron (".to_owned());
        assert_eq!(RoadmapPrefs::load(Some(&storage)), RoadmapPrefs::default());
    }

    #[test]
    fn the_start_up_thread_reads_what_eframe_stored() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("window");
        let mut prefs = RoadmapPrefs::default();
        prefs.opened(&file("a"));
        let value = ron::to_string(&prefs).expect("serialises");
        let map = std::collections::HashMap::from([(STORAGE_KEY.to_owned(), value)]);
        std::fs::write(&path, ron::to_string(&map).expect("serialises")).expect("write");
        assert_eq!(RoadmapPrefs::from_window_file(&path), prefs);
        assert_eq!(
            RoadmapPrefs::from_window_file(&dir.path().join("missing")),
            RoadmapPrefs::default()
        );
    }
}
