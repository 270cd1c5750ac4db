//! The real app, headless: the phase cards show the roadmap a learner came for.

mod common;

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::roadmap;

fn app_harness(data_dir: &std::path::Path) -> Harness<'static, StudyPlannerApp> {
    common::open_app_sized(data_dir, View::Cards, egui::vec2(1200.0, 900.0))
}

#[test]
fn cards_show_every_phase_title_and_the_total() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.run();
    for phase in &roadmap::embedded().phases {
        harness.get_by_label(&phase.title);
    }
    harness.get_by_label("Full-Stack Python Enterprise Application");
    harness.get_by_label_contains("10–17 months; 7–12 without optional phases");
    assert_eq!(harness.query_all_by_label("optional").count(), 2);
}

#[test]
fn resource_link_opens_in_the_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_harness(dir.path());
    harness.run();
    harness
        .get_by_role_and_label(Role::Link, "FastAPI Docs")
        .click();
    harness.step();
    let opened: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, ["https://fastapi.tiangolo.com/"]);
}

#[test]
fn a_narrow_window_still_shows_every_card() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = AppOptions {
        roadmap: Arc::new(roadmap::embedded()),
        data_dir: dir.path().to_owned(),
        view: View::Cards,
        screenshot: None,
        clock: study_planner::clock::Clock::system(),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(440.0, 600.0))
        .build_eframe(|cc| StudyPlannerApp::new(cc, options));
    harness.run();
    harness.get_by_label("DevOps, Cloud & Production Deployment");
    harness.get_by_label("Summary: Your Python Enterprise Development Roadmap");
}
