//! Small reusable pieces: badges, section headings, the card frame, theme-aware colours.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

/// A bar along the top of the window (header, toolbar, banners): egui's top panel without
/// its fill. The window is cleared to the panel colour before every frame (see
/// [`clear_colour`]), so a filled panel would shade each of its pixels a second time, and
/// where there is no GPU (Mesa's llvmpipe, virtual machines, remote desktops) shading pixels
/// is most of what a frame costs.
pub fn top_bar(ui: &Ui, id: &'static str) -> egui::Panel {
    egui::Panel::top(id).frame(Frame::side_top_panel(ui.style()).fill(Color32::TRANSPARENT))
}

/// A panel along the left edge of the central panel (so already [`over_the_clear`]),
/// unfilled for the same reason as [`top_bar`].
pub fn left_bar(ui: &Ui, id: &'static str) -> egui::Panel {
    egui::Panel::left(id).frame(Frame::side_top_panel(ui.style()).fill(Color32::TRANSPARENT))
}

/// The central panel, unfilled for the same reason as [`top_bar`], with its contents
/// [`over_the_clear`].
pub fn central_panel_ui<R>(
    ui: &mut Ui,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    egui::CentralPanel::default()
        .frame(Frame::central_panel(ui.style()).fill(Color32::TRANSPARENT))
        .show(ui, |ui| over_the_clear(ui, add_contents))
}

/// Tells egui what lies under an unfilled panel's contents, the clear colour, without
/// painting it: a scroll area fades its cut-off edge into the colour under it
/// (`UiStack::bg_color`, the fills of the frames around it), which would otherwise be none.
pub fn over_the_clear<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    let under = Frame::NONE.fill(ui.visuals().panel_fill);
    let info = egui::UiStackInfo::new(egui::UiKind::Frame).with_frame(under);
    ui.scope_builder(egui::UiBuilder::new().ui_stack_info(info), add_contents)
        .inner
}

/// What the window is cleared to before each frame: the panel colour of the theme shown,
/// which the unfilled panels above let through.
pub fn clear_colour(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A scroll area in the unfilled central panel still fades into the panel colour.
    #[test]
    fn the_central_panel_reports_the_panel_colour_under_its_contents() {
        let ctx = egui::Context::default();
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            ctx.set_theme(theme);
            let mut under = None;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                central_panel_ui(ui, |ui| under = Some(ui.stack().bg_color()));
            });
            output.textures_delta.clear();
            assert_eq!(
                under,
                Some(ctx.global_style().visuals.panel_fill),
                "{theme:?}"
            );
        }
    }
}
