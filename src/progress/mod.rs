//! The learner's own data: what they ticked, their notes, and their plan settings.
//!
//! Pure data and rules; no egui, no disk. Saving lives in `storage`.

mod counts;
mod settings;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use counts::{fraction, items_progress};
pub use settings::{Break, BreakProblem, MAX_BREAK_LABEL_CHARS, Pace, PlanSettings, WrittenBreak};

/// Where a learner stands on one checklist item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemState {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// "I already know this": counts as complete.
    Skipped,
}

impl ItemState {
    /// Every state in study order, as menus and legends list them.
    pub const ALL: [Self; 4] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Skipped,
    ];

    /// Done and skipped both count towards progress.
    pub fn is_complete(self) -> bool {
        matches!(self, Self::Done | Self::Skipped)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "not started",
            Self::InProgress => "in progress",
            Self::Done => "done",
            Self::Skipped => "skipped",
        }
    }
}

/// One item's saved state. Items never touched have no entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemProgress {
    pub state: ItemState,
    /// The day the item became done; the forecast reads these.
    pub done_on: Option<NaiveDate>,
    pub note: String,
    /// While done: the state it had before (in progress, or skipped), so that unticking it
    /// gives that back rather than "not started". Older versions ignore the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_done: Option<ItemState>,
}

/// Everything the learner has recorded for one roadmap, keyed by the roadmap's ids so that
/// rewording an item keeps its tick.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapProgress {
    /// Item id → state.
    pub items: BTreeMap<String, ItemProgress>,
    /// Phase (or final project) id → note.
    pub stage_notes: BTreeMap<String, String>,
    pub plan: PlanSettings,
    /// The final project's idea the learner chose, by id, when the roadmap's ideas are
    /// alternatives (progress file version 4). The ideas then count as one item, complete when
    /// the chosen idea is done or skipped; before a choice, as one not-started item "Choose a
    /// project idea" (the rule is `crate::plan`'s). Choosing changes no item's state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_idea: Option<String>,
}

impl RoadmapProgress {
    pub fn state(&self, item_id: &str) -> ItemState {
        self.items.get(item_id).map(|p| p.state).unwrap_or_default()
    }

    pub fn item(&self, item_id: &str) -> Option<&ItemProgress> {
        self.items.get(item_id)
    }

    /// The learner's note on an item, `""` when there is none.
    pub fn note(&self, item_id: &str) -> &str {
        self.items.get(item_id).map_or("", |p| p.note.as_str())
    }

    /// The learner's note on a phase or the final project, `""` when there is none.
    pub fn stage_note(&self, stage_id: &str) -> &str {
        self.stage_notes.get(stage_id).map_or("", String::as_str)
    }

    /// Sets an item's state. An item that becomes done records `today` as its `done_on` (the
    /// forecast reads it) and the state it had before; one that stays done keeps both;
    /// leaving done clears them.
    pub fn set_state(&mut self, item_id: &str, state: ItemState, today: NaiveDate) {
        let entry = self.items.entry(item_id.to_owned()).or_default();
        if state == ItemState::Done {
            if entry.state != ItemState::Done {
                entry.before_done = (entry.state != ItemState::NotStarted).then_some(entry.state);
            }
            if entry.state != ItemState::Done || entry.done_on.is_none() {
                entry.done_on = Some(today);
            }
        } else {
            entry.done_on = None;
            entry.before_done = None;
        }
        entry.state = state;
        self.prune_item(item_id);
    }

    /// What a click (or Space) on an item's tick box makes it: anything not complete becomes
    /// done; a done item goes back to the state it had before it was done (in progress stays
    /// in progress); a skipped one goes back to not started.
    pub fn state_after_toggle(&self, item_id: &str) -> ItemState {
        let entry = self.items.get(item_id);
        match entry.map(|p| p.state).unwrap_or_default() {
            ItemState::NotStarted | ItemState::InProgress => ItemState::Done,
            ItemState::Done => entry.and_then(|p| p.before_done).unwrap_or_default(),
            ItemState::Skipped => ItemState::NotStarted,
        }
    }

    /// Sets an item's note; an empty note on an untouched item removes its entry.
    pub fn set_note(&mut self, item_id: &str, note: &str) {
        self.items.entry(item_id.to_owned()).or_default().note = note.to_owned();
        self.prune_item(item_id);
    }

    /// Sets a phase's (or the final project's) note; empty removes it.
    pub fn set_stage_note(&mut self, stage_id: &str, note: &str) {
        if note.is_empty() {
            self.stage_notes.remove(stage_id);
        } else {
            self.stage_notes
                .insert(stage_id.to_owned(), note.to_owned());
        }
    }

    /// Records the chosen project idea (`None` forgets the choice).
    pub fn choose_idea(&mut self, idea_id: Option<&str>) {
        self.chosen_idea = idea_id.map(str::to_owned);
    }

    /// Forgets every state, note and the chosen idea but keeps the plan settings: "reset
    /// progress".
    pub fn reset_progress(&mut self) {
        self.items.clear();
        self.stage_notes.clear();
        self.chosen_idea = None;
    }

    /// Untouched items have no entry, so the saved file stays small and readable.
    fn prune_item(&mut self, item_id: &str) {
        if self
            .items
            .get(item_id)
            .is_some_and(|p| *p == ItemProgress::default())
        {
            self.items.remove(item_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("the test names a real date")
    }

    #[test]
    fn done_on_is_the_day_an_item_first_became_done() {
        let mut progress = RoadmapProgress::default();
        progress.set_state("a", ItemState::InProgress, day(1));
        assert_eq!(progress.item("a").and_then(|p| p.done_on), None);
        progress.set_state("a", ItemState::Done, day(2));
        progress.set_state("a", ItemState::Done, day(3));
        assert_eq!(progress.item("a").and_then(|p| p.done_on), Some(day(2)));
        progress.set_state("a", ItemState::Skipped, day(4));
        assert_eq!(progress.item("a").and_then(|p| p.done_on), None);
        assert!(progress.state("a").is_complete());
    }

    #[test]
    fn unticking_gives_back_the_state_before_done() {
        let mut progress = RoadmapProgress::default();
        assert_eq!(progress.state_after_toggle("a"), ItemState::Done);
        progress.set_state("a", ItemState::InProgress, day(1));
        assert_eq!(progress.state_after_toggle("a"), ItemState::Done);
        progress.set_state("a", ItemState::Done, day(2));
        assert_eq!(progress.state_after_toggle("a"), ItemState::InProgress);
        progress.set_state("a", ItemState::InProgress, day(3));
        assert_eq!(progress.item("a").and_then(|p| p.before_done), None);
        // Done from scratch goes back to not started; skipped does too.
        progress.set_state("b", ItemState::Done, day(1));
        assert_eq!(progress.state_after_toggle("b"), ItemState::NotStarted);
        progress.set_state("c", ItemState::Skipped, day(1));
        assert_eq!(progress.state_after_toggle("c"), ItemState::NotStarted);
        // Done from skipped (the D key) goes back to skipped.
        progress.set_state("c", ItemState::Done, day(2));
        assert_eq!(progress.state_after_toggle("c"), ItemState::Skipped);
        // Ticking done again keeps what was there before.
        progress.set_state("c", ItemState::Done, day(3));
        assert_eq!(progress.state_after_toggle("c"), ItemState::Skipped);
    }

    #[test]
    fn untouched_items_leave_no_entry() {
        let mut progress = RoadmapProgress::default();
        progress.set_state("a", ItemState::Done, day(1));
        progress.set_note("a", "chapter 3");
        progress.set_state("a", ItemState::NotStarted, day(2));
        assert_eq!(progress.note("a"), "chapter 3");
        progress.set_note("a", "");
        assert!(progress.items.is_empty());
        progress.set_stage_note("p1", "where I left off");
        assert_eq!(progress.stage_note("p1"), "where I left off");
        progress.set_stage_note("p1", "");
        assert!(progress.stage_notes.is_empty());
    }

    #[test]
    fn reset_keeps_the_plan() {
        let mut progress = RoadmapProgress::default();
        progress.plan.hours_per_week = Some(6.0);
        progress.set_state("a", ItemState::Done, day(1));
        progress.set_stage_note("p1", "x");
        progress.choose_idea(Some("idea"));
        progress.reset_progress();
        assert!(progress.items.is_empty() && progress.stage_notes.is_empty());
        assert_eq!(progress.chosen_idea, None);
        assert_eq!(progress.plan.hours_per_week, Some(6.0));
    }
}
