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
fn format_2_items_carry_their_own_resources() {
    let roadmap = roadmap::read_roadmap_file(&fixture("item-resources.ron")).expect("valid");
    assert_eq!(roadmap.format, 2);
    let phase = &roadmap.phases[0];
    let syntax = &phase.topic_groups[0].topics[0];
    let titles: Vec<&str> = syntax.resources.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["The syntax reference", "Syntax in ten minutes"]);
    assert!(phase.topic_groups[0].topics[1].resources.is_empty());
    assert_eq!(phase.hands_on[0].resources[0].id, "hello-guide");
    // Phase resources stay, and every link is counted.
    assert_eq!(phase.resources.len(), 1);
    assert_eq!(roadmap.resource_count(), 4);
}

#[test]
fn item_resources_in_a_format_1_file_are_refused_with_the_fix() {
    check(
        "item-resources-format-1.ron",
        Some((16, 52)),
        "item \"syntax\" has its own resources, which need `format: 2`",
    );
}

#[test]
fn an_item_resource_is_checked_like_a_phase_resource() {
    check(
        "item-resource-bad-url.ron",
        Some((24, 65)),
        "resource \"hello-guide\" has url \"example.org/hello\"",
    );
    // An item resource's id must be unique across the file too.
    let text = std::fs::read_to_string(fixture("item-resources.ron")).expect("fixture");
    let text = text.replace("id: \"hello-guide\"", "id: \"syntax\"");
    let err = roadmap::parse_roadmap(&text, "dup.ron").expect_err("duplicate");
    assert_eq!(err.position, Some((24, 22)), "{err}");
    assert!(err.message.contains("duplicate id \"syntax\""), "{err}");
}

#[test]
fn format_1_files_still_load() {
    let roadmap = roadmap::read_roadmap_file(&fixture("minimal.ron")).expect("valid");
    assert_eq!(roadmap.format, 1);
    assert!(roadmap.items().all(|item| item.item.resources.is_empty()));
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
        "Unexpected field named `difficulty` in a phase, expected one of `id`",
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
fn duplicate_id_points_at_the_second_use_and_names_the_first() {
    check(
        "duplicate-id.ron",
        Some((17, 29)),
        "duplicate id \"syntax\" (first used on line 15)",
    );
}

// ---- Positions that point at the mistake (ron stops elsewhere) ----

#[test]
fn a_stray_token_is_reported_on_its_own_line() {
    // ron stops at the end of line 23, after the closing parenthesis.
    check(
        "stray-token.ron",
        Some((24, 1)),
        "unexpected `stray` after the roadmap's closing `)`",
    );
}

#[test]
fn an_unterminated_string_is_reported_at_its_opening_quote() {
    // The string swallows the lines after it; ron trips over line 9.
    check(
        "unterminated-string.ron",
        Some((5, 12)),
        "this string is not closed",
    );
}

#[test]
fn a_wrong_type_names_the_field_and_what_was_found() {
    check(
        "wrong-type.ron",
        Some((6, 21)),
        "hours_per_week: expected a number, found the string \"6\"",
    );
}

#[test]
fn a_missing_field_names_the_struct_where_it_opens() {
    // ron notices at the phase's closing parenthesis, line 20.
    check(
        "missing-field.ron",
        Some((8, 9)),
        "the phase starting here has no `goal` (it ends on line 20)",
    );
}

#[test]
fn a_file_cut_short_points_at_the_bracket_left_open() {
    let text = std::fs::read_to_string(fixture("minimal.ron")).unwrap_or_default();
    let cut = &text[..text.find("goal").unwrap_or(0)];
    let err = roadmap::parse_roadmap(cut, "cut.ron")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.position, Some((8, 9)), "{err}");
    assert!(err.message.contains("a closing `)` is missing"), "{err}");
}

// ---- Links a learner can trust, and no empty names ----

#[test]
fn a_link_with_a_user_name_is_refused() {
    check(
        "userinfo-url.ron",
        Some((19, 57)),
        "it has a user name before `@`, so it would open evil.example",
    );
}

#[test]
fn a_link_with_a_direction_override_is_refused() {
    check(
        "bidi-url.ron",
        Some((19, 57)),
        "invisible direction mark U+202E",
    );
    // The message escapes the override rather than letting it reorder the terminal.
    let err = roadmap::read_roadmap_file(&fixture("bidi-url.ron"))
        .map(|_| ())
        .unwrap_err();
    assert!(!err.message.contains('\u{202E}'), "{err}");
}

#[test]
fn a_link_with_a_control_character_is_refused() {
    check(
        "control-url.ron",
        Some((19, 57)),
        "control character U+0009",
    );
}

#[test]
fn a_link_over_2000_characters_is_refused() {
    check("long-url.ron", Some((19, 57)), "at most 2000 are allowed");
}

#[test]
fn empty_short_title_and_summary_are_errors() {
    check("empty-short-title.ron", Some((12, 13)), "empty short_title");
    check(
        "empty-summary-heading.ron",
        Some((23, 15)),
        "the summary has an empty heading",
    );
    check(
        "empty-summary-point.ron",
        Some((23, 43)),
        "the summary's point 2 is empty",
    );
}

#[test]
fn check_command_reports_each_new_mistake_as_file_line_col() {
    for (name, expected) in [
        (
            "stray-token.ron",
            "stray-token.ron:24:1: unexpected `stray`",
        ),
        (
            "wrong-type.ron",
            "wrong-type.ron:6:21: hours_per_week: expected a number",
        ),
        (
            "userinfo-url.ron",
            "userinfo-url.ron:19:57: resource \"tutorial\"",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
            .arg("check")
            .arg(fixture(name))
            .output()
            .expect("run study-planner");
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{name}: {stderr}");
    }
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
        err.message.contains("at most 8388608 bytes (8 MiB)"),
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
    // The line itself, with a caret under column 29.
    assert!(
        stderr.contains(
            "17 |             hands_on: [(id: \"syntax\", text: \"Write hello world\")],\n   |                             ^\n"
        ),
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
        stdout.contains("6 phases (2 optional) + final project, 48 checklist items, 12 resources, 10–17 months; 7–12 without optional phases; the final project's 3 ideas count as one item (the learner chooses one)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("format 1: resources belong to phases; with `format: 2` topics and exercises can carry their own"),
        "{stdout}"
    );
}

#[test]
fn check_command_explains_format_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("check")
        .arg(fixture("item-resources.ron"))
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("1 phase (0 optional), 3 checklist items, 4 resources"),
        "{stdout}"
    );
    assert!(
        stdout.contains("format 2: resources on phases and on items (3 resources on items)"),
        "{stdout}"
    );
}

#[test]
fn bad_roadmap_argument_exits_non_zero_without_a_window() {
    // A screenshot run cannot show the error screen: it fails at once. (A window run shows
    // the error screen; here, without a display, it cannot open and says so.)
    let shot = tempfile::tempdir().expect("temp dir");
    for extra in [vec!["--screenshot", "x.png"], vec![]] {
        let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
            .arg("--roadmap")
            .arg(fixture("empty.ron"))
            .args(&extra)
            .current_dir(shot.path())
            .env("STUDY_PLANNER_DATA_DIR", shot.path())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("run study-planner");
        assert_ne!(output.status.code(), Some(0));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("empty.ron:1:1: the file is empty"),
            "{stderr}"
        );
    }
}

#[test]
fn unknown_argument_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .arg("--no-such-flag")
        .output()
        .expect("run study-planner");
    assert_eq!(output.status.code(), Some(2));
}

/// The fields ron expects in each part of the format, read from its own "unknown field"
/// message, so a field added to the model later is caught here too.
fn fields_of(snippet: &str) -> Vec<String> {
    let err = match roadmap::parse_roadmap(snippet, "fields") {
        Ok(_) => panic!("{snippet} parsed"),
        Err(err) => err.message,
    };
    let expected = err
        .split_once("expected one of ")
        .map_or("", |(_, names)| names);
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_field_of_the_format_is_documented() {
    let doc = include_str!("../docs/roadmap-format.md");
    let head = r#"(format: 1, id: "r", title: "R", hours_per_week: 1, "#;
    let parts = [
        "(zzz: 1)".to_owned(),
        format!("{head}phases: [(zzz: 1)])"),
        format!("{head}phases: [(topic_groups: [(zzz: 1)])])"),
        format!("{head}phases: [(hands_on: [(zzz: 1)])])"),
        format!("{head}phases: [(resources: [(zzz: 1)])])"),
        format!("{head}phases: [(duration_months: (zzz: 1))])"),
        format!("{head}final_project: (zzz: 1))"),
        format!("{head}summary: (zzz: 1))"),
    ];
    let mut seen = 0;
    for snippet in &parts {
        let fields = fields_of(snippet);
        assert!(!fields.is_empty(), "no field list for {snippet}");
        for field in fields {
            seen += 1;
            assert!(
                doc.contains(&format!("`{field}`")),
                "docs/roadmap-format.md does not document `{field}`"
            );
        }
    }
    assert!(seen > 30, "{seen} fields");
    assert!(doc.contains("| `number` | yes |"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any edit of a good file (a cut, an inserted character, a deleted one) is either still
    /// good or an error with a place inside the text: never a panic.
    #[test]
    fn a_mangled_roadmap_never_panics(
        at in 0usize..700,
        len in 0usize..40,
        insert in proptest::prelude::any::<Option<char>>(),
    ) {
        let text = include_str!("fixtures/roadmaps/minimal.ron");
        let mut chars: Vec<char> = text.chars().collect();
        let at = at.min(chars.len());
        let end = (at + len).min(chars.len());
        chars.drain(at..end);
        if let Some(ch) = insert {
            chars.insert(at, ch);
        }
        let mangled: String = chars.into_iter().collect();
        if let Err(err) = roadmap::parse_roadmap(&mangled, "mangled.ron") {
            let lines = mangled.lines().count().max(1) + 1;
            let (line, col) = err.position.unwrap_or((1, 1));
            proptest::prop_assert!(line >= 1 && line <= lines && col >= 1, "{}", err);
        }
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let roadmap = roadmap::read_roadmap_file(&fixture("bom.ron")).expect("valid with a BOM");
    assert_eq!(roadmap.id, "minimal");
    // Positions are counted as editors show them, without the mark.
    let broken = format!(
        "\u{feff}{}",
        std::fs::read_to_string(fixture("syntax-error.ron")).expect("fixture")
    );
    let err = roadmap::parse_roadmap(&broken, "bom-syntax-error.ron").expect_err("broken");
    assert_eq!(err.position, Some((6, 5)), "{err}");
}

#[test]
fn plain_values_for_optional_fields_are_accepted() {
    let roadmap =
        roadmap::read_roadmap_file(&fixture("implicit-some.ron")).expect("valid without Some");
    assert_eq!(roadmap.phases[0].short_title.as_deref(), Some("Basics"));
    assert_eq!(roadmap.hours_per_week, 12.0);
    assert!(roadmap.summary.is_some());
}

#[test]
fn messages_never_name_internal_types() {
    for (name, fragment) in [
        (
            "unknown-kind.ron",
            "`Podcast` in a resource kind, expected one of `Docs`",
        ),
        ("phase-without-goal.ron", "has no `goal`"),
        (
            "phases-not-a-list.ron",
            "phases: expected a list in `[ ]`, found the number 5",
        ),
        (
            "wrong-top-level.ron",
            "expected a roadmap in `( … )`, found a phase",
        ),
        ("unknown-field.ron", "field named `difficulty` in a phase"),
    ] {
        let err = match roadmap::read_roadmap_file(&fixture(name)) {
            Ok(_) => panic!("{name} loaded but is broken"),
            Err(err) => err,
        };
        assert!(err.message.contains(fragment), "{name}: {}", err.message);
        for internal in [
            "`Roadmap`",
            "`Phase`",
            "TopicGroup",
            "MonthRange",
            "ResourceKind",
            "FinalProject",
            "`Summary`",
            "struct",
            "enum",
        ] {
            let message = &err.message;
            assert!(
                !message.contains(internal),
                "{name}: {internal:?} in {message:?}"
            );
        }
    }
}

#[test]
fn check_command_accepts_hand_edits() {
    for name in ["bom.ron", "implicit-some.ron"] {
        let output = Command::new(env!("CARGO_BIN_EXE_study-planner"))
            .arg("check")
            .arg(fixture(name))
            .output()
            .expect("run study-planner");
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
