//! The interactive chart: turns the pointer and the keyboard into a moved window, a dragged
//! bar end, or [`Command`]s, then hands the layout to the painter.
//!
//! - The wheel moves in time, Ctrl+wheel zooms around the pointer, dragging empty space or a
//!   bar's body pans, double-click or "Fit all" shows the whole plan again.
//! - Pressing near a bar's right end and dragging changes that stage's length in whole weeks.
//!   The drag lives here, not in the learner's data: the views draw a preview of it, Escape
//!   drops it, and only the release sends one [`Command::SetPlan`] (so one undo step).
//! - Each bar is a focusable widget, in order: ←/→ shorten or lengthen it by a week, Enter
//!   opens its card. A left-out optional phase has a "Put back in" button in its row.
//!
//! Drawn with egui's painter rather than egui_plot: the date axis must follow our own label
//! rule (no overlaps, the year at every January), every bar must be a widget of its own for
//! the keyboard and screen readers, and the wheel must pan rather than scroll; each of those
//! fought egui_plot's own axis, hit-testing and input handling.

use chrono::NaiveDate;
use egui::{
    CursorIcon, EventFilter, FontId, Id, Key, Modifiers, Rect, Role, Sense, Ui, Vec2, WidgetInfo,
    pos2, vec2,
};

use super::layout::{self, BarSpec, ChartView, RowInput};
use super::paint::{self, Marker, Palette, RowState};
use super::window::DayWindow;
use super::words;
use crate::app::Command;
use crate::app::context::ViewContext;
use crate::gantt::{date_axis, day_number};
use crate::progress::PlanSettings;
use crate::schedule::{MAX_STAGE_WEEKS, long_date};

/// What the timeline remembers between frames. Runtime only, never saved.
#[derive(Debug, Default)]
pub struct TimelineState {
    /// The days shown; `None` follows the plan ("Fit all") until the learner pans or zooms.
    window: Option<DayWindow>,
    /// A bar's end being dragged.
    resize: Option<Resize>,
    /// The drag under way was cancelled with Escape: ignore it until the button is released.
    cancelled: bool,
    /// Show the whole plan on the next frame.
    pub fit_all: bool,
    /// Show "Progress over time" (the burn-up chart) instead of the phases.
    pub progress_chart: bool,
}

/// A drag of a stage's end.
#[derive(Clone, Debug, PartialEq)]
struct Resize {
    stage_id: String,
    preset_weeks: u32,
    /// The length when the drag began.
    start_weeks: u32,
    /// The day under the pointer when it was pressed.
    grab_day: f64,
    /// The length the drag has reached.
    weeks: u32,
}

impl TimelineState {
    /// The plan settings as the drag under way would leave them, if a drag changes anything:
    /// the views draw these (panel, timeline) until the button is released.
    pub fn preview(&self, saved: &PlanSettings) -> Option<PlanSettings> {
        let resize = self.resize.as_ref()?;
        let mut settings = saved.clone();
        settings.set_stage_weeks(&resize.stage_id, resize.weeks, resize.preset_weeks);
        (settings != *saved).then_some(settings)
    }

    /// Drops a drag under way (Escape); `true` if there was one.
    pub fn cancel_drag(&mut self) -> bool {
        let had = self.resize.take().is_some();
        self.cancelled |= had;
        had
    }

    /// Whether a bar's end is being dragged.
    pub fn dragging(&self) -> bool {
        self.resize.is_some()
    }
}

/// What the chart shows.
pub struct ChartInput<'a> {
    pub rows: &'a [RowInput<'a>],
    /// The frame: the plan whose settings the chart's commands change, whether they may.
    pub cx: &'a ViewContext<'a>,
    pub forecast: Option<NaiveDate>,
    /// The first day and the day after the last that "Fit all" shows.
    pub span: (NaiveDate, NaiveDate),
}

/// The chart, as tall as it needs for its rows (at least `min_height` when it has room).
pub fn chart_ui(ui: &mut Ui, input: &ChartInput<'_>, state: &mut TimelineState) {
    let rows = input.rows;
    let row_height = ChartView::row_height_for(rows.len(), ui.available_height());
    let size = vec2(
        ui.available_width(),
        ChartView::height_for(rows.len(), row_height),
    );
    let (rect, background) = ui.allocate_exact_size(size, Sense::CLICK | Sense::DRAG);

    let fit = DayWindow::fit(input.span.0, input.span.1);
    if std::mem::take(&mut state.fit_all) || background.double_clicked() {
        state.window = None;
    }
    let font = paint::small_font(ui);
    let mut view = ChartView {
        rect,
        names_width: names_width(ui, rows, rect.width()),
        row_height,
        window: state.window.map_or(fit, |window| window.kept_near(&fit)),
    };
    if let Some(window) = navigate(ui, &view, &background, &fit) {
        state.window = Some(window);
        view.window = window;
    }

    let bars = layout::bars(rows, &view);
    let palette = Palette::of(ui);
    let painter = ui.painter_at(rect);
    let axis = date_axis(view.scale(), &|text| text_width(ui, &font, text));
    paint::axis_and_grid(&painter, &view, &axis, &bars, &palette, &font);
    paint::break_bands(&painter, &view, &break_bands(input, &view), &palette, &font);

    let mut states = Vec::with_capacity(rows.len());
    for (row, spec) in rows.iter().zip(&bars) {
        let row_state = match spec.target() {
            Some(_) => bar_ui(ui, input, row, spec, &bars, &view, state),
            None => {
                left_out_ui(ui, input, row, spec, &view, &painter, &font);
                RowState::default()
            }
        };
        states.push(row_state);
    }

    let plot_painter = painter.with_clip_rect(view.plot().expand2(vec2(0.0, view.row_height)));
    for ((row, spec), row_state) in rows.iter().zip(&bars).zip(&states) {
        paint::row(&plot_painter, row, spec, *row_state, &palette);
    }
    paint::markers(&painter, &view, &markers(input, &view, &palette), &font);
    paint::names(
        &painter,
        &view,
        rows,
        &bars,
        &palette,
        &ui.style().text_styles[&egui::TextStyle::Body],
    );

    if !ui.input(|i| i.pointer.any_down()) {
        // A drag that ended without its bar seeing the release (the view changed): forget it.
        state.resize = None;
        state.cancelled = false;
    }
    let summary = words::summary(rows);
    background.widget_info(|| WidgetInfo::labeled(Role::Image, true, &summary));
}

/// The wheel, Ctrl+wheel and dragging the chart's background: the window they give, if they
/// moved it.
fn navigate(
    ui: &Ui,
    view: &ChartView,
    background: &egui::Response,
    fit: &DayWindow,
) -> Option<DayWindow> {
    let plot = view.plot();
    let per_day = view.scale().per_day();
    let mut window = view.window;
    if background.dragged() {
        window = window.panned(-f64::from(background.drag_delta().x) / per_day, fit);
    }
    // The wheel acts over the dates (axis, rows and foot); over the names it scrolls the rows.
    let dates = Rect::from_x_y_ranges(plot.x_range(), view.rect.y_range());
    if ui.rect_contains_pointer(dates)
        && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
    {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if zoom != 1.0 {
            window = window.zoomed(f64::from(zoom), view.day_at(pointer.x), fit);
        }
        // Down or right on the wheel is later in time.
        let shift = -(scroll.x + scroll.y);
        if shift != 0.0 {
            window = window.panned(f64::from(shift) / per_day, fit);
            // Taken: a scroll area around the chart must not scroll as well.
            ui.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
        }
    }
    (window != view.window).then_some(window)
}

/// One bar as a widget: hover, click, drag of its end or its body, keys.
fn bar_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    row: &RowInput<'_>,
    spec: &BarSpec,
    bars: &[BarSpec],
    view: &ChartView,
    state: &mut TimelineState,
) -> RowState {
    let stage = row.stage;
    let plot = view.plot();
    let id = Id::unique(("timeline-bar", &stage.id));
    let target = spec.target().unwrap_or(spec.row).intersect(plot);
    // A bar scrolled out of sight keeps a sliver of a widget at the plot's edge, so the
    // keyboard can still reach it (and bring it back into view).
    let visible = target.is_positive();
    let target = if visible {
        target
    } else {
        let x = if spec.bar.is_some_and(|bar| bar.right() < plot.left()) {
            plot.left()
        } else {
            plot.right() - 1.0
        };
        Rect::from_x_y_ranges(x..=x + 1.0, spec.row.y_range())
    };
    let response = ui.interact(target, id, Sense::click_and_drag());
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let on_handle = pointer.is_some_and(|pos| layout::handle_at(bars, pos) == Some(spec.index));

    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin());
        if let Some(origin) = origin
            && input.cx.editable
            && layout::handle_at(bars, origin) == Some(spec.index)
        {
            state.resize = Some(Resize {
                stage_id: stage.id.clone(),
                preset_weeks: stage.preset_weeks,
                start_weeks: stage.weeks,
                grab_day: view.day_at(origin.x),
                weeks: stage.weeks,
            });
            // Hold the window still while the end moves, whatever "Fit all" would do.
            state.window = Some(view.window);
            state.cancelled = false;
        }
    }
    let resizing = state
        .resize
        .as_ref()
        .is_some_and(|resize| resize.stage_id == stage.id);
    if response.dragged() {
        if let (true, Some(resize), Some(pos)) = (resizing, state.resize.as_mut(), pointer) {
            let weeks =
                layout::dragged_weeks(resize.start_weeks, resize.grab_day, view.day_at(pos.x));
            if weeks != resize.weeks {
                resize.weeks = weeks;
                // The preview is drawn from the next frame's schedule.
                ui.ctx().request_repaint();
            }
        } else if !resizing && !state.cancelled {
            // Dragging a bar's body pans, as dragging the empty chart does.
            let fit = DayWindow::fit(input.span.0, input.span.1);
            let days = -f64::from(response.drag_delta().x) / view.scale().per_day();
            state.window = Some(view.window.panned(days, &fit));
        }
    }
    if response.drag_stopped() {
        if let Some(resize) = state.resize.take_if(|resize| resize.stage_id == stage.id)
            && resize.weeks != resize.start_weeks
        {
            let mut settings = input.cx.plan.settings().clone();
            settings.set_stage_weeks(&resize.stage_id, resize.weeks, resize.preset_weeks);
            input.cx.push(Command::SetPlan(Box::new(settings)));
        }
        state.cancelled = false;
    }
    if response.clicked() {
        input.cx.push(Command::OpenStageCard(stage.id.clone()));
    }

    if response.has_focus() {
        if input.cx.editable {
            keys_ui(ui, id, input, row);
        }
        if response.gained_focus() && !visible {
            bring_into_view(spec, view, input, state);
            ui.ctx().request_repaint();
        }
    }

    let label = words::bar_label(row);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    let row_state = RowState {
        hovered: response.hovered() || resizing,
        focused: response.has_focus(),
        handle_active: resizing || (on_handle && response.hovered()),
    };
    if resizing {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        egui::Tooltip::for_widget(&response)
            .at_pointer()
            .show(|ui| {
                ui.label(words::drag_text(
                    stage,
                    state.resize.as_ref().map_or(stage.weeks, |r| r.start_weeks),
                ))
            });
    } else if response.hovered() && !response.dragged() {
        let icon = if on_handle {
            CursorIcon::ResizeHorizontal
        } else {
            CursorIcon::PointingHand
        };
        response
            .on_hover_cursor(icon)
            .on_hover_text_at_pointer(words::hover_text(row));
    }
    row_state
}

/// ←/→ on a focused bar: one week shorter or longer, through the one owner.
fn keys_ui(ui: &Ui, id: Id, input: &ChartInput<'_>, row: &RowInput<'_>) {
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            id,
            EventFilter {
                horizontal_arrows: true,
                ..EventFilter::default()
            },
        );
    });
    let (shorter, longer) = ui.input_mut(|i| {
        (
            i.count_and_consume_key(Modifiers::NONE, Key::ArrowLeft),
            i.count_and_consume_key(Modifiers::NONE, Key::ArrowRight),
        )
    });
    if shorter == longer {
        return;
    }
    let stage = row.stage;
    let weeks = (i64::from(stage.weeks) + longer as i64 - shorter as i64)
        .clamp(1, i64::from(MAX_STAGE_WEEKS));
    let weeks = u32::try_from(weeks).unwrap_or(stage.weeks);
    if weeks != stage.weeks {
        let mut settings = input.cx.plan.settings().clone();
        settings.set_stage_weeks(&stage.id, weeks, stage.preset_weeks);
        input.cx.push(Command::SetPlan(Box::new(settings)));
        ui.ctx().request_repaint();
    }
}

/// Pans so that a bar the keyboard reached off screen sits in the middle.
fn bring_into_view(
    spec: &BarSpec,
    view: &ChartView,
    input: &ChartInput<'_>,
    state: &mut TimelineState,
) {
    let Some(bar) = spec.bar else {
        return;
    };
    let fit = DayWindow::fit(input.span.0, input.span.1);
    let middle = view.day_at(bar.center().x);
    let now = (view.window.from + view.window.to) / 2.0;
    state.window = Some(view.window.panned(middle - now, &fit));
}

/// A left-out optional phase's row: what it would add, and a button to put it back.
fn left_out_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    row: &RowInput<'_>,
    spec: &BarSpec,
    view: &ChartView,
    painter: &egui::Painter,
    font: &FontId,
) {
    let stage = row.stage;
    let plot = view.plot();
    let height = (view.row_height - 8.0).min(24.0);
    let button_rect = Rect::from_min_size(
        pos2(plot.left() + 6.0, spec.row.center().y - height / 2.0),
        vec2(96.0, height),
    );
    let button = ui
        .put(button_rect, |ui: &mut Ui| {
            ui.add_enabled(input.cx.editable, egui::Button::new("Put back in").small())
        })
        .on_hover_text(format!(
            "Put {} back into your plan (adds {})",
            stage.short_title,
            crate::schedule::weeks_text(stage.weeks)
        ));
    let label = words::bar_label(row);
    button.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("Put back in: {label}")));
    if button.clicked() {
        let mut settings = input.cx.plan.settings().clone();
        settings.excluded.remove(&stage.id);
        input.cx.push(Command::SetPlan(Box::new(settings)));
    }
    let palette = Palette::of(ui);
    painter.with_clip_rect(plot).text(
        pos2(button.rect.right() + 8.0, spec.row.center().y),
        egui::Align2::LEFT_CENTER,
        format!(
            "left out of your plan · would add {}",
            crate::schedule::weeks_text(stage.weeks)
        ),
        font.clone(),
        palette.weak,
    );
}

/// The breaks that take weeks of the plan: (left x, right x, label), over their whole weeks.
fn break_bands(input: &ChartInput<'_>, view: &ChartView) -> Vec<(f32, f32, String)> {
    input
        .cx
        .plan
        .schedule()
        .breaks
        .iter()
        .filter(|b| b.in_plan())
        .map(|b| {
            (
                view.x_of_day(day_number(b.monday)),
                view.x_of_day(day_number(b.sunday) + 1.0),
                b.label.clone(),
            )
        })
        .collect()
}

/// Today's line and the forecast finish's.
fn markers(input: &ChartInput<'_>, view: &ChartView, palette: &Palette) -> Vec<Marker> {
    let mut markers = vec![Marker {
        x: view.x_of_day(day_number(input.cx.plan.today())),
        colour: palette.today,
        label: "today".to_owned(),
        dotted: false,
    }];
    if let Some(finish) = input.forecast {
        markers.push(Marker {
            x: view.x_of_day(day_number(finish) + 1.0),
            colour: palette.forecast,
            label: format!("forecast: {}", long_date(finish)),
            dotted: true,
        });
    }
    markers
}

/// The names column: as wide as the widest name, within a third of the chart.
fn names_width(ui: &Ui, rows: &[RowInput<'_>], width: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = rows
        .iter()
        .map(|row| text_width(ui, &font, &row.stage.label()))
        .fold(0.0, f32::max);
    let most = (width / 3.0).max(1.0);
    (widest + 16.0).clamp(most.min(90.0), most)
}

/// The width of `text` in `font`: the sum of its glyphs (no shaping is needed for labels of
/// dates and names in a Latin font).
fn text_width(ui: &Ui, font: &FontId, text: &str) -> f32 {
    ui.fonts_mut(|fonts| text.chars().map(|c| fonts.glyph_width(font, c)).sum())
}
