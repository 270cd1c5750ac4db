//! Lay out only what can be seen: a long scrolling list of blocks (cards, weeks) whose
//! off-screen blocks cost one rectangle each instead of a full layout.
//!
//! Each block remembers the height it had the last time it was laid out (per block key and
//! width, in egui's temporary memory). A block whose remembered rectangle lies more than one
//! screen above or below the visible part of the scroll area only reserves that space; every
//! other block is laid out as usual and its height remembered again. The screen of margin
//! keeps the next widget that keyboard navigation (Tab) moves to laid out, and lets a block
//! whose height changed while it was away settle before it scrolls into view.
//!
//! A block holding the keyboard focus is always laid out, and a widget in it that has just
//! gained the focus (Tab, Shift+Tab) is scrolled into view, so a key press never lands in a
//! widget nobody sees.
//!
//! Never culls while AccessKit is on: a screen reader (and the kittest UI tests, which read
//! the same tree) must find every item, seen or not. Blocks never laid out yet, or at a new
//! width, are laid out in full, so the first frame is exact.

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Rect, Response, Sense, Ui, vec2};

/// Lays out `add_contents` in a scope if it is on or near the screen, otherwise reserves the
/// space it took last time. `key` must be unique among the blocks of this `ui`. Returns the
/// block's response (its whole rectangle), e.g. for `scroll_to_me`.
pub fn lazy_block_ui(
    ui: &mut Ui,
    key: impl Hash + Debug,
    add_contents: impl FnOnce(&mut Ui),
) -> Response {
    let width = ui.available_width();
    // Whole points: a width that wobbles by a rounding error must not forget every height.
    let memory_id = ui
        .scope_id()
        .with(("lazy-block", key, width.round() as i32));
    let accesskit_on = ui.ctx().has_accesskit_node(ui.unique_id());
    let focused = ui.ctx().memory(|memory| memory.focused());
    let remembered = if accesskit_on {
        None
    } else {
        ui.data(|data| data.get_temp::<Remembered>(memory_id))
    };
    // A block that holds the keyboard focus is always laid out: a key press must never land
    // in a widget that is not there to be seen.
    if let Some(remembered) = remembered
        && (focused.is_none() || remembered.focused != focused)
    {
        let rect = Rect::from_min_size(ui.cursor().min, vec2(width, remembered.height));
        let clip = ui.clip_rect();
        if !clip.expand2(vec2(0.0, clip.height())).intersects(rect) {
            // Same auto-id bookkeeping as `scope`, so the ids of later blocks do not change.
            let (_, rect) = ui.allocate_space(rect.size());
            return ui.interact(rect, memory_id, Sense::hover());
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
    ui.data_mut(|data| {
        data.insert_temp(
            memory_id,
            Remembered {
                height: response.rect.height(),
                focused: focused_here.map(|widget| widget.id),
            },
        );
    });
    response
}

/// What a block remembers from the last time it was laid out.
#[derive(Clone, Copy, Debug)]
struct Remembered {
    height: f32,
    /// The widget in it that had the keyboard focus.
    focused: Option<egui::Id>,
}

#[cfg(test)]
mod tests {
    use super::lazy_block_ui;

    /// Draws 200 blocks of 5 labels in a 400-point scroll area; returns how many blocks were
    /// laid out (ran their contents) and the scroll area's content height.
    fn blocks_laid_out(ctx: &egui::Context, accesskit: bool) -> (usize, f32) {
        if accesskit {
            ctx.enable_accesskit();
        }
        let mut laid_out = 0;
        let mut content_height = 0.0;
        for _ in 0..3 {
            laid_out = 0;
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(600.0, 400.0),
                )),
                ..Default::default()
            };
            let output = ctx.run_ui(input, |ui| {
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

    #[test]
    fn only_blocks_near_the_screen_are_laid_out_and_the_height_stays_the_same() {
        let (all, full_height) = blocks_laid_out(&egui::Context::default(), true);
        assert_eq!(all, 200, "with AccessKit on, every block is laid out");
        let (near, lazy_height) = blocks_laid_out(&egui::Context::default(), false);
        assert!(
            (1..20).contains(&near),
            "{near} of 200 blocks laid out in a 400-point window"
        );
        assert_eq!(lazy_height, full_height);
    }

    /// A button far below the screen that has the keyboard focus keeps its block laid out
    /// (so the focus is not dropped, and a key press reaches something real), and the scroll
    /// area is asked to bring it into view when it gains the focus.
    #[test]
    fn a_focused_block_far_off_screen_stays_laid_out_and_is_scrolled_to() {
        let ctx = egui::Context::default();
        let mut focus_it = true;
        let mut offset = 0.0;
        let mut block_150_laid_out = Vec::new();
        for _ in 0..4 {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(600.0, 400.0),
                )),
                ..Default::default()
            };
            let mut laid = false;
            let output = ctx.run_ui(input, |ui| {
                let shown = egui::ScrollArea::vertical().show(ui, |ui| {
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
                offset = shown.state.clamped_offset().y;
            });
            output.drop_without_applying_deltas();
            focus_it = false;
            block_150_laid_out.push(laid);
        }
        assert_eq!(block_150_laid_out, [true, true, true, true]);
        assert!(ctx.memory(|m| m.focused()).is_some(), "the focus is kept");
        assert!(offset > 1000.0, "scrolled down to block 150: {offset}");
    }
}
