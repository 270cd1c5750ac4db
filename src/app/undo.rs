//! Undo and redo of the learner's data, as whole snapshots of [`RoadmapProgress`].
//!
//! A snapshot is small (a few hundred short strings at most) and cheap to clone, and restoring
//! one cannot leave the data half-changed, which a log of inverse commands could. History lives
//! for the session only: it is never saved, so an undo can never reach back before the data
//! this run loaded. An undo or redo is itself a change to the learner's data: the app applies
//! it in `apply_commands` like any other [`Command`], so it is saved by the same path.
//!
//! Typing a note sends one command per keystroke; consecutive edits of the same note are
//! coalesced into one step, so one undo takes back the whole edit. Dragging a plan value
//! (weeks, hours) sends one command per frame; the whole drag is one step the same way, until
//! the pointer is released ([`UndoHistory::close_plan_step`]).

use std::collections::VecDeque;

use super::Command;
use crate::progress::RoadmapProgress;

/// Steps kept; the oldest are dropped beyond this.
pub const MAX_STEPS: usize = 200;

/// What a frame's edits were, for coalescing note typing into one step.
#[derive(Clone, Debug, PartialEq, Eq)]
enum EditKey {
    ItemNote(String),
    StageNote(String),
    /// A plan-settings change; coalesced only while a drag goes on.
    Plan,
    Other,
}

/// The learner's data before this frame's edits, taken only when the frame edits it.
pub struct Snapshot {
    before: RoadmapProgress,
    key: EditKey,
}

/// Takes a snapshot before `commands` are applied, if any of them edits the learner's data
/// (undo and redo themselves are not edits: they move through the history).
pub fn snapshot_before(commands: &[Command], data: &RoadmapProgress) -> Option<Snapshot> {
    let mut edits = commands
        .iter()
        .filter(|command| is_edit(command))
        .peekable();
    let first = edits.peek().map(|command| edit_key(command))?;
    let key = if edits.all(|command| edit_key(command) == first) {
        first
    } else {
        EditKey::Other
    };
    Some(Snapshot {
        before: data.clone(),
        key,
    })
}

fn is_edit(command: &Command) -> bool {
    command.changes_learner_data() && !matches!(command, Command::Undo | Command::Redo)
}

fn edit_key(command: &Command) -> EditKey {
    match command {
        Command::SetItemNote { item_id, .. } => EditKey::ItemNote(item_id.clone()),
        Command::SetStageNote { stage_id, .. } => EditKey::StageNote(stage_id.clone()),
        Command::SetPlan(_) => EditKey::Plan,
        _ => EditKey::Other,
    }
}

/// The session's undo and redo stacks.
#[derive(Default)]
pub struct UndoHistory {
    undo: VecDeque<RoadmapProgress>,
    redo: Vec<RoadmapProgress>,
    /// The kind of the last recorded step, while it may still absorb more typing.
    open_note: Option<EditKey>,
    /// The widget that had keyboard focus last frame, to end a note's step when the learner
    /// leaves the field.
    last_focus: Option<egui::Id>,
}

impl UndoHistory {
    /// Called at the start of every frame: leaving a field ends its note's step, and
    /// releasing the pointer ends a drag of a plan value.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        let focus = ctx.memory(|memory| memory.focused());
        if focus != self.last_focus {
            self.close_step();
            self.last_focus = focus;
        }
        if !ctx.input(|input| input.pointer.any_down()) {
            self.close_plan_step();
        }
    }

    /// Takes `data` back one step, if there is one.
    pub fn undo_in(&mut self, data: &mut RoadmapProgress) {
        if let Some(previous) = self.undo(data) {
            *data = previous;
        }
    }

    /// Re-applies the last undone step to `data`, if there is one.
    pub fn redo_in(&mut self, data: &mut RoadmapProgress) {
        if let Some(next) = self.redo(data) {
            *data = next;
        }
    }

    /// Records a step after the frame's edits were applied, if they changed anything.
    pub fn record(&mut self, snapshot: Snapshot, now: &RoadmapProgress) {
        if snapshot.before == *now {
            return;
        }
        let continues_note = snapshot.key != EditKey::Other
            && self.open_note.as_ref() == Some(&snapshot.key)
            && !self.undo.is_empty();
        if !continues_note {
            self.undo.push_back(snapshot.before);
            if self.undo.len() > MAX_STEPS {
                self.undo.pop_front();
            }
        }
        self.open_note = (snapshot.key != EditKey::Other).then_some(snapshot.key);
        self.redo.clear();
    }

    /// Steps back: returns the data to restore, keeping `current` for redo.
    pub fn undo(&mut self, current: &RoadmapProgress) -> Option<RoadmapProgress> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current.clone());
        self.open_note = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: &RoadmapProgress) -> Option<RoadmapProgress> {
        let next = self.redo.pop()?;
        self.undo.push_back(current.clone());
        self.open_note = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Ends note coalescing: the next keystroke starts a new step. Called when the learner
    /// leaves a note field, so two separate edits of the same note are two steps.
    pub fn close_step(&mut self) {
        self.open_note = None;
    }

    /// Ends a plan drag: called on every frame in which no pointer button is down, so a click
    /// on "+" is one step and a drag across ten values is one step too.
    pub fn close_plan_step(&mut self) {
        if self.open_note == Some(EditKey::Plan) {
            self.open_note = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::StudyPlannerApp;
    use crate::app::tests::app_on;
    use crate::progress::ItemState;

    /// A window with its own data folder (kept for as long as the window).
    struct Window {
        app: StudyPlannerApp,
        _dir: tempfile::TempDir,
    }

    fn window() -> Window {
        let dir = tempfile::tempdir().expect("a temporary folder");
        Window {
            app: app_on(dir.path()),
            _dir: dir,
        }
    }

    impl Window {
        /// One frame's commands, applied by the app's own owner.
        fn apply(&mut self, commands: &[Command]) {
            for command in commands {
                self.app.commands.push(command.clone());
            }
            self.app.apply_commands();
        }

        fn data(&self) -> &RoadmapProgress {
            &self.app.data
        }

        fn history(&mut self) -> &mut UndoHistory {
            &mut self.app.history
        }
    }

    fn tick(id: &str) -> Command {
        Command::SetItemState {
            item_id: id.to_owned(),
            state: ItemState::Done,
        }
    }

    fn note(id: &str, text: &str) -> Command {
        Command::SetItemNote {
            item_id: id.to_owned(),
            note: text.to_owned(),
        }
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut w = window();
        w.apply(&[tick("a")]);
        w.apply(&[tick("b")]);
        let both = w.data().clone();
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().state("b"), ItemState::NotStarted);
        assert_eq!(w.data().state("a"), ItemState::Done);
        w.apply(&[Command::Undo]);
        assert_eq!(w.data(), &RoadmapProgress::default());
        assert!(!w.history().can_undo());
        w.apply(&[Command::Undo]);
        assert_eq!(w.data(), &RoadmapProgress::default());
        w.apply(&[Command::Redo]);
        w.apply(&[Command::Redo]);
        assert_eq!(w.data(), &both);
        assert!(!w.history().can_redo());
    }

    #[test]
    fn a_new_edit_forgets_the_redo_steps() {
        let mut w = window();
        w.apply(&[tick("a")]);
        w.apply(&[Command::Undo]);
        assert!(w.history().can_redo());
        w.apply(&[tick("b")]);
        assert!(!w.history().can_redo());
    }

    #[test]
    fn commands_that_change_nothing_leave_no_step() {
        let mut w = window();
        w.apply(&[Command::SetView(crate::app::View::Weeks)]);
        w.apply(&[note("a", "")]);
        assert!(!w.history().can_undo());
    }

    #[test]
    fn typing_a_note_is_one_step_but_two_edits_are_two() {
        let mut w = window();
        for text in ["c", "ch", "cha", "chap"] {
            w.apply(&[note("a", text)]);
        }
        w.apply(&[tick("b")]);
        w.apply(&[note("a", "chap 3")]);
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().note("a"), "chap");
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().state("b"), ItemState::NotStarted);
        w.apply(&[Command::Undo]);
        assert_eq!(w.data(), &RoadmapProgress::default());

        // Leaving the field ends the step even for the same note.
        let mut w = window();
        w.apply(&[note("a", "x")]);
        w.history().close_step();
        w.apply(&[note("a", "xy")]);
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().note("a"), "x");
    }

    #[test]
    fn a_plan_drag_is_one_step_and_clicks_are_one_each() {
        let plan = |weeks: u32| {
            let mut settings = crate::progress::PlanSettings::default();
            settings.stage_weeks.insert("backend".to_owned(), weeks);
            Command::SetPlan(Box::new(settings))
        };
        let mut w = window();
        // A drag: one command a frame while the pointer is down.
        for weeks in 10..=15 {
            w.apply(&[plan(weeks)]);
        }
        w.history().close_plan_step();
        // Two clicks, each released before the next.
        w.apply(&[plan(16)]);
        w.history().close_plan_step();
        w.apply(&[plan(17)]);
        w.history().close_plan_step();
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().plan.stage_weeks.get("backend"), Some(&16));
        w.apply(&[Command::Undo]);
        assert_eq!(w.data().plan.stage_weeks.get("backend"), Some(&15));
        w.apply(&[Command::Undo]);
        assert_eq!(w.data(), &RoadmapProgress::default());
    }

    #[test]
    fn history_is_bounded() {
        let mut w = window();
        for index in 0..MAX_STEPS + 50 {
            w.apply(&[tick(&format!("item-{index}"))]);
        }
        let mut undone = 0;
        while w.history().can_undo() {
            w.apply(&[Command::Undo]);
            undone += 1;
        }
        assert_eq!(undone, MAX_STEPS);
        // The oldest 50 ticks are beyond reach and stay.
        assert_eq!(w.data().items.len(), 50);
    }
}
