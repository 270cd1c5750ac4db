//! The plan as an iCalendar file (RFC 5545): one all-day event per phase, and (unless asked
//! for phases only) one per week that brings new items, listing them.
//!
//! Built to be imported again and again: every event's UID comes from the roadmap id and the
//! stage id (or the plan's week number), never from chance, so a second import updates the
//! events of the first rather than adding copies. `DTSTAMP` and `LAST-MODIFIED` are "today"
//! at midnight UTC and `SEQUENCE` counts days since 2000, so the same day's export is
//! byte-for-byte the same and a later export is a newer revision of every event. Folding and
//! escaping are done by the `icalendar` crate.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component as _, Event, EventLike as _};

use super::model::{ItemEntry, PlanDoc, StageEntry, WeekEntry};
use super::{CalendarEvents, date_range};
use crate::schedule::weeks_text;
use crate::words::plural;

/// Identifies the program that made the file (RFC 5545 §3.7.3).
pub const PRODID: &str = concat!(
    "-//study-planner//study-planner ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

pub fn render(doc: &PlanDoc<'_>, events: CalendarEvents) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .append_property(("X-WR-CALNAME", doc.title));
    let stamp = stamp(doc.today);
    let sequence = sequence(doc.today);
    for stage in doc.included() {
        calendar.push(stage_event(doc, stage, stamp, sequence));
    }
    // One all-day "Break" event per break, over the whole weeks it takes.
    for (index, off) in doc.breaks.iter().enumerate() {
        let summary = if off.label == "Break" {
            "Break".to_owned()
        } else {
            format!("Break: {}", off.label)
        };
        calendar.push(all_day_event(
            &break_uid(doc.roadmap_id, index, off.start),
            &summary,
            &format!(
                "No study planned: {} off. The plan resumes after it.",
                crate::schedule::weeks_text(off.weeks)
            ),
            (off.monday, off.sunday),
            (stamp, sequence),
            doc.title,
        ));
    }
    for (stage, week) in doc.weeks() {
        if events == CalendarEvents::PhasesAndWeeks && !week.items.is_empty() {
            calendar.push(week_event(doc, stage, week, stamp, sequence));
        }
    }
    calendar.to_string()
}

/// The UID of a stage's event: stable across exports and edits to the wording.
pub fn stage_uid(roadmap_id: &str, stage_id: &str) -> String {
    format!("stage-{stage_id}.{roadmap_id}@study-planner")
}

/// The UID of a break's event: from its first day (and its place, should two start on the
/// same day), so exporting again updates it.
pub fn break_uid(roadmap_id: &str, index: usize, start: NaiveDate) -> String {
    format!("break-{start}-{index}.{roadmap_id}@study-planner")
}

/// The UID of the event of the plan's week `number` (1-based).
pub fn week_uid(roadmap_id: &str, number: u32) -> String {
    format!("week-{number}.{roadmap_id}@study-planner")
}

fn stage_event(
    doc: &PlanDoc<'_>,
    stage: &StageEntry<'_>,
    stamp: DateTime<Utc>,
    sequence: u32,
) -> Event {
    let mut description = Vec::new();
    if let Some(goal) = stage.goal {
        description.push(format!("Goal: {goal}"));
    }
    description.push(format!(
        "{}, {} (estimate {}). {} of {} items complete.",
        weeks_text(stage.weeks),
        date_range(stage.start, stage.end),
        stage.estimate_weeks_text(),
        stage.progress.0,
        stage.progress.1
    ));
    if !stage.resources.is_empty() {
        description.push("Resources:".to_owned());
        for resource in stage.resources {
            description.push(format!("- {}: {}", resource.title, resource.url));
        }
    }
    if let Some(note) = stage.note {
        description.push(format!("Note: {note}"));
    }
    all_day_event(
        &stage_uid(doc.roadmap_id, stage.id),
        &stage.heading,
        &description.join("\n"),
        (stage.start, stage.end),
        (stamp, sequence),
        doc.title,
    )
}

fn week_event(
    doc: &PlanDoc<'_>,
    stage: &StageEntry<'_>,
    week: &WeekEntry<'_>,
    stamp: DateTime<Utc>,
    sequence: u32,
) -> Event {
    let summary = format!(
        "Week {}: {} ({})",
        week.number,
        stage.short_title,
        plural(week.items.len(), "item")
    );
    let mut description = vec![format!(
        "{}, week {} of {}.",
        stage.heading, week.stage_week, stage.weeks
    )];
    for item in &week.items {
        description.push(checklist_line(item));
        // The item's own links, under it, where the week that studies it can find them.
        for resource in item.resources {
            description.push(format!("    {}: {}", resource.title, resource.url));
        }
    }
    all_day_event(
        &week_uid(doc.roadmap_id, week.number),
        &summary,
        &description.join("\n"),
        (week.first_day, week.last_day),
        (stamp, sequence),
        doc.title,
    )
}

/// "[x] FastAPI (done 2026-02-03)" — a plain-text checklist line; calendars show no markup.
fn checklist_line(item: &ItemEntry<'_>) -> String {
    let mark = if item.state.is_complete() {
        "[x]"
    } else {
        "[ ]"
    };
    match item.done_on {
        Some(day) => format!("{mark} {} (done {day})", item.text),
        None => format!("{mark} {}", item.text),
    }
}

/// An all-day event from `first` to `last` inclusive: `DTEND` is the day after `last`, as
/// RFC 5545 defines it for dates. Transparent, so it does not mark the learner busy.
fn all_day_event(
    uid: &str,
    summary: &str,
    description: &str,
    (first, last): (NaiveDate, NaiveDate),
    (stamp, sequence): (DateTime<Utc>, u32),
    category: &str,
) -> Event {
    let end = last.succ_opt().unwrap_or(last);
    Event::new()
        .uid(uid)
        .timestamp(stamp)
        .last_modified(stamp)
        .sequence(sequence)
        .summary(summary)
        .description(description)
        .starts(first)
        .ends(end)
        .categories([category])
        .append_property(("TRANSP", "TRANSPARENT"))
        .done()
}

/// Midnight UTC of `today`.
fn stamp(today: NaiveDate) -> DateTime<Utc> {
    today.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// Days from 2000-01-01 to `today`: grows with every day's export, as a revision number must.
fn sequence(today: NaiveDate) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    u32::try_from((today - epoch).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_grows_with_the_day() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("the test names a real date");
        assert!(sequence(day(6)) == sequence(day(5)) + 1);
        assert_eq!(stamp(day(5)).to_rfc3339(), "2026-01-05T00:00:00+00:00");
    }
}
