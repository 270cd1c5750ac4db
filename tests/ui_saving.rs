//! Saving as a learner meets it when the disk misbehaves: the window is closed while a change
//! is not on disk, the data folder is full, only the folder flush fails. Driven through the
//! real window with faults injected under it; the test then does what a person does next
//! (retry, save a copy, quit, reopen).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::{Role, Toggled};
use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{
    MAKE_EDITABLE_LABEL, NOW_EDITABLE_TEXT, RETRY_LABEL, SAVE_COPY_LABEL, STILL_OPEN_TEXT,
    StudyPlannerApp, UNSAVED_HEADING, View, quit_label,
};
use study_planner::progress::ItemState;
use study_planner::storage::{self, Fs, ProgressStore, ReadOnlyReason};

const TOPIC: &str = "Dependency Injection in Python";

/// A file system whose folder flush always fails (renames work).
struct NoFolderFlush;

impl Fs for NoFolderFlush {
    fn sync_dir(&self, _dir: &Path) -> io::Result<()> {
        Err(io::Error::other("input/output error (injected)"))
    }
}

fn topic_id() -> String {
    common::item_id(TOPIC)
}

/// The window on `data_dir`, saving through `fs` `debounce` after a change (mostly 1 ms: the
/// debounce is not what is tested here), a copy going to `rescue`.
fn app_harness(
    data_dir: &Path,
    fs: Arc<dyn Fs>,
    rescue: &Path,
    debounce: Duration,
) -> Harness<'static, StudyPlannerApp> {
    let options = common::options(data_dir, View::Cards);
    let setup = common::storage_setup(fs, debounce, &[rescue]);
    common::settled(egui::vec2(1200.0, 900.0), move |cc| {
        StudyPlannerApp::with_storage(cc, options, setup)
    })
}

/// A data folder that is full, and where copies go.
struct FullDisk {
    dir: tempfile::TempDir,
    rescue: tempfile::TempDir,
    full: Arc<common::FullFolder>,
}

/// The window on a full disk, just after the learner ticked the topic (its save fails).
/// Bind both: the window is dropped before the folders.
fn a_tick_on_a_full_disk() -> (FullDisk, Harness<'static, StudyPlannerApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let full = common::FullFolder::new(dir.path(), true);
    let mut harness = app_harness(
        dir.path(),
        full.clone(),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    (FullDisk { dir, rescue, full }, harness)
}

fn tick(harness: &mut Harness<'static, StudyPlannerApp>) {
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
}

fn sent(harness: &Harness<'static, StudyPlannerApp>, command: &ViewportCommand) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.contains(command))
}

/// Clicks the window's close button (as the window manager reports it) and runs one frame;
/// returns whether the app kept the window open.
fn click_close(harness: &mut Harness<'static, StudyPlannerApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    sent(harness, &ViewportCommand::CancelClose)
}

/// Clicks close after a failed save: the window stays open and the dialog comes up (and has
/// settled, so clicks land on its buttons).
fn close_into_the_dialog(harness: &mut Harness<'static, StudyPlannerApp>) {
    assert!(click_close(harness), "the window stays open");
    common::step_until(harness, "the dialog", |h| shows(h, UNSAVED_HEADING));
    harness.run();
}

fn shows(harness: &Harness<'static, StudyPlannerApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn saved_state(dir: &Path) -> ItemState {
    storage::load_read_only(dir, "python-enterprise")
        .expect("readable")
        .progress
        .state(&topic_id())
}

#[test]
fn closing_with_nothing_unsaved_closes_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(
        dir.path(),
        Arc::new(storage::RealFs),
        dir.path(),
        Duration::from_millis(1),
    );
    assert!(!click_close(&mut harness));
    assert!(!harness.state().close_dialog_open());
}

#[test]
fn closing_right_after_a_tick_writes_it_first_then_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The change would wait an hour on its own: only the close can have written it.
    let mut harness = app_harness(
        dir.path(),
        Arc::new(storage::RealFs),
        dir.path(),
        Duration::from_secs(3600),
    );
    tick(&mut harness);
    assert!(click_close(&mut harness), "the close waits for the save");
    common::step_until(&mut harness, "the close after saving", |h| {
        sent(h, &ViewportCommand::Close)
    });
    assert_eq!(saved_state(dir.path()), ItemState::Done);
    assert!(!harness.state().close_dialog_open(), "nothing to ask");
    assert!(!click_close(&mut harness), "now the window may close");
}

#[test]
fn closing_after_a_failed_save_asks_and_retry_writes_it() {
    let (disk, mut harness) = a_tick_on_a_full_disk();
    common::step_until(&mut harness, "the failed save", |h| shows(h, "Not saved"));
    assert!(shows(&harness, "could not be saved: cannot save"));

    close_into_the_dialog(&mut harness);
    assert!(shows(&harness, "1 change could not be saved"));
    assert!(shows(&harness, "no space left on device"));
    harness.get_by_label(&quit_label(1));
    // Closing again while it asks keeps asking.
    assert!(click_close(&mut harness));
    assert!(harness.state().close_dialog_open());

    // The disk has room again; "Retry" writes the change and the window closes.
    disk.full.set_full(false);
    harness.get_by_label(RETRY_LABEL).click();
    common::step_until(&mut harness, "the close after the retry", |h| {
        sent(h, &ViewportCommand::Close)
    });
    assert!(!click_close(&mut harness));
    drop(harness);
    let reopened = ProgressStore::open(disk.dir.path(), "python-enterprise");
    assert_eq!(reopened.progress.state(&topic_id()), ItemState::Done);
}

#[test]
fn a_retry_that_fails_again_keeps_asking() {
    let (_disk, mut harness) = a_tick_on_a_full_disk();
    close_into_the_dialog(&mut harness);
    harness.get_by_label(RETRY_LABEL).click();
    common::step_until(&mut harness, "the retry's answer", |h| {
        h.query_by_label(RETRY_LABEL)
            .is_some_and(|button| !button.accesskit_node().is_disabled())
    });
    assert!(harness.state().close_dialog_open());
    assert!(!sent(&harness, &ViewportCommand::Close));
}

#[test]
fn save_a_copy_writes_one_elsewhere_and_says_where() {
    let (disk, mut harness) = a_tick_on_a_full_disk();
    close_into_the_dialog(&mut harness);
    harness.get_by_label(SAVE_COPY_LABEL).click();
    let rescue_path = disk.rescue.path().display().to_string();
    common::step_until(&mut harness, "the copy", |h| shows(h, &rescue_path));
    assert!(shows(
        &harness,
        "choose “Import progress…” in the Progress menu"
    ));

    let copies: Vec<PathBuf> = std::fs::read_dir(disk.rescue.path())
        .expect("rescue dir")
        .map(|entry| entry.expect("entry").path())
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(shows(&harness, &copies[0].display().to_string()));
    let copy = storage::read_import(&copies[0], "python-enterprise")
        .expect("the copy imports")
        .progress;
    assert_eq!(copy.state(&topic_id()), ItemState::Done);

    // The changes are in the copy: quitting loses nothing, and says so.
    assert!(harness.query_by_label(&quit_label(1)).is_none());
    harness.run(); // the dialog grew by the path: let it settle where the pointer goes
    harness.get_by_label("Quit").click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    assert!(!click_close(&mut harness));
}

#[test]
fn quit_and_lose_closes_without_the_change() {
    let (disk, mut harness) = a_tick_on_a_full_disk();
    close_into_the_dialog(&mut harness);
    harness.get_by_label(&quit_label(1)).click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    assert!(!click_close(&mut harness));
    drop(harness);
    assert!(!disk.dir.path().join(storage::PROGRESS_FILE).exists());
}

#[test]
fn cancel_keeps_the_window_open_and_the_change_pending() {
    let (disk, mut harness) = a_tick_on_a_full_disk();
    close_into_the_dialog(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().close_dialog_open());
    assert!(shows(&harness, "Not saved"));
    // Later the disk has room; the window closes, and the pending change is written then.
    disk.full.set_full(false);
    drop(harness);
    assert_eq!(saved_state(disk.dir.path()), ItemState::Done);
}

#[test]
fn when_only_the_folder_flush_fails_the_banner_says_the_change_is_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(
        dir.path(),
        Arc::new(NoFolderFlush),
        dir.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    common::step_until(&mut harness, "the warning", |h| {
        shows(h, "Saved, not yet flushed to disk")
    });
    assert!(shows(&harness, "your changes are in the progress file"));
    assert!(shows(&harness, "power cut"));
    assert!(
        !shows(&harness, "still holds"),
        "the old all-clear is wrong here"
    );
    assert_eq!(saved_state(dir.path()), ItemState::Done);
    // The change is in the file: closing does not ask.
    assert!(!click_close(&mut harness));
}

const OTHER_TOPIC: &str = "Type Hinting & Static Type Checking (mypy)";

fn toggled(harness: &Harness<'static, StudyPlannerApp>, label: &str) -> Option<Toggled> {
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .accesskit_node()
        .toggled()
}

fn disabled(harness: &Harness<'static, StudyPlannerApp>, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

/// Presses "Make this window editable" and waits for the answer of the reopen thread.
fn make_editable(harness: &mut Harness<'static, StudyPlannerApp>) {
    harness.get_by_label(MAKE_EDITABLE_LABEL).click();
    common::step_until(harness, "the reopen's answer", |h| {
        h.state().reopening() || h.state().read_only().is_none() || shows(h, STILL_OPEN_TEXT)
    });
    common::step_until(harness, "the reopen to finish", |h| !h.state().reopening());
    harness.run();
}

#[test]
fn a_second_window_becomes_editable_once_the_first_closes_and_shows_what_it_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fs: Arc<dyn Fs> = Arc::new(storage::RealFs);
    let debounce = Duration::from_millis(1);
    let mut first = app_harness(dir.path(), Arc::clone(&fs), dir.path(), debounce);
    let mut second = app_harness(dir.path(), Arc::clone(&fs), dir.path(), debounce);
    assert!(matches!(
        second.state().read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
    assert!(shows(&second, "Read-only: changes are not saved"));

    // The first window still holds the data folder: the second says so and stays read-only.
    tick(&mut first);
    make_editable(&mut second);
    assert!(shows(&second, STILL_OPEN_TEXT));
    assert!(second.state().read_only().is_some());
    assert!(disabled(&second, TOPIC), "its checkboxes stay disabled");
    assert_eq!(toggled(&second, TOPIC), Some(Toggled::False));
    // Asked again, it says it once.
    make_editable(&mut second);
    assert_eq!(
        second.query_all_by_label_contains(STILL_OPEN_TEXT).count(),
        1
    );

    // The first window closes (its pending tick is written as it goes).
    drop(first);
    make_editable(&mut second);
    assert!(second.state().read_only().is_none());
    assert!(shows(&second, NOW_EDITABLE_TEXT));
    assert!(shows(&second, "All changes saved"));
    assert!(second.query_by_label(MAKE_EDITABLE_LABEL).is_none());
    assert!(!shows(&second, STILL_OPEN_TEXT), "no longer true");
    assert!(
        !shows(&second, "another study-planner window"),
        "the read-only banner is gone"
    );
    // It shows the first window's tick, and its own ticks are saved.
    assert_eq!(toggled(&second, TOPIC), Some(Toggled::True));
    assert!(!disabled(&second, OTHER_TOPIC));
    second
        .get_by_role_and_label(Role::CheckBox, OTHER_TOPIC)
        .click();
    second.run();
    common::step_until(&mut second, "the save", |h| {
        !h.state().reopening() && shows(h, "All changes saved") && {
            let saved = storage::load_read_only(dir.path(), "python-enterprise").expect("readable");
            saved.progress.state(&common::item_id(OTHER_TOPIC)) == ItemState::Done
        }
    });
    assert_eq!(
        saved_state(dir.path()),
        ItemState::Done,
        "the first's tick is kept"
    );
    // The window that became editable holds the lock: a third opens read-only.
    let third = ProgressStore::open(dir.path(), "python-enterprise");
    assert!(matches!(
        third.store.read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
}

#[test]
fn a_newer_version_file_offers_no_way_to_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    common::write_progress(dir.path(), &common::eight_weeks_in(99));
    let harness = app_harness(
        dir.path(),
        Arc::new(storage::RealFs),
        dir.path(),
        Duration::from_millis(1),
    );
    assert!(matches!(
        harness.state().read_only(),
        Some(ReadOnlyReason::NewerVersion { version: 99, .. })
    ));
    assert!(shows(&harness, "written by a newer study-planner"));
    assert!(harness.query_by_label(MAKE_EDITABLE_LABEL).is_none());
}

#[test]
fn a_window_made_editable_says_only_what_is_true_of_the_file_now() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Another window holds the data folder when this one opens a file with values a plan
    // cannot use: read as changed, the file left as it was.
    let holder = ProgressStore::open(dir.path(), "python-enterprise");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress/out-of-range-dates.ron");
    std::fs::copy(&fixture, dir.path().join("progress.ron")).expect("fixture");
    let mut harness = app_harness(
        dir.path(),
        Arc::new(storage::RealFs),
        dir.path(),
        Duration::from_millis(1),
    );
    assert!(shows(&harness, "The file itself is not changed."));
    drop(holder);
    make_editable(&mut harness);
    assert!(harness.state().read_only().is_none());
    // Now the values are changed in the file, and a copy of it kept: only that is said.
    assert!(shows(&harness, "A copy of the file as it was is kept."));
    assert!(
        !shows(&harness, "The file itself is not changed."),
        "no longer true"
    );
}
