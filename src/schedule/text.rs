//! Dates and lengths in words, the same in the window, the command line and the exports.
//! Dates use the day, an English month abbreviation and the year, which no locale misreads.

use chrono::{Datelike, NaiveDate};

use crate::words::plural;

/// "14 Sep 2027".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "14 Sep", for places where the year is plain from the context.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// An inclusive range, naming the year (and the month) once: "22 Feb – 9 May 2027",
/// "1 Nov 2027 – 16 Jan 2028" across a year, "5 – 11 Jan 2026" within a month, and a single
/// day is just that day.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        long_date(start)
    } else if start.year() != end.year() {
        format!("{} – {}", long_date(start), long_date(end))
    } else if start.month() == end.month() {
        format!("{} – {}", start.day(), long_date(end))
    } else {
        format!("{} – {}", short_date(start), long_date(end))
    }
}

/// "1 week", "11 weeks".
pub fn weeks_text(weeks: u32) -> String {
    plural(weeks as usize, "week")
}

/// An estimate in weeks, `(low, high)`: "4–9", or "6" when both ends agree.
pub fn weeks_range(range: (u32, u32)) -> String {
    let (low, high) = range;
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

/// [`weeks_range`] with its unit: "4–9 weeks", "6 weeks", "1 week".
pub fn weeks_range_text(range: (u32, u32)) -> String {
    let unit = if range.1 == 1 { "week" } else { "weeks" };
    format!("{} {unit}", weeks_range(range))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
    }

    #[test]
    fn ranges_name_the_year_once_when_they_can() {
        assert_eq!(
            date_range(date(2027, 2, 22), date(2027, 5, 9)),
            "22 Feb – 9 May 2027"
        );
        assert_eq!(
            date_range(date(2027, 11, 1), date(2028, 1, 16)),
            "1 Nov 2027 – 16 Jan 2028"
        );
        assert_eq!(long_date(date(2027, 9, 14)), "14 Sep 2027");
        assert_eq!(
            (weeks_text(1), weeks_text(11)),
            ("1 week".into(), "11 weeks".into())
        );
        assert_eq!(
            date_range(date(2026, 1, 5), date(2026, 1, 11)),
            "5 – 11 Jan 2026"
        );
        assert_eq!(
            date_range(date(2026, 1, 26), date(2026, 2, 1)),
            "26 Jan – 1 Feb 2026"
        );
        assert_eq!(
            date_range(date(2025, 12, 29), date(2026, 1, 4)),
            "29 Dec 2025 – 4 Jan 2026"
        );
        assert_eq!(date_range(date(2026, 1, 4), date(2026, 1, 4)), "4 Jan 2026");
    }

    #[test]
    fn estimates_in_weeks_say_the_range_once() {
        assert_eq!(weeks_range((4, 9)), "4–9");
        assert_eq!(weeks_range((6, 6)), "6");
        assert_eq!(weeks_range_text((4, 9)), "4–9 weeks");
        assert_eq!(weeks_range_text((6, 6)), "6 weeks");
        assert_eq!(weeks_range_text((1, 1)), "1 week");
    }
}
