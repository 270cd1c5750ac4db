//! Keyboard focus never lands in a widget nobody sees: a closed menu gives the focus back to
//! its button, and whatever gains the focus is scrolled into view.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::path::Path;
use std::sync::Arc;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::clock::Clock;
use study_planner::progress::ItemState;
use study_planner::roadmap;

const SIZE: egui::Vec2 = egui::vec2(1200.0, 800.0);

fn open(data_dir: &Path) -> Harness<'static, StudyPlannerApp> {
    let options = AppOptions {
        roadmap: Arc::new(roadmap::embedded()),
        data_dir: data_dir.to_owned(),
        view: Some(View::Cards),
        screenshot: None,
        clock: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).map_or_else(Clock::system, Clock::on),
    };
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .build_eframe(|cc| StudyPlannerApp::new(cc, options));
    harness.run();
    harness
}

/// The label of the widget with the keyboard focus, if any.
fn focused_label(harness: &Harness<'_, StudyPlannerApp>) -> Option<String> {
    harness
        .query_by(|node| node.is_focused())
        .and_then(|node| node.accesskit_node().label())
}

fn press(harness: &mut Harness<'_, StudyPlannerApp>, modifiers: egui::Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn escape_gives_the_focus_back_to_the_menu_button_and_nothing_invisible_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(dir.path());
    // Tab to the first "…" button.
    let mut steps = 0;
    while !focused_label(&harness).is_some_and(|label| label.starts_with("More for: ")) {
        press(&mut harness, egui::Modifiers::NONE, Key::Tab);
        steps += 1;
        assert!(steps < 60, "no \"…\" button within 60 tabs");
    }
    let button = focused_label(&harness).unwrap_or_default();
    let item_text = button.trim_start_matches("More for: ").to_owned();
    press(&mut harness, egui::Modifiers::NONE, Key::Space);
    harness.get_by_label("Skipped (I already know this)");
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_label("Skipped (I already know this)")
            .is_none(),
        "the menu closed"
    );
    assert_eq!(focused_label(&harness).as_deref(), Some(button.as_str()));

    // Shift+Tab goes to the item's own tick box, and Space ticks it, on screen.
    press(&mut harness, egui::Modifiers::SHIFT, Key::Tab);
    press(&mut harness, egui::Modifiers::NONE, Key::Space);
    let data = harness.state().data();
    assert!(
        data.items.values().all(|item| item.note.is_empty()),
        "a note appeared: {:?}",
        data.items
    );
    assert!(data.stage_notes.is_empty(), "{:?}", data.stage_notes);
    let id = common::item_id(&item_text);
    assert_eq!(data.state(&id), ItemState::Done);
}

#[test]
fn a_widget_that_gains_the_focus_far_below_is_scrolled_into_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(dir.path());
    // The last item with a "…" menu: the final project's last tech stack item (the ideas
    // below it are a choice, with no menu until one is chosen).
    let last = roadmap::embedded()
        .final_project
        .and_then(|project| project.tech_stack.last().map(|item| item.text.clone()))
        .expect("items");
    let label = format!("More for: {last}");
    let below = harness.get_by_label(&label).rect();
    assert!(
        below.min.y > SIZE.y,
        "the last item starts off screen: {below:?}"
    );
    harness.get_by_label(&label).focus();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some(label.as_str()));
    let shown = harness.get_by_label(&label).rect();
    assert!(
        shown.min.y >= 0.0 && shown.max.y <= SIZE.y,
        "the focused button is on screen: {shown:?}"
    );
}
