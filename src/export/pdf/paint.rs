//! Turns laid-out pages into PDF bytes with krilla: the only file here that knows krilla's
//! drawing API.

use krilla::Document;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::canvas::{Area, Canvas, Op, Pen, Rgb, TextRun};
use super::fonts::Fonts;
use super::layout::Bookmark;
use crate::export::ExportError;

/// What the PDF says about itself (shown by viewers in "document properties").
pub struct DocInfo<'a> {
    pub title: &'a str,
    pub date: chrono::NaiveDate,
}

pub fn paint(
    pages: &[Canvas],
    bookmarks: &[Bookmark],
    (width, height): (f32, f32),
    fonts: &Fonts,
    info: &DocInfo<'_>,
) -> Result<Vec<u8>, ExportError> {
    let settings = PageSettings::from_wh(width, height)
        .ok_or_else(|| ExportError::Pdf(format!("bad page size {width} × {height}")))?;
    let mut document = Document::new();
    for page_ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for op in &page_ops.ops {
                match op {
                    Op::Text(run) => text(&mut surface, run, fonts),
                    Op::Rect { area, fill, stroke } => {
                        rect(&mut surface, *area, *fill, *stroke);
                    }
                    Op::Path { points, pen } => polyline(&mut surface, points, *pen),
                    Op::Link { area, url } => links.push((*area, url.clone())),
                }
            }
            surface.finish();
        }
        for (area, url) in links {
            if let Some(rect) = Rect::from_xywh(area.x, area.y, area.w, area.h) {
                let target = Target::Action(Action::Link(LinkAction::new(url.clone())));
                page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(rect, target),
                    Some(url),
                ));
            }
        }
        page.finish();
    }
    let mut outline = Outline::new();
    for mark in bookmarks {
        outline.push_child(OutlineNode::new(
            mark.title.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(info));
    document
        .finish()
        .map_err(|err| ExportError::Pdf(err.to_string()))
}

fn metadata(info: &DocInfo<'_>) -> Metadata {
    use chrono::Datelike as _;
    let mut metadata = Metadata::new()
        .title(info.title.to_owned())
        .creator(format!("study-planner {}", env!("CARGO_PKG_VERSION")));
    if let (Ok(year), Ok(month), Ok(day)) = (
        u16::try_from(info.date.year()),
        u8::try_from(info.date.month()),
        u8::try_from(info.date.day()),
    ) {
        metadata = metadata.creation_date(DateTime::new(year).month(month).day(day));
    }
    metadata
}

fn color(rgb: Rgb) -> rgb::Color {
    rgb::Color::new(rgb.0, rgb.1, rgb.2)
}

fn fill(rgb: Rgb) -> Fill {
    Fill {
        paint: color(rgb).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        paint: color(pen.color).into(),
        width: pen.width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        dash: pen.dash.map(|(on, off)| StrokeDash {
            array: vec![on, off],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

fn text(surface: &mut Surface<'_>, run: &TextRun, fonts: &Fonts) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.color)));
    let glyphs = fonts.glyphs(run.weight, &run.text);
    surface.draw_glyphs(
        Point::from_xy(run.x, run.baseline),
        &glyphs,
        fonts.pdf_font(run.weight),
        &run.text,
        run.size,
        false,
    );
}

fn rect(surface: &mut Surface<'_>, area: Area, fill_color: Option<Rgb>, pen: Option<Pen>) {
    let Some(shape) = Rect::from_xywh(area.x, area.y, area.w, area.h) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(shape);
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_fill(fill_color.map(fill));
    surface.set_stroke(pen.map(stroke));
    surface.draw_path(&path);
}

fn polyline(surface: &mut Surface<'_>, points: &[(f32, f32)], pen: Pen) {
    let mut builder = PathBuilder::new();
    let mut rest = points.iter();
    let Some(first) = rest.next() else {
        return;
    };
    builder.move_to(first.0, first.1);
    for point in rest {
        builder.line_to(point.0, point.1);
    }
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_fill(None);
    surface.set_stroke(Some(stroke(pen)));
    surface.draw_path(&path);
}
