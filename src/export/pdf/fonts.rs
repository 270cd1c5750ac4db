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
    ///
    /// Linear in the length of `text`: every character's advance is added once or twice (once
    /// to try the word on the current line, once more if it moves to a line of its own), and a
    /// word too wide for a line is cut where its running width passes the edge, never by
    /// measuring what is left of it again. Widths are summed in the same order as
    /// [`Self::width`] sums them, so every line measures exactly what the layout decided.
    pub fn wrap(&self, weight: Weight, size: f32, text: &str, max_width: f32) -> Vec<String> {
        let face = self.face(weight);
        let space_em = face.advance_em(' ');
        let fits = |em: f32| em * size <= max_width;
        let mut lines = Vec::new();
        let mut line = String::new();
        // Width of `line` in ems, summed character by character.
        let mut line_em = 0.0f32;
        for word in text.split_whitespace() {
            if !line.is_empty() {
                let candidate_em = word
                    .chars()
                    .fold(line_em + space_em, |em, ch| em + face.advance_em(ch));
                if fits(candidate_em) {
                    line.push(' ');
                    line.push_str(word);
                    line_em = candidate_em;
                    continue;
                }
                lines.push(std::mem::take(&mut line));
            }
            // The word starts a fresh line; it is cut wherever it reaches the edge, at least
            // one character per line so wrapping always makes progress.
            let mut piece_start = 0;
            let mut piece_em = 0.0f32;
            for (start, ch) in word.char_indices() {
                let next_em = piece_em + face.advance_em(ch);
                if !fits(next_em) && start > piece_start {
                    lines.push(word[piece_start..start].to_owned());
                    piece_start = start;
                    piece_em = face.advance_em(ch);
                } else {
                    piece_em = next_em;
                }
            }
            line = word[piece_start..].to_owned();
            line_em = piece_em;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
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
    fn a_word_too_long_for_a_line_is_cut_where_it_reaches_the_edge() {
        let fonts = fonts();
        let word = "abcdefghij".repeat(3000);
        let text = format!("short {word} tail");
        let lines = fonts.wrap(Weight::Regular, 9.0, &text, 200.0);
        assert_eq!(lines.first().map(String::as_str), Some("short"));
        assert!(lines.len() > 100, "{}", lines.len());
        for line in &lines {
            assert!(fonts.width(Weight::Regular, 9.0, line) <= 200.0, "{line}");
        }
        // Every cut line is full: one more character would not have fitted.
        for pair in lines[1..lines.len() - 1].windows(2) {
            let next = pair[1].chars().next().map(String::from).unwrap_or_default();
            let longer = format!("{}{next}", pair[0]);
            assert!(
                fonts.width(Weight::Regular, 9.0, &longer) > 200.0,
                "{longer}"
            );
        }
        assert_eq!(lines.concat().replace(" ", ""), format!("short{word}tail"));
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
