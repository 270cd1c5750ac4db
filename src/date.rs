//! The dates a plan may start on: 1900-01-01 to 9999-12-31.
//!
//! chrono reaches the year ±262,142, but no learner plans outside four-digit years, the date
//! picker stops at 9999, and calendars and PDF viewers expect four-digit years. So a start
//! date is checked once, where it comes in — `--start` and `--today`, the date picker, the
//! plan in `progress.ron` — with a message that says what is allowed, and from there on it is
//! a [`PlanDate`]. Everything computed from it (a plan of up to 520 weeks a phase) stays far
//! inside chrono's range, and the arithmetic saturates anyway
//! ([`crate::schedule::add_days`]), so no input can make date maths panic.
//!
//! Pure: no egui, no disk.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date inside [`PlanDate::FIRST`]..=[`PlanDate::LAST`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanDate(NaiveDate);

/// `from_ymd_opt` in a constant: `None` cannot happen for the literal dates below.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Why a date is not a [`PlanDate`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanDateError {
    #[error("'{0}' is not a date; expected YYYY-MM-DD, e.g. 2027-01-04")]
    NotADate(String),
    #[error(
        "{0} is outside the dates a plan can use: {first} to {last}",
        first = PlanDate::FIRST,
        last = PlanDate::LAST
    )]
    OutOfRange(NaiveDate),
}

impl PlanDate {
    pub const FIRST: Self = Self(ymd(1900, 1, 1));
    pub const LAST: Self = Self(ymd(9999, 12, 31));

    /// `date` if it lies in the supported range.
    pub fn new(date: NaiveDate) -> Result<Self, PlanDateError> {
        if (Self::FIRST.0..=Self::LAST.0).contains(&date) {
            Ok(Self(date))
        } else {
            Err(PlanDateError::OutOfRange(date))
        }
    }

    /// The nearest date in the supported range: for dates that come from a clock or from
    /// arithmetic rather than from the learner (today, a re-planned start).
    pub fn clamped(date: NaiveDate) -> Self {
        Self(date.clamp(Self::FIRST.0, Self::LAST.0))
    }

    pub fn get(self) -> NaiveDate {
        self.0
    }
}

impl From<PlanDate> for NaiveDate {
    fn from(date: PlanDate) -> Self {
        date.0
    }
}

impl fmt::Display for PlanDate {
    /// ISO 8601: "2027-01-04".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for PlanDate {
    type Err = PlanDateError;

    /// `YYYY-MM-DD` inside the supported range (what `--start` and `--today` take).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let date = NaiveDate::from_str(text.trim())
            .map_err(|_| PlanDateError::NotADate(text.to_owned()))?;
        Self::new(date)
    }
}

/// Saved as the plain ISO date, exactly as a `NaiveDate` was, so files do not change.
impl Serialize for PlanDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A saved date outside the range is an error at its place in the file, with the message
/// above, like any other bad value.
impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let date = NaiveDate::deserialize(deserializer)?;
        Self::new(date).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_digit_years_are_plan_dates() {
        assert_eq!(
            "2027-01-04".parse::<PlanDate>().map(PlanDate::get),
            Ok(ymd(2027, 1, 4))
        );
        assert_eq!("1900-01-01".parse(), Ok(PlanDate::FIRST));
        assert_eq!("9999-12-31".parse(), Ok(PlanDate::LAST));
        let far = "+262142-01-01".parse::<PlanDate>();
        assert_eq!(
            far.map_err(|err| err.to_string()),
            Err(
                "+262142-01-01 is outside the dates a plan can use: 1900-01-01 to 9999-12-31"
                    .into()
            )
        );
        assert!(matches!(
            "1899-12-31".parse::<PlanDate>(),
            Err(PlanDateError::OutOfRange(_))
        ));
        assert!(matches!(
            "2027-02-30".parse::<PlanDate>(),
            Err(PlanDateError::NotADate(_))
        ));
        assert_eq!(PlanDate::clamped(NaiveDate::MAX), PlanDate::LAST);
        assert_eq!(PlanDate::clamped(NaiveDate::MIN), PlanDate::FIRST);
    }

    #[test]
    fn saved_as_a_plain_date_and_checked_when_read() {
        let date = PlanDate::clamped(ymd(2027, 1, 4));
        assert_eq!(
            ron::to_string(&date).ok().as_deref(),
            Some("\"2027-01-04\"")
        );
        assert_eq!(ron::from_str::<PlanDate>("\"2027-01-04\""), Ok(date));
        let err = ron::from_str::<PlanDate>("\"+262142-01-01\"").map_err(|e| e.to_string());
        assert!(
            err.as_ref()
                .is_err_and(|e| e.contains("outside the dates a plan can use")),
            "{err:?}"
        );
    }
}
