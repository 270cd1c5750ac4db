//! The timeline: a Gantt chart of the plan you can work with. One bar per phase on a date
//! axis, the estimate as a lighter band, progress inside the bar, today and the forecast
//! finish. Drag a bar's right end (or focus it and press ←/→) to change its length; click it
//! (or press Enter) to open its card.
//!
//! Model → layout → paint: [`model`] takes the joined plan's stages with the find box;
//! [`layout`] places every rectangle as a pure function of that and the [`window`] of days
//! shown; [`paint`] draws them; [`chart`] is the thin interactive part; [`words`] says it all
//! in text for tooltips and screen readers. The date axis and the estimate band are the rules
//! the PDF's chart uses too ([`crate::gantt`]).

mod chart;
mod layout;
mod model;
mod paint;
mod progress_chart;
mod window;
mod words;

use chrono::NaiveDate;
use egui::{RichText, Ui};

pub use chart::TimelineState;

use super::Command;
use super::context::ViewContext;
use super::widgets::{accent, optional_colour};
use crate::date::PlanDate;
use crate::gantt::estimate_band;
use crate::plan::Forecast;
use crate::schedule::{Schedule, add_days, date_range, weeks_text};

/// What the hint under the title says; it must stay true to [`chart`]'s handling.
const HINT: &str = "Scroll to move in time, Ctrl+scroll to zoom, drag a bar's right end to \
                    change its length, click a bar to open its phase";

/// The whole view: title and hint, forecast, the chart, its legend.
pub fn timeline_view_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut TimelineState) {
    let schedule = cx.plan.schedule();
    let forecast = cx.plan.forecast();
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Timeline").heading().strong());
        ui.label(format!(
            "{} · {}",
            date_range(schedule.start, schedule.finish),
            weeks_text(schedule.total_weeks)
        ));
        ui.separator();
        ui.selectable_value(&mut state.progress_chart, false, "Phase bars")
            .on_hover_text("The plan as a Gantt chart: one bar per phase");
        ui.selectable_value(&mut state.progress_chart, true, "Progress over time")
            .on_hover_text("Items complete by date, beside where your plan expects you to be");
        if !state.progress_chart
            && ui
                .button("Fit all")
                .on_hover_text("Show the whole plan (or double-click the chart)")
                .clicked()
        {
            state.fit_all = true;
        }
    });
    if state.progress_chart {
        forecast_ui(ui, cx, &forecast);
        progress_chart::progress_chart_ui(ui, cx);
        return;
    }
    ui.label(RichText::new(HINT).small().weak());
    forecast_ui(ui, cx, &forecast);
    ui.add_space(4.0);

    let rows = model::rows(cx.plan, cx.filter);
    let input = chart::ChartInput {
        rows: &rows,
        cx,
        forecast: forecast.finish,
        span: chart_span(schedule, forecast.finish),
    };
    // Leave the legend its line; a long roadmap's rows scroll (the wheel over the names
    // column scrolls them, over the bars it moves in time).
    let legend_height = ui.text_style_height(&egui::TextStyle::Small) + 10.0;
    egui::ScrollArea::vertical()
        .id_salt("timeline-rows")
        .max_height((ui.available_height() - legend_height).max(120.0))
        .auto_shrink([false, true])
        .show(ui, |ui| chart::chart_ui(ui, &input, state));
    legend_ui(ui);
}

/// The days "Fit all" shows: the plan, every estimate band, and the forecast finish.
fn chart_span(schedule: &Schedule, forecast: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let last = schedule
        .included()
        .map(|stage| estimate_band(stage.start, stage.estimate_weeks).longest_end)
        .chain(forecast.map(|finish| add_days(finish, 1)))
        .fold(add_days(schedule.finish, 1), NaiveDate::max);
    (schedule.start, last)
}

fn forecast_ui(ui: &mut Ui, cx: &ViewContext<'_>, forecast: &Forecast) {
    let start = cx.plan.schedule().start;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Forecast")
                .strong()
                .color(paint::forecast_colour(ui)),
        );
        ui.label(forecast.sentence());
        // Only offered when it would move something.
        let replanned = cx
            .plan
            .replan_from_today()
            .filter(|settings| settings.start.map(PlanDate::get) != Some(start));
        let button = ui
            .add_enabled(
                cx.editable && replanned.is_some(),
                egui::Button::new("Re-plan from today"),
            )
            .on_hover_text(
                "Move the plan so your first unfinished phase runs from this week. \
                 Finished phases stay before it; every length stays the same.",
            );
        if button.clicked()
            && let Some(settings) = replanned
        {
            cx.push(Command::SetPlan(Box::new(settings)));
        }
    });
}

fn legend_ui(ui: &mut Ui) {
    let accent = accent(ui);
    ui.horizontal_wrapped(|ui| {
        swatch_ui(ui, accent.gamma_multiply(0.45), "planned");
        swatch_ui(ui, accent, "done so far");
        swatch_ui(ui, accent.gamma_multiply(0.22), "where the estimate ends");
        swatch_ui(
            ui,
            optional_colour(ui).gamma_multiply(0.45),
            "optional phase",
        );
        swatch_ui(ui, paint::today_colour(ui), "today");
        swatch_ui(ui, paint::forecast_colour(ui), "forecast finish");
    });
}

fn swatch_ui(ui: &mut Ui, colour: egui::Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    ui.label(RichText::new(text).small());
}
