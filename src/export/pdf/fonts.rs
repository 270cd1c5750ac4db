//! The fonts the PDF embeds, and measuring text with their own metrics.
//!
//! krilla draws glyphs but does not measure text, so the layout measures with `skrifa` (the font
//! reader krilla itself uses) and hands krilla exactly the glyphs and advances it measured. That
//! way a wrapped line is never wider on paper than the layout thought, and nothing is clipped.
//! There is no kerning or complex shaping: the DejaVu fonts look right without it for Latin,
//! Greek and Cyrillic text, which is what roadmaps are written in.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, charmap::Charmap, metrics::GlyphMetrics};

use crate::export::ExportError;

/// DejaVu Sans: wide Unicode coverage (’, –, Greek, Cyrillic, …) and a real bold.
/// Licence: `assets/fonts/DejaVu-LICENSE.txt`.
static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which of the two embedded faces to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font face: what krilla embeds, plus what the layout measures with.
struct Face {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    #[cfg(test)]
    /// Ascender above the baseline, as a fraction of the font size.
    ascent_em: f32,
}

impl Face {
    fn load(data: &'static [u8], name: &str) -> Result<Self, ExportError> {
        let broken = || ExportError::Font(name.to_owned());
        let font_ref = FontRef::new(data).map_err(|_| broken())?;
        let pdf = Font::new(data.into(), 0).ok_or_else(broken)?;
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em);
        Ok(Self {
            pdf,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            #[cfg(test)]
            ascent_em: metrics.ascent / units_per_em,
        })
    }

    /// The glyph for `ch`; the font's "missing glyph" box when it has none.
    fn glyph(&self, ch: char) -> skrifa::GlyphId {
        self.charmap.map(ch).unwrap_or(skrifa::GlyphId::NOTDEF)
    }

    /// Advance of `ch` as a fraction of the font size.
    fn advance_em(&self, ch: char) -> f32 {
        self.metrics.advance_width(self.glyph(ch)).unwrap_or(0.0) / self.units_per_em
    }
}

/// The PDF's fonts. Loading parses the embedded files once per export.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub fn load() -> Result<Self, ExportError> {
        Ok(Self {
            regular: Face::load(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: Face::load(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The krilla font to draw `weight` with.
    pub fn pdf_font(&self, weight: Weight) -> Font {
        self.face(weight).pdf.clone()
    }

    /// Width of `text` in points at `size` points.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        let face = self.face(weight);
        text.chars().map(|ch| face.advance_em(ch)).sum::<f32>() * size
    }

    #[cfg(test)]
    /// Distance from the top of a line box to its baseline, in points at `size`.
    pub fn ascent(&self, weight: Weight, size: f32) -> f32 {
        self.face(weight).ascent_em * size
    }

    /// The glyphs krilla draws for `text`: one per character, with the advances [`Self::width`]
    /// measured, and each glyph mapped back to its character so the PDF's text can be copied
    /// and searched.
    pub fn glyphs(&self, weight: Weight, text: &str) -> Vec<KrillaGlyph> {
        let face = self.face(weight);
        text.char_indices()
            .map(|(start, ch)| {
                KrillaGlyph::new(
                    GlyphId::new(face.glyph(ch).to_u32()),
                    face.advance_em(ch),
                    0.0,
                    0.0,
                    0.0,
                    start..start + ch.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `max_width` points: at spaces where it can, and
    /// inside a word (a long URL) only when the word alone is too wide. Never returns an empty
    /// list, so even an empty text takes one line.
    pub fn wrap(&self, weight: Weight, size: f32, text: &str, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(weight, size, &candidate) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word starts a fresh line; split it if it cannot fit on one.
            let mut rest = word;
            while self.width(weight, size, rest) > max_width {
                let cut = self.fitting_prefix(weight, size, rest, max_width);
                lines.push(rest[..cut].to_owned());
                rest = &rest[cut..];
            }
            line = rest.to_owned();
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Byte length of the longest prefix of `word` that fits in `max_width`; at least one
    /// character, so wrapping always makes progress.
    fn fitting_prefix(&self, weight: Weight, size: f32, word: &str, max_width: f32) -> usize {
        let face = self.face(weight);
        let mut width = 0.0;
        let mut cut = 0;
        for (start, ch) in word.char_indices() {
            width += face.advance_em(ch) * size;
            if width > max_width && start > 0 {
                break;
            }
            cut = start + ch.len_utf8();
        }
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        match Fonts::load() {
            Ok(fonts) => fonts,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn wider_text_measures_wider() {
        let fonts = fonts();
        let short = fonts.width(Weight::Regular, 10.0, "Python");
        let long = fonts.width(Weight::Regular, 10.0, "Python’s – asyncio");
        assert!(short > 20.0 && short < 40.0, "{short}");
        assert!(long > short);
        assert!(fonts.width(Weight::Bold, 10.0, "Python") > short);
        assert_eq!(fonts.width(Weight::Regular, 20.0, "Python"), short * 2.0);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let fonts = fonts();
        let text = "Convert an existing .NET microservice to FastAPI in Python, then \
                    https://docs.python.org/3/library/asyncio-eventloop.html#running-and-stopping-the-loop";
        let lines = fonts.wrap(Weight::Regular, 10.0, text, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(Weight::Regular, 10.0, line) <= 120.0, "{line}");
        }
        let joined: String = lines.concat();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined.replace(' ', ""), original);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(
            fonts().wrap(Weight::Bold, 12.0, "", 100.0),
            vec![String::new()]
        );
    }

    #[test]
    fn glyphs_cover_every_character() {
        let fonts = fonts();
        let glyphs = fonts.glyphs(Weight::Regular, "a’–Ж");
        assert_eq!(glyphs.len(), 4);
        assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0));
        assert_eq!(glyphs[1].text_range, 1..4);
    }
}
