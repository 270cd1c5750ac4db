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

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{
    BUILT_IN_LABEL, FileDialogs, GateSetup, MAKE_EDITABLE_LABEL, MENU_LABEL, MemoryStorage,
    NO_OPEN_DIALOG, OPEN_LABEL, Picked, RELOAD_LABEL, RoadmapGate, RoadmapPrefs, RoadmapSource,
    SAVE_RON_LABEL, View, Wanted, recent_label,
};
use study_planner::progress::ItemState;
use study_planner::storage::{self, Fs};

const TOPIC: &str = "Dependency Injection in Python";
const MARKDOWN: &str = "# Rust from zero\n\n## Month 1 — Basics\n\n- [ ] Ownership\n- [ ] Traits\n";

/// Saves go out this long after a change where the test does not care when.
const SOON: Duration = Duration::from_millis(1);

/// A learner's desk: a folder with their roadmap files, their data folder, and the file
/// dialog (answering what the test queues).
struct Desk {
    dir: tempfile::TempDir,
    data: PathBuf,
    dialogs: Arc<common::Dialogs>,
}

impl Desk {
    fn new() -> Self {
        let dir = common::temp_dir();
        let data = dir.path().join("data");
        Self {
            dir,
            data,
            dialogs: Arc::default(),
        }
    }

    /// Writes a roadmap file called `name` holding `text`.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// `rust.md`, a small Markdown roadmap ("Rust from zero": Ownership, Traits).
    fn rust_md(&self) -> PathBuf {
        self.file("rust.md", MARKDOWN)
    }

    /// How the window reaches the disk and the desktop: saves through `fs`, `debounce`
    /// after a change; the open roadmap file looked at every 50 ms.
    fn setup(&self, fs: Arc<dyn Fs>, debounce: Duration) -> GateSetup {
        GateSetup {
            storage: common::storage_setup(fs, debounce, &[]),
            dialogs: Arc::clone(&self.dialogs) as Arc<dyn FileDialogs>,
            watch_interval: Duration::from_millis(50),
        }
    }

    /// The window on the built-in roadmap, saving to the real disk soon after a change.
    fn window(&self) -> Harness<'static, RoadmapGate> {
        self.window_with(
            Wanted::Given(RoadmapSource::BuiltIn),
            None,
            self.setup(Arc::new(storage::RealFs), SOON),
        )
    }

    /// The window on `wanted`, with what eframe remembered in `storage`.
    fn window_with(
        &self,
        wanted: Wanted,
        storage: Option<&MemoryStorage>,
        setup: GateSetup,
    ) -> Harness<'static, RoadmapGate> {
        let options = common::options(&self.data, View::Cards);
        common::settled(egui::vec2(1280.0, 900.0), move |cc| {
            let storage = storage.map(|s| s as &dyn eframe::Storage);
            RoadmapGate::new(&cc.egui_ctx, storage, options, wanted, setup)
        })
    }

    /// Ctrl+O, and the file dialog picks `path`.
    fn pick(&self, harness: &mut Harness<'static, RoadmapGate>, path: &Path) {
        self.dialogs.answer(Picked::File(path.to_owned()));
        ctrl_o(harness);
    }

    fn progress_on_disk(&self) -> String {
        std::fs::read_to_string(self.data.join("progress.ron")).unwrap_or_default()
    }
}

/// Steps until the window is `done` (files, dialogs and the store open on threads).
fn wait(harness: &mut Harness<'static, RoadmapGate>, done: impl Fn(&RoadmapGate) -> bool) {
    common::wait_until(harness, "the state the test waits for", done);
}

/// The window shows the roadmap from `path` (which may not be written yet) and is idle.
fn source_is(gate: &RoadmapGate, path: &Path) -> bool {
    let on_screen = gate.source().and_then(RoadmapSource::path);
    on_screen.is_some_and(|shown| path.canonicalize().is_ok_and(|path| path == shown))
        && !gate.busy()
}

fn built_in(gate: &RoadmapGate) -> bool {
    gate.source() == Some(&RoadmapSource::BuiltIn) && !gate.busy()
}

fn says_something(gate: &RoadmapGate) -> bool {
    !gate.messages().is_empty()
}

fn open_menu_item(harness: &mut Harness<'static, RoadmapGate>, label: &str) {
    harness.get_by_label(MENU_LABEL).click();
    harness.run();
    // Contains: an item's accessible name ends in its shortcut ("Open roadmap…Ctrl+O").
    harness.get_by_label_contains(label).click();
    // Not `run`: the switch shows a spinner for a moment.
    harness.step();
}

fn ctrl_o(harness: &mut Harness<'static, RoadmapGate>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.step();
}

fn tick(harness: &mut Harness<'static, RoadmapGate>, text: &str) {
    harness.get_by_role_and_label(Role::CheckBox, text).click();
    harness.run();
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

#[test]
fn open_roadmap_switches_and_each_roadmap_keeps_its_own_progress_on_disk() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    // Saves wait a minute after a change: only the switch's own flush writes them.
    let setup = desk.setup(Arc::new(storage::RealFs), Duration::from_secs(60));
    let mut harness = desk.window_with(Wanted::Given(RoadmapSource::BuiltIn), None, setup);

    tick(&mut harness, TOPIC);
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);

    // Ctrl+O, the dialog picks rust.md: the tick pending in the built-in roadmap is written
    // first, then the window shows the new roadmap with no ticks of its own.
    desk.pick(&mut harness, &rust);
    wait(&mut harness, |gate| source_is(gate, &rust));
    harness.get_by_label("Rust from zero");
    assert!(
        desk.progress_on_disk().contains(&common::item_id(TOPIC)),
        "the pending tick was saved before switching:\n{}",
        desk.progress_on_disk()
    );
    assert_eq!(
        item_state(harness.state(), "Ownership"),
        ItemState::NotStarted
    );
    tick(&mut harness, "Ownership");

    // Back to the built-in roadmap from the menu: its tick is still there, and the Markdown
    // roadmap's tick is on disk too.
    open_menu_item(&mut harness, BUILT_IN_LABEL);
    wait(&mut harness, built_in);
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);
    let saved = desk.progress_on_disk();
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
    wait(&mut harness, |gate| source_is(gate, &rust));
    assert_eq!(item_state(harness.state(), "Ownership"), ItemState::Done);
    assert_eq!(harness.state().recent(), [rust.canonicalize().unwrap()]);
}

#[test]
fn a_switch_waits_for_the_save_and_a_failed_save_keeps_the_old_roadmap() {
    let desk = Desk::new();
    std::fs::create_dir_all(&desk.data).unwrap();
    let rust = desk.rust_md();
    let full = common::FullFolder::new(&desk.data, false);
    let setup = desk.setup(full.clone(), Duration::from_secs(60));
    let mut harness = desk.window_with(Wanted::Given(RoadmapSource::BuiltIn), None, setup);
    full.set_full(true);
    tick(&mut harness, TOPIC);

    desk.pick(&mut harness, &rust);
    wait(&mut harness, |gate| !gate.busy());
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    assert_eq!(item_state(harness.state(), TOPIC), ItemState::Done);
    harness.get_by_label_contains("was not opened: your last change");

    // The disk has room again: the same switch now works, and the tick is on disk.
    full.set_full(false);
    desk.pick(&mut harness, &rust);
    wait(&mut harness, |gate| source_is(gate, &rust));
    assert!(desk.progress_on_disk().contains(&common::item_id(TOPIC)));
}

#[test]
fn a_broken_file_from_the_menu_is_shown_with_its_place_and_the_roadmap_stays() {
    let desk = Desk::new();
    let broken = desk.file("mine.ron", &common::roadmap_fixture("syntax-error.ron"));
    let mut harness = desk.window();
    desk.pick(&mut harness, &broken);
    wait(&mut harness, says_something);
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    harness.get_by_label_contains("(line 6, column 5)");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");
    harness.get_by_label("Python Enterprise Development Roadmap");

    // No file dialog on this system: said in words, nothing changes.
    desk.dialogs.answer(Picked::NoDialog);
    ctrl_o(&mut harness);
    wait(&mut harness, |gate| {
        gate.messages().contains(&NO_OPEN_DIALOG)
    });
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
}

#[test]
fn a_broken_file_stays_under_recent_and_reload_opens_it_once_fixed() {
    let desk = Desk::new();
    let broken = desk.file("mine.ron", &common::roadmap_fixture("syntax-error.ron"));
    let listed = broken.canonicalize().unwrap();
    let mut harness = desk.window();
    desk.dialogs.answer(Picked::File(broken.clone()));
    open_menu_item(&mut harness, OPEN_LABEL);
    wait(&mut harness, says_something);
    harness.get_by_label_contains("(line 6, column 5)");
    assert_eq!(harness.state().recent(), std::slice::from_ref(&listed));

    // Still broken, in another place: picked again from Recent, the new mistake replaces the
    // old one.
    desk.file("mine.ron", &common::roadmap_fixture("duplicate-id.ron"));
    open_menu_item(&mut harness, &recent_label(&listed));
    wait(&mut harness, |gate| {
        gate.messages()
            .iter()
            .any(|m| m.contains("(line 17, column 29)"))
    });
    assert_eq!(harness.state().messages().len(), 1);
    assert!(
        harness
            .query_by_label_contains("(line 6, column 5)")
            .is_none()
    );
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));

    // Fixed in the editor: Reload opens it as an open from the menu would.
    desk.file("mine.ron", &common::roadmap_fixture("minimal.ron"));
    harness.get_by_label(RELOAD_LABEL).click();
    wait(&mut harness, |gate| source_is(gate, &broken));
    harness.get_by_label("Minimal roadmap");
    assert!(harness.state().messages().is_empty());
    assert_eq!(harness.state().recent(), [listed]);
}

#[test]
fn a_file_dropped_on_the_running_window_opens_and_a_hovering_one_gets_a_hint() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let mut harness = desk.window();
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
    common::drop_file(&mut harness, &rust);
    wait(&mut harness, |gate| source_is(gate, &rust));
    harness.get_by_label("Rust from zero");
    assert!(
        harness
            .query_by_label(study_planner::app::DROP_HINT)
            .is_none()
    );
}

#[test]
fn a_pdf_dropped_by_mistake_is_not_listed_under_recent_but_a_broken_ron_is() {
    let desk = Desk::new();
    let pdf = desk.file("timetable.pdf", "%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj\n");
    let mut harness = desk.window();
    common::drop_file(&mut harness, &pdf);
    wait(&mut harness, says_something);
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    assert!(
        harness.state().recent().is_empty(),
        "{:?}",
        harness.state().recent()
    );
    let said = harness.state().messages().join("\n");
    assert!(said.contains("cannot be opened"), "{said}");
    assert!(!said.contains("Recent"), "{said}");

    let broken = desk.file("mine.ron", &common::roadmap_fixture("syntax-error.ron"));
    common::drop_file(&mut harness, &broken);
    wait(&mut harness, |gate| {
        gate.messages()
            .iter()
            .any(|m| m.contains("(line 6, column 5)"))
    });
    assert_eq!(harness.state().recent(), [broken.canonicalize().unwrap()]);
    let said = harness.state().messages().join("\n");
    assert!(said.contains("(it is under Recent too)"), "{said}");
}

#[test]
fn the_last_roadmap_reopens_at_the_next_start_or_the_built_in_one_says_why_not() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let mut storage = MemoryStorage::default();
    {
        let mut harness = desk.window();
        desk.pick(&mut harness, &rust);
        wait(&mut harness, |gate| source_is(gate, &rust));
        eframe::App::save(harness.state_mut(), &mut storage);
        eframe::App::on_exit(harness.state_mut(), None);
    }
    let remembered = RoadmapPrefs::load(Some(&storage));
    let reopen = |remembered| {
        let setup = desk.setup(Arc::new(storage::RealFs), SOON);
        desk.window_with(Wanted::Remembered(remembered), Some(&storage), setup)
    };
    let harness = reopen(remembered.clone());
    assert!(source_is(harness.state(), &rust));
    harness.get_by_label("Rust from zero");
    assert_eq!(harness.state().recent(), [rust.canonicalize().unwrap()]);
    drop(harness);

    // The file is gone: the built-in roadmap opens, and a banner names the file.
    std::fs::remove_file(&rust).unwrap();
    let harness = reopen(remembered);
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
    harness.get_by_label_contains("The roadmap you had open last time is not there any more");
    harness.get_by_label_contains("rust.md");
}

#[test]
fn a_read_only_window_cannot_be_made_editable_while_a_roadmap_opens() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let first = desk.window();
    let mut second = desk.window();
    let answer = desk.dialogs.hold();
    ctrl_o(&mut second);
    common::step_until(&mut second, "the open dialog", |h| h.state().busy());
    // The learner closes the other window while the dialog is open: the button would start
    // a second thread opening the data folder, racing the switch for the lock.
    drop(first);
    second.run();
    assert!(
        second
            .get_by_label(MAKE_EDITABLE_LABEL)
            .accesskit_node()
            .is_disabled(),
        "no reopen while a roadmap opens"
    );
    answer
        .send(Picked::File(rust.clone()))
        .expect("the dialog waits");
    wait(&mut second, |gate| source_is(gate, &rust));
    let app = second.state().app().unwrap();
    assert!(
        app.read_only().is_none(),
        "the lock was free: {:?}",
        app.read_only()
    );
    assert!(second.query_by_label(MAKE_EDITABLE_LABEL).is_none());
}

#[test]
fn a_read_only_window_that_switches_stays_read_only() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let first = desk.window();
    let mut second = desk.window();
    assert!(second.state().app().unwrap().read_only().is_some());
    desk.pick(&mut second, &rust);
    wait(&mut second, |gate| source_is(gate, &rust));
    let app = second.state().app().unwrap();
    assert!(
        app.read_only().is_some(),
        "the lock is still the first window's"
    );
    tick(&mut second, "Ownership");
    assert_eq!(
        item_state(second.state(), "Ownership"),
        ItemState::NotStarted
    );
    second.get_by_label("Read-only: changes are not saved");
    drop(first);
}

#[test]
fn an_imported_markdown_roadmap_saved_as_ron_is_worked_on_from_the_ron_with_its_ticks() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let out = desk.dir.path().join("kept.ron");
    let mut storage = MemoryStorage::default();
    {
        let mut harness = desk.window();
        assert!(harness.query_by_label(SAVE_RON_LABEL).is_none());
        desk.pick(&mut harness, &rust);
        wait(&mut harness, |gate| source_is(gate, &rust));
        tick(&mut harness, "Ownership");
        harness.get_by_label_contains("Imported from rust.md");
        desk.dialogs.answer(Picked::File(out.clone()));
        harness.get_by_label(SAVE_RON_LABEL).click();

        // The window works on the .ron now, with the same roadmap and the tick.
        wait(&mut harness, |gate| source_is(gate, &out));
        harness.get_by_label_contains("The roadmap is saved as .ron, and this window works");
        let saved = study_planner::app::load_roadmap_file(&out).expect("the .ron loads");
        assert_eq!(saved.title, "Rust from zero");
        assert_eq!(saved.id, harness.state().app().unwrap().roadmap().id);
        assert!(harness.query_by_label(SAVE_RON_LABEL).is_none());
        assert_eq!(harness.state().recent(), [out.canonicalize().unwrap()]);
        assert_eq!(item_state(harness.state(), "Ownership"), ItemState::Done);

        // It follows the .ron: an edit there shows, and the tick stays.
        let ron = std::fs::read_to_string(&out).unwrap();
        desk.file(
            "kept.ron",
            &ron.replace("Rust from zero", "Rust from zero, revised"),
        );
        wait(&mut harness, |gate| {
            gate.app()
                .is_some_and(|app| app.roadmap().title == "Rust from zero, revised")
        });
        harness.get_by_label("Rust from zero, revised");
        assert_eq!(item_state(harness.state(), "Ownership"), ItemState::Done);
        eframe::App::save(harness.state_mut(), &mut storage);
        eframe::App::on_exit(harness.state_mut(), None);
    }

    // The next start opens the .ron, and the tick is still there (read from disk).
    let remembered = RoadmapPrefs::load(Some(&storage));
    let setup = desk.setup(Arc::new(storage::RealFs), SOON);
    let harness = desk.window_with(Wanted::Remembered(remembered), Some(&storage), setup);
    assert!(source_is(harness.state(), &out));
    assert_eq!(item_state(harness.state(), "Ownership"), ItemState::Done);
}

#[test]
fn a_recent_file_that_is_gone_is_taken_off_recent_with_a_word() {
    let desk = Desk::new();
    let rust = desk.rust_md();
    let mut harness = desk.window();
    desk.pick(&mut harness, &rust);
    wait(&mut harness, |gate| source_is(gate, &rust));
    let listed = rust.canonicalize().unwrap();
    open_menu_item(&mut harness, BUILT_IN_LABEL);
    wait(&mut harness, built_in);

    std::fs::remove_file(&rust).unwrap();
    open_menu_item(&mut harness, &recent_label(&listed));
    wait(&mut harness, says_something);
    harness.get_by_label_contains("is not there any more");
    assert!(harness.state().recent().is_empty());
    assert_eq!(harness.state().source(), Some(&RoadmapSource::BuiltIn));
}
