//! The window's side of saving: owns the background [`Saver`], shows what happened to the
//! learner's file (banners, the save status) and the progress menu (export, import, reset).
//! Closing the window while changes are not on disk writes them first, and if that fails asks
//! what to do with them (retry, save a copy, or quit and lose them). The UI thread never
//! touches the disk here, apart from reading one small file when the window opens (see
//! [`SavingState::from_opened`]); file dialogs run on their own threads.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::{RichText, Ui};

use super::banner::{Banner, banner_ui};
use super::command::{Command, CommandQueue};
use super::launch::{Launcher, Opened, Opener};
use crate::progress::RoadmapProgress;
use crate::storage::{
    Fs, ImportedProgress, Notice, NoticeLevel, Opened as OpenedStore, PROGRESS_FILE, ProgressStore,
    ReadOnlyReason, RealFs, Saver, SaverEvent, SaverOptions, read_import,
};

/// Accessible names of the close dialog's buttons; tests click them.
pub const RETRY_LABEL: &str = "Retry";
pub const SAVE_COPY_LABEL: &str = "Save a copy…";
pub const CANCEL_CLOSE_LABEL: &str = "Cancel";
/// The close dialog's heading.
pub const UNSAVED_HEADING: &str = "Your changes are not saved";
/// The read-only window's button that takes over the data folder once the other window is
/// closed.
pub const MAKE_EDITABLE_LABEL: &str = "Make this window editable";
/// What a read-only window says when the other window still holds the data folder.
pub const STILL_OPEN_TEXT: &str = "The other study-planner window still has this data folder \
     open, so this window stays read-only. Close that window first, then choose \
     \u{201c}Make this window editable\u{201d} again.";
/// What a window that was read-only says once it is editable.
pub const NOW_EDITABLE_TEXT: &str = "This window is editable now. It shows your progress as \
     last saved, including what the other window saved.";

/// How the window reaches the disk. The default is the real one; tests replace the parts
/// that fail, so every fault path can be driven through the real window.
#[derive(Clone)]
pub struct StorageSetup {
    pub fs: Arc<dyn Fs>,
    pub saver: SaverOptions,
    /// Whether "Save a copy…" asks for a place in a file dialog. Without one (or when the
    /// dialog gives no file: cancelled, or no dialog on this system) the copy goes to the
    /// first rescue folder that takes it, and the dialog says where.
    pub copy_dialog: bool,
}

impl Default for StorageSetup {
    fn default() -> Self {
        Self {
            fs: Arc::new(RealFs),
            saver: SaverOptions::default(),
            copy_dialog: true,
        }
    }
}

/// What a file-dialog thread sends back.
enum DialogOutcome {
    ExportTo(PathBuf),
    Imported(Result<Box<ImportedProgress>, String>),
    /// Where the learner wants the copy of unsaved changes (`None`: no file picked).
    CopyTo(Option<PathBuf>),
    Cancelled,
}

/// What is wrong with saving right now.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SaveProblem {
    /// Nothing was written; the changes are retried.
    Failed {
        error: String,
        changes_not_saved: usize,
    },
    /// The changes are in the file, but its folder could not be flushed to disk.
    NotFlushed(String),
}

/// Where closing the window stands.
#[derive(Debug, Default)]
enum CloseState {
    #[default]
    Open,
    /// The learner closed the window; the last changes are being written first.
    Saving,
    /// Writing them failed: the dialog asks what to do.
    Asking(CloseDialog),
    /// Nothing is left to write, or the learner chose to lose it: the window may close.
    Closing,
}

#[derive(Debug, Default)]
struct CloseDialog {
    /// A retry or a copy is under way; the buttons wait.
    busy: bool,
    /// A copy was asked for and its outcome has not come yet.
    copy_in_flight: bool,
    /// Where the copy went, or why it could not be written.
    copy: Option<Result<PathBuf, String>>,
}

/// Saving, as the window sees it.
pub struct SavingState {
    saver: Option<Saver>,
    read_only: Option<ReadOnlyReason>,
    data_dir: PathBuf,
    roadmap_id: String,
    /// Messages about the learner's data, newest last; each can be dismissed.
    notices: Vec<Notice>,
    /// What opening the data folder said about the file (values changed as it was read, why
    /// it is read-only): a reopen reads the file again and says what is true then instead.
    open_notices: Vec<Notice>,
    /// The last save's problem while saves keep failing; cleared by the next good save.
    save_error: Option<SaveProblem>,
    dialog: Option<Receiver<DialogOutcome>>,
    confirm_reset: bool,
    /// A change was refused because this window is read-only, and the learner was told.
    told_refused: bool,
    /// Opens folders for "Open data folder" and the banners' "Open folder".
    launcher: Launcher,
    close: CloseState,
    copy_dialog: bool,
    /// How many saves failed in this window (a roadmap switch waits for a save, and gives
    /// up when this grows).
    save_failures: u64,
    /// How the data folder is reopened ("Make this window editable").
    fs: Arc<dyn Fs>,
    saver_options: SaverOptions,
    /// Wakes the window when the saver or a reopen has news.
    ctx: egui::Context,
    /// The data folder being opened again on a thread, to make this read-only window
    /// editable.
    reopening: Option<Receiver<OpenedStore>>,
    /// The read-only saver this window had before it was made editable, kept until the
    /// exports it was writing have answered (it never held the lock).
    retiring: Option<Saver>,
}

impl SavingState {
    /// Starts the saver thread on a data folder already opened (`ProgressStore::open_with`:
    /// the window does that on a thread of its own while eframe makes the window, see
    /// `run_window`; tests on the calling thread). The first frame then shows the learner's
    /// ticks rather than an empty checklist that fills in later.
    pub fn from_opened(
        ctx: &egui::Context,
        data_dir: &Path,
        roadmap_id: &str,
        opened: crate::storage::Opened,
        setup: StorageSetup,
    ) -> (Self, RoadmapProgress) {
        let read_only = opened.store.read_only().cloned();
        let needs_save = opened.needs_save;
        let mut notices = opened.notices;
        let open_notices = notices.clone();
        let saver = start_saver(ctx, opened.store, setup.saver.clone(), &mut notices);
        let mut state = Self {
            saver,
            read_only,
            data_dir: data_dir.to_owned(),
            roadmap_id: roadmap_id.to_owned(),
            notices,
            open_notices,
            save_error: None,
            dialog: None,
            confirm_reset: false,
            told_refused: false,
            launcher: Launcher::new(ctx),
            close: CloseState::Open,
            copy_dialog: setup.copy_dialog,
            save_failures: 0,
            fs: setup.fs,
            saver_options: setup.saver,
            ctx: ctx.clone(),
            reopening: None,
            retiring: None,
        };
        if needs_save {
            state.save(&opened.progress);
        }
        (state, opened.progress)
    }

    /// The data folder this window saves to.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Whether the learner may change their progress in this window.
    pub fn editable(&self) -> bool {
        self.read_only.is_none()
    }

    /// Why this window is read-only, if it is.
    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    /// Says (once) that a change was not made because this window is read-only.
    pub fn refused_while_read_only(&mut self) {
        if self.told_refused {
            return;
        }
        self.told_refused = true;
        self.notices.push(refusal_notice(self.read_only.as_ref()));
    }

    /// Whether this window is read-only only because another window holds the data folder,
    /// so closing that one and choosing [`MAKE_EDITABLE_LABEL`] can make this one editable. A
    /// newer version's file, or one that cannot be read, stays read-only whatever happens.
    pub fn may_become_editable(&self) -> bool {
        matches!(self.read_only, Some(ReadOnlyReason::OtherWindow { .. }))
    }

    /// Whether the data folder is being opened again ("Make this window editable").
    pub fn reopening(&self) -> bool {
        self.reopening.is_some()
    }

    /// "Make this window editable": opens the data folder again on a thread (take the lock,
    /// read `progress.ron`), the way a roadmap switch opens it. The answer is picked up by
    /// [`Self::take_reopened`]. Does nothing unless [`Self::may_become_editable`].
    pub fn start_reopen(&mut self) {
        if self.reopening() || !self.may_become_editable() {
            return;
        }
        self.reopening = Some(open_on_thread(
            &self.ctx,
            self.data_dir.clone(),
            self.roadmap_id.clone(),
            Arc::clone(&self.fs),
            None,
        ));
    }

    /// The answer of a reopen started by [`Self::start_reopen`], once it has come. If the
    /// other window still holds the lock, this window stays as it was and says so, and
    /// `None` comes back. Otherwise the reopened store replaces this window's: a new saver
    /// (the old read-only one is let go off this thread once the
    /// exports it was writing have answered), the store's read-only reason if it
    /// has one (a newer version's file), its notices, and the data it read, which comes back
    /// for the owner to show in place of this window's.
    pub fn take_reopened(&mut self) -> Option<RoadmapProgress> {
        let answer = match self.reopening.as_ref()?.try_recv() {
            Ok(opened) => Some(opened),
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        self.reopening = None;
        let Some(opened) = answer else {
            self.notices.push(Notice::error(
                "The data folder could not be opened again (the thread stopped); this window \
                 stays read-only.",
                None,
            ));
            return None;
        };
        if matches!(
            opened.store.read_only(),
            Some(ReadOnlyReason::OtherWindow { .. })
        ) {
            // Said once, however often the button is pressed.
            self.notices.retain(|notice| notice.text != STILL_OPEN_TEXT);
            self.notices.push(Notice::warning(STILL_OPEN_TEXT, None));
            return None;
        }
        Some(self.adopt(opened))
    }

    /// Makes the reopened store this window's (see [`Self::take_reopened`]).
    fn adopt(&mut self, opened: OpenedStore) -> RoadmapProgress {
        // What was said about being read-only is not true any more, and what the first open
        // said about the file (such as values read as changed in a file left as it was) is
        // said again by this one as it is now.
        let old = self.read_only.take();
        let mut stale = std::mem::take(&mut self.open_notices);
        stale.extend(old.as_ref().map(Notice::read_only));
        stale.extend(self.told_refused.then(|| refusal_notice(old.as_ref())));
        stale.push(Notice::warning(STILL_OPEN_TEXT, None));
        self.notices.retain(|notice| !stale.contains(notice));
        self.told_refused = false;
        self.save_error = None;

        self.read_only = opened.store.read_only().cloned();
        let mut notices = opened.notices;
        self.open_notices.clone_from(&notices);
        let saver = start_saver(
            &self.ctx,
            opened.store,
            self.saver_options.clone(),
            &mut notices,
        );
        if let Some(old) = std::mem::replace(&mut self.saver, saver) {
            if let Some(new) = &self.saver {
                super::signals::replace_flush_target(&old.flush_handle(), new.flush_handle());
            }
            self.retiring = Some(old);
            self.poll_retiring();
        }
        self.notices.extend(notices);
        if self.editable() {
            self.notices.push(Notice::info(NOW_EDITABLE_TEXT, None));
        }
        if opened.needs_save {
            self.save(&opened.progress);
        }
        // The frame that adopted it drew the old data.
        self.ctx.request_repaint();
        opened.progress
    }

    /// Shows one more message in the banner area.
    pub fn add_notice(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    /// The messages shown in the banner area.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Replaces how folders are opened (tests).
    pub fn set_opener(&mut self, opener: Opener) {
        self.launcher.set_opener(opener);
    }

    /// Hands a snapshot of the learner's data to the saver (written within about a second).
    pub fn save(&mut self, data: &RoadmapProgress) {
        if self.editable()
            && let Some(saver) = &mut self.saver
        {
            saver.save(data.clone());
        }
    }

    /// A handle that writes pending changes from another thread (see `signals`).
    pub fn flush_handle(&self) -> Option<crate::storage::FlushHandle> {
        self.saver.as_ref().map(Saver::flush_handle)
    }

    /// Writes what is pending now; called when the window closes.
    pub fn flush(&mut self) {
        if let Some(saver) = &mut self.saver {
            saver.flush();
        }
        self.poll_saver();
    }

    /// What the old read-only saver answers about its exports (it saves nothing), until it
    /// has no more to say; then it is let go off this thread.
    fn poll_retiring(&mut self) {
        let Some(old) = &mut self.retiring else {
            return;
        };
        for event in old.poll() {
            match event {
                SaverEvent::Exported(path) => self.notices.push(exported_notice(path)),
                SaverEvent::ExportFailed(err) => self.notices.push(export_failed_notice(&err)),
                SaverEvent::Saved
                | SaverEvent::SavedNotFlushed(_)
                | SaverEvent::SaveFailed { .. } => {}
            }
        }
        if !old.exports_pending()
            && let Some(old) = self.retiring.take()
        {
            retire(old);
        }
    }

    fn poll_saver(&mut self) {
        self.poll_retiring();
        let Some(saver) = &mut self.saver else {
            return;
        };
        for event in saver.poll() {
            let copy_for_close = match &mut self.close {
                CloseState::Asking(dialog) if dialog.copy_in_flight => Some(dialog),
                _ => None,
            };
            match event {
                SaverEvent::Saved => self.save_error = None,
                SaverEvent::SavedNotFlushed(err) => {
                    self.save_error = Some(SaveProblem::NotFlushed(err));
                }
                SaverEvent::SaveFailed {
                    error,
                    changes_not_saved,
                } => {
                    self.save_failures += 1;
                    self.save_error = Some(SaveProblem::Failed {
                        error,
                        changes_not_saved,
                    });
                    match &mut self.close {
                        CloseState::Saving => {
                            self.close = CloseState::Asking(CloseDialog::default());
                        }
                        CloseState::Asking(dialog) if !dialog.copy_in_flight => {
                            dialog.busy = false;
                        }
                        _ => {}
                    }
                }
                SaverEvent::Exported(path) => match copy_for_close {
                    Some(dialog) => {
                        dialog.copy = Some(Ok(path));
                        dialog.copy_in_flight = false;
                        dialog.busy = false;
                    }
                    None => self.notices.push(exported_notice(path)),
                },
                SaverEvent::ExportFailed(err) => match copy_for_close {
                    Some(dialog) => {
                        dialog.copy = Some(Err(err));
                        dialog.copy_in_flight = false;
                        dialog.busy = false;
                    }
                    None => self.notices.push(export_failed_notice(&err)),
                },
            }
        }
    }

    /// Whether some change is not on disk yet.
    pub fn has_unsaved_changes(&self) -> bool {
        self.saver.as_ref().is_some_and(Saver::has_unsaved_changes)
    }

    /// Asks for what is pending to be written at once (the outcome comes as events).
    pub fn save_now(&mut self) {
        if let Some(saver) = &mut self.saver {
            saver.save_now();
        }
    }

    /// How many saves have failed in this window so far.
    pub fn save_failures(&self) -> u64 {
        self.save_failures
    }

    /// Hands the saver (and with it the data folder's lock) to whoever lets it go: the
    /// window switching to another roadmap, once nothing is pending. This window saves
    /// nothing after this.
    pub fn take_saver(&mut self) -> Option<Saver> {
        self.saver.take()
    }

    /// Whether the close dialog is showing (after a failed save on close).
    pub fn close_dialog_open(&self) -> bool {
        matches!(self.close, CloseState::Asking(_))
    }

    /// Handles the window's close button: while a change is not on disk the close waits
    /// (it is written first), and if writing fails the close dialog asks. Then shows that
    /// dialog. Called every frame.
    pub fn close_ui(&mut self, ctx: &egui::Context, data: &RoadmapProgress) {
        if ctx.input(|input| input.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if matches!(self.close, CloseState::Saving | CloseState::Asking(_))
            && !self.has_unsaved_changes()
        {
            // Everything is on disk now: finish the close the learner asked for.
            self.close = CloseState::Closing;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.close_dialog_ui(ctx, data);
    }

    /// Answers a close request: true lets the window close now.
    fn may_close(&mut self) -> bool {
        if matches!(self.close, CloseState::Closing) || !self.has_unsaved_changes() {
            self.close = CloseState::Closing;
            return true;
        }
        match self.close {
            CloseState::Open => {
                if let Some(saver) = &mut self.saver {
                    saver.save_now();
                }
                self.close = CloseState::Saving;
            }
            // Closed again while the last save has not answered: ask rather than wait.
            CloseState::Saving => self.close = CloseState::Asking(CloseDialog::default()),
            CloseState::Asking(_) | CloseState::Closing => {}
        }
        false
    }

    fn close_dialog_ui(&mut self, ctx: &egui::Context, data: &RoadmapProgress) {
        let CloseState::Asking(dialog) = &self.close else {
            return;
        };
        let (error, changes) = match &self.save_error {
            Some(SaveProblem::Failed {
                error,
                changes_not_saved,
            }) => (Some(error.as_str()), *changes_not_saved),
            _ => (None, 0),
        };
        let mut action = None;
        let modal =
            egui::Modal::new(egui::Id::unique("unsaved-changes-on-close")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(UNSAVED_HEADING);
                ui.label(match error {
                    Some(error) => {
                        format!("{} could not be saved: {error}", changes_phrase(changes))
                    }
                    None => "The last changes are still being written.".to_owned(),
                });
                match &dialog.copy {
                    Some(Ok(path)) => {
                        ui.label(
                        "A copy of your progress, with these changes, is saved here. To use it, \
                         choose “Import progress…” in the Progress menu once the data folder \
                         can be written again:",
                    );
                        ui.label(RichText::new(path.display().to_string()).monospace());
                    }
                    Some(Err(err)) => {
                        ui.label(format!("The copy could not be saved either: {err}"));
                    }
                    None => {}
                }
                if dialog.busy {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(if dialog.copy_in_flight {
                            "Saving a copy…"
                        } else {
                            "Saving…"
                        });
                    });
                }
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    let idle = !dialog.busy;
                    if ui
                        .add_enabled(idle, egui::Button::new(RETRY_LABEL))
                        .on_hover_text("Try to save to the progress file again")
                        .clicked()
                    {
                        action = Some(CloseAction::Retry);
                    }
                    if ui
                        .add_enabled(
                            idle && self.dialog.is_none(),
                            egui::Button::new(SAVE_COPY_LABEL),
                        )
                        .on_hover_text("Save your progress, with these changes, somewhere else")
                        .clicked()
                    {
                        action = Some(CloseAction::Copy);
                    }
                    let quit = if matches!(dialog.copy, Some(Ok(_))) {
                        "Quit".to_owned()
                    } else {
                        quit_label(changes)
                    };
                    if ui.button(quit).clicked() {
                        action = Some(CloseAction::Quit);
                    }
                    if ui
                        .button(CANCEL_CLOSE_LABEL)
                        .on_hover_text("Keep the window open")
                        .clicked()
                    {
                        action = Some(CloseAction::Cancel);
                    }
                });
            });
        if modal.should_close() && action.is_none() {
            action = Some(CloseAction::Cancel);
        }
        match action {
            Some(CloseAction::Retry) => {
                if let Some(saver) = &mut self.saver {
                    saver.save_now();
                }
                if let CloseState::Asking(dialog) = &mut self.close {
                    dialog.busy = true;
                }
            }
            Some(CloseAction::Copy) => self.save_copy(ctx, data),
            Some(CloseAction::Quit) => {
                self.close = CloseState::Closing;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Some(CloseAction::Cancel) => self.close = CloseState::Open,
            None => {}
        }
    }

    /// "Save a copy…": a file dialog if there is one, else (or when it gives no file) the
    /// first rescue folder that takes it.
    fn save_copy(&mut self, ctx: &egui::Context, data: &RoadmapProgress) {
        if let CloseState::Asking(dialog) = &mut self.close {
            dialog.busy = true;
            dialog.copy_in_flight = true;
            dialog.copy = None;
        }
        if self.copy_dialog {
            self.start_dialog(ctx, "copy-dialog", || {
                DialogOutcome::CopyTo(
                    rfd::FileDialog::new()
                        .set_title("Save a copy of your progress")
                        .set_file_name("study-planner-progress.ron")
                        .add_filter("Progress file", &["ron"])
                        .save_file(),
                )
            });
        } else {
            self.copy_to(data, None);
        }
    }

    fn copy_to(&mut self, data: &RoadmapProgress, path: Option<PathBuf>) {
        let sent = self.saver.as_mut().is_some_and(|saver| match path {
            Some(path) => saver.export(data.clone(), path),
            None => saver.rescue(data.clone()),
        });
        if !sent && let CloseState::Asking(dialog) = &mut self.close {
            dialog.busy = false;
            dialog.copy_in_flight = false;
            dialog.copy = Some(Err("the saver has stopped".to_owned()));
        }
    }

    /// Picks up results from the saver and file dialogs; an import becomes a command.
    /// Called once a frame, before anything of this is drawn.
    pub fn poll(&mut self, data: &RoadmapProgress, commands: &CommandQueue) {
        self.poll_saver();
        let Some(outcome) = self.dialog.as_ref().and_then(|rx| rx.try_recv().ok()) else {
            return;
        };
        self.dialog = None;
        match outcome {
            DialogOutcome::ExportTo(path) => {
                if let Some(saver) = &mut self.saver {
                    saver.export(data.clone(), path);
                }
            }
            DialogOutcome::Imported(Ok(imported)) => {
                self.notices
                    .push(imported.notice(self.data_dir.join(crate::storage::BACKUP_FILE)));
                commands.push(Command::ImportProgress(Box::new(imported.progress)));
            }
            DialogOutcome::Imported(Err(err)) => {
                self.notices
                    .push(Notice::error(format!("Import failed: {err}"), None));
            }
            DialogOutcome::CopyTo(path) => self.copy_to(data, path),
            DialogOutcome::Cancelled => {}
        }
    }

    /// Runs a file dialog on its own thread (it blocks until the learner picks a file).
    fn start_dialog(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        job: impl FnOnce() -> DialogOutcome + Send + 'static,
    ) {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _ = tx.send(job());
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some(rx),
            Err(err) => self.notices.push(Notice::error(
                format!("Cannot open the file dialog: {err}"),
                None,
            )),
        }
    }

    /// Whether the learner's changes are saved, in a few words; in a window that is read-only
    /// because another one holds the data folder, the button that takes it over (disabled
    /// while a roadmap is being read or switched to: `switching`, or a reopen is under way).
    pub fn status_ui(&self, ui: &mut Ui, switching: bool, commands: &CommandQueue) {
        let text = if self.read_only.is_some() {
            "Read-only: changes are not saved"
        } else if matches!(self.save_error, Some(SaveProblem::Failed { .. })) {
            "Not saved"
        } else if self.has_unsaved_changes() {
            "Saving…"
        } else if self.save_error.is_some() {
            "Saved, not yet flushed to disk"
        } else {
            "All changes saved"
        };
        ui.label(RichText::new(text).small().weak())
            .on_hover_text(self.data_dir.join(PROGRESS_FILE).display().to_string());
        if self.may_become_editable()
            && ui
                .add_enabled(
                    !self.reopening() && !switching,
                    egui::Button::new(MAKE_EDITABLE_LABEL),
                )
                .on_hover_text(
                    "Once the other study-planner window on this data folder is closed: make \
                     changes here, starting from what it saved",
                )
                .clicked()
        {
            commands.push(Command::MakeEditable);
        }
    }

    /// The "Progress" menu: export, import, reset, open the data folder.
    pub fn menu_ui(&mut self, ui: &mut Ui, data: &RoadmapProgress) {
        ui.menu_button("Progress", |ui| {
            let busy = self.dialog.is_some();
            if ui
                .add_enabled(!busy, egui::Button::new("Export progress…"))
                .clicked()
            {
                self.start_dialog(ui.ctx(), "export-dialog", || {
                    rfd::FileDialog::new()
                        .set_title("Export progress")
                        .set_file_name("study-planner-progress.ron")
                        .add_filter("Progress file", &["ron"])
                        .save_file()
                        .map_or(DialogOutcome::Cancelled, DialogOutcome::ExportTo)
                });
                ui.close();
            }
            let editable = self.editable() && !busy;
            if ui
                .add_enabled(editable, egui::Button::new("Import progress…"))
                .on_hover_text("Replace this roadmap's progress with one from an exported file")
                .clicked()
            {
                let roadmap_id = self.roadmap_id.clone();
                self.start_dialog(
                    ui.ctx(),
                    "import-dialog",
                    move || match rfd::FileDialog::new()
                        .set_title("Import progress")
                        .add_filter("Progress file", &["ron"])
                        .pick_file()
                    {
                        Some(path) => DialogOutcome::Imported(
                            read_import(&path, &roadmap_id)
                                .map(Box::new)
                                .map_err(|err| err.to_string()),
                        ),
                        None => DialogOutcome::Cancelled,
                    },
                );
                ui.close();
            }
            ui.separator();
            let has_progress = !data.items.is_empty() || !data.stage_notes.is_empty();
            if ui
                .add_enabled(
                    self.editable() && has_progress,
                    egui::Button::new("Reset progress…"),
                )
                .clicked()
            {
                self.confirm_reset = true;
                ui.close();
            }
            ui.separator();
            if ui.button("Open data folder").clicked() {
                // In the background: a launcher may take a moment to say it failed.
                self.launcher.open(Opened::Folder, self.data_dir.clone());
                ui.close();
            }
        });
    }

    /// The confirmation before "Reset progress", while it is asked.
    pub fn reset_dialog_ui(&mut self, ctx: &egui::Context, commands: &CommandQueue) {
        if !self.confirm_reset {
            return;
        }
        let modal = egui::Modal::new(egui::Id::unique("reset-progress")).show(ctx, |ui| {
            ui.set_max_width(360.0);
            ui.heading("Reset progress?");
            ui.label(
                "This clears every tick, note and chosen project idea for this roadmap; your \
                 plan settings are kept. Undo (Ctrl+Z) brings them back while this window is open; to keep a \
                 copy for later, export your progress first.",
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Reset progress").clicked() {
                    commands.push(Command::ResetProgress);
                    self.confirm_reset = false;
                }
                if ui.button("Cancel").clicked() {
                    self.confirm_reset = false;
                }
            });
        });
        if modal.should_close() {
            self.confirm_reset = false;
        }
    }

    /// The messages about the learner's file, each dismissible but the save problem.
    pub fn banners_ui(&mut self, ui: &mut Ui) {
        for (text, path) in self.launcher.failures() {
            self.notices.push(Notice::error(text, Some(path)));
        }
        if let Some(problem) = &self.save_error {
            let (level, text) = problem_text(problem);
            banner_ui(
                ui,
                &Banner {
                    level,
                    text: &text,
                    path: None,
                    actions: &[],
                    dismiss: None,
                },
            );
        }
        let mut dismissed = None;
        for (index, notice) in self.notices.iter().enumerate() {
            let actions: &[&str] = if notice.path.is_some() {
                &[OPEN_FOLDER, COPY_PATH]
            } else {
                &[]
            };
            let response = banner_ui(
                ui,
                &Banner {
                    level: notice.level,
                    text: &notice.text,
                    path: notice.path.as_deref(),
                    actions,
                    dismiss: Some("Dismiss"),
                },
            );
            if response.dismissed {
                dismissed = Some(index);
            }
            if let Some(path) = &notice.path {
                match response.action {
                    Some(0) => self.launcher.open(Opened::Folder, path.clone()),
                    Some(_) => ui.ctx().copy_text(path.display().to_string()),
                    None => {}
                }
            }
        }
        if let Some(index) = dismissed {
            self.notices.remove(index);
        }
    }
}

/// Starts the saver thread on `store`; if it cannot start, says so in `notices`.
fn start_saver(
    ctx: &egui::Context,
    store: ProgressStore,
    options: SaverOptions,
    notices: &mut Vec<Notice>,
) -> Option<Saver> {
    let wake_ctx = ctx.clone();
    let wake = Box::new(move || wake_ctx.request_repaint());
    match Saver::start_with(store, wake, options) {
        Ok(saver) => Some(saver),
        Err(err) => {
            notices.push(Notice::error(
                format!("Cannot start saving ({err}); changes will not be saved."),
                None,
            ));
            None
        }
    }
}

/// Lets a saver go off the UI thread: dropping one waits for its thread, which may be in the
/// middle of writing an export.
fn retire(saver: Saver) {
    let spawned = std::thread::Builder::new()
        .name("progress-saver-retire".to_owned())
        .spawn(move || drop(saver));
    if let Err(err) = spawned {
        // The closure, and the saver with it, was dropped here, after its thread finished.
        log::warn!("cannot start a thread to let the old saver go: {err}");
    }
}

/// Opens the data folder for `roadmap_id` on a thread of its own — takes the lock, clears
/// killed saves' temporary files, reads `progress.ron` — after letting `release` go (its
/// thread ends, and the lock with it), and wakes the window when the answer is there. The
/// one way the window opens its data after start-up: switching roadmaps (`RoadmapGate`) and
/// making a read-only window editable. Without a thread it opens on the calling thread, as a
/// last resort.
pub(super) fn open_on_thread(
    ctx: &egui::Context,
    dir: PathBuf,
    roadmap_id: String,
    fs: Arc<dyn Fs>,
    release: Option<Saver>,
) -> Receiver<OpenedStore> {
    let (tx, rx) = mpsc::channel();
    let thread_ctx = ctx.clone();
    let thread_tx = tx.clone();
    let (thread_dir, thread_id, thread_fs) = (dir.clone(), roadmap_id.clone(), Arc::clone(&fs));
    let spawned = std::thread::Builder::new()
        .name("progress-open".to_owned())
        .spawn(move || {
            drop(release);
            let _ = thread_tx.send(ProgressStore::open_with(&thread_dir, &thread_id, thread_fs));
            thread_ctx.request_repaint();
        });
    if spawned.is_err() {
        // No thread: `release` went with the closure; open here.
        let _ = tx.send(ProgressStore::open_with(&dir, &roadmap_id, fs));
    }
    rx
}

/// An export from the Progress menu is written.
fn exported_notice(path: PathBuf) -> Notice {
    Notice::info(
        "Progress exported; import it on another machine with “Import progress…”.",
        Some(path),
    )
}

/// An export from the Progress menu could not be written.
fn export_failed_notice(err: &str) -> Notice {
    Notice::error(format!("Export failed: {err}"), None)
}

/// "That change was not made…", with why.
fn refusal_notice(reason: Option<&ReadOnlyReason>) -> Notice {
    let why = reason.map_or_else(String::new, |reason| format!(": {reason}"));
    Notice::warning(
        format!("That change was not made, because this window is read-only{why}"),
        None,
    )
}

const OPEN_FOLDER: &str = "Open folder";
const COPY_PATH: &str = "Copy path";

enum CloseAction {
    Retry,
    Copy,
    Quit,
    Cancel,
}

/// The banner for a save problem: what is true about the file on disk, and what happens next.
fn problem_text(problem: &SaveProblem) -> (NoticeLevel, String) {
    match problem {
        SaveProblem::Failed { error, .. } => (
            NoticeLevel::Error,
            format!(
                "Your last change could not be saved: {error}. The file on disk still holds \
                 your progress from before; saving is tried again shortly, on your next \
                 change, and when you close the window."
            ),
        ),
        SaveProblem::NotFlushed(error) => (
            NoticeLevel::Warning,
            format!("Saved, with one doubt: {error}. The flush is tried again shortly."),
        ),
    }
}

/// "1 change", "3 changes"; "Your latest changes" when they cannot be counted.
fn changes_phrase(changes: usize) -> String {
    match changes {
        0 => "Your latest changes".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    }
}

/// The button that closes anyway.
pub fn quit_label(changes: usize) -> String {
    match changes {
        0 => "Quit without saving".to_owned(),
        1 => "Quit and lose 1 change".to_owned(),
        n => format!("Quit and lose {n} changes"),
    }
}
