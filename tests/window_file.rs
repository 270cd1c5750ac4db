//! A damaged `window` file (eframe's saved size, position and zoom) never stops the app
//! starting: each bad value is repaired before eframe reads it, and the real window opens on
//! every fixture.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use study_planner::app::{Repair, WINDOW_FILE, repair_window_file};

/// A file saved by the real window (eframe 0.37), and copies with one value damaged each.
const BAD_ZOOMS: [&str; 6] = [
    "zoom-0.ron",
    "zoom-minus-1.ron",
    "zoom-nan.ron",
    "zoom-inf.ron",
    "zoom-1e38.ron",
    "zoom-1e-30.ron",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/window")
        .join(name)
}

/// A data folder whose `window` file is the fixture.
fn data_dir_with(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(fixture(name), dir.path().join(WINDOW_FILE)).expect("copy fixture");
    dir
}

/// The file's entries, read the way eframe reads them.
fn entries(path: &Path) -> HashMap<String, String> {
    let text = fs::read_to_string(path).expect("window file");
    ron::from_str(&text).expect("a RON map, as eframe reads it")
}

/// The zoom eframe restores: egui's memory from the `egui` entry.
fn restored_zoom(path: &Path) -> f32 {
    let memory: egui::Memory =
        ron::from_str(&entries(path)["egui"]).expect("egui memory, as eframe reads it");
    memory.options.zoom_factor
}

#[test]
fn a_sound_file_is_left_alone() {
    let dir = data_dir_with("good.ron");
    let path = dir.path().join(WINDOW_FILE);
    let before = fs::read(&path).expect("file");
    assert_eq!(repair_window_file(&path), Repair::Sound);
    assert_eq!(fs::read(&path).expect("file"), before);
    assert_eq!(restored_zoom(&path), 1.0);
}

#[test]
fn no_file_is_a_first_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(WINDOW_FILE);
    assert_eq!(repair_window_file(&path), Repair::NoFile);
    assert!(!path.exists());
}

#[test]
fn a_zoom_no_one_can_use_is_reset_and_everything_else_kept() {
    let good = entries(&fixture("good.ron"));
    for name in BAD_ZOOMS {
        let dir = data_dir_with(name);
        let path = dir.path().join(WINDOW_FILE);
        let repair = repair_window_file(&path);
        assert!(
            matches!(&repair, Repair::Repaired(fixes) if fixes.iter().any(|f| f.contains("zoom"))),
            "{name}: {repair:?}"
        );
        assert_eq!(restored_zoom(&path), 1.0, "{name}");
        let repaired = entries(&path);
        assert_eq!(
            repaired["window"], good["window"],
            "{name}: the size is kept"
        );
        assert_eq!(
            repaired["study_planner_ui"], good["study_planner_ui"],
            "{name}: the theme is kept"
        );
        assert_eq!(
            repair_window_file(&path),
            Repair::Sound,
            "{name}: once is enough"
        );
    }
}

#[test]
fn a_window_size_no_screen_has_is_dropped() {
    let dir = data_dir_with("geometry-nan.ron");
    let path = dir.path().join(WINDOW_FILE);
    let repair = repair_window_file(&path);
    assert!(matches!(repair, Repair::Repaired(_)), "{repair:?}");
    let repaired = entries(&path);
    assert!(
        !repaired.contains_key("window"),
        "the window opens at its default size"
    );
    assert!(repaired.contains_key("egui"));
    assert!(repaired.contains_key("study_planner_ui"));
}

#[test]
fn a_file_that_is_not_window_state_is_replaced() {
    for name in ["garbage.ron", "truncated.ron"] {
        let dir = data_dir_with(name);
        let path = dir.path().join(WINDOW_FILE);
        let repair = repair_window_file(&path);
        assert!(matches!(repair, Repair::Replaced(_)), "{name}: {repair:?}");
        assert!(!path.exists(), "{name}: eframe writes a fresh one");
    }
}

/// Runs the real binary on `dir` under Xvfb until its idle report closes the window.
fn open_window(dir: &Path) -> Result<(), String> {
    let output = Command::new("xvfb-run")
        .arg("-a")
        .arg(env!("CARGO_BIN_EXE_study-planner"))
        .arg("--data-dir")
        .arg(dir)
        .env("STUDY_PLANNER_IDLE_REPORT", "0.1")
        .output()
        .map_err(|err| format!("cannot run xvfb-run: {err}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.success() && stdout.contains("frames drawn") {
        Ok(())
    } else {
        Err(format!(
            "{}\nstdout: {stdout}\nstderr: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The real window, on every damaged fixture. Needs `xvfb-run` and the GL libraries the
/// README lists; where a window cannot open even without a window file (CI installs only a
/// compiler), there is nothing to compare with and the test says so.
#[test]
fn the_real_window_opens_on_every_damaged_file() {
    let fresh = tempfile::tempdir().expect("temp dir");
    if let Err(why) = open_window(fresh.path()) {
        eprintln!("skipped: no window can open on this machine, even with no window file: {why}");
        return;
    }
    for name in BAD_ZOOMS
        .into_iter()
        .chain(["geometry-nan.ron", "garbage.ron", "truncated.ron"])
    {
        let dir = data_dir_with(name);
        if let Err(why) = open_window(dir.path()) {
            panic!("{name}: the window did not open: {why}");
        }
        // What the window saved on closing is sound again.
        let path = dir.path().join(WINDOW_FILE);
        assert_eq!(repair_window_file(&path), Repair::Sound, "{name}");
        assert_eq!(restored_zoom(&path), 1.0, "{name}");
    }
}
