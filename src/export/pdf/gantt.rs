//! The Gantt chart of the overview page, drawn as vectors: one row per stage, a month grid,
//! the planned weeks as a bar (darker for the share already done), the roadmap's estimate as a
//! pale band behind it, and a dashed line on today.
//!
//! Three steps, as for any chart: the model is the [`PlanDoc`]; [`Scale`] maps days to x; the
//! functions below paint rows into blocks. A roadmap with more stages than fit on a page gets
//! its chart split into several blocks, each with its own date axis. The axis labels and the
//! estimate bands follow the same rules as the window's timeline ([`crate::gantt`]).

use chrono::{Datelike, NaiveDate};

use super::canvas::{Area, Canvas, Pen, Rgb};
use super::fonts::{Fonts, Weight};
use super::layout::Block;
use super::style;
use crate::export::model::{BreakEntry, PlanDoc, StageEntry};
use crate::gantt::axis::GridKind;
use crate::gantt::{DayScale, date_axis, estimate_band};
use crate::progress::fraction;

/// Rows are never thinner than this, however many stages there are.
const MIN_ROW: f32 = 13.0;
const MAX_ROW: f32 = 24.0;
/// Room above the rows for month names, and below for the today label.
const AXIS_HEIGHT: f32 = 16.0;
const FOOT_HEIGHT: f32 = 14.0;

/// Maps dates to x positions in the chart area, which starts at `x0` (right of the names).
#[derive(Clone, Copy, Debug)]
struct Scale {
    first: NaiveDate,
    last_exclusive: NaiveDate,
    days: DayScale,
    x0: f32,
    width: f32,
}

impl Scale {
    fn new(first: NaiveDate, last_exclusive: NaiveDate, x0: f32, width: f32) -> Self {
        Self {
            first,
            last_exclusive,
            days: DayScale::of_dates(first, last_exclusive, width),
            x0,
            width,
        }
    }

    /// Clamped to the chart, so nothing is ever drawn past its edges.
    fn x(&self, date: NaiveDate) -> f32 {
        self.x0 + self.days.x(date).clamp(0.0, self.width)
    }

    fn x_of_day(&self, day: f64) -> f32 {
        self.x0 + self.days.x_of_day(day).clamp(0.0, self.width)
    }
}

/// The day after the last the chart must show: the plan's finish, or the end of the latest
/// estimate band if that is later (a final project planned shorter than its estimate).
fn chart_end(doc: &PlanDoc<'_>) -> NaiveDate {
    let finish = doc.finish.max(doc.start).succ_opt().unwrap_or(doc.finish);
    doc.stages
        .iter()
        .filter(|stage| stage.included)
        .map(|stage| estimate_band(stage.start, stage.estimate_weeks).longest_end)
        .fold(finish, NaiveDate::max)
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
    let last_day = chart_end(doc).pred_opt().unwrap_or(doc.finish);
    let scale = Scale::new(
        month_start(doc.start),
        next_month_start(last_day),
        label_width,
        width - label_width,
    );
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
    axis_grid(&mut canvas, fonts, scale, rows_top, rows_bottom);
    for one in &doc.breaks {
        break_band(&mut canvas, fonts, scale, one, (rows_top, rows_bottom));
    }
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

/// Grid lines and date labels from the shared axis rule: the step (weeks, months, quarters,
/// years) is the finest whose labels fit, and the year is named at every January.
fn axis_grid(canvas: &mut Canvas, fonts: &Fonts, scale: Scale, top: f32, bottom: f32) {
    let measure = |text: &str| fonts.width(Weight::Regular, style::TINY, text);
    let axis = date_axis(scale.days, &measure);
    for line in &axis.lines {
        let x = scale.x0 + line.x;
        let (pen, rise) = match line.kind {
            GridKind::Year => (Pen::solid(style::MUTED, 0.6), 4.0),
            GridKind::Step => (Pen::solid(style::RULE, 0.4), 4.0),
            GridKind::Minor => (Pen::solid(style::SHADE, 0.4), 0.0),
        };
        canvas.line((x, top - rise), (x, bottom), pen);
    }
    for label in axis.labels {
        canvas.text(
            (scale.x0 + label.x, top - 5.0),
            style::TINY,
            Weight::Regular,
            style::MUTED,
            label.text,
        );
    }
    let end = scale.x0 + scale.width;
    canvas.line((end, top), (end, bottom), Pen::solid(style::RULE, 0.4));
}

/// The fill of a break's weeks, the same grey as the window's timeline uses for them.
const BREAK_FILL: Rgb = Rgb(226, 230, 235);

/// A break: its whole weeks as a grey band down every row (behind the bars: a phase that
/// pauses for it runs through it), labelled with its name when that fits, at the foot of the
/// last row: under that row's bar, where the final project (last in time) seldom is.
fn break_band(
    canvas: &mut Canvas,
    fonts: &Fonts,
    scale: Scale,
    one: &BreakEntry,
    (top, bottom): (f32, f32),
) {
    let first = one.monday.max(scale.first);
    let after = one
        .sunday
        .succ_opt()
        .unwrap_or(one.sunday)
        .min(scale.last_exclusive);
    if after <= first {
        return;
    }
    let (left, right) = (scale.x(first), scale.x(after));
    canvas.fill(Area::new(left, top, right - left, bottom - top), BREAK_FILL);
    // A white edge where it starts, so two breaks back to back read as two.
    canvas.line(
        (left, top),
        (left, bottom),
        Pen::solid(Rgb(255, 255, 255), 0.8),
    );
    let label = fit(fonts, style::TINY, &one.label, right - left - 2.0);
    // A lone ellipsis names nothing: a short break on a long chart stays a plain band.
    if !label.is_empty() && label != "…" {
        canvas.text(
            (left + 1.0, bottom - 2.0),
            style::TINY,
            Weight::Regular,
            style::MUTED,
            label,
        );
    }
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
    let (band_from, band_to) = estimate_band(start, stage.estimate_weeks).days(1.0);
    let (left, right) = (scale.x_of_day(band_from), scale.x_of_day(band_to));
    let band = Area::new(left, top + height * 0.18, right - left, height * 0.64);
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

/// What the legend calls the breaks' grey band: "break (no study that week)", or with the
/// names the learner gave, in date order ("breaks: holiday, exams"), since a short
/// break's band is too narrow to carry its name. Empty without breaks.
fn break_legend(breaks: &[BreakEntry]) -> String {
    let mut sorted: Vec<&BreakEntry> = breaks.iter().collect();
    sorted.sort_by_key(|one| one.monday);
    let names: Vec<&str> = sorted
        .iter()
        .map(|one| one.label.as_str())
        .filter(|name| *name != "Break")
        .collect();
    match (breaks.len(), names.is_empty()) {
        (0, _) => String::new(),
        (_, true) => "break (no study that week)".to_owned(),
        (1, false) => format!("break: {}", names.join(", ")),
        (_, false) => format!("breaks: {}", names.join(", ")),
    }
}

/// The legend under the chart, as one block: what bars, bands and lines mean, with the breaks'
/// band when the plan has breaks. An entry that does not fit on the line starts the next one
/// (one longer than a whole line is cut with "…").
pub fn legend_block(fonts: &Fonts, width: f32, breaks: &[BreakEntry]) -> Block {
    const LINE: f32 = 14.0;
    let mut canvas = Canvas::default();
    let hue = style::stage_color(0);
    let breaks_text = break_legend(breaks);
    let mut entries: Vec<(&str, Swatch)> = vec![
        ("planned weeks", Swatch::Bar(hue)),
        ("done so far", Swatch::Bar(style::darker(hue, 0.45))),
        (
            "roadmap estimate, shortest to longest",
            Swatch::Band(style::lighter(hue, 0.78)),
        ),
        ("today", Swatch::Line),
    ];
    if !breaks_text.is_empty() {
        entries.push((&breaks_text, Swatch::Band(BREAK_FILL)));
    }
    let (mut x, mut top) = (0.0, 0.0);
    for (label, swatch) in entries {
        let label = fit(fonts, style::TINY, label, width - 18.0);
        let label_width = fonts.width(Weight::Regular, style::TINY, &label);
        if x > 0.0 && x + 18.0 + label_width > width {
            x = 0.0;
            top += LINE;
        }
        match swatch {
            Swatch::Bar(color) => canvas.fill(Area::new(x, top + 4.0, 14.0, 5.0), color),
            Swatch::Band(color) => canvas.fill(Area::new(x, top + 2.0, 14.0, 9.0), color),
            Swatch::Line => canvas.line(
                (x + 7.0, top + 1.0),
                (x + 7.0, top + 12.0),
                Pen::dashed(style::TODAY, 1.0, (3.0, 2.0)),
            ),
        }
        x += 18.0;
        canvas.text(
            (x, top + 9.0),
            style::TINY,
            Weight::Regular,
            style::MUTED,
            label,
        );
        x += label_width + 14.0;
    }
    Block::new(canvas, top + 16.0)
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

#[cfg(test)]
mod tests {
    use super::super::canvas::Op;
    use super::*;
    use crate::export::model::PlanDoc;
    use crate::export::{ExportInput, Paper};
    use crate::plan::Plan;
    use crate::progress::{PlanSettings, RoadmapProgress};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn fonts() -> Fonts {
        match Fonts::load() {
            Ok(fonts) => fonts,
            Err(err) => panic!("{err}"),
        }
    }

    /// The chart of the embedded roadmap for `settings`, as one block 500 points wide.
    fn chart(settings: PlanSettings, check: impl FnOnce(&PlanDoc<'_>, &Block)) {
        let roadmap = crate::roadmap::embedded();
        let today = day(2026, 11, 25);
        let progress = RoadmapProgress {
            plan: settings,
            ..RoadmapProgress::default()
        };
        let plan = Plan::new(std::sync::Arc::new(roadmap), progress, today);
        let input = ExportInput {
            plan: &plan,
            paper: Paper::A4,
        };
        let doc = PlanDoc::new(&input);
        let blocks = gantt_blocks(&doc, &fonts(), 500.0, 600.0);
        assert_eq!(blocks.len(), 1);
        check(&doc, &blocks[0]);
    }

    fn rects(block: &Block) -> Vec<Area> {
        block
            .canvas
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Rect { area, .. } => Some(*area),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_final_projects_estimate_band_stays_on_the_chart_whole() {
        // The final project planned at 2 weeks against an estimate of 4–9: its band reaches
        // 7 weeks past the plan's finish.
        let mut settings = PlanSettings {
            start: Some(crate::date::PlanDate::clamped(day(2026, 11, 25))),
            ..PlanSettings::default()
        };
        settings.stage_weeks.insert("final-project".to_owned(), 2);
        chart(settings, |doc, block| {
            let last = doc.stages.last().map(|stage| stage.estimate_weeks);
            assert_eq!(last, Some((4, 9)));
            for area in rects(block) {
                assert!(area.right() <= 500.0 + 1e-3, "{area:?}");
            }
            // The widest band is the final project's 5 weeks, drawn whole (not cut at the
            // edge): its width is 35 days of the chart's scale.
            let fonts = fonts();
            let label = label_width(doc, &fonts, 500.0);
            let first = month_start(doc.start);
            let last_exclusive = next_month_start(chart_end(doc).pred_opt().unwrap_or(doc.finish));
            let per_day = (500.0 - label) / (last_exclusive - first).num_days() as f32;
            let bands: Vec<Area> = rects(block)
                .into_iter()
                .filter(|area| (area.w - 35.0 * per_day).abs() < 0.01)
                .collect();
            assert!(!bands.is_empty(), "no 35-day band in {:?}", rects(block));
            assert!(bands.iter().all(|band| band.right() < 500.0));
        });
    }

    /// An eight-week break (30 Nov 2026 – 24 Jan 2027) is a band down every row, exactly its
    /// weeks wide, with its name (which fits in eight weeks of a 500-point chart); and the
    /// phase it falls in is drawn on top of it.
    #[test]
    fn a_break_is_a_labelled_band_of_its_weeks_behind_the_bars() {
        let mut settings = PlanSettings {
            start: Some(crate::date::PlanDate::clamped(day(2026, 11, 25))),
            ..PlanSettings::default()
        };
        assert_eq!(
            settings.add_break(day(2026, 11, 30), day(2027, 1, 24), "ski trip"),
            Ok(())
        );
        chart(settings, |doc, block| {
            assert_eq!(doc.breaks.len(), 1);
            let fonts = fonts();
            let label = label_width(doc, &fonts, 500.0);
            let first = month_start(doc.start);
            let last_exclusive = next_month_start(chart_end(doc).pred_opt().unwrap_or(doc.finish));
            let per_day = (500.0 - label) / (last_exclusive - first).num_days() as f32;
            let fills: Vec<(Area, Option<Rgb>)> = block
                .canvas
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Rect { area, fill, .. } => Some((*area, *fill)),
                    _ => None,
                })
                .collect();
            let band = fills
                .iter()
                .position(|(_, fill)| *fill == Some(BREAK_FILL))
                .unwrap_or_else(|| panic!("no break band in {fills:?}"));
            let area = fills[band].0;
            assert!((area.w - 56.0 * per_day).abs() < 0.01, "{area:?}");
            let x_monday = label + (day(2026, 11, 30) - first).num_days() as f32 * per_day;
            assert!(
                (area.x - x_monday).abs() < 0.01,
                "{area:?} against {x_monday}"
            );
            assert!(
                (area.y - AXIS_HEIGHT).abs() < 0.01,
                "from the top row: {area:?}"
            );
            // Phase 1's bar (planned across the break) comes after the band: on top of it.
            let phase_1 = style::stage_color(0);
            let bar = fills
                .iter()
                .position(|(_, fill)| *fill == Some(phase_1))
                .unwrap_or_else(|| panic!("no phase 1 bar in {fills:?}"));
            assert!(bar > band);
            let named = block
                .canvas
                .ops
                .iter()
                .any(|op| matches!(op, Op::Text(run) if run.text == "ski trip"));
            assert!(named, "the band carries its name");
        });
    }

    /// The legend names the breaks' grey band when the plan has breaks, and only then, with
    /// the names the learner gave them in date order (a short break's band has no room for
    /// its name); at a width too narrow for one line, its entries go on to more lines rather
    /// than off the page.
    #[test]
    fn the_legend_names_the_break_band_and_the_breaks_when_there_are_any() {
        let fonts = fonts();
        let entries = |block: &Block| -> Vec<(String, f32, f32)> {
            block
                .canvas
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text(run) => Some((
                        run.text.clone(),
                        run.x + fonts.width(run.weight, run.size, &run.text),
                        run.baseline,
                    )),
                    _ => None,
                })
                .collect()
        };
        let band =
            |block: &Block| {
                block.canvas.ops.iter().any(
                    |op| matches!(op, Op::Rect { fill: Some(fill), .. } if *fill == BREAK_FILL),
                )
            };
        let entry = |label: &str, monday: NaiveDate| BreakEntry {
            label: label.to_owned(),
            start: monday,
            monday,
            sunday: monday + chrono::Days::new(13),
            weeks: 2,
        };
        let (holiday, exams) = (
            entry("holiday", day(2026, 12, 21)),
            entry("exams", day(2027, 1, 4)),
        );

        let without = legend_block(&fonts, 500.0, &[]);
        assert!(!band(&without));
        assert_eq!(entries(&without).len(), 4);
        let with = legend_block(&fonts, 500.0, &[exams.clone(), holiday.clone()]);
        assert!(band(&with));
        let on_one_line = entries(&with);
        assert_eq!(on_one_line.len(), 5, "{on_one_line:?}");
        assert_eq!(on_one_line[4].0, "breaks: holiday, exams");
        assert!(on_one_line.iter().all(|e| e.1 <= 500.0 && e.2 < 16.0));
        assert!((with.height - without.height).abs() < 0.01);
        let unnamed = legend_block(&fonts, 500.0, &[entry("Break", day(2027, 3, 1))]);
        assert_eq!(entries(&unnamed)[4].0, "break (no study that week)");
        let one = legend_block(&fonts, 500.0, std::slice::from_ref(&holiday));
        assert_eq!(entries(&one)[4].0, "break: holiday");

        // Narrow: every entry is still there, inside the width, on more lines; one longer
        // than a line is cut.
        let narrow = legend_block(&fonts, 200.0, &[exams, holiday]);
        let wrapped = entries(&narrow);
        assert_eq!(wrapped.len(), 5, "{wrapped:?}");
        assert!(wrapped.iter().all(|e| e.1 <= 200.0), "{wrapped:?}");
        assert!(narrow.height > with.height);
        assert!(wrapped.iter().all(|e| e.2 < narrow.height));
        let many: Vec<BreakEntry> = (0..40)
            .map(|week| entry("exam week", day(2027, 1, 4) + chrono::Days::new(14 * week)))
            .collect();
        let cut = entries(&legend_block(&fonts, 500.0, &many));
        assert!(cut[4].0.ends_with('…') && cut[4].1 <= 500.0, "{cut:?}");
    }

    #[test]
    fn the_axis_names_every_year_and_its_labels_do_not_overlap() {
        // At 4 h a week the plan runs from Nov 2026 into 2029.
        let settings = PlanSettings {
            start: Some(crate::date::PlanDate::clamped(day(2026, 11, 25))),
            hours_per_week: Some(4.0),
            ..PlanSettings::default()
        };
        chart(settings, |doc, block| {
            assert!(doc.finish.year() >= 2029, "{}", doc.finish);
            let fonts = fonts();
            let mut labels: Vec<(f32, f32, String)> = block
                .canvas
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text(run) if run.baseline < AXIS_HEIGHT => Some((
                        run.x,
                        fonts.width(run.weight, run.size, &run.text),
                        run.text.clone(),
                    )),
                    _ => None,
                })
                .collect();
            labels.sort_by(|a, b| a.0.total_cmp(&b.0));
            // The chart opens in November 2026; every later year is named at its January.
            for year in 2027..=doc.finish.year() {
                assert!(
                    labels
                        .iter()
                        .any(|label| label.2.contains(&year.to_string())),
                    "{year} missing from {labels:?}"
                );
            }
            for pair in labels.windows(2) {
                assert!(pair[0].0 + pair[0].1 <= pair[1].0, "{pair:?}");
            }
        });
    }
}
