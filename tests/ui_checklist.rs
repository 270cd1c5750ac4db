//! The checklist as a learner uses it: tick on a card, see the phase's progress move, close
//! and reopen, and be told when the data cannot be changed or was damaged.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{StudyPlannerApp, View};
use study_planner::progress::ItemState;
use study_planner::roadmap;
use study_planner::storage::{PROGRESS_FILE, ReadOnlyReason};

const TOPIC: &str = "Dependency Injection in Python";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

fn app_harness(data_dir: &Path) -> Harness<'static, StudyPlannerApp> {
    common::open_app_sized(data_dir, View::Cards, egui::vec2(1200.0, 900.0))
}

fn topic_id() -> String {
    common::item_id(TOPIC)
}

/// The accessible label of phase 1's progress bar with `complete` items done.
fn phase_one_progress(complete: usize) -> String {
    let roadmap = roadmap::embedded();
    let stage = &roadmap.stages()[0];
    format!(
        "{}: {complete} of {} complete",
        stage.title,
        stage.items.len()
    )
}

fn toggled(harness: &Harness<'_, StudyPlannerApp>, label: &str) -> Option<Toggled> {
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .accesskit_node()
        .toggled()
}

#[test]
fn ticking_an_item_marks_it_done_moves_the_phase_progress_and_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut harness = app_harness(dir.path());
        harness.get_by_label(&phase_one_progress(0));
        assert_eq!(toggled(&harness, TOPIC), Some(Toggled::False));

        harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
        harness.run();

        let data = harness.state().data();
        assert_eq!(data.state(&topic_id()), ItemState::Done);
        assert_eq!(
            data.item(&topic_id()).and_then(|p| p.done_on),
            Some(today())
        );
        assert_eq!(toggled(&harness, TOPIC), Some(Toggled::True));
        harness.get_by_label(&phase_one_progress(1));
        harness.get_by_label("done on 25 Nov 2026");
        // Closing the window flushes the save (dropping the harness drops the app).
    }
    assert!(dir.path().join(PROGRESS_FILE).exists());

    let harness = app_harness(dir.path());
    assert_eq!(toggled(&harness, TOPIC), Some(Toggled::True));
    assert_eq!(harness.state().data().state(&topic_id()), ItemState::Done);
    harness.get_by_label(&phase_one_progress(1));
}

#[test]
fn a_second_click_unticks_and_the_other_states_are_a_menu_or_a_key_away() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let id = topic_id();

    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::NotStarted);

    // The "…" menu.
    harness.get_by_label(&format!("More for: {TOPIC}")).click();
    harness.run();
    harness.get_by_label("In progress").click();
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::InProgress);
    harness.get_by_label_contains("in progress");

    // A key while the tick box has focus.
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).focus();
    harness.run();
    harness.key_press(egui::Key::S);
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::Skipped);
    harness.get_by_label("skipped (I already know this)");
    harness.get_by_label(&phase_one_progress(1));
}

#[test]
fn notes_on_items_and_phases_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut harness = app_harness(dir.path());
        harness.get_by_label(&format!("More for: {TOPIC}")).click();
        harness.run();
        harness.get_by_label("Note…").click();
        harness.run();
        let note_label = format!("Note on “{TOPIC}”");
        harness.get_by_label(&note_label).focus();
        harness
            .get_by_label(&note_label)
            .type_text("see chapter 7 – “DI”");
        harness.run();
        harness.get_by_label("Close note").click();
        harness.run();
        harness.get_by_label_contains("Note: see chapter 7 – “DI”");

        let phase_note = harness.query_all_by_label("My notes").next().is_some();
        assert!(phase_note, "every phase card has a notes field");
    }
    let harness = app_harness(dir.path());
    assert_eq!(
        harness.state().data().note(&topic_id()),
        "see chapter 7 – “DI”"
    );
    harness.get_by_label_contains("Note: see chapter 7 – “DI”");
}

#[test]
fn a_second_window_on_the_same_data_is_read_only_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = app_harness(dir.path());
    assert!(first.state().read_only().is_none());

    let mut second = app_harness(dir.path());
    assert!(matches!(
        second.state().read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
    second.get_by_label_contains("another study-planner window");
    second.get_by_label("Read-only: changes are not saved");
    // Ticking does nothing here: the checklist is disabled.
    second.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    second.run();
    assert_eq!(
        second.state().data().state(&topic_id()),
        ItemState::NotStarted
    );
    drop(first);
}

#[test]
fn a_damaged_file_is_reported_with_where_it_was_moved() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(PROGRESS_FILE), "(version: 2, roadmaps: {").expect("write");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/good.ron"),
        dir.path().join(study_planner::storage::BACKUP_FILE),
    )
    .expect("copy backup");
    {
        let harness = app_harness(dir.path());
        harness.get_by_label_contains("could not be read");
        harness.get_by_label_contains("restored from the backup");
        harness.get_by_label_contains("progress.unreadable-");
        assert!(harness.state().read_only().is_none());
        // The same banner as every other message: an icon that names its level, the file's
        // path with "Open folder" and "Copy path", and a way to dismiss it.
        harness.get_by_label("Warning:");
        assert!(harness.query_all_by_label("Copy path").count() > 0);
        assert!(harness.query_all_by_label("Dismiss").count() > 0);
    }
    // The recovered progress is written back as progress.ron, so the next start is quiet.
    let harness = app_harness(dir.path());
    assert!(harness.state().storage_notices().is_empty());
    assert_eq!(harness.state().data().state("topic-a"), ItemState::Done);
}

#[test]
fn a_hand_edited_start_out_of_range_keeps_the_ticks_and_says_what_changed_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/progress/out-of-range-dates.ron"),
        dir.path().join(PROGRESS_FILE),
    )
    .expect("copy fixture");
    {
        let harness = app_harness(dir.path());
        assert_eq!(harness.state().data().state("topic-a"), ItemState::Done);
        assert_eq!(harness.state().data().plan.start, None);
        harness.get_by_label_contains("progress.ron had values a plan cannot use");
        harness.get_by_label_contains("the plan's start date was left out (+20260-01-05");
        harness.get_by_label_contains("the break “holiday” from 2026-12-21 to +20270-01-03");
        harness.get_by_label_contains("progress.before-repair-");
        harness.get_by_label("Warning:");
        assert!(harness.state().read_only().is_none());
    }
    // Written back with the dates changed, so the next start is quiet and keeps the ticks.
    let harness = app_harness(dir.path());
    assert!(harness.state().storage_notices().is_empty());
    assert_eq!(harness.state().data().state("topic-a"), ItemState::Done);
    assert_eq!(harness.state().data().note("topic-b"), "half way");
}

#[test]
fn reset_asks_first_then_clears_ticks_and_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();

    harness.get_by_label("Progress").click();
    harness.run();
    harness.get_by_label("Reset progress…").click();
    harness.run();
    harness.get_by_label("Reset progress?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().data().state(&topic_id()), ItemState::Done);

    harness.get_by_label("Progress").click();
    harness.run();
    harness.get_by_label("Reset progress…").click();
    harness.run();
    // The dialog says what is true: Ctrl+Z undoes a reset.
    harness.get_by_label_contains("Undo (Ctrl+Z) brings them back");
    harness.get_by_label("Reset progress").click();
    harness.run();
    assert_eq!(
        harness.state().data().state(&topic_id()),
        ItemState::NotStarted
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().data().state(&topic_id()),
        ItemState::Done,
        "Ctrl+Z did not undo the reset"
    );
}

/// The next item after the topic on phase 1's card.
const NEXT_TOPIC: &str = "Type Hinting & Static Type Checking (mypy)";

#[test]
fn ticking_keeps_the_row_height_and_the_items_below_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let rects = |harness: &Harness<'_, StudyPlannerApp>| {
        (
            harness.get_by_role_and_label(Role::CheckBox, TOPIC).rect(),
            harness
                .get_by_role_and_label(Role::CheckBox, NEXT_TOPIC)
                .rect(),
        )
    };
    let before = rects(&harness);
    for expected in [ItemState::Done, ItemState::NotStarted] {
        harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
        harness.run();
        assert_eq!(harness.state().data().state(&topic_id()), expected);
        assert_eq!(rects(&harness), before, "after the row became {expected:?}");
    }
    // In progress and skipped (the "…" menu) keep it too.
    for state in ["In progress", "Skipped (I already know this)"] {
        harness.get_by_label(&format!("More for: {TOPIC}")).click();
        harness.run();
        harness.get_by_label(state).click();
        harness.run();
        assert_eq!(rects(&harness), before, "after {state}");
    }
    // The state is still said in words, on the row's own line.
    harness.get_by_label("skipped (I already know this)");
}

#[test]
fn space_toggles_done_and_back_to_in_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let id = topic_id();
    harness.get_by_label(&format!("More for: {TOPIC}")).click();
    harness.run();
    harness.get_by_label("In progress").click();
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::InProgress);

    harness.get_by_role_and_label(Role::CheckBox, TOPIC).focus();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::Done);
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(
        harness.state().data().state(&id),
        ItemState::InProgress,
        "Space on a done item gives back the state it had before"
    );
    // A click does the same, and an item done from scratch goes back to not started.
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, TOPIC).click();
    harness.run();
    assert_eq!(harness.state().data().state(&id), ItemState::InProgress);
    harness
        .get_by_role_and_label(Role::CheckBox, NEXT_TOPIC)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, NEXT_TOPIC)
        .click();
    harness.run();
    let next = common::item_id(NEXT_TOPIC);
    assert_eq!(harness.state().data().state(&next), ItemState::NotStarted);
}

/// Rectangles outlined with the focus ring's 2-point stroke that surround `inner`.
fn rings_around(harness: &Harness<'_, StudyPlannerApp>, inner: egui::Rect) -> usize {
    harness
        .output()
        .shapes
        .iter()
        .filter(|clipped| match &clipped.shape {
            egui::Shape::Rect(rect) => {
                rect.stroke.width == 2.0
                    && rect.rect.contains_rect(inner)
                    && rect.rect.width() < inner.width() + 8.0
            }
            _ => false,
        })
        .count()
}

#[test]
fn keyboard_focus_shows_a_ring_even_on_the_frameless_more_button() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let more = format!("More for: {TOPIC}");
    let rect = harness.get_by_label(&more).rect();
    assert_eq!(rings_around(&harness, rect), 0, "a ring without focus");
    harness.get_by_label(&more).focus();
    harness.run();
    assert!(harness.get_by_label(&more).is_focused());
    assert_eq!(
        rings_around(&harness, rect),
        1,
        "no ring around the focused “…”"
    );
    // A tick box gets one too.
    let check = harness.get_by_role_and_label(Role::CheckBox, TOPIC);
    let check_rect = check.rect();
    check.focus();
    harness.run();
    assert_eq!(rings_around(&harness, check_rect), 1);
    assert_eq!(
        rings_around(&harness, rect),
        0,
        "the ring follows the focus"
    );
}

#[test]
fn note_puts_the_cursor_in_the_note_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.get_by_label(&format!("More for: {TOPIC}")).click();
    harness.run();
    harness.get_by_label("Note…").click();
    harness.run();
    let label = format!("Note on “{TOPIC}”");
    let field = harness.get_by_label(&label);
    assert!(field.is_focused(), "the note field has no keyboard focus");
    // Typing goes straight into the note.
    field.type_text("chapter 4");
    harness.run();
    assert_eq!(harness.state().data().note(&topic_id()), "chapter 4");
}

#[test]
fn ctrl_q_is_in_the_help_and_closes_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.key_press(egui::Key::F1);
    harness.run();
    let keys = harness.ctx.format_shortcut(&egui::KeyboardShortcut::new(
        egui::Modifiers::COMMAND,
        egui::Key::Q,
    ));
    harness.get_by_label(&keys);
    harness.get_by_label_contains("Close the window");
    // Only the key press, so that the frame that sees it is the last one run.
    harness.event(egui::Event::Key {
        key: egui::Key::Q,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    });
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .values()
        .any(|viewport| viewport.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "Ctrl+Q did not ask the window to close");
}

#[test]
fn a_find_match_in_a_phase_note_shows_the_note_not_all_its_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    let note = harness
        .query_all_by_label("My notes")
        .find(|node| node.accesskit_node().role() == Role::MultilineTextInput)
        .expect("phase 1's note field");
    note.focus();
    harness.run();
    harness
        .query_all_by_label("My notes")
        .find(|node| node.accesskit_node().role() == Role::MultilineTextInput)
        .expect("phase 1's note field")
        .type_text("compare FAISS with pgvector");
    harness.run();
    harness
        .query_all_by_label("Find")
        .find(|node| node.accesskit_node().role() == Role::TextInput)
        .expect("the find box")
        .focus();
    harness.run();
    harness
        .query_all_by_label("Find")
        .find(|node| node.accesskit_node().role() == Role::TextInput)
        .expect("the find box")
        .type_text("faiss");
    harness.run();
    // The note is shown (highlighted) as the reason the card is there...
    harness.get_by_label("Your note: compare FAISS with pgvector");
    // ...but the phase's items that do not name FAISS are not pulled in.
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, TOPIC)
            .is_none(),
        "phase 1's items came in with its note"
    );
}
