//! "Print…" and "Export…": the plan leaves the window as a file.
//!
//! Print writes the PDF into the data folder and opens it in the system's PDF viewer, whose
//! print dialog does the printing. Export asks where to save (a native dialog) and writes the
//! chosen format there; on a system with no file dialog it does what Print does and saves
//! into a known folder (Documents, else the data folder). Either way the message says where,
//! with "Open folder" and "Copy path". The bytes come from [`crate::export::export`], so they are exactly
//! what `study-planner export` writes. Building, writing and opening run on a background
//! thread; the window polls a channel every frame and is woken when a step finishes, so it
//! never waits on the disk or the viewer. Every outcome, good or bad, ends as a message under
//! the header: nothing fails silently.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Wake, Waker};

use egui::{RichText, Ui};

use super::banner::{Banner, banner_ui};
use super::command::{Command, CommandQueue};
use super::launch::{Desktop, ExportFolder, Launcher, Opened, Opener, failure_text};
use crate::export::{
    CalendarEvents, ExportFormat, ExportInput, Exported, Paper, export_described,
    suggested_file_name,
};
use crate::plan::Plan;
use crate::storage::NoticeLevel;

/// Accessible names of the header's buttons; tests click them.
pub const PRINT_LABEL: &str = "Print…";
pub const EXPORT_LABEL: &str = "Export…";
pub const DISMISS_LABEL: &str = "Dismiss export message";
pub const OPEN_FOLDER_LABEL: &str = "Open folder";
pub const COPY_PATH_LABEL: &str = "Copy path";

/// Where the file goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The PDF, into the data folder, then opened in the PDF viewer.
    Print,
    /// The format, to a place the learner picks (or into the known folder, when this
    /// system has no file dialog).
    File(ExportFormat),
    /// The format, into the known folder without asking (Documents, else the data folder).
    KnownFolder(ExportFormat),
}

/// A message under the header about the last print or export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub level: NoticeLevel,
    pub text: String,
    /// The file written: shown in full, and "Open folder" and "Copy path" act on it.
    pub file: Option<PathBuf>,
    /// The dialog closed without a file: offer to save this format into the known folder.
    pub offer_known_folder: Option<ExportFormat>,
}

impl Message {
    pub fn is_error(&self) -> bool {
        self.level == NoticeLevel::Error
    }
}

/// The work of one print or export, run on the background thread.
type Job = Box<dyn FnOnce(&Reports) + Send>;

/// What a job under way is doing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Working {
    pub text: String,
    /// Waiting on a person (a file dialog), not computing: no spinner and no repaints then,
    /// because an animation while the learner reads a dialog burns CPU for nothing.
    pub waiting_for_person: bool,
}

impl Working {
    fn computing(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            waiting_for_person: false,
        }
    }

    fn waiting(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            waiting_for_person: true,
        }
    }
}

/// Step reports from the background thread.
#[derive(Debug)]
enum Report {
    /// Still working; on what.
    Progress(Working),
    /// Finished: the last word.
    Done(Message),
}

/// State of printing and exporting: the paper, the job under way, the last message.
pub struct ExportUi {
    ctx: egui::Context,
    /// Where "Print…" writes its PDF (`<data dir>/printouts`).
    print_dir: PathBuf,
    pub paper: Paper,
    /// Calendar exports get an event for each week, not only for each phase.
    pub week_events: bool,
    /// Opens the printed PDF, and folders for "Open folder".
    launcher: Launcher,
    /// Whether a file dialog can appear, and where to save without one (looked up once, in
    /// the background; empty until then, when a dialog is assumed).
    desktop: Arc<OnceLock<Desktop>>,
    job: Option<Receiver<Report>>,
    /// What the job under way is doing (a spinner beside it only while computing).
    working: Option<Working>,
    message: Option<Message>,
}

impl ExportUi {
    pub fn new(ctx: &egui::Context, data_dir: &Path) -> Self {
        Self {
            ctx: ctx.clone(),
            print_dir: data_dir.join("printouts"),
            paper: Paper::from_locale(),
            week_events: true,
            launcher: Launcher::new(ctx),
            desktop: Desktop::detect_in_background(data_dir),
            job: None,
            working: None,
            message: None,
        }
    }

    /// Replaces the way files and folders are opened (tests).
    pub fn set_opener(&mut self, opener: Opener) {
        self.launcher.set_opener(opener);
    }

    /// Decides for this window whether a file dialog exists and where exports go without one
    /// (tests; the window looks it up itself).
    pub fn set_desktop(&mut self, desktop: Desktop) {
        let cell = OnceLock::new();
        let _ = cell.set(desktop);
        self.desktop = Arc::new(cell);
    }

    /// Whether a print or export is under way (the buttons wait until it ends).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Starts printing or exporting `plan` (as it was when the learner asked: shared, so the
    /// background thread builds the file while they keep ticking) in the background.
    pub fn start(&mut self, target: Target, plan: Arc<Plan>) {
        if self.busy() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = self.ctx.clone();
        let paper = self.paper;
        let events = if self.week_events {
            CalendarEvents::PhasesAndWeeks
        } else {
            CalendarEvents::Phases
        };
        let job: Job = match target {
            Target::Print => {
                let dir = self.print_dir.clone();
                let opener = self.launcher.opener();
                self.working = Some(Working::computing("Making the PDF…"));
                Box::new(move |reports| print(&plan, paper, &dir, &*opener, reports))
            }
            Target::KnownFolder(format) => self.known_folder_job(plan, (format, paper, events)),
            Target::File(format)
                if self
                    .desktop
                    .get()
                    .is_some_and(|desktop| !desktop.file_dialog) =>
            {
                self.known_folder_job(plan, (format, paper, events))
            }
            Target::File(format) => {
                // The dialog is created here, on the UI thread, as rfd recommends (macOS needs
                // it); the background thread only waits for the answer.
                let name = suggested_file_name(plan.roadmap(), format);
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title(format!("Export the plan as {}", format.label()))
                    .set_file_name(name)
                    .add_filter(format.label(), &[format.extension()])
                    .save_file();
                self.working = Some(Working::waiting("Waiting for a file name…"));
                Box::new(move |reports| {
                    let path = block_on(dialog).map(|handle| handle.path().to_owned());
                    save(&plan, (format, paper, events), path, reports);
                })
            }
        };
        let spawned = std::thread::Builder::new()
            .name("study-planner export".to_owned())
            .spawn(move || {
                let reports = Reports { sender, ctx };
                job(&reports);
                reports.ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.job = Some(receiver);
                self.message = None;
            }
            Err(err) => {
                self.working = None;
                self.message = Some(error(format!("Cannot start exporting: {err}")));
            }
        }
    }

    /// Saves `format` into the known folder (no dialog): Documents, else the data folder.
    fn known_folder_job(
        &mut self,
        plan: Arc<Plan>,
        what: (ExportFormat, Paper, CalendarEvents),
    ) -> Job {
        let desktop = Arc::clone(&self.desktop);
        let data_dir = self
            .print_dir
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default();
        self.working = Some(Working::computing("Saving…"));
        Box::new(move |reports| {
            let folder = desktop.get().map_or_else(
                || ExportFolder::find(&data_dir),
                |d| d.export_folder.clone(),
            );
            save_in_known_folder(&plan, what, &folder, reports);
        })
    }

    /// Takes what the background thread reported since the last frame.
    pub fn poll(&mut self) {
        if let Some((text, path)) = self.launcher.failures().pop() {
            self.message = Some(Message {
                file: Some(path),
                ..error(text)
            });
        }
        let Some(receiver) = &self.job else {
            return;
        };
        loop {
            match receiver.try_recv() {
                Ok(Report::Progress(text)) => self.working = Some(text),
                Ok(Report::Done(message)) => {
                    self.message = Some(message);
                    self.working = None;
                    self.job = None;
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    // The thread ended without a last word: it panicked.
                    self.message = Some(error(
                        "Exporting stopped unexpectedly; nothing more was written.".to_owned(),
                    ));
                    self.working = None;
                    self.job = None;
                    return;
                }
            }
        }
    }

    /// The line under the header: a spinner while working, then the outcome.
    pub fn status_ui(&mut self, ui: &mut Ui, commands: &CommandQueue) {
        self.poll();
        if self.working.is_none() && self.message.is_none() {
            return;
        }
        let mut clicked = MessageClick::None;
        super::widgets::top_bar(ui, "export-status").show(ui, |ui| {
            ui.vertical(|ui| {
                if let Some(working) = &self.working {
                    // egui's spinner repaints itself every frame: only while computing.
                    if !working.waiting_for_person {
                        ui.spinner();
                    }
                    ui.label(&working.text);
                } else if let Some(message) = &self.message {
                    clicked = message_ui(ui, message);
                }
            });
        });
        self.on_message_click(ui.ctx(), clicked, commands);
        // The thread wakes the window with each report and when it finishes; the only
        // repaints asked for here keep a spinner turning while the job computes.
        if self
            .working
            .as_ref()
            .is_some_and(|working| !working.waiting_for_person)
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

/// What the learner clicked on the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MessageClick {
    None,
    Dismiss,
    OpenFolder,
    CopyPath,
    SaveInKnownFolder(ExportFormat),
}

impl ExportUi {
    fn on_message_click(
        &mut self,
        ctx: &egui::Context,
        clicked: MessageClick,
        commands: &CommandQueue,
    ) {
        let file = self.message.as_ref().and_then(|m| m.file.clone());
        match clicked {
            MessageClick::None => {}
            MessageClick::Dismiss => self.message = None,
            MessageClick::OpenFolder => {
                if let Some(file) = file {
                    self.launcher.open(Opened::Folder, file);
                }
            }
            MessageClick::CopyPath => {
                if let Some(file) = file {
                    ctx.copy_text(file.display().to_string());
                }
            }
            MessageClick::SaveInKnownFolder(format) => {
                commands.push(Command::ExportWithoutDialog(format));
            }
        }
    }
}

/// The last print's or export's outcome, in the window's one banner style.
fn message_ui(ui: &mut Ui, message: &Message) -> MessageClick {
    let save_label;
    let mut actions: Vec<&str> = Vec::new();
    if message.file.is_some() {
        actions.extend([OPEN_FOLDER_LABEL, COPY_PATH_LABEL]);
    }
    if message.offer_known_folder.is_some() {
        save_label = "Save without a dialog".to_owned();
        actions.push(&save_label);
    }
    let response = banner_ui(
        ui,
        &Banner {
            level: message.level,
            text: &message.text,
            path: message.file.as_deref(),
            actions: &actions,
            dismiss: Some(DISMISS_LABEL),
        },
    );
    if response.dismissed {
        return MessageClick::Dismiss;
    }
    match response
        .action
        .and_then(|index| actions.get(index).copied())
    {
        Some(OPEN_FOLDER_LABEL) => MessageClick::OpenFolder,
        Some(COPY_PATH_LABEL) => MessageClick::CopyPath,
        Some(_) => message
            .offer_known_folder
            .map_or(MessageClick::None, MessageClick::SaveInKnownFolder),
        None => MessageClick::None,
    }
}

/// "Print…" and "Export…" for the header. Export's menu lists the formats and the paper size.
pub fn export_buttons_ui(ui: &mut Ui, export_ui: &mut ExportUi, commands: &CommandQueue) {
    let enabled = !export_ui.busy();
    let print = ui
        .add_enabled(enabled, egui::Button::new(PRINT_LABEL))
        .on_hover_text("Open the plan as a PDF in your viewer, to print it (Ctrl+P)");
    if print.clicked() {
        commands.push(Command::Print);
    }
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(EXPORT_LABEL, |ui| {
            for format in ExportFormat::ALL {
                if ui.button(format!("{}…", format.label())).clicked() {
                    commands.push(Command::Export(format));
                    ui.close();
                }
            }
            ui.separator();
            ui.label(RichText::new("PDF paper size").weak());
            for paper in Paper::ALL {
                ui.radio_value(&mut export_ui.paper, paper, paper.label());
            }
            ui.separator();
            ui.checkbox(
                &mut export_ui.week_events,
                "Calendar: an event for each week",
            );
        })
        .response
        .on_hover_text("Save the plan as PDF, iCalendar, Markdown or CSV");
    });
}

/// The background thread's line to the window: a report, and a wake-up so it shows at once.
struct Reports {
    sender: Sender<Report>,
    ctx: egui::Context,
}

fn report(reports: &Reports, report: Report) {
    // The window may have closed; then nobody needs to hear.
    let _ = reports.sender.send(report);
    // Wake the window so the new status shows (and a spinner starts or stops) at once: the
    // window asks for no repaints of its own while the job waits on a person.
    reports.ctx.request_repaint();
}

fn error(text: String) -> Message {
    Message {
        level: NoticeLevel::Error,
        text,
        file: None,
        offer_known_folder: None,
    }
}

fn info(text: String) -> Message {
    Message {
        level: NoticeLevel::Info,
        ..error(text)
    }
}

/// A file written at `path`: "Open folder" and "Copy path" act on it.
fn saved(text: String, path: &Path) -> Message {
    Message {
        file: Some(path.to_owned()),
        ..info(text)
    }
}

fn build(
    plan: &Plan,
    format: ExportFormat,
    paper: Paper,
    events: CalendarEvents,
) -> Result<Exported, String> {
    let input = ExportInput { plan, paper };
    export_described(format, &input, events).map_err(|err| format!("Cannot make the file: {err}"))
}

/// Writes the PDF into `dir` and opens it in the viewer.
fn print(
    plan: &Plan,
    paper: Paper,
    dir: &Path,
    opener: &(dyn Fn(&Path) -> std::io::Result<()> + Send + Sync),
    reports: &Reports,
) {
    let path = dir.join(suggested_file_name(plan.roadmap(), ExportFormat::Pdf));
    let written =
        build(plan, ExportFormat::Pdf, paper, CalendarEvents::default()).and_then(|exported| {
            std::fs::create_dir_all(dir).map_err(|err| {
                format!(
                    "Cannot make the folder for the PDF ({err}): {}",
                    dir.display()
                )
            })?;
            write(&path, &exported.bytes)
        });
    if let Err(text) = written {
        // The usual cause on Windows: the last printout is still open in the viewer.
        let text = if path.exists() {
            format!(
                "{text}\nIf the last printout is still open in a PDF viewer, close it and try again."
            )
        } else {
            text
        };
        report(reports, Report::Done(error(text)));
        return;
    }
    report(
        reports,
        Report::Progress(Working::computing("Opening the PDF viewer…")),
    );
    let outcome = match opener(&path) {
        Ok(()) => saved(
            "The plan is open in your PDF viewer; print it from there. It is saved at:".to_owned(),
            &path,
        ),
        Err(err) => Message {
            level: NoticeLevel::Error,
            ..saved(failure_text(Opened::Pdf, &err), &path)
        },
    };
    report(reports, Report::Done(outcome));
}

/// Writes `format` to the path the learner chose (`None`: they chose none).
fn save(
    plan: &Plan,
    (format, paper, events): (ExportFormat, Paper, CalendarEvents),
    path: Option<PathBuf>,
    reports: &Reports,
) {
    let Some(path) = path else {
        // rfd returns "no file" both when the learner cancels and when a dialog that should
        // exist failed to appear: say so, and offer the way that needs no dialog.
        let text = "No file was chosen, so nothing was saved. If no dialog appeared, save \
                    without one: the file goes into your Documents folder."
            .to_owned();
        let message = Message {
            offer_known_folder: Some(format),
            ..info(text)
        };
        report(reports, Report::Done(message));
        return;
    };
    report(
        reports,
        Report::Progress(Working::computing(format!("Writing {}…", path.display()))),
    );
    let outcome = build(plan, format, paper, events)
        .and_then(|exported| {
            write(&path, &exported.bytes)?;
            Ok(exported.contents)
        })
        .map_or_else(error, |contents| {
            saved(format!("Saved {contents} at:"), &path)
        });
    report(reports, Report::Done(outcome));
}

/// Writes `format` into `folder` under its suggested name, for a system with no file dialog.
fn save_in_known_folder(
    plan: &Plan,
    (format, paper, events): (ExportFormat, Paper, CalendarEvents),
    folder: &ExportFolder,
    reports: &Reports,
) {
    let dir = folder.path();
    let path = dir.join(suggested_file_name(plan.roadmap(), format));
    let outcome = build(plan, format, paper, events)
        .and_then(|exported| {
            std::fs::create_dir_all(dir)
                .map_err(|err| format!("Cannot make the folder ({err}): {}", dir.display()))?;
            write(&path, &exported.bytes)?;
            Ok(exported.contents)
        })
        .map_or_else(error, |contents| {
            saved(
                format!(
                    "There is no file dialog on this system, so the plan ({contents}) was \
                     saved in {}:",
                    folder.words()
                ),
                &path,
            )
        });
    report(reports, Report::Done(outcome));
}

/// Atomic: a half-written file never replaces a good one.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::storage::atomic_write(&crate::storage::RealFs, path, bytes)
        .map_err(|err| format!("Cannot write the file ({}): {}", err.source, path.display()))
}

/// Runs a future to completion on this thread (rfd's dialog future; no runtime needed).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{ExportUi, Report, Working};

    /// How long after this pass the status line asks to be drawn again (`MAX`: never).
    fn repaint_delay_with(working: Working) -> Duration {
        let ctx = egui::Context::default();
        let mut export = ExportUi::new(&ctx, std::path::Path::new("unused"));
        // A job under way that has not reported yet: its sender stays alive for the pass.
        let (_sender, receiver) = std::sync::mpsc::channel::<Report>();
        export.job = Some(receiver);
        export.working = Some(working);
        // A few passes: the first ones repaint for egui's own start-up (layout settling).
        let mut delay = Duration::ZERO;
        for _ in 0..5 {
            let output = ctx.run_ui(egui::RawInput::default(), |ui| {
                export.status_ui(ui, &super::CommandQueue::default());
            });
            delay = output
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .map_or(Duration::MAX, |viewport| viewport.repaint_delay);
            output.drop_without_applying_deltas();
        }
        delay
    }

    #[test]
    fn waiting_for_a_dialog_asks_for_no_repaints() {
        let delay = repaint_delay_with(Working::waiting("Waiting for a file name…"));
        assert_eq!(delay, Duration::MAX, "an idle wait must not animate");
    }

    #[test]
    fn computing_keeps_the_spinner_turning() {
        let delay = repaint_delay_with(Working::computing("Making the PDF…"));
        assert!(delay <= Duration::from_millis(100), "delay was {delay:?}");
    }
}
