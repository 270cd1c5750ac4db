//! The window's owner: it holds the roadmap on screen (the real [`StudyPlannerApp`]) or the
//! screen for a roadmap that does not load, and it is the one place that switches roadmaps.
//!
//! A roadmap that does not load at start is a screen, not an exit: the file, the line and
//! column, the line itself with a caret under the mistake, what was expected, and "Reload"
//! (after fixing it in an editor), "Open another…" and "Open the built-in roadmap".
//!
//! Switching ("Roadmap" menu, Ctrl+O, a file dropped on the window) goes: read and check the
//! file on a thread; write the old roadmap's pending changes (if that fails, nothing
//! switches, and the window says so); let the old saver go, which releases the data folder's
//! lock, and open the learner's data for the new roadmap, on a thread; then a fresh
//! [`StudyPlannerApp`] (its own progress, plan, undo history and file watch) takes the old
//! one's place, keeping the view, find box and appearance. A read-only window opens the new
//! roadmap read-only too, because the lock is still another window's.
//!
//! A broken file chosen while a roadmap is open does not replace it: the roadmap stays on
//! screen and the problem is shown above it, with the line and caret, and "Reload", which
//! reads the file again and switches to it as an open does once it loads; the file is also
//! kept under Recent if it is named like a roadmap (`.ron`, `.md`, `.txt`: not a PDF dropped
//! by mistake). A learner who picked the wrong file, or one with a typo, loses nothing
//! and can fix it and open it again; an error screen in its place would take away the roadmap
//! they were working in.
//!
//! "Save as .ron…" for an imported Markdown or text roadmap does not switch: the roadmap on
//! screen keeps its id, so the app stays (its progress, plan and undo history) and only its
//! source moves to the new file (the watch, the last roadmap, Recent).
//!
//! No disk I/O here on the UI thread: files, dialogs and the progress store are all opened
//! on threads, which wake the window when they are done.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use egui::{RichText, Ui};

use super::banner::{Banner, banner_ui};
use super::roadmap_menu::RoadmapMenu;
use super::roadmap_open::{
    self, FileDialogs, LoadOutcome, Loaded, OpenRequest, SaveRonOutcome, SavedRon, SystemDialogs,
};
use super::roadmap_prefs::{RoadmapPrefs, RoadmapSource};
use super::saving::{StorageSetup, open_on_thread};
use super::{AppOptions, StudyPlannerApp};
use crate::import::{self, SourceKind};
use crate::roadmap::{self, Roadmap};
use crate::startup_trace;
use crate::storage::{Notice, NoticeLevel, Opened, ProgressStore, Saver};

/// Why a roadmap file could not be opened, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoadmapProblem {
    pub path: PathBuf,
    /// `FILE:LINE:COL: message`.
    pub message: String,
    pub position: Option<(usize, usize)>,
    /// The offending line with a caret under the column (see [`roadmap::excerpt`]).
    pub excerpt: Option<String>,
}

impl std::fmt::Display for RoadmapProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)
    }
}

/// Whether `path` is named like a roadmap: `.ron`, or a `.md`/`.txt` to import. Only such a
/// file goes under Recent when it does not load (a PDF dropped by mistake must not push the
/// learner's roadmaps off the short list).
pub fn is_roadmap_file(path: &Path) -> bool {
    SourceKind::of_path(path).is_some()
        || path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"))
}

/// Reads a roadmap: `.ron`, or `.md`/`.txt` imported in memory. Blocks on the disk: call it
/// from the command line or a background thread.
pub fn load_roadmap_file(path: &Path) -> Result<Roadmap, RoadmapProblem> {
    if SourceKind::of_path(path).is_some() {
        return import::read_file(path)
            .map(|imported| imported.roadmap)
            .map_err(|err| RoadmapProblem {
                path: path.to_owned(),
                message: err.to_string(),
                position: err.line.map(|line| (line, 1)),
                excerpt: None,
            });
    }
    roadmap::read_roadmap_file(path).map_err(|err| {
        let excerpt = err.position.and_then(|position| {
            let bytes = std::fs::read(path).ok()?;
            roadmap::excerpt(&String::from_utf8_lossy(&bytes), position)
        });
        RoadmapProblem {
            path: path.to_owned(),
            message: err.to_string(),
            position: err.position,
            excerpt,
        }
    })
}

/// How the window reaches the disk and the desktop; tests replace the parts they drive.
#[derive(Clone)]
pub struct GateSetup {
    pub storage: StorageSetup,
    /// "Open roadmap…" and "Save as .ron…".
    pub dialogs: Arc<dyn FileDialogs>,
    /// How often an open roadmap file is looked at for changes.
    pub watch_interval: Duration,
}

impl Default for GateSetup {
    fn default() -> Self {
        Self {
            storage: StorageSetup::default(),
            dialogs: Arc::new(SystemDialogs),
            watch_interval: super::roadmap_watch::POLL_INTERVAL,
        }
    }
}

/// Which roadmap the window opens with.
pub enum Wanted {
    /// The one the command line named (`options.roadmap`, read from this file), or the
    /// built-in one.
    Given(RoadmapSource),
    /// The one open last time, if it still opens; else the built-in one.
    Remembered(RoadmapPrefs),
}

/// The roadmap the window opens with and its learner data, opened together (see
/// [`open_start`]).
pub struct Start {
    source: RoadmapSource,
    roadmap: Arc<Roadmap>,
    opened: Opened,
    /// Why the remembered roadmap is not the one open.
    notice: Option<Notice>,
}

/// Decides the roadmap to open with and opens its learner data (the lock, progress.ron).
/// Blocks on the disk: the window calls it on its `progress-open` thread, tests on theirs.
pub fn open_start(options: &AppOptions, wanted: Wanted, storage: &StorageSetup) -> Start {
    let (source, roadmap, notice) = match wanted {
        Wanted::Given(RoadmapSource::File(path)) => {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            (
                RoadmapSource::File(path),
                Arc::clone(&options.roadmap),
                None,
            )
        }
        Wanted::Given(RoadmapSource::BuiltIn) => {
            (RoadmapSource::BuiltIn, Arc::clone(&options.roadmap), None)
        }
        Wanted::Remembered(prefs) => match prefs.last {
            Some(RoadmapSource::File(path)) => remembered(&path),
            _ => (RoadmapSource::BuiltIn, Arc::new(roadmap::embedded()), None),
        },
    };
    let opened = ProgressStore::open_with(&options.data_dir, &roadmap.id, Arc::clone(&storage.fs));
    startup_trace::mark("learner's data read (progress-open thread)");
    Start {
        source,
        roadmap,
        opened,
        notice,
    }
}

/// The roadmap open last time, or the built-in one and why not.
fn remembered(path: &Path) -> (RoadmapSource, Arc<Roadmap>, Option<Notice>) {
    let why = match roadmap_open::load(&RoadmapSource::File(path.to_owned())) {
        LoadOutcome::Loaded(loaded) => return (loaded.source, loaded.roadmap, None),
        LoadOutcome::Missing(_) => "is not there any more".to_owned(),
        LoadOutcome::Broken(problem) => format!("cannot be opened ({})", problem.message),
        LoadOutcome::NoDialog | LoadOutcome::Cancelled => "cannot be opened".to_owned(),
    };
    let notice = Notice::warning(
        format!(
            "The roadmap you had open last time {why}, so the built-in roadmap is open. Open \
             it again from the Roadmap menu once it is back:"
        ),
        Some(path.to_owned()),
    );
    (
        RoadmapSource::BuiltIn,
        Arc::new(roadmap::embedded()),
        Some(notice),
    )
}

/// What the window holds: the screen for a roadmap that did not load, or the app. A gate is
/// built around one of them ([`RoadmapGate::with_gate`]), never around a stand-in.
enum Gate {
    Broken(RoadmapProblem),
    Open(Box<StudyPlannerApp>),
}

/// A switch to another roadmap, under way.
enum Switch {
    /// The old roadmap's last changes are being written; `failures` is how many saves had
    /// failed when that began.
    Flushing { next: Box<Loaded>, failures: u64 },
    /// The old saver is let go and the new roadmap's data opened, on a thread.
    Opening {
        next: Box<Loaded>,
        opened: Receiver<Opened>,
    },
}

/// A message of the owner's, above the roadmap (with the line and caret for a broken file).
struct GateNotice {
    notice: Notice,
    excerpt: Option<String>,
    /// The broken file this is about, offered again with "Reload".
    reload: Option<PathBuf>,
}

/// The window: the roadmap on screen (or the screen for one that does not load), and the
/// switching between roadmaps.
pub struct RoadmapGate {
    gate: Gate,
    /// What a new app opens with: the data folder, the clock, the first view (its roadmap is
    /// replaced each time).
    options: AppOptions,
    setup: GateSetup,
    /// Recent files and the last roadmap, remembered in eframe's storage.
    prefs: RoadmapPrefs,
    /// Whether `prefs` are written back (not in a `--screenshot` run).
    remember: bool,
    /// Where the roadmap on screen came from.
    current: Option<RoadmapSource>,
    /// A dialog or a file being read on a thread.
    loading: Option<Receiver<LoadOutcome>>,
    switch: Option<Switch>,
    notices: Vec<GateNotice>,
    /// The Markdown or text file on screen, imported as it opened: "Save as .ron…" is offered.
    imported: Option<PathBuf>,
    /// "Save as .ron…" under way: the imported file it started from, and the answer to come.
    saving_ron: Option<(PathBuf, Receiver<SaveRonOutcome>)>,
}

impl RoadmapGate {
    /// The screen for `problem`; `options` are what the app opens with once a roadmap loads.
    pub fn broken(problem: RoadmapProblem, options: AppOptions) -> Self {
        Self::broken_with(problem, options, None, GateSetup::default())
    }

    /// [`Self::broken`] with the remembered recent files and other ways to the disk.
    pub fn broken_with(
        problem: RoadmapProblem,
        options: AppOptions,
        storage: Option<&dyn eframe::Storage>,
        setup: GateSetup,
    ) -> Self {
        Self::with_gate(Gate::Broken(problem), options, storage, setup)
    }

    /// The window on `wanted`, its data opened on the calling thread (tests; the window
    /// opens it on a thread of its own and calls [`Self::started`]).
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
        wanted: Wanted,
        setup: GateSetup,
    ) -> Self {
        let start = open_start(&options, wanted, &setup.storage);
        Self::started(ctx, storage, options, start, setup)
    }

    /// The window on what [`open_start`] opened.
    pub fn started(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
        start: Start,
        setup: GateSetup,
    ) -> Self {
        let app_options = AppOptions {
            roadmap: start.roadmap,
            ..options.clone()
        };
        let mut app = StudyPlannerApp::with_opened(
            ctx,
            storage,
            app_options,
            start.opened,
            setup.storage.clone(),
        );
        if let Some(notice) = start.notice {
            app.saving.add_notice(notice);
        }
        let watch = remembers(&options).then_some(setup.watch_interval);
        welcome(ctx, &mut app, &start.source, watch);
        let mut gate = Self::with_gate(Gate::Open(Box::new(app)), options, storage, setup);
        gate.opened(start.source);
        gate
    }

    /// The one constructor: the window holding `gate`, nothing under way yet.
    fn with_gate(
        gate: Gate,
        options: AppOptions,
        storage: Option<&dyn eframe::Storage>,
        setup: GateSetup,
    ) -> Self {
        let remember = remembers(&options);
        Self {
            gate,
            prefs: if remember {
                RoadmapPrefs::load(storage)
            } else {
                RoadmapPrefs::default()
            },
            remember,
            options,
            setup,
            current: None,
            loading: None,
            switch: None,
            notices: Vec::new(),
            imported: None,
            saving_ron: None,
        }
    }

    /// The problem on screen, if the roadmap is still broken.
    pub fn problem(&self) -> Option<&RoadmapProblem> {
        match &self.gate {
            Gate::Broken(problem) => Some(problem),
            Gate::Open(_) => None,
        }
    }

    /// The app, once a roadmap has loaded.
    pub fn app(&self) -> Option<&StudyPlannerApp> {
        match &self.gate {
            Gate::Open(app) => Some(app),
            Gate::Broken(_) => None,
        }
    }

    /// The app, to change it before the first frame (the window adds notices to it).
    pub fn app_mut(&mut self) -> Option<&mut StudyPlannerApp> {
        match &mut self.gate {
            Gate::Open(app) => Some(app),
            Gate::Broken(_) => None,
        }
    }

    /// Where the roadmap on screen came from.
    pub fn source(&self) -> Option<&RoadmapSource> {
        self.current.as_ref()
    }

    /// The recent files, most recent first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.prefs.recent
    }

    /// The owner's messages shown above the roadmap, oldest first.
    pub fn messages(&self) -> Vec<&str> {
        self.notices
            .iter()
            .map(|n| n.notice.text.as_str())
            .collect()
    }

    /// Whether a roadmap is being read or switched to, or the data folder reopened ("Make
    /// this window editable"): one thing at a time opens the data folder.
    pub fn busy(&self) -> bool {
        self.loading.is_some()
            || self.switch.is_some()
            || matches!(&self.gate, Gate::Open(app) if app.reopening())
    }

    /// Opens what the learner asked for: a dialog and the file are read on a thread.
    pub fn request(&mut self, ctx: &egui::Context, request: OpenRequest) {
        if self.busy() {
            return;
        }
        match roadmap_open::start(ctx, &self.setup.dialogs, request) {
            Some(rx) => self.loading = Some(rx),
            None => self.say(Notice::error(
                "Cannot start reading the roadmap (the system would not start a thread).",
                None,
            )),
        }
        self.refresh_menu();
    }

    fn say(&mut self, notice: Notice) {
        self.notices.push(GateNotice {
            notice,
            excerpt: None,
            reload: None,
        });
    }

    /// Makes `app` the roadmap on screen.
    fn install(&mut self, ctx: &egui::Context, mut app: StudyPlannerApp, source: RoadmapSource) {
        let watch = self.remember.then_some(self.setup.watch_interval);
        welcome(ctx, &mut app, &source, watch);
        self.gate = Gate::Open(Box::new(app));
        self.opened(source);
    }

    /// Records that the roadmap on screen now comes from `source`: the "Save as .ron…" offer
    /// for an imported file, the last and recent roadmaps, the menu.
    fn opened(&mut self, source: RoadmapSource) {
        self.imported = source
            .path()
            .filter(|path| SourceKind::of_path(path).is_some())
            .map(Path::to_owned);
        self.prefs.opened(&source);
        self.current = Some(source);
        self.refresh_menu();
    }

    /// Tells the app what the Roadmap menu shows (after a change, not every frame).
    fn refresh_menu(&mut self) {
        let busy = self.busy();
        if let Gate::Open(app) = &mut self.gate {
            app.roadmap_menu = Some(RoadmapMenu {
                recent: self.prefs.recent.clone(),
                current: self.current.clone(),
                busy,
            });
        }
    }

    /// Picks up what the reading thread answered. While "Make this window editable" is
    /// reopening the data folder, the answer waits in its channel: a switch started now
    /// would race the reopen for the lock. `gate_ui` wakes the window once the reopen settles.
    fn poll_loading(&mut self, ctx: &egui::Context) {
        if matches!(&self.gate, Gate::Open(app) if app.reopening()) {
            return;
        }
        let outcome = match self.loading.as_ref().map(Receiver::try_recv) {
            Some(Ok(outcome)) => outcome,
            Some(Err(mpsc::TryRecvError::Disconnected)) => LoadOutcome::Cancelled,
            _ => return,
        };
        self.loading = None;
        match outcome {
            LoadOutcome::Loaded(loaded) => self.begin_switch(ctx, loaded),
            LoadOutcome::Broken(problem) => self.show_broken(problem),
            LoadOutcome::Missing(path) => {
                self.prefs.forget(&path);
                self.notices
                    .retain(|notice| notice.reload.as_ref() != Some(&path));
                let text = "That roadmap file is not there any more (moved, renamed or \
                            deleted?); it was taken off Recent:";
                match &mut self.gate {
                    Gate::Broken(problem) => {
                        *problem = RoadmapProblem {
                            message: format!("{}: the file is not there", path.display()),
                            path: path.clone(),
                            position: None,
                            excerpt: None,
                        };
                    }
                    Gate::Open(_) => self.say(Notice::warning(text, Some(path))),
                }
            }
            LoadOutcome::NoDialog => self.say(Notice::warning(roadmap_open::NO_OPEN_DIALOG, None)),
            LoadOutcome::Cancelled => {}
        }
        self.refresh_menu();
    }

    /// A broken file: the error screen when no roadmap is open, else a message above the
    /// roadmap that stays (see the module docs for why), with "Reload" for after the fix.
    /// Either way a file named like a roadmap stays under Recent, to be picked again.
    fn show_broken(&mut self, problem: RoadmapProblem) {
        let listed = is_roadmap_file(&problem.path);
        if listed {
            self.prefs.listed(&problem.path);
        }
        let Gate::Open(app) = &self.gate else {
            self.gate = Gate::Broken(problem);
            return;
        };
        let place = problem.position.map_or_else(String::new, |(line, col)| {
            format!(" (line {line}, column {col})")
        });
        let recent = if listed {
            " (it is under Recent too)"
        } else {
            ""
        };
        let text = format!(
            "That roadmap cannot be opened{place}, so \u{201c}{}\u{201d} stays open. Fix the \
             file and press {RELOAD_LABEL}{recent}. {}",
            app.roadmap().title,
            problem.message
        );
        // A reload that finds a new mistake replaces what was said about the old one.
        self.notices
            .retain(|notice| notice.reload.as_ref() != Some(&problem.path));
        self.notices.push(GateNotice {
            notice: Notice::error(text, None),
            excerpt: problem.excerpt,
            reload: Some(problem.path),
        });
    }

    /// Starts switching to `next`: the old roadmap's pending changes are written first.
    fn begin_switch(&mut self, ctx: &egui::Context, next: Box<Loaded>) {
        match &mut self.gate {
            Gate::Open(app) if app.saving.has_unsaved_changes() => {
                app.saving.save_now();
                self.switch = Some(Switch::Flushing {
                    next,
                    failures: app.saving.save_failures(),
                });
            }
            Gate::Open(app) => {
                let saver = app.saving.take_saver();
                self.start_opening(ctx, next, saver);
            }
            Gate::Broken(_) => self.start_opening(ctx, next, None),
        }
    }

    /// Lets the old saver go (its thread ends and the lock with it) and opens the new
    /// roadmap's data, in that order, on a thread.
    fn start_opening(&mut self, ctx: &egui::Context, next: Box<Loaded>, old: Option<Saver>) {
        let opened = open_on_thread(
            ctx,
            self.options.data_dir.clone(),
            next.roadmap.id.clone(),
            Arc::clone(&self.setup.storage.fs),
            old,
        );
        self.switch = Some(Switch::Opening { next, opened });
    }

    /// Moves a switch under way along.
    fn poll_switch(&mut self, ctx: &egui::Context, storage: Option<&dyn eframe::Storage>) {
        match self.switch.take() {
            None => {}
            Some(Switch::Flushing { next, failures }) => {
                let Gate::Open(app) = &mut self.gate else {
                    self.start_opening(ctx, next, None);
                    return;
                };
                if app.saving.save_failures() > failures {
                    let text = format!(
                        "\u{201c}{}\u{201d} was not opened: your last change to \
                         \u{201c}{}\u{201d} could not be saved (see below), so it stays open. \
                         Open the other roadmap again once the change is saved.",
                        next.roadmap.title,
                        app.roadmap().title
                    );
                    self.say(Notice::error(text, None));
                    self.refresh_menu();
                } else if app.saving.has_unsaved_changes() {
                    self.switch = Some(Switch::Flushing { next, failures });
                } else {
                    let saver = app.saving.take_saver();
                    self.start_opening(ctx, next, saver);
                }
            }
            Some(Switch::Opening { next, opened }) => match opened.try_recv() {
                Ok(opened) => self.finish_switch(ctx, storage, *next, opened),
                Err(mpsc::TryRecvError::Empty) => {
                    self.switch = Some(Switch::Opening { next, opened });
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The thread ended without an answer; open here rather than show nothing.
                    let opened = ProgressStore::open_with(
                        &self.options.data_dir,
                        &next.roadmap.id,
                        Arc::clone(&self.setup.storage.fs),
                    );
                    self.finish_switch(ctx, storage, *next, opened);
                }
            },
        }
    }

    fn finish_switch(
        &mut self,
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        next: Loaded,
        opened: Opened,
    ) {
        let app = match &mut self.gate {
            Gate::Open(old) => old.successor(ctx, next.roadmap, opened, self.setup.storage.clone()),
            Gate::Broken(_) => StudyPlannerApp::with_opened(
                ctx,
                storage,
                AppOptions {
                    roadmap: next.roadmap,
                    ..self.options.clone()
                },
                opened,
                self.setup.storage.clone(),
            ),
        };
        // What was said about the old roadmap is not about this one.
        self.notices.clear();
        self.install(ctx, app, next.source);
    }

    /// A file dropped on the window opens as if picked; while one hovers, a hint says so.
    fn drop_ui(&mut self, ui: &mut Ui) {
        let (hovering, dropped) = ui.input(|input| {
            (
                !input.raw.hovered_files.is_empty(),
                input
                    .raw
                    .dropped_files
                    .first()
                    .map(|file| file.path().to_owned()),
            )
        });
        if let Some(path) = dropped {
            if self.busy() {
                self.say(Notice::info(
                    "Another roadmap is still opening; drop the file again in a moment.",
                    Some(path),
                ));
            } else {
                self.request(ui.ctx(), OpenRequest::Source(RoadmapSource::File(path)));
            }
        }
        if hovering {
            egui::Area::new(egui::Id::unique("roadmap-drop-hint"))
                .order(egui::Order::Foreground)
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style())
                        .inner_margin(egui::Margin::same(18))
                        .show(ui, |ui| {
                            ui.heading(DROP_HINT);
                            ui.label("A .ron roadmap, or a Markdown or text one");
                        });
                });
        }
    }

    /// The owner's messages and the "Save as .ron…" offer, above everything else.
    fn notices_ui(&mut self, ui: &mut Ui) {
        if self.notices.is_empty() && self.imported.is_none() {
            return;
        }
        let mut dismissed = None;
        let mut reload = None;
        let busy = self.busy();
        let mut save_ron = false;
        let mut forget_import = false;
        super::widgets::top_bar(ui, "roadmap-notices").show(ui, |ui| {
            ui.add_space(2.0);
            if let Some(from) = &self.imported {
                let name = from
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let text = format!(
                    "Imported from {name} (converted to a roadmap as it opened). Save it as a \
                     .ron file to keep the roadmap itself and edit it in that format."
                );
                let actions: &[&str] = if self.saving_ron.is_some() {
                    &[]
                } else {
                    &[SAVE_RON_LABEL]
                };
                let response = banner_ui(
                    ui,
                    &Banner {
                        level: NoticeLevel::Info,
                        text: &text,
                        path: None,
                        actions,
                        dismiss: Some("Dismiss the import note"),
                    },
                );
                save_ron = response.action == Some(0);
                forget_import = response.dismissed;
            }
            for (index, notice) in self.notices.iter().enumerate() {
                let actions: &[&str] = match notice.reload {
                    Some(_) if !busy => &[RELOAD_LABEL],
                    _ => &[],
                };
                let response = banner_ui(
                    ui,
                    &Banner {
                        level: notice.notice.level,
                        text: &notice.notice.text,
                        path: notice.notice.path.as_deref(),
                        actions,
                        dismiss: Some("Dismiss"),
                    },
                );
                if response.action.is_some() {
                    reload.clone_from(&notice.reload);
                }
                if let Some(excerpt) = &notice.excerpt {
                    ui.label(RichText::new(excerpt).monospace());
                }
                if response.dismissed {
                    dismissed = Some(index);
                }
            }
            ui.add_space(2.0);
        });
        if let Some(index) = dismissed {
            self.notices.remove(index);
        }
        if let Some(path) = reload {
            self.request(ui.ctx(), OpenRequest::Source(RoadmapSource::File(path)));
        }
        if forget_import {
            self.imported = None;
        }
        if save_ron && let Some(from) = &self.imported {
            self.saving_ron = roadmap_open::save_ron(ui.ctx(), &self.setup.dialogs, from)
                .map(|rx| (from.clone(), rx));
            if self.saving_ron.is_none() {
                self.say(Notice::error(
                    "Cannot save the roadmap (the system would not start a thread).",
                    None,
                ));
            }
        }
    }

    fn poll_saving_ron(&mut self, ctx: &egui::Context) {
        let Some((from, rx)) = self.saving_ron.take() else {
            return;
        };
        let outcome = match rx.try_recv() {
            Ok(outcome) => outcome,
            Err(mpsc::TryRecvError::Empty) => {
                self.saving_ron = Some((from, rx));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => Err(format!(
                "The roadmap was not saved as .ron (the saving thread stopped); try again: {}",
                from.display()
            )),
        };
        match outcome {
            Ok(Some(saved)) => self.saved_as_ron(ctx, &from, saved),
            Ok(None) => {}
            Err(text) => self.say(Notice::error(text, None)),
        }
    }

    /// The imported roadmap on screen (from `from`) is written as `.ron`: the window works on
    /// that file from now on. The app stays (the same roadmap id, so the same progress in the
    /// same data folder, ticks, plan and undo history); its roadmap is the one read back from
    /// the new file, the watch moves to it, and it is the last roadmap and in the Markdown
    /// file's place under Recent. If the window has moved on meanwhile (another roadmap, a
    /// switch under way, or the file's id changed), the new file is only listed under Recent.
    fn saved_as_ron(&mut self, ctx: &egui::Context, from: &Path, saved: SavedRon) {
        let SavedRon { path, roadmap } = saved;
        let on_screen = self.current.as_ref().and_then(RoadmapSource::path) == Some(from);
        let busy = self.busy();
        let watch = self.remember.then_some(self.setup.watch_interval);
        match &mut self.gate {
            Gate::Open(app) if on_screen && !busy && app.roadmap().id == roadmap.id => {
                app.show_new_version(ctx, Arc::new(roadmap));
                if let Some(interval) = watch {
                    app.watch_roadmap_file(ctx, path.clone(), interval);
                }
                self.prefs.moved(from, &path);
                self.opened(RoadmapSource::File(path.clone()));
                self.say(Notice::info(
                    "The roadmap is saved as .ron, and this window works on that file now: \
                     it follows the file's changes and opens it next time. Your ticks, notes \
                     and plan carry over (they are kept by the roadmap's id, which is the same):",
                    Some(path),
                ));
            }
            _ => {
                self.imported = None;
                self.prefs.listed(&path);
                self.refresh_menu();
                self.say(Notice::info(
                    "The roadmap is saved as .ron; it is under Recent, to open when you want \
                     to work on that file:",
                    Some(path),
                ));
            }
        }
    }

    /// "Opening …" while the new roadmap's data opens (a moment; the old roadmap is no
    /// longer saved by then, so it is not shown).
    fn opening_ui(ui: &mut Ui, title: &str) {
        super::widgets::central_panel_ui(ui, |ui| {
            ui.add_space(24.0);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.heading(format!("Opening \u{201c}{title}\u{201d}…"));
            });
        });
    }

    fn screen_ui(&mut self, ui: &mut Ui) {
        let Gate::Broken(problem) = &self.gate else {
            return;
        };
        let path = problem.path.clone();
        let busy = self.busy();
        let mut request = None;
        super::widgets::central_panel_ui(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(RichText::new("This roadmap cannot be opened").strong());
            ui.label(RichText::new(path.display().to_string()).monospace());
            ui.add_space(8.0);
            if let Some((line, col)) = problem.position {
                ui.label(RichText::new(format!("Line {line}, column {col}")).strong());
            }
            ui.label(&problem.message);
            if let Some(excerpt) = &problem.excerpt {
                ui.add_space(4.0);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(excerpt).monospace());
                });
            }
            ui.add_space(8.0);
            ui.label(
                "Fix the file in your editor and press Reload, or open another roadmap (or \
                 drop one on this window). `study-planner check FILE` prints the same message.",
            );
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!busy, egui::Button::new(RELOAD_LABEL))
                    .clicked()
                {
                    request = Some(OpenRequest::Source(RoadmapSource::File(path.clone())));
                }
                if ui
                    .add_enabled(!busy, egui::Button::new("Open another…"))
                    .clicked()
                {
                    request = Some(OpenRequest::Pick);
                }
                if ui
                    .add_enabled(!busy, egui::Button::new(OPEN_BUILT_IN_LABEL))
                    .on_hover_text(
                        "The Python Enterprise Development Roadmap that comes with study-planner",
                    )
                    .clicked()
                {
                    request = Some(OpenRequest::Source(RoadmapSource::BuiltIn));
                }
            });
        });
        if let Some(request) = request {
            self.request(ui.ctx(), request);
        }
    }
}

/// The hint shown while a file is dragged over the window.
pub const DROP_HINT: &str = "Drop the file to open it as your roadmap";
/// Reading a broken roadmap file again, after the learner fixed it.
pub const RELOAD_LABEL: &str = "Reload";
/// The import note's button.
pub const SAVE_RON_LABEL: &str = "Save as .ron…";
/// The error screen's way back to the built-in roadmap.
pub const OPEN_BUILT_IN_LABEL: &str = "Open the built-in roadmap";

/// Whether the window remembers its roadmaps and watches their files (not in a
/// `--screenshot` run).
fn remembers(options: &AppOptions) -> bool {
    options.screenshot.is_none()
}

/// What goes with an app that comes on screen from `source`: the window's title, the watch
/// on its file (every `watch`, when given) and the termination handler's flush of its saver.
fn welcome(
    ctx: &egui::Context,
    app: &mut StudyPlannerApp,
    source: &RoadmapSource,
    watch: Option<Duration>,
) {
    ctx.send_viewport_cmd(egui::ViewportCommand::Title(super::window_title(
        app.roadmap(),
    )));
    if let (RoadmapSource::File(path), Some(interval)) = (source, watch) {
        app.watch_roadmap_file(ctx, path.clone(), interval);
    }
    if let Some(handle) = app.saving.flush_handle() {
        super::signals::flush_on_termination(handle);
    }
}

impl eframe::App for RoadmapGate {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Gate::Open(app) = &mut self.gate {
            app.save(storage);
        }
        if self.remember {
            self.prefs.store(storage);
        }
    }

    /// The panels are unfilled: the window's clear is their background (see `widgets::top_bar`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        super::widgets::clear_colour(visuals)
    }

    /// A screenshot run restores nothing and remembers nothing (see `run_native`).
    fn persist_egui_memory(&self) -> bool {
        self.options.screenshot.is_none()
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        startup_trace::mark("closing: on_exit");
        if let Gate::Open(app) = &mut self.gate {
            app.on_exit(gl);
        }
        startup_trace::mark("closing: pending changes written");
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        super::frame_trace::traced_frame(ui, |ui| self.gate_ui(ui, frame));
    }
}

impl RoadmapGate {
    /// One frame of the gate: its threads polled, its bars, then the app or the screen for a
    /// roadmap that does not load.
    fn gate_ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.loading.is_some() {
            self.poll_loading(&ctx);
        }
        if self.switch.is_some() {
            self.poll_switch(&ctx, frame.storage());
        }
        if self.saving_ron.is_some() {
            self.poll_saving_ron(&ctx);
        }
        self.drop_ui(ui);
        self.notices_ui(ui);
        if let Some(Switch::Opening { next, .. }) = &self.switch {
            Self::opening_ui(ui, &next.roadmap.title);
            return;
        }
        let busy = self.busy();
        let loading = self.loading.is_some();
        match &mut self.gate {
            Gate::Open(app) => {
                if let Some(menu) = &mut app.roadmap_menu {
                    menu.busy = busy;
                }
                let was_reopening = app.reopening();
                eframe::App::ui(app.as_mut(), ui, frame);
                if loading && was_reopening && !app.reopening() {
                    // A roadmap read meanwhile waits for this (see `poll_loading`).
                    ctx.request_repaint();
                }
                if let Some(request) = app.roadmap_request.take() {
                    self.request(&ctx, request);
                }
            }
            Gate::Broken(_) => self.screen_ui(ui),
        }
    }
}
