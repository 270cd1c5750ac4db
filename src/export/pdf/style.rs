//! The look of the printed plan: type sizes and colours, in one place. Colours are chosen to
//! stay distinct when printed in greyscale (the bars differ in lightness as well as hue).

use super::canvas::Rgb;

pub const TITLE: f32 = 22.0;
pub const HEADING: f32 = 15.0;
pub const SUBHEADING: f32 = 11.0;
pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 8.0;
pub const TINY: f32 = 7.0;

/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.32;

pub const INK: Rgb = Rgb(33, 37, 41);
pub const MUTED: Rgb = Rgb(100, 108, 118);
pub const RULE: Rgb = Rgb(206, 212, 218);
pub const SHADE: Rgb = Rgb(241, 243, 245);
pub const ACCENT: Rgb = Rgb(29, 78, 216);
pub const TODAY: Rgb = Rgb(220, 38, 38);
pub const DONE: Rgb = Rgb(21, 128, 61);

/// One colour per stage, cycling.
const PALETTE: [Rgb; 8] = [
    Rgb(59, 130, 246),
    Rgb(13, 148, 136),
    Rgb(139, 92, 246),
    Rgb(217, 119, 6),
    Rgb(225, 29, 72),
    Rgb(22, 163, 74),
    Rgb(8, 145, 178),
    Rgb(234, 88, 12),
];

pub fn stage_color(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// `color` mixed with white: `amount` 0 keeps it, 1 is white.
pub fn lighter(color: Rgb, amount: f32) -> Rgb {
    let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
    Rgb(mix(color.0), mix(color.1), mix(color.2))
}

/// `color` mixed with black: `amount` 0 keeps it, 1 is black.
pub fn darker(color: Rgb, amount: f32) -> Rgb {
    let mix = |c: u8| (f32::from(c) * (1.0 - amount)).round() as u8;
    Rgb(mix(color.0), mix(color.1), mix(color.2))
}

/// Distance between baselines for type of `size`.
pub fn line_height(size: f32) -> f32 {
    size * LEADING
}
