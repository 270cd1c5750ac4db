//! The schedule engine: properties over any roadmap and settings, exact dates for the embedded
//! roadmap, the forecast and "re-plan from today".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

use study_planner::date::PlanDate;
use study_planner::progress::Break;
use study_planner::progress::{ItemState, Pace, PlanSettings, RoadmapProgress};
use study_planner::roadmap::{self, FinalProject, Item, MonthRange, Phase, Roadmap, TopicGroup};
use study_planner::schedule::{self, MAX_STAGE_WEEKS, Schedule, compute, monday_of};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

/// The joined plan of `progress` with `settings`, seen on `today`.
use common::joined as plan_of;

/// A stage for a generated roadmap: (min months, extra months, optional, item count).
type StageSpec = (f32, f32, bool, usize);

fn items(prefix: &str, count: usize) -> Vec<Item> {
    (0..count)
        .map(|i| Item {
            id: format!("{prefix}-item-{i}"),
            text: format!("Item {i} of {prefix}"),
            resources: Vec::new(),
        })
        .collect()
}

/// A roadmap with one phase per spec, and a final project when `project` is given.
fn roadmap_of(specs: &[StageSpec], project: Option<StageSpec>, hours: f32) -> Roadmap {
    let phases = specs
        .iter()
        .enumerate()
        .map(|(i, &(min, extra, optional, count))| {
            let id = format!("phase-{i}");
            Phase {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                title: format!("Phase {i}"),
                short_title: None,
                goal: "Learn".to_owned(),
                duration_months: MonthRange {
                    min,
                    max: min + extra,
                },
                optional,
                topic_groups: vec![TopicGroup {
                    heading: "Topics".to_owned(),
                    topics: items(&id, count),
                }],
                hands_on: Vec::new(),
                resources: Vec::new(),
                id,
            }
        })
        .collect();
    let final_project = project.map(|(min, extra, _, count)| FinalProject {
        id: "final".to_owned(),
        title: "Final".to_owned(),
        short_title: None,
        duration_months: MonthRange {
            min,
            max: min + extra,
        },
        tech_stack_heading: "Stack".to_owned(),
        tech_stack: items("final", count),
        ideas_heading: "Ideas".to_owned(),
        ideas: Vec::new(),
        ideas_are_alternatives: true,
        choice_slot: Default::default(),
    });
    Roadmap {
        format: 1,
        id: "generated".to_owned(),
        title: "Generated".to_owned(),
        hours_per_week: hours,
        phases,
        final_project,
        summary: None,
    }
}

fn stage_spec() -> impl Strategy<Value = StageSpec> {
    (0.25f32..12.0, 0.0f32..6.0, any::<bool>(), 0usize..30)
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1900-01-01 ..= 2400-12-31: every weekday, many leap years (and 1900, 2100: not leap).
    (0u64..182_986).prop_map(|days| date(1900, 1, 1) + chrono::Days::new(days))
}

fn any_pace() -> impl Strategy<Value = Pace> {
    prop::sample::select(Pace::ALL.to_vec())
}

/// Every structural promise of a schedule, checked in one place.
fn check_shape(roadmap: &Roadmap, settings: &PlanSettings, s: &Schedule) {
    let start = s.start;
    let included: Vec<_> = s.included().collect();
    assert_eq!(s.stages.len(), roadmap.stages().len());
    // Total = the included stages' study weeks plus the break weeks between them, and the
    // weeks list has one entry per week.
    let sum: u32 = included.iter().map(|st| st.weeks).sum();
    let break_weeks = s.weeks.iter().filter(|w| w.is_break()).count() as u32;
    assert_eq!(s.total_weeks, sum + break_weeks);
    assert_eq!(s.weeks.len(), s.total_weeks as usize);
    let in_plan: u32 = s.breaks.iter().map(|b| b.weeks_in_plan).sum();
    assert!(in_plan >= break_weeks, "every break week is some break's");
    if let Some(first) = included.first() {
        assert_eq!(
            first.start,
            if first.first_week == 0 {
                start
            } else {
                s.weeks[first.first_week].monday
            },
            "the first stage starts on the start date, or after a break that takes week 1"
        );
        assert_eq!(
            (s.finish - monday_of(start)).num_days() + 1,
            i64::from(s.total_weeks) * 7,
            "the plan spans exactly its weeks"
        );
        assert_eq!(s.finish, included.last().map_or(start, |st| st.end));
        assert!(
            !s.weeks.last().is_some_and(|w| w.is_break()),
            "a plan never ends on a break"
        );
    }
    for stage in &included {
        assert!(stage.start <= stage.end);
        assert!((1..=MAX_STAGE_WEEKS).contains(&stage.weeks));
        assert_eq!(stage.end.weekday(), Weekday::Sun);
        assert_eq!(
            (stage.end - monday_of(stage.start)).num_days() + 1,
            i64::from(stage.weeks + stage.break_weeks) * 7
        );
    }
    // Ordered, contiguous but for break weeks, non-overlapping.
    for pair in included.windows(2) {
        let gap = (pair[1].start - pair[0].end).num_days() - 1;
        assert!(gap >= 0 && gap % 7 == 0, "{gap}");
        let between = s.weeks[pair[0].first_week..pair[1].first_week]
            .iter()
            .filter(|w| w.is_break() && w.monday > pair[0].end)
            .count() as i64;
        assert_eq!(gap / 7, between, "only break weeks lie between two stages");
        assert_eq!(pair[1].start.weekday(), Weekday::Mon);
    }
    // Weeks: numbered 1.., Monday to Sunday, back to back, with their stage; a break week
    // lies inside one of the learner's breaks and holds no work.
    for (index, week) in s.weeks.iter().enumerate() {
        assert_eq!(week.number as usize, index + 1);
        assert_eq!(week.monday.weekday(), Weekday::Mon);
        assert_eq!((week.sunday - week.monday).num_days(), 6);
        assert_eq!(week.iso_week, week.monday.iso_week().week());
        assert_eq!(s.week_index_of(week.monday), Some(index));
        assert_eq!(s.week_index_of(week.sunday), Some(index));
        if week.is_break() {
            assert!(week.items.is_empty() && week.stage_week == 0);
            assert!(
                settings.breaks.iter().any(|b| {
                    let (first, last) = b.days();
                    monday_of(first.max(start)) <= week.monday && week.monday <= monday_of(last)
                }),
                "week {} is a break no break asked for",
                week.number
            );
        } else {
            assert!(week.stage_week >= 1);
            assert!(
                !settings.breaks.iter().any(|b| {
                    let (first, last) = b.days();
                    last >= start
                        && monday_of(first.max(start)) <= week.monday
                        && week.monday <= monday_of(last)
                }) || break_weeks >= schedule::MAX_BREAK_WEEKS,
                "phase work in a break week: week {}",
                week.number
            );
        }
        let stage = s.stage(&week.stage_id).map(|st| (st.start, st.end));
        let (from, to) = stage.unwrap_or((NaiveDate::MAX, NaiveDate::MIN));
        if !week.is_break() {
            assert!(from <= week.sunday && week.monday <= to);
        }
    }
    // Every item of an included stage appears once, in order; excluded stages have none.
    let planned: Vec<&str> = s
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(String::as_str))
        .collect();
    let expected: Vec<&str> = roadmap
        .stages()
        .iter()
        .filter(|st| !(st.optional && settings.excluded.contains(st.id)))
        .flat_map(|st| {
            st.items
                .iter()
                .map(|i| i.item.id.as_str())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(planned, expected);
}

/// Breaks somewhere around a plan that starts on `start`: (weeks after the start's Monday the
/// break begins, a weekday offset, length in days).
fn any_breaks() -> impl Strategy<Value = Vec<(i64, i64, i64)>> {
    prop::collection::vec((-4i64..80, 0i64..7, 0i64..40), 0..4)
}

fn breaks_from(start: NaiveDate, specs: &[(i64, i64, i64)]) -> Vec<Break> {
    specs
        .iter()
        .enumerate()
        .map(|(i, &(weeks, weekday, days))| {
            let first = monday_of(start) + chrono::Duration::days(weeks * 7 + weekday);
            Break {
                start: first,
                end: first + chrono::Duration::days(days),
                label: format!("break {i}"),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_roadmap_gives_an_ordered_contiguous_plan(
        specs in prop::collection::vec(stage_spec(), 0..9),
        project in prop::option::of(stage_spec()),
        start in any_date(),
        pace in any_pace(),
        hours in prop::option::of(0.5f32..80.0),
        skip_optional in any::<bool>(),
        breaks in any_breaks(),
    ) {
        let roadmap = roadmap_of(&specs, project, 10.0);
        let excluded: BTreeSet<String> = if skip_optional {
            roadmap.phases.iter().filter(|p| p.optional).map(|p| p.id.clone()).collect()
        } else {
            BTreeSet::new()
        };
        let breaks = breaks_from(start, &breaks);
        let settings = PlanSettings { start: Some(PlanDate::clamped(start)), pace, hours_per_week: hours, excluded, breaks, ..PlanSettings::default() };
        let s = compute(&roadmap, &settings, date(2026, 1, 1));
        check_shape(&roadmap, &settings, &s);
    }

    #[test]
    fn fast_is_never_longer_than_steady_nor_steady_than_relaxed(
        specs in prop::collection::vec(stage_spec(), 1..9),
        start in any_date(),
        hours in prop::option::of(0.5f32..80.0),
    ) {
        let roadmap = roadmap_of(&specs, None, 10.0);
        let plan = |pace| compute(&roadmap, &PlanSettings { start: Some(PlanDate::clamped(start)), pace, hours_per_week: hours, ..PlanSettings::default() }, start);
        let (fast, steady, relaxed) = (plan(Pace::Fast), plan(Pace::Steady), plan(Pace::Relaxed));
        prop_assert!(fast.total_weeks <= steady.total_weeks && steady.total_weeks <= relaxed.total_weeks);
        prop_assert!(fast.finish <= steady.finish && steady.finish <= relaxed.finish);
        for ((f, s), r) in fast.stages.iter().zip(&steady.stages).zip(&relaxed.stages) {
            prop_assert!(f.weeks <= s.weeks && s.weeks <= r.weeks);
        }
    }

    #[test]
    fn fewer_hours_never_shorten_a_plan(
        specs in prop::collection::vec(stage_spec(), 1..9),
        pace in any_pace(),
        more in 0.5f32..100.0,
        less_fraction in 0.0f32..=1.0,
    ) {
        let roadmap = roadmap_of(&specs, Some((1.0, 1.0, false, 3)), 10.0);
        let less = more * less_fraction;
        let plan = |hours| compute(&roadmap, &PlanSettings { start: Some(PlanDate::clamped(date(2026, 3, 2))), pace, hours_per_week: Some(hours), ..PlanSettings::default() }, date(2026, 1, 1));
        let (with_more, with_less) = (plan(more), plan(less));
        prop_assert!(with_less.total_weeks >= with_more.total_weeks);
        for (m, l) in with_more.stages.iter().zip(&with_less.stages) {
            prop_assert!(l.weeks >= m.weeks);
        }
    }

    #[test]
    fn plans_of_1_to_520_weeks_from_any_day(
        weeks in 1u32..=520,
        start in any_date(),
        items in 0usize..60,
    ) {
        let roadmap = roadmap_of(&[(1.0, 1.0, false, items)], None, 10.0);
        let settings = PlanSettings {
            start: Some(PlanDate::clamped(start)),
            stage_weeks: BTreeMap::from([("phase-0".to_owned(), weeks)]),
            ..PlanSettings::default()
        };
        let s = compute(&roadmap, &settings, start);
        prop_assert_eq!(s.total_weeks, weeks);
        prop_assert_eq!(s.finish, monday_of(start) + chrono::Days::new(u64::from(weeks) * 7 - 1));
        // Spread evenly: weeks' item counts differ by at most one.
        let counts: Vec<usize> = s.weeks.iter().map(|w| w.items.len()).collect();
        let (lo, hi) = (counts.iter().min().copied().unwrap_or(0), counts.iter().max().copied().unwrap_or(0));
        prop_assert!(hi - lo <= 1);
        check_shape(&roadmap, &settings, &s);
    }

    #[test]
    fn no_input_panics(
        specs in prop::collection::vec((any::<f32>(), any::<f32>(), any::<bool>(), 0usize..5), 0..6),
        start_days in prop::option::of(any::<i32>()),
        pace in any_pace(),
        hours in prop::option::of(any::<f32>()),
        roadmap_hours in any::<f32>(),
        overrides in prop::collection::btree_map("phase-[0-6]|final|x", any::<u32>(), 0..4),
        excluded in prop::collection::btree_set("phase-[0-6]|final|x", 0..4),
        today_days in any::<i32>(),
        breaks in prop::collection::vec((any::<i32>(), any::<i32>()), 0..3),
    ) {
        let roadmap = roadmap_of(&specs, Some((1.0, 1.0, false, 2)), roadmap_hours);
        let from_days = |days: i32| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MAX);
        let settings = PlanSettings {
            start: start_days.map(|days| PlanDate::clamped(from_days(days))),
            pace,
            hours_per_week: hours,
            excluded,
            stage_weeks: overrides,
            breaks: breaks.into_iter().map(|(a, b)| Break { start: from_days(a), end: from_days(b), label: String::new() }).collect(),
        };
        let today = from_days(today_days);
        let progress = RoadmapProgress::default();
        let f = plan_of(&roadmap, &settings, &progress, today).forecast();
        let _ = f.sentence();
        let _ = plan_of(&roadmap, &settings, &progress, today).replan_from_today();
        let _ = plan_of(&roadmap, &settings, &progress, today).this_week().heading();
        let _ = schedule::finish_by(&roadmap, &settings, today, from_days(today_days.saturating_add(400)));
    }
}

/// (id, start, end, weeks) of each included stage.
fn dates_of(s: &Schedule) -> Vec<(&str, NaiveDate, NaiveDate, u32)> {
    s.included()
        .map(|st| (st.id.as_str(), st.start, st.end, st.weeks))
        .collect()
}

fn embedded_plan(pace: Pace, start: NaiveDate, skip_optional: bool) -> Schedule {
    let roadmap = roadmap::embedded();
    let excluded = if skip_optional {
        BTreeSet::from(["frontend".to_owned(), "ai-ml".to_owned()])
    } else {
        BTreeSet::new()
    };
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(start)),
        pace,
        excluded,
        ..PlanSettings::default()
    };
    compute(&roadmap, &settings, date(2026, 11, 25))
}

#[test]
fn embedded_roadmap_fast() {
    let s = embedded_plan(Pace::Fast, date(2027, 1, 4), false);
    assert_eq!(
        dates_of(&s),
        vec![
            ("advanced-python", date(2027, 1, 4), date(2027, 1, 31), 4),
            ("backend", date(2027, 2, 1), date(2027, 4, 4), 9),
            ("databases", date(2027, 4, 5), date(2027, 5, 2), 4),
            ("frontend", date(2027, 5, 3), date(2027, 5, 30), 4),
            ("ai-ml", date(2027, 5, 31), date(2027, 8, 1), 9),
            ("devops-cloud", date(2027, 8, 2), date(2027, 10, 3), 9),
            ("final-project", date(2027, 10, 4), date(2027, 10, 31), 4),
        ]
    );
    assert_eq!((s.total_weeks, s.finish), (43, date(2027, 10, 31)));
}

#[test]
fn embedded_roadmap_steady() {
    let s = embedded_plan(Pace::Steady, date(2027, 1, 4), false);
    assert_eq!(
        dates_of(&s),
        vec![
            ("advanced-python", date(2027, 1, 4), date(2027, 2, 21), 7),
            ("backend", date(2027, 2, 22), date(2027, 5, 9), 11),
            ("databases", date(2027, 5, 10), date(2027, 6, 27), 7),
            ("frontend", date(2027, 6, 28), date(2027, 8, 15), 7),
            ("ai-ml", date(2027, 8, 16), date(2027, 10, 31), 11),
            ("devops-cloud", date(2027, 11, 1), date(2028, 1, 16), 11),
            ("final-project", date(2028, 1, 17), date(2028, 3, 5), 7),
        ]
    );
    assert_eq!((s.total_weeks, s.finish), (61, date(2028, 3, 5)));
}

#[test]
fn embedded_roadmap_relaxed() {
    let s = embedded_plan(Pace::Relaxed, date(2027, 1, 4), false);
    assert_eq!(
        dates_of(&s),
        vec![
            ("advanced-python", date(2027, 1, 4), date(2027, 3, 7), 9),
            ("backend", date(2027, 3, 8), date(2027, 6, 6), 13),
            ("databases", date(2027, 6, 7), date(2027, 8, 8), 9),
            ("frontend", date(2027, 8, 9), date(2027, 10, 10), 9),
            ("ai-ml", date(2027, 10, 11), date(2028, 1, 9), 13),
            ("devops-cloud", date(2028, 1, 10), date(2028, 4, 9), 13),
            ("final-project", date(2028, 4, 10), date(2028, 6, 11), 9),
        ]
    );
    assert_eq!((s.total_weeks, s.finish), (75, date(2028, 6, 11)));
}

#[test]
fn embedded_roadmap_steady_without_optional_phases_from_a_wednesday() {
    let s = embedded_plan(Pace::Steady, date(2027, 1, 6), true);
    assert_eq!(
        dates_of(&s),
        vec![
            ("advanced-python", date(2027, 1, 6), date(2027, 2, 21), 7),
            ("backend", date(2027, 2, 22), date(2027, 5, 9), 11),
            ("databases", date(2027, 5, 10), date(2027, 6, 27), 7),
            ("devops-cloud", date(2027, 6, 28), date(2027, 9, 12), 11),
            ("final-project", date(2027, 9, 13), date(2027, 10, 31), 7),
        ]
    );
    let frontend = s.stage("frontend").map(|st| (st.included, st.weeks));
    assert_eq!(frontend, Some((false, 7)));
    assert_eq!(s.weeks.len(), 43);
    assert_eq!(s.weeks[0].monday, date(2027, 1, 4));
    assert_eq!((s.weeks[0].iso_year, s.weeks[0].iso_week), (2027, 1));
}

#[test]
fn own_lengths_replace_the_preset_and_are_flagged_outside_the_estimate() {
    let roadmap = roadmap::embedded();
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(date(2027, 1, 4))),
        stage_weeks: BTreeMap::from([("backend".to_owned(), 20), ("databases".to_owned(), 5)]),
        ..PlanSettings::default()
    };
    let s = compute(&roadmap, &settings, date(2026, 11, 25));
    let backend = s.stage("backend");
    assert_eq!(
        backend.map(|b| (
            b.weeks,
            b.estimate_weeks,
            b.preset_weeks,
            b.overridden,
            b.outside_estimate
        )),
        Some((20, (9, 13), 11, true, true))
    );
    let databases = s.stage("databases");
    assert_eq!(
        databases.map(|d| (d.weeks, d.outside_estimate)),
        Some((5, false))
    );
    assert_eq!(
        s.stage("databases").map(|d| d.start),
        Some(date(2027, 7, 12))
    );
    assert_eq!(s.total_weeks, 61 - 11 + 20 - 7 + 5);
}

#[test]
fn hours_scale_every_length() {
    let roadmap = roadmap::embedded();
    let at = |hours| {
        let settings = PlanSettings {
            start: Some(PlanDate::clamped(date(2027, 1, 4))),
            hours_per_week: Some(hours),
            ..PlanSettings::default()
        };
        compute(&roadmap, &settings, date(2026, 11, 25))
    };
    // The roadmap assumes 10 h/week. At 5 h, 1.5 months = 13 weeks; at 20 h, 3.25 → 3.
    let half = at(5.0);
    assert_eq!(
        half.stage("advanced-python")
            .map(|s| (s.weeks, s.estimate_weeks)),
        Some((13, (9, 17)))
    );
    let double = at(20.0);
    assert_eq!(double.stage("advanced-python").map(|s| s.weeks), Some(3));
    assert!(half.total_weeks > at(10.0).total_weeks && at(10.0).total_weeks > double.total_weeks);
}

/// Ticks `count` items of the stage `stage_id` done on `day`.
fn tick(
    progress: &mut RoadmapProgress,
    roadmap: &Roadmap,
    stage_id: &str,
    count: usize,
    day: NaiveDate,
) {
    let stages = roadmap.stages();
    let Some(stage) = stages.iter().find(|s| s.id == stage_id) else {
        panic!("no stage {stage_id}");
    };
    for item in stage.items.iter().take(count) {
        progress.set_state(&item.item.id, ItemState::Done, day);
    }
}

// The forecast's own tests are in tests/week/forecast.rs.

#[test]
fn replan_moves_the_first_unfinished_phase_to_this_week() {
    let roadmap = roadmap::embedded();
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(date(2027, 1, 4))),
        ..PlanSettings::default()
    };
    let s = compute(&roadmap, &settings, date(2027, 1, 4));
    let today = date(2027, 6, 16); // a Wednesday
    let mut progress = RoadmapProgress::default();
    // Nothing done: the whole plan starts today.
    let fresh = plan_of(&roadmap, &settings, &progress, today).replan_from_today();
    assert_eq!(
        fresh.as_ref().and_then(|p| p.start).map(PlanDate::get),
        Some(today)
    );
    // Phase 1 finished: phase 2 runs from this week's Monday, phase 1 before it.
    tick(
        &mut progress,
        &roadmap,
        "advanced-python",
        usize::MAX,
        date(2027, 2, 1),
    );
    let Some(moved) = plan_of(&roadmap, &settings, &progress, today).replan_from_today() else {
        panic!("phase 2 is unfinished");
    };
    let again = compute(&roadmap, &moved, today);
    assert_eq!(
        again.stage("backend").map(|b| b.start),
        Some(date(2027, 6, 14))
    );
    assert_eq!(
        again.stage("advanced-python").map(|b| b.end),
        Some(date(2027, 6, 13))
    );
    assert_eq!(again.total_weeks, s.total_weeks, "lengths are kept");
    assert_eq!(moved.pace, settings.pace);
    // Everything done: nothing to re-plan.
    for stage in roadmap.stages() {
        tick(
            &mut progress,
            &roadmap,
            stage.id,
            usize::MAX,
            date(2027, 2, 1),
        );
    }
    // The final project's ideas are done by choosing one and ticking it.
    if let Some(idea) = roadmap.final_project.as_ref().and_then(|p| p.ideas.first()) {
        progress.choose_idea(Some(&idea.id));
        progress.set_state(&idea.id, ItemState::Done, date(2027, 2, 1));
    }
    assert_eq!(
        plan_of(&roadmap, &settings, &progress, today).replan_from_today(),
        None
    );
    assert!(
        plan_of(&roadmap, &settings, &progress, today)
            .forecast()
            .all_done()
    );
}

#[test]
fn replan_counts_the_breaks_on_the_way() {
    let roadmap = roadmap::embedded();
    // A holiday inside phase 1's old weeks, before today.
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(date(2027, 1, 4))),
        breaks: vec![Break {
            start: date(2027, 5, 3),
            end: date(2027, 5, 16),
            label: "holiday".into(),
        }],
        ..PlanSettings::default()
    };
    let mut progress = RoadmapProgress::default();
    tick(
        &mut progress,
        &roadmap,
        "advanced-python",
        usize::MAX,
        date(2027, 2, 1),
    );
    let today = date(2027, 6, 16);
    let Some(moved) = plan_of(&roadmap, &settings, &progress, today).replan_from_today() else {
        panic!("phase 2 is unfinished");
    };
    let again = compute(&roadmap, &moved, today);
    assert_eq!(
        again.stage("backend").map(|b| b.start),
        Some(date(2027, 6, 14))
    );
    // Today inside a break: the phase starts the Monday after it.
    let in_break = date(2027, 5, 12);
    let Some(moved) = plan_of(&roadmap, &settings, &progress, in_break).replan_from_today() else {
        panic!("phase 2 is unfinished");
    };
    let again = compute(&roadmap, &moved, in_break);
    assert_eq!(
        again.stage("backend").map(|b| b.start),
        Some(date(2027, 5, 17))
    );
}

use common::{run_binary, run_binary_in};

#[test]
fn plan_json_has_the_documented_shape_and_the_engine_numbers() {
    let output = run_binary(&[
        "plan",
        "--json",
        "--start",
        "2027-01-06",
        "--pace",
        "steady",
        "--skip-optional",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = match serde_json::from_slice(&output.stdout) {
        Ok(json) => json,
        Err(err) => panic!(
            "not JSON ({err}): {}",
            String::from_utf8_lossy(&output.stdout)
        ),
    };
    assert_eq!(json["start"], "2027-01-06");
    assert_eq!(json["finish"], "2027-10-31");
    let Some(phases) = json["phases"].as_array() else {
        panic!("no phases array: {json}");
    };
    let ids: Vec<&str> = phases.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "advanced-python",
            "backend",
            "databases",
            "devops-cloud",
            "final-project"
        ]
    );
    let first = &phases[0];
    assert_eq!(first["title"], "Advanced Python & Best Practices");
    assert_eq!(first["start"], "2027-01-06");
    assert_eq!(first["end"], "2027-02-21");
    assert_eq!(first["weeks"], 7);
    assert_eq!(first["optional"], false);
    assert_eq!(first["progress"]["complete"], 0);
    assert!(first["progress"]["total"].as_u64().is_some_and(|n| n > 0));
    // The window's numbers: the same engine at the same settings.
    let s = embedded_plan(Pace::Steady, date(2027, 1, 6), true);
    for (phase, stage) in phases.iter().zip(s.included()) {
        assert_eq!(phase["end"], stage.end.to_string());
        assert_eq!(phase["weeks"], stage.weeks);
    }
}

#[test]
fn plan_table_says_end_is_inclusive_and_refuses_bad_flags() {
    let output = run_binary(&["plan", "--start", "2027-01-04", "--pace", "fast"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("2027-01-04 to 2027-10-31 (43 weeks, fast pace, 10 h/week)"),
        "{text}"
    );
    assert!(text.contains("End (incl.)"), "{text}");
    let help = run_binary(&["plan", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("END IS INCLUSIVE"));
    let bad = run_binary(&["plan", "--hours-per-week", "0"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("out of range"));
    let bad_date = run_binary(&["plan", "--start", "2027-02-30"]);
    assert_eq!(bad_date.status.code(), Some(2));
}

#[test]
fn plan_reads_the_saved_plan_and_flags_override_it_for_one_run() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("cannot make a temporary folder");
    };
    let saved = r#"(
  version: 3,
  roadmaps: {
    "python-enterprise": (
      items: {"advanced-oop": (state: Done, done_on: Some("2027-01-05"))},
      plan: (start: Some("2027-01-04"), pace: Relaxed, excluded: ["ai-ml"], stage_weeks: {"backend": 20}),
    ),
  },
)
"#;
    if let Err(err) = std::fs::write(dir.path().join("progress.ron"), saved) {
        panic!("cannot write the saved progress: {err}");
    }
    let json = |args: &[&str]| -> serde_json::Value {
        let output = run_binary_in(dir.path(), args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_default()
    };
    let saved_plan = json(&["plan", "--json"]);
    assert_eq!(saved_plan["start"], "2027-01-04");
    assert_eq!(saved_plan["pace"], "relaxed");
    assert_eq!(saved_plan["left_out"], serde_json::json!(["ai-ml"]));
    assert_eq!(saved_plan["phases"][1]["weeks"], 20);
    assert_eq!(saved_plan["phases"][0]["progress"]["complete"], 1);
    // Flags win for this run; the learner's own length stays.
    let fast = json(&["plan", "--json", "--pace", "fast", "--start", "2027-02-01"]);
    assert_eq!(fast["start"], "2027-02-01");
    assert_eq!(fast["pace"], "fast");
    assert_eq!(fast["phases"][0]["weeks"], 4);
    assert_eq!(fast["phases"][1]["weeks"], 20);
    // ...and nothing was saved.
    assert_eq!(json(&["plan", "--json"])["pace"], "relaxed");
}
