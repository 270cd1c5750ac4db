//! The top bar: roadmap title, the total estimate, the "Roadmap" menu (when the window's
//! owner offers one), the view switcher, print and export.

use egui::{RichText, Ui};

use super::command::{Command, CommandQueue};
use super::export_ui::{ExportUi, export_buttons_ui};
use super::roadmap_menu::{RoadmapMenu, roadmap_menu_ui};
use super::view::View;
use crate::roadmap::Roadmap;

pub fn header_ui(
    ui: &mut Ui,
    roadmap: &Roadmap,
    view: View,
    export: &mut ExportUi,
    roadmap_menu: Option<&RoadmapMenu>,
    commands: &CommandQueue,
) {
    super::widgets::top_bar(ui, "header").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(RichText::new(&roadmap.title).strong());
            ui.label(RichText::new(format!("Total: {}", roadmap.estimate_text())).weak());
        });
        ui.horizontal(|ui| {
            if let Some(menu) = roadmap_menu {
                roadmap_menu_ui(ui, menu, commands);
                ui.separator();
            }
            for candidate in View::ALL {
                if ui
                    .selectable_label(view == candidate, candidate.label())
                    .clicked()
                {
                    commands.push(Command::SetView(candidate));
                }
            }
            // Print and export sit at the right end of the view switcher.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.horizontal(|ui| export_buttons_ui(ui, export, commands));
            });
        });
        ui.add_space(4.0);
    });
}
