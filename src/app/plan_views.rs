//! The two plan views (timeline and week plan) share the plan panel on the left. A change
//! made in the panel shows in the view beside it in the same frame: the panel returns the
//! settings it asked for and the view draws a preview plan derived from them (memoized), so
//! nothing reads the queue of commands not yet applied. Runtime-only state lives here,
//! beside the saved data, never in it.

use std::sync::Arc;

use egui::Ui;

use super::context::ViewContext;
use super::plan_cache::PlanCache;
use super::view::View;
use super::{plan_panel, timeline, weeks};
use crate::plan::Plan;

/// What the plan views remember between frames.
#[derive(Default)]
pub struct PlanViews {
    /// Fit the timeline to the whole plan on the next frame.
    pub fit_all: bool,
    /// Scroll the week plan to this week (index into `Schedule::weeks`) on the next frame.
    pub scroll_to_week: Option<usize>,
    /// The week plan has been shown before (the first time it opens on the current week).
    pub weeks_seen: bool,
}

/// The timeline or the week plan, with the plan panel on the left. `plan` is `cx.plan`,
/// shared, so a preview can be derived from it.
pub fn plan_view_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    plan: &Arc<Plan>,
    view: View,
    cache: &mut PlanCache,
    state: &mut PlanViews,
) {
    let mut changed = None;
    egui::Panel::left("plan-panel")
        .resizable(true)
        .default_size(340.0)
        .size_range(260.0..=520.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    changed = plan_panel::plan_panel_ui(ui, cx);
                });
        });
    // A change made in the panel shows in the timeline and week plan in this same frame.
    let preview = changed.map(|settings| cache.preview(plan, &settings));
    let cx = match &preview {
        Some(preview) => cx.with_plan(preview),
        None => *cx,
    };
    match view {
        View::Timeline => timeline::timeline_view_ui(ui, &cx, &mut state.fit_all),
        View::Weeks => {
            if !state.weeks_seen {
                state.weeks_seen = true;
                state.scroll_to_week = cx.plan.current_week();
            }
            weeks::weeks_view_ui(ui, &cx, &mut state.scroll_to_week);
        }
        View::Cards => {}
    }
}
