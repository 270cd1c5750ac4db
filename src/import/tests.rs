//! The importer's rules, one small document each. The seed roadmap and the fixtures are in
//! `tests/import.rs`.

use super::*;
use crate::roadmap::{MonthRange, ResourceKind};

fn text(source: &str) -> Imported {
    import_text(source, SourceKind::PlainText, "plan.txt").unwrap_or_else(|e| panic!("{e}"))
}

fn markdown(source: &str) -> Imported {
    import_text(source, SourceKind::Markdown, "plan.md").unwrap_or_else(|e| panic!("{e}"))
}

fn skipped(imported: &Imported) -> Vec<(usize, String)> {
    imported
        .notes
        .iter()
        .filter_map(|note| match note {
            Note::Skipped { line, text, .. } => Some((*line, text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn phase_lines_with_durations_goals_groups_and_hands_on() {
    let imported = text(
        "My plan\n\
         Phase 1: Basics (2-3 weeks)\n\
         Goal: Learn the basics.\n\
         Key topics:\n\
         - Variables\n\
         - Loops\n\
         Hands-on:\n\
         - Write a calculator\n\
         Phase 2: Extras (1 month, optional)\n\
         Goal: More.\n\
         - Macros\n",
    );
    let roadmap = &imported.roadmap;
    assert_eq!(roadmap.title, "My plan");
    assert_eq!(roadmap.id, "my-plan");
    assert_eq!(roadmap.phases.len(), 2);
    let basics = &roadmap.phases[0];
    assert_eq!(basics.title, "Basics");
    assert_eq!(basics.goal, "Learn the basics.");
    assert_eq!(
        basics.duration_months,
        MonthRange {
            min: 0.46,
            max: 0.69
        }
    );
    assert_eq!(basics.topic_groups[0].heading, "Key topics");
    let topics: Vec<&str> = basics.topic_groups[0]
        .topics
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(topics, ["Variables", "Loops"]);
    assert_eq!(basics.hands_on[0].text, "Write a calculator");
    let extras = &roadmap.phases[1];
    assert!(extras.optional);
    assert_eq!(extras.topic_groups[0].heading, "Topics");
    assert_eq!(skipped(&imported), []);
}

#[test]
fn links_belong_to_the_item_they_sit_under() {
    let imported = markdown(
        "# Rust\n\n\
         ## Month 1 — Foundations\n\n\
         - [ ] Ownership\n  \
           - [The Book, ch. 4](https://doc.rust-lang.org/book/ch04-00.html)\n\
         - [ ] Errors\n  \
           Rust by Example: https://doc.rust-lang.org/rust-by-example/error.html\n\
         - [ ] [Cargo](https://doc.rust-lang.org/cargo/)\n\n\
         ### Resources\n\n\
         - [API Guidelines](https://rust-lang.github.io/api-guidelines/)\n",
    );
    let phase = &imported.roadmap.phases[0];
    assert_eq!(phase.title, "Foundations");
    // "Month 1" is a month long.
    assert_eq!(phase.duration_months, MonthRange { min: 1.0, max: 1.0 });
    let topics = &phase.topic_groups[0].topics;
    assert_eq!(topics.len(), 3, "{topics:?}");
    assert_eq!(topics[0].text, "Ownership");
    assert_eq!(topics[0].resources[0].title, "The Book, ch. 4");
    assert_eq!(topics[0].resources[0].kind, ResourceKind::Book);
    assert_eq!(topics[1].resources[0].title, "Rust by Example");
    assert_eq!(topics[2].text, "Cargo");
    assert_eq!(
        topics[2].resources[0].url,
        "https://doc.rust-lang.org/cargo/"
    );
    assert_eq!(phase.resources.len(), 1);
    assert_eq!(phase.resources[0].title, "API Guidelines");
    assert_eq!(imported.roadmap.resource_count(), 4);
}

#[test]
fn every_line_that_cannot_be_placed_is_reported_with_its_line() {
    let imported = text(
        "Title\n\
         Intro words before any phase.\n\
         Phase 1: Basics (1 month)\n\
         Goal: Basics.\n\
         - Topic\n\
         A stray sentence.\n\
         Resources:\n\
         Some book without a link\n\
         Would you like me to add more detail?\n",
    );
    assert_eq!(
        skipped(&imported),
        [
            (2, "Intro words before any phase.".to_owned()),
            (6, "A stray sentence.".to_owned()),
            (8, "Some book without a link".to_owned()),
            (9, "Would you like me to add more detail?".to_owned()),
        ]
    );
    let messages = imported.messages();
    assert!(
        messages.contains(&"plan.txt:8: skipped \"Some book without a link\" (a resource without a link; write it as \"Title: https://…\" to keep it)".to_owned()),
        "{messages:#?}"
    );
}

#[test]
fn a_phase_without_a_duration_gets_the_default_and_a_warning() {
    let imported = markdown("# Plan\n\n## Basics\n\n- One\n\n## Advanced\n\n- Two\n");
    let phases = &imported.roadmap.phases;
    assert_eq!(phases.len(), 2);
    assert!(phases.iter().all(|p| p.duration_months == DEFAULT_MONTHS));
    let warnings: Vec<String> = imported
        .messages()
        .into_iter()
        .filter(|m| m.contains("has no duration"))
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "plan.md:3: warning: phase \"Basics\" has no duration; planned as 1 month"
        )
    );
}

#[test]
fn a_numbered_list_with_durations_makes_phases() {
    let imported = text(
        "Go\n\
         1. Basics (2 weeks)\n   \
            - Types\n\
         2. Concurrency (3-4 weeks)\n   \
            - Channels\n",
    );
    let titles: Vec<&str> = imported
        .roadmap
        .phases
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(titles, ["Basics", "Concurrency"]);
    assert_eq!(
        imported.roadmap.phases[1].topic_groups[0].topics[0].text,
        "Channels"
    );
}

#[test]
fn the_duration_table_fills_durations_and_short_titles() {
    let imported = markdown(
        "## Phase 1: Advanced Python and Testing\n- a\n\
         ## Phase 2: Web Development with Django\n- b\n\
         ## Final Project: A Shop\n- c\n\
         ## Estimated Timeline\n\n\
         | Phase | Duration |\n|---|---|\n\
         | Advanced Python | 1-2 Months |\n\
         | Web (Optional) | 2 weeks |\n\
         | Final Project | 1 month |\n\
         | Total | 3 months |\n",
    );
    let roadmap = &imported.roadmap;
    assert_eq!(
        roadmap.phases[0].short_title.as_deref(),
        Some("Advanced Python")
    );
    assert_eq!(
        roadmap.phases[0].duration_months,
        MonthRange { min: 1.0, max: 2.0 }
    );
    assert!(roadmap.phases[1].optional);
    let project = roadmap.final_project.as_ref().expect("a final project");
    assert_eq!(project.title, "A Shop");
    assert_eq!(project.duration_months, MonthRange { min: 1.0, max: 1.0 });
    assert_eq!(project.ideas[0].text, "c");
    let skipped = skipped(&imported);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].1.contains("Total"));
}

#[test]
fn ids_are_stable_and_unique() {
    let source = "Phase 1: A (1 month)\n- Same\n- Same\nPhase 2: A (1 month)\n- Same\n";
    let first = text(source);
    let again = text(source);
    assert_eq!(first.roadmap, again.roadmap);
    let ids: Vec<&str> = first.roadmap.items().map(|i| i.item.id.as_str()).collect();
    assert_eq!(ids, ["same", "same-2", "same-3"]);
    assert_eq!(first.roadmap.phases[1].id, "a-2");
}

#[test]
fn mis_decoded_text_is_repaired_and_said_so() {
    let imported =
        text("ðŸ”¹ Phase 1: Pythonâ€™s basics (1-2 Months)\nâœ… Goal: Learn.\nðŸ”¹ Topic\n");
    assert_eq!(imported.roadmap.phases[0].title, "Python’s basics");
    let messages = imported.messages();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("plan.txt:1: note: repaired mis-decoded UTF-8 on 3 lines")),
        "{messages:?}"
    );
}

#[test]
fn a_document_without_phases_is_refused_with_what_was_expected() {
    let err = import_text(
        "just some words\nand more",
        SourceKind::PlainText,
        "notes.txt",
    )
    .expect_err("no phases");
    assert!(
        err.to_string()
            .starts_with("notes.txt: found no phases; expected lines such as"),
        "{err}"
    );
}

#[test]
fn hours_per_week_are_read_before_the_first_phase() {
    let imported = text("Plan\nStudy 6 hours per week.\nPhase 1: A (2 weeks)\n- x\n");
    assert_eq!(imported.roadmap.hours_per_week, 6.0);
    assert!(
        !imported
            .messages()
            .iter()
            .any(|m| m.contains("hours a week"))
    );
}

#[test]
fn windows_1252_files_are_read_with_a_warning() {
    let bytes = b"Phase 1: Caf\xe9 (1 month)\n- Cr\xe8me\n";
    let imported = import_bytes(bytes, SourceKind::PlainText, "old.txt").expect("imports");
    assert_eq!(imported.roadmap.phases[0].title, "Café");
    assert!(
        imported
            .messages()
            .iter()
            .any(|m| m.starts_with("old.txt:1: warning: the file is not UTF-8"))
    );
}

#[test]
fn the_ron_has_the_notes_as_comments_and_loads() {
    let imported = text("Phase 1: A\n- x\nstray\n");
    let ron = imported.to_ron();
    assert!(ron.starts_with("// Imported by study-planner from plan.txt."));
    assert!(ron.contains("// plan.txt:1: warning: phase \"A\" has no duration"));
    let back = crate::roadmap::parse_roadmap(&ron, "back.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, imported.roadmap);
}
