//! A read-only window (another window holds the data, or a newer study-planner wrote it):
//! every view shows the learner's data, every control that would change it is disabled, and
//! nothing a learner does there changes the data or the file.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use study_planner::app::{StudyPlannerApp, View};
use study_planner::storage::{CURRENT_VERSION, ReadOnlyReason};

use common::{eight_weeks_in as saved, open_app, temp_dir, write_progress};

const TOPIC: &str = "Dependency Injection in Python";

fn disabled(harness: &Harness<'_, StudyPlannerApp>, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

/// Clicks `label` (a disabled control ignores it) and lets the frame settle.
fn click(harness: &mut Harness<'_, StudyPlannerApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Every view's data controls are disabled and using them changes nothing.
fn nothing_changes_in_any_view(harness: &mut Harness<'_, StudyPlannerApp>) {
    let before = harness.state().data().clone();

    // Phase cards: ticks, the state menu, notes.
    let tick = harness.get_by_role_and_label(Role::CheckBox, TOPIC);
    assert!(tick.accesskit_node().is_disabled());
    tick.click();
    harness.run();
    assert!(disabled(harness, &format!("More for: {TOPIC}")));
    let notes: Vec<bool> = harness
        .query_all_by_label("My notes")
        .filter(|node| node.accesskit_node().role() == Role::MultilineTextInput)
        .map(|node| node.accesskit_node().is_disabled())
        .collect();
    assert!(!notes.is_empty() && notes.iter().all(|d| *d), "{notes:?}");
    // Undo and redo, by button and by key.
    assert!(disabled(harness, "Undo") && disabled(harness, "Redo"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    // The progress menu: import and reset.
    click(harness, "Progress");
    assert!(disabled(harness, "Import progress…"));
    assert!(disabled(harness, "Reset progress…"));
    harness.key_press(Key::Escape);
    harness.run();

    // Timeline and its plan panel: lengths, pace, hours, optional phases, reset, re-plan.
    click(harness, "Timeline");
    let longer = "One week longer: 2. Backend Development";
    assert!(disabled(harness, longer));
    click(harness, longer);
    assert!(disabled(
        harness,
        "One week shorter: 2. Backend Development"
    ));
    assert!(disabled(harness, "Weeks of 2. Backend Development"));
    assert!(disabled(harness, "Hours per week"));
    assert!(disabled(harness, "Fast"));
    assert!(disabled(harness, "4. Frontend"));
    assert!(disabled(harness, "Re-plan from today"));
    click(harness, "Re-plan from today");

    // The week plan: ticks.
    click(harness, "Weeks");
    let week_item = harness
        .query_all_by_role(Role::CheckBox)
        .next()
        .map(|node| node.accesskit_node().is_disabled());
    assert_eq!(week_item, Some(true));

    assert_eq!(harness.state().data(), &before, "nothing changed");
}

#[test]
fn a_second_window_changes_nothing_and_shows_every_control_disabled() {
    let dir = temp_dir();
    write_progress(dir.path(), &saved(CURRENT_VERSION));
    let on_disk = std::fs::read(dir.path().join("progress.ron")).expect("saved");
    let first = open_app(dir.path(), View::Cards);
    let mut second = open_app(dir.path(), View::Cards);
    assert!(matches!(
        second.state().read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
    // The learner's data is shown all the same.
    second.get_by_label_contains("Note: see chapter 7");
    nothing_changes_in_any_view(&mut second);
    // The refused undo was said once, in a banner.
    let refusals = |harness: &Harness<'_, StudyPlannerApp>| {
        harness
            .query_all_by_label_contains("That change was not made")
            .count()
    };
    assert_eq!(refusals(&second), 1);
    second.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    second.run();
    assert_eq!(refusals(&second), 1, "said once, not at every attempt");
    drop(second);
    drop(first);
    assert_eq!(
        std::fs::read(dir.path().join("progress.ron")).expect("still there"),
        on_disk
    );
}

#[test]
fn a_file_from_a_newer_version_changes_nothing_either() {
    let dir = temp_dir();
    write_progress(dir.path(), &saved(99));
    let on_disk = std::fs::read(dir.path().join("progress.ron")).expect("saved");
    let mut harness = open_app(dir.path(), View::Cards);
    assert!(matches!(
        harness.state().read_only(),
        Some(ReadOnlyReason::NewerVersion { version: 99, .. })
    ));
    nothing_changes_in_any_view(&mut harness);
    drop(harness);
    assert_eq!(
        std::fs::read(dir.path().join("progress.ron")).expect("still there"),
        on_disk
    );
}

#[test]
fn the_same_controls_work_in_a_window_that_may_save() {
    let dir = temp_dir();
    write_progress(dir.path(), &saved(CURRENT_VERSION));
    let mut harness = open_app(dir.path(), View::Timeline);
    assert!(!disabled(&harness, "Re-plan from today"));
    assert!(!disabled(
        &harness,
        "One week longer: 2. Backend Development"
    ));
    click(&mut harness, "One week longer: 2. Backend Development");
    assert_eq!(
        harness.state().data().plan.stage_weeks.get("backend"),
        Some(&12)
    );
    assert!(!disabled(&harness, "Undo"));
}

#[test]
fn a_read_only_window_cannot_clear_the_chosen_idea() {
    let dir = temp_dir();
    let idea =
        common::item_id("Enterprise Dashboard with Realtime Analytics (FastAPI + Streamlit)");
    write_progress(
        dir.path(),
        &format!(
            r#"(version: {CURRENT_VERSION}, roadmaps: {{"python-enterprise": (chosen_idea: Some("{idea}"))}})"#
        ),
    );
    let first = open_app(dir.path(), View::Cards);
    let mut second = common::open_app_sized(dir.path(), View::Cards, egui::vec2(1280.0, 4000.0));
    assert!(second.state().read_only().is_some());
    assert!(disabled(&second, "Clear choice"));
    click(&mut second, "Clear choice");
    assert_eq!(second.state().data().chosen_idea, Some(idea));
    drop(second);
    drop(first);
}
