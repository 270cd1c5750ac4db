//! Layout checks that need the display list: nothing drawn outside the page's content area,
//! every item's text placed, on both paper sizes and for a roadmap of 1,000 items.

use chrono::NaiveDate;

use super::canvas::Op;
use super::fonts::Fonts;
use super::layout::{Geometry, MIN_FILL, outside, paginate};
use super::{content, lay_out};
use crate::date::PlanDate;
use crate::export::model::PlanDoc;
use crate::export::{ExportInput, Paper};
use crate::plan::Plan;
use crate::progress::{ItemProgress, ItemState, PlanSettings, RoadmapProgress};
use crate::roadmap::Roadmap;
use crate::roadmap::synthetic;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the test names a real date")
}

fn fonts() -> Fonts {
    match Fonts::load() {
        Ok(fonts) => fonts,
        Err(err) => panic!("{err}"),
    }
}

/// Lays out `roadmap` with a few items done and noted, and runs `check` on the result.
fn with_doc(roadmap: &Roadmap, check: impl FnOnce(&PlanDoc<'_>)) {
    let settings = PlanSettings {
        start: Some(PlanDate::clamped(day(2026, 1, 7))),
        ..PlanSettings::default()
    };
    let today = day(2026, 3, 2);
    let mut progress = RoadmapProgress {
        plan: settings,
        ..RoadmapProgress::default()
    };
    for (index, item) in roadmap.items().enumerate().filter(|(i, _)| i % 3 == 0) {
        let state = [ItemState::Done, ItemState::InProgress, ItemState::Skipped][index % 3];
        progress.items.insert(
            item.item.id.clone(),
            ItemProgress {
                state,
                done_on: Some(day(2026, 2, 1)),
                note: if index % 9 == 0 {
                    "Revisit this with the book’s exercises.".to_owned()
                } else {
                    String::new()
                },
                before_done: None,
            },
        );
    }
    let plan = Plan::new(std::sync::Arc::new(roadmap.clone()), progress, today);
    let input = ExportInput {
        plan: &plan,
        paper: Paper::A4,
    };
    check(&PlanDoc::new(&input));
}

fn texts(op: &Op) -> Option<&str> {
    match op {
        Op::Text(run) => Some(run.text.as_str()),
        _ => None,
    }
}

fn assert_nothing_clipped(doc: &PlanDoc<'_>, paper: Paper) -> usize {
    let fonts = fonts();
    let geometry = Geometry::for_page(paper.size_pt());
    let blocks = content::blocks(doc, &fonts, &geometry);
    for block in &blocks {
        assert!(
            block.height <= geometry.content_height(),
            "a block taller than a page: {}",
            block.height
        );
    }
    let pages = paginate(&blocks, &geometry);
    for (index, page) in pages.pages.iter().enumerate() {
        let stray = outside(page, &geometry.content_area(), &fonts);
        assert!(stray.is_empty(), "page {}: {stray:?}", index + 1);
    }
    // With footers, everything still lies on the paper, inside a 20 pt border.
    let full = lay_out(doc, &fonts, &geometry);
    let paper_area =
        super::canvas::Area::new(20.0, 20.0, geometry.width - 40.0, geometry.height - 40.0);
    for page in &full.pages {
        assert!(outside(page, &paper_area, &fonts).is_empty());
    }
    full.pages.len()
}

#[test]
fn the_embedded_roadmap_fits_its_pages_on_both_papers() {
    let roadmap = crate::roadmap::embedded();
    with_doc(&roadmap, |doc| {
        for paper in Paper::ALL {
            let pages = assert_nothing_clipped(doc, paper);
            assert!((3..30).contains(&pages), "{pages} pages");
        }
    });
}

#[test]
fn a_thousand_items_flow_over_pages_without_clipping() {
    let roadmap = synthetic::roadmap(1000);
    with_doc(&roadmap, |doc| {
        for paper in Paper::ALL {
            let pages = assert_nothing_clipped(doc, paper);
            assert!(pages > 20, "{pages} pages");
        }
    });
}

#[test]
fn every_item_is_printed_once_its_lines_are_joined() {
    let roadmap = synthetic::roadmap(300);
    with_doc(&roadmap, |doc| {
        let fonts = fonts();
        let geometry = Geometry::for_page(Paper::Letter.size_pt());
        let pages = lay_out(doc, &fonts, &geometry);
        let all: String = pages
            .pages
            .iter()
            .flat_map(|page| page.ops.iter().filter_map(texts))
            .collect::<Vec<_>>()
            .join(" ");
        for item in roadmap.items() {
            let words: String = item
                .item
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let first_words: String = words.split(' ').take(3).collect::<Vec<_>>().join(" ");
            assert!(all.contains(&first_words), "missing {first_words}");
        }
        assert!(pages.bookmarks.len() > roadmap.phases.len());
    });
}

#[test]
fn characters_the_fonts_lack_still_make_a_pdf() {
    let mut roadmap = crate::roadmap::embedded();
    if let Some(item) = roadmap.phases[0].hands_on.first_mut() {
        item.text = "学习 Rust 🎉 — with an emoji and CJK the DejaVu fonts do not have".to_owned();
    }
    with_doc(&roadmap, |doc| {
        let pdf = super::render(doc, Paper::A4);
        assert!(pdf.is_ok_and(|bytes| bytes.starts_with(b"%PDF-")));
    });
}

/// The page-flow rule for one roadmap: no page but the last is under [`MIN_FILL`] unless it
/// ends a stage (or the overview), and the pages hold every block within their area.
fn assert_pages_are_full_enough(roadmap: &Roadmap, paper: Paper) -> usize {
    let mut count = 0;
    with_doc(roadmap, |doc| {
        let fonts = fonts();
        let geometry = Geometry::for_page(paper.size_pt());
        let pages = lay_out(doc, &fonts, &geometry);
        let last = pages.fill.len().saturating_sub(1);
        for (index, fill) in pages.fill.iter().enumerate().take(last) {
            assert!(
                fill.used >= MIN_FILL || fill.ends_part,
                "page {} of {} is {:.0} % full ({paper:?})",
                index + 1,
                pages.fill.len(),
                fill.used * 100.0
            );
        }
        for (index, page) in pages.pages.iter().enumerate() {
            let stray = outside(page, &geometry.content_area(), &fonts);
            // The footer lies below the content area; nothing else may.
            let below_footer_rule = |op: &&Op| op.bounds(&fonts).y > geometry.bottom;
            assert!(
                stray.iter().all(below_footer_rule),
                "page {}: {stray:?}",
                index + 1
            );
        }
        count = pages.pages.len();
    });
    count
}

/// "Phase 1 has 28 resources": the links flow on from the heading's page rather than leaving
/// it nearly empty, and the page they continue on says "(continued)".
#[test]
fn a_long_list_of_links_flows_on_from_its_heading() {
    let roadmap = synthetic::shaped(&synthetic::Shape {
        phases: 8,
        topics: 14,
        hands_on: 4,
        resources: 28,
        goal_words: 30,
        tech_stack: 4,
        ideas: 3,
    });
    for paper in Paper::ALL {
        assert_pages_are_full_enough(&roadmap, paper);
    }
    with_doc(&roadmap, |doc| {
        let fonts = fonts();
        let geometry = Geometry::for_page(Paper::A4.size_pt());
        let pages = lay_out(doc, &fonts, &geometry);
        let page_texts: Vec<Vec<&str>> = pages
            .pages
            .iter()
            .map(|page| page.ops.iter().filter_map(texts).collect())
            .collect();
        let is_heading = |op: &Op| {
            matches!(op, Op::Text(run) if run.size == super::style::HEADING
                && run.text.starts_with("Phase 1: "))
        };
        let heading_page = pages
            .pages
            .iter()
            .position(|page| page.ops.iter().any(is_heading))
            .expect("phase 1's heading is printed");
        let on_heading_page = page_texts[heading_page]
            .iter()
            .filter(|t| t.starts_with("Resource ") && t.contains("for phase 1 "))
            .count();
        assert!(
            on_heading_page >= 2,
            "{on_heading_page} links with the heading"
        );
        let continued = page_texts.iter().any(|texts| {
            texts
                .iter()
                .any(|t| t.starts_with("Phase 1: ") && t.ends_with("(continued)"))
        });
        assert!(continued, "no “(continued)” heading");
    });
}

/// A twenty-item week splits between rows, and the next page opens with "Week n (continued)".
#[test]
fn a_week_that_runs_over_a_page_is_continued_with_its_header() {
    let roadmap = synthetic::shaped(&synthetic::Shape {
        phases: 1,
        topics: 300,
        hands_on: 0,
        resources: 0,
        goal_words: 0,
        tech_stack: 0,
        ideas: 0,
    });
    assert_pages_are_full_enough(&roadmap, Paper::Letter);
    with_doc(&roadmap, |doc| {
        let fonts = fonts();
        let geometry = Geometry::for_page(Paper::Letter.size_pt());
        let pages = lay_out(doc, &fonts, &geometry);
        let all: Vec<&str> = pages
            .pages
            .iter()
            .flat_map(|page| page.ops.iter().filter_map(texts))
            .collect();
        assert!(
            all.iter()
                .any(|t| t.starts_with("Week ") && t.ends_with("(continued)"))
        );
    });
}

mod page_fill {
    use proptest::prelude::*;

    use super::*;

    fn shapes() -> impl Strategy<Value = synthetic::Shape> {
        (
            1..9_usize,
            (0..300_usize, 0..40_usize),
            0..300_usize,
            0..300_usize,
            (0..300_usize, 0..300_usize),
        )
            .prop_map(
                |(phases, (topics, hands_on), resources, goal_words, (tech_stack, ideas))| {
                    synthetic::Shape {
                        phases,
                        // Keep the whole roadmap near 300 items so each case stays quick.
                        topics: topics / phases,
                        hands_on: hands_on / phases,
                        resources: resources / phases,
                        goal_words,
                        tech_stack: tech_stack / 4,
                        ideas: ideas / 4,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// For any generated roadmap, no page except the last is under the fill threshold
        /// unless it ends a phase.
        #[test]
        fn no_page_but_the_last_is_nearly_empty(shape in shapes(), letter in any::<bool>()) {
            let paper = if letter { Paper::Letter } else { Paper::A4 };
            assert_pages_are_full_enough(&synthetic::shaped(&shape), paper);
        }
    }
}

#[test]
fn a_300k_character_word_in_notes_stays_on_its_pages() {
    let mut roadmap = crate::roadmap::embedded();
    roadmap.phases.truncate(1);
    roadmap.final_project = None;
    // Letters found nowhere else in the plan, in a pattern, so a lost or doubled piece shows.
    let word = |letters: &[char]| -> String {
        (0..300_000usize)
            .map(|i| letters[i / 5 % letters.len()])
            .collect()
    };
    let (stage_word, item_word) = (word(&['Q', 'X', 'Z', 'J']), word(&['K', 'W', 'V', 'Y']));
    let mut progress = RoadmapProgress::default();
    progress.plan.start = Some(PlanDate::clamped(day(2026, 1, 7)));
    progress
        .stage_notes
        .insert(roadmap.phases[0].id.clone(), stage_word.clone());
    if let Some(item) = roadmap.items().next() {
        progress.set_note(&item.item.id, &item_word);
    }
    let plan = Plan::new(std::sync::Arc::new(roadmap), progress, day(2026, 3, 2));
    let input = ExportInput {
        plan: &plan,
        paper: Paper::A4,
    };
    let doc = PlanDoc::new(&input);
    // No block taller than a page, nothing outside the content area.
    let pages = assert_nothing_clipped(&doc, Paper::A4);
    assert!(pages > 40, "{pages} pages");
    let fonts = fonts();
    let laid_out = lay_out(&doc, &fonts, &Geometry::for_page(Paper::A4.size_pt()));
    let only = |letters: &str| -> String {
        laid_out
            .pages
            .iter()
            .flat_map(|page| page.ops.iter().filter_map(texts))
            .flat_map(str::split_whitespace)
            .filter(|piece| piece.chars().all(|c| letters.contains(c)))
            .collect()
    };
    assert!(only("QXZJ") == stage_word, "the phase's note is not whole");
    assert!(only("KWVY") == item_word, "the item's note is not whole");
}
