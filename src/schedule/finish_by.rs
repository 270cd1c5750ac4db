//! "Finish by a date": the weekly hours the plan needs to end on or before a date the learner
//! picks, or why it cannot.
//!
//! Hours go in steps of [`HOURS_STEP`]: the answer is the fewest such hours at which
//! [`super::compute`] (the same plan the window shows, breaks, pace and the learner's own
//! lengths included) ends on or before the date. Fewer hours never shorten a plan, so a
//! binary search over the steps finds it. More than [`MAX_FINISH_BY_HOURS`] a week is refused
//! as unrealistic; a date no number of hours can reach is refused with the earliest finish.

use chrono::NaiveDate;

use super::{MAX_HOURS_PER_WEEK, compute, long_date};
use crate::progress::PlanSettings;
use crate::roadmap::{Roadmap, format_number};

/// The most hours a week finish-by will suggest.
pub const MAX_FINISH_BY_HOURS: f32 = 60.0;

/// Suggested hours are a multiple of this.
pub const HOURS_STEP: f32 = 0.5;

/// The hours that make the plan end by the date.
#[derive(Clone, Debug, PartialEq)]
pub struct FinishBy {
    pub date: NaiveDate,
    pub hours_per_week: f32,
    /// The learner's settings with those hours: what "Apply" saves.
    pub settings: PlanSettings,
    /// The plan's last day at those hours (on or before `date`) and its length in weeks.
    pub finish: NaiveDate,
    pub total_weeks: u32,
    /// Items of the included stages per study week at those hours.
    pub items_per_week: f64,
}

impl FinishBy {
    /// "12.5 hours a week (about 1 h 50 min a day, 1.4 items a week): the plan then ends on
    /// 26 Sep 2027."
    pub fn sentence(&self) -> String {
        let minutes_a_day = (f64::from(self.hours_per_week) * 60.0 / 7.0).round() as i64;
        let day = if minutes_a_day >= 60 {
            format!("{} h {} min", minutes_a_day / 60, minutes_a_day % 60)
        } else {
            format!("{minutes_a_day} min")
        };
        format!(
            "{} hours a week (about {day} a day, {} items a week): the plan then ends on {}.",
            format_number(self.hours_per_week),
            format_number(((self.items_per_week * 10.0).round() / 10.0) as f32),
            long_date(self.finish)
        )
    }
}

/// Why a date cannot be reached.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FinishByError {
    #[error("{} has already passed", long_date(*date))]
    Passed { date: NaiveDate },
    #[error("{} is before your plan starts ({})", long_date(*date), long_date(*start))]
    BeforeStart { date: NaiveDate, start: NaiveDate },
    #[error(
        "finishing by {} needs {} hours a week, more than {}: pick a later date or leave out \
         optional phases",
        long_date(*date),
        format_number(*needed),
        format_number(MAX_FINISH_BY_HOURS)
    )]
    TooManyHours { date: NaiveDate, needed: f32 },
    #[error(
        "{} is too soon: even at {} hours a week the plan ends on {}, because every phase takes \
         at least a week{}",
        long_date(*date),
        format_number(MAX_HOURS_PER_WEEK),
        long_date(*earliest),
        why_fixed(*own_lengths, *break_weeks)
    )]
    CannotFit {
        date: NaiveDate,
        earliest: NaiveDate,
        /// The learner set lengths of their own, which hours do not change.
        own_lengths: bool,
        /// Break weeks inside the plan.
        break_weeks: u32,
    },
}

fn why_fixed(own_lengths: bool, break_weeks: u32) -> String {
    let mut why = String::new();
    if own_lengths {
        why.push_str(", the phase lengths you set do not change with hours");
    }
    if break_weeks > 0 {
        why.push_str(&format!(
            ", and your breaks add {}",
            super::weeks_text(break_weeks)
        ));
    }
    why
}

/// The fewest hours a week (a multiple of [`HOURS_STEP`]) at which the plan ends on or before
/// `date`.
pub fn finish_by(
    roadmap: &Roadmap,
    settings: &PlanSettings,
    today: NaiveDate,
    date: NaiveDate,
) -> Result<FinishBy, FinishByError> {
    let start = settings.start.map_or(today, crate::date::PlanDate::get);
    if date < today {
        return Err(FinishByError::Passed { date });
    }
    if date < start {
        return Err(FinishByError::BeforeStart { date, start });
    }
    let at = |steps: u32| {
        let mut with = settings.clone();
        with.hours_per_week = Some(steps as f32 * HOURS_STEP);
        with
    };
    let max_steps = (MAX_HOURS_PER_WEEK / HOURS_STEP) as u32;
    let most = compute(roadmap, &at(max_steps), today);
    if most.finish > date {
        return Err(FinishByError::CannotFit {
            date,
            earliest: most.finish,
            own_lengths: !settings.stage_weeks.is_empty(),
            break_weeks: u32::try_from(most.weeks.iter().filter(|w| w.is_break()).count())
                .unwrap_or(u32::MAX),
        });
    }
    // The fewest steps whose plan ends by the date: `high` always does, `low` never does.
    let (mut low, mut high) = (0u32, max_steps);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if compute(roadmap, &at(mid), today).finish <= date {
            high = mid;
        } else {
            low = mid;
        }
    }
    let hours = high as f32 * HOURS_STEP;
    if hours > MAX_FINISH_BY_HOURS {
        return Err(FinishByError::TooManyHours {
            date,
            needed: hours,
        });
    }
    let settings = at(high);
    let plan = compute(roadmap, &settings, today);
    let study_weeks = plan.weeks.iter().filter(|w| !w.is_break()).count();
    let items: usize = plan.weeks.iter().map(|w| w.items.len()).sum();
    Ok(FinishBy {
        date,
        hours_per_week: hours,
        settings,
        finish: plan.finish,
        total_weeks: plan.total_weeks,
        items_per_week: if study_weeks == 0 {
            0.0
        } else {
            items as f64 / study_weeks as f64
        },
    })
}
