//! The strip under the toolbar: the overall progress bar, whether changes are saved, the
//! "Progress" menu, the banners about the learner's file, and the dialog that asks when the
//! window is closed while a change is not saved.

use egui::{RichText, Ui};

use super::checklist::progress_bar_ui;
use super::command::CommandQueue;
use super::saving::SavingState;
use crate::plan::Plan;

pub fn progress_strip_ui(
    ui: &mut Ui,
    plan: &Plan,
    saving: &mut SavingState,
    switching: bool,
    commands: &CommandQueue,
) {
    let data = plan.progress();
    saving.poll(data, commands);
    super::widgets::top_bar(ui, "progress-strip").show(ui, |ui| {
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Overall").strong());
            ui.scope(|ui| {
                ui.set_max_width(280.0);
                progress_bar_ui(ui, "Overall progress", plan.overall());
            });
            saving.status_ui(ui, switching, commands);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                saving.menu_ui(ui, data);
            });
        });
        saving.banners_ui(ui);
        ui.add_space(2.0);
    });
    saving.reset_dialog_ui(ui.ctx(), commands);
    saving.close_ui(ui.ctx(), data);
}
