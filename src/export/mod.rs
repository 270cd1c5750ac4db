//! Taking the plan off the screen: a PDF for the wall, an iCalendar file for the learner's
//! calendar, Markdown for notes apps and CSV for spreadsheets.
//!
//! Pure: every format is built in memory from an [`ExportInput`] and returned as bytes, so the
//! window, the command line and the tests produce exactly the same files. This module never
//! imports egui and never touches the disk; writing files is the caller's job. Given the same
//! input (including `today`), every format is byte-for-byte reproducible.

mod csv;
mod ics;
mod markdown;
mod model;
mod pdf;

use crate::plan::Plan;
use crate::roadmap::Roadmap;
/// "5 Jan 2026": the same date words as the window and the command line.
pub use crate::schedule::{date_range, long_date};
use crate::words::plural;

pub use model::{ItemEntry, PlanDoc, StageEntry, WeekEntry};

/// The file formats the plan can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Pdf,
    Ics,
    Md,
    Csv,
}

impl ExportFormat {
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Ics, Self::Md, Self::Csv];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Ics => "ics",
            Self::Md => "md",
            Self::Csv => "csv",
        }
    }

    /// What a learner calls the format, for menus and file dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF (for printing)",
            Self::Ics => "iCalendar (.ics)",
            Self::Md => "Markdown (.md)",
            Self::Csv => "CSV (spreadsheets)",
        }
    }

    /// Whether the output is text that may go to a terminal.
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Pdf)
    }
}

/// Paper sizes the PDF is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// Width and height in PDF points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            // 210 × 297 mm.
            Self::A4 => (595.28, 841.89),
            // 8.5 × 11 in.
            Self::Letter => (612.0, 792.0),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "US Letter",
        }
    }

    /// The paper the learner's locale prints on: US Letter in the countries that use it
    /// (read from `LC_ALL`, `LC_PAPER` or `LANG`), A4 everywhere else.
    pub fn from_locale() -> Self {
        let locale = ["LC_ALL", "LC_PAPER", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Self::for_locale(&locale)
    }

    /// See [`Self::from_locale`]; `locale` is a POSIX locale name such as `en_US.UTF-8`.
    pub fn for_locale(locale: &str) -> Self {
        let territory = locale
            .split(['.', '@'])
            .next()
            .and_then(|name| name.split('_').nth(1))
            .unwrap_or("");
        // The US, Canada, Mexico, Chile, Colombia, Venezuela, the Philippines, Puerto Rico.
        if ["US", "CA", "MX", "CL", "CO", "VE", "PH", "PR"].contains(&territory) {
            Self::Letter
        } else {
            Self::A4
        }
    }
}

/// Everything an export reads. The same input gives the same bytes.
#[derive(Clone, Copy, Debug)]
pub struct ExportInput<'a> {
    /// The joined plan: roadmap, the learner's ticks, notes and settings, the schedule, and
    /// "today" (the PDF's today line and print date, the iCalendar DTSTAMP).
    pub plan: &'a Plan,
    pub paper: Paper,
}

/// Why an export failed. Only a broken build can cause these; they are reported, not hidden.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the embedded font {0} cannot be read")]
    Font(String),
    #[error("cannot make the PDF: {0}")]
    Pdf(String),
}

/// Which events the calendar gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CalendarEvents {
    /// One all-day event per phase.
    Phases,
    /// Per phase, and per week that brings new items (listing them).
    #[default]
    PhasesAndWeeks,
}

/// Builds the file for `format` (a calendar with phase and week events).
pub fn export(format: ExportFormat, input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    export_with(format, input, CalendarEvents::default())
}

/// [`export`], choosing which events a calendar gets (other formats ignore `events`).
pub fn export_with(
    format: ExportFormat,
    input: &ExportInput<'_>,
    events: CalendarEvents,
) -> Result<Vec<u8>, ExportError> {
    export_described(format, input, events).map(|exported| exported.bytes)
}

/// A finished export: the file, and what it holds in words for the message that says where
/// it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    /// "12 pages (A4)", "53 events", "50 rows", "50 checklist items".
    pub contents: String,
}

/// [`export_with`], with a word on what the file holds.
pub fn export_described(
    format: ExportFormat,
    input: &ExportInput<'_>,
    events: CalendarEvents,
) -> Result<Exported, ExportError> {
    let doc = PlanDoc::new(input);
    let items = || {
        doc.stages
            .iter()
            .map(|stage| {
                let weeks: usize = stage.week_entries.iter().map(|w| w.items.len()).sum();
                weeks + stage.unscheduled.len()
            })
            .sum::<usize>()
    };
    Ok(match format {
        ExportFormat::Pdf => {
            let (bytes, pages) = pdf::render_counted(&doc, input.paper)?;
            Exported {
                bytes,
                contents: format!("{} ({})", plural(pages, "page"), input.paper.label()),
            }
        }
        ExportFormat::Ics => {
            let text = ics::render(&doc, events);
            let events = text.matches("BEGIN:VEVENT").count();
            Exported {
                bytes: text.into_bytes(),
                contents: plural(events, "event"),
            }
        }
        ExportFormat::Md => Exported {
            bytes: markdown::render(&doc).into_bytes(),
            contents: plural(items(), "checklist item"),
        },
        ExportFormat::Csv => Exported {
            bytes: csv::render(&doc).into_bytes(),
            contents: plural(items(), "row"),
        },
    })
}

/// A file name to suggest when saving: `python-enterprise-plan.pdf`.
pub fn suggested_file_name(roadmap: &Roadmap, format: ExportFormat) -> String {
    let stem: String = roadmap
        .id
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                ch
            } else {
                '-'
            }
        })
        .collect();
    format!("{stem}-plan.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_follows_the_locale_territory() {
        assert_eq!(Paper::for_locale("en_US.UTF-8"), Paper::Letter);
        assert_eq!(Paper::for_locale("fr_CA"), Paper::Letter);
        assert_eq!(Paper::for_locale("en_GB.UTF-8"), Paper::A4);
        assert_eq!(Paper::for_locale("de_DE@euro"), Paper::A4);
        assert_eq!(Paper::for_locale("C"), Paper::A4);
        assert_eq!(Paper::for_locale(""), Paper::A4);
    }

    #[test]
    fn file_names_are_safe() {
        let mut roadmap = crate::roadmap::embedded();
        assert_eq!(
            suggested_file_name(&roadmap, ExportFormat::Ics),
            "python-enterprise-plan.ics"
        );
        roadmap.id = "a/b c".to_owned();
        assert_eq!(
            suggested_file_name(&roadmap, ExportFormat::Pdf),
            "a-b-c-plan.pdf"
        );
    }
}
