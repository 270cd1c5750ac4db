//! Extreme plans never panic anywhere: the first and last supported start dates, lengths far
//! past the cap, weekly hours that are not numbers, a "today" anywhere in chrono's range. The
//! schedule's own property test (`tests/schedule.rs`) covers the dates; this one runs what is
//! built on them: every export format, and every view of the window.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::clock::Clock;
use study_planner::date::PlanDate;
use study_planner::export::{ExportFormat, ExportInput, Paper, export};
use study_planner::plan::Plan;
use study_planner::progress::{ItemState, Pace, PlanSettings, RoadmapProgress};
use study_planner::roadmap::{Roadmap, synthetic};

/// A small roadmap (two phases and a final project), so a plan of 520-week stages stays
/// quick to print.
fn small_roadmap() -> Roadmap {
    synthetic::shaped(&synthetic::Shape {
        phases: 2,
        topics: 2,
        hands_on: 1,
        resources: 1,
        goal_words: 3,
        tech_stack: 1,
        ideas: 1,
    })
}

fn any_plan_date() -> impl Strategy<Value = PlanDate> {
    prop_oneof![
        Just(PlanDate::FIRST),
        Just(PlanDate::LAST),
        (0i64..2_918_000).prop_map(|days| {
            PlanDate::clamped(
                PlanDate::FIRST
                    .get()
                    .checked_add_signed(chrono::TimeDelta::days(days))
                    .unwrap_or(NaiveDate::MAX),
            )
        }),
    ]
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        any::<i32>().prop_map(|days| {
            NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MAX)
        }),
    ]
}

fn any_settings(roadmap: &Roadmap) -> impl Strategy<Value = PlanSettings> + use<> {
    let ids: Vec<String> = roadmap.stages().iter().map(|s| s.id.to_owned()).collect();
    let weeks = prop_oneof![Just(u32::MAX), Just(0u32), Just(520u32), 1u32..30];
    (
        proptest::option::of(any_plan_date()),
        prop::sample::select(Pace::ALL.to_vec()),
        proptest::option::of(prop_oneof![
            Just(f32::NAN),
            Just(f32::INFINITY),
            Just(0.0f32),
            any::<f32>()
        ]),
        prop::collection::vec(weeks, ids.len()),
        // A break anywhere in the supported dates, as long as a thousand years.
        proptest::option::of((any_plan_date(), any_plan_date())),
    )
        .prop_map(move |(start, pace, hours, weeks, off)| PlanSettings {
            start,
            pace,
            hours_per_week: hours,
            excluded: BTreeSet::new(),
            stage_weeks: ids.iter().cloned().zip(weeks).collect::<BTreeMap<_, _>>(),
            breaks: off
                .map(|(a, b)| study_planner::progress::Break {
                    start: a.get(),
                    end: b.get(),
                    label: "off".into(),
                })
                .into_iter()
                .collect(),
        })
}

/// The learner's data for `settings`, with every other item done on `done_on`.
fn progress_for(roadmap: &Roadmap, settings: PlanSettings, done_on: NaiveDate) -> RoadmapProgress {
    let mut progress = RoadmapProgress {
        plan: settings,
        ..RoadmapProgress::default()
    };
    for item in roadmap.items().step_by(2) {
        progress.set_state(&item.item.id, ItemState::Done, done_on);
        progress.set_note(&item.item.id, "a note");
    }
    progress
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every format exports whatever the plan holds.
    #[test]
    fn every_export_format_takes_any_plan(
        settings in any_settings(&small_roadmap()),
        today in any_day(),
        done_on in any_day(),
        letter in any::<bool>(),
    ) {
        let roadmap = small_roadmap();
        let progress = progress_for(&roadmap, settings, done_on);
        let plan = Plan::new(Arc::new(roadmap), progress, today);
        let paper = if letter { Paper::Letter } else { Paper::A4 };
        let input = ExportInput { plan: &plan, paper };
        for format in ExportFormat::ALL {
            let bytes = export(format, &input);
            prop_assert!(bytes.is_ok(), "{format:?}: {:?}", bytes.err());
        }
    }
}

/// Every view of the window, drawn for a few frames and switched between, for the extremes
/// a learner (or a hand-edited file, or a broken clock) can bring.
#[test]
fn every_view_draws_extreme_plans() {
    let roadmap = small_roadmap();
    let ids: Vec<String> = roadmap.stages().iter().map(|s| s.id.to_owned()).collect();
    let longest: BTreeMap<String, u32> = ids.iter().map(|id| (id.clone(), u32::MAX)).collect();
    let cases = [
        (Some(PlanDate::LAST), longest.clone(), NaiveDate::MAX),
        (Some(PlanDate::LAST), BTreeMap::new(), NaiveDate::MIN),
        (Some(PlanDate::FIRST), longest.clone(), NaiveDate::MAX),
        (Some(PlanDate::FIRST), BTreeMap::new(), NaiveDate::MIN),
        (None, longest, NaiveDate::MAX),
        (None, BTreeMap::new(), NaiveDate::MIN),
    ];
    for (start, stage_weeks, today) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = PlanSettings {
            start,
            hours_per_week: Some(f32::NAN),
            stage_weeks,
            ..PlanSettings::default()
        };
        let progress = progress_for(&roadmap, settings, today);
        let mut document = study_planner::storage::ProgressDocument::new();
        document.set_roadmap(&roadmap.id, &progress);
        std::fs::write(
            dir.path().join("progress.ron"),
            document.to_ron().expect("RON"),
        )
        .expect("write progress.ron");
        let options = AppOptions {
            roadmap: Arc::new(roadmap.clone()),
            data_dir: dir.path().to_owned(),
            view: Some(View::Cards),
            screenshot: None,
            clock: Clock::on(today),
        };
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .build_eframe(|cc| StudyPlannerApp::new(cc, options));
        harness.run();
        for (key, view) in [
            (egui::Key::Num1, View::ThisWeek),
            (egui::Key::Num3, View::Timeline),
            (egui::Key::Num4, View::Weeks),
            (egui::Key::Num2, View::Cards),
        ] {
            harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
            harness.run();
            assert_eq!(harness.state().view(), view);
        }
        assert_eq!(
            harness.state().data().plan.start,
            start,
            "{start:?} {today}"
        );
    }
}
