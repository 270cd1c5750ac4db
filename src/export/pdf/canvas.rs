//! A display list: what the layout decided to draw, in page coordinates (points, origin at the
//! top-left). Keeping layout and painting apart lets the tests check that nothing leaves the
//! page without parsing a PDF, and keeps krilla out of the layout code.

#[cfg(test)]
use super::fonts::Fonts;
use super::fonts::Weight;

/// A colour as 8-bit sRGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Text on one line.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
    pub text: String,
}

/// How a line or an outline is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    pub color: Rgb,
    pub width: f32,
    /// Dash length and gap, in points; `None` for a solid line.
    pub dash: Option<(f32, f32)>,
}

impl Pen {
    pub fn solid(color: Rgb, width: f32) -> Self {
        Self {
            color,
            width,
            dash: None,
        }
    }

    pub fn dashed(color: Rgb, width: f32, dash: (f32, f32)) -> Self {
        Self {
            color,
            width,
            dash: Some(dash),
        }
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Area {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }

    #[cfg(test)]
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    #[cfg(test)]
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    fn translated(self, dx: f32, dy: f32) -> Self {
        Self::new(self.x + dx, self.y + dy, self.w, self.h)
    }
}

/// One drawing operation.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Text(TextRun),
    Rect {
        area: Area,
        fill: Option<Rgb>,
        stroke: Option<Pen>,
    },
    /// A polyline (two or more points).
    Path {
        points: Vec<(f32, f32)>,
        pen: Pen,
    },
    /// A clickable area that opens `url`.
    Link {
        area: Area,
        url: String,
    },
}

impl Op {
    pub fn translated(mut self, dx: f32, dy: f32) -> Self {
        match &mut self {
            Self::Text(run) => {
                run.x += dx;
                run.baseline += dy;
            }
            Self::Rect { area, .. } | Self::Link { area, .. } => *area = area.translated(dx, dy),
            Self::Path { points, .. } => {
                for point in points {
                    point.0 += dx;
                    point.1 += dy;
                }
            }
        }
        self
    }

    #[cfg(test)]
    /// The area the operation covers on the page (text: its line box).
    pub fn bounds(&self, fonts: &Fonts) -> Area {
        match self {
            Self::Text(run) => {
                let ascent = fonts.ascent(run.weight, run.size);
                let width = fonts.width(run.weight, run.size, &run.text);
                Area::new(run.x, run.baseline - ascent, width, run.size * 1.2)
            }
            Self::Rect { area, stroke, .. } => {
                let half = stroke.map_or(0.0, |pen| pen.width / 2.0);
                Area::new(
                    area.x - half,
                    area.y - half,
                    area.w + 2.0 * half,
                    area.h + 2.0 * half,
                )
            }
            Self::Path { points, pen } => {
                let xs = points.iter().map(|p| p.0);
                let ys = points.iter().map(|p| p.1);
                let (x0, x1) = min_max(xs);
                let (y0, y1) = min_max(ys);
                // Butt caps: a straight horizontal or vertical line is only widened across.
                let half = pen.width / 2.0;
                let (hx, hy) = if y0 == y1 {
                    (0.0, half)
                } else if x0 == x1 {
                    (half, 0.0)
                } else {
                    (half, half)
                };
                Area::new(x0 - hx, y0 - hy, x1 - x0 + 2.0 * hx, y1 - y0 + 2.0 * hy)
            }
            Self::Link { area, .. } => *area,
        }
    }
}

#[cfg(test)]
fn min_max(values: impl Iterator<Item = f32>) -> (f32, f32) {
    values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// Operations with helpers to add them; used both for whole pages and for blocks that the
/// paginator moves into place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Canvas {
    pub ops: Vec<Op>,
}

impl Canvas {
    pub fn text(
        &mut self,
        (x, baseline): (f32, f32),
        size: f32,
        weight: Weight,
        color: Rgb,
        text: impl Into<String>,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.ops.push(Op::Text(TextRun {
                x,
                baseline,
                size,
                weight,
                color,
                text,
            }));
        }
    }

    pub fn fill(&mut self, area: Area, color: Rgb) {
        self.ops.push(Op::Rect {
            area,
            fill: Some(color),
            stroke: None,
        });
    }

    pub fn outline(&mut self, area: Area, pen: Pen) {
        self.ops.push(Op::Rect {
            area,
            fill: None,
            stroke: Some(pen),
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), pen: Pen) {
        self.ops.push(Op::Path {
            points: vec![from, to],
            pen,
        });
    }

    pub fn polyline(&mut self, points: Vec<(f32, f32)>, pen: Pen) {
        self.ops.push(Op::Path { points, pen });
    }

    pub fn link(&mut self, area: Area, url: &str) {
        self.ops.push(Op::Link {
            area,
            url: url.to_owned(),
        });
    }

    /// Appends `other`'s operations moved by `(dx, dy)`.
    pub fn place(&mut self, other: &Canvas, (dx, dy): (f32, f32)) {
        self.ops
            .extend(other.ops.iter().map(|op| op.clone().translated(dx, dy)));
    }
}
