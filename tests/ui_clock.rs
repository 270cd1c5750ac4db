//! The window left open past midnight: today follows the clock. The clock is pinned and moved
//! by hand; the app is woken once at midnight (a repaint request, not a loop), and a tick
//! made after it is dated the new day.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::clock::Clock;
use study_planner::roadmap;

const FIRST: &str = "Advanced OOP (Inheritance, Metaclasses, Design Patterns)";
const SECOND: &str = "Dependency Injection in Python";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn at(day: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
    day.and_hms_opt(h, min, 0).expect("a real time")
}

fn open(data_dir: &Path, clock: Clock) -> Harness<'static, StudyPlannerApp> {
    let options = AppOptions {
        roadmap: Arc::new(roadmap::embedded()),
        data_dir: data_dir.to_owned(),
        view: Some(View::Cards),
        screenshot: None,
        clock,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_eframe(|cc| StudyPlannerApp::new(cc, options));
    harness.run();
    harness
}

fn id_of(text: &str) -> String {
    common::item_id(text)
}

fn done_on(harness: &Harness<'_, StudyPlannerApp>, text: &str) -> Option<NaiveDate> {
    harness
        .state()
        .data()
        .item(&id_of(text))
        .and_then(|item| item.done_on)
}

/// How long egui was asked to wait before the next frame.
fn repaint_delay(harness: &Harness<'_, StudyPlannerApp>) -> Option<Duration> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|viewport| viewport.repaint_delay)
}

#[test]
fn past_midnight_ticks_get_the_new_date_and_the_plan_moves_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Clock::pinned(at(date(2026, 11, 25), 23, 59));
    let mut harness = open(dir.path(), clock.clone());
    harness.get_by_role_and_label(Role::CheckBox, FIRST).click();
    harness.run();
    assert_eq!(done_on(&harness, FIRST), Some(date(2026, 11, 25)));
    // Idle, the window sleeps until just after midnight: one wake-up, no loop.
    let delay = repaint_delay(&harness).expect("the root viewport");
    assert!(
        Duration::from_secs(60) < delay && delay <= Duration::from_secs(62),
        "{delay:?}"
    );

    clock.advance(TimeDelta::minutes(2));
    // The frame egui draws when it wakes the window.
    harness.run();
    assert_eq!(harness.state().today(), date(2026, 11, 26));
    harness
        .get_by_role_and_label(Role::CheckBox, SECOND)
        .click();
    harness.run();
    assert_eq!(done_on(&harness, SECOND), Some(date(2026, 11, 26)));
    assert_eq!(
        done_on(&harness, FIRST),
        Some(date(2026, 11, 25)),
        "an earlier tick keeps its day"
    );
    // A full day until the next wake-up.
    let delay = repaint_delay(&harness).expect("the root viewport");
    assert!(delay > Duration::from_secs(23 * 3600), "{delay:?}");

    // With no saved start the plan starts today, so it starts on the new day; the week plan
    // says so too.
    assert_eq!(
        harness.state_mut().plan().schedule().start,
        date(2026, 11, 26)
    );
    harness.get_by_label("Weeks").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("26 Nov 2026 – ")
            .count()
            > 0,
        "the plan panel shows the new start"
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("25 Nov 2026 – ")
            .count(),
        0
    );
}

#[test]
fn with_no_saved_start_the_window_and_the_plan_command_agree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(dir.path(), Clock::system());
    let window_start = harness.state_mut().plan().schedule().start;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .args(["plan", "--json", "--data-dir"])
        .arg(dir.path())
        .env_remove("STUDY_PLANNER_DATA_DIR")
        .output()
        .expect("run study-planner");
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["start"], window_start.to_string());
}
