//! The forecast: when will the learner finish at the pace they have actually kept?
//!
//! Items differ in size, so the pace is measured in *planned weeks of work*: an item of a stage
//! planned for `w` weeks with `n` items is worth `w / n` weeks. The pace is the work completed
//! (items with a `done_on` date) in the last [`FORECAST_WINDOW_DAYS`] days divided by the weeks in
//! that window; a pace of 1.0 means "exactly on plan". The remaining work (every incomplete item
//! of the included stages) divided by the pace gives the forecast finish. When the plan started
//! less than four weeks ago the window is the time since the start, but at least one week.

use chrono::NaiveDate;

use super::Plan;
use crate::date::PlanDate;
use crate::progress::PlanSettings;
use crate::schedule::{add_days, long_date, monday_of};

/// How far back the pace looks: four weeks.
pub const FORECAST_WINDOW_DAYS: i64 = 28;

/// Forecasts further out than this are reported as this far (a pace of almost nothing).
const MAX_FORECAST_DAYS: f64 = 100.0 * 365.0;

/// Where the learner's recent pace takes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// Days the pace was measured over (7..=28), ending today.
    pub window_days: i64,
    /// Planned weeks of work completed per calendar week in the window; 1.0 is "on plan".
    pub pace: f64,
    /// Planned weeks of work still to do.
    pub remaining_weeks: f64,
    /// The plan's own finish (inclusive).
    pub plan_finish: NaiveDate,
    /// The projected last day of study (inclusive); `None` when nothing was completed in the
    /// window (no pace to project) or nothing remains.
    pub finish: Option<NaiveDate>,
}

impl Forecast {
    /// Every item of the included stages is complete.
    pub fn all_done(&self) -> bool {
        self.remaining_weeks <= 0.0
    }

    /// Whole weeks the forecast finish lies after (+) or before (−) the plan's, rounded.
    pub fn weeks_after_plan(&self) -> Option<i64> {
        let finish = self.finish?;
        let days = (finish - self.plan_finish).num_days();
        Some((days as f64 / 7.0).round() as i64)
    }

    /// "the last 4 weeks", or "the last 10 days" for a younger plan.
    pub fn window_text(&self) -> String {
        if self.window_days % 7 == 0 {
            let weeks = self.window_days / 7;
            if weeks == 1 {
                "the last week".to_owned()
            } else {
                format!("the last {weeks} weeks")
            }
        } else {
            format!("the last {} days", self.window_days)
        }
    }

    /// The forecast in words, e.g. "At your pace of the last 4 weeks you finish on
    /// 14 Sep 2027, 3 weeks after the plan."
    pub fn sentence(&self) -> String {
        if self.all_done() {
            return "Everything in the plan is done. Congratulations!".to_owned();
        }
        let Some(finish) = self.finish else {
            return format!(
                "No forecast yet: nothing was ticked done in {}. Tick items as you finish them \
                 and the forecast appears here.",
                self.window_text()
            );
        };
        let versus = match self.weeks_after_plan().unwrap_or(0) {
            0 => "in line with the plan".to_owned(),
            1 => "1 week after the plan".to_owned(),
            -1 => "1 week before the plan".to_owned(),
            n if n > 0 => format!("{n} weeks after the plan"),
            n => format!("{} weeks before the plan", -n),
        };
        format!(
            "At your pace of {} you finish on {}, {versus}.",
            self.window_text(),
            long_date(finish)
        )
    }
}

impl Plan {
    /// Projects the finish from the items completed in the last four weeks.
    pub fn forecast(&self) -> Forecast {
        let schedule = self.schedule();
        let progress = self.progress();
        let today = self.today();
        let since_start = (today - schedule.start).num_days() + 1;
        let window_days = if since_start >= 1 {
            since_start.clamp(7, FORECAST_WINDOW_DAYS)
        } else {
            FORECAST_WINDOW_DAYS
        };
        let window_first = add_days(today, 1 - window_days);

        let mut done_in_window = 0.0;
        let mut remaining = 0.0;
        for stage in self.included() {
            let items = &stage.stage.items;
            if items.is_empty() {
                continue;
            }
            let weight = f64::from(stage.scheduled.weeks) / items.len() as f64;
            for item in items {
                let Some(entry) = progress.item(&item.item.id) else {
                    remaining += weight;
                    continue;
                };
                if !entry.state.is_complete() {
                    remaining += weight;
                } else if let Some(done_on) = entry.done_on
                    && window_first <= done_on
                    && done_on <= today
                {
                    done_in_window += weight;
                }
            }
        }
        let pace = done_in_window / (window_days as f64 / 7.0);
        let finish = (remaining > 0.0 && pace > 0.0).then(|| {
            let days = (remaining / pace * 7.0)
                .ceil()
                .clamp(1.0, MAX_FORECAST_DAYS);
            // Today's work is already in the pace, so the remaining work starts tomorrow.
            add_days(today, days as i64)
        });
        Forecast {
            window_days,
            pace,
            remaining_weeks: remaining,
            plan_finish: schedule.finish,
            finish,
        }
    }

    /// "Re-plan from today": the settings with the start moved so that the first unfinished
    /// included stage runs from this week — it starts today when it is the first stage, else
    /// on this week's Monday (later stages always start on a Monday) — with the finished
    /// stages before it. Every length stays as it was. `None` when every included stage is
    /// finished.
    pub fn replan_from_today(&self) -> Option<PlanSettings> {
        let unfinished = self.included().find(|stage| {
            let (complete, total) = stage.counts;
            total == 0 || complete < total
        })?;
        let today = self.today();
        let weeks_before = i64::try_from(unfinished.scheduled.first_week).unwrap_or(i64::MAX);
        let start = if weeks_before == 0 {
            today
        } else {
            add_days(monday_of(today), weeks_before.saturating_mul(-7))
        };
        Some(PlanSettings {
            start: Some(PlanDate::clamped(start)),
            ..self.settings().clone()
        })
    }
}
