//! The plan as every export format sees it: stages with their dates, weeks with their items,
//! each item with the learner's state. Built once per export from the joined
//! [`crate::plan::Plan`], so the four formats cannot disagree about a date or a tick.

use chrono::NaiveDate;

use super::ExportInput;
use crate::plan::PlanStage;
use crate::progress::{ItemState, Pace, RoadmapProgress};
use crate::roadmap::{ItemKind, ItemRef, MonthRange, Resource};

/// The whole plan, ready to print.
#[derive(Clone, Debug)]
pub struct PlanDoc<'a> {
    pub roadmap_id: &'a str,
    pub title: &'a str,
    /// "10–17 months; 7–12 without optional phases".
    pub estimate: String,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub total_weeks: u32,
    pub pace: Pace,
    pub hours_per_week: f32,
    pub today: NaiveDate,
    /// `(complete, total)` over every item of the roadmap.
    pub progress: (usize, usize),
    /// Every stage in roadmap order, left-out optional phases too.
    pub stages: Vec<StageEntry<'a>>,
    /// The breaks that take weeks of this plan: (label, the learner's first day, and the
    /// Monday and Sunday of the whole weeks it takes).
    pub breaks: Vec<BreakEntry>,
}

/// A break as the exports show it.
#[derive(Clone, Debug)]
pub struct BreakEntry {
    pub label: String,
    /// The learner's first day (stable, for the calendar event's UID).
    pub start: NaiveDate,
    /// The whole weeks it takes, Monday to Sunday (inclusive).
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    pub weeks: u32,
}

/// One phase (or the final project) with its dates and weeks.
#[derive(Clone, Debug)]
pub struct StageEntry<'a> {
    pub id: &'a str,
    /// "Phase 2: Backend Development with Python".
    pub heading: String,
    pub short_title: &'a str,
    pub optional: bool,
    /// `false` for an optional phase the learner left out: it has no dates and no weeks.
    pub included: bool,
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    pub weeks: u32,
    /// The roadmap's estimate in months, and the same converted to weeks at the learner's hours.
    pub estimate_months: MonthRange,
    pub estimate_weeks: (u32, u32),
    pub goal: Option<&'a str>,
    pub resources: &'a [Resource],
    /// The learner's note on the stage.
    pub note: Option<&'a str>,
    /// `(complete, total)` items.
    pub progress: (usize, usize),
    /// The stage's weeks in order (empty when left out).
    pub week_entries: Vec<WeekEntry<'a>>,
    /// Items no week lists: every item of a left-out phase.
    pub unscheduled: Vec<ItemEntry<'a>>,
}

/// One calendar week of the plan.
#[derive(Clone, Debug)]
pub struct WeekEntry<'a> {
    /// 1-based week of the whole plan.
    pub number: u32,
    /// 1-based week within its stage.
    pub stage_week: u32,
    /// First day studied: the Monday, or the start date in a plan that starts mid-week.
    pub first_day: NaiveDate,
    /// The Sunday.
    pub last_day: NaiveDate,
    /// Items first studied this week; empty in a practice week and a break week.
    pub items: Vec<ItemEntry<'a>>,
    /// The break's label when the week is a break (no phase work in it).
    pub break_label: Option<String>,
}

/// One checklist item with where the learner stands on it.
#[derive(Clone, Debug)]
pub struct ItemEntry<'a> {
    pub id: &'a str,
    /// The item's text; for the final project's alternative ideas, they in words: "Choose a
    /// project idea, one of: A; B; C", or "A (chosen; the alternatives: B; C)".
    pub text: std::borrow::Cow<'a, str>,
    pub kind: ItemKind,
    pub state: ItemState,
    pub done_on: Option<NaiveDate>,
    pub note: Option<&'a str>,
    /// The item's own links (format 2), printed with the item on its week.
    pub resources: &'a [Resource],
}

impl<'a> PlanDoc<'a> {
    pub fn new(input: &ExportInput<'a>) -> Self {
        let plan = input.plan;
        let schedule = plan.schedule();
        let progress = plan.progress();
        let stages = plan
            .stages()
            .into_iter()
            .map(|joined| {
                let PlanStage {
                    stage,
                    phase,
                    scheduled,
                    counts,
                    note,
                    ..
                } = joined;
                let week_entries: Vec<WeekEntry<'a>> = if scheduled.included {
                    schedule
                        .weeks
                        .iter()
                        .filter(|week| week.stage_id == stage.id)
                        .map(|week| WeekEntry {
                            number: week.number,
                            stage_week: week.stage_week,
                            first_day: week.monday.max(schedule.start),
                            last_day: week.sunday,
                            items: plan
                                .week_items(week)
                                .into_iter()
                                .map(|item| item_entry(plan, item, progress))
                                .collect(),
                            break_label: week.break_label.clone(),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let unscheduled = if scheduled.included {
                    Vec::new()
                } else {
                    stage
                        .items
                        .iter()
                        .map(|item| item_entry(plan, *item, progress))
                        .collect()
                };
                StageEntry {
                    id: stage.id,
                    heading: stage.heading(),
                    short_title: stage.short_title,
                    optional: stage.optional,
                    included: scheduled.included,
                    start: scheduled.start,
                    end: scheduled.end,
                    weeks: scheduled.weeks,
                    estimate_months: stage.duration_months,
                    estimate_weeks: scheduled.estimate_weeks,
                    goal: phase.map(|p| p.goal.as_str()),
                    resources: phase.map_or(&[][..], |p| p.resources.as_slice()),
                    note: non_empty(note),
                    progress: counts,
                    week_entries,
                    unscheduled,
                }
            })
            .collect();
        let roadmap = plan.roadmap();
        Self {
            roadmap_id: &roadmap.id,
            title: &roadmap.title,
            estimate: roadmap.estimate_text(),
            start: schedule.start,
            finish: schedule.finish,
            total_weeks: schedule.total_weeks,
            pace: plan.settings().pace,
            hours_per_week: schedule.hours_per_week,
            today: plan.today(),
            progress: plan.overall(),
            stages,
            breaks: schedule
                .breaks
                .iter()
                .filter(|b| b.in_plan())
                .map(|b| BreakEntry {
                    label: b.label.clone(),
                    start: b.start,
                    monday: b.monday,
                    sunday: b.sunday,
                    weeks: b.weeks_in_plan,
                })
                .collect(),
        }
    }

    /// The stages the plan schedules, in order.
    pub fn included(&self) -> impl Iterator<Item = &StageEntry<'a>> {
        self.stages.iter().filter(|s| s.included)
    }

    /// Every week of the plan with its stage, in order.
    pub fn weeks(&self) -> impl Iterator<Item = (&StageEntry<'a>, &WeekEntry<'a>)> {
        self.included()
            .flat_map(|stage| stage.week_entries.iter().map(move |week| (stage, week)))
    }

    /// "steady pace, 10 hours a week".
    pub fn pace_text(&self) -> String {
        format!(
            "{} pace, {} hours a week",
            self.pace.label(),
            crate::roadmap::format_number(self.hours_per_week)
        )
    }
}

impl StageEntry<'_> {
    /// "4–9 weeks" (or "6 weeks" when both ends agree).
    pub fn estimate_weeks_text(&self) -> String {
        crate::schedule::weeks_range_text(self.estimate_weeks)
    }
}

fn item_entry<'a>(
    plan: &'a crate::plan::Plan,
    item: ItemRef<'a>,
    progress: &'a RoadmapProgress,
) -> ItemEntry<'a> {
    let saved = progress.item(&item.item.id);
    ItemEntry {
        id: &item.item.id,
        text: item_text(plan, item),
        kind: item.kind,
        state: saved.map(|p| p.state).unwrap_or_default(),
        done_on: saved
            .filter(|p| p.state == ItemState::Done)
            .and_then(|p| p.done_on),
        note: saved.and_then(|p| non_empty(&p.note)),
        resources: &item.item.resources,
    }
}

/// The text an export prints for an item: the alternative ideas say that they are a choice,
/// and which one was chosen.
fn item_text<'a>(plan: &'a crate::plan::Plan, item: ItemRef<'a>) -> std::borrow::Cow<'a, str> {
    let Some(project) = plan.roadmap().final_project.as_ref() else {
        return item.item.text.as_str().into();
    };
    let ideas_but = |skip: &str| {
        project
            .ideas
            .iter()
            .filter(|idea| idea.id != skip)
            .map(|idea| idea.text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match item.kind {
        ItemKind::ChooseIdea => format!("{}, one of: {}", item.item.text, ideas_but("")).into(),
        ItemKind::ProjectIdea if project.has_choice() && project.ideas.len() > 1 => format!(
            "{} (chosen; the alternatives: {})",
            item.item.text,
            ideas_but(&item.item.id)
        )
        .into(),
        _ => item.item.text.as_str().into(),
    }
}

fn non_empty(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::plan::Plan;

    /// Every item text the export prints for the final project.
    fn project_texts(progress: RoadmapProgress) -> Vec<String> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or(NaiveDate::MIN);
        let plan = Plan::new(Arc::new(crate::roadmap::embedded()), progress, today);
        let doc = PlanDoc::new(&ExportInput {
            plan: &plan,
            paper: super::super::Paper::default(),
        });
        doc.stages
            .last()
            .map(|stage| {
                stage
                    .week_entries
                    .iter()
                    .flat_map(|week| &week.items)
                    .map(|item| item.text.to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn alternative_ideas_print_as_a_choice_and_the_chosen_one_marked() {
        let roadmap = crate::roadmap::embedded();
        let ideas = roadmap.final_project.map(|p| p.ideas).unwrap_or_default();
        let texts = project_texts(RoadmapProgress::default());
        let choice = format!(
            "Choose a project idea, one of: {}; {}; {}",
            ideas[0].text, ideas[1].text, ideas[2].text
        );
        assert_eq!(texts.last(), Some(&choice), "{texts:?}");
        assert!(!texts.contains(&ideas[0].text), "no idea on its own");

        let mut progress = RoadmapProgress::default();
        progress.choose_idea(Some(&ideas[1].id));
        let texts = project_texts(progress);
        let chosen = format!(
            "{} (chosen; the alternatives: {}; {})",
            ideas[1].text, ideas[0].text, ideas[2].text
        );
        assert_eq!(texts.last(), Some(&chosen), "{texts:?}");
    }
}
