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
//!   another with no gap and no overlap, the final project last. All end dates are inclusive.
//! - Optional phases the learner left out are listed with `included == false` and take no time.
//!
//! This module must never import egui or touch the disk: the window, the command line and the
//! exports all show the numbers computed here, so they always agree.

mod text;
mod weeks;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::date::PlanDate;
use crate::progress::{Pace, PlanSettings};
use crate::roadmap::{MonthRange, Roadmap};
pub use text::{date_range, long_date, short_date, weeks_range, weeks_range_text, weeks_text};

/// Longest a single stage may be planned for: ten years. Longer inputs are clamped.
pub const MAX_STAGE_WEEKS: u32 = 520;

/// Weekly hours are clamped into this range before scaling (a week has 168 hours).
pub const MIN_HOURS_PER_WEEK: f32 = 0.5;
pub const MAX_HOURS_PER_WEEK: f32 = 168.0;

/// Weeks in a month, on average: 52 weeks over 12 months.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The computed plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schedule {
    /// First day of study (the learner's start date, or today when none is set).
    pub start: NaiveDate,
    /// Last day of study, inclusive (always a Sunday).
    pub finish: NaiveDate,
    /// Calendar weeks from the start week to the finish week; the sum of the included stages.
    pub total_weeks: u32,
    /// Weekly study hours the lengths were computed for.
    pub hours_per_week: f32,
    /// Every stage of the roadmap in order, excluded optional ones too (`included == false`).
    pub stages: Vec<ScheduledStage>,
    /// Every calendar week of the plan, in order.
    pub weeks: Vec<PlanWeek>,
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
    /// Planned length in calendar weeks. For an excluded stage: what it would take if included.
    pub weeks: u32,
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
    /// The stage studied this week.
    pub stage_id: String,
    /// 1-based week within that stage.
    pub stage_week: u32,
    /// Item ids first studied this week, in study order; the stage's items are spread evenly
    /// over its weeks, so some weeks of a long stage have none (time to practise).
    pub items: Vec<String>,
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

    let mut stages = Vec::new();
    let mut weeks = Vec::new();
    let mut weeks_so_far: u32 = 0;
    for stage in roadmap.stages() {
        let estimate = estimate_weeks(stage.duration_months, roadmap.hours_per_week, hours);
        let preset = preset_weeks(
            stage.duration_months,
            settings.pace,
            roadmap.hours_per_week,
            hours,
        );
        let own = settings.stage_weeks.get(stage.id).copied();
        let length = own.map_or(preset, |w| w.clamp(1, MAX_STAGE_WEEKS));
        let included = !(stage.optional && settings.excluded.contains(stage.id));
        let first_monday = add_weeks(start_monday, weeks_so_far);
        let stage_start = if weeks_so_far == 0 {
            start
        } else {
            first_monday
        };
        // `max`: a plan saturating at chrono's last date must still never end before it starts.
        let end = if included {
            add_days(add_weeks(first_monday, length), -1).max(stage_start)
        } else {
            stage_start
        };
        let scheduled = ScheduledStage {
            id: stage.id.to_owned(),
            number: stage.number,
            title: stage.title.to_owned(),
            short_title: stage.short_title.to_owned(),
            optional: stage.optional,
            included,
            start: stage_start,
            end,
            weeks: length,
            estimate_weeks: estimate,
            preset_weeks: preset,
            overridden: own.is_some(),
            outside_estimate: length < estimate.0 || length > estimate.1,
            first_week: weeks_so_far as usize,
        };
        if included {
            weeks::push_stage_weeks(&stage, &scheduled, start_monday, &mut weeks);
            weeks_so_far = weeks_so_far.saturating_add(length);
        }
        stages.push(scheduled);
    }
    let total_weeks = weeks_so_far;
    let finish = if total_weeks == 0 {
        start
    } else {
        add_days(add_weeks(start_monday, total_weeks), -1).max(start)
    };
    Schedule {
        start,
        finish,
        total_weeks,
        hours_per_week: hours,
        stages,
        weeks,
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

/// `date + weeks × 7` days, saturating at chrono's last date.
fn add_weeks(date: NaiveDate, weeks: u32) -> NaiveDate {
    add_days(date, i64::from(weeks) * 7)
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
