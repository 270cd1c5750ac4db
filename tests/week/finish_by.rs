//! Finish by a date: the fewest hours a week whose plan ends on or before it, or a refusal
//! that says why.

use proptest::prelude::*;

use study_planner::date::PlanDate;
use study_planner::progress::{Pace, PlanSettings};
use study_planner::roadmap::synthetic;
use study_planner::schedule::{FinishByError, HOURS_STEP, MAX_FINISH_BY_HOURS, compute, finish_by};

use super::{date, embedded, off, settings, with_breaks};

#[test]
fn finishing_by_30_sep_2027_needs_a_number_of_hours_and_says_so() {
    let roadmap = embedded();
    let today = date(2026, 12, 1);
    let Ok(answer) = finish_by(&roadmap, &settings(), today, date(2027, 9, 30)) else {
        panic!("30 Sep 2027 is reachable");
    };
    let at = |hours: f32| {
        let s = PlanSettings {
            hours_per_week: Some(hours),
            ..settings()
        };
        compute(&roadmap, &s, today).finish
    };
    assert!(at(answer.hours_per_week) <= date(2027, 9, 30));
    assert!(
        at(answer.hours_per_week - HOURS_STEP) > date(2027, 9, 30),
        "the fewest hours"
    );
    assert_eq!(answer.finish, at(answer.hours_per_week));
    assert_eq!(answer.settings.hours_per_week, Some(answer.hours_per_week));
    assert_eq!(
        answer.settings.start,
        settings().start,
        "only the hours change"
    );
    assert!(
        answer.hours_per_week > 10.0,
        "faster than the roadmap's 10 h/week"
    );
    assert!(
        answer.sentence().contains("hours a week (about"),
        "{}",
        answer.sentence()
    );
    // A break on the way needs more hours for the same date.
    let rest = with_breaks(vec![off(date(2027, 3, 1), date(2027, 3, 28), "rest")]);
    let Ok(with_rest) = finish_by(&roadmap, &rest, today, date(2027, 9, 30)) else {
        panic!("still reachable with a break");
    };
    assert!(with_rest.hours_per_week > answer.hours_per_week);
}

#[test]
fn impossible_dates_are_refused_with_the_reason() {
    let roadmap = embedded();
    let today = date(2026, 12, 1);
    let refuse = |date| finish_by(&roadmap, &settings(), today, date).err();
    assert_eq!(
        refuse(date(2026, 11, 30)),
        Some(FinishByError::Passed {
            date: date(2026, 11, 30)
        })
    );
    assert_eq!(
        refuse(date(2027, 1, 1)),
        Some(FinishByError::BeforeStart {
            date: date(2027, 1, 1),
            start: date(2027, 1, 4)
        })
    );
    // Seven stages of at least a week each cannot end within six weeks.
    let Some(FinishByError::CannotFit { earliest, .. }) = refuse(date(2027, 2, 14)) else {
        panic!("too soon: {:?}", refuse(date(2027, 2, 14)));
    };
    assert_eq!(earliest, date(2027, 2, 21));
    assert!(
        refuse(date(2027, 2, 14))
            .map(|e| e.to_string())
            .is_some_and(|e| e.contains("every phase takes at least a week")),
    );
    // Nine weeks: at 60 hours a week the plan takes ten, so it needs 72.5.
    let Some(FinishByError::TooManyHours { needed, .. }) = refuse(date(2027, 3, 7)) else {
        panic!("too many hours: {:?}", refuse(date(2027, 3, 7)));
    };
    assert_eq!(needed, 72.5);
    assert!(needed > MAX_FINISH_BY_HOURS);
    assert!(
        refuse(date(2027, 3, 7))
            .map(|e| e.to_string())
            .is_some_and(|e| e.contains("more than 60")),
    );
    // Lengths the learner set do not scale, and the refusal says so.
    let own = PlanSettings {
        stage_weeks: [("backend".to_owned(), 30)].into(),
        ..settings()
    };
    let Err(err) = finish_by(&roadmap, &own, today, date(2027, 6, 1)) else {
        panic!("30 weeks of backend cannot end by June");
    };
    assert!(
        err.to_string().contains("the phase lengths you set"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whenever finish-by answers, the plan at those hours ends on or before the date, and
    /// half an hour less would not; whenever it refuses for hours, even the hours it needs
    /// exceed 60; when it cannot fit, not even a full week of hours would do.
    #[test]
    fn the_plan_at_the_answered_hours_ends_by_the_date(
        items in 1usize..300,
        start_days in 0i64..2000,
        target_weeks in 1i64..400,
        pace in prop::sample::select(Pace::ALL.to_vec()),
        rest in prop::option::of((0i64..100, 1i64..30)),
    ) {
        let roadmap = synthetic::roadmap(items);
        let start = date(2024, 1, 1) + chrono::Duration::days(start_days);
        let breaks = rest
            .map(|(weeks, days)| {
                let first = start + chrono::Duration::weeks(weeks);
                vec![off(first, first + chrono::Duration::days(days), "rest")]
            })
            .unwrap_or_default();
        let plan = PlanSettings { start: Some(PlanDate::clamped(start)), pace, breaks, ..PlanSettings::default() };
        let by = start + chrono::Duration::weeks(target_weeks);
        let finish_at = |hours: f32| {
            compute(&roadmap, &PlanSettings { hours_per_week: Some(hours), ..plan.clone() }, start).finish
        };
        match finish_by(&roadmap, &plan, start, by) {
            Ok(answer) => {
                prop_assert!(finish_at(answer.hours_per_week) <= by);
                prop_assert!(answer.hours_per_week <= MAX_FINISH_BY_HOURS);
                prop_assert_eq!(answer.finish, finish_at(answer.hours_per_week));
                if answer.hours_per_week > HOURS_STEP {
                    prop_assert!(finish_at(answer.hours_per_week - HOURS_STEP) > by);
                }
            }
            Err(FinishByError::TooManyHours { needed, .. }) => {
                prop_assert!(needed > MAX_FINISH_BY_HOURS);
                prop_assert!(finish_at(needed) <= by);
                prop_assert!(finish_at(MAX_FINISH_BY_HOURS) > by);
            }
            Err(FinishByError::CannotFit { earliest, .. }) => {
                prop_assert!(earliest > by);
                prop_assert_eq!(earliest, finish_at(168.0));
            }
            Err(other) => prop_assert!(false, "unexpected refusal: {other}"),
        }
    }
}
