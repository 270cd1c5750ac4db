//! How far along the learner is: complete / total per stage and overall.
//!
//! Pure counting over the roadmap's items and the learner's progress. The joined plan
//! (`crate::plan`) counts every stage once with these, and every reader takes its numbers.

use super::RoadmapProgress;
use crate::roadmap::ItemRef;

/// `(complete, total)` over any items, e.g. one week of the plan.
pub fn items_progress<'a>(
    items: impl IntoIterator<Item = ItemRef<'a>>,
    progress: &RoadmapProgress,
) -> (usize, usize) {
    items.into_iter().fold((0, 0), |(complete, total), item| {
        let done = usize::from(progress.state(&item.item.id).is_complete());
        (complete + done, total + 1)
    })
}

/// `complete / total` in 0.0..=1.0, for a progress bar; an empty stage counts as 0.
pub fn fraction((complete, total): (usize, usize)) -> f32 {
    if total == 0 {
        0.0
    } else {
        (complete as f32 / total as f32).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ItemState;
    use chrono::NaiveDate;

    #[test]
    fn counts_done_and_skipped_as_complete_and_empty_totals_as_zero() {
        let roadmap = crate::roadmap::embedded();
        let stages = roadmap.stages();
        let first = &stages[0];
        let day = NaiveDate::MIN;
        let mut progress = RoadmapProgress::default();
        let counts =
            |progress: &RoadmapProgress| items_progress(first.items.iter().copied(), progress);
        assert_eq!(counts(&progress), (0, first.items.len()));
        progress.set_state(&first.items[0].item.id, ItemState::Done, day);
        progress.set_state(&first.items[1].item.id, ItemState::Skipped, day);
        progress.set_state(&first.items[2].item.id, ItemState::InProgress, day);
        assert_eq!(counts(&progress), (2, first.items.len()));
        assert_eq!(fraction((0, 0)), 0.0);
        assert_eq!(fraction((1, 4)), 0.25);
        assert_eq!(fraction((4, 4)), 1.0);
    }
}
