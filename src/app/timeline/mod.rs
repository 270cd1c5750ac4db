//! The timeline: one horizontal bar per phase on a date axis (egui_plot), the estimate as a
//! lighter band, progress filled inside the bar, today, and the forecast finish. Hovering a bar
//! tells its dates; clicking it opens that phase's card.
//!
//! Built in three steps: [`rows`] turns the joined plan into bars (pure, tested), the plot
//! paints them, and [`stage_at`] maps the pointer back to a phase.

use chrono::{Datelike, NaiveDate, TimeDelta};
use egui::{Align2, Color32, RichText, Role, Stroke, Ui, WidgetInfo};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, LineStyle, Plot, PlotPoint, Text, VLine,
};

use super::Command;
use super::context::ViewContext;
use super::widgets::{accent, optional_colour};
use crate::date::PlanDate;
use crate::plan::{Forecast, Plan};
use crate::progress::fraction;
use crate::schedule::{
    ScheduledStage, date_range, long_date, monday_of, weeks_range_text, weeks_text,
};

/// One row of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub stage: &'a ScheduledStage,
    /// Plot y: the first stage on top.
    pub y: f64,
    /// `(complete, total)` items.
    pub counts: (usize, usize),
}

/// One row per stage, first stage on top.
pub fn rows(plan: &Plan) -> Vec<Row<'_>> {
    let stages = plan.stages();
    let count = stages.len();
    stages
        .into_iter()
        .map(|stage| Row {
            stage: stage.scheduled,
            y: (count - 1 - stage.index) as f64,
            counts: stage.counts,
        })
        .collect()
}

/// The included stage under a plot point: the row nearest `y`, if `x` falls in its dates.
pub fn stage_at<'a>(rows: &[Row<'a>], point: PlotPoint) -> Option<&'a ScheduledStage> {
    let row = rows.iter().find(|row| (row.y - point.y).abs() <= 0.4)?;
    let stage = row.stage;
    let inside = day_x(stage.start) <= point.x && point.x < day_x(stage.end) + 1.0;
    (stage.included && inside).then_some(stage)
}

/// The chart's x: days since 1970-01-01.
pub fn day_x(date: NaiveDate) -> f64 {
    (date - epoch()).num_days() as f64
}

/// The day an x value falls on; `None` far outside the calendar.
pub fn date_of_x(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1.0e8 {
        return None;
    }
    epoch().checked_add_signed(TimeDelta::try_days(x.floor() as i64)?)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// Grid marks for a date axis: 1 January (year lines), the 1st of each month, and Mondays when
/// zoomed in far enough to tell weeks apart.
pub fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let span = high - low;
    if !span.is_finite() || span <= 0.0 || span > 365.0 * 300.0 {
        return Vec::new();
    }
    let (Some(from), Some(to)) = (date_of_x(low), date_of_x(high)) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1);
    while let Some(first) = month
        && first <= to
    {
        if first.month() == 1 {
            marks.push(GridMark {
                value: day_x(first),
                step_size: 365.0,
            });
        } else if span <= 365.0 * 40.0 {
            marks.push(GridMark {
                value: day_x(first),
                step_size: 30.0,
            });
        }
        month = first.checked_add_months(chrono::Months::new(1));
    }
    if span <= 200.0 {
        let mut monday = Some(monday_of(from));
        while let Some(this) = monday
            && this <= to
        {
            if this.day() != 1 {
                marks.push(GridMark {
                    value: day_x(this),
                    step_size: 7.0,
                });
            }
            // `None` past chrono's last date ends the marks instead of panicking.
            monday = this.checked_add_days(chrono::Days::new(7));
        }
    }
    marks.retain(|mark| low <= mark.value && mark.value <= high);
    marks
}

/// "2027" on year lines, "Feb" on month lines, "8 Feb" on week lines.
pub fn date_label(mark: GridMark) -> String {
    let Some(date) = date_of_x(mark.value) else {
        return String::new();
    };
    if mark.step_size >= 365.0 {
        date.format("%Y").to_string()
    } else if mark.step_size >= 28.0 {
        date.format("%b").to_string()
    } else {
        date.format("%-d %b").to_string()
    }
}

/// The whole view: summary, forecast, the chart, its legend.
pub fn timeline_view_ui(ui: &mut Ui, cx: &ViewContext<'_>, fit_all: &mut bool) {
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
        if ui
            .button("Fit all")
            .on_hover_text("Show the whole plan (or double-click the chart)")
            .clicked()
        {
            *fit_all = true;
        }
        ui.label(
            RichText::new("Scroll to pan, Ctrl+scroll to zoom, click a bar to open its phase")
                .small()
                .weak(),
        );
    });
    forecast_ui(ui, cx, &forecast);
    ui.add_space(4.0);
    chart_ui(ui, cx, &forecast, fit_all);
    legend_ui(ui);
}

fn forecast_ui(ui: &mut Ui, cx: &ViewContext<'_>, forecast: &Forecast) {
    let start = cx.plan.schedule().start;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Forecast")
                .strong()
                .color(forecast_colour(ui)),
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

fn chart_ui(ui: &mut Ui, cx: &ViewContext<'_>, forecast: &Forecast, fit_all: &mut bool) {
    let schedule = cx.plan.schedule();
    let today = cx.plan.today();
    let rows = rows(cx.plan);
    let labels: Vec<(f64, String)> = rows
        .iter()
        .map(|row| {
            let name = row.stage.label();
            let name = if row.stage.included {
                name
            } else {
                format!("{name} (left out)")
            };
            (row.y, name)
        })
        .collect();
    let row_count = rows.len() as f64;
    let last = forecast
        .finish
        .map_or(schedule.finish, |f| f.max(schedule.finish));
    // Fill the view (leaving room for the legend), but keep bars from growing absurdly tall.
    let wanted = rows.len() as f32 * 64.0 + 60.0;
    let height = (ui.available_height() - 28.0).min(wanted).max(220.0);

    let accent = accent(ui);
    let optional = optional_colour(ui);
    let today_colour = today_colour(ui);
    let forecast_colour = forecast_colour(ui);
    let text_colour = ui.visuals().weak_text_color();

    let mut plot = Plot::new("timeline")
        .height(height)
        .show_x(false)
        .show_y(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll([true, false])
        .allow_boxed_zoom(false)
        .include_x(day_x(schedule.start) - 7.0)
        .include_x(day_x(last) + 10.0)
        .include_y(-0.6)
        .include_y(row_count - 0.4)
        .x_grid_spacer(date_grid)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(|mark, _range| date_label(mark))
                // Month names are short: show them from 28 points apart.
                .label_spacing(28.0..=40.0),
        ])
        .y_grid_spacer(move |_input| {
            (0..rows_len(row_count))
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .custom_y_axes(vec![
            AxisHints::new_y()
                .formatter(move |mark, _range| {
                    labels
                        .iter()
                        .find(|(y, _)| (y - mark.value).abs() < 0.01)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_default()
                })
                .min_thickness(190.0),
        ])
        .show_grid([true, false]);
    if std::mem::take(fit_all) {
        plot = plot.reset();
    }

    let bars_rows = rows.clone();
    let response = plot.show(ui, |plot_ui| {
        let mut bands = Vec::new();
        let mut planned = Vec::new();
        let mut done = Vec::new();
        for row in &bars_rows {
            let stage = row.stage;
            let colour = if stage.optional { optional } else { accent };
            if !stage.included {
                plot_ui.text(
                    Text::new(
                        format!("left out {}", stage.id),
                        PlotPoint::new(day_x(stage.start), row.y),
                        RichText::new(format!("left out · would add {}", weeks_text(stage.weeks)))
                            .italics(),
                    )
                    .anchor(Align2::LEFT_CENTER)
                    .color(text_colour)
                    .allow_hover(false),
                );
                continue;
            }
            let start = day_x(stage.start);
            let monday = day_x(monday_of(stage.start));
            let (low, high) = stage.estimate_weeks;
            let band_from = monday + f64::from(low) * 7.0;
            let band_to = monday + f64::from(high) * 7.0;
            bands.push(
                Bar::new(row.y, (band_to - band_from).max(3.0))
                    .base_offset(band_from - if low == high { 1.5 } else { 0.0 })
                    .width(0.8)
                    .fill(colour.gamma_multiply(0.22))
                    .stroke(Stroke::NONE),
            );
            let length = day_x(stage.end) + 1.0 - start;
            planned.push(
                Bar::new(row.y, length)
                    .base_offset(start)
                    .width(0.5)
                    .fill(colour.gamma_multiply(0.45))
                    .stroke(Stroke::new(1.0, colour)),
            );
            let share = f64::from(fraction(row.counts));
            if share > 0.0 {
                done.push(
                    Bar::new(row.y, length * share)
                        .base_offset(start)
                        .width(0.5)
                        .fill(colour)
                        .stroke(Stroke::NONE),
                );
            }
        }
        plot_ui.bar_chart(
            BarChart::new("Estimate", bands)
                .horizontal()
                .allow_hover(false),
        );
        plot_ui.bar_chart(
            BarChart::new("Planned", planned)
                .horizontal()
                .allow_hover(false),
        );
        plot_ui.bar_chart(BarChart::new("Done", done).horizontal().allow_hover(false));
        plot_ui.vline(
            VLine::new("Today", day_x(today))
                .color(today_colour)
                .width(1.5)
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
        plot_ui.text(
            Text::new(
                "today label",
                PlotPoint::new(day_x(today), row_count - 0.45),
                "today",
            )
            .anchor(Align2::LEFT_BOTTOM)
            .color(today_colour)
            .allow_hover(false),
        );
        if let Some(finish) = forecast.finish {
            let x = day_x(finish) + 1.0;
            plot_ui.vline(
                VLine::new("Forecast finish", x)
                    .color(forecast_colour)
                    .width(2.0)
                    .style(LineStyle::dotted_dense())
                    .allow_hover(false),
            );
            plot_ui.text(
                Text::new(
                    "forecast label",
                    PlotPoint::new(x, -0.55),
                    format!("forecast: {}", long_date(finish)),
                )
                .anchor(Align2::RIGHT_BOTTOM)
                .color(forecast_colour)
                .allow_hover(false),
            );
        }
    });

    let plot_response = response.response;
    let hovered = plot_response
        .hover_pos()
        .map(|pos| response.transform.value_from_position(pos))
        .and_then(|point| stage_at(&rows, point))
        .and_then(|stage| rows.iter().find(|row| std::ptr::eq(row.stage, stage)));
    if plot_response.clicked()
        && let Some(row) = hovered
    {
        cx.push(Command::OpenStageCard(row.stage.id.clone()));
    }
    let summary = accessible_summary(&rows);
    plot_response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &summary));
    if let Some(row) = hovered {
        plot_response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text_at_pointer(tooltip(row));
    }
}

fn rows_len(row_count: f64) -> usize {
    row_count.max(0.0) as usize
}

/// What a hovered bar says.
fn tooltip(row: &Row<'_>) -> String {
    let stage = row.stage;
    let (complete, total) = row.counts;
    let mut text = format!(
        "{}\n{} · {}\nEstimate: {}",
        stage.label(),
        date_range(stage.start, stage.end),
        weeks_text(stage.weeks),
        weeks_range_text(stage.estimate_weeks),
    );
    if stage.outside_estimate {
        text.push_str(" (your length is outside it)");
    }
    text.push_str(&format!(
        "\nProgress: {complete} of {total} complete\nClick to open the phase"
    ));
    text
}

/// The chart in words, for screen readers (and tests): each row's name and dates.
pub fn accessible_summary(rows: &[Row<'_>]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|row| {
            let stage = row.stage;
            if stage.included {
                format!(
                    "{}: {}, {}",
                    stage.label(),
                    date_range(stage.start, stage.end),
                    weeks_text(stage.weeks)
                )
            } else {
                format!("{}: left out", stage.label())
            }
        })
        .collect();
    format!("Timeline. {}", parts.join("; "))
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
        swatch_ui(ui, today_colour(ui), "today");
        swatch_ui(ui, forecast_colour(ui), "forecast finish");
    });
}

fn swatch_ui(ui: &mut Ui, colour: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    ui.label(RichText::new(text).small());
}

fn today_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(255, 110, 110)
    } else {
        Color32::from_rgb(200, 30, 30)
    }
}

fn forecast_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 210, 140)
    } else {
        Color32::from_rgb(20, 130, 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{PlanSettings, RoadmapProgress};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
    }

    #[test]
    fn days_map_to_x_and_back() {
        assert_eq!(day_x(date(1970, 1, 2)), 1.0);
        assert_eq!(
            date_of_x(day_x(date(2028, 2, 29)) + 0.7),
            Some(date(2028, 2, 29))
        );
        assert_eq!(date_of_x(f64::NAN), None);
        assert_eq!(date_of_x(1.0e12), None);
    }

    #[test]
    fn the_pointer_finds_the_bar_under_it() {
        let roadmap = crate::roadmap::embedded();
        let settings = PlanSettings {
            start: Some(PlanDate::clamped(date(2027, 1, 4))),
            excluded: ["frontend".to_owned()].into(),
            ..PlanSettings::default()
        };
        let progress = RoadmapProgress {
            plan: settings,
            ..RoadmapProgress::default()
        };
        let plan = Plan::new(std::sync::Arc::new(roadmap), progress, date(2027, 1, 4));
        let schedule = plan.schedule();
        let rows = rows(&plan);
        assert_eq!(rows[0].y, 6.0, "the first phase is on top");
        let backend = PlotPoint::new(day_x(date(2027, 3, 1)) + 0.5, 5.1);
        assert_eq!(
            stage_at(&rows, backend).map(|s| s.id.as_str()),
            Some("backend")
        );
        // Same row, after the phase ended: nothing.
        let later = PlotPoint::new(day_x(date(2027, 6, 1)), 5.0);
        assert_eq!(stage_at(&rows, later), None);
        // A left-out phase has no bar to click.
        let frontend = PlotPoint::new(day_x(schedule.stages[3].start), 3.0);
        assert_eq!(stage_at(&rows, frontend), None);
        let summary = accessible_summary(&rows);
        assert!(
            summary.contains("2. Backend Development: 22 Feb – 9 May 2027, 11 weeks"),
            "{summary}"
        );
        assert!(summary.contains("4. Frontend: left out"), "{summary}");
    }

    #[test]
    fn the_date_axis_marks_years_months_and_close_up_weeks() {
        let from = day_x(date(2027, 1, 1));
        let year = date_grid(GridInput {
            bounds: (from, from + 365.0),
            base_step_size: 1.0,
        });
        let labels: Vec<String> = year.iter().map(|m| date_label(*m)).collect();
        assert_eq!(labels[..3], ["2027", "Feb", "Mar"]);
        assert_eq!(labels.len(), 13, "{labels:?}");
        assert_eq!(labels.last().map(String::as_str), Some("2028"));
        let close = date_grid(GridInput {
            bounds: (from, from + 40.0),
            base_step_size: 0.1,
        });
        let labels: Vec<String> = close.iter().map(|m| date_label(*m)).collect();
        assert_eq!(
            labels,
            [
                "2027", "Feb", "4 Jan", "11 Jan", "18 Jan", "25 Jan", "8 Feb"
            ]
        );
        assert!(
            date_grid(GridInput {
                bounds: (0.0, 1.0e9),
                base_step_size: 1.0
            })
            .is_empty()
        );
    }
}
