//! What the chart says in words: each bar's name for screen readers, the hover and drag
//! tooltips, and the whole chart as one sentence. Pure, so the wording is tested as text.

use super::layout::RowInput;
use crate::schedule::{ScheduledStage, date_range, weeks_text};

/// "Phase 2, Backend Development", or "Final project, Final Full-Stack Project".
fn spoken_name(stage: &ScheduledStage) -> String {
    match stage.number {
        Some(number) => format!("Phase {number}, {}", stage.short_title),
        None => format!("Final project, {}", stage.short_title),
    }
}

/// "9–13 weeks", or "4 weeks" for an exact estimate.
fn estimate_text((low, high): (u32, u32)) -> String {
    if low == high {
        weeks_text(low)
    } else {
        format!("{low}–{high} weeks")
    }
}

/// A bar's accessible name: "Phase 2, Backend Development: 22 Feb – 9 May 2027, 11 weeks,
/// 0 of 9 done"; a left-out phase says so and what it would add.
pub fn bar_label(row: &RowInput<'_>) -> String {
    let stage = row.stage;
    if !stage.included {
        return format!(
            "{}: left out of your plan, would add {}",
            spoken_name(stage),
            weeks_text(stage.weeks)
        );
    }
    let (complete, total) = row.counts;
    let mut label = format!(
        "{}: {}, {}, {complete} of {total} done",
        spoken_name(stage),
        date_range(stage.start, stage.end),
        weeks_text(stage.weeks),
    );
    if stage.outside_estimate {
        label.push_str(", outside the estimate");
    }
    if !row.matches {
        // The bar is drawn faded; say why to those who cannot see it.
        label.push_str("; nothing in it matches the find box");
    }
    label
}

/// What hovering a bar tells.
pub fn hover_text(row: &RowInput<'_>) -> String {
    let stage = row.stage;
    let (complete, total) = row.counts;
    let mut text = format!(
        "{}\n{} · {}\nEstimate: {}",
        stage.label(),
        date_range(stage.start, stage.end),
        weeks_text(stage.weeks),
        estimate_text(stage.estimate_weeks),
    );
    if stage.outside_estimate {
        text.push_str(" (your length is outside it)");
    }
    text.push_str(&format!(
        "\nProgress: {complete} of {total} complete\n\
         Click to open the phase; drag its right end to change its length"
    ));
    text
}

/// What the tooltip says while the learner drags `stage`'s end (the stage as it would be if
/// the drag ended here) from a length of `before` weeks.
pub fn drag_text(stage: &ScheduledStage, before: u32) -> String {
    let change = if stage.weeks == before {
        "unchanged".to_owned()
    } else {
        format!("was {}", weeks_text(before))
    };
    let estimate = estimate_text(stage.estimate_weeks);
    let fit = if stage.outside_estimate {
        format!("Outside the estimate ({estimate})")
    } else {
        format!("Within the estimate ({estimate})")
    };
    format!(
        "{}\n{} · {} ({change})\n{fit}\nRelease to keep, Esc to cancel",
        stage.label(),
        date_range(stage.start, stage.end),
        weeks_text(stage.weeks),
    )
}

/// The chart in words, for screen readers (and tests): each row's name and dates.
pub fn summary(rows: &[RowInput<'_>]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|row| {
            let stage = row.stage;
            if stage.included {
                format!(
                    "{}: {}, {}",
                    stage.label(),
                    date_range(stage.start, stage.end),
                    weeks_text(stage.weeks)
                )
            } else {
                format!("{}: left out", stage.label())
            }
        })
        .collect();
    format!("Timeline. {}", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::PlanSettings;
    use crate::schedule::{self, Schedule};
    use chrono::NaiveDate;

    fn schedule() -> Schedule {
        let start = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap_or(NaiveDate::MIN);
        let mut settings = PlanSettings {
            start: Some(crate::date::PlanDate::clamped(start)),
            excluded: ["frontend".to_owned()].into(),
            ..PlanSettings::default()
        };
        settings
            .stage_weeks
            .insert("advanced-python".to_owned(), 11);
        schedule::compute(&crate::roadmap::embedded(), &settings, start)
    }

    fn row(stage: &ScheduledStage, counts: (usize, usize)) -> RowInput<'_> {
        RowInput {
            stage,
            counts,
            matches: true,
        }
    }

    #[test]
    fn bars_are_named_for_screen_readers() {
        let schedule = schedule();
        let first = row(&schedule.stages[0], (0, 9));
        assert_eq!(
            bar_label(&first),
            "Phase 1, Advanced Python: 21 Dec 2026 – 7 Mar 2027, 11 weeks, 0 of 9 done, \
             outside the estimate"
        );
        let backend = row(&schedule.stages[1], (2, 9));
        assert_eq!(
            bar_label(&backend),
            "Phase 2, Backend Development: 8 Mar – 23 May 2027, 11 weeks, 2 of 9 done"
        );
        let unmatched = RowInput {
            matches: false,
            ..backend
        };
        assert!(bar_label(&unmatched).ends_with("2 of 9 done; nothing in it matches the find box"));
        let frontend = row(&schedule.stages[3], (0, 6));
        assert_eq!(
            bar_label(&frontend),
            "Phase 4, Frontend: left out of your plan, would add 7 weeks"
        );
        let last = schedule.stages.last().map(|stage| row(stage, (1, 5)));
        assert!(
            last.is_some_and(|last| bar_label(&last).starts_with("Final project, Final Full-Stack")),
        );
    }

    #[test]
    fn the_tooltips_tell_dates_length_and_the_estimate() {
        let schedule = schedule();
        let first = row(&schedule.stages[0], (3, 9));
        assert_eq!(
            hover_text(&first),
            "1. Advanced Python\n21 Dec 2026 – 7 Mar 2027 · 11 weeks\nEstimate: 4–9 weeks \
             (your length is outside it)\nProgress: 3 of 9 complete\n\
             Click to open the phase; drag its right end to change its length"
        );
        assert_eq!(
            drag_text(&schedule.stages[0], 7),
            "1. Advanced Python\n21 Dec 2026 – 7 Mar 2027 · 11 weeks (was 7 weeks)\n\
             Outside the estimate (4–9 weeks)\nRelease to keep, Esc to cancel"
        );
        assert!(drag_text(&schedule.stages[1], 11).contains("11 weeks (unchanged)\nWithin"));
        let text = summary(&[first, row(&schedule.stages[3], (0, 6))]);
        assert_eq!(
            text,
            "Timeline. 1. Advanced Python: 21 Dec 2026 – 7 Mar 2027, 11 weeks; 4. Frontend: left out"
        );
    }
}
