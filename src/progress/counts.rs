//! How far along the learner is: complete / total per stage and overall.
//!
//! Pure counting over the roadmap and the learner's progress; the header, the cards, the
//! schedule's forecast and the exports all call these so they agree on one number.

use super::RoadmapProgress;
use crate::roadmap::{ItemRef, Roadmap, Stage};

/// `(complete, total)` for one stage (phase or final project), by stage id. Done and skipped
/// items count as complete. An unknown stage id gives `(0, 0)`. Cheap enough to call per card
/// per frame: it walks only that stage's items.
pub fn stage_progress(
    roadmap: &Roadmap,
    stage_id: &str,
    progress: &RoadmapProgress,
) -> (usize, usize) {
    if let Some(phase) = roadmap.phase(stage_id) {
        return items_progress(phase.items(), progress);
    }
    match &roadmap.final_project {
        Some(project) if project.id == stage_id => items_progress(project.items(), progress),
        _ => (0, 0),
    }
}

/// `(complete, total)` for a stage already in hand (saves looking it up again).
pub fn stage_counts(stage: &Stage<'_>, progress: &RoadmapProgress) -> (usize, usize) {
    items_progress(stage.items.iter().copied(), progress)
}

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

/// `(complete, total)` over every checklist item of the roadmap.
pub fn overall_progress(roadmap: &Roadmap, progress: &RoadmapProgress) -> (usize, usize) {
    items_progress(roadmap.items(), progress)
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

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default()
    }

    #[test]
    fn counts_done_and_skipped_as_complete() {
        let roadmap = crate::roadmap::embedded();
        let stages = roadmap.stages();
        let first = &stages[0];
        let mut progress = RoadmapProgress::default();
        assert_eq!(
            stage_progress(&roadmap, first.id, &progress),
            (0, first.items.len())
        );
        progress.set_state(&first.items[0].item.id, ItemState::Done, day());
        progress.set_state(&first.items[1].item.id, ItemState::Skipped, day());
        progress.set_state(&first.items[2].item.id, ItemState::InProgress, day());
        assert_eq!(
            stage_progress(&roadmap, first.id, &progress),
            (2, first.items.len())
        );
        assert_eq!(
            overall_progress(&roadmap, &progress),
            (2, roadmap.item_count())
        );
        assert_eq!(
            stage_counts(first, &progress),
            stage_progress(&roadmap, first.id, &progress)
        );
        // Another stage, and the final project, are untouched.
        let project = stages.last().map(|s| s.id).unwrap_or_default();
        assert_eq!(
            stage_progress(&roadmap, project, &progress),
            (0, stages.last().map_or(0, |s| s.items.len()))
        );
        assert_eq!(
            stage_progress(&roadmap, stages[1].id, &progress),
            (0, stages[1].items.len())
        );
    }

    #[test]
    fn unknown_stage_and_empty_totals() {
        let roadmap = crate::roadmap::embedded();
        let progress = RoadmapProgress::default();
        assert_eq!(stage_progress(&roadmap, "no-such-stage", &progress), (0, 0));
        assert_eq!(fraction((0, 0)), 0.0);
        assert_eq!(fraction((1, 4)), 0.25);
        assert_eq!(fraction((4, 4)), 1.0);
    }

    #[test]
    fn ticks_of_items_no_longer_in_the_roadmap_do_not_count() {
        let roadmap = crate::roadmap::embedded();
        let mut progress = RoadmapProgress::default();
        progress.set_state("removed-item", ItemState::Done, day());
        assert_eq!(
            overall_progress(&roadmap, &progress),
            (0, roadmap.item_count())
        );
    }
}
