//! The honest forecast: pace in the roadmap's own effort, only ticks since the start, no
//! forecast without a real sample, a range while the sample is small. One test per symptom
//! a new user met (issue 12).

use chrono::NaiveDate;

use study_planner::plan::{ForecastStatus, item_hours};
use study_planner::progress::{ItemState, Pace, PlanSettings, RoadmapProgress};
use study_planner::roadmap::Roadmap;
use study_planner::schedule::Schedule;

use super::{date, embedded, forecast, off, plan, settings, with_breaks};

/// The first `count` items of the roadmap, in study order.
fn first_items(roadmap: &Roadmap, count: usize) -> Vec<String> {
    roadmap
        .items()
        .take(count)
        .map(|i| i.item.id.clone())
        .collect()
}

/// The roadmap's estimated hours of these items.
fn hours_of(roadmap: &Roadmap, ids: &[String]) -> f64 {
    roadmap
        .stages()
        .iter()
        .map(|stage| {
            let each = item_hours(roadmap, stage);
            each * stage
                .items
                .iter()
                .filter(|i| ids.contains(&i.item.id))
                .count() as f64
        })
        .sum()
}

/// Ticks item `i` of `ids` done on `days[i % days.len()]`.
fn tick(progress: &mut RoadmapProgress, ids: &[String], days: &[NaiveDate]) {
    for (i, id) in ids.iter().enumerate() {
        progress.set_state(id, ItemState::Done, days[i % days.len()]);
    }
}

/// The forecast's finish computed by hand: the remaining estimate hours at the measured
/// hours per study day, from tomorrow.
fn by_hand(
    roadmap: &Roadmap,
    s: &Schedule,
    progress: &RoadmapProgress,
    today: NaiveDate,
    done_hours: f64,
    study_days: i64,
) -> NaiveDate {
    let mut remaining = 0.0;
    for (scheduled, stage) in s.stages.iter().zip(roadmap.stages()) {
        if scheduled.included {
            let each = item_hours(roadmap, &stage);
            remaining += each
                * stage
                    .items
                    .iter()
                    .filter(|i| !progress.state(&i.item.id).is_complete())
                    .count() as f64;
        }
    }
    let days = (remaining / (done_hours / study_days as f64)).ceil() as u64;
    today + chrono::Days::new(days)
}

#[test]
fn six_items_ticked_on_day_one_give_no_forecast_until_two_weeks_in() {
    // The symptom: catching up on day one gave "finish 81 weeks before the plan".
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let mut progress = RoadmapProgress::default();
    tick(
        &mut progress,
        &first_items(&roadmap, 6),
        &[date(2027, 1, 4)],
    );
    for today in [date(2027, 1, 4), date(2027, 1, 10), date(2027, 1, 16)] {
        let f = forecast(&roadmap, &s, &progress, today);
        assert_eq!(
            f.status,
            ForecastStatus::TooEarly {
                from: date(2027, 1, 17)
            },
            "{today}"
        );
        assert_eq!((f.finish, f.range), (None, None));
        assert_eq!(
            f.sentence(),
            "No forecast yet: it needs two weeks of the plan and 3 items ticked done, so it \
             can appear from 17 Jan 2027."
        );
    }
    // Two weeks in there is a forecast, but only as a range: 6 items is a small sample.
    let f = forecast(&roadmap, &s, &progress, date(2027, 1, 17));
    assert_eq!(f.status, ForecastStatus::Forecast);
    let (Some(finish), Some((earliest, latest))) = (f.finish, f.range) else {
        panic!("a range: {f:?}");
    };
    assert!(earliest < finish && finish < latest, "{f:?}");
    assert!(
        f.sentence()
            .contains("a range, because 6 items is a small sample"),
        "{}",
        f.sentence()
    );
}

#[test]
fn changing_pace_or_hours_does_not_change_how_fast_the_learner_was() {
    // The symptom: changing pace or hours swung the forecast from 47 weeks early to 11 weeks
    // late to 66 weeks early.
    let roadmap = embedded();
    let mut progress = RoadmapProgress::default();
    let days = [
        date(2027, 1, 6),
        date(2027, 1, 13),
        date(2027, 1, 20),
        date(2027, 1, 27),
        date(2027, 2, 2),
    ];
    tick(&mut progress, &first_items(&roadmap, 12), &days);
    let today = date(2027, 2, 7);
    let reference = forecast(&roadmap, &plan(&roadmap, &settings()), &progress, today);
    assert!(reference.finish.is_some(), "{reference:?}");
    for pace in Pace::ALL {
        for hours in [None, Some(3.0), Some(10.0), Some(25.0)] {
            let tuned = PlanSettings {
                pace,
                hours_per_week: hours,
                ..settings()
            };
            let s = plan(&roadmap, &tuned);
            let f = forecast(&roadmap, &s, &progress, today);
            assert_eq!(
                (f.finish, f.range, f.items_done, f.window_study_days),
                (
                    reference.finish,
                    reference.range,
                    reference.items_done,
                    reference.window_study_days
                ),
                "{pace:?} {hours:?}"
            );
            assert!((f.hours_per_week() - reference.hours_per_week()).abs() < 1e-9);
            assert!((f.remaining_hours - reference.remaining_hours).abs() < 1e-9);
        }
    }
}

#[test]
fn ticks_before_the_start_never_count_toward_the_pace() {
    // The symptom: ticks made before the plan's start counted toward "your pace of the last
    // 4 weeks".
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let mut progress = RoadmapProgress::default();
    let known = first_items(&roadmap, 13);
    tick(
        &mut progress,
        &known[..10],
        &[date(2026, 12, 20), date(2027, 1, 2), date(2027, 1, 3)],
    );
    let today = date(2027, 1, 25);
    let f = forecast(&roadmap, &s, &progress, today);
    assert_eq!(f.status, ForecastStatus::TooFewItems);
    assert_eq!(
        (f.items_done, f.window_first, f.window_study_days),
        (0, date(2027, 1, 4), 22)
    );
    assert_eq!(
        f.sentence(),
        "No forecast yet: 0 items ticked done in the last 22 days; a forecast needs at least 3."
    );
    // Three ticks inside the plan: only those three make the pace.
    tick(&mut progress, &known[10..], &[date(2027, 1, 20)]);
    let f = forecast(&roadmap, &s, &progress, today);
    assert_eq!((f.status, f.items_done), (ForecastStatus::Forecast, 3));
    let hours = hours_of(&roadmap, &known[10..]);
    assert!((f.hours_done - hours).abs() < 1e-9);
    assert_eq!(
        f.finish,
        Some(by_hand(&roadmap, &s, &progress, today, hours, 22))
    );
}

#[test]
fn a_full_window_gives_one_date_from_the_roadmap_effort() {
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let mut progress = RoadmapProgress::default();
    let days = [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 26),
    ];
    let ticked = first_items(&roadmap, 12);
    tick(&mut progress, &ticked, &days);
    let today = date(2027, 1, 31);
    let f = forecast(&roadmap, &s, &progress, today);
    assert_eq!(
        (f.status, f.window_study_days, f.items_done),
        (ForecastStatus::Forecast, 28, 12)
    );
    assert_eq!(f.range, None, "12 items over four weeks is a firm sample");
    let finish = by_hand(
        &roadmap,
        &s,
        &progress,
        today,
        hours_of(&roadmap, &ticked),
        28,
    );
    assert_eq!(f.finish, Some(finish));
    let weeks = ((finish - s.finish).num_days() as f64 / 7.0).round() as i64;
    let versus = match weeks {
        0 => "in line with the plan".to_owned(),
        n if n > 0 => format!("{n} weeks after the plan"),
        n => format!("{} weeks before the plan", -n),
    };
    assert_eq!(
        f.sentence(),
        format!(
            "At your pace of the last 4 weeks you finish on {}, {versus}.",
            finish.format("%-d %b %Y")
        )
    );
}

#[test]
fn before_the_start_there_is_no_forecast() {
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let f = forecast(
        &roadmap,
        &s,
        &RoadmapProgress::default(),
        date(2026, 12, 30),
    );
    assert_eq!(
        f.status,
        ForecastStatus::NotStarted {
            start: date(2027, 1, 4)
        }
    );
    assert!(
        f.sentence()
            .starts_with("No forecast yet: your plan starts on 4 Jan 2027.")
    );
}

#[test]
fn breaks_are_skipped_looking_back_and_looking_ahead() {
    let roadmap = embedded();
    let mut progress = RoadmapProgress::default();
    let days = [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 26),
    ];
    tick(&mut progress, &first_items(&roadmap, 12), &days);
    let plain = forecast(
        &roadmap,
        &plan(&roadmap, &settings()),
        &progress,
        date(2027, 1, 31),
    );
    // Two weeks off right after: measured at the end of the break, the pace is the same (the
    // window reaches back over the break) and the finish is two weeks later.
    let rest = with_breaks(vec![off(date(2027, 2, 1), date(2027, 2, 14), "rest")]);
    let after = forecast(
        &roadmap,
        &plan(&roadmap, &rest),
        &progress,
        date(2027, 2, 14),
    );
    assert_eq!(
        (after.window_first, after.window_study_days),
        (date(2027, 1, 4), 28)
    );
    assert!((after.hours_per_week() - plain.hours_per_week()).abs() < 1e-9);
    assert_eq!(
        after.finish,
        plain.finish.map(|d| d + chrono::Days::new(14))
    );
    assert!(
        after
            .sentence()
            .starts_with("At your pace of your last 4 weeks of study"),
        "{}",
        after.sentence()
    );
    // A break still to come moves the forecast finish by exactly its length.
    let summer = with_breaks(vec![off(date(2027, 3, 1), date(2027, 3, 21), "spring")]);
    assert!(plain.finish > Some(date(2027, 3, 21)), "{plain:?}");
    let ahead = forecast(
        &roadmap,
        &plan(&roadmap, &summer),
        &progress,
        date(2027, 1, 31),
    );
    assert_eq!(
        ahead.finish,
        plain.finish.map(|d| d + chrono::Days::new(21))
    );
}
