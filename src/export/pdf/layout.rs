//! Pagination: content is a list of blocks that are never split; the paginator moves them onto
//! pages, keeps headings with what follows them, repeats a short "continued" header when a
//! week runs over a page, and adds the footer once the page count is known.

use std::rc::Rc;

#[cfg(test)]
use super::canvas::{Area, Op};
use super::canvas::{Canvas, Pen};
use super::fonts::{Fonts, Weight};
use super::style;

/// A PDF outline entry ("bookmark"): a heading and where it landed.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Distance from the top of the page, in points.
    pub y: f32,
}

/// The printable area of a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    /// Left and right margin.
    pub margin_x: f32,
    /// Where content starts.
    pub top: f32,
    /// Where content must end (the footer lies below).
    pub bottom: f32,
}

impl Geometry {
    pub fn for_page((width, height): (f32, f32)) -> Self {
        Self {
            width,
            height,
            margin_x: 46.0,
            top: 44.0,
            bottom: height - 54.0,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    pub fn content_height(&self) -> f32 {
        self.bottom - self.top
    }

    #[cfg(test)]
    /// The area content may use; the tests check that nothing but the footer leaves it.
    pub fn content_area(&self) -> Area {
        Area::new(
            self.margin_x,
            self.top,
            self.content_width(),
            self.content_height(),
        )
    }
}

/// A piece of content that is never split over two pages. Its canvas has its origin at the
/// block's top-left corner, at the left margin.
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub canvas: Canvas,
    pub height: f32,
    /// Move to the next page together with the following block (headings).
    pub keep_with_next: bool,
    /// Start a new page before this block (unless the page is still empty).
    pub page_break_before: bool,
    /// Drawn first when this block has to open a new page mid-section ("Week 5 (continued)").
    pub continuation: Option<Rc<Block>>,
    /// Added to the PDF outline at the place the block lands.
    pub bookmark: Option<String>,
}

impl Block {
    pub fn new(canvas: Canvas, height: f32) -> Self {
        Self {
            canvas,
            height,
            ..Self::default()
        }
    }
}

/// The laid-out document.
#[derive(Clone, Debug, Default)]
pub struct Pages {
    pub pages: Vec<Canvas>,
    pub bookmarks: Vec<Bookmark>,
}

/// A small tolerance so rounding never pushes a block that fits onto the next page.
const EPSILON: f32 = 0.01;

/// Places `blocks` on pages of `geometry`.
pub fn paginate(blocks: &[Block], geometry: &Geometry) -> Pages {
    let mut pages = Pages {
        pages: vec![Canvas::default()],
        bookmarks: Vec::new(),
    };
    let mut y = geometry.top;
    let fits = |y: f32, height: f32| y + height <= geometry.bottom + EPSILON;
    let at_top = |y: f32| y <= geometry.top + EPSILON;
    for (index, block) in blocks.iter().enumerate() {
        let mut overflow = false;
        if block.page_break_before && !at_top(y) {
            pages.pages.push(Canvas::default());
            y = geometry.top;
        }
        // A heading moves on with what it must stay with, if that group fits on a page at all.
        let group = group_height(&blocks[index..]);
        if !at_top(y) && !fits(y, group) && group <= geometry.content_height() {
            overflow = true;
        }
        if !at_top(y) && !fits(y, block.height) {
            overflow = true;
        }
        if overflow {
            pages.pages.push(Canvas::default());
            y = geometry.top;
            if let Some(header) = &block.continuation {
                place(&mut pages, header, geometry, &mut y);
            }
        }
        place(&mut pages, block, geometry, &mut y);
    }
    pages
}

/// Height of `blocks[0]` plus every block it is kept with.
fn group_height(blocks: &[Block]) -> f32 {
    let mut height = 0.0;
    for block in blocks {
        height += block.height;
        if !block.keep_with_next {
            break;
        }
    }
    height
}

fn place(pages: &mut Pages, block: &Block, geometry: &Geometry, y: &mut f32) {
    let page_index = pages.pages.len() - 1;
    if let Some(title) = &block.bookmark {
        pages.bookmarks.push(Bookmark {
            title: title.clone(),
            page: page_index,
            y: *y,
        });
    }
    if let Some(page) = pages.pages.last_mut() {
        page.place(&block.canvas, (geometry.margin_x, *y));
    }
    *y += block.height;
}

/// Adds "Page n of N" and the roadmap title with the print date to the foot of every page.
pub fn add_footers(pages: &mut Pages, geometry: &Geometry, fonts: &Fonts, left_text: &str) {
    let total = pages.pages.len();
    let size = style::SMALL;
    let baseline = geometry.height - 30.0;
    let rule_y = geometry.bottom + 12.0;
    let right_edge = geometry.width - geometry.margin_x;
    for (index, page) in pages.pages.iter_mut().enumerate() {
        page.line(
            (geometry.margin_x, rule_y),
            (right_edge, rule_y),
            Pen::solid(style::RULE, 0.5),
        );
        let right = format!("Page {} of {total}", index + 1);
        let right_width = fonts.width(Weight::Regular, size, &right);
        let room = geometry.content_width() - right_width - 24.0;
        let left = fonts
            .wrap(Weight::Regular, size, left_text, room.max(40.0))
            .into_iter()
            .next()
            .unwrap_or_default();
        page.text(
            (geometry.margin_x, baseline),
            size,
            Weight::Regular,
            style::MUTED,
            left,
        );
        page.text(
            (right_edge - right_width, baseline),
            size,
            Weight::Regular,
            style::MUTED,
            right,
        );
    }
}

#[cfg(test)]
/// Operations that reach outside `area` (for tests: nothing may be clipped).
pub fn outside<'a>(page: &'a Canvas, area: &Area, fonts: &'a Fonts) -> Vec<&'a Op> {
    page.ops
        .iter()
        .filter(|op| {
            let b = op.bounds(fonts);
            b.x < area.x - 0.5
                || b.y < area.y - 0.5
                || b.right() > area.right() + 0.5
                || b.bottom() > area.bottom() + 0.5
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(height: f32) -> Block {
        let mut canvas = Canvas::default();
        canvas.fill(Area::new(0.0, 0.0, 10.0, height), style::RULE);
        Block::new(canvas, height)
    }

    fn geometry() -> Geometry {
        Geometry {
            width: 200.0,
            height: 200.0,
            margin_x: 10.0,
            top: 10.0,
            bottom: 110.0,
        }
    }

    fn tops(page: &Canvas) -> Vec<f32> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Rect { area, .. } => Some(area.y),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn blocks_flow_onto_new_pages_whole() {
        let blocks: Vec<Block> = (0..5).map(|_| block(40.0)).collect();
        let pages = paginate(&blocks, &geometry());
        assert_eq!(pages.pages.len(), 3);
        assert_eq!(tops(&pages.pages[0]), vec![10.0, 50.0]);
        assert_eq!(tops(&pages.pages[2]), vec![10.0]);
    }

    #[test]
    fn a_heading_moves_with_the_next_block() {
        let mut heading = block(20.0);
        heading.keep_with_next = true;
        heading.bookmark = Some("Phase".to_owned());
        let blocks = vec![block(60.0), heading, block(30.0)];
        let pages = paginate(&blocks, &geometry());
        assert_eq!(pages.pages.len(), 2);
        assert_eq!(tops(&pages.pages[1]), vec![10.0, 30.0]);
        assert_eq!(pages.bookmarks[0].page, 1);
    }

    #[test]
    fn a_continued_block_repeats_its_header() {
        let header = Rc::new(block(15.0));
        let mut rows: Vec<Block> = (0..4).map(|_| block(30.0)).collect();
        for row in &mut rows {
            row.continuation = Some(header.clone());
        }
        let pages = paginate(&rows, &geometry());
        assert_eq!(pages.pages.len(), 2);
        assert_eq!(tops(&pages.pages[1]), vec![10.0, 25.0]);
    }

    #[test]
    fn an_explicit_break_starts_a_page() {
        let mut second = block(10.0);
        second.page_break_before = true;
        let pages = paginate(&[block(10.0), second], &geometry());
        assert_eq!(pages.pages.len(), 2);
    }
}
