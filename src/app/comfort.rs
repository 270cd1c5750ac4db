//! The runtime state behind the everyday-comfort features: undo history, the find box, the
//! help panel, and the appearance preferences. None of it is learner data; the history is
//! per session and never saved.

use super::find_bar::FindState;
use super::prefs::UiPrefs;
use super::undo::UndoHistory;
use crate::progress::RoadmapProgress;

pub struct Comfort {
    pub history: UndoHistory,
    pub find: FindState,
    pub help_open: bool,
    /// How many times the learner asked to print (Ctrl+P) this session.
    pub print_requests: u32,
    /// Whether theme and zoom are loaded from and saved to eframe's storage (not for a
    /// `--screenshot` run, which must look the same everywhere).
    remember_prefs: bool,
    /// Remembered theme and zoom, applied at the start of the first frame (after whatever
    /// set-up the host did when it created the app, so the learner's choice wins).
    pending_prefs: Option<UiPrefs>,
    /// The widget that had keyboard focus last frame, to end a note's undo step when the
    /// learner leaves the field.
    last_focus: Option<egui::Id>,
    ctx: egui::Context,
}

impl Comfort {
    /// Reads the remembered theme and zoom (or takes the defaults for a screenshot).
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        screenshot: bool,
    ) -> Self {
        let remember_prefs = !screenshot;
        let prefs = if remember_prefs {
            UiPrefs::load(storage)
        } else {
            UiPrefs::default()
        };
        Self {
            history: UndoHistory::default(),
            find: FindState::default(),
            help_open: false,
            print_requests: 0,
            remember_prefs,
            pending_prefs: Some(prefs),
            last_focus: None,
            ctx: ctx.clone(),
        }
    }

    /// Called at the start of every frame.
    pub fn begin_frame(&mut self) {
        if let Some(prefs) = self.pending_prefs.take() {
            prefs.apply(&self.ctx);
        }
        let focus = self.ctx.memory(|memory| memory.focused());
        if focus != self.last_focus {
            self.history.close_step();
            self.last_focus = focus;
        }
        if !self.ctx.input(|input| input.pointer.any_down()) {
            self.history.close_plan_step();
        }
    }

    /// Restores the previous snapshot, if there is one.
    pub fn undo(&mut self, data: &mut RoadmapProgress) {
        if let Some(previous) = self.history.undo(data) {
            *data = previous;
        }
    }

    /// Re-applies the last undone snapshot, if there is one.
    pub fn redo(&mut self, data: &mut RoadmapProgress) {
        if let Some(next) = self.history.redo(data) {
            *data = next;
        }
    }

    /// Writes the theme and zoom as the UI has them now (called by eframe's `save`).
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if self.remember_prefs {
            UiPrefs::read(&self.ctx).store(storage);
        }
    }
}
