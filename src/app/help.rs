//! The help panel (F1 or "?"): every keyboard shortcut, and what the item colours and marks
//! mean.

use egui::{RichText, Ui};

use super::shortcuts::help_rows;
use super::theme::state_legend_ui;
use super::ui_state::UiState;

/// The panel's title, also its accessible name.
pub const TITLE: &str = "Keyboard shortcuts";

/// Draws the help window while it is open.
pub fn help_ui(ui: &mut Ui, ui_state: &mut UiState) {
    if !ui_state.help_open {
        return;
    }
    let mut open = true;
    let mut close_clicked = false;
    egui::Window::new(TITLE)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .show(ui.ctx(), |ui| {
            egui::Grid::new("shortcut-table")
                .num_columns(2)
                .spacing([18.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for (keys, action) in help_rows(ui.ctx()) {
                        ui.label(RichText::new(keys).monospace().strong());
                        ui.label(action);
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.label(RichText::new("Item states").strong());
            state_legend_ui(ui);
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                close_clicked = true;
            }
        });
    ui_state.help_open = open && !close_clicked;
}
