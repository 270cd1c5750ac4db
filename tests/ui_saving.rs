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

use egui::accesskit::Role;
use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{
    RETRY_LABEL, SAVE_COPY_LABEL, StudyPlannerApp, UNSAVED_HEADING, View, quit_label,
};
use study_planner::progress::ItemState;
use study_planner::storage::{self, Fs, ProgressStore};

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
    let copy = storage::read_import(&copies[0], "python-enterprise").expect("the copy imports");
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
