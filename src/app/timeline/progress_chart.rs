//! "Progress over time": the burn-up chart beside the Gantt chart. Two lines from
//! [`crate::plan::Burnup`] — items the plan expects complete by each week's end, and items
//! the learner completed by each day — and today. Drawn with egui_plot: it is a plain
//! line chart with a date axis, exactly what that crate is for (the Gantt chart needs
//! focusable, draggable bars, so it is painted by hand; see the README's design notes).

use chrono::NaiveDate;
use egui::Ui;
use egui_plot::{HoverPosition, Legend, Line, LineStyle, Plot, VLine};

use super::paint;
use crate::app::context::ViewContext;
use crate::app::widgets::accent;
use crate::gantt::{date_of_day, day_number};
use crate::schedule::short_date;

/// The accessible name of the chart (tests find it by this).
pub const CHART_LABEL: &str = "Chart of items complete over time, planned and done";

/// Points of a plain line through each (date, count): what was done, as it happened.
fn points(points: &[(NaiveDate, usize)]) -> Vec<[f64; 2]> {
    points
        .iter()
        .map(|&(date, count)| [day_number(date), count as f64])
        .collect()
}

/// Points of a step line: each count holds until the next date (the plan's weeks).
fn steps(points: &[(NaiveDate, usize)]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(points.len() * 2);
    for (index, &(date, count)) in points.iter().enumerate() {
        if index > 0
            && let Some(&[_, previous]) = out.last()
        {
            out.push([day_number(date), previous]);
        }
        out.push([day_number(date), count as f64]);
    }
    out
}

/// The chart, filling the space left in the view.
pub fn progress_chart_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let burnup = cx.plan.burnup();
    let (done_now, total) = cx.plan.overall();
    ui.label(format!(
        "{done_now} of {total} items complete; the dashed line is where your plan expects \
         you to be ({} items by the finish).",
        burnup.planned_total
    ));
    let accent = accent(ui);
    let today_colour = paint::today_colour(ui);
    let today = day_number(cx.plan.today());
    let response = Plot::new("progress-over-time")
        .legend(Legend::default())
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .include_y(0.0)
        .include_y(total as f64)
        .y_axis_label("items complete")
        .x_axis_formatter(|mark, _range| {
            date_of_day(mark.value).map(short_date).unwrap_or_default()
        })
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let day = date_of_day(position.x).map(short_date).unwrap_or_default();
                Some(format!("{plot_name}\n{day}: {:.0} items", position.y))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.line(
                Line::new("planned", steps(&burnup.planned))
                    .color(accent.gamma_multiply(0.6))
                    .style(LineStyle::dashed_loose())
                    .width(2.0),
            );
            plot.line(
                Line::new("done", points(&burnup.done))
                    .color(accent)
                    .width(2.0),
            );
            plot.vline(
                VLine::new("today", today)
                    .color(today_colour)
                    .style(LineStyle::dashed_dense()),
            );
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, CHART_LABEL));
}

#[cfg(test)]
mod tests {
    use super::{date_of_day, day_number, steps};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real test date")
    }

    #[test]
    fn dates_and_x_round_trip_and_nonsense_x_is_no_date() {
        let date = day(2027, 3, 14);
        assert_eq!(date_of_day(day_number(date)), Some(date));
        assert_eq!(date_of_day(f64::NAN), None);
        assert_eq!(date_of_day(1e300), None);
    }

    #[test]
    fn a_step_line_holds_each_count_until_the_next_date() {
        let points = [(day(2027, 1, 1), 0), (day(2027, 1, 8), 3)];
        let x1 = day_number(day(2027, 1, 1));
        let x2 = day_number(day(2027, 1, 8));
        assert_eq!(steps(&points), vec![[x1, 0.0], [x2, 0.0], [x2, 3.0]]);
    }
}
