//! "This week": what to study now, what is left over from earlier weeks, what comes next, and
//! whether the learner is on track. Pure; the window's "This week" view and
//! `study-planner week` both show exactly this ([`Plan::this_week`]).
//!
//! - **The week** is the plan's week holding today; before the start, the first study week
//!   ("your plan starts on …"); after the finish, none (a summary of the whole plan instead).
//! - **Catch-up**: items planned for earlier weeks that are not complete, oldest first, each
//!   with the week it was due.
//! - **Next up**: the items of the next week that has any (break and practice weeks skipped).
//! - **On track**: behind = the catch-up items; ahead = complete items planned after this
//!   week. Break weeks hold no items, so a break is never counted as behind. "About N weeks"
//!   is the behind items' share of their stages' planned weeks.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::Plan;
use crate::progress::ItemState;
use crate::roadmap::{ItemKind, Resource};
use crate::schedule::{PlanWeek, ScheduledStage, add_days, date_range, long_date, weeks_text};

/// Next up lists at most this many items.
pub const NEXT_UP_ITEMS: usize = 5;

/// Everything the "This week" view shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThisWeek {
    pub today: NaiveDate,
    pub when: When,
    /// The week shown: today's week, the first study week before the start, none after the
    /// finish (or in a plan with no weeks).
    pub week: Option<WeekInfo>,
    /// The week's items in study order.
    pub items: Vec<WeekItem>,
    /// The resources of the week's phase (the final project has none).
    pub resources: Vec<Resource>,
    /// Items due in earlier weeks and not complete, oldest first.
    pub catch_up: Vec<WeekItem>,
    /// The first items of the next week that has any.
    pub next_up: Option<NextUp>,
    pub on_track: OnTrack,
    pub summary: PlanSummary,
}

/// Where today falls in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum When {
    /// Before the start date.
    BeforeStart { start: NaiveDate, days_to_go: i64 },
    /// In a study week of the plan.
    During,
    /// In a break week; study resumes on `resumes`.
    OnBreak { label: String, resumes: NaiveDate },
    /// After the plan's last day.
    AfterFinish { finish: NaiveDate },
}

/// One week of the plan as the view heads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekInfo {
    /// 1-based week of the plan, and how many the plan has (break weeks included).
    pub number: u32,
    pub of_weeks: u32,
    /// First day studied (the start date in a plan that starts mid-week) and the Sunday.
    pub first_day: NaiveDate,
    pub sunday: NaiveDate,
    pub stage_id: String,
    /// "2. Backend Development".
    pub stage_label: String,
    /// Study week within the stage (0 in a break week) and the stage's study weeks.
    pub stage_week: u32,
    pub stage_weeks: u32,
    /// The break's label in a break week.
    pub break_label: Option<String>,
}

/// One checklist item where the learner stands on it, with the week it is planned for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekItem {
    pub id: String,
    pub text: String,
    #[serde(serialize_with = "kind_label")]
    pub kind: ItemKind,
    pub stage_id: String,
    #[serde(serialize_with = "state_label")]
    pub state: ItemState,
    /// The learner's note; empty when none.
    pub note: String,
    /// The week of the plan it is planned for (its due week), and that week's Monday.
    pub week: u32,
    pub week_monday: NaiveDate,
}

/// The next week with items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextUp {
    pub week: u32,
    pub first_day: NaiveDate,
    pub stage_label: String,
    /// At most [`NEXT_UP_ITEMS`] of its items, in order.
    pub items: Vec<WeekItem>,
    /// How many items that week has in all.
    pub total: usize,
}

/// Ahead of or behind the plan, in items and words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OnTrack {
    /// Items due before this week that are not complete (the catch-up list).
    pub behind: usize,
    /// The behind items' planned weeks of work.
    pub behind_weeks: f64,
    /// Complete items planned after this week.
    pub ahead: usize,
    /// "On track", "3 items behind — about 1 week", "2 items ahead".
    pub text: String,
}

/// The whole plan in numbers (the view's summary after the finish).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanSummary {
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub total_weeks: u32,
    pub break_weeks: u32,
    /// Items of the included stages, and how many are done, skipped and in progress.
    pub items: usize,
    pub done: usize,
    pub skipped: usize,
    pub in_progress: usize,
}

impl PlanSummary {
    /// "You completed 40 of 52 items (3 skipped) over 45 weeks, 4 Jan – 14 Nov 2027."
    pub fn sentence(&self) -> String {
        let complete = self.done + self.skipped;
        let skipped = if self.skipped > 0 {
            format!(" ({} skipped)", self.skipped)
        } else {
            String::new()
        };
        format!(
            "You completed {complete} of {}{skipped} over {}, {}.",
            crate::words::plural(self.items, "item"),
            weeks_text(self.total_weeks),
            date_range(self.start, self.finish)
        )
    }
}

impl ThisWeek {
    /// The line under the view's title: "Week 12 of 52 · 16 – 22 Mar 2027 · 2. Backend
    /// Development, week 5 of 11", or what stands in for it before and after the plan.
    pub fn heading(&self) -> String {
        match (&self.when, &self.week) {
            (When::BeforeStart { start, days_to_go }, _) => {
                let days = if *days_to_go == 1 {
                    "tomorrow".to_owned()
                } else {
                    format!("in {days_to_go} days")
                };
                format!("Your plan starts on {} ({days}).", long_date(*start))
            }
            (When::AfterFinish { finish }, _) => {
                format!("Your plan ended on {}.", long_date(*finish))
            }
            (When::OnBreak { label, resumes }, Some(week)) => format!(
                "Week {} of {} · {} · {label}: study resumes on {}.",
                week.number,
                week.of_weeks,
                date_range(week.first_day, week.sunday),
                long_date(*resumes)
            ),
            (_, Some(week)) => format!(
                "Week {} of {} · {} · {}, week {} of {}",
                week.number,
                week.of_weeks,
                date_range(week.first_day, week.sunday),
                week.stage_label,
                week.stage_week,
                week.stage_weeks
            ),
            (_, None) => "The plan has no weeks.".to_owned(),
        }
    }
}

fn state_label<S: Serializer>(state: &ItemState, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(state.label())
}

fn kind_label<S: Serializer>(kind: &ItemKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.label())
}

impl Plan {
    /// "This week" as of the plan's today. Never panics, whatever the plan holds.
    pub fn this_week(&self) -> ThisWeek {
        let schedule = self.schedule();
        let progress = self.progress();
        let today = self.today();
        let entry = |id: &str, week: &PlanWeek| -> Option<WeekItem> {
            // The chosen idea stands in for the choice entry: its own state and note.
            let item = self.item(id)?;
            let id = item.item.id.as_str();
            Some(WeekItem {
                id: id.to_owned(),
                text: item.item.text.clone(),
                kind: item.kind,
                stage_id: week.stage_id.clone(),
                state: progress.state(id),
                note: progress.note(id).to_owned(),
                week: week.number,
                week_monday: week.monday,
            })
        };

        let first_study = schedule.weeks.iter().position(|w| !w.is_break());
        let (when, current) = if today < schedule.start {
            let when = When::BeforeStart {
                start: schedule.start,
                days_to_go: (schedule.start - today).num_days(),
            };
            (when, first_study)
        } else if today > schedule.finish || schedule.weeks.is_empty() {
            let when = When::AfterFinish {
                finish: schedule.finish,
            };
            (when, None)
        } else {
            let index = schedule.week_index_of(today);
            let when = match index.and_then(|i| schedule.weeks.get(i)) {
                Some(week) if week.is_break() => When::OnBreak {
                    label: week.break_label.clone().unwrap_or_default(),
                    resumes: schedule
                        .weeks
                        .iter()
                        .skip_while(|w| w.number <= week.number)
                        .find(|w| !w.is_break())
                        .map_or(add_days(week.sunday, 1), |w| w.monday),
                },
                _ => When::During,
            };
            (when, index)
        };

        // Weeks strictly before `current` are due; after the finish, every week is.
        let due_before = match (&when, current) {
            (When::AfterFinish { .. }, _) => schedule.weeks.len(),
            (When::BeforeStart { .. }, _) | (_, None) => 0,
            (_, Some(index)) => index,
        };
        // An item's share of its stage's planned weeks.
        let weights: std::collections::HashMap<&str, f64> = self
            .stages()
            .into_iter()
            .filter(|stage| !stage.stage.items.is_empty())
            .map(|stage| {
                let weight = f64::from(stage.scheduled.weeks) / stage.stage.items.len() as f64;
                (stage.stage.id, weight)
            })
            .collect();
        let weight = |stage_id: &str| weights.get(stage_id).copied().unwrap_or(0.0);

        let mut catch_up = Vec::new();
        let mut behind_weeks = 0.0;
        let mut ahead = 0;
        for (index, week) in schedule.weeks.iter().enumerate() {
            for id in &week.items {
                let Some(item) = entry(id, week) else {
                    continue;
                };
                let complete = item.state.is_complete();
                if index < due_before && !complete {
                    behind_weeks += weight(&item.stage_id);
                    catch_up.push(item);
                } else if complete && current.is_some_and(|c| index > c) {
                    ahead += 1;
                }
            }
        }

        let current_week = current.and_then(|index| schedule.weeks.get(index));
        let week_info = current_week.map(|week| {
            let stage = schedule.stage(&week.stage_id);
            WeekInfo {
                number: week.number,
                of_weeks: schedule.total_weeks,
                first_day: week.monday.max(schedule.start),
                sunday: week.sunday,
                stage_id: week.stage_id.clone(),
                stage_label: stage.map(ScheduledStage::label).unwrap_or_default(),
                stage_week: week.stage_week,
                stage_weeks: stage.map_or(0, |s| s.weeks),
                break_label: week.break_label.clone(),
            }
        });
        let (items, resources) = match current_week {
            Some(week) => (
                week.items.iter().filter_map(|id| entry(id, week)).collect(),
                self.roadmap()
                    .phase(&week.stage_id)
                    .filter(|_| !week.is_break())
                    .map(|phase| phase.resources.clone())
                    .unwrap_or_default(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let next_up = current.and_then(|index| {
            let week = schedule
                .weeks
                .iter()
                .skip(index + 1)
                .find(|w| !w.items.is_empty())?;
            let all: Vec<WeekItem> = week.items.iter().filter_map(|id| entry(id, week)).collect();
            Some(NextUp {
                week: week.number,
                first_day: week.monday,
                stage_label: schedule
                    .stage(&week.stage_id)
                    .map(ScheduledStage::label)
                    .unwrap_or_default(),
                total: all.len(),
                items: all.into_iter().take(NEXT_UP_ITEMS).collect(),
            })
        });

        let behind = catch_up.len();
        ThisWeek {
            today,
            when,
            week: week_info,
            items,
            resources,
            catch_up,
            next_up,
            on_track: OnTrack {
                behind,
                behind_weeks,
                ahead,
                text: on_track_text(behind, behind_weeks, ahead),
            },
            summary: self.summary(),
        }
    }

    /// The whole plan in numbers.
    pub fn summary(&self) -> PlanSummary {
        let schedule = self.schedule();
        let mut counts = PlanSummary {
            start: schedule.start,
            finish: schedule.finish,
            total_weeks: schedule.total_weeks,
            break_weeks: u32::try_from(schedule.weeks.iter().filter(|w| w.is_break()).count())
                .unwrap_or(u32::MAX),
            items: 0,
            done: 0,
            skipped: 0,
            in_progress: 0,
        };
        for stage in self.included() {
            for item in &stage.stage.items {
                counts.items += 1;
                match self.progress().state(&item.item.id) {
                    ItemState::Done => counts.done += 1,
                    ItemState::Skipped => counts.skipped += 1,
                    ItemState::InProgress => counts.in_progress += 1,
                    ItemState::NotStarted => {}
                }
            }
        }
        counts
    }
}

/// "On track", "3 items behind — about 1 week", "2 items ahead", "1 item behind — less than a
/// week; 2 items done ahead".
pub fn on_track_text(behind: usize, behind_weeks: f64, ahead: usize) -> String {
    let items = |n: usize| crate::words::plural(n, "item");
    if behind == 0 {
        return if ahead == 0 {
            "On track".to_owned()
        } else {
            format!("{} ahead", items(ahead))
        };
    }
    let weeks = match behind_weeks.round() as i64 {
        n if n <= 0 => "less than a week".to_owned(),
        1 => "about 1 week".to_owned(),
        n => format!("about {n} weeks"),
    };
    let ahead_text = if ahead > 0 {
        format!("; {} done ahead", items(ahead))
    } else {
        String::new()
    };
    format!("{} behind — {weeks}{ahead_text}", items(behind))
}

#[cfg(test)]
mod tests {
    use super::on_track_text;

    #[test]
    fn the_on_track_line_in_words() {
        assert_eq!(on_track_text(0, 0.0, 0), "On track");
        assert_eq!(on_track_text(0, 0.0, 2), "2 items ahead");
        assert_eq!(on_track_text(0, 0.0, 1), "1 item ahead");
        assert_eq!(on_track_text(3, 1.2, 0), "3 items behind — about 1 week");
        assert_eq!(on_track_text(1, 0.3, 0), "1 item behind — less than a week");
        assert_eq!(
            on_track_text(5, 2.6, 2),
            "5 items behind — about 3 weeks; 2 items done ahead"
        );
    }
}
