//! Where a stage's estimate lies on the chart: the stretch between the day it would end at
//! the short end of the roadmap's estimate and the day it would end at the long end, both
//! counted from the stage's first week. A bar that ends inside the band is within the
//! estimate; one that ends outside it is flagged, in the same words as the plan panel.

use chrono::{Days, NaiveDate};

use crate::schedule::monday_of;

/// The ends of the estimate, as days after the last day (exclusive ends, like a bar's end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EstimateBand {
    /// The day after the stage would end at the short end of its estimate.
    pub shortest_end: NaiveDate,
    /// The day after the stage would end at the long end.
    pub longest_end: NaiveDate,
}

impl EstimateBand {
    /// The band in day numbers, widened around its middle to at least `min_days` (an estimate
    /// of exactly one length is a line, which no one can see).
    pub fn days(&self, min_days: f64) -> (f64, f64) {
        let from = super::day_number(self.shortest_end);
        let to = super::day_number(self.longest_end);
        let missing = (min_days - (to - from)).max(0.0);
        (from - missing / 2.0, to + missing / 2.0)
    }
}

/// The estimate band of a stage starting on `start` with an estimate of `(low, high)` weeks.
/// Stages are whole calendar weeks from the Monday of their first week, so a stage that starts
/// mid-week ends on the same Sunday as one that starts on its Monday.
pub fn estimate_band(start: NaiveDate, (low, high): (u32, u32)) -> EstimateBand {
    let monday = monday_of(start);
    let end = |weeks: u32| {
        monday
            .checked_add_days(Days::new(u64::from(weeks) * 7))
            .unwrap_or(NaiveDate::MAX)
    };
    EstimateBand {
        shortest_end: end(low.min(high)),
        longest_end: end(low.max(high)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn the_band_runs_from_the_shortest_to_the_longest_end() {
        // Backend at the steady pace: 9–13 weeks from Monday 11 Jan 2027.
        let band = estimate_band(date(2027, 1, 11), (9, 13));
        assert_eq!(band.shortest_end, date(2027, 3, 15));
        assert_eq!(band.longest_end, date(2027, 4, 12));
        // Started on a Wednesday: the same weeks as from its Monday.
        assert_eq!(estimate_band(date(2027, 1, 13), (9, 13)), band);
        // Reversed input is read the right way round.
        assert_eq!(estimate_band(date(2027, 1, 11), (13, 9)), band);
    }

    #[test]
    fn an_exact_estimate_is_widened_to_be_seen() {
        let band = estimate_band(date(2027, 1, 11), (4, 4));
        let (from, to) = band.days(3.0);
        let end = crate::gantt::day_number(date(2027, 2, 8));
        assert_eq!((from, to), (end - 1.5, end + 1.5));
        // A wide band is left as it is.
        let wide = estimate_band(date(2027, 1, 11), (4, 9));
        let (from, to) = wide.days(3.0);
        assert_eq!(to - from, 35.0);
    }
}
