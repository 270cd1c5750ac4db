//! The learner's plan settings, saved with their progress. The schedule reads them; they
//! know nothing of the schedule.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::date::PlanDate;
use chrono::NaiveDate;

/// Which end of each estimate to plan with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pace {
    /// The low end of every estimate.
    Fast,
    /// The middle of every estimate.
    #[default]
    Steady,
    /// The high end of every estimate.
    Relaxed,
}

impl Pace {
    pub const ALL: [Self; 3] = [Self::Fast, Self::Steady, Self::Relaxed];

    pub fn label(self) -> &'static str {
        match self {
            Self::Fast => "fast",
            Self::Steady => "steady",
            Self::Relaxed => "relaxed",
        }
    }
}

/// How the learner wants to plan. Every field has a sensible default so a new learner sees a
/// plan at once; `None` means "as the roadmap says".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSettings {
    /// First day of study; `None` until the learner picks one (the plan then starts today).
    /// A saved start that is not a plan date (a hand-edited year 20000, or "2027-02-30") is
    /// left out when read, so one typo does not refuse the learner's whole file (`storage`
    /// finds such values and tells the learner).
    #[serde(deserialize_with = "start_if_plan_date")]
    pub start: Option<PlanDate>,
    pub pace: Pace,
    /// Weekly study hours; `None` means the hours the roadmap's estimates assume.
    pub hours_per_week: Option<f32>,
    /// Optional phases the learner left out, by phase id.
    pub excluded: BTreeSet<String>,
    /// Per-stage length in weeks, overriding the pace preset, by stage id.
    pub stage_weeks: BTreeMap<String, u32>,
    /// Time off ("holiday", "exam month"): the plan flows around these. In the order the
    /// learner added them; the schedule sorts its own copy. Days outside the plan's dates
    /// (a hand-edited year 20000) are clamped into them when read, and a break whose day is
    /// not a date at all ("2027-02-30") is left out, so one typo neither refuses the learner's
    /// whole file nor reaches the schedule's arithmetic (and `storage` tells the learner).
    #[serde(deserialize_with = "clamped_breaks")]
    pub breaks: Vec<Break>,
}

fn start_if_plan_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<PlanDate>, D::Error> {
    let written = Option::<String>::deserialize(deserializer)?;
    Ok(written.and_then(|text| text.parse().ok()))
}

/// A break as the file has it, its days as text, so that a day which is not a date at all
/// ("2027-02-30") leaves out that break alone; also what `storage::repairs` reads to say so.
#[derive(Deserialize)]
#[serde(rename = "Break")]
pub struct WrittenBreak {
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub label: String,
}

fn clamped_breaks<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Break>, D::Error> {
    let written = Vec::<WrittenBreak>::deserialize(deserializer)?;
    Ok(written
        .into_iter()
        .filter_map(|b| {
            let (start, end) = (b.start.parse().ok()?, b.end.parse().ok()?);
            Some(Break {
                start: PlanDate::clamped(start).get(),
                end: PlanDate::clamped(end).get(),
                label: b.label,
            })
        })
        .collect())
}

/// Time off from study, `start` to `end`, both inclusive. The schedule takes every calendar
/// week (Monday to Sunday) a break touches on or after the plan's start: no phase work happens
/// in those weeks, and everything after them moves later.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Break {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The learner's name for it ("holiday"); may be empty.
    #[serde(default)]
    pub label: String,
}

impl Break {
    /// The first and last day, in order whatever order they were given in.
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        (self.start.min(self.end), self.start.max(self.end))
    }

    /// The label, or "Break" when the learner gave none.
    pub fn name(&self) -> &str {
        let label = self.label.trim();
        if label.is_empty() { "Break" } else { label }
    }
}

/// Why a break cannot be added as asked (the panel says it in words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakProblem {
    /// The last day comes before the first.
    EndsBeforeStart,
    /// It shares days with the break at this index of [`PlanSettings::breaks`].
    Overlaps(usize),
}

/// A break's label is a name, not a note: longer ones are cut here.
pub const MAX_BREAK_LABEL_CHARS: usize = 60;

impl PlanSettings {
    /// Whether a break from `start` to `end` (inclusive) can be added: it must not end before
    /// it starts, nor share a day with a break the learner already has (two breaks over one
    /// week would look like one and be removed as two).
    pub fn check_break(&self, start: NaiveDate, end: NaiveDate) -> Result<(), BreakProblem> {
        if end < start {
            return Err(BreakProblem::EndsBeforeStart);
        }
        match self.breaks.iter().position(|other| {
            let (first, last) = other.days();
            start <= last && first <= end
        }) {
            Some(index) => Err(BreakProblem::Overlaps(index)),
            None => Ok(()),
        }
    }

    /// Adds the break if [`Self::check_break`] allows it, keeping the breaks in date order;
    /// the label is trimmed and cut to [`MAX_BREAK_LABEL_CHARS`].
    pub fn add_break(
        &mut self,
        start: NaiveDate,
        end: NaiveDate,
        label: &str,
    ) -> Result<(), BreakProblem> {
        self.check_break(start, end)?;
        let label: String = label.trim().chars().take(MAX_BREAK_LABEL_CHARS).collect();
        let at = self.breaks.partition_point(|other| other.days().0 <= start);
        self.breaks.insert(at, Break { start, end, label });
        Ok(())
    }

    /// Sets a stage's own length in weeks. At `preset_weeks` (what the pace gives) the
    /// override is forgotten instead, so a later change of pace or hours applies to the stage
    /// again; the panel's − / + and the timeline's drag share this rule.
    pub fn set_stage_weeks(&mut self, stage_id: &str, weeks: u32, preset_weeks: u32) {
        if weeks == preset_weeks {
            self.stage_weeks.remove(stage_id);
        } else {
            self.stage_weeks.insert(stage_id.to_owned(), weeks);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_break_is_added_in_date_order_unless_it_is_backwards_or_overlaps() {
        use super::{BreakProblem, PlanSettings};
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2027, m, d).expect("a real day");
        let mut settings = PlanSettings::default();
        assert_eq!(
            settings.add_break(day(3, 1), day(3, 14), "  exams "),
            Ok(())
        );
        assert_eq!(settings.add_break(day(1, 4), day(1, 10), "ski"), Ok(()));
        let labels: Vec<&str> = settings.breaks.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["ski", "exams"]);
        assert_eq!(
            settings.add_break(day(2, 10), day(2, 1), ""),
            Err(BreakProblem::EndsBeforeStart)
        );
        // Touching the last day of "exams" is an overlap; the day after is not.
        assert_eq!(
            settings.add_break(day(3, 14), day(3, 20), ""),
            Err(BreakProblem::Overlaps(1))
        );
        assert_eq!(
            settings.add_break(day(3, 15), day(3, 15), &"x".repeat(200)),
            Ok(())
        );
        assert_eq!(settings.breaks.len(), 3);
        assert_eq!(
            settings.breaks[2].label.chars().count(),
            super::MAX_BREAK_LABEL_CHARS
        );
    }

    use super::*;

    #[test]
    fn a_length_back_at_the_preset_forgets_the_override() {
        let mut settings = PlanSettings::default();
        settings.set_stage_weeks("backend", 13, 11);
        assert_eq!(settings.stage_weeks.get("backend"), Some(&13));
        settings.set_stage_weeks("backend", 11, 11);
        assert!(settings.stage_weeks.is_empty());
    }

    #[test]
    fn a_hand_edited_start_that_is_not_a_plan_date_is_left_out_not_refused() {
        for written in ["\"+20000-01-01\"", "Some(\"1066-10-14\")", "\"2027-02-30\""] {
            let read: Result<PlanSettings, _> = crate::ron_messages::hand_edit_options().from_str(
                &format!("(start: {written}, pace: Fast, hours_per_week: 9)"),
            );
            let read = read.map_err(|e| e.to_string());
            assert_eq!(
                read.as_ref().map(|s| (s.start, s.pace, s.hours_per_week)),
                Ok((None, Pace::Fast, Some(9.0))),
                "{written}"
            );
        }
        let read: Result<PlanSettings, _> = ron::from_str(r#"(start: Some("2027-01-04"))"#);
        assert_eq!(
            read.ok().and_then(|s| s.start),
            "2027-01-04".parse::<PlanDate>().ok()
        );
        // A start that is not text at all is still an error at its place.
        assert!(ron::from_str::<PlanSettings>("(start: Some(5))").is_err());
    }

    #[test]
    fn hand_edited_break_days_outside_the_plans_dates_are_clamped_not_refused() {
        let read: Result<PlanSettings, _> = ron::from_str(
            r#"(breaks: [(start: "1066-10-14", end: "+20000-01-01", label: "typo"),
                        (start: "2027-02-30", end: "2027-03-07", label: "not a day"),
                        Break(start: "2027-12-21", end: "2028-01-03", label: "holiday")])"#,
        );
        let breaks = read.map(|s| s.breaks).unwrap_or_default();
        // The break with a day that is not a date is left out; the others are read.
        assert_eq!(breaks.len(), 2);
        assert_eq!(
            breaks[0].days(),
            (PlanDate::FIRST.get(), PlanDate::LAST.get())
        );
        assert_eq!(breaks[0].label, "typo");
        assert_eq!(
            breaks[1].days(),
            (
                NaiveDate::from_ymd_opt(2027, 12, 21).unwrap_or_default(),
                NaiveDate::from_ymd_opt(2028, 1, 3).unwrap_or_default()
            )
        );
    }
}
