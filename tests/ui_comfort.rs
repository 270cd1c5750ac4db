//! Everyday comfort, driven through the real app's accessibility tree: find, undo and redo,
//! every keyboard shortcut, theme and zoom remembered across runs.

mod common;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::accesskit::Role;
use egui::{Key, Modifiers, ThemePreference};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use study_planner::app::{AppOptions, MemoryStorage, StudyPlannerApp, View};
use study_planner::progress::ItemState;
use study_planner::progress::Pace;

const ORM: &str = "Database ORM: SQLAlchemy (for PostgreSQL, MySQL)";
const ORM_ID: &str = "sqlalchemy";
const OOP: &str = "Advanced OOP (Inheritance, Metaclasses, Design Patterns)";
const OOP_ID: &str = "advanced-oop";

fn options(data_dir: &std::path::Path) -> AppOptions {
    common::options(data_dir, View::Cards)
}

fn app_harness(data_dir: &std::path::Path) -> Harness<'static, StudyPlannerApp> {
    common::open_app_sized(data_dir, View::Cards, egui::vec2(1200.0, 900.0))
}

fn checkbox<'t>(
    harness: &'t Harness<'static, StudyPlannerApp>,
    label: &'t str,
) -> egui_kittest::Node<'t> {
    harness.get_by_role_and_label(Role::CheckBox, label)
}

fn find_box<'t>(harness: &'t Harness<'static, StudyPlannerApp>) -> egui_kittest::Node<'t> {
    harness.get_by_role_and_label(Role::TextInput, "Find")
}

/// Clicks into the find box and types, as a learner would.
fn type_in_find(harness: &mut Harness<'static, StudyPlannerApp>, text: &str) {
    find_box(harness).focus();
    harness.run();
    find_box(harness).type_text(text);
    harness.run();
}

fn shows(harness: &Harness<'static, StudyPlannerApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

fn press(harness: &mut Harness<'static, StudyPlannerApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn typing_in_find_filters_cards_and_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    assert!(shows(&harness, "Advanced Python & Best Practices"));
    assert!(shows(&harness, OOP));

    type_in_find(&mut harness, "sqlalchemy");
    // Both items that name SQLAlchemy stay, on their two phases; everything else goes.
    checkbox(&harness, ORM);
    checkbox(
        &harness,
        "SQL Databases – PostgreSQL, MySQL, SQLAlchemy ORM",
    );
    assert!(!shows(&harness, OOP));
    assert!(!shows(&harness, "Advanced Python & Best Practices"));
    assert!(!shows(
        &harness,
        "Celery & Redis (Task Queues for Background Jobs)"
    ));
    assert!(shows(&harness, "Backend Development with Python"));
    harness.get_by_label("2 of 48 items");

    // A second word narrows further, anywhere on the card: the backend phase only.
    type_in_find(&mut harness, " backend");
    assert!(shows(&harness, ORM));
    assert!(!shows(&harness, "Database, Caching & Scalable Storage"));

    // Clearing brings everything back.
    harness.get_by_label("Clear").click();
    harness.run();
    assert!(shows(&harness, OOP));
    assert!(shows(&harness, "Advanced Python & Best Practices"));
}

#[test]
fn find_counts_the_alternative_ideas_once_as_progress_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let total = harness.state_mut().plan().overall().1;
    let roadmap = study_planner::roadmap::embedded();
    let project = roadmap.final_project.as_ref().expect("a final project");
    assert_eq!(total, 48, "the progress total");
    // The ideas heading matches the whole project card: its stack and the one choice, not
    // every idea listed there.
    type_in_find(&mut harness, "idea examples");
    harness.get_by_label(&format!(
        "{} of {total} items",
        project.tech_stack.len() + 1
    ));
}

#[test]
fn find_filters_the_week_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    assert_eq!(harness.state().view(), View::Weeks);
    assert!(shows(&harness, "Week 1"));
    assert!(shows(&harness, OOP));
    type_in_find(&mut harness, "sqlalchemy");
    checkbox(&harness, ORM);
    assert!(!shows(&harness, OOP));
    assert!(!shows(&harness, "Week 1"));
    assert!(!shows(
        &harness,
        "Celery & Redis (Task Queues for Background Jobs)"
    ));

    type_in_find(&mut harness, "-no-such-words");
    harness.get_by_label("No week has an item that matches the find box and the “Show” filter.");
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    harness.get_by_label("Nothing matches the find box and the “Show” filter.");
    harness.get_by_label("0 of 48 items");
}

#[test]
fn find_searches_resources_and_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    type_in_find(&mut harness, "django rest");
    harness.get_by_role_and_label(Role::Link, "Django REST Framework");
    assert!(!shows(&harness, "FastAPI Docs"));

    // A note on an item makes it findable by the note's words.
    harness.get_by_label("Clear").click();
    harness.run();
    harness.get_by_label(&format!("More for: {OOP}")).click();
    harness.run();
    harness.get_by_label("Note…").click();
    harness.run();
    let note_label = format!("Note on “{OOP}”");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, &note_label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, &note_label)
        .type_text("metaprogramming chapter");
    harness.run();
    assert_eq!(
        harness.state().data().note(OOP_ID),
        "metaprogramming chapter"
    );
    type_in_find(&mut harness, "metaprogramming");
    assert!(shows(&harness, OOP));
    harness.get_by_label("1 of 48 items");
}

#[test]
fn the_state_filter_hides_done_and_shows_only_in_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    checkbox(&harness, OOP).click();
    harness.run();
    harness.get_by_label(&format!("More for: {ORM}")).click();
    harness.run();
    harness.get_by_label("In progress").click();
    harness.run();
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::InProgress);

    harness
        .get_by_role_and_label(Role::ComboBox, "Show")
        .click();
    harness.run();
    harness.get_by_label("Hide done and skipped").click();
    harness.run();
    assert!(!shows(&harness, OOP));
    assert!(shows(&harness, ORM));
    harness.get_by_label("47 of 48 items");

    harness
        .get_by_role_and_label(Role::ComboBox, "Show")
        .click();
    harness.run();
    harness.get_by_label("Only in progress").click();
    harness.run();
    assert!(shows(&harness, ORM));
    assert!(!shows(
        &harness,
        "Celery & Redis (Task Queues for Background Jobs)"
    ));
    assert!(!shows(&harness, "Advanced Python & Best Practices"));
    harness.get_by_label("1 of 48 items");
}

#[test]
fn a_tick_is_undone_and_redone_by_buttons_and_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    assert!(harness.get_by_label("Undo").accesskit_node().is_disabled());

    checkbox(&harness, ORM).click();
    harness.run();
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::NotStarted);
    assert!(harness.get_by_label("Undo").accesskit_node().is_disabled());

    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::NotStarted);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
    // Nothing left to redo: a further redo changes nothing.
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
}

#[test]
fn an_undo_is_saved_like_any_other_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut harness = app_harness(dir.path());
        checkbox(&harness, ORM).click();
        harness.run();
        checkbox(&harness, OOP).click();
        harness.run();
        press(&mut harness, Modifiers::COMMAND, Key::Z);
        assert_eq!(harness.state().data().state(OOP_ID), ItemState::NotStarted);
        // Closing the window flushes the save.
    }
    let mut harness = app_harness(dir.path());
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
    assert_eq!(harness.state().data().state(OOP_ID), ItemState::NotStarted);
    // History is per session: nothing to undo after a restart.
    assert!(harness.get_by_label("Undo").accesskit_node().is_disabled());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
}

#[test]
fn a_plan_change_is_undone_and_redone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    let before = harness.state().data().plan.pace;
    assert_ne!(before, Pace::Relaxed);
    harness.get_by_label("Relaxed").click();
    harness.run();
    assert_eq!(harness.state().data().plan.pace, Pace::Relaxed);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().data().plan.pace, before);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(harness.state().data().plan.pace, Pace::Relaxed);
}

#[test]
fn ctrl_z_in_a_text_field_is_left_to_the_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    checkbox(&harness, ORM).click();
    harness.run();
    type_in_find(&mut harness, "x");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().data().state(ORM_ID), ItemState::Done);
}

#[test]
fn ctrl_1_2_3_switch_views() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    assert_eq!(harness.state().view(), View::Timeline);
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    assert_eq!(harness.state().view(), View::Weeks);
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    assert_eq!(harness.state().view(), View::Cards);
}

#[test]
fn ctrl_p_prints_the_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let opened: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let recorder = Arc::clone(&opened);
    harness.state_mut().set_opener(move |path| {
        if let Ok(mut paths) = recorder.lock() {
            paths.push(path.to_owned());
        }
        Ok(())
    });
    assert_eq!(harness.state().print_requests(), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.step();
    assert_eq!(harness.state().print_requests(), 1);
    // The PDF is written in the background; give it a bounded number of frames.
    for _ in 0..2000 {
        if opened.lock().map(|paths| !paths.is_empty()).unwrap_or(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    let paths = opened.lock().expect("recorder").clone();
    assert_eq!(paths.len(), 1, "Ctrl+P opens one PDF");
    assert_eq!(paths[0].extension().and_then(|e| e.to_str()), Some("pdf"));
}

#[test]
fn ctrl_f_puts_the_cursor_in_the_find_box() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    assert!(!find_box(&harness).is_focused());
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(find_box(&harness).is_focused());
    harness.event(egui::Event::Text("celery".to_owned()));
    harness.run();
    assert_eq!(find_box(&harness).value().as_deref(), Some("celery"));
    assert!(!shows(&harness, ORM));
}

#[test]
fn f1_and_question_mark_open_the_help_and_escape_closes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    assert!(!shows(&harness, "Keyboard shortcuts"));
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Print the plan");
    harness.get_by_label("Tick the focused item done (again: back to how it was)");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "Keyboard shortcuts"));

    press(&mut harness, Modifiers::SHIFT, Key::Questionmark);
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!shows(&harness, "Keyboard shortcuts"));

    // The toolbar button does the same.
    harness.get_by_label("Keyboard shortcuts and help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
}

#[test]
fn a_question_mark_typed_in_the_find_box_stays_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    find_box(&harness).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Questionmark);
    harness.event(egui::Event::Text("?".to_owned()));
    harness.run();
    assert!(!shows(&harness, "Keyboard shortcuts"));
    assert_eq!(find_box(&harness).value().as_deref(), Some("?"));
}

#[test]
fn ctrl_plus_minus_and_zero_zoom() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let zoom = |harness: &Harness<'static, StudyPlannerApp>| harness.ctx.zoom_factor();
    assert_eq!(zoom(&harness), 1.0);
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    assert!((zoom(&harness) - 1.1).abs() < 1e-4);
    press(&mut harness, Modifiers::COMMAND, Key::Equals);
    assert!((zoom(&harness) - 1.2).abs() < 1e-4);
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert!((zoom(&harness) - 1.1).abs() < 1e-4);
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert_eq!(zoom(&harness), 1.0);
}

#[test]
fn space_ticks_the_focused_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    checkbox(&harness, OOP).focus();
    harness.run();
    assert!(checkbox(&harness, OOP).is_focused());
    press(&mut harness, Modifiers::NONE, Key::Space);
    assert_eq!(harness.state().data().state(OOP_ID), ItemState::Done);
    press(&mut harness, Modifiers::NONE, Key::Space);
    assert_eq!(harness.state().data().state(OOP_ID), ItemState::NotStarted);
}

#[test]
fn tab_moves_from_item_to_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    checkbox(&harness, OOP).focus();
    harness.run();
    // The item's "…" menu button comes next, then the next item.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let next = "Multithreading, Multiprocessing, Async Programming (asyncio)";
    assert!(checkbox(&harness, next).is_focused());
    press(&mut harness, Modifiers::NONE, Key::Space);
    assert_eq!(harness.state().data().state("concurrency"), ItemState::Done);
}

#[test]
fn arrow_keys_move_between_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    checkbox(&harness, OOP).focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    let next = "Multithreading, Multiprocessing, Async Programming (asyncio)";
    assert!(checkbox(&harness, next).is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(checkbox(&harness, OOP).is_focused());
}

#[test]
fn theme_and_zoom_are_remembered_across_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.get_by_label("Appearance").click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    assert_eq!(
        harness.ctx.options(|o| o.theme_preference),
        ThemePreference::Light
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    press(&mut harness, Modifiers::COMMAND, Key::Plus);

    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    // `build_eframe` wants storage that outlives the harness.
    let storage: &'static MemoryStorage = Box::leak(Box::new(storage));

    let options = options(dir.path());
    let mut restarted = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_eframe(|cc| {
            cc.storage = Some(storage);
            StudyPlannerApp::new(cc, options)
        });
    restarted.run();
    assert_eq!(
        restarted.ctx.options(|o| o.theme_preference),
        ThemePreference::Light
    );
    assert!((restarted.ctx.zoom_factor() - 1.2).abs() < 1e-4);
}

/// Every rect a frame paints, nested shapes included.
fn painted_rects(shape: &egui::Shape, out: &mut Vec<egui::epaint::RectShape>) {
    match shape {
        egui::Shape::Rect(rect) => out.push(rect.clone()),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| painted_rects(s, out)),
        _ => {}
    }
}

/// The window is cleared to the panel colour and no panel paints it again: where there is no
/// GPU, a second full-window fill costs a frame about as much as everything else on it.
#[test]
fn no_view_paints_the_window_background_twice_in_either_theme() {
    use eframe::App as _;
    for theme in [ThemePreference::Light, ThemePreference::Dark] {
        for view in [View::ThisWeek, View::Cards, View::Timeline, View::Weeks] {
            let dir = common::temp_dir();
            let mut harness = common::open_app(dir.path(), view);
            harness.ctx.set_theme(theme);
            harness.run();
            let visuals = harness.ctx.global_style().visuals.clone();
            let window = harness.ctx.content_rect();
            let mut rects = Vec::new();
            for clipped in &harness.output().shapes {
                painted_rects(&clipped.shape, &mut rects);
            }
            let refills: Vec<egui::Rect> = rects
                .iter()
                .filter(|r| r.fill == visuals.panel_fill && r.rect.area() > window.area() / 20.0)
                .map(|r| r.rect)
                .collect();
            assert!(refills.is_empty(), "{theme:?}, {view:?}: {refills:?}");
            assert_eq!(
                harness.state().clear_color(&visuals),
                visuals.panel_fill.to_normalized_gamma_f32(),
                "{theme:?}: the clear is the panels' colour"
            );
        }
    }
}
