//! Lay out only what can be seen: a long scrolling list of blocks (cards, weeks) whose
//! off-screen blocks cost one rectangle each instead of a full layout.
//!
//! Each block remembers the height and width it had the last time it was laid out (per block
//! key, in egui's temporary memory). A block whose rectangle lies more than one screen above
//! or below the visible part of the scroll area only reserves space: the height it last had
//! (at whatever width), or, for a block never laid out, the mean height of the blocks of this
//! list laid out so far. Every other block is laid out as usual and its height remembered
//! again. So the very first frame lays out only the first screen or two of a long list (a
//! 150-phase roadmap's cards or 400 weeks cost what two screens do), and resizing the window
//! lays out only what is near the screen at each new width. The screen of margin keeps the
//! next widget that keyboard navigation (Tab) moves to laid out, and lets a block whose
//! height changed while it was away settle before it scrolls into view.
//!
//! The price of estimating: the scroll bar's length is approximate until the learner has
//! scrolled past every block, and a jump to a far block lands where the estimate put it, so
//! [`scroll_block_to_top`] keeps scrolling for the few frames it takes the blocks around the
//! target to be measured.
//!
//! A block holding the keyboard focus is always laid out, and a widget in it that has just
//! gained the focus (Tab, Shift+Tab) is scrolled into view, so a key press never lands in a
//! widget nobody sees.
//!
//! Never culls while AccessKit is on: a screen reader (and the kittest UI tests, which read
//! the same tree) must find every item, seen or not.

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Rect, Response, Sense, Ui, vec2};

/// What [`lazy_block_ui`] did with a block.
pub struct LazyBlock {
    /// The block's whole rectangle (e.g. for `scroll_to_me`).
    pub response: Response,
    /// Whether its contents ran this frame; `false` when it only reserved its space.
    pub laid_out: bool,
}

/// Lays out `add_contents` in a scope if it is on or near the screen, otherwise reserves the
/// space it took last time (or, never laid out, the list's mean block height). `key` must be
/// unique among the blocks of this `ui`.
pub fn lazy_block_ui(
    ui: &mut Ui,
    key: impl Hash + Debug,
    add_contents: impl FnOnce(&mut Ui),
) -> LazyBlock {
    let width = ui.available_width();
    let memory_id = ui.scope_id().with(("lazy-block", key));
    let mean_id = ui.scope_id().with("lazy-block-mean");
    let accesskit_on = ui.ctx().has_accesskit_node(ui.unique_id());
    let focused = ui.ctx().memory(|memory| memory.focused());
    if !accesskit_on {
        let (remembered, mean) = ui.data(|data| {
            (
                data.get_temp::<Remembered>(memory_id),
                data.get_temp::<MeanHeight>(mean_id),
            )
        });
        // A block that holds the keyboard focus is always laid out: a key press must never
        // land in a widget that is not there to be seen.
        let holds_focus =
            focused.is_some() && remembered.is_some_and(|block| block.focused == focused);
        let height = remembered
            .map(|block| block.height)
            .or_else(|| mean.map(|mean| mean.height));
        if let Some(height) = height
            && !holds_focus
        {
            let rect = Rect::from_min_size(ui.cursor().min, vec2(width, height));
            let clip = ui.clip_rect();
            if !clip.expand2(vec2(0.0, clip.height())).intersects(rect) {
                // Same auto-id bookkeeping as `scope`, so the ids of later blocks do not change.
                let (_, rect) = ui.allocate_space(rect.size());
                return LazyBlock {
                    response: ui.interact(rect, memory_id, Sense::hover()),
                    laid_out: false,
                };
            }
        }
    }
    let response = ui.scope(add_contents).response;
    // Read again: a widget in the block may have just taken the focus.
    let focused_here = ui
        .ctx()
        .memory(|memory| memory.focused())
        .and_then(|id| ui.ctx().read_response(id))
        .filter(|widget| response.rect.contains(widget.rect.center()));
    if let Some(widget) = &focused_here
        && widget.gained_focus()
    {
        // Tab (or a closed menu) moved the focus here: show where it went.
        widget.scroll_to_me(None);
    }
    let height = response.rect.height();
    ui.data_mut(|data| {
        data.insert_temp(
            memory_id,
            Remembered {
                height,
                focused: focused_here.map(|widget| widget.id),
            },
        );
        let mean = data.get_temp_mut_or_default::<MeanHeight>(mean_id);
        mean.add(height);
    });
    LazyBlock {
        response,
        laid_out: true,
    }
}

/// Brings `block` to the top of the scroll area, and goes on doing so on the next frames
/// until it stays put: the blocks between it and where the view was had estimated heights,
/// and are measured only once they come near the screen, which moves the target a little.
/// Returns whether the scroll is still settling (the caller keeps its target while it is).
pub fn scroll_block_to_top(ui: &Ui, block: &LazyBlock) -> bool {
    let id = block.response.id.with("lazy-scroll-settle");
    let top = block.response.rect.top();
    let before = ui.data(|data| data.get_temp::<f32>(id));
    if block.laid_out && before.is_some_and(|before| (before - top).abs() < 0.5) {
        ui.data_mut(|data| data.remove::<f32>(id));
        return false;
    }
    ui.data_mut(|data| data.insert_temp(id, top));
    block.response.scroll_to_me(Some(egui::Align::TOP));
    ui.ctx().request_repaint();
    true
}

/// What a block remembers from the last time it was laid out.
#[derive(Clone, Copy, Debug)]
struct Remembered {
    height: f32,
    /// The widget in it that had the keyboard focus.
    focused: Option<egui::Id>,
}

/// The running mean height of a list's laid-out blocks: the guess for one never laid out.
#[derive(Clone, Copy, Debug, Default)]
struct MeanHeight {
    height: f32,
    samples: u32,
}

impl MeanHeight {
    /// Later samples weigh as much as the last 64 together, so the mean follows the list
    /// (a new roadmap, a new width) instead of its whole history.
    fn add(&mut self, height: f32) {
        self.samples = (self.samples + 1).min(64);
        self.height += (height - self.height) / self.samples as f32;
    }
}

#[cfg(test)]
mod tests {
    use super::{lazy_block_ui, scroll_block_to_top};

    /// Draws 200 blocks of 5 labels in a 400-point scroll area, `frames` times; returns how
    /// many blocks were laid out (ran their contents) in the last frame and the scroll
    /// area's content height then.
    fn blocks_laid_out(ctx: &egui::Context, accesskit: bool, frames: usize) -> (usize, f32) {
        if accesskit {
            ctx.enable_accesskit();
        }
        let mut laid_out = 0;
        let mut content_height = 0.0;
        for _ in 0..frames {
            laid_out = 0;
            let output = ctx.run_ui(frame_input(600.0), |ui| {
                let shown = egui::ScrollArea::vertical().show(ui, |ui| {
                    for block in 0..200 {
                        lazy_block_ui(ui, block, |ui| {
                            laid_out += 1;
                            for line in 0..5 {
                                ui.label(format!("block {block}, line {line}"));
                            }
                        });
                    }
                });
                content_height = shown.content_size.y;
            });
            output.drop_without_applying_deltas();
        }
        (laid_out, content_height)
    }

    fn frame_input(width: f32) -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(width, 400.0),
            )),
            ..Default::default()
        }
    }

    #[test]
    fn only_blocks_near_the_screen_are_laid_out_and_the_height_stays_the_same() {
        let (all, full_height) = blocks_laid_out(&egui::Context::default(), true, 3);
        assert_eq!(all, 200, "with AccessKit on, every block is laid out");
        let (near, lazy_height) = blocks_laid_out(&egui::Context::default(), false, 3);
        assert!(
            (1..20).contains(&near),
            "{near} of 200 blocks laid out in a 400-point window"
        );
        assert_eq!(lazy_height, full_height);
    }

    /// The very first frame already lays out only the blocks near the screen, and the list's
    /// height is right when its blocks are alike (the estimate is the mean of those measured).
    #[test]
    fn the_first_frame_lays_out_only_the_first_screens() {
        let (_, full_height) = blocks_laid_out(&egui::Context::default(), true, 1);
        let (laid_out, content_height) = blocks_laid_out(&egui::Context::default(), false, 1);
        assert!((1..20).contains(&laid_out), "{laid_out} of 200 laid out");
        assert!(
            (content_height - full_height).abs() < 1.0,
            "{content_height} against {full_height}"
        );
    }

    /// Blocks of different heights (1 to 7 lines): a jump to block 190, far past anything
    /// measured, lands with that block at the top of the view once egui's scroll animation
    /// (a fraction of a second of frames) is over, and then stops asking for frames. A narrower window afterwards lays out only what is near.
    #[test]
    fn a_jump_to_a_far_block_settles_on_it_and_a_resize_stays_lazy() {
        let ctx = egui::Context::default();
        let mut settling = true;
        let mut frames = 0;
        let mut target_top = f32::NAN;
        let mut view_top = f32::NAN;
        let draw = |ctx: &egui::Context, width: f32, jump: bool| {
            let (mut settling_now, mut count, mut target, mut view) = (false, 0, 0.0, 0.0);
            let output = ctx.run_ui(frame_input(width), |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    view = ui.clip_rect().top();
                    for block in 0..200 {
                        let shown = lazy_block_ui(ui, block, |ui| {
                            count += 1;
                            for line in 0..=(block % 7) {
                                ui.label(format!("block {block}, line {line}"));
                            }
                        });
                        if block == 190 {
                            target = shown.response.rect.top();
                            if jump {
                                settling_now = scroll_block_to_top(ui, &shown);
                            }
                        }
                    }
                });
            });
            output.drop_without_applying_deltas();
            (settling_now, count, target, view)
        };
        while settling && frames < 200 {
            (settling, _, target_top, view_top) = draw(&ctx, 600.0, true);
            frames += 1;
        }
        assert!(!settling, "still settling after {frames} frames");
        assert!(
            (0.0..8.0).contains(&(target_top - view_top)),
            "block 190 at {target_top}, the view starts at {view_top}"
        );
        let mut laid_out = 0;
        for _ in 0..2 {
            (_, laid_out, _, _) = draw(&ctx, 500.0, false);
        }
        assert!((1..40).contains(&laid_out), "{laid_out} of 200 laid out");
    }

    /// A button far below the screen that has the keyboard focus keeps its block laid out
    /// (so the focus is not dropped, and a key press reaches something real). The first
    /// frame is a screen tall enough to lay out every block, so the button is there to be
    /// focused; that a widget gaining the focus is scrolled into view is tested on the real
    /// app in `tests/ui_focus.rs`.
    #[test]
    fn a_focused_block_far_off_screen_stays_laid_out() {
        let ctx = egui::Context::default();
        let mut focus_it = true;
        let mut block_150_laid_out = Vec::new();
        for frame in 0..5 {
            let height = if frame == 0 { 100_000.0 } else { 400.0 };
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(600.0, height),
                )),
                ..Default::default()
            };
            let mut laid = false;
            let output = ctx.run_ui(input, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for block in 0..200 {
                        lazy_block_ui(ui, block, |ui| {
                            for line in 0..4 {
                                ui.label(format!("block {block}, line {line}"));
                            }
                            let button = ui.button(format!("button {block}"));
                            if block == 150 {
                                laid = true;
                                if focus_it {
                                    button.request_focus();
                                }
                            }
                        });
                    }
                });
            });
            output.drop_without_applying_deltas();
            focus_it = false;
            block_150_laid_out.push(laid);
        }
        assert_eq!(block_150_laid_out, [true; 5]);
        assert!(ctx.memory(|m| m.focused()).is_some(), "the focus is kept");
    }
}
