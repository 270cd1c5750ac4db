//! What the window remembers about itself, apart from the learner's data and its undo history:
//! the find box, whether the help panel is open, and the appearance preferences (theme, zoom).
//! None of it is learner data; theme and zoom are kept in eframe's storage, the rest lives for
//! the session.

use super::find_bar::FindState;
use super::prefs::UiPrefs;

pub struct UiState {
    pub find: FindState,
    pub help_open: bool,
    /// Whether theme and zoom are loaded from and saved to eframe's storage (not for a
    /// `--screenshot` run, which must look the same everywhere).
    remember_prefs: bool,
    /// Remembered theme and zoom, applied at the start of the first frame (after whatever
    /// set-up the host did when it created the app, so the learner's choice wins).
    pending_prefs: Option<UiPrefs>,
    ctx: egui::Context,
}

impl UiState {
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
            find: FindState::default(),
            help_open: false,
            remember_prefs,
            pending_prefs: Some(prefs),
            ctx: ctx.clone(),
        }
    }

    /// Called at the start of every frame.
    pub fn begin_frame(&mut self) {
        if let Some(prefs) = self.pending_prefs.take() {
            prefs.apply(&self.ctx);
        }
    }

    /// Writes the theme and zoom as the UI has them now (called by eframe's `save`).
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if self.remember_prefs {
            UiPrefs::read(&self.ctx).store(storage);
        }
    }
}
