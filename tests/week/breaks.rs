//! Breaks: the plan flows around them, grows by exactly their weeks, and never puts phase
//! work in a break week.

use chrono::Datelike;
use proptest::prelude::*;

use study_planner::date::PlanDate;
use study_planner::progress::{Break, PlanSettings};
use study_planner::roadmap::synthetic;
use study_planner::schedule::{compute, monday_of};

use super::{date, embedded, off, plan, settings, with_breaks};

/// (id, start, end) of every included stage.
fn dates(
    s: &study_planner::schedule::Schedule,
) -> Vec<(String, chrono::NaiveDate, chrono::NaiveDate)> {
    s.included()
        .map(|st| (st.id.clone(), st.start, st.end))
        .collect()
}

#[test]
fn a_holiday_inside_a_phase_pauses_it_and_moves_every_later_phase() {
    let roadmap = embedded();
    let without = plan(&roadmap, &settings());
    // Monday 1 – Sunday 14 Mar 2027: weeks 2 and 3 of "Backend" (22 Feb – 9 May).
    let with = plan(
        &roadmap,
        &with_breaks(vec![off(date(2027, 3, 1), date(2027, 3, 14), "holiday")]),
    );
    assert_eq!(with.total_weeks, without.total_weeks + 2);
    assert_eq!(with.finish, date(2028, 3, 19));
    assert_eq!(without.finish, date(2028, 3, 5));
    let backend = with.stage("backend");
    assert_eq!(
        backend.map(|s| (s.start, s.end)),
        Some((date(2027, 2, 22), date(2027, 5, 23)))
    );
    assert_eq!(backend.map(|s| (s.weeks, s.break_weeks)), Some((11, 2)));
    // Phase 1 is untouched; everything after backend moved exactly two weeks.
    for ((id, start, end), (_, old_start, old_end)) in dates(&with).into_iter().zip(dates(&without))
    {
        match id.as_str() {
            "advanced-python" => assert_eq!((start, end), (old_start, old_end)),
            "backend" => assert_eq!(start, old_start),
            _ => assert_eq!(
                ((start - old_start).num_days(), (end - old_end).num_days()),
                (14, 14),
                "{id}"
            ),
        }
    }
    // The two break weeks are in the week plan, marked, with no work; the work is the same,
    // in the same order, only later.
    let breaks: Vec<(u32, chrono::NaiveDate, Option<&str>)> = with
        .weeks
        .iter()
        .filter(|w| w.is_break())
        .map(|w| (w.number, w.monday, w.break_label.as_deref()))
        .collect();
    assert_eq!(
        breaks,
        [
            (9, date(2027, 3, 1), Some("holiday")),
            (10, date(2027, 3, 8), Some("holiday"))
        ]
    );
    assert!(
        with.weeks
            .iter()
            .filter(|w| w.is_break())
            .all(|w| w.items.is_empty())
    );
    let work = |s: &study_planner::schedule::Schedule| -> Vec<Vec<String>> {
        s.weeks
            .iter()
            .filter(|w| !w.is_break())
            .map(|w| w.items.clone())
            .collect()
    };
    assert_eq!(work(&with), work(&without));
    assert_eq!(with.breaks[0].weeks_in_plan, 2);
    assert!(with.breaks[0].in_plan());
}

#[test]
fn a_break_takes_each_week_it_touches_and_nothing_outside_the_plan() {
    let roadmap = embedded();
    let base = plan(&roadmap, &settings());
    // Friday 5 – Tuesday 9 Mar touches two weeks: 1 – 14 Mar.
    let long_weekend = plan(
        &roadmap,
        &with_breaks(vec![off(
            date(2027, 3, 5),
            date(2027, 3, 9),
            "long weekend",
        )]),
    );
    assert_eq!(long_weekend.total_weeks, base.total_weeks + 2);
    let taken = &long_weekend.breaks[0];
    assert_eq!(
        (taken.monday, taken.sunday, taken.weeks),
        (date(2027, 3, 1), date(2027, 3, 14), 2)
    );
    // A break before the start, or after the finish, changes nothing.
    for outside in [
        off(date(2026, 12, 1), date(2027, 1, 3), "before"),
        off(date(2028, 3, 6), date(2028, 4, 30), "after"),
    ] {
        let s = plan(&roadmap, &with_breaks(vec![outside.clone()]));
        assert_eq!(dates(&s), dates(&base), "{outside:?}");
        assert_eq!(s.total_weeks, base.total_weeks);
        assert!(!s.breaks[0].in_plan());
    }
    // A break that takes the first week: phase 1 starts the Monday after it.
    let late = plan(
        &roadmap,
        &with_breaks(vec![off(date(2027, 1, 1), date(2027, 1, 6), "flu")]),
    );
    assert_eq!(
        late.stage("advanced-python").map(|s| s.start),
        Some(date(2027, 1, 11))
    );
    assert!(late.weeks[0].is_break());
    assert_eq!(
        late.start,
        date(2027, 1, 4),
        "the plan still begins on the start date"
    );
    // Between two phases: phase 2 starts after it, phase 1 ends before it.
    let between = plan(
        &roadmap,
        &with_breaks(vec![off(date(2027, 2, 22), date(2027, 2, 28), "")]),
    );
    assert_eq!(
        between.stage("advanced-python").map(|s| s.end),
        Some(date(2027, 2, 21))
    );
    assert_eq!(
        between.stage("backend").map(|s| (s.start, s.break_weeks)),
        Some((date(2027, 3, 1), 0))
    );
    assert_eq!(between.weeks[7].break_label.as_deref(), Some("Break"));
}

#[test]
fn overlapping_breaks_count_their_weeks_once() {
    let roadmap = embedded();
    let base = plan(&roadmap, &settings());
    let s = plan(
        &roadmap,
        &with_breaks(vec![
            off(date(2027, 3, 1), date(2027, 3, 21), "exams"),
            off(date(2027, 3, 15), date(2027, 3, 28), "holiday"),
        ]),
    );
    assert_eq!(s.total_weeks, base.total_weeks + 4);
    let labels: Vec<&str> = s
        .weeks
        .iter()
        .filter_map(|w| w.break_label.as_deref())
        .collect();
    assert_eq!(labels, ["exams", "exams", "exams", "holiday"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the breaks, the study weeks are those of the plan without them, in the same
    /// order with the same items; the plan grows by exactly the break weeks it shows, each
    /// one inside a break the learner asked for, and no break week holds phase work.
    #[test]
    fn breaks_add_exactly_their_weeks_and_never_hold_work(
        items in 1usize..200,
        start_days in 0i64..3000,
        specs in prop::collection::vec((-3i64..60, 0i64..7, 0i64..30), 0..4),
        hours in 2.0f32..40.0,
    ) {
        let roadmap = synthetic::roadmap(items);
        let start = date(2020, 1, 1) + chrono::Duration::days(start_days);
        let breaks: Vec<Break> = specs
            .iter()
            .map(|&(weeks, weekday, days)| {
                let first = monday_of(start) + chrono::Duration::days(weeks * 7 + weekday);
                off(first, first + chrono::Duration::days(days), "b")
            })
            .collect();
        let base_settings = PlanSettings { start: Some(PlanDate::clamped(start)), hours_per_week: Some(hours), ..PlanSettings::default() };
        let base = compute(&roadmap, &base_settings, start);
        let with = compute(&roadmap, &PlanSettings { breaks: breaks.clone(), ..base_settings }, start);
        let break_weeks: Vec<_> = with.weeks.iter().filter(|w| w.is_break()).collect();
        prop_assert_eq!(with.total_weeks, base.total_weeks + break_weeks.len() as u32);
        let study: Vec<(&str, u32, &[String])> = with.weeks.iter().filter(|w| !w.is_break())
            .map(|w| (w.stage_id.as_str(), w.stage_week, w.items.as_slice())).collect();
        let expected: Vec<(&str, u32, &[String])> = base.weeks.iter()
            .map(|w| (w.stage_id.as_str(), w.stage_week, w.items.as_slice())).collect();
        prop_assert_eq!(study, expected);
        for week in &with.weeks {
            let in_a_break = breaks.iter().any(|b| {
                b.end >= start && monday_of(b.start.max(start)) <= week.monday && week.monday <= monday_of(b.end)
            });
            prop_assert_eq!(week.is_break(), in_a_break, "week {}", week.number);
            prop_assert_eq!(week.monday.weekday(), chrono::Weekday::Mon);
        }
        // Every stage still ends on a Sunday and spans its study weeks plus its break weeks.
        for stage in with.included() {
            prop_assert_eq!(
                (stage.end - monday_of(stage.start)).num_days() + 1,
                i64::from(stage.weeks + stage.break_weeks) * 7
            );
        }
    }
}

#[test]
fn the_calendar_has_one_all_day_break_event_with_a_stable_uid() {
    use study_planner::export::{ExportFormat, ExportInput, Paper, export};
    let roadmap = embedded();
    let settings = with_breaks(vec![off(date(2027, 3, 3), date(2027, 3, 12), "holiday")]);
    let plan = super::joined(&roadmap, &settings, &Default::default(), date(2027, 1, 4));
    let input = ExportInput {
        plan: &plan,
        paper: Paper::A4,
    };
    let ics = String::from_utf8(export(ExportFormat::Ics, &input).unwrap_or_default())
        .unwrap_or_default();
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(
        unfolded.matches("SUMMARY:Break: holiday").count(),
        1,
        "{unfolded}"
    );
    assert!(
        unfolded.contains("UID:break-2027-03-03-0.python-enterprise@study-planner"),
        "{unfolded}"
    );
    // All day, over the two whole weeks it takes: Mon 1 Mar to Sun 14 Mar (DTEND exclusive).
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20270301"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DTEND;VALUE=DATE:20270315"), "{unfolded}");
}
