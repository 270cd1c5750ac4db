//! The plan as every reader sees it: the roadmap, the learner's progress, today and the
//! computed [`Schedule`], joined once and indexed by stage.
//!
//! Why it exists: a [`ScheduledStage`] knows its dates but not its items, and a roadmap
//! [`Stage`] knows its items but not its dates. Every view, the command line, the exports and
//! the forecast need both, and two lists zipped by position in many places drift apart. So
//! they are joined here, in one place ([`Plan::stages`]), and the join is checked when the
//! plan is built: the schedule is always computed from this plan's own roadmap and settings,
//! so its stages are the roadmap's stages in the roadmap's order.
//!
//! A [`Plan`] is built once per change (the window memoizes it on the roadmap, the learner's
//! data and today) and then only read. Pure: no egui, no disk.

mod burnup;
mod forecast;
mod this_week;

pub use burnup::Burnup;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::progress::{PlanSettings, RoadmapProgress, items_progress};
use crate::roadmap::{ItemKind, ItemRef, Phase, Roadmap, Stage};
use crate::schedule::{self, PlanWeek, Schedule, ScheduledStage};
pub use forecast::{
    FIRM_ITEMS, FORECAST_WINDOW_DAYS, Forecast, ForecastStatus, MIN_ITEMS, MIN_STUDY_DAYS,
    item_hours,
};
pub use this_week::{
    NEXT_UP_ITEMS, NextUp, OnTrack, PlanSummary, ThisWeek, WeekInfo, WeekItem, When, on_track_text,
};

/// The joined, read-only view of one roadmap's plan.
#[derive(Clone, Debug)]
pub struct Plan {
    roadmap: Arc<Roadmap>,
    progress: RoadmapProgress,
    today: NaiveDate,
    /// Computed from `roadmap` and `progress.plan` (shared between plans that differ only in
    /// ticks and notes).
    schedule: Arc<Schedule>,
    /// `(complete, total)` per stage, in stage order.
    counts: Vec<(usize, usize)>,
    overall: (usize, usize),
    /// Item id → where the roadmap keeps it.
    items: HashMap<String, ItemAt>,
}

/// Where a checklist item sits in the roadmap, so finding it by id is one lookup.
#[derive(Clone, Copy, Debug)]
enum ItemAt {
    Topic {
        phase: usize,
        group: usize,
        index: usize,
    },
    HandsOn {
        phase: usize,
        index: usize,
    },
    TechStack(usize),
    Idea(usize),
    /// The entry that stands for the alternative ideas (the project's own id).
    Choice,
}

/// One stage of the plan: what the roadmap says, when the schedule puts it, how far along the
/// learner is.
#[derive(Clone, Debug)]
pub struct PlanStage<'p> {
    /// Position in the plan, 0 for the first phase.
    pub index: usize,
    /// The roadmap's stage: titles, estimate, items in study order.
    pub stage: Stage<'p>,
    /// The phase itself (goal, resources); `None` for the final project.
    pub phase: Option<&'p Phase>,
    /// Its dates and length.
    pub scheduled: &'p ScheduledStage,
    /// `(complete, total)` items; done and skipped count as complete.
    pub counts: (usize, usize),
    /// The learner's note on the stage, `""` when there is none.
    pub note: &'p str,
}

impl Plan {
    /// Joins `progress` (with its plan settings) to `roadmap` as of `today`.
    pub fn new(roadmap: Arc<Roadmap>, progress: RoadmapProgress, today: NaiveDate) -> Self {
        let schedule = Arc::new(schedule::compute(&roadmap, &progress.plan, today));
        Self::join(roadmap, progress, today, schedule)
    }

    /// The same roadmap and day with other learner data. The schedule is reused when the plan
    /// settings did not change (a tick or a note moves no date).
    pub fn with_progress(&self, progress: RoadmapProgress) -> Self {
        if progress.plan == self.progress.plan {
            Self::join(
                Arc::clone(&self.roadmap),
                progress,
                self.today,
                Arc::clone(&self.schedule),
            )
        } else {
            Self::new(Arc::clone(&self.roadmap), progress, self.today)
        }
    }

    /// This plan with other plan settings: what the plan panel's change will look like.
    pub fn with_settings(&self, settings: PlanSettings) -> Self {
        self.with_progress(RoadmapProgress {
            plan: settings,
            ..self.progress.clone()
        })
    }

    /// The fewest hours a week at which this plan ends by `date`, or why it cannot: the one
    /// answer the plan panel and `study-planner plan --finish-by` both give.
    pub fn finish_by(
        &self,
        date: NaiveDate,
    ) -> Result<schedule::FinishBy, schedule::FinishByError> {
        schedule::finish_by(&self.roadmap, &self.progress.plan, self.today, date)
    }

    /// Whether [`Self::with_progress`] of `progress` would reuse this plan's schedule.
    pub fn same_schedule_for(&self, progress: &RoadmapProgress) -> bool {
        progress.plan == self.progress.plan
    }

    fn join(
        roadmap: Arc<Roadmap>,
        mut progress: RoadmapProgress,
        today: NaiveDate,
        schedule: Arc<Schedule>,
    ) -> Self {
        // "Choose a project idea" is done by choosing, never by a tick: a state saved under
        // its id (the project's own, only by hand) is not read.
        if let Some(project) = roadmap.final_project.as_ref().filter(|p| p.has_choice()) {
            progress.items.remove(&project.id);
        }
        let stages = roadmap.stages();
        // The one place the two lists meet. `compute` walks `roadmap.stages()` once, so the
        // orders always agree; a schedule from another roadmap would be recomputed here.
        let schedule = if same_order(&stages, &schedule) {
            schedule
        } else {
            log::error!("schedule and roadmap disagree on the stages; recomputing");
            Arc::new(schedule::compute(&roadmap, &progress.plan, today))
        };
        let counts: Vec<(usize, usize)> = stages
            .iter()
            .map(|stage| {
                let items = stage
                    .items
                    .iter()
                    .map(|item| resolve_choice(&roadmap, &progress, *item));
                items_progress(items, &progress)
            })
            .collect();
        let items = item_index(&roadmap);
        let overall = counts
            .iter()
            .fold((0, 0), |(done, all), (d, a)| (done + d, all + a));
        drop(stages);
        Self {
            roadmap,
            progress,
            today,
            schedule,
            counts,
            overall,
            items,
        }
    }

    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    /// The shared roadmap (to tell whether a plan was built for this one).
    pub fn roadmap_arc(&self) -> &Arc<Roadmap> {
        &self.roadmap
    }

    /// The learner's ticks, notes and plan settings this plan was built from.
    pub fn progress(&self) -> &RoadmapProgress {
        &self.progress
    }

    /// The plan settings the schedule was computed from.
    pub fn settings(&self) -> &PlanSettings {
        &self.progress.plan
    }

    /// The day the plan treats as today.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Dates and lengths; for what each stage holds, use [`Self::stages`].
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// Every stage in order (left-out optional phases too), with its dates and progress. A
    /// final project's alternative ideas are one entry: the chosen idea, or "Choose a project
    /// idea" before a choice ([`Self::chosen_idea`]).
    pub fn stages(&self) -> Vec<PlanStage<'_>> {
        self.roadmap
            .stages()
            .into_iter()
            .zip(&self.schedule.stages)
            .enumerate()
            .map(|(index, (mut stage, scheduled))| {
                for item in &mut stage.items {
                    *item = resolve_choice(&self.roadmap, &self.progress, *item);
                }
                PlanStage {
                    index,
                    phase: self.roadmap.phase(stage.id),
                    note: self.progress.stage_note(stage.id),
                    counts: self.counts.get(index).copied().unwrap_or_default(),
                    stage,
                    scheduled,
                }
            })
            .collect()
    }

    /// Every checklist entry progress counts, in study order (left-out phases too).
    pub fn counted_items(&self) -> Vec<ItemRef<'_>> {
        self.stages()
            .into_iter()
            .flat_map(|stage| stage.stage.items)
            .collect()
    }

    /// The final project's idea the learner chose, when its ideas are alternatives and the
    /// choice names one of them (a choice of an idea the roadmap no longer has is no choice).
    pub fn chosen_idea(&self) -> Option<&crate::roadmap::Item> {
        chosen_idea(&self.roadmap, &self.progress)
    }

    /// Whether `id` is the entry that stands for the final project's alternative ideas (the
    /// project's own id): drawn as the choice, never as a tick.
    pub fn is_choice_slot(&self, id: &str) -> bool {
        matches!(self.items.get(id), Some(ItemAt::Choice))
    }

    /// The stages the plan schedules (not the left-out optional ones), in order.
    pub fn included(&self) -> impl Iterator<Item = PlanStage<'_>> {
        self.stages()
            .into_iter()
            .filter(|stage| stage.scheduled.included)
    }

    /// One stage by its id.
    pub fn stage(&self, id: &str) -> Option<PlanStage<'_>> {
        self.stages().into_iter().find(|stage| stage.stage.id == id)
    }

    /// `(complete, total)` for one stage by id; `(0, 0)` for an unknown id.
    pub fn stage_counts(&self, id: &str) -> (usize, usize) {
        self.schedule
            .stages
            .iter()
            .position(|stage| stage.id == id)
            .and_then(|index| self.counts.get(index).copied())
            .unwrap_or_default()
    }

    /// `(complete, total)` over every checklist item of the roadmap.
    pub fn overall(&self) -> (usize, usize) {
        self.overall
    }

    /// A checklist item by id.
    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        let roadmap = &*self.roadmap;
        let project = || roadmap.final_project.as_ref();
        let (item, kind) = match *self.items.get(id)? {
            ItemAt::Topic {
                phase,
                group,
                index,
            } => (
                roadmap
                    .phases
                    .get(phase)?
                    .topic_groups
                    .get(group)?
                    .topics
                    .get(index)?,
                ItemKind::Topic,
            ),
            ItemAt::HandsOn { phase, index } => (
                roadmap.phases.get(phase)?.hands_on.get(index)?,
                ItemKind::HandsOn,
            ),
            ItemAt::TechStack(index) => (project()?.tech_stack.get(index)?, ItemKind::TechStack),
            ItemAt::Idea(index) => (project()?.ideas.get(index)?, ItemKind::ProjectIdea),
            ItemAt::Choice => {
                let slot = project()?.choice_slot();
                return Some(resolve_choice(roadmap, &self.progress, slot));
            }
        };
        Some(ItemRef { item, kind })
    }

    /// The items first studied in `week`, in study order.
    pub fn week_items(&self, week: &PlanWeek) -> Vec<ItemRef<'_>> {
        week.items.iter().filter_map(|id| self.item(id)).collect()
    }

    /// The week of the plan holding today, as an index into [`Schedule::weeks`].
    pub fn current_week(&self) -> Option<usize> {
        self.schedule.week_index_of(self.today)
    }
}

/// Every item's place in the roadmap, by id (the first, should an id repeat).
fn item_index(roadmap: &Roadmap) -> HashMap<String, ItemAt> {
    let mut items = HashMap::new();
    let mut add = |id: &str, at: ItemAt| {
        items.entry(id.to_owned()).or_insert(at);
    };
    for (phase_index, phase) in roadmap.phases.iter().enumerate() {
        for (group_index, group) in phase.topic_groups.iter().enumerate() {
            for (index, item) in group.topics.iter().enumerate() {
                let at = ItemAt::Topic {
                    phase: phase_index,
                    group: group_index,
                    index,
                };
                add(&item.id, at);
            }
        }
        for (index, item) in phase.hands_on.iter().enumerate() {
            let at = ItemAt::HandsOn {
                phase: phase_index,
                index,
            };
            add(&item.id, at);
        }
    }
    if let Some(project) = &roadmap.final_project {
        for (index, item) in project.tech_stack.iter().enumerate() {
            add(&item.id, ItemAt::TechStack(index));
        }
        for (index, item) in project.ideas.iter().enumerate() {
            add(&item.id, ItemAt::Idea(index));
        }
        if project.has_choice() {
            add(&project.id, ItemAt::Choice);
        }
    }
    items
}

/// The rule for alternative ideas, in one place: the entry that stands for them is the chosen
/// idea once the learner chose one (so it is complete when that idea is done or skipped), and
/// "Choose a project idea", never started, before. Unchosen ideas are not counted at all.
/// Every other item is itself.
fn resolve_choice<'a>(
    roadmap: &'a Roadmap,
    progress: &RoadmapProgress,
    item: ItemRef<'a>,
) -> ItemRef<'a> {
    if item.kind != ItemKind::ChooseIdea {
        return item;
    }
    match chosen_idea(roadmap, progress) {
        Some(idea) => ItemRef {
            item: idea,
            kind: ItemKind::ProjectIdea,
        },
        None => item,
    }
}

fn chosen_idea<'a>(
    roadmap: &'a Roadmap,
    progress: &RoadmapProgress,
) -> Option<&'a crate::roadmap::Item> {
    let project = roadmap.final_project.as_ref().filter(|p| p.has_choice())?;
    project.idea(progress.chosen_idea.as_deref()?)
}

/// Whether the schedule lists the roadmap's stages, in the roadmap's order.
fn same_order(stages: &[Stage<'_>], schedule: &Schedule) -> bool {
    stages.len() == schedule.stages.len()
        && stages
            .iter()
            .zip(&schedule.stages)
            .all(|(stage, scheduled)| stage.id == scheduled.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ItemState;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn embedded_plan(progress: RoadmapProgress) -> Plan {
        Plan::new(
            Arc::new(crate::roadmap::embedded()),
            progress,
            day(2026, 11, 25),
        )
    }

    #[test]
    fn every_stage_meets_its_own_dates_items_and_counts() {
        let mut progress = RoadmapProgress::default();
        progress.set_state("concurrency", ItemState::Done, day(2026, 11, 25));
        progress.set_stage_note("backend", "chapter 3");
        let plan = embedded_plan(progress);
        let stages = plan.stages();
        assert_eq!(stages.len(), plan.schedule().stages.len());
        for stage in &stages {
            assert_eq!(stage.stage.id, stage.scheduled.id);
            assert_eq!(stage.counts.1, stage.stage.items.len());
        }
        assert_eq!(stages[0].counts.0, 1);
        assert_eq!(plan.stage_counts("advanced-python"), stages[0].counts);
        assert_eq!(plan.stage("backend").map(|s| s.note), Some("chapter 3"));
        assert!(stages[0].phase.is_some());
        assert!(stages.last().is_some_and(|s| s.phase.is_none()));
        assert_eq!(plan.overall(), (1, plan.roadmap().item_count()));
        assert_eq!(plan.stage_counts("no-such-stage"), (0, 0));
    }

    #[test]
    fn counts_follow_ticks_of_every_stage_and_ignore_removed_items() {
        let roadmap = crate::roadmap::embedded();
        let stages = roadmap.stages();
        let (first, second, project) = (&stages[0], &stages[1], &stages[stages.len() - 1]);
        let mut progress = RoadmapProgress::default();
        let today = day(2026, 1, 5);
        progress.set_state(&first.items[0].item.id, ItemState::Done, today);
        progress.set_state(&first.items[1].item.id, ItemState::Skipped, today);
        progress.set_state(&first.items[2].item.id, ItemState::InProgress, today);
        progress.set_state("removed-item", ItemState::Done, today);
        let plan = embedded_plan(progress);
        assert_eq!(plan.stage_counts(first.id), (2, first.items.len()));
        assert_eq!(plan.overall(), (2, roadmap.item_count()));
        // Another stage, and the final project, are untouched.
        assert_eq!(plan.stage_counts(second.id), (0, second.items.len()));
        assert_eq!(plan.stage_counts(project.id), (0, project.items.len()));
    }

    #[test]
    fn alternative_ideas_count_as_one_item_complete_when_the_chosen_one_is() {
        let roadmap = crate::roadmap::embedded();
        let project = roadmap.final_project.as_ref().expect("a final project");
        assert!(project.ideas.len() > 1 && project.has_choice());
        let stack = project.tech_stack.len();
        let (first, second) = (&project.ideas[0].id, &project.ideas[1].id);
        let today = day(2026, 11, 25);

        // Before a choice: one not-started "Choose a project idea", whatever the ideas hold.
        let mut progress = RoadmapProgress::default();
        progress.set_state(first, ItemState::Done, today);
        let plan = embedded_plan(progress.clone());
        assert_eq!(plan.stage_counts(&project.id), (0, stack + 1));
        assert_eq!(plan.overall(), (0, roadmap.item_count()));
        assert!(plan.chosen_idea().is_none());
        let slot = plan.item(&project.id).expect("the choice entry");
        assert_eq!(slot.kind, ItemKind::ChooseIdea);
        assert_eq!(slot.item.text, crate::roadmap::CHOOSE_IDEA_TEXT);
        assert!(plan.is_choice_slot(&project.id) && !plan.is_choice_slot(first));
        // Long after the finish, catch-up lists the choice once, and no idea.
        let mut late = progress.clone();
        late.plan.start = Some(crate::date::PlanDate::clamped(day(2026, 1, 5)));
        let late = Plan::new(Arc::new(crate::roadmap::embedded()), late, day(2035, 1, 1));
        let catch_up = late.this_week().catch_up;
        let kinds = |kind| catch_up.iter().filter(|i| i.kind == kind).count();
        assert_eq!(kinds(ItemKind::ChooseIdea), 1);
        assert_eq!(kinds(ItemKind::ProjectIdea), 0);

        // Choosing the done idea completes the part; choosing another makes it not complete.
        progress.choose_idea(Some(first));
        let plan = embedded_plan(progress.clone());
        assert_eq!(plan.stage_counts(&project.id), (1, stack + 1));
        assert_eq!(plan.overall(), (1, roadmap.item_count()));
        assert_eq!(
            plan.item(&project.id).map(|i| i.item.id.as_str()),
            Some(first.as_str())
        );
        progress.choose_idea(Some(second));
        let plan = embedded_plan(progress.clone());
        assert_eq!(plan.stage_counts(&project.id), (0, stack + 1));
        let listed: Vec<&str> = plan
            .counted_items()
            .iter()
            .filter(|item| item.kind == ItemKind::ProjectIdea)
            .map(|item| item.item.id.as_str())
            .collect();
        assert_eq!(listed, [second.as_str()], "unchosen ideas are not counted");

        // A choice the roadmap no longer has is no choice.
        progress.choose_idea(Some("gone"));
        assert!(embedded_plan(progress).chosen_idea().is_none());

        // A roadmap whose ideas are all to do counts each of them.
        let mut all = crate::roadmap::embedded();
        if let Some(project) = all.final_project.as_mut() {
            project.ideas_are_alternatives = false;
        }
        let ideas = project.ideas.len();
        let plan = Plan::new(Arc::new(all), RoadmapProgress::default(), today);
        assert_eq!(plan.stage_counts(&project.id), (0, stack + ideas));
        assert!(!plan.is_choice_slot(&project.id));
    }

    #[test]
    fn every_week_item_is_found_once_in_study_order() {
        let plan = embedded_plan(RoadmapProgress::default());
        let from_weeks: Vec<&str> = plan
            .schedule()
            .weeks
            .iter()
            .flat_map(|week| plan.week_items(week))
            .map(|item| item.item.id.as_str())
            .collect();
        let from_stages: Vec<&str> = plan
            .included()
            .flat_map(|stage| stage.stage.items)
            .map(|item| item.item.id.as_str())
            .collect();
        assert_eq!(from_weeks, from_stages);
        assert!(plan.item("no-such-item").is_none());
    }

    #[test]
    fn ticks_reuse_the_schedule_and_settings_recompute_it() {
        let plan = embedded_plan(RoadmapProgress::default());
        let mut ticked = plan.progress().clone();
        ticked.set_state("concurrency", ItemState::Done, plan.today());
        assert!(plan.same_schedule_for(&ticked));
        let after_tick = plan.with_progress(ticked);
        assert!(Arc::ptr_eq(&plan.schedule, &after_tick.schedule));
        assert_eq!(after_tick.overall().0, 1);
        let mut settings = plan.settings().clone();
        settings.stage_weeks.insert("backend".to_owned(), 20);
        let longer = after_tick.with_settings(settings);
        assert!(!Arc::ptr_eq(&plan.schedule, &longer.schedule));
        assert_eq!(longer.stage("backend").map(|s| s.scheduled.weeks), Some(20));
        assert_eq!(longer.overall().0, 1, "the ticks stay");
    }

    #[test]
    fn a_schedule_of_another_roadmap_is_never_joined() {
        let roadmap = Arc::new(crate::roadmap::embedded());
        let mut other = crate::roadmap::embedded();
        other.phases.reverse();
        let progress = RoadmapProgress::default();
        let wrong = Arc::new(schedule::compute(&other, &progress.plan, day(2027, 1, 4)));
        let plan = Plan::join(roadmap, progress, day(2027, 1, 4), wrong);
        for stage in plan.stages() {
            assert_eq!(stage.stage.id, stage.scheduled.id);
        }
    }
}
