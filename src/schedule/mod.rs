//! Turning a roadmap and the learner's plan settings into dates. Pure: no egui, no disk.
//!
//! The rules, in one place (the README repeats them):
//! - **Months become weeks** as `round(months × 52/12 × roadmap hours ÷ learner hours)`, at least
//!   1 and at most [`MAX_STAGE_WEEKS`]. The pace picks the months: fast = the low end of each
//!   estimate, steady = the middle, relaxed = the high end. A per-stage length in weeks set by
//!   the learner replaces that (it is not scaled by hours) and is flagged when it lies outside
//!   the estimate at the learner's hours.
//! - **Whole calendar weeks.** The plan begins on the start date. Every stage is a whole number
//!   of calendar weeks, Monday to Sunday, so a plan that starts mid-week has a short first week;
//!   every later stage starts on a Monday and every stage ends on a Sunday. Stages follow one
//!   another with no gap (but a break) and no overlap, the final project last. All end dates
//!   are inclusive.
//! - Optional phases the learner left out are listed with `included == false` and take no time.
//! - **Breaks** take whole calendar weeks: every week a break touches, from the plan's start
//!   on. No phase work happens in a break week; the stage under way pauses and resumes after
//!   it, and every later stage moves, so the plan grows by exactly the break's weeks (breaks
//!   after the last study week change nothing). Break weeks are in [`Schedule::weeks`], marked.
//!
//! This module must never import egui or touch the disk: the window, the command line and the
//! exports all show the numbers computed here, so they always agree.

mod breaks;
mod finish_by;
mod text;
mod weeks;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::date::PlanDate;
use crate::progress::{Pace, PlanSettings};
use crate::roadmap::{MonthRange, Roadmap};
pub use breaks::{MAX_BREAK_WEEKS, ScheduledBreak};
pub(crate) use breaks::{add_study_days, off_days, study_days_back};
pub use finish_by::{FinishBy, FinishByError, HOURS_STEP, MAX_FINISH_BY_HOURS, finish_by};
pub use text::{date_range, long_date, short_date, weeks_range, weeks_range_text, weeks_text};

/// Longest a single stage may be planned for: ten years. Longer inputs are clamped.
pub const MAX_STAGE_WEEKS: u32 = 520;

/// Weekly hours are clamped into this range before scaling (a week has 168 hours).
pub const MIN_HOURS_PER_WEEK: f32 = 0.5;
pub const MAX_HOURS_PER_WEEK: f32 = 168.0;

/// Weeks in a month, on average: 52 weeks over 12 months.
pub(crate) const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The computed plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schedule {
    /// First day of study (the learner's start date, or today when none is set).
    pub start: NaiveDate,
    /// Last day of study, inclusive (always a Sunday).
    pub finish: NaiveDate,
    /// Calendar weeks from the start week to the finish week: the sum of the included stages
    /// and the break weeks between them.
    pub total_weeks: u32,
    /// Weekly study hours the lengths were computed for.
    pub hours_per_week: f32,
    /// Every stage of the roadmap in order, excluded optional ones too (`included == false`).
    pub stages: Vec<ScheduledStage>,
    /// Every calendar week of the plan, in order, break weeks too.
    pub weeks: Vec<PlanWeek>,
    /// The learner's breaks in the order they were given, with the weeks each takes (the
    /// timeline and the exports draw the ones [in the plan](ScheduledBreak::in_plan)).
    pub breaks: Vec<ScheduledBreak>,
}

/// One phase (or the final project) with its dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScheduledStage {
    pub id: String,
    /// Phase number; `None` for the final project.
    pub number: Option<u32>,
    pub title: String,
    pub short_title: String,
    pub optional: bool,
    /// `false` for an optional phase the learner left out.
    pub included: bool,
    /// First day. For an excluded stage: the day it would start if it were put back.
    pub start: NaiveDate,
    /// Last day, inclusive (a Sunday). For an excluded stage: the same as `start`.
    pub end: NaiveDate,
    /// Planned length in study weeks. For an excluded stage: what it would take if included.
    pub weeks: u32,
    /// Break weeks inside the stage (between its first and last study week): `end` lies this
    /// many weeks later than `weeks` alone would put it.
    pub break_weeks: u32,
    /// The roadmap's estimate (min, max) converted to weeks at the learner's hours.
    pub estimate_weeks: (u32, u32),
    /// What the pace preset alone would give (what "reset to the estimates" returns to).
    pub preset_weeks: u32,
    /// The learner set a length of their own.
    pub overridden: bool,
    /// The planned length lies outside `estimate_weeks`.
    pub outside_estimate: bool,
    /// Index of the stage's first week in [`Schedule::weeks`] (meaningless when excluded).
    pub first_week: usize,
}

/// One calendar week of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanWeek {
    /// 1-based week of the plan.
    pub number: u32,
    /// ISO 8601 year and week number of this week ("2026-W48").
    pub iso_year: i32,
    pub iso_week: u32,
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    /// The stage studied this week; for a break week, the stage it holds up (the one studied
    /// in the next study week).
    pub stage_id: String,
    /// 1-based study week within that stage; 0 for a break week.
    pub stage_week: u32,
    /// Item ids first studied this week, in study order; the stage's items are spread evenly
    /// over its study weeks, so some weeks of a long stage have none (time to practise). A
    /// break week has none.
    pub items: Vec<String>,
    /// The break's label when the week is a break: no phase work happens in it.
    pub break_label: Option<String>,
}

impl PlanWeek {
    pub fn is_break(&self) -> bool {
        self.break_label.is_some()
    }
}

impl ScheduledStage {
    /// The name lists and the timeline use: "2. Backend Development", or the final project's
    /// short title.
    pub fn label(&self) -> String {
        match self.number {
            Some(n) => format!("{n}. {}", self.short_title),
            None => self.short_title.clone(),
        }
    }
}

impl Schedule {
    /// The included stages, in order.
    pub fn included(&self) -> impl Iterator<Item = &ScheduledStage> {
        self.stages.iter().filter(|s| s.included)
    }

    pub fn stage(&self, id: &str) -> Option<&ScheduledStage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Index into [`Self::weeks`] of the week holding `date`, if the plan covers it.
    pub fn week_index_of(&self, date: NaiveDate) -> Option<usize> {
        let first = self.weeks.first()?;
        if date < first.monday {
            return None;
        }
        let index = usize::try_from((date - first.monday).num_days() / 7).ok()?;
        (index < self.weeks.len()).then_some(index)
    }
}

/// Computes the plan. Never panics, whatever the settings hold.
pub fn compute(roadmap: &Roadmap, settings: &PlanSettings, today: NaiveDate) -> Schedule {
    let start = settings
        .start
        .unwrap_or_else(|| PlanDate::clamped(today))
        .get();
    let hours = effective_hours(roadmap.hours_per_week, settings.hours_per_week);
    let start_monday = monday_of(start);
    let mut walk = weeks::Walk::new(start_monday, breaks::OffWeeks::new(&settings.breaks, start));

    let mut stages = Vec::new();
    for stage in roadmap.stages() {
        let estimate = estimate_weeks(stage.duration_months, roadmap.hours_per_week, hours);
        let preset = preset_weeks(
            stage.duration_months,
            settings.pace,
            roadmap.hours_per_week,
            hours,
        );
        let own = settings.stage_weeks.get(stage.id).copied();
        let weeks = own.map_or(preset, |w| w.clamp(1, MAX_STAGE_WEEKS));
        let included = !(stage.optional && settings.excluded.contains(stage.id));
        let (first_week, stage_start, end, break_weeks) = if included {
            let ids: Vec<&str> = stage.items.iter().map(|i| i.item.id.as_str()).collect();
            let placed = walk.place(stage.id, &ids, weeks);
            let first_day = if placed.first_week == 0 {
                start
            } else {
                placed.first_monday
            };
            (
                placed.first_week,
                first_day,
                placed.last_sunday,
                placed.break_weeks,
            )
        } else {
            let (monday, first) = walk.next_study_monday();
            let day = if first { start } else { monday };
            (walk.weeks_so_far(), day, day, 0)
        };
        // `max`: a plan saturating at chrono's last date must still never end before it starts.
        let end = end.max(stage_start);
        stages.push(ScheduledStage {
            id: stage.id.to_owned(),
            number: stage.number,
            title: stage.title.to_owned(),
            short_title: stage.short_title.to_owned(),
            optional: stage.optional,
            included,
            start: stage_start,
            end,
            weeks,
            break_weeks,
            estimate_weeks: estimate,
            preset_weeks: preset,
            overridden: own.is_some(),
            outside_estimate: weeks < estimate.0 || weeks > estimate.1,
            first_week,
        });
    }
    let (weeks, breaks) = walk.finish();
    let total_weeks = u32::try_from(weeks.len()).unwrap_or(u32::MAX);
    let finish = weeks.last().map_or(start, |week| week.sunday.max(start));
    Schedule {
        start,
        finish,
        total_weeks,
        hours_per_week: hours,
        stages,
        weeks,
        breaks,
    }
}

/// The weekly hours the plan uses: the learner's, else the roadmap's; clamped to
/// [`MIN_HOURS_PER_WEEK`]..=[`MAX_HOURS_PER_WEEK`], and the roadmap's when not a number.
pub fn effective_hours(roadmap_hours: f32, learner_hours: Option<f32>) -> f32 {
    let hours = learner_hours
        .filter(|h| h.is_finite())
        .unwrap_or(roadmap_hours);
    if hours.is_finite() {
        hours.clamp(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
    } else {
        // Only reachable for a roadmap that skipped validation.
        10.0
    }
}

/// `round(months × 52/12 × roadmap_hours ÷ learner_hours)`, clamped to 1..=[`MAX_STAGE_WEEKS`].
/// Halves round up (1.5 months at the roadmap's hours: 6.5 → 7 weeks).
pub fn weeks_for_months(months: f32, roadmap_hours: f32, learner_hours: f32) -> u32 {
    let learner = effective_hours(roadmap_hours, Some(learner_hours));
    let roadmap = effective_hours(roadmap_hours, None);
    let weeks = f64::from(months) * WEEKS_PER_MONTH * f64::from(roadmap) / f64::from(learner);
    if weeks.is_nan() {
        return 1;
    }
    // The cast saturates; the clamp keeps it in range.
    (weeks.round() as u32).clamp(1, MAX_STAGE_WEEKS)
}

/// An estimate in months as (min, max) weeks at the learner's hours.
fn estimate_weeks(range: MonthRange, roadmap_hours: f32, hours: f32) -> (u32, u32) {
    let low = weeks_for_months(range.min, roadmap_hours, hours);
    let high = weeks_for_months(range.max, roadmap_hours, hours);
    (low.min(high), low.max(high))
}

/// The length the pace preset gives a stage.
pub fn preset_weeks(range: MonthRange, pace: Pace, roadmap_hours: f32, hours: f32) -> u32 {
    let months = match pace {
        Pace::Fast => range.min,
        Pace::Steady => range.mid(),
        Pace::Relaxed => range.max,
    };
    weeks_for_months(months, roadmap_hours, hours)
}

/// The Monday on or before `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = i64::from(date.weekday().num_days_from_monday());
    add_days(date, -back)
}

/// `date + days`, saturating at chrono's first and last dates rather than panicking. Every
/// piece of date arithmetic on a plan goes through here (or [`monday_of`]).
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    let moved = if days >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    };
    moved.unwrap_or(if days >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

#[cfg(test)]
mod tests;
