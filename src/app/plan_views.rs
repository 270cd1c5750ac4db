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
    /// The timeline's window of days and the drag of a bar's end under way.
    pub timeline: timeline::TimelineState,
    /// Scroll the week plan to this week (index into `Schedule::weeks`) on the next frame.
    pub scroll_to_week: Option<usize>,
    /// The week plan has been shown before (the first time it opens on the current week).
    pub weeks_seen: bool,
    /// In a narrow window the plan panel folds away behind a toggle; the learner opened it.
    pub panel_open: bool,
}

/// Below this width the plan panel folds away behind a toggle, so the chart and the week plan
/// keep most of the window.
const NARROW_WIDTH: f32 = 1000.0;

impl PlanViews {
    /// Escape while a bar's end is dragged on the timeline drops the drag (and the key), before
    /// Escape means anything else.
    pub fn cancel_drag_on_escape(&mut self, ui: &Ui) {
        if self.timeline.dragging()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.timeline.cancel_drag();
        }
    }
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
    // While a bar's end is dragged on the timeline, the panel and the chart show the plan as
    // the drag would leave it; the learner's data changes only when the drag is released.
    let dragged = state
        .timeline
        .preview(plan.settings())
        .map(|settings| cache.preview(plan, &settings));
    let (plan, cx) = match &dragged {
        Some(dragged) => (dragged, cx.with_plan(dragged)),
        None => (plan, *cx),
    };
    let narrow = ui.available_width() < NARROW_WIDTH;
    if narrow {
        ui.toggle_value(&mut state.panel_open, "Your plan")
            .on_hover_text("Start date, pace, hours and each phase's length");
    }
    let mut changed = None;
    if narrow && !state.panel_open {
        // The same widget ids after this point whether the panel shows or not.
        ui.skip_ahead_auto_ids(1);
    } else {
        super::widgets::left_bar(ui, "plan-panel")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=520.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        changed = plan_panel::plan_panel_ui(ui, &cx);
                    });
            });
    }
    // A change made in the panel shows in the timeline and week plan in this same frame.
    let preview = changed.map(|settings| cache.preview(plan, &settings));
    let cx = match &preview {
        Some(preview) => cx.with_plan(preview),
        None => cx,
    };
    match view {
        View::Timeline => timeline::timeline_view_ui(ui, &cx, &mut state.timeline),
        View::Weeks => {
            if !state.weeks_seen {
                state.weeks_seen = true;
                state.scroll_to_week = cx.plan.current_week();
            }
            weeks::weeks_view_ui(ui, &cx, &mut state.scroll_to_week);
        }
        View::Cards | View::ThisWeek => {}
    }
}
