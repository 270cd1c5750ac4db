//! What every view needs for one frame, bundled once and passed as one `&` argument (like
//! rerun's `ViewerContext`): the joined plan, the find filter, whether the learner's data may
//! change here, and where to send commands.
//!
//! Views read only this; they never reach into egui's memory for the filter or into the
//! queue for what others asked. A view that draws a control which changes the learner's data
//! puts it under [`ViewContext::data_ui`], so a read-only window shows it disabled; the owner
//! (`apply_commands`) refuses such commands anyway.

use egui::{InnerResponse, Ui};

use super::command::{Command, CommandQueue};
use crate::filter::Filter;
use crate::plan::Plan;

/// One frame's inputs to the views.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    /// The roadmap, the learner's data, today and the schedule, joined.
    pub plan: &'a Plan,
    /// The find box and the state filter (inactive when nothing is filtered).
    pub filter: &'a Filter,
    /// Whether the learner's data may change in this window (`false`: read-only).
    pub editable: bool,
    commands: &'a CommandQueue,
}

impl<'a> ViewContext<'a> {
    pub fn new(
        plan: &'a Plan,
        filter: &'a Filter,
        editable: bool,
        commands: &'a CommandQueue,
    ) -> Self {
        Self {
            plan,
            filter,
            editable,
            commands,
        }
    }

    /// The same frame over another plan (the plan panel's preview of a change).
    pub fn with_plan(self, plan: &'a Plan) -> Self {
        Self { plan, ..self }
    }

    /// Asks for something; applied at the end of the frame.
    pub fn push(&self, command: Command) {
        self.commands.push(command);
    }

    /// The queue itself, for helpers that only push.
    pub fn commands(&self) -> &'a CommandQueue {
        self.commands
    }

    /// Draws controls that change the learner's data: disabled in a read-only window.
    pub fn data_ui<R>(
        &self,
        ui: &mut Ui,
        add_contents: impl FnOnce(&mut Ui) -> R,
    ) -> InnerResponse<R> {
        ui.add_enabled_ui(self.editable, add_contents)
    }
}
