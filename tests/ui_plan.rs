//! The real app, headless: the plan panel, the timeline and the week plan follow the learner's
//! changes on screen.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use study_planner::app::{StudyPlannerApp, View};
use study_planner::date::PlanDate;
use study_planner::progress::ItemState;
use study_planner::roadmap;

// Today in these tests (`common::today`): Wednesday 25 Nov 2026. With no saved start the plan
// starts today, so at the steady pace: 1. 25 Nov – 10 Jan (7 weeks), 2. 11 Jan – 28 Mar (11),
// 3. 29 Mar – 16 May (7), 4. 17 May – 4 Jul (7), 5. 5 Jul – 19 Sep (11), 6. 20 Sep – 5 Dec (11),
// final 6 Dec 2027 – 23 Jan 2028 (7).

use common::{open_app, temp_dir};

/// The timeline's text for screen readers: every row's name and dates.
fn timeline_text(harness: &Harness<'_, StudyPlannerApp>) -> String {
    harness
        .get_by_label_contains("Timeline. ")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn a_longer_phase_moves_every_later_phase_on_screen() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    // Dates in the plan panel and on the timeline, before.
    harness.get_by_label("29 Mar – 16 May 2027");
    let before = timeline_text(&harness);
    assert!(
        before.contains("3. Database & Caching: 29 Mar – 16 May 2027, 7 weeks"),
        "{before}"
    );
    assert!(
        before.contains("Final Full-Stack Project: 6 Dec 2027 – 23 Jan 2028"),
        "{before}"
    );

    harness
        .get_by_label("One week longer: 2. Backend Development")
        .click();
    harness.run();

    // Phase 2 grew by a week; everything after it moved a week later; phase 1 stayed.
    harness.get_by_label("25 Nov 2026 – 10 Jan 2027");
    harness.get_by_label("11 Jan – 4 Apr 2027");
    harness.get_by_label("5 Apr – 23 May 2027");
    assert!(harness.query_by_label("29 Mar – 16 May 2027").is_none());
    let after = timeline_text(&harness);
    assert!(
        after.contains("2. Backend Development: 11 Jan – 4 Apr 2027, 12 weeks"),
        "{after}"
    );
    assert!(
        after.contains("3. Database & Caching: 5 Apr – 23 May 2027, 7 weeks"),
        "{after}"
    );
    assert!(
        after.contains("Final Full-Stack Project: 13 Dec 2027 – 30 Jan 2028"),
        "{after}"
    );
    // Outside the 9–13 week estimate? 12 is inside: not flagged.
    assert!(harness.query_by_label("outside the estimate").is_none());
    assert_eq!(
        harness.state().data().plan.stage_weeks.get("backend"),
        Some(&12)
    );

    // Back to the estimates.
    harness.get_by_label("Reset to the estimates").click();
    harness.run();
    harness.get_by_label("29 Mar – 16 May 2027");
    assert!(harness.state().data().plan.stage_weeks.is_empty());
}

#[test]
fn leaving_out_an_optional_phase_removes_it_from_the_timeline_and_the_week_plan() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Weeks);
    // Week plan, before: the Frontend phase has its heading and its weeks.
    assert_eq!(
        harness
            .query_all_by_label_contains("Phase 4: Frontend")
            .count(),
        1
    );
    harness.get_by_label("Week 26"); // the first Frontend week: 17 May 2027
    let weeks_before = harness.query_all_by_label_contains("Week ").count();

    harness.get_by_label("4. Frontend").click();
    harness.run();

    assert!(
        !harness
            .state_mut()
            .plan()
            .schedule()
            .stage("frontend")
            .is_some_and(|s| s.included)
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("Phase 4: Frontend")
            .count(),
        0
    );
    harness.get_by_label("Left out; would add 7 weeks");
    // Seven weeks fewer in the week plan (the scroll area shows all weeks it lays out).
    let weeks_after = harness.query_all_by_label_contains("Week ").count();
    assert!(weeks_after < weeks_before, "{weeks_after} < {weeks_before}");
    assert_eq!(harness.state_mut().plan().schedule().weeks.len(), 61 - 7);

    // Timeline: the row says "left out" and the later phases moved up by seven weeks.
    harness.get_by_label("Timeline").click();
    harness.run();
    let text = timeline_text(&harness);
    assert!(text.contains("4. Frontend: left out"), "{text}");
    assert!(
        text.contains("5. AI & ML Integration: 17 May – 1 Aug 2027"),
        "{text}"
    );

    // And back in.
    harness.get_by_label("4. Frontend").click();
    harness.run();
    assert!(timeline_text(&harness).contains("4. Frontend: 17 May – 4 Jul 2027"));
}

#[test]
fn pace_and_hours_change_the_plan_and_are_saved_in_the_learners_data() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    harness.get_by_label("Fast").click();
    harness.run();
    // Fast: 4 + 9 + 4 + 4 + 9 + 9 + 4 = 43 weeks.
    // In the plan panel and above the timeline.
    assert_eq!(
        harness
            .query_all_by_label("25 Nov 2026 – 19 Sep 2027 · 43 weeks")
            .count(),
        2
    );
    assert_eq!(
        harness.state().data().plan.pace,
        study_planner::progress::Pace::Fast
    );
    // Half the roadmap's 10 hours: every phase takes about twice as long (1 month at 5 h:
    // 8.67 → 9 weeks, 2 months: 17.33 → 17; 4 × 9 + 3 × 17 = 87 weeks).
    harness
        .get_by_label("Hours per week")
        .set_value_accesskit(5.0);
    harness.run();
    assert_eq!(harness.state().data().plan.hours_per_week, Some(5.0));
    assert_eq!(
        harness
            .query_all_by_label("25 Nov 2026 – 23 Jul 2028 · 87 weeks")
            .count(),
        2
    );
}

#[test]
fn the_schedule_is_computed_once_not_every_frame() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    let computed = harness.state().schedule_computations();
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(harness.state().schedule_computations(), computed);
    harness
        .get_by_label("One week shorter: 1. Advanced Python")
        .click();
    harness.run();
    assert!(harness.state().schedule_computations() > computed);
}

#[test]
fn the_week_plan_highlights_this_week_and_ticks_items() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Weeks);
    harness.get_by_label("this week");
    harness.get_by_label("This is week 1 of 61.");
    harness.get_by_label("Go to this week").click();
    harness.run();
    // The week's item is tickable right here.
    let stages = roadmap::embedded();
    let first = &stages.phases[0].topic_groups[0].topics[0];
    harness.get_by_label(&first.text).click();
    harness.run();
    assert_eq!(harness.state().data().state(&first.id), ItemState::Done);
}

#[test]
fn replan_from_today_moves_a_past_plan_to_this_week() {
    let dir = temp_dir();
    let harness = open_app(dir.path(), View::Timeline);
    // Nothing to re-plan while the plan starts today.
    assert!(
        harness
            .get_by_label("Re-plan from today")
            .accesskit_node()
            .is_disabled()
    );
    drop(harness);

    // A plan saved eight weeks ago with phase 1 finished: phase 2 moves to this week.
    let dir = temp_dir();
    common::write_progress(
        dir.path(),
        &common::eight_weeks_in(study_planner::storage::CURRENT_VERSION),
    );
    let mut harness = open_app(dir.path(), View::Timeline);
    // Phase 2 was planned from 16 Nov; re-planning moves it to Monday 23 Nov, this week.
    harness.get_by_label("30 Sep – 15 Nov 2026");
    harness.get_by_label("16 Nov 2026 – 31 Jan 2027");
    harness.get_by_label("Re-plan from today").click();
    harness.run();
    assert_eq!(
        harness.state().data().plan.start.map(PlanDate::get),
        NaiveDate::from_ymd_opt(2026, 10, 5)
    );
    harness.get_by_label("5 Oct – 22 Nov 2026");
    harness.get_by_label("23 Nov 2026 – 7 Feb 2027");
    // The forecast speaks: 4 items ticked done in the last 4 weeks (the others are older, or
    // skipped), a small sample, so a range.
    harness.get_by_label_contains("At your pace of the last 4 weeks you finish between");
}

#[test]
fn clicking_a_bar_opens_that_phase_card() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    let plot = harness.get_by_label_contains("Timeline. ").rect();
    // The middle row is "4. Frontend". Click along it, left to right, until a bar takes the
    // click: empty stretches of the chart do nothing.
    let mut x = plot.left() + 4.0;
    let mut tooltip = None;
    while harness.state().view() == View::Timeline && x < plot.right() {
        if tooltip.is_none() {
            harness.hover_at(egui::pos2(x, plot.center().y));
            harness.run();
            tooltip = harness
                .query_by_label_contains("Click to open the phase")
                .and_then(|node| node.value());
        }
        let at = egui::pos2(x, plot.center().y);
        harness.hover_at(at);
        harness.drag_at(at);
        harness.step();
        harness.drop_at(at);
        harness.run();
        x += 6.0;
    }
    // Hovering the bar told its dates, length, estimate and progress.
    assert_eq!(
        tooltip.as_deref(),
        Some(
            "4. Frontend\n17 May – 4 Jul 2027 · 7 weeks\nEstimate: 4–9 weeks\n\
             Progress: 0 of 6 complete\n\
             Click to open the phase; drag its right end to change its length"
        )
    );
    assert_eq!(harness.state().view(), View::Cards);
    // The Frontend card is scrolled into view.
    let title = harness.get_by_label("Frontend with Python").rect();
    assert!(title.top() >= 0.0 && title.top() < 300.0, "{title:?}");
}

#[test]
fn plan_changes_are_undone_and_survive_a_restart() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    harness
        .get_by_label("One week longer: 3. Database & Caching")
        .click();
    harness.run();
    harness.get_by_label("29 Mar – 23 May 2027");
    harness.get_by_label("Undo").click();
    harness.run();
    harness.get_by_label("29 Mar – 16 May 2027");
    assert!(harness.state().data().plan.stage_weeks.is_empty());
    harness.get_by_label("Redo").click();
    harness.run();
    harness.get_by_label("29 Mar – 23 May 2027");
    // Closing the window saves; a new window opens on the same plan.
    drop(harness);
    let harness = open_app(dir.path(), View::Timeline);
    harness.get_by_label("29 Mar – 23 May 2027");
    assert_eq!(
        harness.state().data().plan.stage_weeks.get("databases"),
        Some(&8)
    );
}

#[test]
fn a_break_shows_in_the_week_plan_and_moves_later_phases() {
    let dir = temp_dir();
    // The plan starts on Monday 23 Nov 2026; a holiday takes its second and third weeks.
    common::write_progress(
        dir.path(),
        r#"(
  version: 3,
  roadmaps: {
    "python-enterprise": (
      plan: (
        start: Some("2026-11-23"),
        breaks: [(start: "2026-11-30", end: "2026-12-13", label: "holiday")],
      ),
    ),
  },
)
"#,
    );
    let harness = open_app(dir.path(), View::Weeks);
    assert_eq!(
        harness
            .query_all_by_label("A break: no study planned. The plan resumes after it.")
            .count(),
        2
    );
    assert_eq!(harness.query_all_by_label("holiday").count(), 2);
    // Phase 1 (7 study weeks) now ends two weeks later, in the plan panel and the week plan:
    // 23 Nov 2026 – 24 Jan 2027, not 10 Jan.
    assert!(
        harness
            .query_all_by_label_contains("23 Nov 2026 – 24 Jan 2027")
            .count()
            >= 2
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("23 Nov 2026 – 10 Jan 2027")
            .count(),
        0
    );
}

#[test]
fn ticking_in_this_week_moves_the_on_track_line() {
    let dir = temp_dir();
    // Started Monday 2 Nov 2026; today (25 Nov) is week 4, and phase 1 plans one item a week.
    common::write_progress(
        dir.path(),
        r#"(version: 3, roadmaps: {"python-enterprise": (plan: (start: Some("2026-11-02")))})"#,
    );
    let mut harness = open_app(dir.path(), View::ThisWeek);
    harness.get_by_label("3 items behind — about 3 weeks");
    harness.get_by_label_contains("Week 4 of");
    harness.get_by_label("Catch-up: 3 items from earlier weeks");
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::CheckBox,
            "Advanced OOP (Inheritance, Metaclasses, Design Patterns)",
        )
        .click();
    harness.run();
    harness.get_by_label("2 items behind — about 2 weeks");
    assert_eq!(
        harness.state().data().state("advanced-oop"),
        ItemState::Done
    );
    // Ctrl+1 comes back here from another view.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    assert_eq!(harness.state().view(), View::Cards);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    assert_eq!(harness.state().view(), View::ThisWeek);
}

/// The window as a start without `--view` opens it, on eframe's `storage` (what an earlier
/// run remembered).
fn open_choosing(
    data_dir: &std::path::Path,
    storage: &'static study_planner::app::MemoryStorage,
) -> Harness<'static, StudyPlannerApp> {
    let options = study_planner::app::AppOptions {
        view: None,
        ..common::options(data_dir, View::Cards)
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(|cc| {
            cc.storage = Some(storage);
            StudyPlannerApp::new(cc, options)
        });
    harness.run();
    harness
}

/// eframe's storage after a run in which the learner chose `view`.
fn remembering(view: View) -> &'static study_planner::app::MemoryStorage {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Cards);
    // Ctrl+1 … Ctrl+4 switch views, as the header's buttons do.
    let key = match view {
        View::ThisWeek => egui::Key::Num1,
        View::Cards => egui::Key::Num2,
        View::Timeline => egui::Key::Num3,
        View::Weeks => egui::Key::Num4,
    };
    harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
    harness.run();
    assert_eq!(harness.state().view(), view);
    let mut storage = study_planner::app::MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    // `build_eframe` wants storage that outlives the harness.
    Box::leak(Box::new(storage))
}

const STARTED_2_NOV: &str =
    r#"(version: 3, roadmaps: {"python-enterprise": (plan: (start: Some("2026-11-02")))})"#;

#[test]
fn the_app_opens_on_this_week_once_the_plan_has_started() {
    let dir = temp_dir();
    common::write_progress(dir.path(), STARTED_2_NOV);
    let harness = open_choosing(dir.path(), remembering(View::Timeline));
    assert_eq!(harness.state().view(), View::ThisWeek);
    harness.get_by_label_contains("Week 4 of");
}

#[test]
fn before_the_start_it_opens_on_the_remembered_view() {
    let dir = temp_dir();
    common::write_progress(
        dir.path(),
        r#"(version: 3, roadmaps: {"python-enterprise": (plan: (start: Some("2027-01-04")))})"#,
    );
    let harness = open_choosing(dir.path(), remembering(View::Timeline));
    assert_eq!(harness.state().view(), View::Timeline);
    // Nothing remembered (a first run): Phases.
    let first = open_choosing(
        dir.path(),
        Box::leak(Box::new(study_planner::app::MemoryStorage::default())),
    );
    assert_eq!(first.state().view(), View::Cards);
}

#[test]
fn after_the_finish_it_opens_on_the_remembered_view() {
    let dir = temp_dir();
    common::write_progress(
        dir.path(),
        r#"(version: 3, roadmaps: {"python-enterprise": (plan: (start: Some("2020-01-06")))})"#,
    );
    let harness = open_choosing(dir.path(), remembering(View::Weeks));
    assert_eq!(harness.state().view(), View::Weeks);
}

#[test]
fn an_explicit_view_wins_over_this_week() {
    let dir = temp_dir();
    common::write_progress(dir.path(), STARTED_2_NOV);
    let harness = open_app(dir.path(), View::Timeline);
    assert_eq!(harness.state().view(), View::Timeline);
}

/// The app in the week plan, without kittest's check for unnamed widgets: egui_extras' date
/// picker popup has month and year combo boxes with no accessible name (its own, not ours).
fn open_with_picker(data_dir: &std::path::Path) -> Harness<'static, StudyPlannerApp> {
    let options = common::options(data_dir, View::Weeks);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_accessibility_check(false)
        .build_eframe(|cc| StudyPlannerApp::new(cc, options));
    harness.run();
    harness
}

#[test]
fn finish_by_in_the_panel_says_what_plan_finish_by_says_and_one_click_applies_it() {
    let dir = temp_dir();
    let mut harness = open_with_picker(dir.path());
    harness.get_by_label("Pick a date to see the hours a week it needs.");
    // The picker starts on the plan's last day (Sun 23 Jan 2028, see the top); a year later.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Finish by")
        .click();
    harness.run();
    harness.get_by_label(">>>").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let date = NaiveDate::from_ymd_opt(2029, 1, 23).expect("a date");
    // The command line's answer for the same plan, today and date.
    let plan = study_planner::plan::Plan::new(
        std::sync::Arc::new(roadmap::embedded()),
        harness.state().data().clone(),
        common::today(),
    );
    let cli =
        study_planner::cli::plan::plan_text(&plan, Some(date), false).expect("it can be done");
    let answer = plan.finish_by(date).expect("it can be done");
    let first_line = cli.lines().next().expect("a first line");
    harness.get_by_label(first_line);
    let hours = study_planner::roadmap::format_number(answer.hours_per_week);
    assert!(
        first_line.contains(&format!("{hours} hours a week")),
        "{first_line}"
    );
    harness.get_by_label(&format!("Use {hours} h/week")).click();
    harness.run();
    assert_eq!(
        harness.state().data().plan.hours_per_week,
        Some(answer.hours_per_week)
    );
    // Undo takes it back in one step.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().data().plan.hours_per_week, None);
}

#[test]
fn finish_by_a_date_that_needs_over_60_hours_says_so_in_words() {
    let dir = temp_dir();
    let mut harness = open_with_picker(dir.path());
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Finish by")
        .click();
    harness.run();
    harness.get_by_label("<<<").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label(
        "Cannot finish by then: finishing by 23 Jan 2027 needs 72.5 hours a week, more than 60: \
         pick a later date or leave out optional phases.",
    );
    // Nothing to apply.
    assert!(harness.query_by_label_contains("h/week").is_none());
}

/// The breaks editor: a name and the default two weeks from next Monday (30 Nov – 13 Dec
/// 2026, inside phase 1), "Add break", and every later phase starts two weeks later on the
/// timeline; the break is listed, the next one offered starts after it, and Ctrl+Z takes it
/// back.
#[test]
fn adding_a_break_in_the_panel_moves_later_phases_on_the_timeline() {
    let dir = temp_dir();
    let mut harness = open_app(dir.path(), View::Timeline);
    let before = timeline_text(&harness);
    assert!(
        before.contains("3. Database & Caching: 29 Mar – 16 May 2027, 7 weeks"),
        "{before}"
    );
    let name = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name");
    name.focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .type_text("ski trip");
    harness.run();
    harness.get_by_label("Add break").click();
    harness.run();

    harness.get_by_label("ski trip: 30 Nov – 13 Dec 2026");
    let after = timeline_text(&harness);
    assert!(
        after.contains("3. Database & Caching: 12 Apr – 30 May 2027, 7 weeks"),
        "{after}"
    );
    assert!(
        after.contains("Final Full-Stack Project: 20 Dec 2027 – 6 Feb 2028"),
        "{after}"
    );
    // The name field is empty again, and the next break offered starts after this one.
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name");
    assert_eq!(field.accesskit_node().value().unwrap_or_default(), "");
    // (The same two weeks again would overlap it and be refused in words.)
    assert!(
        harness
            .query_by_label_contains("It shares days with")
            .is_none()
    );
    assert!(
        !harness
            .get_by_label("Add break")
            .accesskit_node()
            .is_disabled()
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = timeline_text(&harness);
    assert!(
        undone.contains("3. Database & Caching: 29 Mar – 16 May 2027, 7 weeks"),
        "{undone}"
    );
    assert!(
        harness
            .query_by_label("ski trip: 30 Nov – 13 Dec 2026")
            .is_none()
    );
}

/// A start in the year 9999 is out of the date pickers' reach, so the panel shows those days
/// as text, in the one long style of every date there: the start, finish by and the break
/// editor's days alike, never ISO, each named by its label for screen readers.
#[test]
fn days_in_the_year_9999_are_shown_as_long_dates_in_the_panel() {
    let dir = temp_dir();
    common::write_progress(
        dir.path(),
        r#"(version: 4, roadmaps: {"python-enterprise": (plan: (start: "9999-03-01"))})"#,
    );
    let harness = open_app(dir.path(), View::Timeline);
    assert_eq!(
        harness.state().data().plan.start.map(PlanDate::get),
        NaiveDate::from_ymd_opt(9999, 3, 1)
    );
    // (label, text) of every text showing a day of `year`.
    let named = |year: &str| -> Vec<(String, String)> {
        harness
            .query_all_by_label_contains(year)
            .filter_map(|node| {
                let node = node.accesskit_node();
                Some((node.label()?, node.value()?))
            })
            .collect()
    };
    let pair = |label: &str, text: &str| (label.to_owned(), text.to_owned());
    let days = named("9999");
    assert!(days.contains(&pair("Start", "1 Mar 9999")), "{days:?}");
    // The break editor offers two weeks from the start.
    assert!(days.contains(&pair("From", "1 Mar 9999")), "{days:?}");
    assert!(days.contains(&pair("to", "14 Mar 9999")), "{days:?}");
    // The plan runs past the year 9999 (that is where finish by starts).
    let later = named("+10000");
    assert!(
        later.contains(&pair("Finish by", "30 Apr +10000")),
        "{later:?}"
    );
    let iso: Vec<String> = harness
        .query_all_by_label_contains("9999-")
        .filter_map(|node| node.accesskit_node().value())
        .collect();
    assert!(iso.is_empty(), "{iso:?}");
}
