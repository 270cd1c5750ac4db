//! The plan as a PDF made for paper.
//!
//! Pipeline: [`content`] turns the plan into blocks that must not be split, [`layout`] puts
//! them on pages and adds footers, [`paint`] hands the result to krilla. Text is measured with
//! the embedded fonts' own metrics ([`fonts`]), so what is laid out is what is printed.

mod canvas;
mod content;
mod fonts;
mod gantt;
mod layout;
mod paint;
mod style;

use super::model::PlanDoc;
use super::{ExportError, Paper, long_date};
use layout::{Geometry, Pages};

#[cfg(test)]
pub fn render(doc: &PlanDoc<'_>, paper: Paper) -> Result<Vec<u8>, ExportError> {
    render_counted(doc, paper).map(|(bytes, _)| bytes)
}

/// The PDF, and how many pages it has.
pub fn render_counted(doc: &PlanDoc<'_>, paper: Paper) -> Result<(Vec<u8>, usize), ExportError> {
    let fonts = fonts::Fonts::load()?;
    let geometry = Geometry::for_page(paper.size_pt());
    let pages = lay_out(doc, &fonts, &geometry);
    let count = pages.pages.len();
    paint::paint(
        &pages.pages,
        &pages.bookmarks,
        paper.size_pt(),
        &fonts,
        &paint::DocInfo {
            title: doc.title,
            date: doc.today,
        },
    )
    .map(|bytes| (bytes, count))
}

fn lay_out(doc: &PlanDoc<'_>, fonts: &fonts::Fonts, geometry: &Geometry) -> Pages {
    let blocks = content::blocks(doc, fonts, geometry);
    let mut pages = layout::paginate(&blocks, geometry);
    let footer = format!("{} · printed {}", doc.title, long_date(doc.today));
    layout::add_footers(&mut pages, geometry, fonts, &footer);
    pages
}

#[cfg(test)]
mod tests;
