//! The work behind the window, for the embedded roadmap and a generated one of 1,000 items:
//! computing the schedule, saving the progress file, and every export format.
//!
//! The progress saved is a busy learner's: every second item done with a date, every fifth
//! with a note, so the file is as large as it gets in real use. A save is the real
//! `ProgressStore::save` into a temporary folder: serialize, write a temporary file, fsync,
//! rename, fsync the folder, and keep the previous file as the backup (two atomic writes). Each
//! iteration saves a different state, so no save is skipped as unchanged. The saver thread
//! does this off the UI thread in the app; the figure is how long the disk is busy.
#![expect(
    clippy::panic,
    reason = "a benchmark whose set-up fails (no temporary folder, a failed save) stops loudly; it has no user"
)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use study_planner::export::{self, ExportFormat, ExportInput, Paper};
use study_planner::plan::Plan;
use study_planner::progress::{ItemState, PlanSettings, RoadmapProgress};
use study_planner::roadmap::{self, Roadmap};
use study_planner::schedule;
use study_planner::storage::ProgressStore;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

fn roadmaps() -> [(&'static str, Roadmap); 3] {
    [
        ("embedded", roadmap::embedded()),
        ("1000 items", roadmap::synthetic::roadmap(1000)),
        ("real-shaped", roadmap::synthetic::real_shaped()),
    ]
}

/// Reading a roadmap file's text into a valid `Roadmap`: parse, then every check (ids, links,
/// durations). The real-shaped one is 150 phases, 1,000 topics and 3,000 topic links.
fn roadmap_load(c: &mut Criterion) {
    let mut group = group(c, "roadmap load and validate");
    for (name, roadmap) in roadmaps() {
        let text = match ron::ser::to_string_pretty(&roadmap, ron::ser::PrettyConfig::default()) {
            Ok(text) => text,
            Err(err) => panic!("cannot write the {name} roadmap: {err}"),
        };
        group.bench_function(name, |b| {
            b.iter(|| match roadmap::parse_roadmap(&text, "bench.ron") {
                Ok(parsed) => black_box(parsed.phases.len()),
                Err(err) => panic!("the {name} roadmap does not load: {err}"),
            });
        });
    }
    group.finish();
}

/// Every second item done (on a date spread over the last months), every fifth with a note.
fn busy_learner(roadmap: &Roadmap) -> RoadmapProgress {
    let mut progress = RoadmapProgress::default();
    let start = today() - chrono::Days::new(200);
    for (index, item) in roadmap.items().enumerate() {
        if index % 2 == 0 {
            let day = start + chrono::Days::new(index as u64 % 200);
            progress.set_state(&item.item.id, ItemState::Done, day);
        }
        if index % 5 == 0 {
            progress.set_note(
                &item.item.id,
                "Left off at the exercises on page 42; see https://example.org/notes",
            );
        }
    }
    progress.plan.start =
        NaiveDate::from_ymd_opt(2026, 6, 1).map(study_planner::date::PlanDate::clamped);
    progress
}

fn group<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group
}

fn schedule_compute(c: &mut Criterion) {
    let mut group = group(c, "schedule");
    for (name, roadmap) in roadmaps() {
        let settings = PlanSettings::default();
        group.bench_function(name, |b| {
            b.iter(|| black_box(schedule::compute(&roadmap, &settings, today())));
        });
    }
    group.finish();
}

fn progress_save(c: &mut Criterion) {
    let mut group = group(c, "progress save");
    for (name, roadmap) in roadmaps() {
        let dir = match tempfile::tempdir() {
            Ok(dir) => dir,
            Err(err) => panic!("cannot make a temporary data folder: {err}"),
        };
        let mut store = ProgressStore::open(dir.path(), &roadmap.id).store;
        let mut progress = busy_learner(&roadmap);
        let Some(first) = roadmap.items().next().map(|item| item.item.id.clone()) else {
            continue;
        };
        let mut flip = false;
        group.bench_function(name, |b| {
            b.iter(|| {
                flip = !flip;
                let state = if flip {
                    ItemState::InProgress
                } else {
                    ItemState::Done
                };
                progress.set_state(&first, state, today());
                if let Err(err) = store.save(&progress) {
                    panic!("save failed: {err}");
                }
            });
        });
    }
    group.finish();
}

fn exports(c: &mut Criterion) {
    let mut group = group(c, "export");
    for (name, roadmap) in roadmaps() {
        let progress = busy_learner(&roadmap);
        let plan = Plan::new(std::sync::Arc::new(roadmap.clone()), progress, today());
        let input = ExportInput {
            plan: &plan,
            paper: Paper::A4,
        };
        for format in ExportFormat::ALL {
            group.bench_function(format!("{} / {name}", format.extension()), |b| {
                b.iter(|| match export::export(format, &input) {
                    Ok(bytes) => black_box(bytes.len()),
                    Err(err) => panic!("export failed: {err}"),
                });
            });
        }
    }
    group.finish();
}

/// A PDF whose one note is a 300,000-character word: wrapping it must be linear (it took 8 s
/// when every cut re-measured the rest of the word).
fn long_word_pdf(c: &mut Criterion) {
    let mut group = group(c, "export");
    let roadmap = study_planner::roadmap::embedded();
    let mut progress = busy_learner(&roadmap);
    if let Some(item) = roadmap.items().next() {
        progress.set_note(&item.item.id, &"x".repeat(300_000));
    }
    let plan = Plan::new(std::sync::Arc::new(roadmap), progress, today());
    let input = ExportInput {
        plan: &plan,
        paper: Paper::A4,
    };
    group.bench_function("pdf / 300k-character word in a note", |b| {
        b.iter(|| match export::export(ExportFormat::Pdf, &input) {
            Ok(bytes) => black_box(bytes.len()),
            Err(err) => panic!("export failed: {err}"),
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    roadmap_load,
    schedule_compute,
    progress_save,
    exports,
    long_word_pdf
);
criterion_main!(benches);
