//! One UI frame of each view, for the embedded roadmap and a generated one of 1,000 items.
//!
//! What is measured: the app's real `eframe::App::ui` run on a headless `egui::Context`
//! (`Context::run_ui`, the call eframe makes each frame), plus tessellating the shapes it
//! produced into meshes (which eframe also does on the CPU every frame, and whose cost grows
//! with what we draw). Not measured: uploading meshes to the GPU and the pixels, which a
//! headless context has no part in. No kittest harness, so no test overhead and no AccessKit
//! tree (the real app builds one only while a screen reader is listening).
//!
//! The window is 1180 × 800 points, the app's default size. Each benchmark first draws a few
//! frames so fonts and memoized data are warm: the figure is a steady-state frame, e.g. while
//! the pointer moves over the window.
#![expect(
    clippy::panic,
    reason = "a benchmark whose set-up fails (no temporary folder, a failed save) stops loudly; it has no user"
)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use study_planner::app::{AppOptions, StudyPlannerApp, View};
use study_planner::roadmap::{self, Roadmap};

const WINDOW: egui::Vec2 = egui::vec2(1180.0, 800.0);

/// A headless window with the real app in it.
struct Window {
    ctx: egui::Context,
    app: StudyPlannerApp,
    frame: eframe::Frame,
    frames: u32,
    _data_dir: tempfile::TempDir,
}

impl Window {
    /// A window that has drawn nothing yet.
    fn cold(roadmap: &Arc<Roadmap>, view: View) -> Self {
        let data_dir = match tempfile::tempdir() {
            Ok(dir) => dir,
            Err(err) => panic!("cannot make a temporary data folder: {err}"),
        };
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let options = AppOptions {
            roadmap: Arc::clone(roadmap),
            data_dir: data_dir.path().to_owned(),
            view: Some(view),
            screenshot: None,
            clock: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).map_or_else(
                study_planner::clock::Clock::system,
                study_planner::clock::Clock::on,
            ),
        };
        let app = StudyPlannerApp::new(&cc, options);
        Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            frames: 0,
            _data_dir: data_dir,
        }
    }

    /// A window that has drawn a few frames: fonts and memoized data are warm.
    fn new(roadmap: &Arc<Roadmap>, view: View) -> Self {
        let mut window = Self::cold(roadmap, view);
        for _ in 0..5 {
            black_box(window.frame());
        }
        window
    }

    /// One whole frame: input in, shapes out, meshes made. Returns the number of meshes.
    fn frame(&mut self) -> usize {
        self.frames += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, WINDOW)),
            time: Some(f64::from(self.frames) / 60.0),
            ..Default::default()
        };
        let Self {
            ctx, app, frame, ..
        } = self;
        let mut output = ctx.run_ui(input, |ui| app.ui(ui, frame));
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = ctx.tessellate(shapes, output.pixels_per_point);
        output.drop_without_applying_deltas();
        primitives.len()
    }
}

fn ui_frame(c: &mut Criterion) {
    let roadmaps = [
        ("embedded", Arc::new(roadmap::embedded())),
        ("1000 items", Arc::new(roadmap::synthetic::roadmap(1000))),
        ("real-shaped", Arc::new(roadmap::synthetic::real_shaped())),
    ];
    let mut group = c.benchmark_group("ui frame");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, roadmap) in &roadmaps {
        for view in [View::Cards, View::Timeline, View::Weeks] {
            let mut window = Window::new(roadmap, view);
            let id = format!("{} / {name}", view.label());
            group.bench_function(id, |b| b.iter(|| black_box(window.frame())));
        }
    }
    group.finish();
}

/// Start-up's share that is ours: a new context, the app made, its first frame drawn and
/// tessellated (every text laid out and its glyphs rasterized for the first time), beside the
/// same for a window with one label, the floor any egui app pays.
fn first_frame(c: &mut Criterion) {
    let embedded = Arc::new(roadmap::embedded());
    let mut group = c.benchmark_group("first frame");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("one label (floor)", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, WINDOW)),
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                egui::CentralPanel::default().show(ui, |ui| ui.label("bare eframe window"));
            });
            let shapes = std::mem::take(&mut output.shapes);
            let primitives = ctx.tessellate(shapes, output.pixels_per_point);
            output.drop_without_applying_deltas();
            black_box(primitives.len())
        });
    });
    for view in [View::Cards, View::Timeline, View::Weeks] {
        group.bench_function(format!("{} / embedded", view.label()), |b| {
            // Closing the window (joining the saver thread, removing the folder) is not timed.
            b.iter_with_large_drop(|| {
                let mut window = Window::cold(&embedded, view);
                black_box(window.frame());
                window
            });
        });
    }
    group.finish();
}

criterion_group!(benches, ui_frame, first_frame);
criterion_main!(benches);
