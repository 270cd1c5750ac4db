//! The stretch of time the chart shows, and how the wheel, Ctrl+wheel, dragging and "Fit all"
//! move it. Pure arithmetic on day numbers, bounded both ways: never narrower than two weeks
//! (a day is then still a readable width) and never wider than twice the plan or two years,
//! whichever is more; panning keeps part of the plan on screen.

use chrono::NaiveDate;

use crate::gantt::day_number;

/// The narrowest window: two weeks.
pub const MIN_SPAN_DAYS: f64 = 14.0;
/// The widest window is at least this (so a short plan can still be seen in its year).
const MIN_MAX_SPAN_DAYS: f64 = 730.0;

/// Days `from..to`, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayWindow {
    pub from: f64,
    pub to: f64,
}

impl DayWindow {
    /// The whole of `first..last_exclusive` with a little room each side (a week before, ten
    /// days after: room for the "today" and forecast labels).
    pub fn fit(first: NaiveDate, last_exclusive: NaiveDate) -> Self {
        let from = day_number(first) - 7.0;
        let to = (day_number(last_exclusive) + 10.0).max(from + MIN_SPAN_DAYS);
        Self { from, to }
    }

    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    /// The widest this chart may zoom out to, for a plan that fits in `fit`.
    fn max_span(fit: &Self) -> f64 {
        (2.0 * fit.span()).max(MIN_MAX_SPAN_DAYS)
    }

    /// Zoomed by `factor` (above 1 zooms in) keeping `anchor` (a day number, usually under
    /// the pointer) where it is, within the bounds for a plan that fits in `fit`.
    pub fn zoomed(self, factor: f64, anchor: f64, fit: &Self) -> Self {
        if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
            return self;
        }
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, Self::max_span(fit));
        let share = ((anchor - self.from) / self.span()).clamp(0.0, 1.0);
        let from = anchor - share * span;
        Self {
            from,
            to: from + span,
        }
        .kept_near(fit)
    }

    /// Moved later by `days` (earlier when negative), keeping part of the plan on screen.
    pub fn panned(self, days: f64, fit: &Self) -> Self {
        if !days.is_finite() {
            return self;
        }
        Self {
            from: self.from + days,
            to: self.to + days,
        }
        .kept_near(fit)
    }

    /// This window made valid for a plan that fits in `fit`: within the zoom bounds and
    /// overlapping the plan by at least a fifth of the window (a plan that changed under a
    /// saved window never leaves the learner looking at an empty stretch of time).
    pub fn kept_near(self, fit: &Self) -> Self {
        let span = self.span().clamp(MIN_SPAN_DAYS, Self::max_span(fit));
        let span = if span.is_finite() { span } else { fit.span() };
        let from = if self.from.is_finite() {
            self.from
        } else {
            fit.from
        };
        let margin = span / 5.0;
        let lowest = fit.from - span + margin;
        let highest = fit.to - margin;
        let from = if lowest <= highest {
            from.clamp(lowest, highest)
        } else {
            fit.from
        };
        Self {
            from,
            to: from + span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn plan() -> DayWindow {
        DayWindow::fit(date(2026, 11, 25), date(2028, 1, 24))
    }

    #[test]
    fn fit_shows_the_whole_plan_with_room_each_side() {
        let fit = plan();
        assert_eq!(fit.from, day_number(date(2026, 11, 18)));
        assert_eq!(fit.to, day_number(date(2028, 2, 3)));
        // A plan of one day still gets a readable window.
        let tiny = DayWindow::fit(date(2027, 1, 4), date(2027, 1, 5));
        assert!(tiny.span() >= MIN_SPAN_DAYS);
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer_and_stops_at_its_bounds() {
        let fit = plan();
        let anchor = day_number(date(2027, 6, 1));
        let closer = fit.zoomed(2.0, anchor, &fit);
        assert!((closer.span() - fit.span() / 2.0).abs() < 1e-9);
        let share = |w: DayWindow| (anchor - w.from) / w.span();
        assert!((share(closer) - share(fit)).abs() < 1e-9);
        // Zooming in forever stops at two weeks, out forever at twice the plan.
        let mut window = fit;
        for _ in 0..100 {
            window = window.zoomed(1.5, anchor, &fit);
        }
        assert_eq!(window.span(), MIN_SPAN_DAYS);
        for _ in 0..100 {
            window = window.zoomed(0.5, anchor, &fit);
        }
        assert_eq!(window.span(), 2.0 * fit.span());
        // Nonsense leaves the window alone.
        assert_eq!(fit.zoomed(f64::NAN, anchor, &fit), fit);
        assert_eq!(fit.zoomed(0.0, anchor, &fit), fit);
    }

    #[test]
    fn panning_moves_in_time_but_never_loses_the_plan() {
        let fit = plan();
        let month = fit.zoomed(fit.span() / 30.0, fit.from, &fit);
        let later = month.panned(7.0, &fit);
        assert_eq!(later.from, month.from + 7.0);
        assert_eq!(later.span(), month.span());
        // Far past the end: the window stops with a fifth of it still on the plan.
        let far = month.panned(1.0e6, &fit);
        assert!((fit.to - far.from - far.span() / 5.0).abs() < 1e-9);
        let early = month.panned(-1.0e6, &fit);
        assert!((early.to - fit.from - early.span() / 5.0).abs() < 1e-9);
        assert_eq!(month.panned(f64::INFINITY, &fit), month);
    }

    #[test]
    fn a_window_left_from_an_old_plan_is_brought_back() {
        let fit = plan();
        let stale = DayWindow {
            from: fit.to + 5000.0,
            to: fit.to + 5001.0,
        };
        let kept = stale.kept_near(&fit);
        assert_eq!(kept.span(), MIN_SPAN_DAYS);
        assert!(kept.from < fit.to && kept.to > fit.from);
    }
}
