//! Unit tests of the schedule rules; the properties live in `tests/schedule.rs`.

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

#[test]
fn months_become_weeks_at_52_over_12_rounded() {
    // 1 month = 4.33 weeks → 4; 1.5 → 6.5 → 7 (halves round up); 2 → 8.67 → 9; 3 → 13.
    assert_eq!(weeks_for_months(1.0, 10.0, 10.0), 4);
    assert_eq!(weeks_for_months(1.5, 10.0, 10.0), 7);
    assert_eq!(weeks_for_months(2.0, 10.0, 10.0), 9);
    assert_eq!(weeks_for_months(2.5, 10.0, 10.0), 11);
    assert_eq!(weeks_for_months(3.0, 10.0, 10.0), 13);
    // Half the hours, twice the weeks (before rounding): 2 months = 17.33 → 17.
    assert_eq!(weeks_for_months(2.0, 10.0, 5.0), 17);
    // Double the hours: 2 months = 4.33 → 4.
    assert_eq!(weeks_for_months(2.0, 10.0, 20.0), 4);
    // Never below one week, never above the cap, never a panic.
    assert_eq!(weeks_for_months(0.0, 10.0, 10.0), 1);
    assert_eq!(weeks_for_months(f32::NAN, 10.0, 10.0), 1);
    assert_eq!(weeks_for_months(1000.0, 10.0, 10.0), MAX_STAGE_WEEKS);
    assert_eq!(weeks_for_months(1.0, 10.0, 0.0), 87);
}

#[test]
fn stages_start_on_mondays_after_a_mid_week_start() {
    let roadmap = crate::roadmap::embedded();
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(date(2026, 1, 7))), // a Wednesday
        ..PlanSettings::default()
    };
    let schedule = compute(&roadmap, &settings, date(2020, 1, 1));
    assert_eq!(schedule.start, date(2026, 1, 7));
    assert_eq!(schedule.stages[0].start, date(2026, 1, 7));
    assert_eq!(schedule.weeks[0].monday, date(2026, 1, 5));
    for stage in schedule.included().skip(1) {
        assert_eq!(stage.start.weekday(), Weekday::Mon);
    }
    assert_eq!(schedule.finish.weekday(), Weekday::Sun);
}

#[test]
fn no_start_means_today() {
    let roadmap = crate::roadmap::embedded();
    let schedule = compute(&roadmap, &PlanSettings::default(), date(2026, 11, 25));
    assert_eq!(schedule.start, date(2026, 11, 25));
}

#[test]
fn spread_gives_each_item_once_in_order() {
    let items: Vec<u32> = (0..5).collect();
    let weeks: Vec<&[u32]> = (0..3).map(|w| weeks::spread(&items, w, 3)).collect();
    assert_eq!(weeks, vec![&[0, 1][..], &[2, 3][..], &[4][..]]);
    let few: Vec<&[u32]> = (0..4).map(|w| weeks::spread(&items[..2], w, 4)).collect();
    assert_eq!(few, vec![&[0][..], &[][..], &[1][..], &[][..]]);
    assert!(weeks::spread(&items, 3, 3).is_empty());
    assert!(weeks::spread(&items, 0, 0).is_empty());
}
