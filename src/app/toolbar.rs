//! The toolbar under the header: find and the state filter on the left; undo, redo,
//! appearance and help on the right.

use egui::{Button, Layout, ThemePreference, Ui};

use super::command::{Command, CommandQueue};
use super::find_bar::find_bar_ui;
use super::shortcuts;
use super::ui_state::UiState;
use crate::filter::Filter;
use crate::plan::Plan;

/// Accessible names of the toolbar's buttons; tests click them.
pub const UNDO_LABEL: &str = "Undo";
pub const REDO_LABEL: &str = "Redo";
pub const APPEARANCE_LABEL: &str = "Appearance";
pub const HELP_LABEL: &str = "Keyboard shortcuts and help";

/// Room the buttons on the right (undo, redo, appearance, help) need beside the find controls.
const BUTTONS_WIDTH: f32 = 280.0;
/// The find controls' width before they were first measured (the box, the state filter and a
/// match count).
const FIND_WIDTH_GUESS: f32 = 500.0;

/// Whether the undo and redo buttons may be used (never in a read-only window).
#[derive(Clone, Copy, Debug)]
pub struct UndoState {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The toolbar; returns the find filter the views apply this frame.
pub fn toolbar_ui(
    ui: &mut Ui,
    plan: &Plan,
    undo: UndoState,
    ui_state: &mut UiState,
    commands: &CommandQueue,
) -> Filter {
    super::widgets::top_bar(ui, "toolbar")
        .show(ui, |ui| {
            ui.add_space(2.0);
            let buttons = |ui: &mut Ui, ui_state: &mut UiState| {
                ui.with_layout(Layout::right_to_left(egui::Align::Center), |ui| {
                    help_button_ui(ui, ui_state);
                    appearance_menu_ui(ui);
                    ui.separator();
                    undo_buttons_ui(ui, undo, commands);
                });
            };
            // One line when the find controls (as wide as last frame) and the buttons fit.
            let find_width_id = egui::Id::unique("toolbar-find-width");
            let find_width = ui
                .data(|d| d.get_temp::<f32>(find_width_id))
                .unwrap_or(FIND_WIDTH_GUESS);
            let (filter, measured) = if ui.available_width() >= find_width + BUTTONS_WIDTH {
                ui.horizontal(|ui| {
                    let find = ui.horizontal(|ui| find_bar_ui(ui, &mut ui_state.find, plan));
                    buttons(ui, ui_state);
                    (find.inner, find.response.rect.width())
                })
                .inner
            } else {
                // Narrow: find wraps on its own lines and the buttons take the next, so they
                // never slide under the find box.
                let find = ui.horizontal_wrapped(|ui| find_bar_ui(ui, &mut ui_state.find, plan));
                ui.horizontal(|ui| buttons(ui, ui_state));
                // Wrapped, it is as wide as the window; guess its one-line width again.
                let width = find.response.rect.width().min(FIND_WIDTH_GUESS);
                (find.inner, width)
            };
            if (measured - find_width).abs() > 0.5 {
                ui.data_mut(|d| d.insert_temp(find_width_id, measured));
                ui.ctx().request_repaint();
            }
            ui.add_space(2.0);
            filter
        })
        .inner
}

/// Redo then Undo (the layout runs right to left, so Undo shows first).
fn undo_buttons_ui(ui: &mut Ui, undo_state: UndoState, commands: &CommandQueue) {
    let ctx = ui.ctx().clone();
    let redo = ui
        .add_enabled(undo_state.can_redo, Button::new(REDO_LABEL))
        .on_hover_text(format!("Redo ({})", ctx.format_shortcut(&shortcuts::REDO)))
        .on_disabled_hover_text("Nothing to redo");
    if redo.clicked() {
        commands.push(Command::Redo);
    }
    let undo = ui
        .add_enabled(undo_state.can_undo, Button::new(UNDO_LABEL))
        .on_hover_text(format!(
            "Undo the last change to ticks, notes or the plan ({})",
            ctx.format_shortcut(&shortcuts::UNDO)
        ))
        .on_disabled_hover_text("Nothing to undo");
    if undo.clicked() {
        commands.push(Command::Undo);
    }
}

/// Theme (system, light, dark) and zoom.
fn appearance_menu_ui(ui: &mut Ui) {
    ui.menu_button(APPEARANCE_LABEL, |ui| {
        ui.label(egui::RichText::new("Theme").strong());
        let mut theme = ui.ctx().options(|options| options.theme_preference);
        let before = theme;
        for (choice, text) in [
            (ThemePreference::System, "Follow the system"),
            (ThemePreference::Light, "Light"),
            (ThemePreference::Dark, "Dark"),
        ] {
            ui.radio_value(&mut theme, choice, text);
        }
        if theme != before {
            ui.ctx().set_theme(theme);
        }
        ui.separator();
        let zoom = ui.ctx().zoom_factor();
        ui.label(egui::RichText::new(format!("Zoom: {:.0} %", zoom * 100.0)).strong());
        zoom_buttons_ui(ui);
    });
}

/// Zoom in, out and back to 100 %, with the keys that do the same.
fn zoom_buttons_ui(ui: &mut Ui) {
    use egui::gui_zoom::{kb_shortcuts, zoom_in, zoom_out};
    let ctx = ui.ctx().clone();
    let button =
        |text: &str, shortcut| Button::new(text).shortcut_text(ctx.format_shortcut(shortcut));
    if ui.add(button("Zoom in", &kb_shortcuts::ZOOM_IN)).clicked() {
        zoom_in(&ctx);
    }
    if ui
        .add(button("Zoom out", &kb_shortcuts::ZOOM_OUT))
        .clicked()
    {
        zoom_out(&ctx);
    }
    let reset = ui.add_enabled(
        ctx.zoom_factor() != 1.0,
        button("Reset zoom", &kb_shortcuts::ZOOM_RESET),
    );
    if reset.clicked() {
        ctx.set_zoom_factor(1.0);
    }
}

fn help_button_ui(ui: &mut Ui, ui_state: &mut UiState) {
    let response = ui
        .selectable_label(ui_state.help_open, "?")
        .on_hover_text("Keyboard shortcuts and help (F1)");
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, ui_state.help_open, HELP_LABEL)
    });
    if response.clicked() {
        ui_state.help_open = !ui_state.help_open;
    }
}
