//! What the printed plan says, as blocks for the paginator: the overview (title, the plan's
//! facts, the Gantt chart, a table of stages), then the week-by-week schedule with checkboxes,
//! resources as links, and lines for notes.

use std::rc::Rc;

use super::canvas::{Area, Canvas, Pen, Rgb};
use super::fonts::{Fonts, Weight};
use super::gantt;
use super::layout::{Block, Geometry};
use super::style::{self, line_height};
use crate::export::model::{ItemEntry, PlanDoc, StageEntry, WeekEntry};
use crate::export::{date_range, long_date};
use crate::progress::ItemState;
use crate::roadmap::ItemKind;
use crate::schedule::{weeks_range, weeks_text};
use crate::words::capitalised;

/// Every block of the document, in order.
pub fn blocks(doc: &PlanDoc<'_>, fonts: &Fonts, geometry: &Geometry) -> Vec<Block> {
    let writer = Writer {
        fonts,
        width: geometry.content_width(),
        max_height: geometry.content_height(),
    };
    let mut blocks = Vec::new();
    blocks.extend(writer.title(doc));
    blocks.push(writer.facts(doc));
    blocks.push(writer.section("Timeline", false));
    // The chart gets what is left of the first page after the title and the facts, but no
    // less than a third of a page; a long roadmap continues it on the next page.
    let used: f32 = blocks.iter().map(|b| b.height).sum();
    let chart_room = (writer.max_height - used - 20.0).max(writer.max_height / 3.0);
    let mut chart = gantt::gantt_blocks(doc, fonts, writer.width, chart_room.min(330.0));
    if let Some(first) = chart.first_mut() {
        first.keep_with_next = false;
    }
    blocks.extend(chart);
    blocks.push(gantt::legend_block(fonts, writer.width, &doc.breaks));
    blocks.push(writer.section("Stages", false));
    blocks.push(writer.stage_table_header());
    let continued = Rc::new(writer.stage_table_continued());
    let rows = doc.stages.len();
    for (index, stage) in doc.stages.iter().enumerate() {
        let mut row = writer.stage_table_row(index, stage);
        // The heading and the column names keep at least two rows with them; the last row
        // never turns a page alone.
        row.keep_with_next = index == 0 || index + 2 == rows;
        row.continuation = Some(continued.clone());
        blocks.push(row);
    }
    // The overview may end a page short: the plan itself prefers to start on a fresh page.
    if let Some(last) = blocks.last_mut() {
        last.ends_part = true;
    }
    let mut schedule = writer.section("Week by week", true);
    schedule.page_break_before = true;
    blocks.push(schedule);
    for (index, stage) in doc.stages.iter().enumerate() {
        blocks.extend(writer.stage(index, stage));
    }
    blocks
}

/// Lays out text for one content width.
struct Writer<'f> {
    fonts: &'f Fonts,
    width: f32,
    max_height: f32,
}

/// Column positions of the stage table.
struct Columns {
    dates: f32,
    weeks: f32,
    done: f32,
}

impl Writer<'_> {
    fn columns(&self) -> Columns {
        Columns {
            dates: self.width * 0.46,
            weeks: self.width * 0.66,
            done: self.width * 0.82,
        }
    }

    /// Wrapped lines of `text` drawn at `(x, top)`; returns the height used.
    fn paragraph(
        &self,
        canvas: &mut Canvas,
        (x, top): (f32, f32),
        width: f32,
        (size, weight, color): (f32, Weight, Rgb),
        text: &str,
    ) -> f32 {
        let lines = self.fonts.wrap(weight, size, text, width);
        let lh = line_height(size);
        for (index, line) in lines.iter().enumerate() {
            let baseline = top + lh * index as f32 + size;
            canvas.text((x, baseline), size, weight, color, line.clone());
        }
        lh * lines.len() as f32
    }

    fn title(&self, doc: &PlanDoc<'_>) -> Vec<Block> {
        let mut canvas = Canvas::default();
        canvas.text(
            (0.0, style::SMALL),
            style::SMALL,
            Weight::Bold,
            style::ACCENT,
            "STUDY PLAN",
        );
        let mut y = style::SMALL + 8.0;
        y += self.paragraph(
            &mut canvas,
            (0.0, y),
            self.width,
            (style::TITLE, Weight::Bold, style::INK),
            doc.title,
        );
        y += 6.0;
        canvas.line((0.0, y), (self.width, y), Pen::solid(style::INK, 1.2));
        let mut block = Block::new(canvas, y + 12.0);
        block.bookmark = Some(doc.title.to_owned());
        vec![block]
    }

    /// The plan at a glance: a grid of labelled values.
    fn facts(&self, doc: &PlanDoc<'_>) -> Block {
        let weeks = weeks_text(doc.total_weeks);
        let hours = format!(
            "{} hours",
            crate::roadmap::format_number(doc.hours_per_week)
        );
        let done = format!("{} of {} items", doc.progress.0, doc.progress.1);
        let pace = capitalised(doc.pace.label());
        let rows: [[(&str, String); 4]; 2] = [
            [
                ("Start", long_date(doc.start)),
                ("Finish", long_date(doc.finish)),
                ("Length", weeks),
                ("Pace", pace),
            ],
            [
                ("Hours a week", hours),
                ("Done so far", done),
                ("Roadmap estimate", doc.estimate.clone()),
                ("", String::new()),
            ],
        ];
        let mut canvas = Canvas::default();
        let column = self.width / 4.0;
        let mut y = 0.0;
        for row in rows {
            let mut row_height: f32 = 0.0;
            let mut x = 0.0;
            let mut cells = row.iter().peekable();
            while let Some((label, value)) = cells.next() {
                // The estimate may run into an empty neighbouring cell.
                let span = if cells.peek().is_some_and(|(l, _)| l.is_empty()) {
                    2.0
                } else {
                    1.0
                };
                if label.is_empty() {
                    continue;
                }
                canvas.text(
                    (x, y + style::TINY),
                    style::TINY,
                    Weight::Bold,
                    style::MUTED,
                    label.to_uppercase(),
                );
                let used = self.paragraph(
                    &mut canvas,
                    (x, y + style::TINY + 4.0),
                    column * span - 10.0,
                    (style::SUBHEADING, Weight::Bold, style::INK),
                    value,
                );
                row_height = row_height.max(style::TINY + 4.0 + used);
                x += column * span;
            }
            y += row_height + 8.0;
        }
        Block::new(canvas, y + 6.0)
    }

    /// A section title ("Timeline", "Week by week").
    fn section(&self, title: &str, bookmark: bool) -> Block {
        let mut canvas = Canvas::default();
        canvas.text(
            (0.0, style::SUBHEADING + 2.0),
            style::SUBHEADING + 1.0,
            Weight::Bold,
            style::INK,
            title,
        );
        let mut block = Block::new(canvas, line_height(style::SUBHEADING + 1.0) + 8.0);
        block.keep_with_next = true;
        if bookmark {
            block.bookmark = Some(title.to_owned());
        }
        block
    }

    fn stage_table_header(&self) -> Block {
        let mut canvas = Canvas::default();
        let columns = self.columns();
        let baseline = style::TINY + 2.0;
        for (x, label) in [
            (0.0, "STAGE"),
            (columns.dates, "DATES"),
            (columns.weeks, "WEEKS"),
            (columns.done, "DONE"),
        ] {
            canvas.text(
                (x, baseline),
                style::TINY,
                Weight::Bold,
                style::MUTED,
                label,
            );
        }
        canvas.line(
            (0.0, baseline + 4.0),
            (self.width, baseline + 4.0),
            Pen::solid(style::MUTED, 0.6),
        );
        let mut block = Block::new(canvas, baseline + 6.0);
        block.keep_with_next = true;
        block
    }

    /// "Stages (continued)" and the column names, atop a page the table runs onto.
    fn stage_table_continued(&self) -> Block {
        let title = self.continued_header("Stages (continued)");
        let columns = self.stage_table_header();
        let mut canvas = title.canvas.clone();
        canvas.place(&columns.canvas, (0.0, title.height));
        Block::new(canvas, title.height + columns.height)
    }

    fn stage_table_row(&self, index: usize, stage: &StageEntry<'_>) -> Block {
        let mut canvas = Canvas::default();
        let columns = self.columns();
        let text = (style::SMALL, Weight::Regular, style::INK);
        let top = 4.0;
        canvas.fill(
            Area::new(0.0, top + 1.5, 6.0, 6.0),
            if stage.included {
                style::stage_color(index)
            } else {
                style::RULE
            },
        );
        let mut height = self.paragraph(
            &mut canvas,
            (10.0, top),
            columns.dates - 18.0,
            text,
            &stage.heading,
        );
        let (dates, weeks) = if stage.included {
            (
                date_range(stage.start, stage.end),
                format!(
                    "{} (est. {})",
                    stage.weeks,
                    weeks_range(stage.estimate_weeks)
                ),
            )
        } else {
            ("Left out (optional)".to_owned(), "—".to_owned())
        };
        height = height.max(self.paragraph(
            &mut canvas,
            (columns.dates, top),
            columns.weeks - columns.dates - 6.0,
            text,
            &dates,
        ));
        height = height.max(self.paragraph(
            &mut canvas,
            (columns.weeks, top),
            columns.done - columns.weeks - 6.0,
            text,
            &weeks,
        ));
        let (complete, total) = stage.progress;
        let done_text = format!("{complete}/{total}");
        canvas.text(
            (columns.done, top + style::SMALL),
            style::SMALL,
            Weight::Regular,
            style::INK,
            done_text,
        );
        let bar_x = columns.done + 34.0;
        let bar_w = (self.width - bar_x).max(10.0);
        let bar = Area::new(bar_x, top + 2.5, bar_w, 5.0);
        canvas.fill(bar, style::SHADE);
        canvas.fill(
            Area::new(
                bar.x,
                bar.y,
                bar.w * crate::progress::fraction(stage.progress),
                bar.h,
            ),
            style::DONE,
        );
        let bottom = top + height + 3.0;
        canvas.line(
            (0.0, bottom),
            (self.width, bottom),
            Pen::solid(style::RULE, 0.4),
        );
        Block::new(canvas, bottom)
    }

    /// A stage of the week-by-week schedule: its heading, goal, resources and the learner's
    /// note, then its weeks. Long lists and long texts may break between any two rows (or
    /// lines); a new page then opens with "Phase … (continued)".
    fn stage(&self, index: usize, stage: &StageEntry<'_>) -> Vec<Block> {
        let continued = Rc::new(self.continued_header(&format!("{} (continued)", stage.heading)));
        let mut blocks = vec![self.stage_heading(index, stage)];
        let mut body = Vec::new();
        if let Some(goal) = stage.goal {
            let mut goal = self.text_flow(
                (STAGE_INDENT, 5.0),
                (style::BODY, Weight::Regular, style::INK),
                &format!("Goal: {goal}"),
            );
            // A short goal stays with what follows it.
            if let [only] = goal.as_mut_slice() {
                only.keep_with_next = true;
            }
            body.extend(goal);
        }
        if !stage.resources.is_empty() {
            body.push(self.resources_label());
            let count = stage.resources.len();
            for (position, resource) in stage.resources.iter().enumerate() {
                let mut block =
                    self.resource(12.0, &resource.title, resource.kind.label(), &resource.url);
                // The label keeps the first two links with it, and the last link never
                // turns a page alone.
                block.keep_with_next = position == 0 || position + 2 == count;
                body.push(block);
            }
        }
        if let Some(note) = stage.note {
            body.extend(self.stage_note(note));
        }
        for block in &mut body {
            block.continuation = Some(continued.clone());
        }
        blocks.extend(body);
        if let Some(last) = blocks.last_mut() {
            last.gap_below(6.0);
        }
        let reminder = stage.short_title;
        for week in &stage.week_entries {
            blocks.extend(self.week(reminder, stage, week));
        }
        if !stage.unscheduled.is_empty() {
            let first = blocks.len();
            for item in &stage.unscheduled {
                for mut row in self.item_rows(item) {
                    row.continuation = Some(continued.clone());
                    blocks.push(row);
                }
            }
            if let Some(row) = blocks.get_mut(first) {
                row.keep_with_next = true;
            }
        }
        if let Some(last) = blocks.last_mut() {
            last.gap_below(14.0);
            last.ends_part = true;
        }
        blocks
    }

    /// `text` wrapped at `indent`, `gap` below what comes before: one block when it is short,
    /// else one block per line, the first two and the last two kept together.
    fn text_flow(
        &self,
        (indent, gap): (f32, f32),
        (size, weight, color): (f32, Weight, Rgb),
        text: &str,
    ) -> Vec<Block> {
        let lines = self.fonts.wrap(weight, size, text, self.width - indent);
        let lh = line_height(size);
        let mut blocks: Vec<Block> = chunked(&lines)
            .into_iter()
            .map(|chunk| {
                let mut canvas = Canvas::default();
                for (index, line) in chunk.iter().enumerate() {
                    let baseline = lh * index as f32 + size;
                    canvas.text((indent, baseline), size, weight, color, line.clone());
                }
                Block::new(canvas, lh * chunk.len() as f32)
            })
            .collect();
        if let Some(first) = blocks.first_mut() {
            shift_down(first, gap);
        }
        glue_ends(&mut blocks);
        blocks
    }

    fn resources_label(&self) -> Block {
        let mut canvas = Canvas::default();
        let gap = 5.0;
        canvas.text(
            (STAGE_INDENT, gap + style::TINY),
            style::TINY,
            Weight::Bold,
            style::MUTED,
            "RESOURCES",
        );
        let mut block = Block::new(canvas, gap + line_height(style::TINY) + 5.0);
        block.keep_with_next = true;
        block
    }

    fn stage_heading(&self, index: usize, stage: &StageEntry<'_>) -> Block {
        let mut canvas = Canvas::default();
        let color = if stage.included {
            style::stage_color(index)
        } else {
            style::RULE
        };
        let indent = STAGE_INDENT;
        let mut y = 0.0;
        y += self.paragraph(
            &mut canvas,
            (indent, y),
            self.width - indent,
            (style::HEADING, Weight::Bold, style::INK),
            &stage.heading,
        );
        let meta = if stage.included {
            format!(
                "{} · {} (roadmap estimate {}) · {} of {} done",
                date_range(stage.start, stage.end),
                weeks_text(stage.weeks),
                stage.estimate_weeks_text(),
                stage.progress.0,
                stage.progress.1
            )
        } else {
            format!(
                "Optional phase, left out of this plan (roadmap estimate {}) · {} of {} done",
                stage.estimate_months, stage.progress.0, stage.progress.1
            )
        };
        y += 2.0;
        y += self.paragraph(
            &mut canvas,
            (indent, y),
            self.width - indent,
            (style::SMALL, Weight::Regular, style::MUTED),
            &meta,
        );
        canvas.fill(Area::new(0.0, 1.0, 5.0, y - 1.0), color);
        let mut block = Block::new(canvas, y + 4.0);
        block.keep_with_next = true;
        block.bookmark = Some(stage.heading.clone());
        block
    }

    /// A resource: its title as a link, and the URL printed so paper readers can type it;
    /// `indent` 12 for a phase's, deeper under the item for an item's own.
    fn resource(&self, indent: f32, title: &str, kind: &str, url: &str) -> Block {
        let mut canvas = Canvas::default();
        let width = self.width - indent - 10.0;
        canvas.text(
            (indent, style::BODY),
            style::BODY,
            Weight::Regular,
            style::ACCENT,
            "•",
        );
        let x = indent + 10.0;
        let mut y = self.paragraph(
            &mut canvas,
            (x, 0.0),
            width,
            (style::BODY, Weight::Regular, style::ACCENT),
            &format!("{title} ({kind})"),
        );
        y += self.paragraph(
            &mut canvas,
            (x, y),
            width,
            (style::TINY, Weight::Regular, style::MUTED),
            url,
        );
        canvas.link(Area::new(x, 0.0, width, y), url);
        Block::new(canvas, y + 2.0)
    }

    /// The learner's note on a stage, on a pale box. A long note may break between any two
    /// lines (the box then continues on the next page), so none of it falls off a page.
    fn stage_note(&self, note: &str) -> Vec<Block> {
        let indent = STAGE_INDENT;
        let size = style::SMALL;
        let lh = line_height(size);
        let pad = 4.0;
        let lines = self.fonts.wrap(
            Weight::Regular,
            size,
            &format!("Your note: {note}"),
            self.width - indent - 12.0,
        );
        let chunks = chunked(&lines);
        let count = chunks.len();
        let mut blocks: Vec<Block> = chunks
            .into_iter()
            .enumerate()
            .map(|(position, chunk)| {
                let top = if position == 0 { pad } else { 0.0 };
                let bottom = if position + 1 == count { pad } else { 0.0 };
                let height = top + lh * chunk.len() as f32 + bottom;
                let mut canvas = Canvas::default();
                canvas.fill(
                    Area::new(indent, 0.0, self.width - indent, height),
                    NOTE_FILL,
                );
                for (index, line) in chunk.iter().enumerate() {
                    let baseline = top + lh * index as f32 + size;
                    canvas.text(
                        (indent + 6.0, baseline),
                        size,
                        Weight::Regular,
                        style::INK,
                        line.clone(),
                    );
                }
                let mut block = Block::new(canvas, height);
                if position + 1 == count {
                    block.gap_below(2.0);
                }
                block
            })
            .collect();
        if let Some(first) = blocks.first_mut() {
            shift_down(first, 4.0);
        }
        glue_ends(&mut blocks);
        blocks
    }

    /// One week: a shaded header, the items, then lines for notes.
    fn week(&self, reminder: &str, stage: &StageEntry<'_>, week: &WeekEntry<'_>) -> Vec<Block> {
        let title = format!("Week {}", week.number);
        let dates = date_range(week.first_day, week.last_day);
        let of = match &week.break_label {
            Some(label) if label == "Break" => format!("{reminder}: a break"),
            Some(label) => format!("{reminder}: a break ({label})"),
            None => format!("{reminder}, week {} of {}", week.stage_week, stage.weeks),
        };
        let mut header = self.week_header(&title, &dates, &of);
        header.keep_with_next = true;
        let continued = Rc::new(self.week_header(&format!("{title} (continued)"), &dates, &of));
        let mut blocks = vec![header];
        if week.items.is_empty() {
            let mut canvas = Canvas::default();
            let text = if week.break_label.is_some() {
                "Break: no study planned this week. The plan resumes after it."
            } else {
                "No new items this week: practise, review, build something."
            };
            canvas.text(
                (20.0, 4.0 + style::SMALL),
                style::SMALL,
                Weight::Regular,
                style::MUTED,
                text,
            );
            blocks.push(Block::new(canvas, line_height(style::SMALL) + 6.0));
        }
        for item in &week.items {
            for mut row in self.item_rows(item) {
                row.continuation = Some(continued.clone());
                blocks.push(row);
            }
        }
        // The header keeps its first two rows; the notes lines never start a page on their
        // own: the last row goes with them.
        if let Some(first) = blocks.get_mut(1) {
            first.keep_with_next = true;
        }
        if let Some(last) = blocks.last_mut() {
            last.keep_with_next = true;
        }
        let mut notes = self.notes_lines(false);
        notes.squeezed = Some(Rc::new(self.notes_lines(true)));
        notes.continuation = Some(continued);
        blocks.push(notes);
        for block in &mut blocks {
            block.week = Some(week.number);
        }
        blocks
    }

    fn week_header(&self, title: &str, dates: &str, of: &str) -> Block {
        let mut canvas = Canvas::default();
        let height = 17.0;
        canvas.fill(Area::new(0.0, 0.0, self.width, height), style::SHADE);
        let baseline = 12.0;
        canvas.text(
            (6.0, baseline),
            style::BODY,
            Weight::Bold,
            style::INK,
            title,
        );
        let title_width = self.fonts.width(Weight::Bold, style::BODY, title);
        let dates_x = 6.0 + title_width.max(64.0) + 8.0;
        canvas.text(
            (dates_x, baseline),
            style::BODY,
            Weight::Regular,
            style::INK,
            dates,
        );
        let dates_width = self.fonts.width(Weight::Regular, style::BODY, dates);
        let room = self.width - dates_x - dates_width - 20.0;
        let of = gantt::fit(self.fonts, style::SMALL, of, room);
        let of_width = self.fonts.width(Weight::Regular, style::SMALL, &of);
        canvas.text(
            (self.width - 6.0 - of_width, baseline),
            style::SMALL,
            Weight::Regular,
            style::MUTED,
            of,
        );
        Block::new(canvas, height + 3.0)
    }

    fn continued_header(&self, text: &str) -> Block {
        let mut canvas = Canvas::default();
        canvas.text(
            (0.0, style::SMALL),
            style::SMALL,
            Weight::Bold,
            style::MUTED,
            gantt::fit(self.fonts, style::SMALL, text, self.width),
        );
        Block::new(canvas, line_height(style::SMALL) + 4.0)
    }

    /// An item: a checkbox, its text, a kind tag, and a line with its state and note. One
    /// block; a long one (a long note) is one block per line, so it may break between lines.
    fn item_rows(&self, item: &ItemEntry<'_>) -> Vec<Block> {
        let text_x = 20.0;
        let tag_width = 58.0;
        let text_width = self.width - text_x - tag_width;
        let mut lines: Vec<(String, f32, Weight, Rgb)> = self
            .fonts
            .wrap(Weight::Regular, style::BODY, &item.text, text_width)
            .into_iter()
            .map(|line| (line, style::BODY, Weight::Regular, style::INK))
            .collect();
        if let Some(detail) = detail_line(item) {
            lines.extend(
                self.fonts
                    .wrap(Weight::Regular, style::SMALL, &detail, text_width)
                    .into_iter()
                    .map(|line| (line, style::SMALL, Weight::Regular, style::MUTED)),
            );
        }
        let chunks = chunked(&lines);
        let count = chunks.len();
        let mut blocks = Vec::new();
        for (chunk_index, chunk) in chunks.into_iter().enumerate() {
            let mut canvas = Canvas::default();
            let top = if chunk_index == 0 { 3.0 } else { 0.0 };
            if chunk_index == 0 {
                checkbox(&mut canvas, (6.0, top + 1.5), item.state);
                if let Some(tag) = kind_tag(item.kind) {
                    let width = self.fonts.width(Weight::Bold, style::TINY, tag);
                    canvas.text(
                        (self.width - width - 4.0, top + style::BODY - 1.0),
                        style::TINY,
                        Weight::Bold,
                        style::ACCENT,
                        tag,
                    );
                }
            }
            let mut y = top;
            for (line, size, weight, color) in chunk {
                let height = line_height(*size);
                canvas.text((text_x, y + size), *size, *weight, *color, line.clone());
                y += height;
            }
            let bottom = if chunk_index + 1 == count { 2.0 } else { 0.0 };
            blocks.push(Block::new(canvas, y + bottom));
        }
        glue_ends(&mut blocks);
        // The item's own links (format 2) print under it, so they are on the page of the
        // week that studies it; the first stays with the item.
        if let Some(last) = blocks.last_mut()
            && !item.resources.is_empty()
        {
            last.keep_with_next = true;
        }
        for resource in item.resources {
            blocks.push(self.resource(
                text_x + 4.0,
                &resource.title,
                resource.kind.label(),
                &resource.url,
            ));
        }
        blocks
    }

    /// Two ruled lines to write on; `tight`: one, where a page is set tighter.
    fn notes_lines(&self, tight: bool) -> Block {
        let mut canvas = Canvas::default();
        let label = "Notes";
        canvas.text(
            (20.0, 13.0),
            style::TINY,
            Weight::Regular,
            style::MUTED,
            label,
        );
        let label_width = self.fonts.width(Weight::Regular, style::TINY, label) + 26.0;
        let pen = Pen::solid(style::RULE, 0.5);
        canvas.line((label_width, 14.0), (self.width, 14.0), pen);
        if tight {
            return Block::new(canvas, 22.0);
        }
        canvas.line((20.0, 30.0), (self.width, 30.0), pen);
        Block::new(canvas, 40.0)
    }
}

/// A drawn checkbox: empty, ticked (done), ticked in grey (skipped) or slashed (in progress),
/// like a bullet journal.
fn checkbox(canvas: &mut Canvas, (x, y): (f32, f32), state: ItemState) {
    let size = 8.5;
    canvas.outline(Area::new(x, y, size, size), Pen::solid(style::INK, 0.8));
    let tick = vec![(x + 1.8, y + 4.4), (x + 3.6, y + 6.6), (x + 7.4, y + 1.6)];
    match state {
        ItemState::NotStarted => {}
        ItemState::Done => canvas.polyline(tick, Pen::solid(style::DONE, 1.4)),
        ItemState::Skipped => canvas.polyline(tick, Pen::solid(style::MUTED, 1.2)),
        ItemState::InProgress => canvas.line(
            (x + 1.6, y + size - 1.6),
            (x + size - 1.6, y + 1.6),
            Pen::solid(style::ACCENT, 1.2),
        ),
    }
}

/// "Done 3 Feb 2026 · note", "In progress", "Skipped": what the checkbox alone cannot say.
fn detail_line(item: &ItemEntry<'_>) -> Option<String> {
    let state = match (item.state, item.done_on) {
        (ItemState::NotStarted, _) => None,
        (ItemState::Done, Some(day)) => Some(format!("Done {}", long_date(day))),
        (state, _) => Some(capitalised(state.label())),
    };
    match (state, item.note) {
        (None, None) => None,
        (Some(state), None) => Some(state),
        (None, Some(note)) => Some(format!("Note: {note}")),
        (Some(state), Some(note)) => Some(format!("{state} · Note: {note}")),
    }
}

fn kind_tag(kind: ItemKind) -> Option<&'static str> {
    match kind {
        ItemKind::Topic => None,
        ItemKind::HandsOn => Some("HANDS-ON"),
        ItemKind::TechStack => Some("TECH STACK"),
        ItemKind::ProjectIdea => Some("PROJECT IDEA"),
        ItemKind::ChooseIdea => Some("CHOOSE ONE"),
    }
}

/// Where the stage's own texts (goal, resources, note) start, right of its colour bar.
const STAGE_INDENT: f32 = 12.0;

/// The pale yellow behind the learner's note.
const NOTE_FILL: Rgb = Rgb(254, 249, 231);

/// Texts up to this many lines stay one block; longer ones may break between lines.
const WHOLE_LINES: usize = 5;

/// `lines` as one chunk when short, else one chunk per line.
fn chunked<T>(lines: &[T]) -> Vec<&[T]> {
    if lines.len() <= WHOLE_LINES {
        vec![lines]
    } else {
        lines.chunks(1).collect()
    }
}

/// A text broken into several blocks keeps its first two lines and its last two together:
/// no page starts or ends with a single line of it.
fn glue_ends(blocks: &mut [Block]) {
    let count = blocks.len();
    if count > 1 {
        blocks[0].keep_with_next = true;
        blocks[count - 2].keep_with_next = true;
    }
}

/// Moves everything in `block` down by `gap`, adding the gap above it.
fn shift_down(block: &mut Block, gap: f32) {
    let mut canvas = Canvas::default();
    canvas.place(&block.canvas, (0.0, gap));
    block.canvas = canvas;
    block.height += gap;
}
