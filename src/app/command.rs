//! Whole-app actions as values. Widgets push a [`Command`] during the frame; the app applies
//! them all in one place at the end of it ([`super::StudyPlannerApp::apply_commands`]). Every
//! change to the learner's data goes through here, so saving (and undo) have one owner.

use std::cell::RefCell;

use super::view::View;
use crate::progress::{ItemState, PlanSettings, RoadmapProgress};

/// Something the learner asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show another view.
    SetView(View),
    /// Set a checklist item's state; becoming done records today's date.
    SetItemState { item_id: String, state: ItemState },
    /// Choose the final project's idea (`None` forgets the choice): the ideas are
    /// alternatives and count as one item.
    ChooseIdea { idea_id: Option<String> },
    /// Replace a checklist item's note (empty removes it).
    SetItemNote { item_id: String, note: String },
    /// Replace a phase's (or the final project's) note (empty removes it).
    SetStageNote { stage_id: String, note: String },
    /// Forget every state and note of this roadmap, keeping the plan settings. The UI asks
    /// for confirmation before pushing this.
    ResetProgress,
    /// Replace this roadmap's progress with one read from an imported file.
    ImportProgress(Box<RoadmapProgress>),
    /// Replace the plan settings (start, pace, hours, phases in or out, lengths).
    SetPlan(Box<PlanSettings>),
    /// Show the phase cards, scrolled to this stage's card (a click on the timeline).
    OpenStageCard(String),
    /// Take back the last change to the learner's data (restores a snapshot; saved like any
    /// other change).
    Undo,
    /// Re-apply the change the last undo took back.
    Redo,
    /// Print the plan (Ctrl+P): the PDF opens in the system's viewer.
    Print,
    /// Save the plan in this format where the learner chooses (a file dialog).
    Export(crate::export::ExportFormat),
    /// Save the plan in this format into the known folder (Documents, else the data folder):
    /// the way out when no file dialog appeared.
    ExportWithoutDialog(crate::export::ExportFormat),
    /// Open another roadmap in this window ("Roadmap" menu, Ctrl+O). The window's owner
    /// (`RoadmapGate`) does the switching; the learner's data of this roadmap is saved first.
    OpenRoadmap(super::roadmap_open::OpenRequest),
    /// "Make this window editable": a window that is read-only because another one held the
    /// data folder takes it over, once that one is closed, and shows what it saved. Allowed
    /// in a read-only window (it changes nothing the learner made).
    MakeEditable,
}

impl Command {
    /// Whether applying this changes the learner's saved data (progress, notes, plan).
    pub fn changes_learner_data(&self) -> bool {
        match self {
            Self::SetView(_)
            | Self::OpenStageCard(_)
            | Self::Print
            | Self::Export(_)
            | Self::ExportWithoutDialog(_)
            | Self::OpenRoadmap(_)
            | Self::MakeEditable => false,
            Self::Undo | Self::Redo => true,
            Self::SetItemState { .. }
            | Self::ChooseIdea { .. }
            | Self::SetItemNote { .. }
            | Self::SetStageNote { .. }
            | Self::ResetProgress
            | Self::ImportProgress(_)
            | Self::SetPlan(_) => true,
        }
    }
}

/// The frame's commands, in the order they were asked for. Views hold it through a shared
/// reference (see [`super::context::ViewContext`]) and can only add to it; only the owner
/// takes them out.
#[derive(Debug, Default)]
pub struct CommandQueue(RefCell<Vec<Command>>);

impl CommandQueue {
    pub fn push(&self, command: Command) {
        self.0.borrow_mut().push(command);
    }

    /// Everything asked for since the last call, in order.
    pub fn take(&self) -> Vec<Command> {
        self.0.take()
    }
}
