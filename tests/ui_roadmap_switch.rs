//! Switching roadmaps in a running window, as a learner does it: "Open roadmap…" (through a
//! file-dialog hook), Recent, the built-in roadmap, a file dropped on the window, a broken
//! file, the last roadmap reopening at the next start, a read-only window, and "Save as
//! .ron…" for an imported Markdown file. Each roadmap keeps its own progress, on disk.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use study_planner::app::{
    BUILT_IN_LABEL, FileDialogs, GateSetup, MENU_LABEL, MemoryStorage, NO_OPEN_DIALOG, Picked,
    RoadmapGate, RoadmapPrefs, RoadmapSource, SAVE_RON_LABEL, StorageSetup, View, Wanted,
    recent_label,
};
use study_planner::progress::ItemState;
use study_planner::storage::{self, Fs, SaverOptions};

const TOPIC: &str = "Dependency Injection in Python";
const MARKDOWN: &str = "# Rust from zero\n\n## Month 1 — Basics\n\n- [ ] Ownership\n- [ ] Traits\n";

/// A file dialog that answers what the test queued, in order.
#[derive(Default)]
struct Dialogs {
    answers: Mutex<Vec<Picked>>,
}

impl Dialogs {
    fn answer(&self, picked: Picked) {
        self.answers.lock().unwrap().push(picked);
    }
    fn next(&self) -> Picked {
        let mut answers = self.answers.lock().unwrap();
        if answers.is_empty() {
            Picked::Cancelled
        } else {
            answers.remove(0)
        }
    }
}

impl FileDialogs for Dialogs {
    fn pick_roadmap(&self) -> Picked {
        self.next()
    }
    fn save_roadmap(&self, _suggested: &Path) -> Picked {
        self.next()
    }
}

/// A data folder that cannot be written (full) while `armed`.
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

fn setup(dialogs: &Arc<Dialogs>, fs: Arc<dyn Fs>, debounce: Duration) -> GateSetup {
    GateSetup {
        storage: StorageSetup {
            fs,
            saver: SaverOptions {
                debounce,
                first_retry: Duration::from_secs(3600),
                rescue_dirs: Vec::new(),
            },
            copy_dialog: false,
        },
        dialogs: Arc::clone(dialogs) as Arc<dyn FileDialogs>,
        watch_interval: Duration::from_millis(50),
    }
}

fn window(
    data_dir: &Path,
    storage: Option<&MemoryStorage>,
    wanted: Wanted,
    setup: GateSetup,
) -> Harness<'static, RoadmapGate> {
    let options = common::options(data_dir, View::Cards);
    let storage = storage.map(|s| {
        let mut copy = MemoryStorage::default();
        for key in ["study_planner_roadmaps"] {
            if let Some(value) = eframe::Storage::get_string(s, key) {
                eframe::Storage::set_string(&mut copy, key, value);
            }
        }
        copy
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| {
            RoadmapGate::new(
                &cc.egui_ctx,
                storage.as_ref().map(|s| s as &dyn eframe::Storage),
                options,
                wanted,
                setup,
            )
        });
    harness.run();
    harness
}

/// Steps until `done` holds (files, dialogs and the store open on threads), a few seconds at
/// most.
fn step_until(harness: &mut Harness<'static, RoadmapGate>, done: impl Fn(&RoadmapGate) -> bool) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    assert!(done(harness.state()), "the window did not get there");
}

fn source_is(gate: &RoadmapGate, path: &Path) -> bool {
    gate.source() == Some(&RoadmapSource::File(path.canonicalize().unwrap())) && !gate.busy()
}

fn built_in(gate: &RoadmapGate) -> bool {
    gate.source() == Some(&RoadmapSource::BuiltIn) && !gate.busy()
}

fn open_menu_item(harness: &mut Harness<'static, RoadmapGate>, label: &str) {
    harness.get_by_label(MENU_LABEL).click();
    harness.run();
    harness.get_by_label(label).click();
    // Not `run`: the switch shows a spinner for a moment.
    harness.step();
}

fn ctrl_o(harness: &mut Harness<'static, RoadmapGate>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.step();
}

fn item_state(gate: &RoadmapGate, text: &str) -> ItemState {
    let app = gate.app().expect("a roadmap is open");
    let id = app
        .roadmap()
        .items()
        .find(|item| item.item.text == text)
        .map(|item| item.item.id.clone())
        .expect("the item is in the roadmap");
    app.data().state(&id)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

fn progress_on_disk(data_dir: &Path) -> String {
    std::fs::read_to_string(data_dir.join("progress.ron")).unwrap_or_default()
}

#[test]
fn open_roadmap_switches_and_each_roadmap_keeps_its_own_progress_on_disk() {
    let dir = common::temp_dir();
    let data = dir.path().join("data");
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    // Saves wait a minute after a change: only the switch's own flush writes them.
    let setup = setup(&dialogs, Arc::new(storage::RealFs), Duration::from_secs(60));
    let mut harness = window(&data, None, Wanted::Given(RoadmapSource::BuiltIn), setup);

    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);

    // Ctrl+O, the dialog picks rust.md: the tick pending in the built-in roadmap is written
    // first, then the window shows the new roadmap with no ticks of its own.
    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| source_is(gate, &rust));
    harness.get_by_label("Rust from zero");
    assert!(
        progress_on_disk(&data).contains(&common::item_id(TOPIC)),
        "the pending tick was saved before switching:\n{}",
        progress_on_disk(&data)
    );
    assert_eq!(
        item_state(harness.state(), "Ownership"),
        ItemState::NotStarted
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "Ownership")
        .click();
    harness.run();

    // Back to the built-in roadmap from the menu: its tick is still there, and the Markdown
    // roadmap's tick is on disk too.
    open_menu_item(&mut harness, BUILT_IN_LABEL);
    step_until(&mut harness, built_in);
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);
    let saved = progress_on_disk(&data);
    let imported = study_planner::app::load_roadmap_file(&rust).expect("the file loads");
    let ownership = imported
        .items()
        .find(|item| item.item.text == "Ownership")
        .map(|item| item.item.id.clone())
        .expect("the item is there");
    assert!(saved.contains(&format!("\"{}\"", imported.id)), "{saved}");
    assert!(saved.contains(&format!("\"{ownership}\"")), "{saved}");

    // Recent lists the file; choosing it opens it again, with its tick.
    open_menu_item(&mut harness, &recent_label(&rust.canonicalize().unwrap()));
    step_until(&mut harness, |gate| source_is(gate, &rust));
    assert_eq!(item_state(harness.state(), "Ownership"), ItemState::Done);
    assert_eq!(harness.state().recent(), [rust.canonicalize().unwrap()]);
}

#[test]
fn a_switch_waits_for_the_save_and_a_failed_save_keeps_the_old_roadmap() {
    let dir = common::temp_dir();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    let full = Arc::new(FullFolder {
        dir: data.clone(),
        armed: AtomicBool::new(false),
    });
    let setup = setup(&dialogs, full.clone(), Duration::from_secs(60));
    let mut harness = window(&data, None, Wanted::Given(RoadmapSource::BuiltIn), setup);
    full.armed.store(true, Ordering::SeqCst);
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();

    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| !gate.busy());
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);
    harness.get_by_label_contains("was not opened: your last change");

    // The disk has room again: the same switch now works, and the tick is on disk.
    full.armed.store(false, Ordering::SeqCst);
    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| source_is(gate, &rust));
    assert!(progress_on_disk(&data).contains(&common::item_id(TOPIC)));
}

#[test]
fn a_broken_file_from_the_menu_is_shown_with_its_place_and_the_roadmap_stays() {
    let dir = common::temp_dir();
    let broken = dir.path().join("mine.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roadmaps");
    std::fs::copy(fixture.join("syntax-error.ron"), &broken).unwrap();
    let dialogs = Arc::new(Dialogs::default());
    let setup = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let mut harness = window(
        &dir.path().join("data"),
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup,
    );
    dialogs.answer(Picked::File(broken.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| !gate.messages().is_empty());
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    harness.get_by_label_contains("(line 6, column 5)");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");
    harness.get_by_label("Python Enterprise Development Roadmap");

    // No file dialog on this system: said in words, nothing changes.
    dialogs.answer(Picked::NoDialog);
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| {
        gate.messages().contains(&NO_OPEN_DIALOG)
    });
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_running_window_opens_and_a_hovering_one_gets_a_hint() {
    let dir = common::temp_dir();
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    let setup = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let mut harness = window(
        &dir.path().join("data"),
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup,
    );
    // The windowing integration reports the hovering file every frame; an area shows from
    // its second frame.
    for _ in 0..2 {
        harness.input_mut().hovered_files = vec![egui::HoveredFile {
            path: Some(rust.clone()),
            mime: String::new(),
        }];
        harness.step();
    }
    harness.get_by_label(study_planner::app::DROP_HINT);
    harness.input_mut().hovered_files.clear();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(rust.clone())));
    step_until(&mut harness, |gate| source_is(gate, &rust));
    harness.get_by_label("Rust from zero");
    assert!(
        harness
            .query_by_label(study_planner::app::DROP_HINT)
            .is_none()
    );
}

#[test]
fn the_last_roadmap_reopens_at_the_next_start_or_the_built_in_one_says_why_not() {
    let dir = common::temp_dir();
    let data = dir.path().join("data");
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    let mut storage = MemoryStorage::default();
    {
        let setup = setup(
            &dialogs,
            Arc::new(storage::RealFs),
            Duration::from_millis(1),
        );
        let mut harness = window(&data, None, Wanted::Given(RoadmapSource::BuiltIn), setup);
        dialogs.answer(Picked::File(rust.clone()));
        ctrl_o(&mut harness);
        step_until(&mut harness, |gate| source_is(gate, &rust));
        eframe::App::save(harness.state_mut(), &mut storage);
        eframe::App::on_exit(harness.state_mut(), None);
    }
    let remembered = RoadmapPrefs::load(Some(&storage));
    let setup_again = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let harness = window(
        &data,
        Some(&storage),
        Wanted::Remembered(remembered.clone()),
        setup_again,
    );
    assert!(source_is(harness.state(), &rust));
    harness.get_by_label("Rust from zero");
    assert_eq!(harness.state().recent(), [rust.canonicalize().unwrap()]);
    drop(harness);

    // The file is gone: the built-in roadmap opens, and a banner names the file.
    std::fs::remove_file(&rust).unwrap();
    let setup_third = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let harness = window(
        &data,
        Some(&storage),
        Wanted::Remembered(remembered),
        setup_third,
    );
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    harness.get_by_label_contains("The roadmap you had open last time is not there any more");
    harness.get_by_label_contains("rust.md");
}

#[test]
fn a_read_only_window_that_switches_stays_read_only() {
    let dir = common::temp_dir();
    let data = dir.path().join("data");
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    let first = window(
        &data,
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup(
            &dialogs,
            Arc::new(storage::RealFs),
            Duration::from_millis(1),
        ),
    );
    let mut second = window(
        &data,
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup(
            &dialogs,
            Arc::new(storage::RealFs),
            Duration::from_millis(1),
        ),
    );
    assert!(second.state().app().unwrap().read_only().is_some());
    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut second);
    step_until(&mut second, |gate| source_is(gate, &rust));
    let app = second.state().app().unwrap();
    assert!(
        app.read_only().is_some(),
        "the lock is still the first window's"
    );
    second
        .get_by_role_and_label(Role::CheckBox, "Ownership")
        .click();
    second.run();
    assert_eq!(
        item_state(second.state(), "Ownership"),
        ItemState::NotStarted
    );
    second.get_by_label("Read-only: changes are not saved");
    drop(first);
}

#[test]
fn an_imported_markdown_roadmap_can_be_saved_as_ron() {
    let dir = common::temp_dir();
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let out = dir.path().join("kept.ron");
    let dialogs = Arc::new(Dialogs::default());
    let setup = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let mut harness = window(
        &dir.path().join("data"),
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup,
    );
    assert!(harness.query_by_label(SAVE_RON_LABEL).is_none());
    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| source_is(gate, &rust));
    harness.get_by_label_contains("Imported from rust.md");
    dialogs.answer(Picked::File(out.clone()));
    harness.get_by_label(SAVE_RON_LABEL).click();
    step_until(&mut harness, |gate| !gate.messages().is_empty());
    harness.get_by_label_contains("The roadmap is saved as .ron");
    let saved = study_planner::app::load_roadmap_file(&out).expect("the .ron loads");
    assert_eq!(saved.title, "Rust from zero");
    assert!(harness.query_by_label(SAVE_RON_LABEL).is_none());
    assert_eq!(harness.state().recent()[0], out);
}

#[test]
fn a_recent_file_that_is_gone_is_taken_off_recent_with_a_word() {
    let dir = common::temp_dir();
    let rust = dir.path().join("rust.md");
    write(&rust, MARKDOWN);
    let dialogs = Arc::new(Dialogs::default());
    let setup = setup(
        &dialogs,
        Arc::new(storage::RealFs),
        Duration::from_millis(1),
    );
    let mut harness = window(
        &dir.path().join("data"),
        None,
        Wanted::Given(RoadmapSource::BuiltIn),
        setup,
    );
    dialogs.answer(Picked::File(rust.clone()));
    ctrl_o(&mut harness);
    step_until(&mut harness, |gate| source_is(gate, &rust));
    let listed = rust.canonicalize().unwrap();
    open_menu_item(&mut harness, BUILT_IN_LABEL);
    step_until(&mut harness, built_in);

    std::fs::remove_file(&rust).unwrap();
    open_menu_item(&mut harness, &recent_label(&listed));
    step_until(&mut harness, |gate| !gate.messages().is_empty());
    harness.get_by_label_contains("is not there any more");
    assert!(harness.state().recent().is_empty());
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
}
