//! Draws the app icon, `assets/icon.png`: a planner page with a checklist on a blue tile.
//!
//! The icon is drawn from a few shapes described by signed distance functions, so it is
//! crisp at any size and needs no drawing program. Regenerate it with
//! `cargo run --example draw_icon -- assets/icon.png [SIZE]` (default size 256).
//!
//! Colours come from the Okabe–Ito palette the app uses for item states, so the icon looks
//! like the app: blue tile, orange planner header, green ticks.

use std::path::PathBuf;
use std::process::ExitCode;

/// The icon is designed on a 256×256 grid and scaled to the requested size.
const DESIGN_SIZE: f32 = 256.0;

type Rgba = [f32; 4];

const TILE_TOP: Rgba = rgb(0x1b, 0x7f, 0xc4);
const TILE_BOTTOM: Rgba = rgb(0x00, 0x4f, 0x86);
const PAGE: Rgba = rgb(0xfb, 0xfb, 0xf8);
const HEADER: Rgba = rgb(0xe6, 0x9f, 0x00);
const RING: Rgba = rgb(0x3a, 0x44, 0x50);
const DONE: Rgba = rgb(0x00, 0x9e, 0x73);
const TEXT_LINE: Rgba = rgb(0xa9, 0xb4, 0xc0);
const OPEN_CIRCLE: Rgba = rgb(0x7b, 0x88, 0x96);
const SHADOW: Rgba = [0.0, 0.0, 0.0, 0.22];
const WHITE: Rgba = rgb(0xff, 0xff, 0xff);

const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
    [r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0, 1.0]
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: draw_icon OUTPUT.png [SIZE]");
        return ExitCode::FAILURE;
    };
    let size = match args.next().map(|s| s.parse::<u32>()) {
        None => 256,
        Some(Ok(size)) if (16..=2048).contains(&size) => size,
        Some(_) => {
            eprintln!("draw_icon: SIZE must be a whole number from 16 to 2048");
            return ExitCode::FAILURE;
        }
    };
    match draw(size).save(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("draw_icon: cannot write {}: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// Renders the icon at `size`×`size` pixels.
fn draw(size: u32) -> image::RgbaImage {
    let scale = DESIGN_SIZE / size as f32;
    image::RgbaImage::from_fn(size, size, |x, y| {
        // Sample at the pixel centre, in design units; `aa` is one pixel in design units.
        let p = [(x as f32 + 0.5) * scale, (y as f32 + 0.5) * scale];
        let colour = shade(p, scale);
        image::Rgba(colour.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8))
    })
}

/// The colour of one point: shapes painted back to front with "over" compositing.
fn shade(p: [f32; 2], pixel: f32) -> Rgba {
    let mut out = [0.0; 4];
    let mut paint = |distance: f32, colour: Rgba| {
        let coverage = (0.5 - distance / pixel).clamp(0.0, 1.0) * colour[3];
        over(&mut out, colour, coverage);
    };

    // The tile, with a vertical gradient.
    let t = (p[1] - 8.0) / 240.0;
    paint(
        round_rect(p, [128.0, 128.0], [120.0, 120.0], 52.0),
        mix(TILE_TOP, TILE_BOTTOM, t.clamp(0.0, 1.0)),
    );
    // The page's soft shadow, then the page and its header band.
    paint(
        round_rect(p, [130.0, 137.0], [70.0, 86.0], 18.0) - 2.0,
        SHADOW,
    );
    paint(round_rect(p, [128.0, 132.0], [70.0, 86.0], 18.0), PAGE);
    let header = round_rect(p, [128.0, 132.0], [70.0, 86.0], 18.0).max(p[1] - 76.0);
    paint(header, HEADER);
    // Two binder rings across the top edge.
    for x in [98.0, 158.0] {
        paint(segment(p, [x, 34.0], [x, 62.0]) - 6.0, RING);
    }

    // Three checklist rows: two done (green disc with a white tick), one still open.
    for (row, y) in [104.0_f32, 146.0, 188.0].into_iter().enumerate() {
        let centre = [92.0, y];
        if row < 2 {
            paint(circle(p, centre, 15.0), DONE);
            let tick = segment(p, [84.0, y + 1.0], [90.0, y + 7.0]).min(segment(
                p,
                [90.0, y + 7.0],
                [101.0, y - 6.0],
            ));
            paint(tick - 3.2, WHITE);
            paint(segment(p, [120.0, y], [172.0, y]) - 5.0, TEXT_LINE);
        } else {
            paint(circle(p, centre, 15.0).abs() - 2.5, OPEN_CIRCLE);
            paint(segment(p, [120.0, y], [160.0, y]) - 5.0, TEXT_LINE);
        }
    }
    unpremultiply(out)
}

/// Paints `colour` with `coverage` over `dst` (premultiplied alpha).
fn over(dst: &mut Rgba, colour: Rgba, coverage: f32) {
    let keep = 1.0 - coverage;
    for channel in 0..3 {
        dst[channel] = colour[channel] * coverage + dst[channel] * keep;
    }
    dst[3] = coverage + dst[3] * keep;
}

fn unpremultiply(c: Rgba) -> Rgba {
    if c[3] <= 0.0 {
        return [0.0; 4];
    }
    [c[0] / c[3], c[1] / c[3], c[2] / c[3], c[3]]
}

fn mix(a: Rgba, b: Rgba, t: f32) -> Rgba {
    [0, 1, 2, 3].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// Signed distance to a rounded rectangle given by its centre and half size.
fn round_rect(p: [f32; 2], centre: [f32; 2], half: [f32; 2], radius: f32) -> f32 {
    let qx = (p[0] - centre[0]).abs() - half[0] + radius;
    let qy = (p[1] - centre[1]).abs() - half[1] + radius;
    let outside = qx.max(0.0).hypot(qy.max(0.0));
    outside + qx.max(qy).min(0.0) - radius
}

fn circle(p: [f32; 2], centre: [f32; 2], radius: f32) -> f32 {
    (p[0] - centre[0]).hypot(p[1] - centre[1]) - radius
}

/// Distance to the segment from `a` to `b` (subtract half the stroke width for a line).
fn segment(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let pa = [p[0] - a[0], p[1] - a[1]];
    let ba = [b[0] - a[0], b[1] - a[1]];
    let h = ((pa[0] * ba[0] + pa[1] * ba[1]) / (ba[0] * ba[0] + ba[1] * ba[1])).clamp(0.0, 1.0);
    (pa[0] - ba[0] * h).hypot(pa[1] - ba[1] * h)
}
