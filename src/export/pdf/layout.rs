//! Pagination: content is a list of small blocks (a heading, one row, a few lines of a long
//! text) that are never split; the paginator fills pages with them greedily and adds the
//! footers once the page count is known.
//!
//! The rules, in the order they win:
//! - a block that does not fit on what is left of a page starts the next page, which opens
//!   with the block's "(continued)" header when it has one ("Week 5 (continued)");
//! - a heading moves on with the rows it is glued to ([`Block::keep_with_next`]: content
//!   glues a heading to its first two rows, and a week's last row to its notes lines), as
//!   long as that group fits on a fresh page;
//! - but a page is never left under [`MIN_FILL`] of its height for glue or a preferred page
//!   break: there, only a block that truly does not fit starts a new page;
//! - a last page holding one lone week is avoided where a little space allows: the last two
//!   pages are first set tighter ([`Block::slack`], [`Block::squeezed`]) to pull it back;
//!   failing that, the week before it moves over to keep it company.

use std::rc::Rc;

#[cfg(test)]
use super::canvas::{Area, Op};
use super::canvas::{Canvas, Pen};
use super::fonts::{Fonts, Weight};
use super::style;

/// No page but the last is left less full than this (a share of the content height), unless
/// the block after it cannot start there or the page ends a stage.
pub const MIN_FILL: f32 = 0.4;

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
    /// Move to the next page together with the following block (headings, first rows).
    pub keep_with_next: bool,
    /// Start a new page before this block, unless the page is still empty or under
    /// [`MIN_FILL`].
    pub page_break_before: bool,
    /// Drawn first when this block has to open a new page mid-section ("Week 5 (continued)").
    pub continuation: Option<Rc<Block>>,
    /// Added to the PDF outline at the place the block lands.
    pub bookmark: Option<String>,
    /// White space at the foot of [`Self::height`] that may be given up to pull a lone last
    /// week back onto the page before.
    pub slack: f32,
    /// A tighter stand-in for the same content, used where [`Self::slack`] is given up
    /// (notes lines: one ruled line instead of two).
    pub squeezed: Option<Rc<Block>>,
    /// The plan week (its number) this block belongs to, for the rule against a lone week on
    /// the last page.
    pub week: Option<u32>,
    /// The last block of a stage or of the overview: the page may end short after it.
    pub ends_part: bool,
}

impl Block {
    pub fn new(canvas: Canvas, height: f32) -> Self {
        Self {
            canvas,
            height,
            ..Self::default()
        }
    }

    /// Adds `gap` points of white space below the block, which squeezing may take back.
    pub fn gap_below(&mut self, gap: f32) {
        self.height += gap;
        self.slack += gap;
    }
}

/// How full a laid-out page is, for the tests of the rules above.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageFill {
    /// The share of the content height used, 0..=1.
    pub used: f32,
    /// The page's last block ends a stage or the overview.
    pub ends_part: bool,
}

/// The laid-out document.
#[derive(Clone, Debug, Default)]
pub struct Pages {
    pub pages: Vec<Canvas>,
    pub bookmarks: Vec<Bookmark>,
    /// One entry per page.
    pub fill: Vec<PageFill>,
}

/// A small tolerance so rounding never pushes a block that fits onto the next page.
const EPSILON: f32 = 0.01;

/// What goes where on one page: each piece and its distance from the page top.
#[derive(Clone, Debug, Default)]
struct PagePlan {
    pieces: Vec<(Piece, f32)>,
    /// Where the content ends.
    end: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece {
    /// `blocks[i]`.
    Block(usize),
    /// The "(continued)" header of `blocks[i]`, opening a page.
    Continuation(usize),
}

/// Choices a second pass may make differently from the first.
#[derive(Clone, Copy, Debug, Default)]
struct Pass {
    /// Blocks from this index on give up their slack (the last two pages, set tighter).
    squeeze_from: Option<usize>,
    /// Start a page at this block (to give a lone last week company).
    break_before: Option<usize>,
}

/// The blocks of one pagination, with their heights as a pass sees them.
struct Flow<'a> {
    blocks: &'a [Block],
    geometry: &'a Geometry,
    pass: Pass,
}

impl Flow<'_> {
    fn squeezed(&self, index: usize) -> bool {
        self.pass.squeeze_from.is_some_and(|from| index >= from)
    }

    /// The block as drawn in this pass (its tighter stand-in when squeezed).
    fn drawn(&self, index: usize) -> &Block {
        let block = &self.blocks[index];
        match &block.squeezed {
            Some(tight) if self.squeezed(index) => tight,
            _ => block,
        }
    }

    fn height(&self, index: usize) -> f32 {
        let block = self.drawn(index);
        if self.squeezed(index) {
            block.height - block.slack
        } else {
            block.height
        }
    }

    fn continuation_height(&self, index: usize) -> f32 {
        self.blocks[index]
            .continuation
            .as_ref()
            .map_or(0.0, |header| header.height)
    }

    /// Height of `blocks[index]` plus every block it is glued to.
    fn group_height(&self, index: usize) -> f32 {
        let mut height = 0.0;
        for next in index..self.blocks.len() {
            height += self.height(next);
            if !self.blocks[next].keep_with_next {
                break;
            }
        }
        height
    }

    fn plan(&self) -> Vec<PagePlan> {
        let top = self.geometry.top;
        let room = self.geometry.content_height();
        let mut pages = vec![PagePlan {
            end: top,
            ..PagePlan::default()
        }];
        for index in 0..self.blocks.len() {
            let block = &self.blocks[index];
            let y = pages.last().map_or(top, |page| page.end);
            let at_top = y <= top + EPSILON;
            let under_filled = (y - top) < MIN_FILL * room;
            let fits = |height: f32| y + height <= self.geometry.bottom + EPSILON;
            let group = self.group_height(index);
            let new_page = !at_top
                && (!fits(self.height(index))
                    || self.pass.break_before == Some(index)
                    || (!under_filled && block.page_break_before)
                    || (!under_filled
                        && !fits(group)
                        && group + self.continuation_height(index) <= room + EPSILON));
            if new_page {
                pages.push(PagePlan {
                    end: top,
                    ..PagePlan::default()
                });
            }
            let Some(page) = pages.last_mut() else {
                continue;
            };
            if new_page && block.continuation.is_some() {
                page.pieces.push((Piece::Continuation(index), page.end));
                page.end += self.continuation_height(index);
            }
            page.pieces.push((Piece::Block(index), page.end));
            page.end += self.height(index);
        }
        pages
    }

    /// The one week a page holds, if it holds nothing else.
    fn lone_week(&self, page: &PagePlan) -> Option<u32> {
        let mut weeks = page.pieces.iter().filter_map(|(piece, _)| match piece {
            Piece::Block(index) => Some(self.blocks[*index].week),
            Piece::Continuation(_) => None,
        });
        let first = weeks.next()??;
        weeks.all(|week| week == Some(first)).then_some(first)
    }

    fn first_block(page: &PagePlan) -> Option<usize> {
        page.pieces.iter().find_map(|(piece, _)| match piece {
            Piece::Block(index) => Some(*index),
            Piece::Continuation(_) => None,
        })
    }

    /// Where the last week that starts on `page` (not at its top) begins, if nothing is
    /// glued across that point.
    fn last_week_start(&self, page: &PagePlan) -> Option<usize> {
        let first = Self::first_block(page)?;
        page.pieces
            .iter()
            .filter_map(|(piece, _)| match piece {
                Piece::Block(index) if *index > first => Some(*index),
                _ => None,
            })
            .rev()
            .find(|&index| {
                let block = &self.blocks[index];
                let before = &self.blocks[index - 1];
                block.week.is_some() && block.week != before.week && !before.keep_with_next
            })
    }
}

/// Places `blocks` on pages of `geometry`.
pub fn paginate(blocks: &[Block], geometry: &Geometry) -> Pages {
    let first = Flow {
        blocks,
        geometry,
        pass: Pass::default(),
    };
    let plan = first.plan();
    let (pass, plan) = without_lone_last_week(&first, plan);
    render(&Flow { pass, ..first }, &plan)
}

/// A better plan than `flow`'s `plan` when its last page holds a single week (and the pass
/// that made it), else `plan`.
fn without_lone_last_week(flow: &Flow<'_>, plan: Vec<PagePlan>) -> (Pass, Vec<PagePlan>) {
    let [.., before, last] = plan.as_slice() else {
        return (flow.pass, plan);
    };
    if flow.lone_week(last).is_none() {
        return (flow.pass, plan);
    }
    // Set the last two pages tighter: if they then fit on one, the week comes back.
    if let Some(from) = Flow::first_block(before) {
        let pass = Pass {
            squeeze_from: Some(from),
            break_before: None,
        };
        let squeezed = Flow { pass, ..*flow }.plan();
        if squeezed.len() < plan.len() {
            return (pass, squeezed);
        }
    }
    // Or move the week before it over, if the page it leaves stays full enough.
    if let Some(start) = flow.last_week_start(before) {
        let pass = Pass {
            squeeze_from: None,
            break_before: Some(start),
        };
        let moved = Flow { pass, ..*flow }.plan();
        let room = flow.geometry.content_height();
        let top = flow.geometry.top;
        let keeps_fill = moved.len() == plan.len()
            && moved[moved.len() - 2].end - top >= MIN_FILL * room
            && moved
                .last()
                .is_some_and(|page| flow.lone_week(page).is_none());
        if keeps_fill {
            return (pass, moved);
        }
    }
    (flow.pass, plan)
}

fn render(flow: &Flow<'_>, plan: &[PagePlan]) -> Pages {
    let geometry = flow.geometry;
    let mut pages = Pages::default();
    for (page_index, page_plan) in plan.iter().enumerate() {
        let mut page = Canvas::default();
        for &(piece, y) in &page_plan.pieces {
            let block = match piece {
                Piece::Block(index) => flow.drawn(index),
                Piece::Continuation(index) => match &flow.blocks[index].continuation {
                    Some(header) => header,
                    None => continue,
                },
            };
            if let (Piece::Block(_), Some(title)) = (piece, &block.bookmark) {
                pages.bookmarks.push(Bookmark {
                    title: title.clone(),
                    page: page_index,
                    y,
                });
            }
            page.place(&block.canvas, (geometry.margin_x, y));
        }
        let ends_part = page_plan.pieces.last().is_some_and(
            |(piece, _)| matches!(piece, Piece::Block(i) if flow.blocks[*i].ends_part),
        );
        pages.fill.push(PageFill {
            used: (page_plan.end - geometry.top) / geometry.content_height(),
            ends_part,
        });
        pages.pages.push(page);
    }
    pages
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

    fn week_block(height: f32, week: u32, slack: f32) -> Block {
        let mut block = block(height);
        block.week = Some(week);
        block.slack = slack;
        block
    }

    #[test]
    fn a_page_under_the_fill_threshold_lets_a_heading_go_without_its_rows() {
        let mut heading = block(20.0);
        heading.keep_with_next = true;
        // 30 of 100 used: moving the heading on with its 70-point row would leave 70 % blank.
        let pages = paginate(&[block(30.0), heading, block(70.0)], &geometry());
        assert_eq!(tops(&pages.pages[0]), vec![10.0, 40.0]);
        assert_eq!(tops(&pages.pages[1]), vec![10.0]);
        assert!(pages.fill[0].used >= MIN_FILL);
    }

    #[test]
    fn a_preferred_break_waits_until_the_page_is_full_enough() {
        let mut second = block(10.0);
        second.page_break_before = true;
        let pages = paginate(&[block(30.0), second.clone()], &geometry());
        assert_eq!(pages.pages.len(), 1);
        let pages = paginate(&[block(50.0), second], &geometry());
        assert_eq!(pages.pages.len(), 2);
    }

    #[test]
    fn a_lone_last_week_is_pulled_back_by_setting_the_pages_tighter() {
        let blocks = vec![
            week_block(45.0, 1, 10.0),
            week_block(45.0, 2, 10.0),
            week_block(20.0, 3, 5.0),
        ];
        let pages = paginate(&blocks, &geometry());
        assert_eq!(pages.pages.len(), 1);
        assert_eq!(tops(&pages.pages[0]), vec![10.0, 45.0, 80.0]);
    }

    #[test]
    fn a_lone_last_week_gets_the_week_before_it_when_nothing_can_be_tighter() {
        let blocks = vec![
            week_block(60.0, 1, 0.0),
            week_block(35.0, 2, 0.0),
            week_block(30.0, 3, 0.0),
        ];
        let pages = paginate(&blocks, &geometry());
        assert_eq!(pages.pages.len(), 2);
        assert_eq!(tops(&pages.pages[0]), vec![10.0]);
        assert_eq!(tops(&pages.pages[1]), vec![10.0, 45.0]);
    }

    #[test]
    fn a_lone_last_week_stays_when_moving_would_empty_the_page_before() {
        let blocks = vec![
            week_block(30.0, 1, 0.0),
            week_block(65.0, 2, 0.0),
            week_block(30.0, 3, 0.0),
        ];
        let pages = paginate(&blocks, &geometry());
        assert_eq!(tops(&pages.pages[0]), vec![10.0, 40.0]);
        assert_eq!(tops(&pages.pages[1]), vec![10.0]);
    }
}
