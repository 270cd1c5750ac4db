//! Exports: the PDF parses and says what the plan says, the .ics reads back with an independent
//! parser, Markdown and CSV match their golden files, and a roadmap of 1,000 items goes
//! through all four formats. Goldens: run with `UPDATE_GOLDEN=1` to rewrite them after an
//! intended change, then read the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use study_planner::date::PlanDate;
use study_planner::export::{ExportFormat, ExportInput, Paper, export, long_date};
use study_planner::plan::Plan;
use study_planner::progress::PlanSettings;
use study_planner::progress::{ItemProgress, ItemState, RoadmapProgress};
use study_planner::roadmap::synthetic;
use study_planner::roadmap::{self, Roadmap};
use study_planner::schedule::Schedule;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

/// The fixed situation every test exports: a plan starting Wednesday 7 January 2026, viewed
/// on 16 February 2026, with a few items done, one in progress, one skipped and two notes.
struct Fixture {
    roadmap: Roadmap,
    plan: Plan,
    schedule: Schedule,
}

impl Fixture {
    fn new(roadmap: Roadmap) -> Self {
        let settings = PlanSettings {
            start: Some(PlanDate::clamped(day(2026, 1, 7))),
            ..PlanSettings::default()
        };
        let today = day(2026, 2, 16);
        let mut progress = RoadmapProgress::default();
        let ids: Vec<String> = roadmap.items().map(|i| i.item.id.clone()).collect();
        let mut mark = |index: usize, state: ItemState, note: &str| {
            if let Some(id) = ids.get(index) {
                progress.items.insert(
                    id.clone(),
                    ItemProgress {
                        state,
                        done_on: (state == ItemState::Done).then(|| day(2026, 1, 9 + index as u32)),
                        note: note.to_owned(),
                        before_done: None,
                    },
                );
            }
        };
        mark(0, ItemState::Done, "");
        mark(
            1,
            ItemState::Done,
            "Used \"asyncio.TaskGroup\", see notes, p. 12",
        );
        mark(2, ItemState::InProgress, "");
        mark(3, ItemState::Skipped, "");
        if let Some(phase) = roadmap.phases.first() {
            progress.stage_notes.insert(
                phase.id.clone(),
                "Pair with the team’s code review – weekly.".to_owned(),
            );
        }
        Self::of(roadmap, settings, progress, today)
    }

    /// The plan of `progress` with `settings`, seen on `today`.
    fn of(
        roadmap: Roadmap,
        settings: PlanSettings,
        mut progress: RoadmapProgress,
        today: NaiveDate,
    ) -> Self {
        progress.plan = settings;
        let plan = Plan::new(std::sync::Arc::new(roadmap.clone()), progress, today);
        let schedule = plan.schedule().clone();
        Self {
            roadmap,
            plan,
            schedule,
        }
    }

    fn export(&self, format: ExportFormat, paper: Paper) -> Vec<u8> {
        let input = ExportInput {
            plan: &self.plan,
            paper,
        };
        match export(format, &input) {
            Ok(bytes) => bytes,
            Err(err) => panic!("{format:?}: {err}"),
        }
    }

    fn text(&self, format: ExportFormat) -> String {
        match String::from_utf8(self.export(format, Paper::A4)) {
            Ok(text) => text,
            Err(err) => panic!("{format:?} is not UTF-8: {err}"),
        }
    }
}

fn embedded() -> Fixture {
    Fixture::new(roadmap::embedded())
}

/// Every page's text: lopdf parses the file and decodes each page's content stream; the
/// glyph codes of every text-showing operator are mapped back to characters through the
/// fonts' ToUnicode CMaps (what a PDF viewer's copy and search use). lopdf's own
/// `extract_text` cannot read CMaps that carry `/CMapVersion` and `/WMode`, so the few lines
/// of CMap reading live here. Each text run ends with a space.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let document = match lopdf::Document::load_mem(bytes) {
        Ok(document) => document,
        Err(err) => panic!("the PDF does not parse: {err}"),
    };
    let pages = document.get_pages();
    let mut text = String::new();
    for page_id in pages.values() {
        let mut maps = std::collections::HashMap::new();
        for (name, font) in document.get_page_fonts(*page_id).unwrap_or_default() {
            let cmap = font
                .get(b"ToUnicode")
                .and_then(|o| o.as_reference())
                .and_then(|id| document.get_object(id))
                .and_then(|o| o.as_stream())
                .and_then(|stream| stream.decompressed_content());
            match cmap {
                Ok(cmap) => {
                    maps.insert(name, parse_cmap(&String::from_utf8_lossy(&cmap)));
                }
                Err(err) => panic!("a font without ToUnicode: {err}"),
            }
        }
        let content = match document.get_and_decode_page_content(*page_id) {
            Ok(content) => content,
            Err(err) => panic!("page content does not decode: {err}"),
        };
        let mut font: Option<Vec<u8>> = None;
        for op in content.operations {
            let strings: Vec<&[u8]> = match op.operator.as_str() {
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    continue;
                }
                "Tj" => op.operands.iter().filter_map(|o| o.as_str().ok()).collect(),
                "TJ" => op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_array().ok())
                    .flatten()
                    .filter_map(|o| o.as_str().ok())
                    .collect(),
                _ => continue,
            };
            let Some(map) = font.as_ref().and_then(|f| maps.get(f)) else {
                panic!("text shown without a font");
            };
            for string in strings {
                for code in string.chunks(2) {
                    let code = code.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
                    match map.get(&code) {
                        Some(chars) => text.push_str(chars),
                        None => panic!("glyph code {code:#x} has no Unicode mapping"),
                    }
                }
            }
            text.push(' ');
        }
        text.push('\n');
    }
    (pages.len(), text)
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap: code → text.
fn parse_cmap(cmap: &str) -> std::collections::HashMap<u32, String> {
    let hex = |token: &str| -> Option<Vec<u8>> {
        let digits = token.strip_prefix('<')?.strip_suffix('>')?;
        (0..digits.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok())
            .collect()
    };
    let number = |bytes: &[u8]| bytes.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
    let utf16 = |bytes: &[u8]| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = std::collections::HashMap::new();
    let mut section = "";
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for token in cmap.split_whitespace() {
        match token {
            "beginbfchar" | "beginbfrange" => {
                section = token;
                pending.clear();
            }
            "endbfchar" | "endbfrange" => section = "",
            _ if section.is_empty() => {}
            _ => {
                let Some(bytes) = hex(token) else { continue };
                pending.push(bytes);
                if section == "beginbfchar" && pending.len() == 2 {
                    map.insert(number(&pending[0]), utf16(&pending[1]));
                    pending.clear();
                } else if section == "beginbfrange" && pending.len() == 3 {
                    let (low, high) = (number(&pending[0]), number(&pending[1]));
                    let first = utf16(&pending[2]);
                    let base = first.chars().next().map_or(0, u32::from);
                    for (offset, code) in (low..=high).enumerate() {
                        if let Some(ch) = char::from_u32(base + offset as u32) {
                            map.insert(code, ch.to_string());
                        }
                    }
                    pending.clear();
                }
            }
        }
    }
    map
}

/// Text with all runs of white space made single spaces, so wrapped lines compare as prose.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_parses_with_phase_titles_and_plan_dates() {
    let fixture = embedded();
    for paper in Paper::ALL {
        let bytes = fixture.export(ExportFormat::Pdf, paper);
        assert!(bytes.starts_with(b"%PDF-"));
        let (pages, text) = pdf_text(&bytes);
        assert!((4..=20).contains(&pages), "{paper:?}: {pages} pages");
        let text = squeeze(&text);
        for phase in &fixture.roadmap.phases {
            assert!(text.contains(&phase.title), "{paper:?}: no {}", phase.title);
        }
        if let Some(project) = &fixture.roadmap.final_project {
            assert!(text.contains(&project.title));
        }
        for date in [fixture.schedule.start, fixture.schedule.finish] {
            assert!(text.contains(&long_date(date)), "{paper:?}: no {date}");
        }
        assert!(text.contains(&format!("Page {pages} of {pages}")));
        assert!(text.contains("printed 16 Feb 2026"));
        assert!(text.contains("Python’s"), "curly quote lost");
        assert!(text.contains("Week 1"));
    }
}

/// The embedded roadmap with a link of its own on phase 2's last hands-on item (format 2).
fn with_item_resource() -> Fixture {
    let mut roadmap = roadmap::embedded();
    roadmap.format = roadmap::FORMAT_VERSION;
    let celery = roadmap.phases[1]
        .hands_on
        .iter_mut()
        .find(|item| item.id == "celery-tasks")
        .expect("the Celery exercise");
    celery.resources.push(roadmap::Resource {
        id: "celery-first-steps".to_owned(),
        title: "First steps with Celery".to_owned(),
        url: "https://docs.celeryq.dev/en/stable/getting-started/first-steps-with-celery.html"
            .to_owned(),
        kind: roadmap::ResourceKind::Tutorial,
    });
    Fixture::new(roadmap)
}

#[test]
fn an_items_own_link_prints_on_the_page_of_its_week() {
    let fixture = with_item_resource();
    let week = fixture
        .schedule
        .weeks
        .iter()
        .find(|week| week.items.iter().any(|id| id == "celery-tasks"))
        .expect("the exercise is planned");
    let (_, text) = pdf_text(&fixture.export(ExportFormat::Pdf, Paper::A4));
    let pages: Vec<String> = text.split('\n').map(squeeze).collect();
    let on = |needle: &str| -> Vec<usize> {
        pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.contains(needle))
            .map(|(index, _)| index)
            .collect()
    };
    let link_pages = on("First steps with Celery (tutorial)");
    assert_eq!(link_pages.len(), 1, "{link_pages:?}");
    let page = &pages[link_pages[0]];
    assert!(page.contains("Develop a Celery-based background task system"));
    assert!(page.contains(&format!("Week {} ", week.number)), "{page}");
    assert!(
        page.contains("docs.celeryq.dev/en/stable/getting-started"),
        "{page}"
    );
    // Not with the phase's own links, which open the phase.
    let phase_links = on("FastAPI Docs (docs)");
    assert_eq!(phase_links.len(), 1);
    assert!(
        link_pages[0] > phase_links[0],
        "{link_pages:?} vs {phase_links:?}"
    );
}

#[test]
fn an_items_own_link_is_in_its_week_event_and_under_it_in_markdown() {
    let fixture = with_item_resource();
    let markdown = fixture.text(ExportFormat::Md);
    assert!(
        markdown.contains(
            "- [ ] Develop a Celery-based background task system (e.g., Email processing)\n  - [First steps with Celery](https://docs.celeryq.dev/en/stable/getting-started/first-steps-with-celery.html) (tutorial)\n"
        ),
        "{markdown}"
    );
    let ics = fixture.text(ExportFormat::Ics);
    let unfolded = ics.replace("\r\n ", "");
    let event = unfolded
        .split("BEGIN:VEVENT")
        .find(|event| event.contains("Develop a Celery-based") && event.contains("SUMMARY:Week"))
        .expect("the week event");
    assert!(
        event.contains("First steps with Celery: https://docs.celeryq.dev/"),
        "{event}"
    );
}

#[test]
fn pdf_pages_have_the_paper_size_and_resource_links() {
    let fixture = embedded();
    for (paper, width, height) in [(Paper::A4, 595.28, 841.89), (Paper::Letter, 612.0, 792.0)] {
        let bytes = fixture.export(ExportFormat::Pdf, paper);
        let document = match lopdf::Document::load_mem(&bytes) {
            Ok(document) => document,
            Err(err) => panic!("{err}"),
        };
        let mut uris = BTreeSet::new();
        for page_id in document.get_pages().values() {
            let Ok(page) = document.get_dictionary(*page_id) else {
                panic!("page is not a dictionary");
            };
            let media_box = page.get(b"MediaBox").and_then(|b| b.as_array()).map(|a| {
                a.iter()
                    .filter_map(|n| n.as_float().ok())
                    .collect::<Vec<f32>>()
            });
            assert_eq!(media_box.ok(), Some(vec![0.0, 0.0, width, height]));
            for annotation in document.get_page_annotations(*page_id).unwrap_or_default() {
                if let Ok(action) = annotation.get(b"A").and_then(|a| a.as_dict())
                    && let Ok(uri) = action.get(b"URI").and_then(|u| u.as_str())
                {
                    uris.insert(String::from_utf8_lossy(uri).into_owned());
                }
            }
        }
        let expected: BTreeSet<String> = fixture
            .roadmap
            .phases
            .iter()
            .flat_map(|p| p.resources.iter().map(|r| r.url.clone()))
            .collect();
        assert_eq!(uris, expected, "{paper:?}");
    }
}

#[test]
fn ics_reads_back_with_right_dates_uids_and_count() {
    let fixture = embedded();
    let text = fixture.text(ExportFormat::Ics);
    assert!(text.lines().all(|line| line.len() <= 76), "unfolded line");
    assert!(text.contains("\r\n"));
    let calendars: Vec<_> = ical::IcalParser::new(text.as_bytes()).collect();
    assert_eq!(calendars.len(), 1);
    let calendar = match calendars.into_iter().next() {
        Some(Ok(calendar)) => calendar,
        other => panic!("does not parse: {other:?}"),
    };
    // The parser leaves RFC 5545 text escapes in place; undo them to compare with our text.
    let prop = |props: &[ical::property::Property], name: &str| -> String {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .map(|value| unescape(&value))
            .unwrap_or_default()
    };
    assert!(prop(&calendar.properties, "PRODID").starts_with("-//study-planner//"));
    assert_eq!(prop(&calendar.properties, "VERSION"), "2.0");

    let stages: Vec<_> = fixture.schedule.included().collect();
    let busy_weeks = fixture
        .schedule
        .weeks
        .iter()
        .filter(|w| !w.items.is_empty())
        .count();
    assert_eq!(calendar.events.len(), stages.len() + busy_weeks);
    let uids: BTreeSet<String> = calendar
        .events
        .iter()
        .map(|e| prop(&e.properties, "UID"))
        .collect();
    assert_eq!(uids.len(), calendar.events.len(), "UIDs repeat");

    for stage in &stages {
        let uid = format!("stage-{}.python-enterprise@study-planner", stage.id);
        let Some(event) = calendar
            .events
            .iter()
            .find(|e| prop(&e.properties, "UID") == uid)
        else {
            panic!("no event {uid}");
        };
        let start = event.properties.iter().find(|p| p.name == "DTSTART");
        let is_date = start.and_then(|p| p.params.as_ref()).is_some_and(|params| {
            params
                .iter()
                .any(|(k, v)| k == "VALUE" && v.iter().any(|v| v == "DATE"))
        });
        assert!(is_date, "{uid} is not all-day");
        assert_eq!(
            prop(&event.properties, "DTSTART"),
            stage.start.format("%Y%m%d").to_string()
        );
        let end_exclusive = stage.end.succ_opt().unwrap_or(stage.end);
        assert_eq!(
            prop(&event.properties, "DTEND"),
            end_exclusive.format("%Y%m%d").to_string()
        );
        assert_eq!(prop(&event.properties, "DTSTAMP"), "20260216T000000Z");
        assert!(prop(&event.properties, "SUMMARY").contains(&stage.title));
    }
    // The first week starts on the Wednesday the plan starts, not on the Monday before.
    let Some(week_one) = calendar
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID") == "week-1.python-enterprise@study-planner")
    else {
        panic!("no week 1 event");
    };
    assert_eq!(prop(&week_one.properties, "DTSTART"), "20260107");
    assert_eq!(prop(&week_one.properties, "DTEND"), "20260112");
    // Escaped text reads back: the done item is ticked in the description.
    assert!(prop(&week_one.properties, "DESCRIPTION").contains("[x] Advanced OOP"));
}

/// Undoes RFC 5545 §3.3.11 text escapes: `\,` `\;` `\n` `\\`.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(ch);
        }
    }
    out
}

#[test]
fn every_format_is_reproducible() {
    let fixture = embedded();
    for format in ExportFormat::ALL {
        assert_eq!(
            fixture.export(format, Paper::Letter),
            fixture.export(format, Paper::Letter),
            "{format:?}"
        );
    }
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with `tests/golden/NAME`, or rewrites it when `UPDATE_GOLDEN` is set.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Err(err) = std::fs::write(&path, actual) {
            panic!("cannot write {}: {err}", path.display());
        }
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => panic!(
            "{}: {err} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        ),
    };
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name} differs from its golden file at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (UPDATE_GOLDEN=1 rewrites it)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn markdown_matches_golden() {
    check_golden("plan.md", &embedded().text(ExportFormat::Md));
}

#[test]
fn csv_matches_golden() {
    check_golden("plan.csv", &embedded().text(ExportFormat::Csv));
}

#[test]
fn csv_has_one_row_per_item() {
    let fixture = embedded();
    let text = fixture.text(ExportFormat::Csv);
    let text = text.trim_start_matches('\u{feff}');
    let mut reader_lines = 0;
    let mut in_quotes = false;
    for ch in text.chars() {
        match ch {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => reader_lines += 1,
            _ => {}
        }
    }
    assert_eq!(reader_lines, fixture.roadmap.item_count() + 1);
}

#[test]
fn a_thousand_items_export_to_every_format() {
    let fixture = Fixture::new(synthetic::roadmap(1000));
    // Every synthetic item's text starts with its own id and a colon.
    let items: Vec<String> = fixture
        .roadmap
        .items()
        .map(|item| format!("{}:", item.item.id))
        .collect();
    assert_eq!(items.len(), 1000);

    let (pages, text) = pdf_text(&fixture.export(ExportFormat::Pdf, Paper::A4));
    assert!(pages > 20, "{pages} pages");
    let text = squeeze(&text);
    for item in &items {
        assert!(text.contains(item.as_str()), "PDF lacks {item}");
    }
    // Long texts wrap rather than being cut: the end of a wrapped item is there too.
    assert!(text.contains("that/cannot/break"));

    let markdown = fixture.text(ExportFormat::Md);
    let csv = fixture.text(ExportFormat::Csv);
    let ics = fixture.text(ExportFormat::Ics);
    for item in &items {
        assert!(markdown.contains(item.as_str()), "Markdown lacks {item}");
        assert!(csv.contains(item.as_str()), "CSV lacks {item}");
    }
    let calendar = ical::IcalParser::new(ics.as_bytes()).next();
    let events = match calendar {
        Some(Ok(calendar)) => calendar.events.len(),
        other => panic!("{other:?}"),
    };
    assert!(events > fixture.schedule.included().count());
}

// ---- The window's "Print…" (headless; the PDF viewer is replaced by a recorder) ----

mod window {
    use std::path::{Path, PathBuf};
    use std::sync::{Arc, Mutex};

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use study_planner::app::{AppOptions, StudyPlannerApp, View};

    use study_planner::roadmap;

    fn harness(data_dir: &Path) -> Harness<'static, StudyPlannerApp> {
        let options = AppOptions {
            clock: study_planner::clock::Clock::on(super::common::date(2026, 2, 16)),
            ..super::common::options(data_dir, View::Cards)
        };
        super::common::open_app_with(options, egui::vec2(1200.0, 800.0))
    }

    /// Clicks "Print…" and runs frames until the background job has reported its outcome.
    fn print(harness: &mut Harness<'static, StudyPlannerApp>) -> (String, bool) {
        harness.run();
        harness.get_by_label("Print…").click();
        // The job runs on its own thread; a frame only polls its channel. 600 frames of at
        // least 10 ms is a generous bound, not a speed requirement.
        for _ in 0..600 {
            harness.step();
            if let Some((text, is_error)) = harness.state().export_message() {
                return (text.to_owned(), is_error);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("printing never finished");
    }

    fn recorder(harness: &mut Harness<'static, StudyPlannerApp>) -> Arc<Mutex<Vec<PathBuf>>> {
        let opened = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&opened);
        harness.state_mut().set_opener(move |path| {
            if let Ok(mut paths) = log.lock() {
                paths.push(path.to_owned());
            }
            Ok(())
        });
        opened
    }

    #[test]
    fn print_writes_the_pdf_and_opens_it_in_the_viewer() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(dir.path());
        let opened = recorder(&mut harness);
        let (text, is_error) = print(&mut harness);
        assert!(!is_error, "{text}");
        let expected = dir.path().join("printouts/python-enterprise-plan.pdf");
        assert_eq!(
            harness.state().export_file(),
            Some(expected.as_path()),
            "{text}"
        );
        let bytes = std::fs::read(&expected).unwrap_or_else(|err| panic!("{err}"));
        assert!(bytes.starts_with(b"%PDF-"));
        let opened = opened.lock().map(|p| p.clone()).unwrap_or_default();
        assert_eq!(opened, vec![expected]);
        // The command line makes the very same file from the same data folder and day.
        let cli = std::process::Command::new(env!("CARGO_BIN_EXE_study-planner"))
            .args([
                "export",
                "--format",
                "pdf",
                "--today",
                "2026-02-16",
                "--data-dir",
            ])
            .arg(dir.path())
            .env_remove("STUDY_PLANNER_DATA_DIR")
            .output()
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(cli.status.success(), "{cli:?}");
        assert!(
            cli.stdout == bytes,
            "the window's PDF differs from the command line's"
        );
        // The message is on screen, and can be dismissed.
        harness.run();
        harness.get_by_label_contains("open in your PDF viewer");
        harness.get_by_label("Dismiss export message").click();
        harness.run();
        assert!(harness.state().export_message().is_none());
    }

    #[test]
    fn the_export_menu_offers_every_format_and_the_paper() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(dir.path());
        harness.run();
        harness.get_by_label("Export…").click();
        harness.run();
        for label in [
            "PDF (for printing)…",
            "iCalendar (.ics)…",
            "Markdown (.md)…",
            "CSV (spreadsheets)…",
            "A4",
            "US Letter",
            "Calendar: an event for each week",
        ] {
            harness.get_by_label(label);
        }
    }

    #[test]
    fn a_missing_viewer_is_a_clear_message_and_the_pdf_is_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(dir.path());
        harness.state_mut().set_opener(|_| {
            Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no program for PDF files",
            ))
        });
        let (text, is_error) = print(&mut harness);
        assert!(is_error);
        // In words, with what to do; the path is beside it, with "Open folder".
        assert_eq!(
            text,
            "Could not open the PDF (this system has no program for opening files (such as \
             xdg-open)). It is saved; open it yourself to print it:"
        );
        harness.run();
        harness.get_by_label("Open folder");
        assert_eq!(
            harness.state().export_file(),
            Some(
                dir.path()
                    .join("printouts/python-enterprise-plan.pdf")
                    .as_path()
            )
        );
        assert!(
            dir.path()
                .join("printouts/python-enterprise-plan.pdf")
                .exists()
        );
    }

    /// Runs frames until the export message appears.
    fn wait_for_message(harness: &mut Harness<'static, StudyPlannerApp>) -> (String, bool) {
        for _ in 0..600 {
            harness.step();
            if let Some((text, is_error)) = harness.state().export_message() {
                return (text.to_owned(), is_error);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("exporting never finished");
    }

    #[test]
    fn without_a_file_dialog_export_saves_into_the_known_folder_and_says_where() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let documents = dir.path().join("Documents");
        std::fs::create_dir(&documents).unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(&dir.path().join("data"));
        harness.state_mut().set_export_desktop(false, &documents);
        let opened = recorder(&mut harness);
        harness.run();
        harness.get_by_label("Export…").click();
        harness.run();
        harness.get_by_label("CSV (spreadsheets)…").click();
        let (text, is_error) = wait_for_message(&mut harness);
        assert!(!is_error, "{text}");
        let expected = documents.join("python-enterprise-plan.csv");
        let rows = roadmap::embedded().item_count();
        assert_eq!(
            text,
            format!(
                "There is no file dialog on this system, so the plan ({rows} rows) was saved \
                 in your Documents folder:"
            )
        );
        assert_eq!(harness.state().export_file(), Some(expected.as_path()));
        assert!(std::fs::read_to_string(&expected).is_ok_and(|csv| csv.contains("phase,item")));
        harness.run();
        harness.get_by_label_contains(&expected.display().to_string());
        // The banner of every message: its level's icon, the text, the actions, dismiss.
        harness.get_by_label("Note:");
        harness.get_by_label("Dismiss export message");

        // "Copy path" puts the file's path on the clipboard.
        harness.get_by_label("Copy path").click();
        harness.step();
        let copied = harness
            .output()
            .platform_output
            .commands
            .iter()
            .any(|command| {
                matches!(command, egui::OutputCommand::CopyText(text)
                    if *text == expected.display().to_string())
            });
        assert!(copied, "the path was not copied");

        // "Open folder" opens the folder the file is in.
        harness.get_by_label("Open folder").click();
        for _ in 0..300 {
            harness.step();
            if opened.lock().is_ok_and(|paths| !paths.is_empty()) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let opened = opened.lock().map(|p| p.clone()).unwrap_or_default();
        assert_eq!(opened, vec![documents]);
    }

    #[test]
    fn a_folder_that_will_not_open_is_said_in_words_with_its_path() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(dir.path());
        harness.state_mut().set_export_desktop(false, dir.path());
        harness.state_mut().set_opener(|path| {
            Err(std::io::Error::other(format!(
                "Launcher \"gio\" \"open\" {path:?} failed with ExitStatus(unix_wait_status(512))"
            )))
        });
        harness.run();
        harness.get_by_label("Progress").click();
        harness.run();
        harness.get_by_label("Open data folder").click();
        for _ in 0..300 {
            harness.step();
            if !harness.state().storage_notices().is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        harness.run();
        let notice = harness
            .state()
            .storage_notices()
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no message"));
        assert_eq!(
            notice.text,
            "Could not open the folder (no file manager is set up to open it). Open it \
             yourself in your file manager:"
        );
        assert_eq!(notice.path.as_deref(), Some(dir.path()));
        assert!(harness.query_by_label_contains("ExitStatus").is_none());
        harness.get_by_label_contains(&dir.path().display().to_string());
    }

    #[test]
    fn an_unwritable_folder_is_a_clear_message() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        // A file where the printouts folder should go: no folder can be made there.
        std::fs::write(dir.path().join("printouts"), b"in the way")
            .unwrap_or_else(|err| panic!("{err}"));
        let mut harness = harness(dir.path());
        let opened = recorder(&mut harness);
        let (text, is_error) = print(&mut harness);
        assert!(is_error);
        assert!(
            text.starts_with("Cannot make the folder for the PDF"),
            "{text}"
        );
        assert!(opened.lock().map(|p| p.is_empty()).unwrap_or(false));
    }
}

// ---- `study-planner export` ----

mod command_line {
    use std::process::Output;

    use super::{ExportFormat, Fixture, Paper, PlanDate, day, embedded, roadmap};
    use study_planner::progress::{PlanSettings, RoadmapProgress};

    /// `study-planner export ARGS` on the learner data in `data_dir`.
    fn run(args: &[&str], data_dir: &std::path::Path) -> Output {
        let args: Vec<&str> = std::iter::once("export")
            .chain(args.iter().copied())
            .collect();
        super::common::run_binary_in(data_dir, &args)
    }

    /// The fixture's plan with no progress: what a fresh data folder gives the command line.
    fn fresh() -> Fixture {
        let roadmap = roadmap::embedded();
        let settings = PlanSettings {
            start: Some(PlanDate::clamped(day(2026, 1, 7))),
            ..PlanSettings::default()
        };
        let today = day(2026, 2, 16);
        Fixture::of(roadmap, settings, RoadmapProgress::default(), today)
    }

    #[test]
    fn text_formats_go_to_stdout_exactly_as_the_library_makes_them() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let fixture = fresh();
        for (flag, format) in [
            ("md", ExportFormat::Md),
            ("csv", ExportFormat::Csv),
            ("ics", ExportFormat::Ics),
        ] {
            let output = run(
                &[
                    "--format",
                    flag,
                    "--start",
                    "2026-01-07",
                    "--today",
                    "2026-02-16",
                ],
                dir.path(),
            );
            assert!(output.status.success(), "{flag}: {output:?}");
            assert_eq!(output.stdout, fixture.export(format, Paper::A4), "{flag}");
        }
    }

    #[test]
    fn pdf_goes_to_the_file_given_on_the_paper_asked_for() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let out = dir.path().join("plan.pdf");
        let out_arg = out.display().to_string();
        let args = [
            "--format",
            "pdf",
            "--paper",
            "letter",
            "--out",
            &out_arg,
            "--start",
            "2026-01-07",
            "--today",
            "2026-02-16",
        ];
        let output = run(&args, dir.path());
        assert!(output.status.success(), "{output:?}");
        assert!(output.stdout.is_empty());
        let bytes = std::fs::read(&out).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(bytes, fresh().export(ExportFormat::Pdf, Paper::Letter));
        let pages = lopdf::Document::load_mem(&bytes)
            .map(|pdf| pdf.get_pages().len())
            .unwrap_or_else(|err| panic!("{err}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim(),
            format!("Wrote {out_arg}: {pages} pages (US Letter)")
        );
    }

    #[test]
    fn a_file_written_says_what_it_holds_on_stderr() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let items = roadmap::embedded().item_count();
        let events = {
            let text =
                String::from_utf8_lossy(&fresh().export(ExportFormat::Ics, Paper::A4)).into_owned();
            text.matches("BEGIN:VEVENT").count()
        };
        for (flag, said) in [
            ("csv", format!("{items} rows")),
            ("md", format!("{items} checklist items")),
            ("ics", format!("{events} events")),
        ] {
            let out = dir.path().join(format!("plan.{flag}"));
            let out_arg = out.display().to_string();
            let args = ["--format", flag, "--out", &out_arg, "--start", "2026-01-07"];
            let output = run(&args, dir.path());
            assert!(output.status.success(), "{output:?}");
            assert!(output.stdout.is_empty());
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(stderr.trim(), format!("Wrote {out_arg}: {said}"));
            if flag == "csv" {
                let text = std::fs::read_to_string(&out).unwrap_or_default();
                assert_eq!(
                    text.lines().count(),
                    items + 1,
                    "a header and a row per item"
                );
            }
        }
    }

    #[test]
    fn plan_flags_change_the_export() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let args = ["--format", "csv", "--start", "2026-01-05", "--pace", "fast"];
        let output = run(&args, dir.path());
        assert!(output.status.success(), "{output:?}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains(",1,2026-01-05,2026-01-11,not started,"),
            "{text}"
        );
        let base = embedded();
        assert_ne!(output.stdout, base.export(ExportFormat::Csv, Paper::A4));
    }

    #[test]
    fn phases_only_calendar_has_one_event_per_included_phase() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let args = ["--format", "ics", "--phases-only", "--skip-optional"];
        let output = run(&args, dir.path());
        assert!(output.status.success(), "{output:?}");
        let calendar = ical::IcalParser::new(output.stdout.as_slice()).next();
        let uids: Vec<String> = match calendar {
            Some(Ok(calendar)) => calendar
                .events
                .iter()
                .filter_map(|e| e.properties.iter().find(|p| p.name == "UID"))
                .filter_map(|p| p.value.clone())
                .collect(),
            other => panic!("{other:?}"),
        };
        let expected: Vec<String> = roadmap::embedded()
            .stages()
            .iter()
            .filter(|stage| !stage.optional)
            .map(|stage| format!("stage-{}.python-enterprise@study-planner", stage.id))
            .collect();
        assert_eq!(uids, expected);
    }

    #[test]
    fn an_unwritable_destination_is_a_message_and_exit_1() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let out = dir.path().join("no/such/folder/plan.md");
        let out_arg = out.display().to_string();
        let output = run(&["--format", "md", "--out", &out_arg], dir.path());
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("cannot write the file"), "{stderr}");
        assert!(stderr.contains(&out_arg), "{stderr}");
    }

    /// A 300,000-character word (a pasted log line, a minified file) in an item's note and
    /// in a phase's note: the PDF holds all of it, in order, cut into lines. Wrapping is
    /// linear, so this takes a fraction of a second; before, it took about eight seconds.
    #[test]
    fn a_300k_character_word_in_notes_is_printed_whole() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        // Each note in letters found nowhere else in the PDF, in a pattern, so a lost,
        // doubled or swapped piece shows.
        let word = |letters: &[char]| -> String {
            (0..300_000usize)
                .map(|i| letters[i / 7 % letters.len()])
                .collect()
        };
        let item_word = word(&['Q', 'X', 'Z', 'J']);
        let stage_word = word(&['q', 'x', 'z', 'j']);
        let saved = format!(
            "(version: 2, roadmaps: {{\"python-enterprise\": (\
             items: {{\"advanced-oop\": (state: InProgress, note: \"{item_word}\")}}, \
             stage_notes: {{\"advanced-python\": \"{stage_word}\"}})}})\n"
        );
        std::fs::write(dir.path().join("progress.ron"), saved)
            .unwrap_or_else(|err| panic!("{err}"));
        let out = dir.path().join("plan.pdf");
        let out_arg = out.display().to_string();
        let args = [
            "--format",
            "pdf",
            "--out",
            &out_arg,
            "--start",
            "2026-01-05",
        ];
        let output = run(&args, dir.path());
        assert!(output.status.success(), "{output:?}");
        let bytes = std::fs::read(&out).unwrap_or_else(|err| panic!("{err}"));
        let (pages, text) = super::pdf_text(&bytes);
        assert!(pages > 40, "{pages} pages for 600,000 characters of notes");
        // The notes' lines, in order, without the page footers and continued headers
        // printed between them.
        let only = |letters: &str| -> String {
            text.split_whitespace()
                .filter(|word| word.chars().all(|c| letters.contains(c)))
                .collect()
        };
        assert!(only("QXZJ") == item_word, "the item's note is not whole");
        assert!(only("qxzj") == stage_word, "the phase's note is not whole");
    }

    /// A start far in the future (chrono goes to the year 262,142) made the PDF's chart
    /// panic; dates outside 1900-01-01 to 9999-12-31 are refused where they come in.
    #[test]
    fn a_start_outside_the_supported_years_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let out = dir.path().join("plan.pdf");
        let out_arg = out.display().to_string();
        for (flag, date) in [
            ("--start", "+262142-01-01"),
            ("--start", "1899-12-31"),
            ("--start", "+10000-01-01"),
            ("--today", "+262142-01-01"),
        ] {
            let output = run(
                &["--format", "pdf", "--out", &out_arg, flag, date],
                dir.path(),
            );
            assert_eq!(output.status.code(), Some(2), "{flag} {date}: {output:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains("outside the dates a plan can use: 1900-01-01 to 9999-12-31"),
                "{flag} {date}: {stderr}"
            );
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(!out.exists());
        }
        // The last supported day still exports, in every format.
        for format in ["pdf", "ics", "md", "csv"] {
            let output = run(
                &[
                    "--format",
                    format,
                    "--out",
                    &out_arg,
                    "--start",
                    "9999-12-31",
                ],
                dir.path(),
            );
            assert!(output.status.success(), "{format}: {output:?}");
        }
    }

    /// A saved start outside the supported years is left out, not a reason to refuse the
    /// file: the export goes ahead from today and says what it changed, naming the file.
    #[test]
    fn a_saved_start_outside_the_supported_years_is_left_out_and_named() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let saved = "(version: 4, roadmaps: {\"python-enterprise\": (\n  plan: (start: Some(\"+262142-01-01\")),\n)})\n";
        let file = dir.path().join("progress.ron");
        std::fs::write(&file, saved).unwrap_or_else(|err| panic!("{err}"));
        let output = run(&["--format", "md"], dir.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{output:?}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains(
                "the plan's start date was left out (+262142-01-01 is outside the dates a plan \
                 can use: 1900-01-01 to 9999-12-31)"
            ),
            "{stderr}"
        );
        assert!(stderr.contains(&file.display().to_string()), "{stderr}");
        // The command line writes nothing over it.
        assert_eq!(
            std::fs::read_to_string(&file).unwrap_or_else(|err| panic!("{err}")),
            saved
        );
    }

    #[test]
    fn a_bad_format_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let output = run(&["--format", "docx"], dir.path());
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("pdf, ics, md, csv"), "{stderr}");
    }
}
