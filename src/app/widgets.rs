//! Small reusable pieces: badges, section headings, the card frame, theme-aware colours.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

/// Text styles tuned for reading long lists comfortably.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.url_in_tooltip = true;
        super::theme::tune_controls(&mut style.visuals);
    });
}

/// The accent colour for badges and progress, readable in light and dark themes.
pub fn accent(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(120, 170, 255)
    } else {
        Color32::from_rgb(30, 90, 200)
    }
}

/// The colour of the "optional" badge.
pub fn optional_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(230, 180, 90)
    } else {
        Color32::from_rgb(160, 95, 0)
    }
}

/// A small rounded label such as "1–2 months" or "optional".
pub fn badge_ui(ui: &mut Ui, text: &str, colour: Color32) -> egui::Response {
    Frame::new()
        .stroke(Stroke::new(1.0, colour))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(colour));
        })
        .response
}

/// The frame every card sits in.
pub fn card_frame(ui: &Ui) -> Frame {
    let visuals = ui.visuals();
    Frame::new()
        .fill(visuals.faint_bg_color)
        .stroke(visuals.widgets.noninteractive.bg_stroke)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::same(14))
}

/// A small, strong heading inside a card ("Key Backend Technologies").
pub fn section_heading_ui(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(text).strong());
}

/// A bullet point that wraps under its own indent.
pub fn bullet_ui(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}
