//! Breaks as the schedule sees them: whole calendar weeks off, on or after the plan's start.
//!
//! A break takes every calendar week (Monday to Sunday) it touches from the plan's start on,
//! because the plan is made of whole weeks: a week is either study or a break, never half of
//! each. A break that ends before the plan starts takes nothing. The forecast reads the same
//! weeks, so a break is counted nowhere as time the learner should have studied.

use chrono::NaiveDate;
use serde::Serialize;

use super::{add_days, monday_of};
use crate::progress::Break;

/// At most this many break weeks in one plan (ten years); weeks beyond it are studied. Keeps a
/// hand-edited file with absurd breaks from growing the plan without bound.
pub const MAX_BREAK_WEEKS: u32 = 520;

/// One of the learner's breaks with the weeks it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScheduledBreak {
    /// The learner's label, or "Break".
    pub label: String,
    /// The learner's first and last day (inclusive, in order).
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The Monday of the first week it takes and the Sunday of the last (inclusive); for a
    /// break before the plan's start, the weeks of its own dates.
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    /// Calendar weeks from `monday` to `sunday`; 0 for a break that ends before the start.
    pub weeks: u32,
    /// How many of those are weeks of the plan (0 when the plan is over before it begins).
    pub weeks_in_plan: u32,
}

impl ScheduledBreak {
    /// The break holds weeks of the plan: it shows on the timeline and in the week plan.
    pub fn in_plan(&self) -> bool {
        self.weeks_in_plan > 0
    }
}

/// The breaks sorted by first week, for the schedule's walk through the calendar.
pub(super) struct OffWeeks {
    /// (first Monday, last Sunday, index into `breaks`), sorted by Monday then input order.
    spans: Vec<(NaiveDate, NaiveDate, usize)>,
    pub breaks: Vec<ScheduledBreak>,
}

impl OffWeeks {
    pub fn new(breaks: &[Break], plan_start: NaiveDate) -> Self {
        let mut scheduled = Vec::with_capacity(breaks.len());
        let mut spans = Vec::with_capacity(breaks.len());
        for (index, one) in breaks.iter().enumerate() {
            let (first, last) = one.days();
            let from = first.max(plan_start);
            let (monday, sunday, weeks) = if last < plan_start {
                (monday_of(first), add_days(monday_of(last), 6), 0)
            } else {
                let monday = monday_of(from);
                let days = (add_days(monday_of(last), 6) - monday).num_days() + 1;
                let weeks = u32::try_from(days / 7)
                    .unwrap_or(u32::MAX)
                    .clamp(1, MAX_BREAK_WEEKS);
                (monday, add_days(monday, i64::from(weeks) * 7 - 1), weeks)
            };
            if weeks > 0 {
                spans.push((monday, sunday, index));
            }
            scheduled.push(ScheduledBreak {
                label: one.name().to_owned(),
                start: first,
                end: last,
                monday,
                sunday,
                weeks,
                weeks_in_plan: 0,
            });
        }
        spans.sort();
        Self {
            spans,
            breaks: scheduled,
        }
    }

    /// The break (index into `breaks`) that takes the week of `monday`: the earliest-starting
    /// one when several overlap.
    pub fn at(&self, monday: NaiveDate) -> Option<usize> {
        self.spans
            .iter()
            .take_while(|(first, _, _)| *first <= monday)
            .find(|(_, last, _)| monday <= *last)
            .map(|(_, _, index)| *index)
    }

    /// Counts one week of the plan against each break that covers it.
    pub fn count_in_plan(&mut self, monday: NaiveDate) {
        for (first, last, index) in &self.spans {
            if *first <= monday
                && monday <= *last
                && let Some(one) = self.breaks.get_mut(*index)
            {
                one.weeks_in_plan += 1;
            }
        }
    }
}

/// The days the breaks take (their whole weeks), merged into disjoint inclusive spans in
/// order: what the forecast skips, looking back over the learner's pace and forward to the
/// finish.
pub(crate) fn off_days(breaks: &[ScheduledBreak]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = breaks
        .iter()
        .filter(|b| b.weeks > 0)
        .map(|b| (b.monday, b.sunday))
        .collect();
    spans.sort();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
    for (first, last) in spans {
        match merged.last_mut() {
            Some((_, end)) if first <= add_days(*end, 1) => *end = (*end).max(last),
            _ => merged.push((first, last)),
        }
    }
    merged
}

/// The day `study_days` study days after `from` (not counting `from`), skipping `off` days.
pub(crate) fn add_study_days(
    from: NaiveDate,
    study_days: i64,
    off: &[(NaiveDate, NaiveDate)],
) -> NaiveDate {
    let mut day = add_days(from, study_days);
    for &(first, last) in off {
        if last <= from {
            continue;
        }
        let first = first.max(add_days(from, 1));
        if first > day {
            break;
        }
        day = add_days(day, (last - first).num_days() + 1);
    }
    day
}

/// The first day of the span of `study_days` study days that ends on `to` (inclusive),
/// skipping `off` days, never before `earliest`; with the number of study days it holds.
pub(crate) fn study_days_back(
    to: NaiveDate,
    study_days: i64,
    earliest: NaiveDate,
    off: &[(NaiveDate, NaiveDate)],
) -> (NaiveDate, i64) {
    let mut first = add_days(to, 1 - study_days);
    for &(from, last) in off.iter().rev() {
        if from > to {
            continue;
        }
        let last = last.min(to);
        if last < first {
            break;
        }
        first = add_days(first, -((last - from).num_days() + 1));
    }
    let first = first.max(earliest);
    (first, study_days_between(first, to, off))
}

/// Study days from `first` to `last`, both inclusive: the days no break takes.
pub(crate) fn study_days_between(
    first: NaiveDate,
    last: NaiveDate,
    off: &[(NaiveDate, NaiveDate)],
) -> i64 {
    if last < first {
        return 0;
    }
    let mut days = (last - first).num_days() + 1;
    for &(from, to) in off {
        let (from, to) = (from.max(first), to.min(last));
        if from <= to {
            days -= (to - from).num_days() + 1;
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
    }

    fn holiday(start: NaiveDate, end: NaiveDate) -> Break {
        Break {
            start,
            end,
            label: "holiday".into(),
        }
    }

    #[test]
    fn a_break_takes_every_week_it_touches_from_the_start_on() {
        // Wed 23 Dec 2026 – Sat 2 Jan 2027 touches two weeks: 21 Dec – 3 Jan.
        let off = OffWeeks::new(
            &[holiday(date(2026, 12, 23), date(2027, 1, 2))],
            date(2026, 1, 1),
        );
        let b = &off.breaks[0];
        assert_eq!(
            (b.monday, b.sunday, b.weeks),
            (date(2026, 12, 21), date(2027, 1, 3), 2)
        );
        assert_eq!(off.at(date(2026, 12, 28)), Some(0));
        assert_eq!(off.at(date(2027, 1, 4)), None);
        // Before the plan's start it takes nothing; across the start, only from the start.
        let off = OffWeeks::new(
            &[holiday(date(2026, 12, 1), date(2026, 12, 31))],
            date(2027, 1, 1),
        );
        assert_eq!(off.breaks[0].weeks, 0);
        assert_eq!(off.at(date(2026, 12, 28)), None);
        let off = OffWeeks::new(
            &[holiday(date(2026, 12, 1), date(2027, 1, 10))],
            date(2027, 1, 6),
        );
        assert_eq!(
            (off.breaks[0].monday, off.breaks[0].weeks),
            (date(2027, 1, 4), 1)
        );
        // Dates given backwards are read in order; a label of spaces reads "Break".
        let backwards = Break {
            start: date(2027, 1, 10),
            end: date(2027, 1, 4),
            label: "  ".into(),
        };
        assert_eq!(backwards.days(), (date(2027, 1, 4), date(2027, 1, 10)));
        assert_eq!(backwards.name(), "Break");
    }

    #[test]
    fn overlapping_breaks_name_the_week_after_the_earliest() {
        let exams = Break {
            start: date(2027, 1, 11),
            end: date(2027, 1, 31),
            label: "exams".into(),
        };
        let off = OffWeeks::new(
            &[exams, holiday(date(2027, 1, 4), date(2027, 1, 17))],
            date(2027, 1, 1),
        );
        assert_eq!(off.at(date(2027, 1, 4)), Some(1));
        assert_eq!(off.at(date(2027, 1, 11)), Some(1));
        assert_eq!(off.at(date(2027, 1, 18)), Some(0));
        let merged = off_days(&off.breaks);
        assert_eq!(merged, vec![(date(2027, 1, 4), date(2027, 1, 31))]);
    }

    #[test]
    fn study_days_skip_the_break_weeks() {
        let off = vec![(date(2027, 1, 4), date(2027, 1, 17))];
        // From Sun 3 Jan, 1 study day is Mon 18 Jan; from Fri 1 Jan, 2 study days: Sat, Sun.
        assert_eq!(add_study_days(date(2027, 1, 3), 1, &off), date(2027, 1, 18));
        assert_eq!(add_study_days(date(2027, 1, 1), 2, &off), date(2027, 1, 3));
        assert_eq!(add_study_days(date(2027, 1, 1), 3, &off), date(2027, 1, 18));
        // Inside the break, the count starts after it.
        assert_eq!(
            add_study_days(date(2027, 1, 10), 1, &off),
            date(2027, 1, 18)
        );
        // Back from Wed 20 Jan: 3 study days are 18–20 Jan; 5 reach back to Sat 2 Jan.
        assert_eq!(
            study_days_back(date(2027, 1, 20), 3, date(2000, 1, 1), &off),
            (date(2027, 1, 18), 3)
        );
        assert_eq!(
            study_days_back(date(2027, 1, 20), 5, date(2000, 1, 1), &off),
            (date(2027, 1, 2), 5)
        );
        // Never before the earliest day.
        assert_eq!(
            study_days_back(date(2027, 1, 20), 28, date(2027, 1, 1), &off),
            (date(2027, 1, 1), 6)
        );
        assert_eq!(
            study_days_between(date(2027, 1, 1), date(2027, 1, 31), &off),
            17
        );
        assert_eq!(
            study_days_between(date(2027, 1, 5), date(2027, 1, 4), &off),
            0
        );
    }
}
