//! Colours for the four item states, and a small painted mark for each.
//!
//! The palette is derived from Okabe & Ito's colour-blind-safe set (vermillion/orange, bluish
//! green, reddish purple) next to a neutral grey, darkened for light backgrounds and lightened
//! for dark ones. Tests check that every colour reads as text (WCAG contrast ≥ 4.5 on the
//! panel and card backgrounds) and that the four stay apart under simulated protanopia,
//! deuteranopia and tritanopia. A state is never shown by colour alone: views pair the colour
//! with the mark's shape ([`state_mark_ui`]) or the state's name.

use egui::{Color32, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::progress::ItemState;

/// The text and mark colour of a state in the light or the dark theme.
pub fn state_colour(state: ItemState, dark_mode: bool) -> Color32 {
    let [r, g, b] = match (state, dark_mode) {
        (ItemState::NotStarted, false) => [0x40, 0x40, 0x40],
        (ItemState::InProgress, false) => [0xb3, 0x4a, 0x00],
        (ItemState::Done, false) => [0x00, 0x7a, 0x59],
        (ItemState::Skipped, false) => [0xa8, 0x45, 0x86],
        (ItemState::NotStarted, true) => [0xd8, 0xd8, 0xd8],
        (ItemState::InProgress, true) => [0xf0, 0x8a, 0x3c],
        (ItemState::Done, true) => [0x2c, 0xc2, 0x95],
        (ItemState::Skipped, true) => [0xd8, 0x8c, 0xc0],
    };
    Color32::from_rgb(r, g, b)
}

/// [`state_colour`] for the current theme of `ui`.
pub fn state_colour_ui(ui: &Ui, state: ItemState) -> Color32 {
    state_colour(state, ui.visuals().dark_mode)
}

/// A state's mark, painted so it needs no symbol font: an empty ring (not started), a half
/// filled disc (in progress), a disc with a tick (done), a ring with a dash (skipped). Shape
/// tells the states apart even in greyscale; colour only adds to it.
pub fn state_mark_ui(ui: &mut Ui, state: ItemState) -> egui::Response {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    // Decorative: the state's name always sits beside the mark, so screen readers get the
    // word once rather than twice.
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    if ui.is_rect_visible(rect) {
        paint_state_mark(ui, rect, state);
    }
    response
}

/// [`state_mark_ui`]'s drawing, into `rect` (a square), for places that lay out no widget.
pub fn paint_state_mark(ui: &Ui, rect: egui::Rect, state: ItemState) {
    let size = rect.height();
    let colour = state_colour_ui(ui, state);
    let painter = ui.painter();
    let centre = rect.center();
    let radius = size * 0.38;
    let stroke = Stroke::new((size * 0.1).max(1.0), colour);
    let on_fill = ui.visuals().panel_fill;
    match state {
        ItemState::NotStarted => {
            painter.circle_stroke(centre, radius, stroke);
        }
        ItemState::InProgress => {
            painter.circle_stroke(centre, radius, stroke);
            // The left half filled: a half-moon polygon.
            let steps = 16;
            let points: Vec<egui::Pos2> = (0..=steps)
                .map(|step| {
                    let angle = std::f32::consts::FRAC_PI_2
                        + std::f32::consts::PI * step as f32 / steps as f32;
                    centre + radius * vec2(angle.cos(), -angle.sin())
                })
                .collect();
            painter.add(egui::Shape::convex_polygon(points, colour, Stroke::NONE));
        }
        ItemState::Done => {
            painter.circle_filled(centre, radius + stroke.width * 0.5, colour);
            let tick = Stroke::new(stroke.width * 1.1, on_fill);
            let r = radius;
            painter.line_segment(
                [
                    centre + vec2(-0.5 * r, 0.0),
                    centre + vec2(-0.12 * r, 0.4 * r),
                ],
                tick,
            );
            painter.line_segment(
                [
                    centre + vec2(-0.12 * r, 0.4 * r),
                    centre + vec2(0.52 * r, -0.38 * r),
                ],
                tick,
            );
        }
        ItemState::Skipped => {
            painter.circle_stroke(centre, radius, stroke);
            let half = radius * 0.55;
            painter.line_segment(
                [
                    pos2(centre.x - half, centre.y),
                    pos2(centre.x + half, centre.y),
                ],
                stroke,
            );
        }
    }
}

/// The legend: each state's mark and name in its colour.
pub fn state_legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        for state in ItemState::ALL {
            state_mark_ui(ui, state);
            ui.label(egui::RichText::new(state.label()).color(state_colour_ui(ui, state)));
            ui.add_space(8.0);
        }
    });
}

/// Colours of the window's own controls beyond egui's defaults, in the light or the dark
/// theme. WCAG asks 3:1 for what identifies a control (a tick box's edge, a progress bar's
/// track and fill, the focus ring) against what surrounds it; egui's light theme has
/// unchecked boxes at ~1.25:1 on a card, and white tracks on white. The tests below hold every
/// one of these to 3:1 on the panel and card backgrounds in both themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ControlColours {
    /// The edge of an idle tick box (and of other framed controls at rest).
    pub box_stroke: Color32,
    /// A progress bar's empty track, and its edge.
    pub track_fill: Color32,
    pub track_stroke: Color32,
    /// The done share of a progress bar.
    pub progress_fill: Color32,
    /// The ring around whatever has keyboard focus.
    pub focus_ring: Color32,
}

pub fn control_colours(dark_mode: bool) -> ControlColours {
    if dark_mode {
        ControlColours {
            box_stroke: Color32::from_gray(125),
            track_fill: Color32::from_gray(48),
            track_stroke: Color32::from_gray(125),
            progress_fill: Color32::from_rgb(120, 170, 255),
            focus_ring: Color32::from_rgb(120, 170, 255),
        }
    } else {
        ControlColours {
            box_stroke: Color32::from_gray(118),
            track_fill: Color32::from_gray(236),
            track_stroke: Color32::from_gray(118),
            progress_fill: Color32::from_rgb(30, 90, 200),
            focus_ring: Color32::from_rgb(30, 90, 200),
        }
    }
}

/// [`control_colours`] for the current theme of `ui`.
pub fn control_colours_ui(ui: &Ui) -> ControlColours {
    control_colours(ui.visuals().dark_mode)
}

/// Gives idle controls an edge that reads at 3:1 (egui draws none on an idle tick box).
pub fn tune_controls(visuals: &mut egui::Visuals) {
    let colours = control_colours(visuals.dark_mode);
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, colours.box_stroke);
}

/// A ring around the widget with keyboard focus, on every kind of control: egui shows focus
/// only as a changed fill, and not at all on a frameless button such as an item's "…". Text
/// fields keep their own focused look (a caret and a highlighted edge). Draw it once per
/// frame, after everything else.
pub fn focus_ring_ui(ctx: &egui::Context) {
    if ctx.text_edit_focused() {
        return;
    }
    let Some(id) = ctx.memory(|memory| memory.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let colour = control_colours(ctx.global_style().visuals.dark_mode).focus_ring;
    ctx.layer_painter(response.layer_id).rect_stroke(
        response.rect.expand(FOCUS_RING_GAP),
        3.0,
        Stroke::new(FOCUS_RING_WIDTH, colour),
        egui::StrokeKind::Outside,
    );
}

/// How far the focus ring stands off the control, and how thick it is.
pub const FOCUS_RING_GAP: f32 = 1.5;
pub const FOCUS_RING_WIDTH: f32 = 2.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn linear(channel: u8) -> f32 {
        let c = f32::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(rgb: [f32; 3]) -> f32 {
        0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    }

    fn to_linear(colour: Color32) -> [f32; 3] {
        [linear(colour.r()), linear(colour.g()), linear(colour.b())]
    }

    /// A premultiplied `top` painted over an opaque `bottom`.
    fn over(top: Color32, bottom: Color32) -> Color32 {
        let keep = 1.0 - f32::from(top.a()) / 255.0;
        let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().min(255.0) as u8;
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    /// WCAG 2 contrast ratio.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let (la, lb) = (luminance(to_linear(a)), luminance(to_linear(b)));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, linear RGB.
    const PROTANOPIA: [[f32; 3]; 3] = [
        [0.152_286, 1.052_583, -0.204_868],
        [0.114_503, 0.786_281, 0.099_216],
        [-0.003_882, -0.048_116, 1.051_998],
    ];
    const DEUTERANOPIA: [[f32; 3]; 3] = [
        [0.367_322, 0.860_646, -0.227_968],
        [0.280_085, 0.672_501, 0.047_413],
        [-0.011_820, 0.042_940, 0.968_881],
    ];
    const TRITANOPIA: [[f32; 3]; 3] = [
        [1.255_528, -0.076_749, -0.178_779],
        [-0.078_411, 0.930_809, 0.147_602],
        [0.004_733, 0.691_367, 0.303_900],
    ];
    const NORMAL: [[f32; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

    fn simulate(colour: Color32, matrix: &[[f32; 3]; 3]) -> [f32; 3] {
        let rgb = to_linear(colour);
        matrix.map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
    }

    /// CIE L*a*b* (D65) of a linear RGB colour.
    fn lab(rgb: [f32; 3]) -> [f32; 3] {
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f32| {
            if t > 216.0 / 24389.0 {
                t.cbrt()
            } else {
                (24389.0 / 27.0 * t + 16.0) / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// CIE76 colour difference; above ~10 two colours are told apart at a glance.
    fn delta_e(a: [f32; 3], b: [f32; 3]) -> f32 {
        let [l1, a1, b1] = lab(a);
        let [l2, a2, b2] = lab(b);
        ((l1 - l2).powi(2) + (a1 - a2).powi(2) + (b1 - b2).powi(2)).sqrt()
    }

    #[test]
    fn state_colours_read_as_text_on_panels_and_cards() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            // The card fill is a translucent tint over the panel.
            let card = over(visuals.faint_bg_color, visuals.panel_fill);
            for background in [visuals.panel_fill, card, visuals.window_fill] {
                for state in ItemState::ALL {
                    let colour = state_colour(state, visuals.dark_mode);
                    let ratio = contrast(colour, background);
                    assert!(
                        ratio >= 4.5,
                        "{state:?} (dark {}) on {background:?}: contrast {ratio:.2}",
                        visuals.dark_mode
                    );
                }
            }
        }
    }

    /// The backgrounds controls sit on: the panel, a card (a tint over the panel), a window.
    fn backgrounds(visuals: &egui::Visuals) -> [(&'static str, Color32); 3] {
        [
            ("panel", visuals.panel_fill),
            ("card", over(visuals.faint_bg_color, visuals.panel_fill)),
            ("window", visuals.window_fill),
        ]
    }

    fn assert_contrast(what: &str, a: Color32, b: Color32, at_least: f32, dark: bool) {
        let ratio = contrast(a, b);
        assert!(
            ratio >= at_least,
            "{what} (dark {dark}): {a:?} on {b:?} has contrast {ratio:.2}, needs {at_least}"
        );
    }

    #[test]
    fn controls_read_at_three_to_one_in_both_themes() {
        for mut visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            tune_controls(&mut visuals);
            let dark = visuals.dark_mode;
            let colours = control_colours(dark);
            let widgets = &visuals.widgets;
            for (name, background) in backgrounds(&visuals) {
                // A tick box's edge at rest, under the pointer and pressed (or focused).
                for (state, stroke) in [
                    ("idle", widgets.inactive.bg_stroke),
                    ("hovered", widgets.hovered.bg_stroke),
                    ("active", widgets.active.bg_stroke),
                ] {
                    assert!(stroke.width >= 1.0, "{state} box has no edge (dark {dark})");
                    let what = format!("{state} tick box edge on the {name}");
                    assert_contrast(&what, stroke.color, background, 3.0, dark);
                }
                let what = format!("progress track edge on the {name}");
                assert_contrast(&what, colours.track_stroke, background, 3.0, dark);
                let what = format!("focus ring on the {name}");
                assert_contrast(&what, colours.focus_ring, background, 3.0, dark);
            }
            // The tick (or the in-progress dash) inside the box, in every state.
            for (state, look) in [
                ("idle", widgets.inactive),
                ("hovered", widgets.hovered),
                ("active", widgets.active),
            ] {
                let what = format!("{state} tick on its box");
                assert_contrast(&what, look.fg_stroke.color, look.bg_fill, 3.0, dark);
            }
            // The done share of a bar against its empty track, and the track's edge.
            assert_contrast(
                "progress fill on its track",
                colours.progress_fill,
                colours.track_fill,
                3.0,
                dark,
            );
            assert_contrast(
                "progress track edge on its fill",
                colours.track_stroke,
                colours.track_fill,
                3.0,
                dark,
            );
        }
    }

    #[test]
    fn egui_alone_would_fail_the_control_contrast() {
        // The reason the tuning exists: an idle tick box has no edge, and its fill is too
        // close to a light card to see.
        let light = egui::Visuals::light();
        assert_eq!(light.widgets.inactive.bg_stroke.width, 0.0);
        let card = over(light.faint_bg_color, light.panel_fill);
        assert!(contrast(light.widgets.inactive.bg_fill, card) < 1.5);
    }

    #[test]
    fn state_colours_stay_apart_for_colour_blind_learners() {
        let visions = [
            ("normal", NORMAL),
            ("protanopia", PROTANOPIA),
            ("deuteranopia", DEUTERANOPIA),
            ("tritanopia", TRITANOPIA),
        ];
        for dark_mode in [false, true] {
            for (vision, matrix) in &visions {
                for (i, a) in ItemState::ALL.iter().enumerate() {
                    for b in &ItemState::ALL[i + 1..] {
                        let difference = delta_e(
                            simulate(state_colour(*a, dark_mode), matrix),
                            simulate(state_colour(*b, dark_mode), matrix),
                        );
                        assert!(
                            difference >= 15.0,
                            "{a:?} vs {b:?} under {vision} (dark {dark_mode}): ΔE {difference:.1}"
                        );
                    }
                }
            }
        }
    }
}
