//! What the integration tests share: the real app in a headless kittest harness (and what
//! stands in for the desktop and the disk around it, in `window`), a fresh data folder, the
//! pinned "today", and running the real binary.
#![allow(
    dead_code,
    reason = "each test crate uses its own part of these helpers; `expect` would fail in the others"
)]
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test set-up that cannot happen, or a wait that never ends, fails the test with the reason"
)]

use std::path::Path;
use std::process::Output;
use std::sync::Arc;

use chrono::NaiveDate;
use egui_kittest::Harness;
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::clock::Clock;
use study_planner::roadmap;

mod window;
pub use window::*;

/// The joined plan of `progress` with `settings`, seen on `today`: what the window and the
/// command line read.
pub fn joined(
    roadmap: &roadmap::Roadmap,
    settings: &study_planner::progress::PlanSettings,
    progress: &study_planner::progress::RoadmapProgress,
    today: NaiveDate,
) -> study_planner::plan::Plan {
    let progress = study_planner::progress::RoadmapProgress {
        plan: settings.clone(),
        ..progress.clone()
    };
    study_planner::plan::Plan::new(Arc::new(roadmap.clone()), progress, today)
}

/// The id of the embedded roadmap's item with this text (tests name items as a learner
/// sees them).
pub fn item_id(text: &str) -> String {
    roadmap::embedded()
        .items()
        .find(|item| item.item.text == text)
        .map(|item| item.item.id.clone())
        .expect("the item is in the embedded roadmap")
}

/// Today in the UI tests: Wednesday 25 Nov 2026. With no saved start the plan starts today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("25 Nov 2026 is a date")
}

/// A day, for tests that name dates; a typo fails the test rather than meaning 1970.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder can be made")
}

/// The app's options for the embedded roadmap on `data_dir`, showing `view` on [`today`].
pub fn options(data_dir: &Path, view: View) -> AppOptions {
    AppOptions {
        roadmap: Arc::new(roadmap::embedded()),
        data_dir: data_dir.to_owned(),
        view: Some(view),
        screenshot: None,
        clock: Clock::on(today()),
    }
}

/// The real app on `data_dir`, `size` points large, after its first frames settled.
pub fn open_app_sized(
    data_dir: &Path,
    view: View,
    size: egui::Vec2,
) -> Harness<'static, StudyPlannerApp> {
    open_app_with(options(data_dir, view), size)
}

/// The real app with `options`, `size` points large, after its first frames settled.
pub fn open_app_with(options: AppOptions, size: egui::Vec2) -> Harness<'static, StudyPlannerApp> {
    settled(size, |cc| StudyPlannerApp::new(cc, options))
}

/// The real app on `data_dir` in a 1280 × 900 window.
pub fn open_app(data_dir: &Path, view: View) -> Harness<'static, StudyPlannerApp> {
    open_app_sized(data_dir, view, egui::vec2(1280.0, 900.0))
}

/// Writes `text` as the learner's `progress.ron` in `data_dir`.
pub fn write_progress(data_dir: &Path, text: &str) {
    std::fs::write(data_dir.join("progress.ron"), text).expect("progress.ron can be written");
}

/// Runs the real binary with `args` on a fresh data folder.
pub fn run_binary(args: &[&str]) -> Output {
    run_binary_in(temp_dir().path(), args)
}

/// Runs the real binary with `args` on the learner data in `data_dir`.
pub fn run_binary_in(data_dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("STUDY_PLANNER_DATA_DIR")
        .output()
        .expect("study-planner runs")
}

/// A saved `progress.ron` of file format `version`: a plan started eight weeks before
/// [`today`] (30 Sep 2026) with phase 1 finished, so "Re-plan from today" moves phase 2 to
/// this week; a note on one item and one on phase 1.
pub fn eight_weeks_in(version: u32) -> String {
    format!(
        r#"(
  version: {version},
  roadmaps: {{
    "python-enterprise": (
      items: {{
        "advanced-oop": (state: Done, done_on: Some("2026-10-12"), note: "see chapter 7"),
        "concurrency": (state: Done, done_on: Some("2026-10-22")),
        "dependency-injection": (state: Done, done_on: Some("2026-11-02")),
        "type-hints": (state: Skipped),
        "logging-debugging": (state: Done, done_on: Some("2026-11-09")),
        "dotnet-to-fastapi": (state: Done, done_on: Some("2026-11-10")),
        "design-patterns": (state: Done, done_on: Some("2026-11-11")),
      }},
      stage_notes: {{"advanced-python": "where I left off"}},
      plan: (start: Some("2026-09-30")),
    ),
  }},
)
"#
    )
}
