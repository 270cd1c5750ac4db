//! The week-by-week plan: every calendar week of the plan with its stage and the items that
//! fall in it.

use chrono::Datelike;

use super::{PlanWeek, ScheduledStage, add_days};
use crate::roadmap::Roadmap;

/// One [`PlanWeek`] per calendar week of the included stages, starting at `start_monday`.
pub(super) fn plan_weeks(
    roadmap: &Roadmap,
    stages: &[ScheduledStage],
    start_monday: chrono::NaiveDate,
) -> Vec<PlanWeek> {
    let roadmap_stages = roadmap.stages();
    let mut weeks = Vec::new();
    let mut number: u32 = 0;
    for (scheduled, stage) in stages.iter().zip(&roadmap_stages) {
        if !scheduled.included {
            continue;
        }
        let ids: Vec<&str> = stage
            .items
            .iter()
            .map(|item| item.item.id.as_str())
            .collect();
        for week_in_stage in 0..scheduled.weeks {
            let monday = add_days(start_monday, i64::from(number) * 7);
            let iso = monday.iso_week();
            number = number.saturating_add(1);
            weeks.push(PlanWeek {
                number,
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
    weeks
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
