//! Broken roadmap files give a clear message at the right line and column, and never panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use study_planner::roadmap::{self, LoadError, MAX_ROADMAP_BYTES};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roadmaps")
        .join(name)
}

/// Loads a fixture that must fail, and checks position and a fragment of the message.
fn check(name: &str, position: Option<(usize, usize)>, fragment: &str) {
    let err: LoadError = match roadmap::read_roadmap_file(&fixture(name)) {
        Ok(_) => panic!("{name} loaded but is broken"),
        Err(err) => err,
    };
    assert_eq!(err.position, position, "{name}: {err}");
    assert!(
        err.message.contains(fragment),
        "{name}: expected {fragment:?} in {:?}",
        err.message
    );
    assert!(
        err.to_string()
            .starts_with(&fixture(name).display().to_string())
    );
}

#[test]
fn minimal_file_is_valid() {
    let roadmap = roadmap::read_roadmap_file(&fixture("minimal.ron")).expect("valid");
    assert_eq!(roadmap.id, "minimal");
    assert_eq!(
        roadmap.summary_line(),
        "Minimal roadmap: 1 phase (0 optional), 2 checklist items, 1 resource, 1–2 months"
    );
}

#[test]
fn syntax_error_points_at_the_line() {
    check("syntax-error.ron", Some((6, 5)), "expected a comma");
}

#[test]
fn unknown_field_is_named_with_the_expected_ones() {
    check(
        "unknown-field.ron",
        Some((13, 13)),
        "Unexpected field named `difficulty` in `Phase`, expected one of `id`",
    );
}

#[test]
fn min_greater_than_max() {
    check(
        "min-greater-than-max.ron",
        Some((13, 13)),
        "phase \"basics\" has duration_months (min: 3, max: 2); expected 0 < min ≤ max",
    );
}

#[test]
fn duplicate_id_points_at_the_second_use() {
    check(
        "duplicate-id.ron",
        Some((17, 29)),
        "duplicate id \"syntax\"",
    );
}

#[test]
fn empty_file() {
    check("empty.ron", Some((1, 1)), "the file is empty");
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    check("invalid-utf8.ron", Some((17, 57)), "not valid UTF-8");
}

#[test]
fn url_must_be_a_web_address() {
    check("bad-url.ron", Some((19, 57)), "expected a web address");
}

#[test]
fn empty_title() {
    check("empty-title.ron", Some((11, 13)), "empty title");
}

#[test]
fn newer_format_is_refused() {
    check("future-format.ron", Some((3, 5)), "update study-planner");
}

#[test]
fn two_mib_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let mut text = String::from("// padding\n");
    while text.len() < 2 * MAX_ROADMAP_BYTES {
        text.push_str("// ........................................................\n");
    }
    std::fs::write(&path, &text).expect("write");
    let err = roadmap::read_roadmap_file(&path).expect_err("too large");
    assert_eq!(err.position, None);
    assert!(
        err.message.contains("at most 1048576 bytes (1 MiB)"),
        "{err}"
    );
    // The same cap applies to text handed over directly.
    assert!(roadmap::parse_roadmap(&text, "huge").is_err());
}

#[test]
fn missing_file_names_the_file() {
    let err = roadmap::read_roadmap_file(&fixture("does-not-exist.ron")).expect_err("missing");
    assert!(
        err.to_string()
            .contains("does-not-exist.ron: cannot read the file"),
        "{err}"
    );
}

#[test]
fn garbage_never_panics() {
    for text in [
        "(",
        ")",
        "[]",
        "(format: 1)",
        "\"x\"",
        "(format: -1)",
        "((((((((((",
        "ü",
    ] {
        assert!(roadmap::parse_roadmap(text, "garbage").is_err(), "{text}");
    }
}

#[test]
fn check_command_reports_and_exits_1() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("check")
        .arg(fixture("duplicate-id.ron"))
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("duplicate-id.ron:17:29: duplicate id \"syntax\""),
        "{stderr}"
    );
}

#[test]
fn check_command_summarises_a_good_file() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("check")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmap.ron"))
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("6 phases (2 optional) + final project, 50 checklist items, 12 resources, 10–17 months; 7–12 without optional phases"),
        "{stdout}"
    );
}

#[test]
fn bad_roadmap_argument_exits_non_zero_without_a_window() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("--roadmap")
        .arg(fixture("empty.ron"))
        .env("STUDY_PLANNER_DATA_DIR", std::env::temp_dir())
        .output()
        .expect("run study-planner");
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("empty.ron:1:1: the file is empty"),
        "{stderr}"
    );
}

#[test]
fn unknown_argument_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("--no-such-flag")
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(2));
}
