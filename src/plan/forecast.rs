//! The forecast: when will the learner finish at the pace they have actually kept?
//!
//! The rule, which the README repeats:
//! - **Pace is measured in the roadmap's own effort**: an item is worth its stage's estimate
//!   (the middle of its months, at the hours the roadmap assumes) divided by the stage's
//!   number of items, in hours. The learner's pace preset and weekly hours never enter it, so
//!   changing them does not change how fast the learner was.
//! - **The window** is the last [`FORECAST_WINDOW_DAYS`] study days up to today: break days
//!   are skipped, and it never reaches before the plan's start, so ticks made before the start
//!   (catching up on what the learner already knew) never count.
//! - **No forecast without a real sample**: the plan must be at least [`MIN_STUDY_DAYS`]
//!   study days old (two weeks, counting today) and at least [`MIN_ITEMS`] items must have
//!   been ticked done in the window.
//! - **A range when the sample is small** (fewer than [`FIRM_ITEMS`] items, or a window
//!   shorter than four weeks): the finish at the pace give or take `1/√items` of it, the
//!   counting error of so few items.
//! - The remaining work (every incomplete item of the included stages) at that pace, counted
//!   in study days from tomorrow and skipping the breaks still to come, gives the finish.

use chrono::NaiveDate;

use super::Plan;
use crate::date::PlanDate;
use crate::progress::PlanSettings;
use crate::roadmap::{Roadmap, Stage};
use crate::schedule::{
    WEEKS_PER_MONTH, add_days, add_study_days, compute, effective_hours, long_date, monday_of,
    off_days, study_days_back,
};

/// How far back the pace looks: four weeks of study.
pub const FORECAST_WINDOW_DAYS: i64 = 28;

/// A forecast needs the plan to be this many study days old: two weeks.
pub const MIN_STUDY_DAYS: i64 = 14;

/// … and this many items ticked done in the window.
pub const MIN_ITEMS: usize = 3;

/// From this many items in a full window the forecast is one date rather than a range.
pub const FIRM_ITEMS: usize = 10;

/// Forecasts further out than this are reported as this far (a pace of almost nothing).
const MAX_FORECAST_DAYS: f64 = 100.0 * 365.0;

/// Where the learner's recent pace takes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub status: ForecastStatus,
    /// The first day of the window the pace was measured over (never before the plan's
    /// start); the window ends today.
    pub window_first: NaiveDate,
    /// Study days in the window: its days that no break takes.
    pub window_study_days: i64,
    /// The window holds break days (so "the last 4 weeks" would mislead).
    pub window_has_breaks: bool,
    /// Items ticked done in the window.
    pub items_done: usize,
    /// The roadmap's estimated hours of those items.
    pub hours_done: f64,
    /// The roadmap's estimated hours of every incomplete item of the included stages.
    pub remaining_hours: f64,
    /// The plan's own finish (inclusive).
    pub plan_finish: NaiveDate,
    /// The projected last day of study at the measured pace; `None` when there is no forecast.
    pub finish: Option<NaiveDate>,
    /// Earliest and latest finish when the sample is small (`finish` lies between them).
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// Why there is a forecast, or why not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForecastStatus {
    /// Every item of the included stages is complete.
    AllDone,
    /// Today is before the plan's start.
    NotStarted { start: NaiveDate },
    /// The plan is younger than [`MIN_STUDY_DAYS`] study days; a forecast can appear on `from`.
    TooEarly { from: NaiveDate },
    /// Fewer than [`MIN_ITEMS`] items were ticked done in the window.
    TooFewItems,
    /// `finish` (and maybe `range`) hold the forecast.
    Forecast,
}

impl Forecast {
    /// Every item of the included stages is complete.
    pub fn all_done(&self) -> bool {
        self.status == ForecastStatus::AllDone
    }

    /// The pace: the roadmap's estimated hours of work done per week of study in the window.
    pub fn hours_per_week(&self) -> f64 {
        if self.window_study_days <= 0 {
            0.0
        } else {
            self.hours_done / self.window_study_days as f64 * 7.0
        }
    }

    /// Whole weeks `date` lies after (+) or before (−) the plan's finish, rounded.
    fn weeks_versus_plan(&self, date: NaiveDate) -> i64 {
        let days = (date - self.plan_finish).num_days();
        (days as f64 / 7.0).round() as i64
    }

    /// Whole weeks the forecast finish lies after (+) or before (−) the plan's, rounded.
    pub fn weeks_after_plan(&self) -> Option<i64> {
        self.finish.map(|finish| self.weeks_versus_plan(finish))
    }

    /// "the last 4 weeks", "the last 10 days", or "your last 4 weeks of study" when a break
    /// lies inside the window.
    pub fn window_text(&self) -> String {
        let days = self.window_study_days;
        let span = if days % 7 == 0 {
            match days / 7 {
                1 => "week".to_owned(),
                weeks => format!("{weeks} weeks"),
            }
        } else {
            format!("{days} days")
        };
        if self.window_has_breaks {
            format!("your last {span} of study")
        } else if span == "week" {
            "the last week".to_owned()
        } else {
            format!("the last {span}")
        }
    }

    /// The forecast in words, e.g. "At your pace of the last 4 weeks you finish on
    /// 14 Sep 2027, 3 weeks after the plan."
    pub fn sentence(&self) -> String {
        match self.status {
            ForecastStatus::AllDone => {
                "Everything in the plan is done. Congratulations!".to_owned()
            }
            ForecastStatus::NotStarted { start } => format!(
                "No forecast yet: your plan starts on {}. The forecast appears two weeks in, \
                 once you have ticked {MIN_ITEMS} items done.",
                long_date(start)
            ),
            ForecastStatus::TooEarly { from } => format!(
                "No forecast yet: it needs two weeks of the plan and {MIN_ITEMS} items ticked \
                 done, so it can appear from {}.",
                long_date(from)
            ),
            ForecastStatus::TooFewItems => format!(
                "No forecast yet: {} ticked done in {}; a forecast needs at least {MIN_ITEMS}.",
                items_text(self.items_done),
                self.window_text()
            ),
            ForecastStatus::Forecast => self.forecast_sentence(),
        }
    }

    fn forecast_sentence(&self) -> String {
        let Some(finish) = self.finish else {
            return String::new();
        };
        match self.range {
            Some((earliest, latest)) => format!(
                "At your pace of {} you finish between {} and {} ({}); a range, because {} is \
                 a small sample.",
                self.window_text(),
                long_date(earliest),
                long_date(latest),
                self.range_versus_plan(earliest, latest),
                items_text(self.items_done)
            ),
            None => format!(
                "At your pace of {} you finish on {}, {}.",
                self.window_text(),
                long_date(finish),
                versus_text(self.weeks_versus_plan(finish))
            ),
        }
    }

    /// "2 weeks before to 5 weeks after the plan".
    fn range_versus_plan(&self, earliest: NaiveDate, latest: NaiveDate) -> String {
        let (early, late) = (
            self.weeks_versus_plan(earliest),
            self.weeks_versus_plan(latest),
        );
        if early == late {
            return versus_text(early);
        }
        let end = |weeks: i64| match weeks {
            0 => "in line with".to_owned(),
            n if n > 0 => format!("{} after", weeks_count(n)),
            n => format!("{} before", weeks_count(-n)),
        };
        format!("{} to {} the plan", end(early), end(late))
    }

    /// "9 items in the last 4 weeks: about 7.5 hours of the roadmap's work a week".
    pub fn pace_text(&self) -> String {
        format!(
            "{} in {}: about {} hours of the roadmap's estimated work a week",
            items_text(self.items_done),
            self.window_text(),
            crate::roadmap::format_number((self.hours_per_week() * 2.0).round() as f32 / 2.0)
        )
    }
}

fn items_text(count: usize) -> String {
    crate::words::plural(count, "item")
}

fn weeks_count(weeks: i64) -> String {
    crate::words::plural(usize::try_from(weeks).unwrap_or(usize::MAX), "week")
}

/// "in line with the plan", "3 weeks after the plan", "1 week before the plan".
fn versus_text(weeks: i64) -> String {
    match weeks {
        0 => "in line with the plan".to_owned(),
        n if n > 0 => format!("{} after the plan", weeks_count(n)),
        n => format!("{} before the plan", weeks_count(-n)),
    }
}

/// The roadmap's estimated hours for one item of `stage`: the middle of the stage's estimate
/// in months, at the hours a week the roadmap assumes, shared evenly by its items. Independent
/// of the learner's settings.
pub fn item_hours(roadmap: &Roadmap, stage: &Stage<'_>) -> f64 {
    if stage.items.is_empty() {
        return 0.0;
    }
    let months = f64::from(stage.duration_months.mid());
    let months = if months.is_finite() {
        months.max(0.0)
    } else {
        0.0
    };
    let hours = f64::from(effective_hours(roadmap.hours_per_week, None));
    months * WEEKS_PER_MONTH * hours / stage.items.len() as f64
}

impl Plan {
    /// Projects the finish from the items done in the last four weeks of study; see the
    /// module documentation for the rule.
    pub fn forecast(&self) -> Forecast {
        let schedule = self.schedule();
        let progress = self.progress();
        let today = self.today();
        let off = off_days(&schedule.breaks);
        let start = schedule.start;
        let (window_first, window_study_days) = if today < start {
            (start, 0)
        } else {
            study_days_back(today, FORECAST_WINDOW_DAYS, start, &off)
        };
        let window_has_breaks =
            today >= start && (today - window_first).num_days() + 1 > window_study_days;

        let mut items_done = 0;
        let mut hours_done = 0.0;
        let mut remaining_hours = 0.0;
        let mut remaining_items = 0;
        for stage in self.included() {
            let hours = item_hours(self.roadmap(), &stage.stage);
            for item in &stage.stage.items {
                let entry = progress.item(&item.item.id);
                let complete = entry.is_some_and(|e| e.state.is_complete());
                if !complete {
                    remaining_hours += hours;
                    remaining_items += 1;
                } else if let Some(done_on) = entry.and_then(|e| e.done_on)
                    && window_first <= done_on
                    && done_on <= today
                    && today >= start
                {
                    items_done += 1;
                    hours_done += hours;
                }
            }
        }

        let mut forecast = Forecast {
            status: ForecastStatus::Forecast,
            window_first,
            window_study_days,
            window_has_breaks,
            items_done,
            hours_done,
            remaining_hours,
            plan_finish: schedule.finish,
            finish: None,
            range: None,
        };
        forecast.status = if remaining_items == 0 {
            ForecastStatus::AllDone
        } else if today < start {
            ForecastStatus::NotStarted { start }
        } else if window_study_days < MIN_STUDY_DAYS {
            ForecastStatus::TooEarly {
                from: add_study_days(add_days(start, -1), MIN_STUDY_DAYS, &off),
            }
        } else if items_done < MIN_ITEMS || hours_done <= 0.0 {
            ForecastStatus::TooFewItems
        } else {
            ForecastStatus::Forecast
        };
        if forecast.status != ForecastStatus::Forecast {
            return forecast;
        }
        let per_day = hours_done / window_study_days as f64;
        let finish_at = |pace_per_day: f64| {
            let days = (remaining_hours / pace_per_day)
                .ceil()
                .clamp(1.0, MAX_FORECAST_DAYS);
            // Today's work is already in the pace, so the remaining work starts tomorrow.
            add_study_days(today, days as i64, &off)
        };
        forecast.finish = Some(finish_at(per_day));
        if items_done < FIRM_ITEMS || window_study_days < FORECAST_WINDOW_DAYS {
            let spread = 1.0 / (items_done as f64).sqrt();
            forecast.range = Some((
                finish_at(per_day * (1.0 + spread)),
                finish_at(per_day * (1.0 - spread)),
            ));
        }
        forecast
    }

    /// "Re-plan from today": the settings with the start moved so that the first unfinished
    /// included stage runs from this week — it starts today when it is the first stage, else
    /// on this week's Monday (later stages always start on a Monday) — with the finished
    /// stages before it. Every length stays as it was. When a break takes this week, the
    /// stage starts after it. `None` when every included stage is finished.
    pub fn replan_from_today(&self) -> Option<PlanSettings> {
        let unfinished = self.included().find(|stage| {
            let (complete, total) = stage.counts;
            total == 0 || complete < total
        })?;
        let unfinished_id = unfinished.scheduled.id.clone();
        let today = self.today();
        let settings = self.settings();
        let study_weeks_before: i64 = self
            .schedule()
            .included()
            .take_while(|stage| stage.id != unfinished_id)
            .map(|stage| i64::from(stage.weeks))
            .sum();
        if study_weeks_before == 0 {
            return Some(PlanSettings {
                start: Some(PlanDate::clamped(today)),
                ..settings.clone()
            });
        }
        // This week's Monday, or the Monday after the break that takes this week.
        let mut target = monday_of(today);
        for &(first, last) in &off_days(&self.schedule().breaks) {
            if first <= target && target <= last {
                target = add_days(last, 1);
            }
        }
        let mut start = add_days(target, study_weeks_before.saturating_mul(-7));
        // Breaks between the new start and today push the stage later; start earlier by as
        // much (the stage only moves earlier as the start does, so this settles in a few
        // rounds).
        for _ in 0..8 {
            let moved = PlanSettings {
                start: Some(PlanDate::clamped(start)),
                ..settings.clone()
            };
            let again = compute(self.roadmap(), &moved, today);
            let Some(stage_start) = again.stage(&unfinished_id).map(|s| s.start) else {
                break;
            };
            let late_days = (stage_start - target).num_days();
            if late_days < 7 {
                break;
            }
            start = add_days(start, -(late_days / 7) * 7);
        }
        Some(PlanSettings {
            start: Some(PlanDate::clamped(start)),
            ..settings.clone()
        })
    }
}
