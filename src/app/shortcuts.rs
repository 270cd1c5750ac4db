//! Keyboard shortcuts for the whole window, handled once per frame before anything is drawn.
//!
//! Each shortcut is a constant here, and the help panel lists them from [`help_rows`], so the
//! keys and their documentation cannot drift apart. Zoom (Ctrl + plus / minus / 0) is egui's
//! own handling, kept on; it is listed here too.
//!
//! While a text field has focus, undo/redo and "?" belong to the text field (its own undo, a
//! typed question mark), so the app-wide meanings apply only outside text fields.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::command::{Command, CommandQueue};
use super::ui_state::UiState;
use super::view::View;

pub const SHOW_THIS_WEEK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1);
pub const SHOW_CARDS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2);
pub const SHOW_TIMELINE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3);
pub const SHOW_WEEKS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num4);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// "Open roadmap…" in the Roadmap menu.
pub const OPEN_ROADMAP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
pub const HELP_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Questionmark);
/// Closes the window the way its close button does (pending changes are written first).
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const CLOSE_HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Escape);

/// Consumes this frame's shortcuts: view switches, undo and redo become [`Command`]s; find,
/// help and print set the window state the toolbar and panels read.
pub fn shortcuts_ui(ui: &Ui, ui_state: &mut UiState, commands: &CommandQueue) {
    let typing = ui.ctx().text_edit_focused();
    let in_find_box =
        ui_state.find.box_id.is_some() && ui.ctx().memory(|m| m.focused()) == ui_state.find.box_id;
    if ui.ctx().input_mut(|input| input.consume_shortcut(&QUIT)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    ui.ctx().input_mut(|input| {
        // Escape closes help first; otherwise it clears the find box (from the box itself
        // too, or from anywhere but another text field).
        if ui_state.help_open && input.consume_shortcut(&CLOSE_HELP) {
            ui_state.help_open = false;
        } else if !ui_state.find.query.is_empty()
            && (in_find_box || !typing)
            && input.consume_shortcut(&CLOSE_HELP)
        {
            ui_state.find.query.clear();
        }
        for (shortcut, view) in [
            (SHOW_THIS_WEEK, View::ThisWeek),
            (SHOW_CARDS, View::Cards),
            (SHOW_TIMELINE, View::Timeline),
            (SHOW_WEEKS, View::Weeks),
        ] {
            if input.consume_shortcut(&shortcut) {
                commands.push(Command::SetView(view));
            }
        }
        if input.consume_shortcut(&FIND) {
            ui_state.find.focus_requested = true;
        }
        if input.consume_shortcut(&PRINT) {
            commands.push(Command::Print);
        }
        if input.consume_shortcut(&OPEN_ROADMAP) {
            commands.push(Command::OpenRoadmap(super::roadmap_open::OpenRequest::Pick));
        }
        if input.consume_shortcut(&HELP) {
            ui_state.help_open = !ui_state.help_open;
        }
        if typing {
            return;
        }
        // Redo first: matching ignores an extra Shift, so Ctrl+Shift+Z also matches UNDO.
        if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_ALT) {
            commands.push(Command::Redo);
        } else if input.consume_shortcut(&UNDO) {
            commands.push(Command::Undo);
        }
        if input.consume_shortcut(&HELP_ALT) {
            ui_state.help_open = !ui_state.help_open;
        }
    });
}

/// The rows of the help panel: keys as this platform writes them, and what they do.
pub fn help_rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
    let keys = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
    let zoom = egui::gui_zoom::kb_shortcuts::ZOOM_IN;
    vec![
        (
            format!(
                "{} / {} / {} / {}",
                keys(&SHOW_THIS_WEEK),
                keys(&SHOW_CARDS),
                keys(&SHOW_TIMELINE),
                keys(&SHOW_WEEKS)
            ),
            "Show this week / the phases / the timeline / the weeks",
        ),
        (keys(&FIND), "Find in titles, topics, resources and notes"),
        (
            keys(&UNDO),
            "Undo the last change to ticks, notes or the plan",
        ),
        (
            format!("{} or {}", keys(&REDO), keys(&REDO_ALT)),
            "Redo what was undone",
        ),
        (keys(&PRINT), "Print the plan"),
        (
            keys(&OPEN_ROADMAP),
            "Open another roadmap (.ron, .md or .txt; or drop its file on the window)",
        ),
        (
            keys(&QUIT),
            "Close the window (your changes are saved first)",
        ),
        (
            format!(
                "{} / {} / {}",
                keys(&zoom),
                keys(&egui::gui_zoom::kb_shortcuts::ZOOM_OUT),
                keys(&egui::gui_zoom::kb_shortcuts::ZOOM_RESET)
            ),
            "Zoom in / zoom out / back to 100 %",
        ),
        (
            "Tab / Shift+Tab".to_owned(),
            "Move to the next / previous item or button",
        ),
        (
            "Arrow keys".to_owned(),
            "Move to the item above or below, or the button beside it",
        ),
        (
            "Space".to_owned(),
            "Tick the focused item done (again: back to how it was)",
        ),
        (
            "D / P / S / N".to_owned(),
            "Focused item: done / in progress / skipped / not started",
        ),
        (
            "← / → on a timeline bar".to_owned(),
            "One week shorter / longer (Enter opens its phase)",
        ),
        (format!("{} or ?", keys(&HELP)), "Show or hide this help"),
        (
            keys(&CLOSE_HELP),
            "Cancel a drag on the timeline, close this help, or clear the find box",
        ),
    ]
}
