//! Dates and lengths in words, the same in the window, the command line and the exports.
//! Dates use the day, an English month abbreviation and the year, which no locale misreads.

use chrono::{Datelike, NaiveDate};

/// "14 Sep 2027".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "14 Sep", for places where the year is plain from the context.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// An inclusive range: "22 Feb – 9 May 2027", or "1 Nov 2027 – 16 Jan 2028" across a year.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        format!("{} – {}", short_date(start), long_date(end))
    } else {
        format!("{} – {}", long_date(start), long_date(end))
    }
}

/// "1 week", "11 weeks".
pub fn weeks_text(weeks: u32) -> String {
    if weeks == 1 {
        "1 week".to_owned()
    } else {
        format!("{weeks} weeks")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
    }
}
