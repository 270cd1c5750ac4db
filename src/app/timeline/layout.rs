//! Where everything on the chart goes, as a pure function of the rows and the view: the names
//! column on the left, the date axis on top, one row per stage, and in each row the planned
//! bar, the share done, the estimate band and the drag handle at the bar's right end. The
//! painter draws these rectangles and the interaction code hit-tests them; neither computes a
//! position of its own, so what is drawn is what responds.

use egui::{Pos2, Rect, pos2};

use super::window::DayWindow;
use crate::gantt::{DayScale, day_number, estimate_band};
use crate::progress::fraction;
use crate::schedule::{MAX_STAGE_WEEKS, ScheduledStage, add_days};

/// The date labels' strip above the rows.
pub const AXIS_HEIGHT: f32 = 22.0;
/// The strip under the rows for the forecast label.
pub const FOOT_HEIGHT: f32 = 20.0;
/// Rows share the height they are given, between these.
pub const MIN_ROW_HEIGHT: f32 = 30.0;
pub const MAX_ROW_HEIGHT: f32 = 60.0;
/// How far past a bar's right end the handle reaches; inside the bar it reaches as far, or a
/// third of a short bar, so the rest of the bar still opens the card.
const HANDLE_REACH: f32 = 7.0;
/// An estimate band is never drawn thinner than this (an exact estimate is a line).
const MIN_BAND_WIDTH: f32 = 3.0;

/// One stage as the chart needs it.
#[derive(Clone, Copy, Debug)]
pub struct RowInput<'a> {
    pub stage: &'a ScheduledStage,
    /// `(complete, total)` items.
    pub counts: (usize, usize),
    /// The find box and state filter leave something of this stage visible.
    pub matches: bool,
}

/// The chart's place on screen and the days it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartView {
    /// The whole chart: names, axis, rows and foot.
    pub rect: Rect,
    pub names_width: f32,
    pub row_height: f32,
    pub window: DayWindow,
}

impl ChartView {
    /// The height a chart of `rows` rows needs at `row_height`.
    pub fn height_for(rows: usize, row_height: f32) -> f32 {
        AXIS_HEIGHT + rows as f32 * row_height + FOOT_HEIGHT
    }

    /// The row height that shares `height` between `rows` rows, within the bounds.
    pub fn row_height_for(rows: usize, height: f32) -> f32 {
        let room = height - AXIS_HEIGHT - FOOT_HEIGHT;
        (room / rows.max(1) as f32).clamp(MIN_ROW_HEIGHT, MAX_ROW_HEIGHT)
    }

    /// Where the bars go: right of the names, between the axis and the foot.
    pub fn plot(&self) -> Rect {
        Rect::from_min_max(
            pos2(
                self.rect.left() + self.names_width,
                self.rect.top() + AXIS_HEIGHT,
            ),
            pos2(self.rect.right(), self.rect.bottom() - FOOT_HEIGHT),
        )
    }

    /// The date labels' strip, above the plot.
    pub fn axis(&self) -> Rect {
        let plot = self.plot();
        Rect::from_min_max(
            pos2(plot.left(), self.rect.top()),
            pos2(plot.right(), plot.top()),
        )
    }

    /// Days over the plot's width (positions relative to its left edge).
    pub fn scale(&self) -> DayScale {
        DayScale::new(self.window.from, self.window.to, self.plot().width())
    }

    /// The screen x of a day number.
    pub fn x_of_day(&self, day: f64) -> f32 {
        self.plot().left() + self.scale().x_of_day(day)
    }

    /// The day number at a screen x.
    pub fn day_at(&self, x: f32) -> f64 {
        self.scale().day_at(x - self.plot().left())
    }
}

/// Everything drawn for one row.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec {
    /// Index of the row (and of the stage in the schedule).
    pub index: usize,
    /// The whole row, names column included.
    pub row: Rect,
    /// The planned weeks; `None` for a phase left out of the plan.
    pub bar: Option<Rect>,
    /// The share of the bar already done (its left part).
    pub done: Option<Rect>,
    /// From where the stage would end at the short end of its estimate to the long end.
    pub band: Option<Rect>,
    /// Where a press starts a drag of the bar's end; `None` when the end is off screen.
    pub handle: Option<Rect>,
    /// Nothing of this stage matches the find box: drawn faded.
    pub dimmed: bool,
}

impl BarSpec {
    /// What the pointer and the keyboard focus act on: the bar and its handle.
    pub fn target(&self) -> Option<Rect> {
        let bar = self.bar?;
        Some(self.handle.map_or(bar, |handle| bar.union(handle)))
    }
}

/// The rows laid out in `view`, first stage on top.
pub fn bars(rows: &[RowInput<'_>], view: &ChartView) -> Vec<BarSpec> {
    let plot = view.plot();
    rows.iter()
        .enumerate()
        .map(|(index, row)| {
            let top = plot.top() + index as f32 * view.row_height;
            let row_rect = Rect::from_min_max(
                pos2(view.rect.left(), top),
                pos2(view.rect.right(), top + view.row_height),
            );
            let mut spec = BarSpec {
                index,
                row: row_rect,
                bar: None,
                done: None,
                band: None,
                handle: None,
                dimmed: !row.matches,
            };
            if row.stage.included {
                place_bar(&mut spec, row, view);
            }
            spec
        })
        .collect()
}

fn place_bar(spec: &mut BarSpec, row: &RowInput<'_>, view: &ChartView) {
    let stage = row.stage;
    let middle = spec.row.center().y;
    let bar_half = (view.row_height * 0.22).max(6.0);
    let band_half = view.row_height * 0.36;
    let left = view.x_of_day(day_number(stage.start));
    let right = view.x_of_day(day_number(add_days(stage.end, 1)));
    let bar = Rect::from_min_max(
        pos2(left, middle - bar_half),
        pos2(right, middle + bar_half),
    );
    let share = fraction(row.counts).clamp(0.0, 1.0);
    if share > 0.0 {
        let mut done = bar;
        done.set_right(left + bar.width() * share);
        spec.done = Some(done);
    }
    let min_days = f64::from(MIN_BAND_WIDTH) / view.scale().per_day();
    let (from, to) = estimate_band(stage.start, stage.estimate_weeks).days(min_days);
    spec.band = Some(Rect::from_min_max(
        pos2(view.x_of_day(from), middle - band_half),
        pos2(view.x_of_day(to), middle + band_half),
    ));
    let plot = view.plot();
    if plot.left() <= right && right <= plot.right() {
        let inside = HANDLE_REACH.min(bar.width() / 3.0);
        spec.handle = Some(Rect::from_min_max(
            pos2(right - inside, middle - band_half),
            pos2(right + HANDLE_REACH, middle + band_half),
        ));
    }
    spec.bar = Some(bar);
}

/// The row whose drag handle is under `pos`, if any.
pub fn handle_at(bars: &[BarSpec], pos: Pos2) -> Option<usize> {
    bars.iter()
        .find(|spec| spec.handle.is_some_and(|handle| handle.contains(pos)))
        .map(|spec| spec.index)
}

/// The length a drag of a bar's end gives: the length when the drag began, plus the whole
/// weeks the pointer moved (to the nearest week), within 1..=[`MAX_STAGE_WEEKS`].
pub fn dragged_weeks(start_weeks: u32, grab_day: f64, pointer_day: f64) -> u32 {
    let moved = (pointer_day - grab_day) / 7.0;
    if !moved.is_finite() {
        return start_weeks;
    }
    let weeks = f64::from(start_weeks) + moved.round();
    weeks.clamp(1.0, f64::from(MAX_STAGE_WEEKS)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::PlanSettings;
    use crate::schedule::{self, Schedule};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn schedule(excluded: &[&str]) -> Schedule {
        let settings = PlanSettings {
            start: Some(crate::date::PlanDate::clamped(date(2027, 1, 4))),
            excluded: excluded.iter().map(|id| (*id).to_owned()).collect(),
            ..PlanSettings::default()
        };
        schedule::compute(&crate::roadmap::embedded(), &settings, date(2027, 1, 4))
    }

    fn rows(schedule: &Schedule) -> Vec<RowInput<'_>> {
        schedule
            .stages
            .iter()
            .map(|stage| RowInput {
                stage,
                counts: (if stage.id == "backend" { 3 } else { 0 }, 9),
                matches: stage.id != "databases",
            })
            .collect()
    }

    /// 1,000 points of plot for 1,000 days from 1 Jan 2027: one point a day.
    fn view(rows: usize) -> ChartView {
        let from = day_number(date(2027, 1, 1));
        ChartView {
            rect: Rect::from_min_size(
                pos2(0.0, 0.0),
                egui::vec2(1200.0, ChartView::height_for(rows, 40.0)),
            ),
            names_width: 200.0,
            row_height: 40.0,
            window: DayWindow {
                from,
                to: from + 1000.0,
            },
        }
    }

    #[test]
    fn bars_follow_the_dates_and_rows_follow_the_order() {
        let schedule = schedule(&["frontend"]);
        let rows = rows(&schedule);
        let view = view(rows.len());
        let bars = bars(&rows, &view);
        assert_eq!(bars.len(), 7);
        // Phase 1: 4 Jan – 21 Feb 2027 (7 weeks): from day 3 to day 52 of the window.
        let first = bars[0].bar.unwrap_or(Rect::NOTHING);
        assert_eq!((first.left(), first.right()), (203.0, 252.0));
        assert_eq!(bars[0].row.top(), AXIS_HEIGHT);
        assert!(bars[1].row.top() > bars[0].row.top());
        // Backend: 22 Feb – 9 May, 3 of 9 done: a third of the bar filled.
        let backend = bars[1].bar.unwrap_or(Rect::NOTHING);
        let done = bars[1].done.unwrap_or(Rect::NOTHING);
        assert!((done.width() - backend.width() / 3.0).abs() < 1e-3);
        // Its estimate of 9–13 weeks runs from 26 Apr to the 24 May, the day after 13 weeks.
        let band = bars[1].band.unwrap_or(Rect::NOTHING);
        let day = |d: NaiveDate| 200.0 + (day_number(d) - day_number(date(2027, 1, 1))) as f32;
        assert_eq!(band.left(), day(date(2027, 4, 26)));
        assert_eq!(band.right(), day(date(2027, 5, 24)));
        // The find box matches nothing in Databases: faded.
        assert!(bars[2].dimmed && !bars[1].dimmed);
        // A left-out phase has a row but no bar, no band and no handle.
        assert_eq!(
            (bars[3].bar, bars[3].band, bars[3].handle),
            (None, None, None)
        );
    }

    #[test]
    fn the_handle_is_found_only_near_a_bars_right_end() {
        let schedule = schedule(&[]);
        let rows = rows(&schedule);
        let view = view(rows.len());
        let bars = bars(&rows, &view);
        let backend = bars[1].bar.unwrap_or(Rect::NOTHING);
        let y = backend.center().y;
        for dx in [-6.0, -1.0, 0.0, 3.0, 6.5] {
            assert_eq!(
                handle_at(&bars, pos2(backend.right() + dx, y)),
                Some(1),
                "{dx}"
            );
        }
        // The middle of the bar, its left end, a little too far right, or the row above: no.
        for pos in [
            backend.center(),
            pos2(backend.left() + 1.0, y),
            pos2(backend.right() + 9.0, y),
            pos2(backend.right(), y - view.row_height),
        ] {
            assert_ne!(handle_at(&bars, pos), Some(1), "{pos:?}");
        }
        assert!(
            bars[1]
                .target()
                .is_some_and(|target| target.contains(backend.center()))
        );
        // Above the row's band, even at the right end: nothing.
        assert_eq!(
            handle_at(&bars, pos2(backend.right(), bars[1].row.top() + 1.0)),
            None
        );
        // A bar whose end is off the plot has no handle to grab.
        let narrow = ChartView {
            window: DayWindow {
                from: view.window.from,
                to: view.window.from + 60.0,
            },
            ..view
        };
        let bars = super::bars(&rows, &narrow);
        assert!(bars[1].handle.is_none() && bars[1].bar.is_some());
    }

    #[test]
    fn a_short_bars_handle_leaves_most_of_it_to_clicks() {
        let schedule = schedule(&[]);
        let rows = rows(&schedule);
        let mut wide = view(rows.len());
        // Ten years in 1,000 points: a 7-week phase is about 13 points wide.
        wide.window.to = wide.window.from + 3650.0;
        let bars = bars(&rows, &wide);
        let bar = bars[0].bar.unwrap_or(Rect::NOTHING);
        let handle = bars[0].handle.unwrap_or(Rect::NOTHING);
        assert!(bar.width() < 20.0);
        assert!(handle.left() >= bar.right() - bar.width() / 3.0 - 1e-3);
        assert!(bar.contains(pos2(bar.left() + 2.0, bar.center().y)));
        assert_eq!(
            handle_at(&bars, pos2(bar.left() + 2.0, bar.center().y)),
            None
        );
    }

    #[test]
    fn a_drag_snaps_to_whole_weeks() {
        assert_eq!(dragged_weeks(11, 100.0, 100.0), 11);
        assert_eq!(dragged_weeks(11, 100.0, 103.0), 11);
        assert_eq!(dragged_weeks(11, 100.0, 104.0), 12);
        assert_eq!(dragged_weeks(11, 100.0, 114.0), 13);
        assert_eq!(dragged_weeks(11, 100.0, 30.0), 1);
        assert_eq!(dragged_weeks(11, 100.0, 1.0e9), MAX_STAGE_WEEKS);
        assert_eq!(dragged_weeks(11, 100.0, f64::NAN), 11);
    }

    #[test]
    fn rows_share_the_height_within_bounds() {
        assert_eq!(ChartView::row_height_for(7, 1000.0), MAX_ROW_HEIGHT);
        assert_eq!(ChartView::row_height_for(7, 100.0), MIN_ROW_HEIGHT);
        let height = ChartView::height_for(7, 35.0);
        assert!((ChartView::row_height_for(7, height) - 35.0).abs() < 1e-3);
    }
}
