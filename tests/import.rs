//! Importing Markdown and plain text: the seed (the text the embedded roadmap was made from,
//! clean and mis-decoded) gives the embedded roadmap's content; other shapes import and
//! plan; every skipped line is reported with its line; any text at all imports or fails
//! with a message, never a panic.
#![allow(
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use proptest::prelude::*;
use study_planner::import::{self, Imported, Note, SourceKind};
use study_planner::progress::PlanSettings;
use study_planner::roadmap::{self, Item, Roadmap};
use study_planner::schedule;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn imported(name: &str) -> Imported {
    import::read_file(&fixture(name)).unwrap_or_else(|err| panic!("{err}"))
}

fn texts(items: &[Item]) -> Vec<&str> {
    items.iter().map(|item| item.text.as_str()).collect()
}

const FIXTURES: [&str; 4] = [
    "python-roadmap.txt",
    "python-roadmap.raw.txt",
    "rust-months.md",
    "go-numbered.txt",
];

/// Everything the seed must reproduce. What is *not* compared, and why:
/// - the roadmap's `id` and `title`: the source's own first line is "Python Road map"; the
///   embedded file took its title from the summary heading;
/// - every `id`: the embedded file's ids were chosen by hand, the importer makes slugs;
/// - resources: the source lists resource titles without links (each is reported as
///   skipped); the embedded file adds the URLs by hand;
/// - `format`: imports are written in the current format (2), the embedded file is format 1.
fn assert_same_content(got: &Roadmap, want: &Roadmap) {
    assert_eq!(got.hours_per_week, want.hours_per_week);
    assert_eq!(got.phases.len(), want.phases.len());
    for (got, want) in got.phases.iter().zip(&want.phases) {
        assert_eq!(got.number, want.number);
        assert_eq!(got.title, want.title);
        assert_eq!(got.short_title, want.short_title, "{}", want.title);
        assert_eq!(got.goal, want.goal, "{}", want.title);
        assert_eq!(got.duration_months, want.duration_months, "{}", want.title);
        assert_eq!(got.optional, want.optional, "{}", want.title);
        assert_eq!(
            got.topic_groups.len(),
            want.topic_groups.len(),
            "{}",
            want.title
        );
        for (got, want) in got.topic_groups.iter().zip(&want.topic_groups) {
            assert_eq!(got.heading, want.heading);
            assert_eq!(texts(&got.topics), texts(&want.topics), "{}", want.heading);
        }
        assert_eq!(
            texts(&got.hands_on),
            texts(&want.hands_on),
            "{}",
            want.title
        );
    }
    let (got, want) = match (&got.final_project, &want.final_project) {
        (Some(got), Some(want)) => (got, want),
        other => panic!("final projects differ: {other:?}"),
    };
    assert_eq!(got.title, want.title);
    assert_eq!(got.short_title, want.short_title);
    assert_eq!(got.duration_months, want.duration_months);
    assert_eq!(got.tech_stack_heading, want.tech_stack_heading);
    assert_eq!(texts(&got.tech_stack), texts(&want.tech_stack));
    assert_eq!(got.ideas_heading, want.ideas_heading);
    assert_eq!(texts(&got.ideas), texts(&want.ideas));
}

fn check_seed(name: &str) {
    let imported = imported(name);
    let embedded = roadmap::embedded();
    assert_same_content(&imported.roadmap, &embedded);
    assert_eq!(imported.roadmap.summary, embedded.summary);
    assert_eq!(imported.roadmap.title, "Python Road map");
    assert_eq!(imported.roadmap.resource_count(), 0);
    // What was left out, each with its line: the twelve resource titles without links and
    // the chat's closing question.
    let skipped: Vec<(usize, &str)> = imported
        .notes
        .iter()
        .filter_map(|note| match note {
            Note::Skipped { line, text, .. } => Some((*line, text.as_str())),
            _ => None,
        })
        .collect();
    let resource_titles: Vec<&str> = embedded
        .phases
        .iter()
        .flat_map(|p| p.resources.iter().map(|r| r.title.as_str()))
        .collect();
    assert_eq!(skipped.len(), resource_titles.len() + 1, "{skipped:#?}");
    for (title, (_, text)) in resource_titles.iter().zip(&skipped) {
        assert_eq!(title, text);
    }
    assert_eq!(skipped[0].0, 20);
    let (last_line, last) = skipped[skipped.len() - 1];
    assert_eq!(last_line, 141);
    assert!(last.starts_with("Would you like a more detailed plan"));
}

#[test]
fn the_seed_imports_as_the_embedded_roadmap() {
    check_seed("python-roadmap.txt");
}

#[test]
fn the_mis_decoded_seed_imports_as_the_embedded_roadmap_too() {
    check_seed("python-roadmap.raw.txt");
    let messages = imported("python-roadmap.raw.txt").messages();
    assert!(
        messages.iter().any(|m| m
            .contains("python-roadmap.raw.txt:4: note: repaired mis-decoded UTF-8 on 91 lines")),
        "{messages:#?}"
    );
    // Both copies give the very same roadmap, ids included.
    assert_eq!(
        imported("python-roadmap.raw.txt").roadmap,
        imported("python-roadmap.txt").roadmap
    );
}

#[test]
fn a_markdown_outline_by_month_imports_with_resources_on_items() {
    let roadmap = imported("rust-months.md").roadmap;
    assert_eq!(roadmap.title, "Learn Rust in Three Months");
    assert_eq!(roadmap.hours_per_week, 6.0);
    let titles: Vec<&str> = roadmap.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Foundations",
            "Traits and generics",
            "Concurrency and async"
        ]
    );
    assert!(roadmap.phases[1].optional);
    let ownership = &roadmap.phases[0].topic_groups[0].topics[0];
    assert_eq!(ownership.text, "Ownership and borrowing");
    assert_eq!(ownership.resources.len(), 2);
    assert_eq!(
        texts(&roadmap.phases[0].hands_on),
        [
            "The first 40 Rustlings exercises",
            "A word counter that reads a file"
        ]
    );
    assert_eq!(
        roadmap.phases[0].hands_on[0].resources[0].url,
        "https://github.com/rust-lang/rustlings"
    );
    let project = roadmap.final_project.as_ref().expect("final project");
    assert_eq!(project.title, "A command-line tool");
    assert_eq!(
        texts(&project.tech_stack),
        ["clap for arguments", "serde for the configuration file"]
    );
    assert_eq!(roadmap.summary.as_ref().map(|s| s.points.len()), Some(2));
}

#[test]
fn a_numbered_list_with_durations_imports() {
    let roadmap = imported("go-numbered.txt").roadmap;
    assert_eq!(roadmap.hours_per_week, 8.0);
    let titles: Vec<&str> = roadmap.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Language basics", "Concurrency", "Web services", "Testing"]
    );
    assert!(roadmap.phases[2].optional);
    assert_eq!(
        texts(&roadmap.phases[1].hands_on),
        [
            "Build a concurrent web crawler",
            "Fix a data race found by go test -race"
        ]
    );
    let variables = &roadmap.phases[0].topic_groups[0].topics[0];
    assert_eq!(variables.resources[0].title, "A Tour of Go");
    assert_eq!(
        roadmap.final_project.as_ref().map(|p| p.title.as_str()),
        Some("a URL shortener")
    );
}

#[test]
fn every_fixture_plans_week_by_week() {
    let today = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    for name in FIXTURES {
        let roadmap = imported(name).roadmap;
        let plan = schedule::compute(&roadmap, &PlanSettings::default(), today);
        let stages = roadmap.stages().len();
        assert_eq!(plan.stages.len(), stages, "{name}");
        assert!(plan.total_weeks > 0, "{name}");
        // Every item of every included stage lands in some week.
        let planned: usize = plan.weeks.iter().map(|w| w.items.len()).sum();
        let included: usize = roadmap
            .stages()
            .iter()
            .zip(&plan.stages)
            .filter(|(_, s)| s.included)
            .map(|(stage, _)| stage.items.len())
            .sum();
        assert_eq!(planned, included, "{name}");
    }
    // "2 weeks" plans as two weeks.
    let go = imported("go-numbered.txt").roadmap;
    let plan = schedule::compute(&go, &PlanSettings::default(), today);
    assert_eq!(plan.stages[0].weeks, 2);
}

#[test]
fn every_fixture_round_trips_through_ron() {
    for name in FIXTURES {
        let imported = imported(name);
        let ron = imported.to_ron();
        let back = roadmap::parse_roadmap(&ron, "round-trip.ron")
            .unwrap_or_else(|err| panic!("{name}: {err}\n{ron}"));
        assert_eq!(back, imported.roadmap, "{name}");
    }
}

#[test]
fn every_skipped_line_of_the_fixtures_is_reported_with_its_line() {
    let check = |name: &str, want: &[(usize, &str)]| {
        let imported = imported(name);
        let got: Vec<(usize, String)> = imported
            .notes
            .iter()
            .filter_map(|note| match note {
                Note::Skipped { line, text, .. } => Some((*line, text.clone())),
                _ => None,
            })
            .collect();
        let want: Vec<(usize, String)> = want.iter().map(|(l, t)| (*l, (*t).to_owned())).collect();
        assert_eq!(got, want, "{name}");
        // Each one is also a FILE:LINE: message.
        for (line, _) in &want {
            let prefix = format!("{}:{line}: skipped \"", fixture(name).display());
            assert!(
                imported.messages().iter().any(|m| m.starts_with(&prefix)),
                "{prefix}"
            );
        }
    };
    check(
        "rust-months.md",
        &[
            (36, "- The Rustonomicon (no link yet)"),
            (52, "// Code blocks are examples, not roadmap items."),
            (71, "- Keep a learning journal."),
        ],
    );
    check(
        "go-numbered.txt",
        &[
            (23, "This line is a comment in passing, not a topic."),
            (29, "Let me know if you want a plan for databases too!"),
        ],
    );
}

#[test]
fn the_import_command_writes_ron_that_checks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("rust.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("import")
        .arg(fixture("rust-months.md"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("rust-months.md:36: skipped \"- The Rustonomicon (no link yet)\" (a resource without a link"),
        "{stderr}"
    );
    assert!(stderr.contains("wrote"), "{stderr}");
    let check = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("check")
        .arg(&out)
        .output()
        .expect("run study-planner");
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("3 phases (1 optional) + final project"),
        "{stdout}"
    );
    assert!(stdout.contains("format 2"), "{stdout}");
}

#[test]
fn the_import_command_prints_to_stdout_and_fails_clearly() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("import")
        .arg(fixture("go-numbered.txt"))
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        roadmap::parse_roadmap(&stdout, "stdout").is_ok(),
        "{stdout}"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("notes.txt");
    std::fs::write(&empty, "nothing to see\n").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("import")
        .arg(&empty)
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("notes.txt: found no phases"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// Lines that look like roadmap text, to reach the assembler's deeper paths.
fn roadmap_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Phase 1: Basics (1-2 Months, Optional)".to_owned()),
        Just("## Month 2 — Web".to_owned()),
        Just("Goal: x".to_owned()),
        Just("Hands-on:".to_owned()),
        Just("Resources:".to_owned()),
        Just("- [ ] [Book](https://example.org/b)".to_owned()),
        Just("  Title: https://example.org/t".to_owned()),
        Just("Final Project: X".to_owned()),
        Just("Summary: Y".to_owned()),
        Just("Phase\tDuration".to_owned()),
        Just("Basics\t2 weeks".to_owned()),
        Just("| a | b |".to_owned()),
        Just("```".to_owned()),
        Just("ðŸ”¹ âœ… Pythonâ€".to_owned()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        for kind in [SourceKind::Markdown, SourceKind::PlainText] {
            if let Ok(imported) = import::import_text(&text, kind, "any.txt") {
                prop_assert!(roadmap::parse_roadmap(&imported.to_ron(), "any.ron").is_ok());
            }
        }
    }

    #[test]
    fn roadmap_like_text_never_panics_and_always_loads(lines in prop::collection::vec(roadmap_line(), 0..40)) {
        let text = lines.join("\n");
        for kind in [SourceKind::Markdown, SourceKind::PlainText] {
            if let Ok(imported) = import::import_text(&text, kind, "any.md") {
                let ron = imported.to_ron();
                prop_assert!(roadmap::parse_roadmap(&ron, "any.ron").is_ok(), "{}", ron);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = import::import_bytes(&bytes, SourceKind::PlainText, "bytes.txt");
        let _ = import::import_bytes(&bytes, SourceKind::Markdown, "bytes.md");
    }
}

#[test]
fn a_markdown_roadmap_is_planned_directly_by_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .args(["plan", "--json", "--roadmap"])
        .arg(fixture("rust-months.md"))
        .env("STUDY_PLANNER_DATA_DIR", dir.path())
        .output()
        .expect("run study-planner");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the plan is JSON");
    let phases = json["phases"].as_array().expect("phases");
    assert_eq!(phases.len(), 4, "{json}");
    assert_eq!(phases[0]["title"], "Foundations");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rust-months.md:36: skipped"), "{stderr}");
}

#[test]
fn a_file_argument_that_cannot_be_read_is_a_message_not_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.md");
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg(&missing)
        .env("STUDY_PLANNER_DATA_DIR", dir.path())
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("missing.md: cannot read the file"),
        "{stderr}"
    );
    // The positional file and --roadmap are one choice.
    let both = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg(&missing)
        .arg("--roadmap")
        .arg(&missing)
        .output()
        .expect("run study-planner");
    assert_eq!(both.status.code(), Some(2));
}
