//! A roadmap that does not load is a screen in the window (file, line:col, the line with a
//! caret, what was expected), and "Reload" opens it once it is fixed.
#![allow(
    clippy::expect_used,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use study_planner::app::{RoadmapGate, StudyPlannerApp, View, load_roadmap_file};

const SIZE: egui::Vec2 = egui::vec2(1000.0, 700.0);

/// The window on `roadmap`, read from `path`, watching the file (data in `dir/data`).
fn watching(
    dir: &Path,
    path: &Path,
    roadmap: study_planner::roadmap::Roadmap,
) -> Harness<'static, StudyPlannerApp> {
    let options = study_planner::app::AppOptions {
        roadmap: Arc::new(roadmap),
        ..common::options(&dir.join("data"), View::Cards)
    };
    let watched = path.to_owned();
    common::settled(SIZE, move |cc| {
        let mut app = StudyPlannerApp::new(cc, options);
        app.watch_roadmap_file(&cc.egui_ctx, watched, Duration::from_millis(20));
        app
    })
}

/// The window started on `path`, which holds `fixture` and does not load (data in `dir`).
fn error_screen(dir: &Path, path: &Path, fixture: &str) -> Harness<'static, RoadmapGate> {
    std::fs::write(path, common::roadmap_fixture(fixture)).expect("write");
    let problem = load_roadmap_file(path).expect_err("the file is broken");
    let options = common::options(&dir.join("data"), View::Cards);
    common::settled(SIZE, |_cc| RoadmapGate::broken(problem, options))
}

#[test]
fn a_broken_roadmap_is_a_screen_and_reload_opens_it_once_fixed() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    let mut harness = error_screen(dir.path(), &path, "syntax-error.ron");
    harness.get_by_label("This roadmap cannot be opened");
    harness.get_by_label(&path.display().to_string());
    harness.get_by_label("Line 6, column 5");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    // The offending line, and a caret under column 5.
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");

    // The author fixes the file in an editor and presses Reload.
    std::fs::write(&path, common::roadmap_fixture("minimal.ron")).expect("write");
    harness.get_by_label("Reload").click();
    common::wait_until(&mut harness, "the fixed roadmap opening", |gate| {
        gate.app().is_some()
    });
    let app = harness.state().app().expect("the roadmap opened");
    assert_eq!(app.roadmap().id, "minimal");
    harness.get_by_label("Minimal roadmap");
    assert!(
        harness
            .query_by_label("This roadmap cannot be opened")
            .is_none()
    );
}

#[test]
fn reload_of_a_file_still_broken_shows_the_new_mistake() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    let mut harness = error_screen(dir.path(), &path, "syntax-error.ron");
    std::fs::write(&path, common::roadmap_fixture("duplicate-id.ron")).expect("write");
    harness.get_by_label("Reload").click();
    common::wait_until(&mut harness, "the new mistake", |gate| {
        gate.problem().is_some_and(|p| p.position == Some((17, 29)))
    });
    harness.get_by_label("Line 17, column 29");
    assert!(harness.state().app().is_none());
}

#[test]
fn an_open_roadmap_file_reloads_when_it_changes_and_a_broken_version_keeps_the_last_good() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    let minimal = common::roadmap_fixture("minimal.ron");
    std::fs::write(&path, &minimal).expect("write");
    let roadmap = load_roadmap_file(&path).expect("the file loads");
    let mut harness = watching(dir.path(), &path, roadmap);
    harness.get_by_label("Minimal roadmap");

    // The author edits the file: the window follows.
    std::fs::write(
        &path,
        minimal.replace("Minimal roadmap", "Minimal roadmap, revised"),
    )
    .expect("write");
    common::wait_until(&mut harness, "the revised roadmap", |app| {
        app.roadmap().title == "Minimal roadmap, revised"
    });
    harness.get_by_label("Minimal roadmap, revised");

    // A broken save: the last good version stays, and the mistake is shown with its place.
    std::fs::write(&path, common::roadmap_fixture("syntax-error.ron")).expect("write");
    common::wait_until(&mut harness, "the mistake", |app| {
        app.roadmap_problem().is_some()
    });
    assert_eq!(harness.state().roadmap().title, "Minimal roadmap, revised");
    harness.get_by_label("Minimal roadmap, revised");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");

    // Fixed again: the message goes.
    std::fs::write(&path, &minimal).expect("write");
    common::wait_until(&mut harness, "the message going", |app| {
        app.roadmap_problem().is_none()
    });
    harness.get_by_label("Minimal roadmap");
}

/// The watch's first look at the file is on its own thread, after the roadmap on screen was
/// read: an edit saved in between is still shown.
#[test]
fn an_edit_saved_between_reading_the_roadmap_and_watching_it_is_shown() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    let minimal = common::roadmap_fixture("minimal.ron");
    std::fs::write(&path, &minimal).expect("write");
    let roadmap = load_roadmap_file(&path).expect("the file loads");
    std::fs::write(
        &path,
        minimal.replace("Minimal roadmap", "Minimal roadmap, saved meanwhile"),
    )
    .expect("write");
    let mut harness = watching(dir.path(), &path, roadmap);
    common::wait_until(&mut harness, "the edit saved meanwhile", |app| {
        app.roadmap().title == "Minimal roadmap, saved meanwhile"
    });
    harness.get_by_label("Minimal roadmap, saved meanwhile");
    assert!(harness.state().roadmap_problem().is_none());
}

#[test]
fn a_roadmap_dropped_on_the_error_screen_opens() {
    let dir = common::temp_dir();
    let mut harness = error_screen(
        dir.path(),
        &dir.path().join("broken.ron"),
        "syntax-error.ron",
    );
    let good = dir.path().join("good.md");
    std::fs::write(&good, "# Dropped\n\n## Month 1 — Basics\n\n- [ ] One\n").expect("write");
    common::drop_file(&mut harness, &good);
    common::wait_until(&mut harness, "the dropped roadmap opening", |gate| {
        gate.app().is_some()
    });
    let app = harness.state().app().expect("the dropped roadmap opened");
    assert_eq!(app.roadmap().title, "Dropped");
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "One");
}
