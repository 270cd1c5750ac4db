//! The two plan views (timeline and week plan) share the plan panel on the left and one
//! memoized schedule. Runtime-only state lives here, beside the saved data, never in it.

use std::sync::Arc;

use chrono::NaiveDate;
use egui::Ui;

use super::{Command, StudyPlannerApp, View, plan_panel, timeline, weeks};
use crate::roadmap::Roadmap;
use crate::schedule::{self, PlanSettings, Schedule};

/// The schedule for the last inputs seen; recomputed only when the roadmap, the plan settings
/// or today change, never just because a frame was drawn.
#[derive(Default)]
pub(super) struct ScheduleCache {
    inputs: Option<(Arc<Roadmap>, PlanSettings, NaiveDate)>,
    schedule: Option<Arc<Schedule>>,
    /// How many times the schedule was computed (tests check the memo holds).
    computations: usize,
}

impl ScheduleCache {
    pub fn get(
        &mut self,
        roadmap: &Arc<Roadmap>,
        settings: &PlanSettings,
        today: NaiveDate,
    ) -> Arc<Schedule> {
        let fresh = self
            .inputs
            .as_ref()
            .is_some_and(|(r, s, t)| Arc::ptr_eq(r, roadmap) && s == settings && *t == today);
        if let (true, Some(schedule)) = (fresh, &self.schedule) {
            return Arc::clone(schedule);
        }
        let schedule = Arc::new(schedule::compute(roadmap, settings, today));
        self.inputs = Some((Arc::clone(roadmap), settings.clone(), today));
        self.schedule = Some(Arc::clone(&schedule));
        self.computations += 1;
        schedule
    }
}

/// What the plan views remember between frames.
#[derive(Default)]
pub(super) struct PlanViews {
    pub cache: ScheduleCache,
    /// Fit the timeline to the whole plan on the next frame.
    pub fit_all: bool,
    /// Scroll the week plan to this week (index into `Schedule::weeks`) on the next frame.
    pub scroll_to_week: Option<usize>,
    /// The week plan has been shown before (the first time it opens on the current week).
    pub weeks_seen: bool,
}

impl StudyPlannerApp {
    /// The schedule for the saved plan settings (memoized).
    pub fn schedule(&mut self) -> Arc<Schedule> {
        self.plan_views
            .cache
            .get(&self.roadmap, &self.data.plan, self.today)
    }

    /// How many times the schedule has been computed since the app started.
    pub fn schedule_computations(&self) -> usize {
        self.plan_views.cache.computations
    }

    /// The timeline or the week plan, with the plan panel on the left.
    pub(super) fn plan_view_ui(&mut self, ui: &mut Ui) {
        let schedule = self.schedule();
        egui::Panel::left("plan-panel")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=520.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        plan_panel::plan_panel_ui(
                            ui,
                            &self.roadmap,
                            &schedule,
                            &self.data.plan,
                            self.today,
                            &mut self.commands,
                        );
                    });
            });
        // A change made in the panel shows in the timeline and week plan in this same frame.
        let schedule = match pending_plan(&self.commands) {
            Some(settings) => self
                .plan_views
                .cache
                .get(&self.roadmap, settings, self.today),
            None => schedule,
        };
        match self.view {
            View::Timeline => timeline::timeline_view_ui(
                ui,
                &self.roadmap,
                &schedule,
                &self.data,
                self.today,
                &mut self.plan_views.fit_all,
                &mut self.commands,
            ),
            View::Weeks => {
                if !self.plan_views.weeks_seen {
                    self.plan_views.weeks_seen = true;
                    self.plan_views.scroll_to_week = schedule.week_index_of(self.today);
                }
                weeks::weeks_view_ui(
                    ui,
                    &self.roadmap,
                    &schedule,
                    &self.data,
                    self.today,
                    &mut self.plan_views.scroll_to_week,
                    &mut self.commands,
                );
            }
            View::Cards => {}
        }
    }
}

/// The plan settings a command pushed earlier in this frame will set, if any.
fn pending_plan(commands: &[Command]) -> Option<&PlanSettings> {
    commands.iter().rev().find_map(|command| match command {
        Command::SetPlan(settings) => Some(settings.as_ref()),
        _ => None,
    })
}
