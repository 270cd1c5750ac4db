//! Draws what the layout placed: grid and date labels, the names column, each row's estimate
//! band, bar, share done and handle, today and the forecast finish. Positions all come from
//! [`super::layout`]; this only chooses colours and strokes.

use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Rect, Shape, Stroke, StrokeKind, Ui, pos2,
};

use super::layout::{BarSpec, ChartView, RowInput};
use crate::gantt::axis::{Axis, GridKind};

/// The chart's colours for the current theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub accent: Color32,
    pub optional: Color32,
    pub today: Color32,
    pub forecast: Color32,
    pub text: Color32,
    pub weak: Color32,
    pub grid: Color32,
    pub stripe: Color32,
    pub focus: Stroke,
}

impl Palette {
    pub fn of(ui: &Ui) -> Self {
        let visuals = ui.visuals();
        Self {
            accent: super::super::widgets::accent(ui),
            optional: super::super::widgets::optional_colour(ui),
            today: today_colour(ui),
            forecast: forecast_colour(ui),
            text: visuals.text_color(),
            weak: visuals.weak_text_color(),
            grid: visuals.widgets.noninteractive.bg_stroke.color,
            stripe: visuals.faint_bg_color,
            focus: Stroke::new(2.0, visuals.selection.stroke.color),
        }
    }

    fn hue(&self, optional: bool) -> Color32 {
        if optional { self.optional } else { self.accent }
    }
}

pub fn today_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(255, 110, 110)
    } else {
        Color32::from_rgb(200, 30, 30)
    }
}

pub fn forecast_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 210, 140)
    } else {
        Color32::from_rgb(20, 130, 60)
    }
}

/// How the learner is interacting with a row this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowState {
    pub hovered: bool,
    pub focused: bool,
    /// The pointer is on the handle, or the end is being dragged.
    pub handle_active: bool,
}

/// The font of the small texts (axis, marks, row notes).
pub fn small_font(ui: &Ui) -> FontId {
    egui::TextStyle::Small.resolve(ui.style())
}

/// Stripes, grid lines and date labels.
pub fn axis_and_grid(
    painter: &Painter,
    view: &ChartView,
    axis: &Axis,
    bars: &[BarSpec],
    palette: &Palette,
    font: &FontId,
) {
    for spec in bars.iter().filter(|spec| spec.index % 2 == 1) {
        painter.rect_filled(spec.row, 0.0, palette.stripe);
    }
    let plot = view.plot();
    let axis_rect = view.axis();
    for line in &axis.lines {
        let x = plot.left() + line.x;
        let (stroke, top) = match line.kind {
            GridKind::Year => (
                Stroke::new(1.0, palette.weak.gamma_multiply(0.7)),
                axis_rect.top(),
            ),
            GridKind::Step => (Stroke::new(1.0, palette.grid), axis_rect.bottom() - 6.0),
            GridKind::Minor => (
                Stroke::new(1.0, palette.grid.gamma_multiply(0.45)),
                plot.top(),
            ),
        };
        painter.vline(x, top..=plot.bottom(), stroke);
    }
    for label in &axis.labels {
        painter.text(
            pos2(plot.left() + label.x, axis_rect.center().y - 2.0),
            Align2::LEFT_CENTER,
            &label.text,
            font.clone(),
            palette.weak,
        );
    }
    painter.hline(
        plot.x_range(),
        plot.bottom(),
        Stroke::new(1.0, palette.grid),
    );
}

/// The names column: each row's label, cut with "…" to fit.
pub fn names(
    painter: &Painter,
    view: &ChartView,
    rows: &[RowInput<'_>],
    bars: &[BarSpec],
    palette: &Palette,
    font: &FontId,
) {
    let room = view.names_width - 12.0;
    for (row, spec) in rows.iter().zip(bars) {
        let stage = row.stage;
        let name = stage.label();
        let colour = if !stage.included || spec.dimmed {
            palette.weak
        } else {
            palette.text
        };
        let text = fit(painter, &name, font, room);
        painter.text(
            pos2(spec.row.left() + 4.0, spec.row.center().y),
            Align2::LEFT_CENTER,
            text,
            font.clone(),
            colour,
        );
    }
}

/// `text`, shortened with "…" until it fits in `width`.
fn fit(painter: &Painter, text: &str, font: &FontId, width: f32) -> String {
    let measure = |t: &str| {
        painter
            .layout_no_wrap(t.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    };
    if measure(text) <= width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if measure(&candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

/// One row's band, bar, share done and handle.
pub fn row(
    painter: &Painter,
    row: &RowInput<'_>,
    spec: &BarSpec,
    state: RowState,
    palette: &Palette,
) {
    let stage = row.stage;
    let fade = if spec.dimmed { 0.3 } else { 1.0 };
    let hue = palette.hue(stage.optional).gamma_multiply(fade);
    // A phase left out has no bar; its row's button and note are the chart's to draw.
    let (Some(bar), Some(band)) = (spec.bar, spec.band) else {
        return;
    };
    painter.rect_filled(band, 2.0, hue.gamma_multiply(0.22));
    let radius = CornerRadius::same(3);
    painter.rect_filled(bar, radius, hue.gamma_multiply(0.45));
    if let Some(done) = spec.done {
        painter.rect_filled(done, radius, hue);
    }
    let outline = if state.hovered { 2.0 } else { 1.0 };
    painter.rect_stroke(bar, radius, Stroke::new(outline, hue), StrokeKind::Inside);
    if spec.handle.is_some() && (state.hovered || state.focused || state.handle_active) {
        // Two short grip lines at the end, brighter while held.
        let x = bar.right();
        let strength = if state.handle_active { 1.0 } else { 0.6 };
        let stroke = Stroke::new(2.0, palette.text.gamma_multiply(strength * fade));
        let half = (bar.height() / 2.0 - 2.0).max(3.0);
        for dx in [-3.5, -0.5] {
            painter.line_segment(
                [
                    pos2(x + dx, bar.center().y - half),
                    pos2(x + dx, bar.center().y + half),
                ],
                stroke,
            );
        }
    }
    if state.focused {
        let ring = spec.target().unwrap_or(bar).expand(3.0);
        painter.rect_stroke(ring, 5.0, palette.focus, StrokeKind::Outside);
    }
}

/// A labelled band across every row for each break (no phase work happens under it), drawn
/// under the bars so a phase paused by a break shows the pause.
pub fn break_bands(
    painter: &Painter,
    view: &ChartView,
    bands: &[(f32, f32, String)],
    palette: &Palette,
    font: &FontId,
) {
    let plot = view.plot();
    let clipped = painter.with_clip_rect(plot);
    for (left, right, label) in bands {
        if *right < plot.left() || *left > plot.right() {
            continue;
        }
        let band = Rect::from_x_y_ranges(*left..=*right, plot.y_range());
        clipped.rect_filled(band, 0.0, palette.weak.gamma_multiply(0.28));
        let text = if label == "Break" {
            "Break".to_owned()
        } else {
            format!("Break: {label}")
        };
        let galley = clipped.layout_no_wrap(text, font.clone(), palette.weak);
        clipped.galley(
            pos2(band.left() + 2.0, plot.top() + 1.0),
            galley,
            palette.weak,
        );
    }
}

/// A line across the plot at a day: today (dashed) or the forecast finish (dotted).
#[derive(Clone, Debug)]
pub struct Marker {
    pub x: f32,
    pub colour: Color32,
    pub label: String,
    pub dotted: bool,
}

/// The markers' lines, and their labels in the strip under the rows: each beside its line,
/// moved to the line's other side when two would touch, and never past the chart's edges.
pub fn markers(painter: &Painter, view: &ChartView, markers: &[Marker], font: &FontId) {
    let plot = view.plot();
    let mut taken: Vec<Rect> = Vec::new();
    for marker in markers {
        if marker.x < plot.left() || marker.x > plot.right() {
            continue;
        }
        let path = [pos2(marker.x, plot.top()), pos2(marker.x, plot.bottom())];
        let shapes = if marker.dotted {
            Shape::dashed_line(&path, Stroke::new(2.0, marker.colour), 2.0, 2.0)
        } else {
            Shape::dashed_line(&path, Stroke::new(1.5, marker.colour), 6.0, 4.0)
        };
        painter.extend(shapes);
        let galley = painter.layout_no_wrap(marker.label.clone(), font.clone(), marker.colour);
        let size = galley.size();
        let top = plot.bottom() + 2.0;
        let right_side = Rect::from_min_size(pos2(marker.x + 3.0, top), size);
        let left_side = Rect::from_min_size(pos2(marker.x - 3.0 - size.x, top), size);
        let inside =
            |rect: &Rect| rect.left() >= view.rect.left() && rect.right() <= view.rect.right();
        let free = |rect: &Rect| inside(rect) && !taken.iter().any(|other| other.intersects(*rect));
        let place = [right_side, left_side]
            .into_iter()
            .find(|rect| free(rect))
            .or_else(|| {
                [right_side, left_side]
                    .into_iter()
                    .find(|rect| inside(rect))
            });
        if let Some(rect) = place {
            painter.galley(rect.min, galley, marker.colour);
            taken.push(rect);
        }
    }
}
