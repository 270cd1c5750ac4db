//! A roadmap that does not load is a screen in the window (file, line:col, the line with a
//! caret, what was expected), and "Reload" opens it once it is fixed.
#![allow(
    clippy::expect_used,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use study_planner::app::{AppOptions, RoadmapGate, View, load_roadmap_file};

fn roadmap_fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roadmaps")
        .join(name);
    std::fs::read_to_string(path).expect("the fixture exists")
}

#[test]
fn a_broken_roadmap_is_a_screen_and_reload_opens_it_once_fixed() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, roadmap_fixture("syntax-error.ron")).expect("write");
    let problem = load_roadmap_file(&path).expect_err("the file is broken");
    let options = AppOptions {
        data_dir: dir.path().join("data"),
        ..common::options(dir.path(), View::Cards)
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_eframe(|_cc| RoadmapGate::broken(problem, options));
    harness.run();
    harness.get_by_label("This roadmap cannot be opened");
    harness.get_by_label(&path.display().to_string());
    harness.get_by_label("Line 6, column 5");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    // The offending line, and a caret under column 5.
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");

    // The author fixes the file in an editor and presses Reload.
    std::fs::write(&path, roadmap_fixture("minimal.ron")).expect("write");
    harness.get_by_label("Reload").click();
    for _ in 0..500 {
        harness.step();
        if harness.state().app().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
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
    std::fs::write(&path, roadmap_fixture("syntax-error.ron")).expect("write");
    let problem = load_roadmap_file(&path).expect_err("the file is broken");
    let options = AppOptions {
        data_dir: dir.path().join("data"),
        ..common::options(dir.path(), View::Cards)
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_eframe(|_cc| RoadmapGate::broken(problem, options));
    harness.run();
    std::fs::write(&path, roadmap_fixture("duplicate-id.ron")).expect("write");
    harness.get_by_label("Reload").click();
    for _ in 0..500 {
        harness.step();
        if harness
            .state()
            .problem()
            .is_some_and(|p| p.position == Some((17, 29)))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    harness.get_by_label("Line 17, column 29");
    assert!(harness.state().app().is_none());
}

/// Steps the harness until `done` holds (the file watcher and the reader run on their own
/// threads), at most a few seconds.
fn step_until(
    harness: &mut Harness<'static, study_planner::app::StudyPlannerApp>,
    done: impl Fn(&study_planner::app::StudyPlannerApp) -> bool,
) {
    for _ in 0..400 {
        harness.step();
        if done(harness.state()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

#[test]
fn an_open_roadmap_file_reloads_when_it_changes_and_a_broken_version_keeps_the_last_good() {
    let dir = common::temp_dir();
    let path = dir.path().join("mine.ron");
    let minimal = roadmap_fixture("minimal.ron");
    std::fs::write(&path, &minimal).expect("write");
    let roadmap = load_roadmap_file(&path).expect("the file loads");
    let options = AppOptions {
        roadmap: std::sync::Arc::new(roadmap),
        data_dir: dir.path().join("data"),
        ..common::options(dir.path(), View::Cards)
    };
    let watched = path.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_eframe(move |cc| {
            let mut app = study_planner::app::StudyPlannerApp::new(cc, options);
            app.watch_roadmap_file(&cc.egui_ctx, watched, std::time::Duration::from_millis(20));
            app
        });
    harness.run();
    harness.get_by_label("Minimal roadmap");

    // The author edits the file: the window follows.
    std::fs::write(
        &path,
        minimal.replace("Minimal roadmap", "Minimal roadmap, revised"),
    )
    .expect("write");
    step_until(&mut harness, |app| {
        app.roadmap().title == "Minimal roadmap, revised"
    });
    harness.get_by_label("Minimal roadmap, revised");

    // A broken save: the last good version stays, and the mistake is shown with its place.
    std::fs::write(&path, roadmap_fixture("syntax-error.ron")).expect("write");
    step_until(&mut harness, |app| app.roadmap_problem().is_some());
    assert_eq!(harness.state().roadmap().title, "Minimal roadmap, revised");
    harness.get_by_label("Minimal roadmap, revised");
    harness.get_by_label_contains("mine.ron:6:5: expected a comma");
    harness.get_by_label("6 |     hours_per_week: 8,\n  |     ^");

    // Fixed again: the message goes.
    std::fs::write(&path, &minimal).expect("write");
    step_until(&mut harness, |app| app.roadmap_problem().is_none());
    harness.get_by_label("Minimal roadmap");
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

#[test]
fn a_roadmap_dropped_on_the_error_screen_opens() {
    let dir = common::temp_dir();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, roadmap_fixture("syntax-error.ron")).expect("write");
    let good = dir.path().join("good.md");
    std::fs::write(&good, "# Dropped\n\n## Month 1 — Basics\n\n- [ ] One\n").expect("write");
    let problem = load_roadmap_file(&broken).expect_err("the file is broken");
    let options = AppOptions {
        data_dir: dir.path().join("data"),
        ..common::options(dir.path(), View::Cards)
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_eframe(|_cc| RoadmapGate::broken(problem, options));
    harness.run();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(good)));
    for _ in 0..400 {
        harness.step();
        if harness.state().app().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let app = harness.state().app().expect("the dropped roadmap opened");
    assert_eq!(app.roadmap().title, "Dropped");
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "One");
}
