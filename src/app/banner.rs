//! One look for every message above the content, whoever sends it (saving, printing and
//! exporting, the read-only window): a painted icon for its level, the text, the file it is
//! about, the actions that help, and a dismiss button, on a frame tinted by the level.
//!
//! The level is told three ways, never by colour alone: the icon's shape (a circle with "i",
//! a triangle with "!", an octagon with "×"), the colour, and the level's word, which screen
//! readers hear before the text.

use std::path::Path;

use egui::{Color32, Response, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

use crate::storage::NoticeLevel;

/// What one banner says and offers.
#[derive(Clone, Copy, Debug)]
pub struct Banner<'a> {
    pub level: NoticeLevel,
    pub text: &'a str,
    /// The file or folder the message is about, shown in full so it can be found.
    pub path: Option<&'a Path>,
    /// Buttons beside the text ("Open folder", "Copy path"), in order.
    pub actions: &'a [&'a str],
    /// The accessible name of the dismiss button; `None` for a banner that stays until the
    /// problem is gone (a save that keeps failing).
    pub dismiss: Option<&'a str>,
}

/// What the learner did with a banner this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BannerResponse {
    /// The index into [`Banner::actions`] of the button clicked.
    pub action: Option<usize>,
    pub dismissed: bool,
}

/// The word for a level, as screen readers hear it.
pub fn level_word(level: NoticeLevel) -> &'static str {
    match level {
        NoticeLevel::Info => "Note",
        NoticeLevel::Warning => "Warning",
        NoticeLevel::Error => "Error",
    }
}

/// The colour of a level in the current theme: the theme's own warning and error colours,
/// and the accent for information.
pub fn level_colour(ui: &Ui, level: NoticeLevel) -> Color32 {
    match level {
        NoticeLevel::Info => super::widgets::accent(ui),
        NoticeLevel::Warning => ui.visuals().warn_fg_color,
        NoticeLevel::Error => ui.visuals().error_fg_color,
    }
}

/// Draws one banner across the available width.
pub fn banner_ui(ui: &mut Ui, banner: &Banner<'_>) -> BannerResponse {
    let colour = level_colour(ui, banner.level);
    let mut response = BannerResponse::default();
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.10))
        .stroke(Stroke::new(1.0, colour))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(8, 5))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let dismiss_width = if banner.dismiss.is_some() { 28.0 } else { 0.0 };
                let text_width = (ui.available_width() - dismiss_width).max(80.0);
                ui.allocate_ui_with_layout(
                    vec2(text_width, 0.0),
                    egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                    |ui| {
                        icon_ui(ui, banner.level, colour);
                        ui.add(egui::Label::new(banner.text).wrap());
                        if let Some(path) = banner.path {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(path.display().to_string()).monospace(),
                                )
                                .wrap(),
                            );
                        }
                        for (index, action) in banner.actions.iter().enumerate() {
                            if ui.button(*action).clicked() {
                                response.action = Some(index);
                            }
                        }
                    },
                );
                if let Some(label) = banner.dismiss {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let dismiss = ui.button("×").on_hover_text("Dismiss");
                        dismiss.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                        });
                        response.dismissed = dismiss.clicked();
                    });
                }
            });
        });
    response
}

/// The level's icon, painted (the default fonts have no symbol glyphs), named by its word.
fn icon_ui(ui: &mut Ui, level: NoticeLevel, colour: Color32) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, format!("{}:", level_word(level)))
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter();
    let centre = rect.center();
    let radius = size * 0.48;
    // The mark inside is drawn in the panel colour, so it reads on the filled shape.
    let mark = Stroke::new((size * 0.13).max(1.5), ui.visuals().panel_fill);
    match level {
        NoticeLevel::Info => {
            painter.circle_filled(centre, radius, colour);
            painter.line_segment(
                [
                    centre + vec2(0.0, -0.05 * size),
                    centre + vec2(0.0, 0.28 * size),
                ],
                mark,
            );
            painter.circle_filled(
                centre + vec2(0.0, -0.24 * size),
                mark.width * 0.6,
                mark.color,
            );
        }
        NoticeLevel::Warning => {
            let top = pos2(centre.x, rect.top() + size * 0.04);
            let left = pos2(rect.left(), rect.bottom() - size * 0.06);
            let right = pos2(rect.right(), rect.bottom() - size * 0.06);
            painter.add(Shape::convex_polygon(
                vec![top, right, left],
                colour,
                Stroke::NONE,
            ));
            painter.line_segment(
                [
                    centre + vec2(0.0, -0.12 * size),
                    centre + vec2(0.0, 0.16 * size),
                ],
                mark,
            );
            painter.circle_filled(
                centre + vec2(0.0, 0.31 * size),
                mark.width * 0.6,
                mark.color,
            );
        }
        NoticeLevel::Error => {
            let points: Vec<egui::Pos2> = (0..8)
                .map(|step| {
                    let angle = std::f32::consts::PI / 8.0 * (2 * step + 1) as f32;
                    centre + radius * vec2(angle.cos(), angle.sin())
                })
                .collect();
            painter.add(Shape::convex_polygon(points, colour, Stroke::NONE));
            let arm = size * 0.2;
            painter.line_segment([centre + vec2(-arm, -arm), centre + vec2(arm, arm)], mark);
            painter.line_segment([centre + vec2(-arm, arm), centre + vec2(arm, -arm)], mark);
        }
    }
    response
}
