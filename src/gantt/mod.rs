//! The geometry of a Gantt chart that the window's timeline and the PDF's overview chart share:
//! how days map to positions, which date labels the axis shows, and where a stage's estimate
//! band lies. Pure: no egui, no PDF, no disk, so both charts read the same rules and the rules
//! are tested once.
//!
//! Positions are plain `f32` lengths from the left edge of the chart's date area, in whatever
//! unit the caller draws in (points on screen, points on paper); text widths come from a
//! measuring function the caller passes in, so the axis never has to guess a font.

pub mod axis;
pub mod estimate;

use chrono::{NaiveDate, TimeDelta};

pub use axis::{Axis, AxisLabel, GridLine, Step, date_axis};
pub use estimate::{EstimateBand, estimate_band};

/// A date as a day number: days since 1970-01-01 (midnight at the start of the day). Both
/// charts keep their visible window in these units, so a window can start mid-day when zoomed.
pub fn day_number(date: NaiveDate) -> f64 {
    (date - epoch()).num_days() as f64
}

/// The day a day number falls on; `None` outside the calendar chrono knows.
pub fn date_of_day(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > 1.0e8 {
        return None;
    }
    epoch().checked_add_signed(TimeDelta::try_days(day.floor() as i64)?)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The visible stretch of time and the length it is drawn over: maps day numbers to positions
/// and back. `from < to` and `width > 0` always hold (the constructor makes them hold).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayScale {
    from: f64,
    to: f64,
    width: f32,
}

impl DayScale {
    /// Days `from..to` drawn over `width`. A degenerate input becomes a one-day window or a
    /// one-unit width rather than a division by zero.
    pub fn new(from: f64, to: f64, width: f32) -> Self {
        let from = if from.is_finite() { from } else { 0.0 };
        let to = if to.is_finite() && to > from {
            to
        } else {
            from + 1.0
        };
        let width = if width.is_finite() && width > 1.0 {
            width
        } else {
            1.0
        };
        Self { from, to, width }
    }

    /// A scale from the first day to the day after the last.
    pub fn of_dates(first: NaiveDate, last_exclusive: NaiveDate, width: f32) -> Self {
        Self::new(day_number(first), day_number(last_exclusive), width)
    }

    pub fn from(&self) -> f64 {
        self.from
    }

    pub fn to(&self) -> f64 {
        self.to
    }

    pub fn width(&self) -> f32 {
        self.width
    }

    /// Days shown.
    pub fn span_days(&self) -> f64 {
        self.to - self.from
    }

    /// Length per day.
    pub fn per_day(&self) -> f64 {
        f64::from(self.width) / self.span_days()
    }

    /// The position of a day number (not clamped: off-window days lie outside `0..=width`).
    pub fn x_of_day(&self, day: f64) -> f32 {
        ((day - self.from) * self.per_day()) as f32
    }

    /// The position of the start of `date`.
    pub fn x(&self, date: NaiveDate) -> f32 {
        self.x_of_day(day_number(date))
    }

    /// The day number at a position.
    pub fn day_at(&self, x: f32) -> f64 {
        self.from + f64::from(x) / self.per_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn days_map_to_numbers_and_back() {
        assert_eq!(day_number(date(1970, 1, 2)), 1.0);
        assert_eq!(
            date_of_day(day_number(date(2028, 2, 29)) + 0.7),
            Some(date(2028, 2, 29))
        );
        assert_eq!(date_of_day(f64::NAN), None);
        assert_eq!(date_of_day(1.0e12), None);
    }

    #[test]
    fn a_scale_maps_days_to_positions_and_back() {
        let scale = DayScale::of_dates(date(2027, 1, 1), date(2027, 1, 11), 500.0);
        assert_eq!(scale.per_day(), 50.0);
        assert_eq!(scale.x(date(2027, 1, 3)), 100.0);
        assert_eq!(scale.x(date(2026, 12, 31)), -50.0);
        assert_eq!(scale.day_at(125.0), day_number(date(2027, 1, 3)) + 0.5);
        // Nonsense in, a usable scale out.
        let odd = DayScale::new(5.0, f64::NAN, 0.0);
        assert_eq!((odd.span_days(), odd.width()), (1.0, 1.0));
    }
}
