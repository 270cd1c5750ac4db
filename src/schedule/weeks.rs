//! The week-by-week plan: every calendar week of the plan with its stage and the items that
//! fall in it.

use chrono::{Datelike, NaiveDate};

use super::{PlanWeek, ScheduledStage, add_days};
use crate::roadmap::Stage;

/// Appends the calendar weeks of one included stage, whose items are `stage.items`, to
/// `weeks` (the plan's weeks so far, which start at `start_monday`).
pub(super) fn push_stage_weeks(
    stage: &Stage<'_>,
    scheduled: &ScheduledStage,
    start_monday: NaiveDate,
    weeks: &mut Vec<PlanWeek>,
) {
    let ids: Vec<&str> = stage
        .items
        .iter()
        .map(|item| item.item.id.as_str())
        .collect();
    for week_in_stage in 0..scheduled.weeks {
        let number = u32::try_from(weeks.len()).unwrap_or(u32::MAX);
        let monday = add_days(start_monday, i64::from(number) * 7);
        let iso = monday.iso_week();
        weeks.push(PlanWeek {
            number: number.saturating_add(1),
            iso_year: iso.year(),
            iso_week: iso.week(),
            monday,
            sunday: add_days(monday, 6),
            stage_id: scheduled.id.clone(),
            stage_week: week_in_stage + 1,
            items: spread(&ids, week_in_stage, scheduled.weeks)
                .iter()
                .map(|id| (*id).to_owned())
                .collect(),
        });
    }
}

/// The items of week `week` (0-based) of `weeks` when `items` are spread evenly and in order:
/// week k gets items `ceil(k·n/w) .. ceil((k+1)·n/w)`, so the first week always has one when
/// there are any, each item appears exactly once, and no week has more than one item above
/// any other.
pub(super) fn spread<T>(items: &[T], week: u32, weeks: u32) -> &[T] {
    if weeks == 0 || week >= weeks {
        return &[];
    }
    let n = items.len() as u64;
    let w = u64::from(weeks);
    let bound = |k: u64| usize::try_from((k * n).div_ceil(w)).unwrap_or(items.len());
    let from = bound(u64::from(week)).min(items.len());
    let to = bound(u64::from(week) + 1).min(items.len());
    &items[from..to]
}
