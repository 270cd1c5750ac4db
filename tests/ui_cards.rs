//! The real app, headless: the phase cards show the roadmap a learner came for.
#![allow(
    clippy::expect_used,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

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
        view: Some(View::Cards),
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

/// A format 2 roadmap: "Syntax" has two links of its own, "Types" has five.
fn item_resources_roadmap() -> roadmap::Roadmap {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roadmaps/item-resources.ron");
    let mut roadmap = roadmap::read_roadmap_file(&path).expect("the fixture loads");
    let types = &mut roadmap.phases[0].topic_groups[0].topics[1];
    types.resources = (1..=5)
        .map(|n| roadmap::Resource {
            id: format!("types-{n}"),
            title: format!("Types link {n}"),
            url: format!("https://example.org/types/{n}"),
            kind: roadmap::ResourceKind::Article,
        })
        .collect();
    roadmap
}

fn harness_for(
    roadmap: roadmap::Roadmap,
    data_dir: &std::path::Path,
) -> Harness<'static, StudyPlannerApp> {
    harness_in(roadmap, data_dir, View::Cards)
}

fn harness_in(
    roadmap: roadmap::Roadmap,
    data_dir: &std::path::Path,
    view: View,
) -> Harness<'static, StudyPlannerApp> {
    let options = AppOptions {
        roadmap: Arc::new(roadmap),
        ..common::options(data_dir, view)
    };
    common::open_app_with(options, egui::vec2(1200.0, 900.0))
}

#[test]
fn an_items_own_links_sit_under_that_item_on_its_card() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_for(item_resources_roadmap(), dir.path());
    harness.run();
    let syntax = harness
        .get_by_role_and_label(Role::CheckBox, "Syntax")
        .rect();
    let types = harness
        .get_by_role_and_label(Role::CheckBox, "Types")
        .rect();
    for title in ["The syntax reference", "Syntax in ten minutes"] {
        let link = harness.get_by_role_and_label(Role::Link, title).rect();
        assert!(
            link.top() > syntax.top() && link.bottom() <= types.top(),
            "{title} at {link:?}, between {syntax:?} and {types:?}"
        );
    }
    // The hands-on item's link is under the hands-on item, and the phase's own link stays in
    // the phase's Resources section below the checklist.
    let hello = harness
        .get_by_role_and_label(Role::CheckBox, "Write hello world")
        .rect();
    let guide = harness
        .get_by_role_and_label(Role::Link, "Hello world guide")
        .rect();
    assert!(guide.top() > hello.top());
    let phase_link = harness
        .get_by_role_and_label(Role::Link, "The tutorial")
        .rect();
    assert!(phase_link.top() > guide.top());
}

#[test]
fn many_links_on_an_item_are_folded_until_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_for(item_resources_roadmap(), dir.path());
    harness.run();
    assert!(harness.query_by_label("Types link 1").is_none());
    harness.get_by_label("5 links").click();
    harness.run();
    let link = harness
        .get_by_role_and_label(Role::Link, "Types link 3")
        .rect();
    let types = harness
        .get_by_role_and_label(Role::CheckBox, "Types")
        .rect();
    assert!(link.top() > types.top());
    // The two links of "Syntax" are few enough to show at once.
    harness.get_by_role_and_label(Role::Link, "The syntax reference");
}

#[test]
fn the_week_plan_shows_an_items_links_under_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_in(item_resources_roadmap(), dir.path(), View::Weeks);
    harness.run();
    let syntax = harness
        .get_by_role_and_label(Role::CheckBox, "Syntax")
        .rect();
    let link = harness
        .get_by_role_and_label(Role::Link, "The syntax reference")
        .rect();
    assert!(link.top() > syntax.top());
}

#[test]
fn cards_show_each_phases_planned_dates_and_a_left_out_phase_says_so() {
    let dir = common::temp_dir();
    common::write_progress(
        dir.path(),
        r#"(version: 2, roadmaps: {"python-enterprise": (plan: (excluded: ["frontend"]))})"#,
    );
    let harness = app_harness(dir.path());
    // With Frontend left out, the plan from today (25 Nov 2026) at the steady pace.
    harness.get_by_label("Planned: 25 Nov 2026 – 10 Jan 2027 · 7 weeks");
    harness.get_by_label("Planned: 11 Jan – 28 Mar 2027 · 11 weeks");
    harness.get_by_label("Left out of your plan (would add 7 weeks)");
    harness.get_by_label("Planned: 29 Mar – 16 May 2027 · 7 weeks");
    harness.get_by_label("Planned: 17 May – 1 Aug 2027 · 11 weeks");
}

const CHOSEN_IDEA: &str = "Enterprise Dashboard with Realtime Analytics (FastAPI + Streamlit)";
const OTHER_IDEA: &str = "AI-powered Helpdesk System (Real-time chat + AI suggestions)";

#[test]
fn choosing_a_project_idea_counts_the_ideas_as_one_item_survives_a_restart_and_undoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Tall enough that the project card is on the screen, where a click lands.
    let tall = |dir: &std::path::Path| {
        common::open_app_sized(dir, View::Cards, egui::vec2(1200.0, 4000.0))
    };
    let mut harness = tall(dir.path());
    let total = roadmap::embedded().item_count();
    let overall = |harness: &mut Harness<'_, StudyPlannerApp>| harness.state_mut().plan().overall();
    assert_eq!(overall(&mut harness), (0, total));
    // Before a choice the ideas are radio buttons, none with a tick box.
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, CHOSEN_IDEA)
            .is_none()
    );

    harness
        .get_by_role_and_label(Role::RadioButton, CHOSEN_IDEA)
        .click();
    harness.run();
    let chosen = common::item_id(CHOSEN_IDEA);
    assert_eq!(harness.state().data().chosen_idea, Some(chosen.clone()));
    assert_eq!(overall(&mut harness), (0, total), "choosing is not doing");
    // The chosen idea has its tick; ticking it completes the ideas part, one item.
    harness
        .get_by_role_and_label(Role::CheckBox, CHOSEN_IDEA)
        .click();
    harness.run();
    assert_eq!(overall(&mut harness), (1, total));
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, OTHER_IDEA)
            .is_none()
    );

    // One undo takes back the tick, the next one the choice.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(overall(&mut harness), (0, total));
    assert_eq!(harness.state().data().chosen_idea, Some(chosen.clone()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().data().chosen_idea, None);

    // Chosen again, it is there after a restart.
    harness
        .get_by_role_and_label(Role::RadioButton, OTHER_IDEA)
        .click();
    harness.run();
    drop(harness);
    let mut reopened = tall(dir.path());
    assert_eq!(
        reopened.state().data().chosen_idea,
        Some(common::item_id(OTHER_IDEA))
    );
    assert_eq!(overall(&mut reopened), (0, total));
    reopened.get_by_role_and_label(Role::RadioButton, OTHER_IDEA);
}

#[test]
fn a_chosen_idea_can_be_cleared_on_the_card_and_the_clear_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = common::open_app_sized(dir.path(), View::Cards, egui::vec2(1200.0, 4000.0));
    let total = roadmap::embedded().item_count();
    let overall = |harness: &mut Harness<'_, StudyPlannerApp>| harness.state_mut().plan().overall();
    // Nothing to clear before a choice.
    assert!(harness.query_by_label("Clear choice").is_none());
    harness
        .get_by_role_and_label(Role::RadioButton, CHOSEN_IDEA)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, CHOSEN_IDEA)
        .click();
    harness.run();
    assert_eq!(overall(&mut harness), (1, total));

    harness
        .get_by_role_and_label(Role::Button, "Clear choice")
        .click();
    harness.run();
    assert_eq!(harness.state().data().chosen_idea, None);
    assert_eq!(
        overall(&mut harness),
        (0, total),
        "undecided counts as not done"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, CHOSEN_IDEA)
            .is_none()
    );
    assert!(harness.query_by_label("Clear choice").is_none());

    // One undo brings the choice back, with its tick.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().data().chosen_idea,
        Some(common::item_id(CHOSEN_IDEA))
    );
    assert_eq!(overall(&mut harness), (1, total));
}
