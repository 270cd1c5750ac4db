//! The week-by-week plan: every calendar week of the plan with its stage and the items that
//! fall in it, or the break that takes it.

use chrono::{Datelike, NaiveDate};

use super::breaks::{MAX_BREAK_WEEKS, OffWeeks};
use super::{PlanWeek, add_days};

/// Walks the calendar week by week from the plan's first Monday, handing out study weeks to
/// the stages in order and putting a break week wherever a break takes one.
pub(super) struct Walk {
    start_monday: NaiveDate,
    off: OffWeeks,
    weeks: Vec<PlanWeek>,
    break_weeks: u32,
}

/// Where one stage landed in the walk.
pub(super) struct Placed {
    /// Index of its first study week in the plan's weeks.
    pub first_week: usize,
    pub first_monday: NaiveDate,
    pub last_sunday: NaiveDate,
    /// Break weeks between its first and last study week.
    pub break_weeks: u32,
}

impl Walk {
    pub fn new(start_monday: NaiveDate, off: OffWeeks) -> Self {
        Self {
            start_monday,
            off,
            weeks: Vec::new(),
            break_weeks: 0,
        }
    }

    fn monday(&self, index: usize) -> NaiveDate {
        let weeks = i64::try_from(index).unwrap_or(i64::MAX / 8);
        add_days(self.start_monday, weeks.saturating_mul(7))
    }

    /// The break taking the week at `index`, unless the plan already holds its most.
    fn break_at(&self, index: usize, extra: u32) -> Option<usize> {
        if self.break_weeks.saturating_add(extra) >= MAX_BREAK_WEEKS {
            return None;
        }
        self.off.at(self.monday(index))
    }

    /// Weeks placed so far, break weeks too.
    pub fn weeks_so_far(&self) -> usize {
        self.weeks.len()
    }

    /// The Monday the next study week would have, and whether it is the plan's first week.
    pub fn next_study_monday(&self) -> (NaiveDate, bool) {
        let mut index = self.weeks.len();
        let mut extra = 0;
        while self.break_at(index, extra).is_some() {
            index += 1;
            extra += 1;
        }
        (self.monday(index), index == 0)
    }

    /// Adds `count` study weeks of `stage_id`, its `items` spread evenly over them, with any
    /// break weeks that fall before or between them.
    pub fn place(&mut self, stage_id: &str, items: &[&str], count: u32) -> Placed {
        let mut first_week = None;
        let mut break_weeks = 0;
        for week_in_stage in 0..count {
            while let Some(index) = self.break_at(self.weeks.len(), 0) {
                let label = self
                    .off
                    .breaks
                    .get(index)
                    .map(|b| b.label.clone())
                    .unwrap_or_default();
                let monday = self.monday(self.weeks.len());
                self.off.count_in_plan(monday);
                self.push(monday, stage_id, 0, Vec::new(), Some(label));
                self.break_weeks += 1;
                if first_week.is_some() {
                    break_weeks += 1;
                }
            }
            first_week.get_or_insert(self.weeks.len());
            let monday = self.monday(self.weeks.len());
            let ids = spread(items, week_in_stage, count)
                .iter()
                .map(|id| (*id).to_owned())
                .collect();
            self.push(monday, stage_id, week_in_stage + 1, ids, None);
        }
        let first_week = first_week.unwrap_or(self.weeks.len());
        Placed {
            first_week,
            first_monday: self.monday(first_week),
            last_sunday: add_days(self.monday(self.weeks.len()), -1),
            break_weeks,
        }
    }

    fn push(
        &mut self,
        monday: NaiveDate,
        stage_id: &str,
        stage_week: u32,
        items: Vec<String>,
        break_label: Option<String>,
    ) {
        let iso = monday.iso_week();
        let number = u32::try_from(self.weeks.len() + 1).unwrap_or(u32::MAX);
        self.weeks.push(PlanWeek {
            number,
            iso_year: iso.year(),
            iso_week: iso.week(),
            monday,
            sunday: add_days(monday, 6),
            stage_id: stage_id.to_owned(),
            stage_week,
            items,
            break_label,
        });
    }

    pub fn finish(self) -> (Vec<PlanWeek>, Vec<super::ScheduledBreak>) {
        (self.weeks, self.off.breaks)
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
