//! Whole-app actions as values. Widgets push a [`Command`] during the frame; the app applies
//! them all in one place at the end of it ([`super::StudyPlannerApp::apply_commands`]). Every
//! change to the learner's data goes through here, so saving (and undo) have one owner.

use super::View;

/// Something the learner asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show another view.
    SetView(View),
}

impl Command {
    /// Whether applying this changes the learner's saved data (progress, notes, plan).
    pub fn changes_learner_data(&self) -> bool {
        match self {
            Self::SetView(_) => false,
        }
    }
}
