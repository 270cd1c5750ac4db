//! The Gantt chart of the overview page, drawn as vectors: one row per stage, a month grid,
//! the planned weeks as a bar (darker for the share already done), the roadmap's estimate as a
//! pale band behind it, and a dashed line on today.
//!
//! Three steps, as for any chart: the model is the [`PlanDoc`]; [`Scale`] maps days to x; the
//! functions below paint rows into blocks. A roadmap with more stages than fit on a page gets
//! its chart split into several blocks, each with its own month axis.

use chrono::{Datelike, NaiveDate};

use super::canvas::{Area, Canvas, Pen};
use super::fonts::{Fonts, Weight};
use super::layout::Block;
use super::style;
use crate::export::model::{PlanDoc, StageEntry};
use crate::progress::fraction;

/// Rows are never thinner than this, however many stages there are.
const MIN_ROW: f32 = 13.0;
const MAX_ROW: f32 = 24.0;
/// Room above the rows for month names, and below for the today label.
const AXIS_HEIGHT: f32 = 16.0;
const FOOT_HEIGHT: f32 = 14.0;

/// Maps dates to x positions in the chart area.
#[derive(Clone, Copy, Debug)]
struct Scale {
    first: NaiveDate,
    last_exclusive: NaiveDate,
    x0: f32,
    width: f32,
}

impl Scale {
    fn x(&self, date: NaiveDate) -> f32 {
        let span = (self.last_exclusive - self.first).num_days().max(1) as f32;
        let offset = (date - self.first).num_days() as f32;
        self.x0 + (offset / span).clamp(0.0, 1.0) * self.width
    }
}

/// The chart as blocks of at most `max_height` points each.
pub fn gantt_blocks(doc: &PlanDoc<'_>, fonts: &Fonts, width: f32, max_height: f32) -> Vec<Block> {
    let rows: Vec<(usize, &StageEntry<'_>)> = doc.stages.iter().enumerate().collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let room = (max_height - AXIS_HEIGHT - FOOT_HEIGHT).max(MIN_ROW);
    let row_height = (room / rows.len() as f32).clamp(MIN_ROW, MAX_ROW);
    // Split evenly: 26 rows in two charts of 13 read better than 23 and 3.
    let fitting = ((room / row_height).floor() as usize).max(1);
    let charts = rows.len().div_ceil(fitting);
    let rows_per_block = rows.len().div_ceil(charts);
    let label_width = label_width(doc, fonts, width);
    let scale = Scale {
        first: month_start(doc.start),
        last_exclusive: next_month_start(doc.finish.max(doc.start)),
        x0: label_width,
        width: width - label_width,
    };
    rows.chunks(rows_per_block)
        .map(|chunk| chunk_block(doc, chunk, fonts, scale, row_height))
        .collect()
}

fn label_width(doc: &PlanDoc<'_>, fonts: &Fonts, width: f32) -> f32 {
    let widest = doc
        .stages
        .iter()
        .map(|stage| fonts.width(Weight::Regular, style::SMALL, &row_label(stage)))
        .fold(0.0, f32::max);
    (widest + 10.0).clamp(60.0, width * 0.3)
}

/// "2  Backend Development", "Final project", with "(left out)" for an excluded phase.
fn row_label(stage: &StageEntry<'_>) -> String {
    let number = stage
        .heading
        .strip_prefix("Phase ")
        .and_then(|rest| rest.split(':').next())
        .map(|n| format!("{n}  "))
        .unwrap_or_default();
    let suffix = if stage.included { "" } else { " (left out)" };
    format!("{number}{}{suffix}", stage.short_title)
}

fn chunk_block(
    doc: &PlanDoc<'_>,
    rows: &[(usize, &StageEntry<'_>)],
    fonts: &Fonts,
    scale: Scale,
    row_height: f32,
) -> Block {
    let mut canvas = Canvas::default();
    let rows_top = AXIS_HEIGHT;
    let rows_bottom = rows_top + row_height * rows.len() as f32;
    // Alternate row shading makes a long chart easy to follow across.
    for (position, _) in rows.iter().enumerate() {
        if position % 2 == 1 {
            let y = rows_top + row_height * position as f32;
            canvas.fill(
                Area::new(0.0, y, scale.x0 + scale.width, row_height),
                style::SHADE,
            );
        }
    }
    month_grid(&mut canvas, fonts, scale, rows_top, rows_bottom);
    for (position, (index, stage)) in rows.iter().enumerate() {
        let top = rows_top + row_height * position as f32;
        stage_row(&mut canvas, fonts, scale, (top, row_height), *index, stage);
    }
    canvas.line(
        (scale.x0, rows_bottom),
        (scale.x0 + scale.width, rows_bottom),
        Pen::solid(style::MUTED, 0.6),
    );
    today_line(&mut canvas, fonts, doc.today, scale, rows_top, rows_bottom);
    Block::new(canvas, rows_bottom + FOOT_HEIGHT)
}

fn month_grid(canvas: &mut Canvas, fonts: &Fonts, scale: Scale, top: f32, bottom: f32) {
    let months = months_between(scale.first, scale.last_exclusive);
    let month_width = scale.width / months.len().max(1) as f32;
    let widest = fonts.width(Weight::Regular, style::TINY, "Sep 2026") + 4.0;
    let step = [1, 2, 3, 4, 6, 12]
        .into_iter()
        .find(|step| month_width * *step as f32 >= widest)
        .unwrap_or(12);
    for (index, month) in months.iter().enumerate() {
        let x = scale.x(*month);
        let labelled = index % step == 0;
        let pen = if month.month() == 1 {
            Pen::solid(style::MUTED, 0.6)
        } else {
            Pen::solid(style::RULE, 0.4)
        };
        canvas.line(
            (x, top - if labelled { 4.0 } else { 0.0 }),
            (x, bottom),
            pen,
        );
        if labelled {
            let label = if index == 0 || month.month() == 1 || step >= 12 {
                month.format("%b %Y").to_string()
            } else {
                month.format("%b").to_string()
            };
            let label_width = fonts.width(Weight::Regular, style::TINY, &label);
            let right_limit = scale.x0 + scale.width - label_width;
            canvas.text(
                ((x + 2.0).min(right_limit), top - 5.0),
                style::TINY,
                Weight::Regular,
                style::MUTED,
                label,
            );
        }
    }
    let end = scale.x0 + scale.width;
    canvas.line((end, top), (end, bottom), Pen::solid(style::RULE, 0.4));
}

fn stage_row(
    canvas: &mut Canvas,
    fonts: &Fonts,
    scale: Scale,
    (top, height): (f32, f32),
    index: usize,
    stage: &StageEntry<'_>,
) {
    let label = row_label(stage);
    let room = scale.x0 - 6.0;
    let label = fit(fonts, style::SMALL, &label, room);
    let color = if stage.included {
        style::INK
    } else {
        style::MUTED
    };
    let baseline = top + height / 2.0 + style::SMALL * 0.35;
    canvas.text((0.0, baseline), style::SMALL, Weight::Regular, color, label);
    if !stage.included {
        return;
    }
    let hue = style::stage_color(index);
    let start = stage.start;
    let end_exclusive = stage.end.succ_opt().unwrap_or(stage.end);
    // The estimate: from the shortest to the longest the roadmap suggests, from the same start.
    let (low, high) = stage.estimate_weeks;
    let band_from = crate::schedule::monday_of(start) + chrono::Days::new(u64::from(low) * 7);
    let band_to = crate::schedule::monday_of(start) + chrono::Days::new(u64::from(high) * 7);
    let band = Area::new(
        scale.x(band_from.min(band_to)),
        top + height * 0.18,
        (scale.x(band_to) - scale.x(band_from)).max(0.8),
        height * 0.64,
    );
    canvas.fill(band, style::lighter(hue, 0.78));
    let bar = Area::new(
        scale.x(start),
        top + height * 0.3,
        (scale.x(end_exclusive) - scale.x(start)).max(1.0),
        height * 0.4,
    );
    canvas.fill(bar, hue);
    let done = fraction(stage.progress);
    if done > 0.0 {
        canvas.fill(
            Area::new(bar.x, bar.y, bar.w * done, bar.h),
            style::darker(hue, 0.45),
        );
    }
}

fn today_line(
    canvas: &mut Canvas,
    fonts: &Fonts,
    today: NaiveDate,
    scale: Scale,
    top: f32,
    bottom: f32,
) {
    if today < scale.first || today >= scale.last_exclusive {
        return;
    }
    let x = scale.x(today);
    canvas.line(
        (x, top - 2.0),
        (x, bottom + 2.0),
        Pen::dashed(style::TODAY, 1.0, (3.0, 2.0)),
    );
    let label = format!("Today, {}", crate::export::long_date(today));
    let width = fonts.width(Weight::Bold, style::TINY, &label);
    let left = (x - width / 2.0).clamp(scale.x0, scale.x0 + scale.width - width);
    canvas.text(
        (left, bottom + 10.0),
        style::TINY,
        Weight::Bold,
        style::TODAY,
        label,
    );
}

/// The legend under the chart, as one block.
pub fn legend_block(fonts: &Fonts, width: f32) -> Block {
    let mut canvas = Canvas::default();
    let hue = style::stage_color(0);
    let entries: [(&str, Swatch); 4] = [
        ("planned weeks", Swatch::Bar(hue)),
        ("done so far", Swatch::Bar(style::darker(hue, 0.45))),
        (
            "roadmap estimate, shortest to longest",
            Swatch::Band(style::lighter(hue, 0.78)),
        ),
        ("today", Swatch::Line),
    ];
    let mut x = 0.0;
    let baseline = 9.0;
    for (label, swatch) in entries {
        match swatch {
            Swatch::Bar(color) => canvas.fill(Area::new(x, 4.0, 14.0, 5.0), color),
            Swatch::Band(color) => canvas.fill(Area::new(x, 2.0, 14.0, 9.0), color),
            Swatch::Line => canvas.line(
                (x + 7.0, 1.0),
                (x + 7.0, 12.0),
                Pen::dashed(style::TODAY, 1.0, (3.0, 2.0)),
            ),
        }
        x += 18.0;
        let label_width = fonts.width(Weight::Regular, style::TINY, label);
        if x + label_width > width {
            break;
        }
        canvas.text(
            (x, baseline),
            style::TINY,
            Weight::Regular,
            style::MUTED,
            label,
        );
        x += label_width + 14.0;
    }
    Block::new(canvas, 16.0)
}

enum Swatch {
    Bar(crate::export::pdf::canvas::Rgb),
    Band(crate::export::pdf::canvas::Rgb),
    Line,
}

/// `text`, shortened with "…" until it fits in `width`.
pub fn fit(fonts: &Fonts, size: f32, text: &str, width: f32) -> String {
    if fonts.width(Weight::Regular, size, text) <= width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if fonts.width(Weight::Regular, size, &candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn next_month_start(date: NaiveDate) -> NaiveDate {
    let first = month_start(date);
    first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first)
}

/// The first day of every month from `first` (a month start) up to `last_exclusive`.
fn months_between(first: NaiveDate, last_exclusive: NaiveDate) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = first;
    // A plan is at most a few decades; the cap only guards against a corrupt schedule.
    while month < last_exclusive && months.len() < 1200 {
        months.push(month);
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cover_the_plan() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let months = months_between(day(2025, 11, 1), next_month_start(day(2026, 2, 14)));
        assert_eq!(
            months,
            vec![
                day(2025, 11, 1),
                day(2025, 12, 1),
                day(2026, 1, 1),
                day(2026, 2, 1)
            ]
        );
    }
}
