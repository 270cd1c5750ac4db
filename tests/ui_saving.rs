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
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{
    AppOptions, RETRY_LABEL, SAVE_COPY_LABEL, StorageSetup, StudyPlannerApp, UNSAVED_HEADING, View,
    quit_label,
};
use study_planner::clock::Clock;
use study_planner::progress::ItemState;
use study_planner::roadmap;
use study_planner::storage::{self, Fs, ProgressStore, SaverOptions};

const TOPIC: &str = "Dependency Injection in Python";

/// A data folder that cannot be written (full) while `armed`; other folders work.
struct FullFolder {
    dir: PathBuf,
    armed: AtomicBool,
}

impl Fs for FullFolder {
    fn create_new(&self, path: &Path) -> io::Result<std::fs::File> {
        if self.armed.load(Ordering::SeqCst) && path.starts_with(&self.dir) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (injected)",
            ));
        }
        storage::RealFs.create_new(path)
    }
}

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

/// The window on `data_dir`, saving through `fs`. Saves go out 1 ms after a change (the
/// debounce is not what is tested here), automatic retries wait an hour (so every retry in
/// these tests is one the learner asked for), and a copy goes to `rescue`.
fn app_harness(
    data_dir: &Path,
    fs: Arc<dyn Fs>,
    rescue: &Path,
    debounce: Duration,
) -> Harness<'static, StudyPlannerApp> {
    let options = AppOptions {
        roadmap: Arc::new(roadmap::embedded()),
        data_dir: data_dir.to_owned(),
        view: Some(View::Cards),
        screenshot: None,
        clock: Clock::on(NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")),
    };
    let setup = StorageSetup {
        fs,
        saver: SaverOptions {
            debounce,
            first_retry: Duration::from_secs(3600),
            rescue_dirs: vec![rescue.to_owned()],
        },
        copy_dialog: false,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_eframe(move |cc| StudyPlannerApp::with_storage(cc, options, setup));
    harness.run();
    harness
}

fn full_folder(dir: &Path) -> Arc<FullFolder> {
    Arc::new(FullFolder {
        dir: dir.to_owned(),
        armed: AtomicBool::new(true),
    })
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

/// Runs frames until `done`, waiting for the saver thread between them. The bound only keeps
/// a broken build from hanging; nothing here measures time.
fn step_until(
    harness: &mut Harness<'static, StudyPlannerApp>,
    what: &str,
    done: impl Fn(&Harness<'static, StudyPlannerApp>) -> bool,
) {
    for _ in 0..3000 {
        harness.step();
        if done(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("{what} never happened");
}

/// Clicks close after a failed save: the window stays open and the dialog comes up (and has
/// settled, so clicks land on its buttons).
fn close_into_the_dialog(harness: &mut Harness<'static, StudyPlannerApp>) {
    assert!(click_close(harness), "the window stays open");
    step_until(harness, "the dialog", |h| shows(h, UNSAVED_HEADING));
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
    step_until(&mut harness, "the close after saving", |h| {
        sent(h, &ViewportCommand::Close)
    });
    assert_eq!(saved_state(dir.path()), ItemState::Done);
    assert!(!harness.state().close_dialog_open(), "nothing to ask");
    assert!(!click_close(&mut harness), "now the window may close");
}

#[test]
fn closing_after_a_failed_save_asks_and_retry_writes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let full = full_folder(dir.path());
    let mut harness = app_harness(
        dir.path(),
        full.clone(),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    step_until(&mut harness, "the failed save", |h| shows(h, "Not saved"));
    assert!(shows(&harness, "could not be saved: cannot save"));

    close_into_the_dialog(&mut harness);
    assert!(shows(&harness, "1 change could not be saved"));
    assert!(shows(&harness, "no space left on device"));
    harness.get_by_label(&quit_label(1));
    // Closing again while it asks keeps asking.
    assert!(click_close(&mut harness));
    assert!(harness.state().close_dialog_open());

    // The disk has room again; "Retry" writes the change and the window closes.
    full.armed.store(false, Ordering::SeqCst);
    harness.get_by_label(RETRY_LABEL).click();
    step_until(&mut harness, "the close after the retry", |h| {
        sent(h, &ViewportCommand::Close)
    });
    assert!(!click_close(&mut harness));
    drop(harness);
    let reopened = ProgressStore::open(dir.path(), "python-enterprise");
    assert_eq!(reopened.progress.state(&topic_id()), ItemState::Done);
}

#[test]
fn a_retry_that_fails_again_keeps_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let mut harness = app_harness(
        dir.path(),
        full_folder(dir.path()),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    close_into_the_dialog(&mut harness);
    harness.get_by_label(RETRY_LABEL).click();
    step_until(&mut harness, "the retry's answer", |h| {
        h.query_by_label(RETRY_LABEL)
            .is_some_and(|button| !button.accesskit_node().is_disabled())
    });
    assert!(harness.state().close_dialog_open());
    assert!(!sent(&harness, &ViewportCommand::Close));
}

#[test]
fn save_a_copy_writes_one_elsewhere_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let mut harness = app_harness(
        dir.path(),
        full_folder(dir.path()),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    close_into_the_dialog(&mut harness);
    harness.get_by_label(SAVE_COPY_LABEL).click();
    let rescue_path = rescue.path().display().to_string();
    step_until(&mut harness, "the copy", |h| shows(h, &rescue_path));
    assert!(shows(
        &harness,
        "choose “Import progress…” in the Progress menu"
    ));

    let copies: Vec<PathBuf> = std::fs::read_dir(rescue.path())
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
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let mut harness = app_harness(
        dir.path(),
        full_folder(dir.path()),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    close_into_the_dialog(&mut harness);
    harness.get_by_label(&quit_label(1)).click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    assert!(!click_close(&mut harness));
    drop(harness);
    assert!(!dir.path().join(storage::PROGRESS_FILE).exists());
}

#[test]
fn cancel_keeps_the_window_open_and_the_change_pending() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rescue = tempfile::tempdir().expect("rescue dir");
    let full = full_folder(dir.path());
    let mut harness = app_harness(
        dir.path(),
        full.clone(),
        rescue.path(),
        Duration::from_millis(1),
    );
    tick(&mut harness);
    close_into_the_dialog(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().close_dialog_open());
    assert!(shows(&harness, "Not saved"));
    // Later the disk has room; the window closes, and the pending change is written then.
    full.armed.store(false, Ordering::SeqCst);
    drop(harness);
    assert_eq!(saved_state(dir.path()), ItemState::Done);
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
    step_until(&mut harness, "the warning", |h| {
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
