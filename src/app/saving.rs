//! The window's side of saving: owns the background [`Saver`], shows what happened to the
//! learner's file (banners, the save status) and the progress menu (export, import, reset).
//! The UI thread never touches the disk here, apart from reading one small file when the
//! window opens (see [`SavingState::open`]); file dialogs run on their own threads.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use egui::{RichText, Ui};

use super::banner::{Banner, banner_ui};
use super::command::{Command, CommandQueue};
use super::launch::{Launcher, Opened, Opener};
use crate::progress::RoadmapProgress;
use crate::storage::{
    Notice, NoticeLevel, PROGRESS_FILE, ProgressStore, ReadOnlyReason, Saver, SaverEvent,
    read_import,
};

/// What a file-dialog thread sends back.
enum DialogOutcome {
    ExportTo(PathBuf),
    Imported(Result<Box<RoadmapProgress>, String>),
    Cancelled,
}

/// Saving, as the window sees it.
pub struct SavingState {
    saver: Option<Saver>,
    read_only: Option<ReadOnlyReason>,
    data_dir: PathBuf,
    roadmap_id: String,
    /// Messages about the learner's data, newest last; each can be dismissed.
    notices: Vec<Notice>,
    /// The last save's error while saves keep failing; cleared by the next good save.
    save_error: Option<String>,
    dialog: Option<Receiver<DialogOutcome>>,
    confirm_reset: bool,
    /// A change was refused because this window is read-only, and the learner was told.
    told_refused: bool,
    /// Opens folders for "Open data folder" and the banners' "Open folder".
    launcher: Launcher,
}

impl SavingState {
    /// Opens the data folder and starts the saver thread. This reads `progress.ron` (one small
    /// file, capped at 16 MiB) on the calling thread, so the first frame shows the learner's
    /// ticks rather than an empty checklist that fills in later.
    pub fn open(ctx: &egui::Context, data_dir: &Path, roadmap_id: &str) -> (Self, RoadmapProgress) {
        let opened = ProgressStore::open(data_dir, roadmap_id);
        let read_only = opened.store.read_only().cloned();
        let needs_save = opened.needs_save;
        let mut notices = opened.notices;
        let wake_ctx = ctx.clone();
        let saver = match Saver::start(opened.store, Box::new(move || wake_ctx.request_repaint())) {
            Ok(saver) => Some(saver),
            Err(err) => {
                notices.push(Notice::error(
                    format!("Cannot start saving ({err}); changes will not be saved."),
                    None,
                ));
                None
            }
        };
        let mut state = Self {
            saver,
            read_only,
            data_dir: data_dir.to_owned(),
            roadmap_id: roadmap_id.to_owned(),
            notices,
            save_error: None,
            dialog: None,
            confirm_reset: false,
            told_refused: false,
            launcher: Launcher::new(ctx),
        };
        if needs_save {
            state.save(&opened.progress);
        }
        (state, opened.progress)
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
        let why = self
            .read_only
            .as_ref()
            .map_or_else(String::new, |reason| format!(": {reason}"));
        self.notices.push(Notice::warning(
            format!("That change was not made, because this window is read-only{why}"),
            None,
        ));
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

    fn poll_saver(&mut self) {
        let Some(saver) = &mut self.saver else {
            return;
        };
        for event in saver.poll() {
            match event {
                SaverEvent::Saved => self.save_error = None,
                SaverEvent::SaveFailed(err) => self.save_error = Some(err),
                SaverEvent::Exported(path) => self.notices.push(Notice::info(
                    "Progress exported; import it on another machine with “Import progress…”.",
                    Some(path),
                )),
                SaverEvent::ExportFailed(err) => self
                    .notices
                    .push(Notice::error(format!("Export failed: {err}"), None)),
            }
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
            DialogOutcome::Imported(Ok(progress)) => {
                commands.push(Command::ImportProgress(progress));
                self.notices.push(Notice::info(
                    "Progress imported and saved. The progress it replaced is in the backup file.",
                    Some(self.data_dir.join(crate::storage::BACKUP_FILE)),
                ));
            }
            DialogOutcome::Imported(Err(err)) => {
                self.notices
                    .push(Notice::error(format!("Import failed: {err}"), None));
            }
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

    /// Whether the learner's changes are saved, in a few words.
    pub fn status_ui(&self, ui: &mut Ui) {
        let text = if self.read_only.is_some() {
            "Read-only: changes are not saved"
        } else if self.save_error.is_some() {
            "Not saved"
        } else if self.saver.as_ref().is_some_and(Saver::has_unsaved_changes) {
            "Saving…"
        } else {
            "All changes saved"
        };
        ui.label(RichText::new(text).small().weak())
            .on_hover_text(self.data_dir.join(PROGRESS_FILE).display().to_string());
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
                "This clears every tick and note for this roadmap; your plan settings are \
                 kept. Undo (Ctrl+Z) brings them back while this window is open; to keep a \
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

    /// The messages about the learner's file, each dismissible but the save error.
    pub fn banners_ui(&mut self, ui: &mut Ui) {
        for (text, path) in self.launcher.failures() {
            self.notices.push(Notice::error(text, Some(path)));
        }
        if let Some(err) = &self.save_error {
            banner_ui(
                ui,
                &Banner {
                    level: NoticeLevel::Error,
                    text: &format!(
                        "Your last change could not be saved: {err}. The file on disk still \
                         holds your previous progress; saving is tried again on your next change."
                    ),
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

const OPEN_FOLDER: &str = "Open folder";
const COPY_PATH: &str = "Copy path";
