//! Where "today" comes from.
//!
//! The window is meant to stay open for months, so it never keeps the day it was opened on: it
//! asks the clock on every frame, and asks egui to wake it once at the next local midnight
//! ([`Clock::until_tomorrow`]), so the today line, "this week", re-planning, the forecast and
//! the print date move on by themselves, and a tick made after midnight is dated the new day.
//! The command line asks the same clock, so the window and `study-planner plan` agree on
//! today (and on the start of a plan that has no start date of its own).
//!
//! Tests pin the clock and move it forward by hand. Pure: no egui, no disk.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// The system's local clock, or a pinned one that only moves when told (tests). Clones of a
/// pinned clock share its time, so a test keeps one and moves the app's.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    pinned: Option<Arc<Mutex<NaiveDateTime>>>,
}

impl Clock {
    /// The system clock in local time.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock standing at `now` (local time) until [`Self::set`] or [`Self::advance`].
    pub fn pinned(now: NaiveDateTime) -> Self {
        Self {
            pinned: Some(Arc::new(Mutex::new(now))),
        }
    }

    /// A pinned clock at noon on `day`.
    pub fn on(day: NaiveDate) -> Self {
        Self::pinned(day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)))
    }

    /// The local date and time now.
    pub fn now(&self) -> NaiveDateTime {
        match &self.pinned {
            Some(time) => *time.lock().unwrap_or_else(PoisonError::into_inner),
            None => chrono::Local::now().naive_local(),
        }
    }

    /// The local date now.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Moves a pinned clock to `now`; the system clock cannot be moved and ignores this.
    pub fn set(&self, now: NaiveDateTime) {
        if let Some(time) = &self.pinned {
            *time.lock().unwrap_or_else(PoisonError::into_inner) = now;
        }
    }

    /// Moves a pinned clock on by `by` (saturating at chrono's last moment).
    pub fn advance(&self, by: TimeDelta) {
        let now = self.now();
        self.set(now.checked_add_signed(by).unwrap_or(NaiveDateTime::MAX));
    }

    /// How long until the date changes: to the next local midnight, plus a second so that
    /// whoever wakes then reads the new day. On a day when the clocks change this may be an
    /// hour off; whoever wakes early sees the old date and asks again.
    pub fn until_tomorrow(&self) -> Duration {
        until_tomorrow(self.now())
    }
}

fn until_tomorrow(now: NaiveDateTime) -> Duration {
    let midnight = now
        .date()
        .succ_opt()
        .map(|day| day.and_time(NaiveTime::MIN));
    let left = midnight.map_or(TimeDelta::days(1), |midnight| midnight - now);
    left.to_std().unwrap_or(Duration::ZERO) + Duration::from_secs(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .unwrap_or_default()
    }

    #[test]
    fn a_pinned_clock_moves_only_when_told_and_clones_share_it() {
        let clock = Clock::pinned(at(2026, 11, 25, 23, 59));
        let app_side = clock.clone();
        assert_eq!(app_side.today(), at(2026, 11, 25, 0, 0).date());
        clock.advance(TimeDelta::minutes(2));
        assert_eq!(app_side.today(), at(2026, 11, 26, 0, 0).date());
        assert_eq!(app_side.now(), at(2026, 11, 26, 0, 1));
    }

    #[test]
    fn the_next_wake_up_is_just_after_midnight() {
        assert_eq!(
            until_tomorrow(at(2026, 11, 25, 23, 0)),
            Duration::from_secs(3601)
        );
        assert_eq!(
            until_tomorrow(at(2026, 11, 25, 0, 0)),
            Duration::from_secs(24 * 3600 + 1)
        );
        // The last day chrono knows has no midnight after it: a day from now, no panic.
        assert!(until_tomorrow(NaiveDateTime::MAX) > Duration::ZERO);
    }
}
