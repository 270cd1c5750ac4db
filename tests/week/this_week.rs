//! "This week" before, during and after the plan, with breaks, skipped and done items.

use study_planner::plan::When;
use study_planner::progress::{ItemState, RoadmapProgress};

use super::{date, embedded, off, plan, settings, this_week, tick_weeks, week_items, with_breaks};

fn ids(items: &[study_planner::plan::WeekItem]) -> Vec<String> {
    items.iter().map(|i| i.id.clone()).collect()
}

#[test]
fn before_the_start_it_says_when_and_shows_week_1() {
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let week = this_week(
        &roadmap,
        &s,
        &RoadmapProgress::default(),
        date(2026, 12, 25),
    );
    assert_eq!(
        week.when,
        When::BeforeStart {
            start: date(2027, 1, 4),
            days_to_go: 10
        }
    );
    assert_eq!(
        week.heading(),
        "Your plan starts on 4 Jan 2027 (in 10 days)."
    );
    assert_eq!(week.week.as_ref().map(|w| w.number), Some(1));
    assert_eq!(ids(&week.items), week_items(&s, 1));
    assert!(
        !week.resources.is_empty(),
        "phase 1's resources come with its week"
    );
    assert!(week.catch_up.is_empty());
    assert_eq!(week.on_track.text, "On track");
    let next = week.next_up.as_ref().map(|n| (n.week, ids(&n.items)));
    assert_eq!(next, Some((2, week_items(&s, 2))));
}

#[test]
fn during_the_plan_catch_up_is_oldest_first_and_the_line_moves_with_ticks() {
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let today = date(2027, 1, 20); // Wednesday of week 3
    let mut progress = RoadmapProgress::default();
    let week = this_week(&roadmap, &s, &progress, today);
    assert_eq!(week.when, When::During);
    assert_eq!(
        week.heading(),
        "Week 3 of 61 · 18 – 24 Jan 2027 · 1. Advanced Python, week 3 of 7"
    );
    assert_eq!(ids(&week.items), week_items(&s, 3));
    // Nothing ticked: weeks 1 and 2 are behind, oldest first, each with its due week.
    let overdue: Vec<(String, u32)> = week
        .catch_up
        .iter()
        .map(|i| (i.id.clone(), i.week))
        .collect();
    let expected: Vec<(String, u32)> = week_items(&s, 1)
        .into_iter()
        .map(|id| (id, 1))
        .chain(week_items(&s, 2).into_iter().map(|id| (id, 2)))
        .collect();
    assert_eq!(overdue, expected);
    let behind = expected.len();
    assert_eq!(
        week.on_track.text,
        format!("{behind} items behind — about 2 weeks")
    );
    // Week 1 done and week 2 skipped ("I know this"): on track.
    tick_weeks(&mut progress, &s, 1, 1, ItemState::Done, today);
    tick_weeks(&mut progress, &s, 2, 2, ItemState::Skipped, today);
    let week = this_week(&roadmap, &s, &progress, today);
    assert!(week.catch_up.is_empty());
    assert_eq!(week.on_track.text, "On track");
    // One item of week 5 done early: ahead. One of week 2 back to in progress: behind again.
    let early = week_items(&s, 5);
    progress.set_state(&early[0], ItemState::Done, today);
    assert_eq!(
        this_week(&roadmap, &s, &progress, today).on_track.text,
        "1 item ahead"
    );
    let late = week_items(&s, 2);
    progress.set_state(&late[0], ItemState::InProgress, today);
    let week = this_week(&roadmap, &s, &progress, today);
    // Phase 1 plans one item a week, so one item is a week's work.
    assert_eq!(
        week.on_track.text,
        "1 item behind — about 1 week; 1 item done ahead"
    );
    assert_eq!(week.catch_up[0].state, ItemState::InProgress);
    // Notes travel with the items.
    progress.set_note(&late[0], "chapter 3");
    assert_eq!(
        this_week(&roadmap, &s, &progress, today).catch_up[0].note,
        "chapter 3"
    );
}

#[test]
fn a_break_is_never_behind_and_next_up_skips_it() {
    let roadmap = embedded();
    let s = plan(
        &roadmap,
        &with_breaks(vec![off(date(2027, 1, 18), date(2027, 1, 31), "holiday")]),
    );
    let mut progress = RoadmapProgress::default();
    tick_weeks(&mut progress, &s, 1, 2, ItemState::Done, date(2027, 1, 15));
    // In the break: no items this week, nothing behind, study resumes on 1 Feb.
    let week = this_week(&roadmap, &s, &progress, date(2027, 1, 27));
    assert_eq!(
        week.when,
        When::OnBreak {
            label: "holiday".into(),
            resumes: date(2027, 2, 1)
        }
    );
    assert!(week.items.is_empty() && week.resources.is_empty());
    assert_eq!(week.on_track.text, "On track");
    assert!(
        week.heading()
            .contains("holiday: study resumes on 1 Feb 2027"),
        "{}",
        week.heading()
    );
    // Next up is week 5 (after two break weeks), phase 1's third study week.
    let next = week
        .next_up
        .as_ref()
        .map(|n| (n.week, n.stage_label.clone()));
    assert_eq!(next, Some((5, "1. Advanced Python".to_owned())));
    // The week after the break: nothing from the break is due.
    let week = this_week(&roadmap, &s, &progress, date(2027, 2, 3));
    assert_eq!(week.when, When::During);
    assert!(week.catch_up.is_empty());
    assert_eq!(week.on_track.text, "On track");
    assert_eq!(week.week.as_ref().map(|w| w.stage_week), Some(3));
}

#[test]
fn after_the_finish_it_sums_up_the_whole_plan() {
    let roadmap = embedded();
    let s = plan(&roadmap, &settings());
    let mut progress = RoadmapProgress::default();
    let total: usize = s.weeks.iter().map(|w| w.items.len()).sum();
    tick_weeks(&mut progress, &s, 1, 58, ItemState::Done, date(2028, 1, 1));
    tick_weeks(
        &mut progress,
        &s,
        59,
        61,
        ItemState::Skipped,
        date(2028, 1, 1),
    );
    // Week 60 holds "Choose a project idea" (week 61 nothing): it stays to do.
    let last = week_items(&s, 60);
    progress.set_state(&last[0], ItemState::NotStarted, date(2028, 3, 1));
    let week = this_week(&roadmap, &s, &progress, date(2028, 3, 20));
    assert_eq!(
        week.when,
        When::AfterFinish {
            finish: date(2028, 3, 5)
        }
    );
    assert_eq!(week.heading(), "Your plan ended on 5 Mar 2028.");
    assert!(week.week.is_none() && week.items.is_empty() && week.next_up.is_none());
    assert_eq!(ids(&week.catch_up), [last[0].clone()]);
    // The final project: 7 weeks for its 5 items (the ideas are one).
    assert_eq!(week.on_track.text, "1 item behind — about 1 week");
    let skipped = week_items(&s, 59).len();
    assert_eq!(
        week.summary.sentence(),
        format!(
            "You completed {} of {total} items ({skipped} skipped) over 61 weeks, \
             4 Jan 2027 – 5 Mar 2028.",
            total - 1
        )
    );
}
