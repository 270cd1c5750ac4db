//! Layout checks that need the display list: nothing drawn outside the page's content area,
//! every item's text placed, on both paper sizes and for a roadmap of 1,000 items.

use chrono::NaiveDate;

use super::canvas::Op;
use super::fonts::Fonts;
use super::layout::{Geometry, outside, paginate};
use super::{content, lay_out};
use crate::export::model::PlanDoc;
use crate::export::{ExportInput, Paper};
use crate::plan::Plan;
use crate::progress::{ItemProgress, ItemState, PlanSettings, RoadmapProgress};
use crate::roadmap::Roadmap;
use crate::roadmap::synthetic;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
        start: Some(day(2026, 1, 7)),
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
