//! The learner's own data: what they ticked, their notes, and their plan settings.
//!
//! Pure data and rules; no egui, no disk. Saving lives in `storage`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::schedule::PlanSettings;

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
}

impl RoadmapProgress {
    pub fn state(&self, item_id: &str) -> ItemState {
        self.items.get(item_id).map(|p| p.state).unwrap_or_default()
    }

    pub fn item(&self, item_id: &str) -> Option<&ItemProgress> {
        self.items.get(item_id)
    }
}
