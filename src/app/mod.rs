//! The window. Thin UI over the pure modules: each part of the screen is one `*_ui` function,
//! and `StudyPlannerApp::ui` reads like a table of contents.

mod banner;
mod cards;
mod checklist;
mod command;
mod context;
mod export_ui;
mod frame_trace;
mod header;
mod icon;
mod idle_report;
mod launch;
mod lazy;
mod plan_breaks;
mod plan_cache;
mod plan_panel;
mod plan_views;
mod progress_strip;
mod roadmap_gate;
mod roadmap_menu;
mod roadmap_open;
mod roadmap_prefs;
mod roadmap_watch;
mod saving;
mod screenshot;
mod signals;
mod this_week;
mod timeline;
mod view;
mod weeks;
mod widgets;
mod window_file;

// Everyday comfort: find, undo, keyboard, appearance.
mod find_bar;
mod help;
mod prefs;
mod shortcuts;
mod theme;
mod toolbar;
mod ui_state;
mod undo;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::anyhow;

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::plan::Plan;
use crate::progress::RoadmapProgress;
use crate::roadmap::Roadmap;
pub use command::Command;
use command::CommandQueue;
use context::ViewContext;
pub use prefs::MemoryStorage;
pub use roadmap_gate::{
    DROP_HINT, GateSetup, OPEN_BUILT_IN_LABEL, RELOAD_LABEL, RoadmapGate, RoadmapProblem,
    SAVE_RON_LABEL, Wanted, load_roadmap_file,
};
pub use roadmap_menu::{BUILT_IN_LABEL, MENU_LABEL, OPEN_LABEL, recent_label};
pub use roadmap_open::{FileDialogs, NO_OPEN_DIALOG, OpenRequest, Picked};
pub use roadmap_prefs::{RECENT_LEN, RoadmapPrefs, RoadmapSource};
pub use saving::{
    CANCEL_CLOSE_LABEL, MAKE_EDITABLE_LABEL, NOW_EDITABLE_TEXT, RETRY_LABEL, SAVE_COPY_LABEL,
    STILL_OPEN_TEXT, StorageSetup, UNSAVED_HEADING, quit_label,
};
use screenshot::ScreenshotTask;
pub use view::View;
pub use window_file::{Repair, WINDOW_FILE, repair_window_file};

/// What the command line hands to the window.
#[derive(Clone)]
pub struct AppOptions {
    pub roadmap: Arc<Roadmap>,
    pub data_dir: PathBuf,
    /// The view asked for on the command line; `None` lets the window choose (see
    /// [`StudyPlannerApp::opening_view`]).
    pub view: Option<View>,
    /// Write a PNG of the settled window here, then exit.
    pub screenshot: Option<PathBuf>,
    /// Where "today" comes from: the system clock, or a pinned one tests move by hand.
    pub clock: Clock,
}

/// The whole app state.
pub struct StudyPlannerApp {
    roadmap: Arc<Roadmap>,
    /// The learner's progress, notes and plan for this roadmap.
    data: RoadmapProgress,
    /// Changes whenever `data` does (the plan memo's key).
    data_version: u64,
    view: View,
    /// The view the learner picked in this window, remembered for the next run.
    chosen_view: Option<View>,
    clock: Clock,
    /// Today by `clock`, read again at the start of every frame.
    today: NaiveDate,
    /// Collected while drawing, applied at the end of the frame.
    commands: CommandQueue,
    screenshot: Option<ScreenshotTask>,
    /// The session's undo and redo steps (of the learner's data, so the owner keeps them).
    history: undo::UndoHistory,
    /// Find, help and appearance.
    ui_state: ui_state::UiState,
    /// How many times the learner asked to print (Ctrl+P or the button) this session.
    print_requests: u32,
    /// The joined plan, memoized.
    plan_cache: plan_cache::PlanCache,
    /// What the timeline and week plan remember between frames.
    plan_views: plan_views::PlanViews,
    /// The stage whose card the cards view scrolls to (after a click on the timeline), until
    /// the scroll has settled.
    focus_stage: Option<String>,
    /// The background saver, banners about the learner's file, the progress menu.
    saving: saving::SavingState,
    /// Print and export: the job under way and its outcome.
    export: export_ui::ExportUi,
    /// The roadmap file being watched for changes, when the roadmap came from one.
    roadmap_watch: Option<roadmap_watch::RoadmapWatch>,
    /// Why the changed file on disk is not shown (the last good version stays on screen).
    roadmap_problem: Option<RoadmapProblem>,
    /// What the "Roadmap" menu shows; set by the window's owner ([`RoadmapGate`]), which does
    /// the switching (an app on its own has no menu).
    roadmap_menu: Option<roadmap_menu::RoadmapMenu>,
    /// Another roadmap the learner asked for this frame, for the owner to open.
    roadmap_request: Option<roadmap_open::OpenRequest>,
}

impl StudyPlannerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        Self::new_in(&cc.egui_ctx, cc.storage, options)
    }

    /// [`Self::new`] with another way to the disk (tests inject faults through it).
    pub fn with_storage(
        cc: &eframe::CreationContext<'_>,
        options: AppOptions,
        setup: StorageSetup,
    ) -> Self {
        Self::open(&cc.egui_ctx, cc.storage, options, setup)
    }

    /// The app on a running context (a roadmap that loaded after the window opened).
    pub fn new_in(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
    ) -> Self {
        Self::open(ctx, storage, options, StorageSetup::default())
    }

    fn open(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
        setup: StorageSetup,
    ) -> Self {
        // Reads one small file (progress.ron) here; every save after this is off this thread.
        let opened = crate::storage::ProgressStore::open_with(
            &options.data_dir,
            &options.roadmap.id,
            Arc::clone(&setup.fs),
        );
        Self::with_opened(ctx, storage, options, opened, setup)
    }

    /// The app on a data folder opened beforehand (the window opens it on another thread
    /// while eframe makes the window, so the UI thread never waits on the disk for it).
    fn with_opened(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
        opened: crate::storage::Opened,
        setup: StorageSetup,
    ) -> Self {
        widgets::install_style(ctx);
        let (saving, data) = saving::SavingState::from_opened(
            ctx,
            &options.data_dir,
            &options.roadmap.id,
            opened,
            setup,
        );
        // A screenshot must look the same everywhere: it ignores the remembered view.
        let remembered = if options.screenshot.is_some() {
            None
        } else {
            prefs::load_view(storage)
        };
        let asked = options.view;
        let mut app = Self {
            roadmap: options.roadmap,
            data,
            data_version: 0,
            saving,
            view: View::default(),
            chosen_view: None,
            today: options.clock.today(),
            clock: options.clock,
            commands: CommandQueue::default(),
            history: undo::UndoHistory::default(),
            ui_state: ui_state::UiState::new(ctx, storage, options.screenshot.is_some()),
            print_requests: 0,
            screenshot: options
                .screenshot
                .map(|path| ScreenshotTask::new(ctx, path)),
            plan_cache: plan_cache::PlanCache::default(),
            plan_views: plan_views::PlanViews::default(),
            focus_stage: None,
            export: export_ui::ExportUi::new(ctx, &options.data_dir),
            roadmap_watch: None,
            roadmap_problem: None,
            roadmap_menu: None,
            roadmap_request: None,
        };
        app.view = asked.unwrap_or_else(|| app.opening_view(remembered));
        app
    }

    /// The view a window opens on when the command line names none: "This week" while the
    /// learner is living the plan (they set a start date, it has come, and the plan's last
    /// day has not passed), otherwise the view they last chose (Phases at first).
    fn opening_view(&mut self, remembered: Option<View>) -> View {
        let plan = self.plan();
        let schedule = plan.schedule();
        let living_it = plan.settings().start.is_some()
            && (schedule.start..=schedule.finish).contains(&plan.today());
        if living_it {
            View::ThisWeek
        } else {
            remembered.unwrap_or_default()
        }
    }

    /// The app for another roadmap in this window, after this one's saver has been let go:
    /// its own progress, plan, undo history and (set by the owner) file watch, with this
    /// one's view, find box, help and appearance.
    fn successor(
        &mut self,
        ctx: &egui::Context,
        roadmap: Arc<Roadmap>,
        opened: crate::storage::Opened,
        setup: StorageSetup,
    ) -> Self {
        let options = AppOptions {
            roadmap,
            data_dir: self.saving.data_dir().to_owned(),
            view: Some(self.view),
            screenshot: None,
            clock: self.clock.clone(),
        };
        let mut next = Self::with_opened(ctx, None, options, opened, setup);
        next.ui_state =
            std::mem::replace(&mut self.ui_state, ui_state::UiState::new(ctx, None, true));
        next
    }

    /// Reloads the roadmap whenever `path` changes on disk (looked at every `interval`, on a
    /// background thread). A new version with the same id replaces the one on screen; a
    /// broken one (or one with another id) is reported and the last good version stays.
    pub fn watch_roadmap_file(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        interval: std::time::Duration,
    ) {
        self.roadmap_watch =
            roadmap_watch::RoadmapWatch::start(path, Arc::clone(&self.roadmap), ctx, interval);
    }

    /// Why the roadmap file's latest version is not shown, if it is not.
    pub fn roadmap_problem(&self) -> Option<&RoadmapProblem> {
        self.roadmap_problem.as_ref()
    }

    /// Shows `roadmap`, a new version of the one on screen (the same id), in its place: the
    /// learner's data, plan settings and undo history stay, the plan is joined again.
    fn show_new_version(&mut self, ctx: &egui::Context, roadmap: Arc<Roadmap>) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(&roadmap)));
        self.roadmap = roadmap;
        self.roadmap_problem = None;
    }

    fn follow_roadmap_file(&mut self, ctx: &egui::Context) {
        let Some(watch) = &self.roadmap_watch else {
            return;
        };
        let Some(result) = watch.poll() else {
            return;
        };
        match result {
            Ok(roadmap) if roadmap.id == self.roadmap.id => {
                self.show_new_version(ctx, Arc::new(roadmap));
            }
            Ok(roadmap) => {
                self.roadmap_problem = Some(RoadmapProblem {
                    path: watch.path().to_owned(),
                    message: format!(
                        "{}: the roadmap's id changed from \"{}\" to \"{}\"; progress is kept by id, so this window keeps showing \"{}\" — open the file again to switch",
                        watch.path().display(),
                        self.roadmap.id,
                        roadmap.id,
                        self.roadmap.id
                    ),
                    position: None,
                    excerpt: None,
                });
            }
            Err(problem) => self.roadmap_problem = Some(problem),
        }
    }

    /// The file changed but cannot be shown: what is wrong, where, and that the last good
    /// version is still on screen.
    fn roadmap_problem_ui(&mut self, ui: &mut egui::Ui) {
        let Some(problem) = &self.roadmap_problem else {
            return;
        };
        let mut dismissed = false;
        widgets::top_bar(ui, "roadmap-problem").show(ui, |ui| {
            let text = format!(
                "The roadmap file changed but cannot be shown; the last good version stays on screen. {}",
                problem.message
            );
            dismissed = banner::banner_ui(
                ui,
                &banner::Banner {
                    level: crate::storage::NoticeLevel::Error,
                    text: &text,
                    path: None,
                    actions: &[],
                    dismiss: Some("Dismiss the roadmap message"),
                },
            )
            .dismissed;
            if let Some(excerpt) = &problem.excerpt {
                ui.label(egui::RichText::new(excerpt).monospace());
            }
        });
        if dismissed {
            self.roadmap_problem = None;
        }
    }

    /// The date the plan treats as today.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Reads today again (the window stays open for months, past many midnights) and asks
    /// egui to wake the window just after the next midnight, once: an idle window draws
    /// nothing until then, and then shows the new day.
    fn follow_the_clock(&mut self, ctx: &egui::Context) {
        self.today = self.clock.today();
        ctx.request_repaint_after(self.clock.until_tomorrow());
    }

    /// The learner's data as it stands.
    pub fn data(&self) -> &RoadmapProgress {
        &self.data
    }

    /// Applies this frame's commands in order; the one place learner data changes. A
    /// read-only window refuses every command that would change the learner's data (and says
    /// so once): nothing it shows could be saved.
    fn apply_commands(&mut self) {
        let mut commands = self.commands.take();
        if !self.saving.editable() {
            let before = commands.len();
            commands.retain(|command| !command.changes_learner_data());
            if commands.len() < before {
                self.saving.refused_while_read_only();
            }
        }
        let undo_snapshot = undo::snapshot_before(&commands, &self.data);
        let mut data_changed = false;
        for command in commands {
            if command.changes_learner_data() {
                data_changed = true;
                // Before applying: a print asked for later in this frame sees the change.
                self.data_version += 1;
            }
            match command {
                Command::SetView(view) => {
                    self.view = view;
                    self.chosen_view = Some(view);
                }
                Command::Undo => self.history.undo_in(&mut self.data),
                Command::Redo => self.history.redo_in(&mut self.data),
                Command::Print => {
                    self.print_requests += 1;
                    self.start_export(export_ui::Target::Print);
                }
                Command::Export(format) => self.start_export(export_ui::Target::File(format)),
                Command::ExportWithoutDialog(format) => {
                    self.start_export(export_ui::Target::KnownFolder(format));
                }
                Command::SetItemState { item_id, state } => {
                    self.data.set_state(&item_id, state, self.today);
                }
                Command::ChooseIdea { idea_id } => self.data.choose_idea(idea_id.as_deref()),
                Command::SetItemNote { item_id, note } => self.data.set_note(&item_id, &note),
                Command::SetStageNote { stage_id, note } => {
                    self.data.set_stage_note(&stage_id, &note);
                }
                Command::ResetProgress => self.data.reset_progress(),
                Command::ImportProgress(progress) => self.data = *progress,
                Command::SetPlan(settings) => self.data.plan = *settings,
                Command::OpenStageCard(stage_id) => {
                    self.view = View::Cards;
                    self.focus_stage = Some(stage_id);
                }
                Command::OpenRoadmap(request) => self.roadmap_request = Some(request),
                Command::MakeEditable => self.saving.start_reopen(),
            }
        }
        if let Some(snapshot) = undo_snapshot {
            self.history.record(snapshot, &self.data);
        }
        if data_changed {
            self.on_data_changed();
        }
        self.adopt_reopened();
    }

    /// Once "Make this window editable" has reopened the data folder (see
    /// `SavingState::take_reopened`): the data it read replaces what this window showed,
    /// because the other window may have saved changes since this one opened. The undo
    /// history is cleared with it: a read-only window records no step (every edit is
    /// refused above), so nothing is lost, and a step from before could only undo the other
    /// window's changes without the learner seeing them go.
    fn adopt_reopened(&mut self) {
        let Some(progress) = self.saving.take_reopened() else {
            return;
        };
        self.data = progress;
        self.data_version += 1;
        self.history = undo::UndoHistory::default();
    }

    /// Whether "Make this window editable" is under way.
    pub fn reopening(&self) -> bool {
        self.saving.reopening()
    }

    /// Called once per frame in which the learner's data changed.
    fn on_data_changed(&mut self) {
        self.saving.save(&self.data);
    }

    /// The joined plan for the learner's data as it stands (memoized).
    pub fn plan(&mut self) -> Arc<Plan> {
        self.plan_cache
            .get(&self.roadmap, &self.data, self.data_version, self.today)
    }

    /// How many times a schedule has been computed since the app started.
    pub fn schedule_computations(&self) -> usize {
        self.plan_cache.computations()
    }

    /// Why this window does not save (another window has the data, or a newer version wrote
    /// it), if so.
    pub fn read_only(&self) -> Option<&crate::storage::ReadOnlyReason> {
        self.saving.read_only()
    }

    /// The messages about the learner's saved data currently shown.
    pub fn storage_notices(&self) -> &[crate::storage::Notice] {
        self.saving.notices()
    }

    /// Whether the dialog about unsaved changes is showing (closing after a failed save).
    pub fn close_dialog_open(&self) -> bool {
        self.saving.close_dialog_open()
    }

    /// How many times the learner asked to print this session (Ctrl+P or the menu).
    pub fn print_requests(&self) -> u32 {
        self.print_requests
    }

    /// Prints or exports the plan as it stands, in the background.
    fn start_export(&mut self, target: export_ui::Target) {
        let plan = self.plan();
        self.export.start(target, plan);
    }

    /// Replaces how the window opens files and folders: the printed PDF, "Open folder",
    /// "Open data folder" (tests pass a recorder, never a real viewer or file manager).
    pub fn set_opener(
        &mut self,
        opener: impl Fn(&std::path::Path) -> std::io::Result<()> + Send + Sync + 'static,
    ) {
        let opener: launch::Opener = Arc::new(opener);
        self.export.set_opener(Arc::clone(&opener));
        self.saving.set_opener(opener);
    }

    /// Says whether this system has a file dialog, and where "Export…" saves without one
    /// (tests; the window finds out itself).
    pub fn set_export_desktop(&mut self, file_dialog: bool, export_folder: &std::path::Path) {
        self.export.set_desktop(launch::Desktop {
            file_dialog,
            export_folder: launch::ExportFolder::Documents(export_folder.to_owned()),
        });
    }

    /// The message about the last print or export, and whether it is an error.
    pub fn export_message(&self) -> Option<(&str, bool)> {
        self.export
            .message()
            .map(|m| (m.text.as_str(), m.is_error()))
    }

    /// The file the last print or export wrote, as its message shows it.
    pub fn export_file(&self) -> Option<&std::path::Path> {
        self.export.message().and_then(|m| m.file.as_deref())
    }

    /// The view currently shown.
    pub fn view(&self) -> View {
        self.view
    }

    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }
}

impl eframe::App for StudyPlannerApp {
    /// Remembers theme and zoom (eframe also keeps the window size there).
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.ui_state.save(storage);
        if let (None, Some(view)) = (&self.screenshot, self.chosen_view) {
            prefs::store_view(storage, view);
        }
    }

    /// A screenshot run restores nothing and remembers nothing (see `run_native`).
    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }

    /// The panels are unfilled: the window's clear is their background (see `widgets::top_bar`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        widgets::clear_colour(visuals)
    }

    /// Pending progress is written before the window goes away.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.saving.flush();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.follow_the_clock(ui.ctx());
        self.follow_roadmap_file(ui.ctx());
        self.roadmap_problem_ui(ui);
        self.ui_state.begin_frame();
        self.history.begin_frame(ui.ctx());
        let plan = self.plan();
        let editable = self.saving.editable();
        self.plan_views.cancel_drag_on_escape(ui);
        shortcuts::shortcuts_ui(ui, &mut self.ui_state, &self.commands);
        header::header_ui(
            ui,
            &self.roadmap,
            self.view,
            &mut self.export,
            self.roadmap_menu.as_ref(),
            &self.commands,
        );
        self.export.status_ui(ui, &self.commands);
        // While the gate reads or switches to a roadmap, the data folder is not reopened: one
        // lock holder at a time.
        let switching = self.roadmap_menu.as_ref().is_some_and(|menu| menu.busy);
        progress_strip::progress_strip_ui(ui, &plan, &mut self.saving, switching, &self.commands);
        let undo = toolbar::UndoState {
            can_undo: editable && self.history.can_undo(),
            can_redo: editable && self.history.can_redo(),
        };
        let filter = toolbar::toolbar_ui(ui, &plan, undo, &mut self.ui_state, &self.commands);
        help::help_ui(ui, &mut self.ui_state);
        let cx = ViewContext::new(&plan, &filter, editable, &self.commands);
        widgets::central_panel_ui(ui, |ui| match self.view {
            View::ThisWeek => this_week::this_week_ui(ui, &cx),
            View::Cards => {
                // Kept while the scroll to it settles (see `lazy::scroll_block_to_top`).
                if !cards::cards_ui(ui, &cx, self.focus_stage.as_deref()) {
                    self.focus_stage = None;
                }
            }
            View::Timeline | View::Weeks => plan_views::plan_view_ui(
                ui,
                &cx,
                &plan,
                self.view,
                &mut self.plan_cache,
                &mut self.plan_views,
            ),
        });
        self.apply_commands();
        theme::focus_ring_ui(ui.ctx());
        if let Some(task) = &mut self.screenshot {
            task.on_frame(ui.ctx());
        }
    }
}

/// Opens the native window and blocks until it closes. With no roadmap named on the command
/// line, the one open last time reopens (the built-in one for a `--screenshot`).
pub fn run_native(options: AppOptions) -> anyhow::Result<()> {
    run_window(options, None, None)
}

/// Opens the window on a roadmap read from `path`, and reloads it when the file changes.
pub fn run_native_on_file(options: AppOptions, path: PathBuf) -> anyhow::Result<()> {
    run_window(options, None, Some(path))
}

/// Opens the window on the screen for a roadmap that did not load (see [`RoadmapGate`]);
/// `options` are what the app opens with once a roadmap loads.
pub fn run_native_broken(problem: RoadmapProblem, options: AppOptions) -> anyhow::Result<()> {
    run_window(options, Some(problem), None)
}

/// The window's title for `roadmap`: its title, then the app's name.
fn window_title(roadmap: &Roadmap) -> String {
    format!("{} — study-planner", roadmap.title)
}

fn run_window(
    options: AppOptions,
    broken: Option<RoadmapProblem>,
    source: Option<PathBuf>,
) -> anyhow::Result<()> {
    let screenshot = options.screenshot.is_some();
    let title = match &broken {
        Some(_) => "study-planner".to_owned(),
        None => window_title(&options.roadmap),
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id("study-planner")
        .with_inner_size([1180.0, 800.0])
        .with_min_inner_size([420.0, 320.0])
        // A roadmap file can be dropped on the window to open it.
        .with_drag_and_drop(true);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    // eframe's own state file: size, position, zoom. It is repaired before eframe trusts it;
    // a damaged one must never keep the window from opening.
    let window_state = options.data_dir.join(window_file::WINDOW_FILE);
    let window_repair = if screenshot {
        None
    } else {
        window_file::repair_notice(
            &window_file::repair_window_file(&window_state),
            &window_state,
        )
    };
    let native_options = eframe::NativeOptions {
        viewport,
        // A screenshot must look the same on every machine, whatever the learner last did: it
        // gets a state file that does not exist, and since it saves nothing (no window, no
        // egui memory, no preferences) none is ever written. Without a path eframe would read
        // and write `app.ron` in the OS data folder, outside `--data-dir`.
        persist_window: !screenshot,
        persistence_path: Some(if screenshot {
            options.data_dir.join(window_file::SCREENSHOT_STATE_FILE)
        } else {
            window_state.clone()
        }),
        // Dithering hides banding in gradients, and we draw none; without it every pixel costs
        // less to shade, which matters where there is no GPU (Mesa's llvmpipe, virtual machines).
        dithering: false,
        ..Default::default()
    };
    let idle = idle_report::requested()?;
    // Which roadmap: the named file, else (not for a screenshot) the one open last time.
    let wanted = move || match source {
        Some(path) => Wanted::Given(RoadmapSource::File(path)),
        None if screenshot => Wanted::Given(RoadmapSource::BuiltIn),
        None => Wanted::Remembered(RoadmapPrefs::from_window_file(&window_state)),
    };
    // Read the remembered roadmap, take the lock, clear killed saves' temporary files and
    // read progress.ron on a thread of its own while eframe makes the window and its GL
    // context (most of start-up): the two overlap on a second core, and the UI thread never
    // waits on the disk.
    let early = broken.is_none().then(|| {
        let options = options.clone();
        std::thread::Builder::new()
            .name("progress-open".to_owned())
            .spawn(move || roadmap_gate::open_start(&options, wanted(), &StorageSetup::default()))
    });
    let outcome = screenshot::Outcome::default();
    let app_outcome = outcome.clone();
    crate::startup_trace::mark("window requested");
    eframe::run_native(
        "study-planner",
        native_options,
        Box::new(move |cc| {
            crate::startup_trace::mark("window and GL context made");
            let setup = GateSetup::default();
            if let Some(problem) = broken {
                widgets::install_style(&cc.egui_ctx);
                // The learner's theme and zoom, as the app would apply them: a screen that
                // says what is wrong with a file should not also change how the window looks.
                prefs::UiPrefs::load(cc.storage).apply(&cc.egui_ctx);
                let gate: Box<dyn eframe::App> = Box::new(RoadmapGate::broken_with(
                    problem, options, cc.storage, setup,
                ));
                return Ok(gate);
            }
            let start = match early {
                Some(Ok(thread)) => thread.join().ok(),
                _ => None,
            };
            let mut gate = match start {
                Some(start) => {
                    RoadmapGate::started(&cc.egui_ctx, cc.storage, options, start, setup)
                }
                // No thread (it could not start): open here, as tests do.
                None => {
                    let wanted = if screenshot {
                        Wanted::Given(RoadmapSource::BuiltIn)
                    } else {
                        Wanted::Remembered(RoadmapPrefs::load(cc.storage))
                    };
                    RoadmapGate::new(&cc.egui_ctx, cc.storage, options, wanted, setup)
                }
            };
            if let Some(app) = gate.app_mut() {
                if let Some(notice) = window_repair {
                    app.saving.add_notice(notice);
                }
                if let Some(task) = &mut app.screenshot {
                    task.set_outcome(app_outcome);
                }
            }
            crate::startup_trace::mark("app created");
            let app: Box<dyn eframe::App> = Box::new(gate);
            Ok(match idle {
                Some(idle) => Box::new(idle_report::start(app, &cc.egui_ctx, idle)),
                None => app,
            })
        }),
    )
    .map_err(|err| anyhow!("cannot open the window: {err}"))?;
    crate::startup_trace::mark("window gone (app dropped, GL context destroyed)");
    outcome.result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{ItemState, PlanSettings};

    /// The real app on `data_dir`, without a window (for tests of the owner).
    pub(crate) fn app_on(data_dir: &std::path::Path) -> StudyPlannerApp {
        let cc = eframe::CreationContext::_new_kittest(egui::Context::default());
        let options = AppOptions {
            roadmap: Arc::new(crate::roadmap::embedded()),
            data_dir: data_dir.to_owned(),
            view: Some(View::Cards),
            screenshot: None,
            clock: NaiveDate::from_ymd_opt(2026, 11, 25).map_or_else(Clock::system, Clock::on),
        };
        StudyPlannerApp::new(&cc, options)
    }

    /// One command of every kind that changes the learner's data.
    fn every_change() -> Vec<Command> {
        let plan = PlanSettings {
            hours_per_week: Some(5.0),
            ..PlanSettings::default()
        };
        let mut imported = RoadmapProgress::default();
        imported.set_state("concurrency", ItemState::Done, NaiveDate::MIN);
        vec![
            Command::SetItemState {
                item_id: "advanced-oop".to_owned(),
                state: ItemState::Done,
            },
            Command::SetItemNote {
                item_id: "advanced-oop".to_owned(),
                note: "chapter 3".to_owned(),
            },
            Command::SetStageNote {
                stage_id: "backend".to_owned(),
                note: "where I left off".to_owned(),
            },
            Command::SetPlan(Box::new(plan)),
            Command::ChooseIdea {
                idea_id: Some("idea-dashboard".to_owned()),
            },
            Command::Undo,
            Command::ImportProgress(Box::new(imported)),
            Command::Redo,
            Command::Undo,
            Command::ResetProgress,
        ]
    }

    #[test]
    fn a_read_only_window_refuses_every_change_and_says_so_once() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut first = app_on(dir.path());
        let mut second = app_on(dir.path());
        assert!(
            second.read_only().is_some(),
            "the second window is read-only"
        );
        for command in every_change() {
            assert!(command.changes_learner_data(), "{command:?}");
            second.commands.push(command);
            second.apply_commands();
        }
        assert_eq!(second.data(), &RoadmapProgress::default());
        let refusals = second
            .storage_notices()
            .iter()
            .filter(|notice| notice.text.contains("not made"))
            .count();
        assert_eq!(refusals, 1);
        // Commands that change nothing saved still work.
        second.commands.push(Command::SetView(View::Weeks));
        second.apply_commands();
        assert_eq!(second.view(), View::Weeks);

        // The window that may save applies the same commands.
        for command in every_change().into_iter().take(4) {
            first.commands.push(command);
        }
        first.apply_commands();
        assert_eq!(first.data().state("advanced-oop"), ItemState::Done);
        assert_eq!(first.data().stage_note("backend"), "where I left off");
        assert_eq!(first.data().plan.hours_per_week, Some(5.0));
    }
}
