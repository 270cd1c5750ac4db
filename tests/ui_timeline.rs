//! The timeline worked with as a learner would: dragging a bar's end, cancelling with Escape,
//! undoing, the keyboard on a focused bar, the wheel and Ctrl+wheel, find fading the bars that
//! do not match, and putting a left-out phase back in.
//!
//! Today is Wednesday 25 Nov 2026 and the plan starts today, at the steady pace:
//! 1. 25 Nov – 10 Jan (7 weeks), 2. 11 Jan – 28 Mar (11), 3. 29 Mar – 16 May (7), …

mod common;

use egui::{Key, Modifiers, Pos2, Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use study_planner::app::{StudyPlannerApp, View};

const BACKEND: &str = "Phase 2, Backend Development: ";
const DATABASES: &str = "Phase 3, Database & Caching: ";
/// How far past a bar's right end its accessible rectangle reaches (the drag handle).
const HANDLE_REACH: f32 = 7.0;

fn open_timeline(
    data_dir: &std::path::Path,
    size: egui::Vec2,
) -> Harness<'static, StudyPlannerApp> {
    common::open_app_sized(data_dir, View::Timeline, size)
}

fn open(data_dir: &std::path::Path) -> Harness<'static, StudyPlannerApp> {
    common::open_app(data_dir, View::Timeline)
}

/// A bar's accessible name, found by its start ("Phase 2, Backend Development: ").
fn label(harness: &Harness<'_, StudyPlannerApp>, start: &str) -> String {
    harness
        .get_by_label_contains(start)
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

fn bar_rect(harness: &Harness<'_, StudyPlannerApp>, start: &str) -> Rect {
    harness.get_by_label_contains(start).rect()
}

/// Where Backend's bar ends, and the width of one week on screen.
fn backend_end(harness: &Harness<'_, StudyPlannerApp>) -> (Pos2, f32) {
    let rect = bar_rect(harness, BACKEND);
    let end = rect.right() - HANDLE_REACH;
    let week = (end - rect.left()) / 11.0;
    (pos2(end - 1.0, rect.center().y), week)
}

/// Presses at `from` and moves, a frame at a time, to `to`; the button stays down.
fn press_and_move(harness: &mut Harness<'_, StudyPlannerApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.step();
    for step in 1..=8 {
        let t = step as f32 / 8.0;
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.run();
}

fn backend_weeks(harness: &Harness<'_, StudyPlannerApp>) -> Option<u32> {
    harness
        .state()
        .data()
        .plan
        .stage_weeks
        .get("backend")
        .copied()
}

#[test]
fn dragging_a_bars_end_by_two_weeks_makes_it_two_weeks_longer_and_moves_the_next() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    assert!(label(&harness, BACKEND).contains("11 Jan – 28 Mar 2027, 11 weeks"));
    let (end, week) = backend_end(&harness);
    assert!(week > 5.0, "a week is {week} points wide");

    // The handle shows itself: a resize cursor over the bar's end.
    harness.hover_at(end);
    harness.run();
    assert_eq!(
        harness.output().platform_output.cursor_icon,
        egui::CursorIcon::ResizeHorizontal
    );

    let to = end + egui::vec2(2.0 * week + 0.2 * week, 0.0);
    press_and_move(&mut harness, end, to);
    // Mid-drag: the tooltip tells the new dates and length; the later phase already moved,
    // on the chart and in the plan panel; the learner's data has not changed yet.
    harness.get_by_label_contains("11 Jan – 11 Apr 2027 · 13 weeks (was 11 weeks)");
    assert!(label(&harness, DATABASES).contains("12 Apr – 30 May 2027"));
    harness.get_by_label("12 Apr – 30 May 2027");
    assert_eq!(backend_weeks(&harness), None);

    harness.drop_at(to);
    harness.run();
    assert_eq!(backend_weeks(&harness), Some(13));
    assert!(label(&harness, BACKEND).contains("11 Jan – 11 Apr 2027, 13 weeks"));
    assert!(label(&harness, DATABASES).contains("12 Apr – 30 May 2027, 7 weeks"));

    // The whole drag is one step: one Ctrl+Z restores the plan.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(backend_weeks(&harness), None);
    assert!(label(&harness, DATABASES).contains("29 Mar – 16 May 2027"));
}

#[test]
fn a_drag_past_the_estimate_says_so_and_escape_cancels_it() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    let (end, week) = backend_end(&harness);
    // Five weeks longer: 16 weeks, past the 9–13 week estimate.
    let to = end + egui::vec2(5.0 * week, 0.0);
    press_and_move(&mut harness, end, to);
    harness.get_by_label_contains("16 weeks (was 11 weeks)\nOutside the estimate (9–13 weeks)");

    harness.key_press(Key::Escape);
    harness.run();
    // The preview is gone at once, before the button is even released.
    assert!(label(&harness, DATABASES).contains("29 Mar – 16 May 2027"));
    harness.drop_at(to);
    harness.run();
    assert_eq!(backend_weeks(&harness), None);
    assert!(label(&harness, BACKEND).contains("11 Jan – 28 Mar 2027, 11 weeks"));
    assert!(
        harness.get_by_label("Undo").accesskit_node().is_disabled(),
        "a cancelled drag leaves nothing to undo"
    );
}

#[test]
fn dragging_a_bars_body_does_not_change_the_plan() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    let before = bar_rect(&harness, BACKEND);
    let middle = pos2(before.left() + 10.0, before.center().y);
    press_and_move(&mut harness, middle, middle + egui::vec2(120.0, 0.0));
    harness.drop_at(middle + egui::vec2(120.0, 0.0));
    harness.run();
    assert_eq!(backend_weeks(&harness), None);
    assert_eq!(harness.state().view(), View::Timeline);
    // It panned instead: the bar moved right with the pointer.
    let after = bar_rect(&harness, BACKEND);
    assert!(
        after.left() > before.left() + 60.0,
        "{before:?} → {after:?}"
    );
}

#[test]
fn arrow_keys_on_a_focused_bar_change_its_length_and_enter_opens_its_card() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    // Tab reaches the bars in order, after the buttons above the chart.
    harness.get_by_label("Fit all").focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert!(
        harness
            .get_by_label_contains("Phase 1, Advanced Python: ")
            .is_focused()
    );
    harness.key_press(Key::Tab);
    harness.run();
    assert!(harness.get_by_label_contains(BACKEND).is_focused());

    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(backend_weeks(&harness), Some(12));
    assert!(label(&harness, DATABASES).contains("5 Apr – 23 May 2027"));
    // Focus stays on the bar (the arrows do not move it to a neighbour).
    assert!(harness.get_by_label_contains(BACKEND).is_focused());
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(backend_weeks(&harness), Some(10));
    // Each key press is its own step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(backend_weeks(&harness), None);

    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().view(), View::Cards);
}

#[test]
fn the_wheel_moves_in_time_ctrl_wheel_zooms_and_fit_all_brings_the_plan_back() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    let fitted = bar_rect(&harness, BACKEND);
    // Over the date labels: the wheel moves in time there as over the bars.
    let chart = harness.get_by_label_contains("Timeline. ").rect();
    let over_chart = pos2(fitted.center().x, chart.top() + 5.0);
    let wheel = |harness: &mut Harness<'_, StudyPlannerApp>, dy: f32, modifiers: Modifiers| {
        harness.hover_at(over_chart);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers,
        });
        harness.run();
    };
    // Wheel down: later in time, so the bars move left; the view's height stays put.
    wheel(&mut harness, -40.0, Modifiers::NONE);
    let moved = bar_rect(&harness, BACKEND);
    assert!(
        moved.left() < fitted.left() - 20.0,
        "{fitted:?} → {moved:?}"
    );
    assert_eq!(moved.top(), fitted.top());
    assert_eq!(moved.width(), fitted.width());

    // Ctrl+wheel up zooms in: the bar grows.
    wheel(&mut harness, 100.0, Modifiers::COMMAND);
    let zoomed = bar_rect(&harness, BACKEND);
    assert!(
        zoomed.width() > moved.width() * 1.2,
        "{moved:?} → {zoomed:?}"
    );

    // Zooming out is bounded: the bar never shrinks to nothing.
    for _ in 0..30 {
        wheel(&mut harness, -400.0, Modifiers::COMMAND);
    }
    let far = bar_rect(&harness, BACKEND);
    assert!(far.width() > fitted.width() / 3.0, "{far:?}");

    harness.get_by_label("Fit all").click();
    harness.run();
    assert_eq!(bar_rect(&harness, BACKEND), fitted);
}

#[test]
fn find_fades_the_bars_with_no_match_and_escape_clears_it() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    let find = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find");
    find.focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text("memcached");
    harness.run();
    const NO_MATCH: &str = "nothing in it matches the find box";
    assert!(!label(&harness, DATABASES).contains(NO_MATCH));
    assert!(label(&harness, BACKEND).ends_with(NO_MATCH));
    assert!(label(&harness, "Phase 1, Advanced Python: ").ends_with(NO_MATCH));

    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
            .value()
            .as_deref(),
        Some("")
    );
    assert!(!label(&harness, BACKEND).contains(NO_MATCH));
}

#[test]
fn a_left_out_phase_is_put_back_in_from_its_row() {
    let dir = common::temp_dir();
    let mut harness = open(dir.path());
    harness.get_by_label("4. Frontend").click();
    harness.run();
    assert!(
        harness.state().data().plan.excluded.contains("frontend"),
        "left out from the panel"
    );
    harness
        .get_by_label("Put back in: Phase 4, Frontend: left out of your plan, would add 7 weeks")
        .click();
    harness.run();
    assert!(harness.state().data().plan.excluded.is_empty());
    assert!(label(&harness, "Phase 4, Frontend: ").contains("17 May – 4 Jul 2027, 7 weeks"));
}

#[test]
fn at_800_by_600_the_chart_and_its_labels_fit() {
    let dir = common::temp_dir();
    let harness = open_timeline(dir.path(), egui::vec2(800.0, 600.0));
    let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
    let chart = harness.get_by_label_contains("Timeline. ").rect();
    assert!(screen.contains_rect(chart), "{chart:?}");
    // The chart keeps most of the width.
    assert!(chart.width() > 500.0, "{chart:?}");
    for start in ["Phase 1, ", BACKEND, "Final project, "] {
        let bar = bar_rect(&harness, start);
        assert!(chart.contains_rect(bar), "{start}: {bar:?} in {chart:?}");
    }
}

#[test]
fn a_narrow_window_folds_the_plan_panel_and_wraps_the_toolbar() {
    let dir = common::temp_dir();
    let mut harness = open_timeline(dir.path(), egui::vec2(500.0, 600.0));
    // The toolbar's buttons sit clear of the find box.
    let find = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .rect();
    for button in ["Undo", "Redo", "Appearance"] {
        let rect = harness.get_by_label(button).rect();
        assert!(
            !rect.intersects(find),
            "{button} {rect:?} on the find box {find:?}"
        );
        assert!(rect.right() <= 500.0, "{button} {rect:?}");
    }
    // The plan panel is folded behind its toggle; opening it shows the settings.
    assert!(harness.query_by_label("Hours per week").is_none());
    harness.get_by_label("Your plan").click();
    harness.run();
    harness.get_by_label("Hours per week");
}

/// "Progress over time" swaps the Gantt chart for the burn-up chart (egui_plot), whose words
/// say how far along the learner is; "Phase bars" brings the bars back.
#[test]
fn progress_over_time_shows_the_burn_up_chart_and_phase_bars_bring_the_bars_back() {
    let dir = common::temp_dir();
    common::write_progress(
        dir.path(),
        &common::eight_weeks_in(study_planner::storage::CURRENT_VERSION),
    );
    let mut harness = open(dir.path());
    harness.run();
    assert!(harness.query_by_label_contains(BACKEND).is_some());

    harness.get_by_label("Progress over time").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("7 of 48 items complete")
            .is_some(),
        "the chart says how far along the learner is"
    );
    assert!(
        harness
            .query_by_label("Chart of items complete over time, planned and done")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains(BACKEND).is_none(),
        "the bars give way to the chart"
    );

    harness.get_by_label("Phase bars").click();
    harness.run();
    assert!(harness.query_by_label_contains(BACKEND).is_some());
}
