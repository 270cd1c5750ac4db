//! Progress over time: how many items the plan expects to be complete by each week's end,
//! beside how many the learner completed by each day. The "burn-up" chart in the timeline view
//! draws these two lines; the gap between them is being ahead or behind, seen at a glance.
//!
//! Pure: built from a [`Plan`], no egui. Rules:
//! - **Planned**: an item is planned complete at the end (Sunday) of the week that studies it;
//!   the line starts at 0 on the plan's start date and steps at each week's end. Items of
//!   optional phases left out are not planned, so the line ends at the items in the plan.
//! - **Done**: an item done on a date counts from that date. A skipped item ("I already know
//!   this"), or one done without a date (an old file), counts from the start: it was never
//!   work to do in this plan. Items of left-out phases count too when complete, like the
//!   overall progress bar.

use chrono::NaiveDate;

use super::Plan;

/// The two lines of the chart, as (date, items complete) points in date order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Burnup {
    /// Steps at each plan week's Sunday.
    pub planned: Vec<(NaiveDate, usize)>,
    /// Steps at each day something was done, ending at today (or the last done day, if later).
    pub done: Vec<(NaiveDate, usize)>,
    /// Items in the plan: where the planned line ends.
    pub planned_total: usize,
}

impl Plan {
    /// The planned and the done line of the progress chart.
    pub fn burnup(&self) -> Burnup {
        let schedule = self.schedule();
        let start = schedule.start;
        let mut planned = vec![(start, 0)];
        let mut so_far = 0;
        for week in &schedule.weeks {
            if week.items.is_empty() {
                continue;
            }
            so_far += week.items.len();
            planned.push((week.sunday, so_far));
        }

        let mut baseline = 0;
        let mut dated: Vec<NaiveDate> = Vec::new();
        for item in self.counted_items() {
            let Some(progress) = self.progress().item(&item.item.id) else {
                continue;
            };
            if !progress.state.is_complete() {
                continue;
            }
            match progress.done_on {
                Some(day) if day > start => dated.push(day),
                _ => baseline += 1,
            }
        }
        dated.sort_unstable();
        let mut done = vec![(start, baseline)];
        let mut count = baseline;
        for day in dated {
            count += 1;
            match done.last_mut() {
                Some(last) if last.0 == day => last.1 = count,
                _ => done.push((day, count)),
            }
        }
        let today = self.today();
        if let Some(&(last_day, last_count)) = done.last()
            && today > last_day
        {
            done.push((today, last_count));
        }
        Burnup {
            planned,
            done,
            planned_total: so_far,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::NaiveDate;

    use crate::date::PlanDate;
    use crate::plan::Plan;
    use crate::progress::{ItemState, RoadmapProgress};
    use crate::roadmap;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real test date")
    }

    fn plan_with(progress: RoadmapProgress, today: NaiveDate) -> Plan {
        Plan::new(Arc::new(roadmap::embedded()), progress, today)
    }

    fn started_on(start: NaiveDate) -> RoadmapProgress {
        let mut progress = RoadmapProgress::default();
        progress.plan.start = Some(PlanDate::clamped(start));
        progress
    }

    #[test]
    fn the_planned_line_rises_to_every_item_in_the_plan_by_the_finish() {
        let plan = plan_with(started_on(day(2026, 12, 7)), day(2026, 12, 7));
        let burnup = plan.burnup();
        assert_eq!(burnup.planned.first(), Some(&(day(2026, 12, 7), 0)));
        let last = burnup.planned.last().expect("a planned line");
        assert_eq!(last.1, burnup.planned_total);
        let scheduled: usize = plan.schedule().weeks.iter().map(|w| w.items.len()).sum();
        assert_eq!(burnup.planned_total, scheduled);
        assert!(last.0 <= plan.schedule().finish);
        assert!(
            burnup
                .planned
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1),
            "dates and counts both rise: {:?}",
            burnup.planned
        );
    }

    #[test]
    fn done_items_count_from_their_day_and_skipped_ones_from_the_start() {
        let start = day(2026, 12, 7);
        let mut progress = started_on(start);
        let ids: Vec<String> = roadmap::embedded()
            .items()
            .take(4)
            .map(|item| item.item.id.clone())
            .collect();
        progress.set_state(&ids[0], ItemState::Skipped, start);
        progress.set_state(&ids[1], ItemState::Done, day(2026, 12, 9));
        progress.set_state(&ids[2], ItemState::Done, day(2026, 12, 9));
        progress.set_state(&ids[3], ItemState::Done, day(2026, 12, 15));
        let burnup = plan_with(progress, day(2026, 12, 20)).burnup();
        assert_eq!(
            burnup.done,
            vec![
                (start, 1),
                (day(2026, 12, 9), 3),
                (day(2026, 12, 15), 4),
                (day(2026, 12, 20), 4),
            ]
        );
    }

    #[test]
    fn a_plan_with_nothing_done_is_flat_at_zero_until_today() {
        let start = day(2026, 12, 7);
        let burnup = plan_with(started_on(start), day(2027, 1, 4)).burnup();
        assert_eq!(burnup.done, vec![(start, 0), (day(2027, 1, 4), 0)]);
    }
}
