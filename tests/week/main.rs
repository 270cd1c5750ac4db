//! Living the plan week by week: breaks, the honest forecast, "This week", finish-by, and the
//! `week` / `plan --break / --finish-by` command line, which must show the window's numbers.
//! One test binary (a link is slow on two cores), one file per feature.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

#[path = "../common/mod.rs"]
mod common;

mod breaks;
mod cli;
mod finish_by;
mod forecast;
mod this_week;

use chrono::NaiveDate;

use study_planner::date::PlanDate;
use study_planner::plan::{Forecast, ThisWeek};
use study_planner::progress::{Break, ItemState, PlanSettings, RoadmapProgress};
use study_planner::roadmap::{self, Roadmap};
use study_planner::schedule::{Schedule, compute};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

/// A break from `start` to `end`, inclusive.
pub fn off(start: NaiveDate, end: NaiveDate, label: &str) -> Break {
    Break {
        start,
        end,
        label: label.to_owned(),
    }
}

/// The embedded roadmap at the steady pace from Monday 4 Jan 2027, every phase in: phase 1
/// 4 Jan – 21 Feb (7 weeks), phase 2 22 Feb – 9 May (11), phase 3 10 May – 27 Jun (7),
/// phase 4 28 Jun – 15 Aug (7), phase 5 16 Aug – 31 Oct (11), phase 6 1 Nov 2027 –
/// 16 Jan 2028 (11), the final project 17 Jan – 5 Mar 2028 (7): 61 weeks.
pub fn settings() -> PlanSettings {
    PlanSettings {
        start: Some(PlanDate::clamped(date(2027, 1, 4))),
        ..PlanSettings::default()
    }
}

pub fn with_breaks(breaks: Vec<Break>) -> PlanSettings {
    PlanSettings {
        breaks,
        ..settings()
    }
}

/// A schedule with the settings it was computed from (it reads as the [`Schedule`]).
pub struct Planned {
    pub settings: PlanSettings,
    pub schedule: Schedule,
}

impl std::ops::Deref for Planned {
    type Target = Schedule;
    fn deref(&self) -> &Schedule {
        &self.schedule
    }
}

pub fn plan(roadmap: &Roadmap, settings: &PlanSettings) -> Planned {
    Planned {
        settings: settings.clone(),
        schedule: compute(roadmap, settings, date(2026, 11, 25)),
    }
}

/// The joined plan the window and the command line read (shared with the other test crates).
pub use common::joined;

pub fn forecast(
    roadmap: &Roadmap,
    planned: &Planned,
    progress: &RoadmapProgress,
    today: NaiveDate,
) -> Forecast {
    joined(roadmap, &planned.settings, progress, today).forecast()
}

pub fn this_week(
    roadmap: &Roadmap,
    planned: &Planned,
    progress: &RoadmapProgress,
    today: NaiveDate,
) -> ThisWeek {
    joined(roadmap, &planned.settings, progress, today).this_week()
}

pub fn embedded() -> Roadmap {
    roadmap::embedded()
}

/// The item ids the plan puts in its week `number` (1-based).
pub fn week_items(schedule: &Schedule, number: u32) -> Vec<String> {
    schedule
        .weeks
        .iter()
        .find(|w| w.number == number)
        .map(|w| w.items.clone())
        .unwrap_or_default()
}

/// Ticks every item of weeks `from..=to` of the plan with `state` on `day`.
pub fn tick_weeks(
    progress: &mut RoadmapProgress,
    schedule: &Schedule,
    from: u32,
    to: u32,
    state: ItemState,
    day: NaiveDate,
) {
    for number in from..=to {
        for id in week_items(schedule, number) {
            progress.set_state(&id, state, day);
        }
    }
}
