//! A roadmap that does not load is a screen, not an exit: the file, the line and column, the
//! line itself with a caret under the mistake, what was expected, and "Reload" (after fixing
//! it in an editor) and "Open another…". Files are read on a background thread, never on the
//! UI thread; the first read happens on the command line, before the window opens.
//!
//! Once a roadmap loads, the gate builds the real [`StudyPlannerApp`] and hands every frame
//! to it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::{RichText, Ui};

use super::{AppOptions, StudyPlannerApp};
use crate::import::{self, SourceKind};
use crate::roadmap::{self, Roadmap};

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

enum Gate {
    Broken(RoadmapProblem),
    Open(Box<StudyPlannerApp>),
}

/// The window while its roadmap is broken, then the app.
pub struct RoadmapGate {
    gate: Gate,
    /// What the app opens with, once a roadmap loads (its roadmap is replaced then).
    options: Option<AppOptions>,
    /// A file being read on a background thread.
    loading: Option<Receiver<(PathBuf, Result<Roadmap, RoadmapProblem>)>>,
}

impl RoadmapGate {
    /// The screen for `problem`; `options` are what the app opens with once a roadmap loads.
    pub fn broken(problem: RoadmapProblem, options: AppOptions) -> Self {
        Self {
            gate: Gate::Broken(problem),
            options: Some(options),
            loading: None,
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

    /// Reads `path` on a background thread; the window wakes when it is done.
    fn start_loading(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("roadmap-reader".to_owned())
            .spawn(move || {
                let path = path.or_else(|| {
                    rfd::FileDialog::new()
                        .set_title("Open roadmap")
                        .add_filter("Roadmap", &["ron", "md", "markdown", "txt"])
                        .pick_file()
                });
                if let Some(path) = path {
                    let loaded = load_roadmap_file(&path);
                    let _ = tx.send((path, loaded));
                }
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.loading = Some(rx);
        }
    }

    fn poll(&mut self, ctx: &egui::Context, storage: Option<&dyn eframe::Storage>) {
        let (path, outcome) = match self.loading.as_ref().map(Receiver::try_recv) {
            Some(Ok(outcome)) => outcome,
            Some(Err(mpsc::TryRecvError::Disconnected)) => {
                self.loading = None; // the dialog was cancelled
                return;
            }
            _ => return,
        };
        self.loading = None;
        match outcome {
            Ok(roadmap) => {
                if let Some(mut options) = self.options.take() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
                        "{} — study-planner",
                        roadmap.title
                    )));
                    options.roadmap = Arc::new(roadmap);
                    let mut app = StudyPlannerApp::new_in(ctx, storage, options);
                    app.watch_roadmap_file(ctx, path, super::roadmap_watch::POLL_INTERVAL);
                    if let Some(handle) = app.saving.flush_handle() {
                        super::signals::flush_on_termination(handle);
                    }
                    self.gate = Gate::Open(Box::new(app));
                }
            }
            Err(problem) => self.gate = Gate::Broken(problem),
        }
    }

    fn screen_ui(&mut self, ui: &mut Ui) {
        let Gate::Broken(problem) = &self.gate else {
            return;
        };
        let path = problem.path.clone();
        let busy = self.loading.is_some();
        let mut reload = false;
        let mut open_another = false;
        egui::CentralPanel::default().show(ui, |ui| {
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
                reload = ui.add_enabled(!busy, egui::Button::new("Reload")).clicked();
                open_another = ui
                    .add_enabled(!busy, egui::Button::new("Open another…"))
                    .clicked();
            });
        });
        // A roadmap file dropped on the window opens like one picked with "Open another…".
        let dropped = ui.input(|input| {
            input
                .raw
                .dropped_files
                .first()
                .map(|file| file.path().to_owned())
        });
        if reload {
            self.start_loading(ui.ctx(), Some(path));
        } else if open_another {
            self.start_loading(ui.ctx(), None);
        } else if let Some(dropped) = dropped.filter(|_| !busy) {
            self.start_loading(ui.ctx(), Some(dropped));
        }
    }
}

impl eframe::App for RoadmapGate {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Gate::Open(app) = &mut self.gate {
            app.save(storage);
        }
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        if let Gate::Open(app) = &mut self.gate {
            app.on_exit(gl);
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if self.loading.is_some() {
            self.poll(ui.ctx(), frame.storage());
        }
        match &mut self.gate {
            Gate::Open(app) => app.ui(ui, frame),
            Gate::Broken(_) => self.screen_ui(ui),
        }
    }
}
