//! Importing a roadmap someone wrote for people, not for study-planner: a Markdown file, a
//! chat answer pasted into a text file, a page copied from the web. It reads phases
//! ("Phase 1: Title (1-2 Months, Optional)", headings, or a numbered list with durations),
//! goals, topic groups, hands-on sections, links (attached to the item they sit under), a
//! "Phase | Duration" table, a final project and a closing summary, and makes a [`Roadmap`]
//! that loads like any hand-written one.
//!
//! Why it exists apart from `roadmap::load`: the loader is strict (a typo is an error with
//! its line), the importer is forgiving (it makes the best of free text) — but never silent:
//! every line it cannot place comes back as a [`Note::Skipped`] with its line number and the
//! reason, and every default it falls back on is a [`Note::Warning`].
//!
//! Pure: no egui, no disk except [`read_file`]. The pieces: `repair` (mis-decoded UTF-8),
//! `plain` and `markdown` (text → blocks), `assemble` (blocks → roadmap), `words` (what
//! counts as a phase, a goal, a section), `duration`, `slug` (stable ids), `ron_out`.

mod assemble;
mod blocks;
mod duration;
mod markdown;
mod plain;
mod repair;
mod ron_out;
mod slug;
mod text;
mod words;

use std::fmt;
use std::path::Path;

pub use assemble::{DEFAULT_HOURS_PER_WEEK, DEFAULT_MONTHS};

use crate::roadmap::{MAX_ROADMAP_BYTES, Roadmap, parse_roadmap};

/// What kind of document is imported; decides how lines are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Markdown,
    PlainText,
}

impl SourceKind {
    /// `.md`/`.markdown` → Markdown, `.txt`/`.text` → plain text; `None` for anything else
    /// (a `.ron` is a roadmap already).
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::PlainText),
            _ => None,
        }
    }
}

/// Something the learner should know about an import, tied to a line where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A line the importer could not place, with why.
    Skipped {
        line: usize,
        text: String,
        why: String,
    },
    /// A default was used, or the document contradicts itself: worth checking.
    Warning {
        line: Option<usize>,
        message: String,
    },
    /// Something done for the learner (text repaired, an assumption stated).
    Info {
        line: Option<usize>,
        message: String,
    },
}

impl Note {
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Skipped { line, .. } => Some(*line),
            Self::Warning { line, .. } | Self::Info { line, .. } => *line,
        }
    }

    /// `FILE:LINE: skipped "…" (why)`, `FILE:LINE: warning: …`, `FILE: note: …`: the form
    /// compilers use, so editors can jump to the line.
    pub fn with_file(&self, file: &str) -> String {
        let place = match self.line() {
            Some(line) => format!("{file}:{line}"),
            None => file.to_owned(),
        };
        match self {
            Self::Skipped { text, why, .. } => format!("{place}: skipped \"{text}\" ({why})"),
            Self::Warning { message, .. } => format!("{place}: warning: {message}"),
            Self::Info { message, .. } => format!("{place}: note: {message}"),
        }
    }
}

/// Why a document could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// An imported roadmap, valid (it has been through the loader), and the notes about it.
#[derive(Clone, Debug)]
pub struct Imported {
    pub roadmap: Roadmap,
    pub notes: Vec<Note>,
    /// The document's name as given (for messages and the RON's header).
    pub source: String,
}

impl Imported {
    /// The notes as `FILE:LINE: …` lines.
    pub fn messages(&self) -> Vec<String> {
        self.notes
            .iter()
            .map(|note| note.with_file(&self.source))
            .collect()
    }

    /// How many lines were skipped.
    pub fn skipped_count(&self) -> usize {
        self.notes
            .iter()
            .filter(|note| matches!(note, Note::Skipped { .. }))
            .count()
    }

    /// The roadmap as a RON file, with a header saying where it came from and every note
    /// as a comment, so what needs a look is in the file itself.
    pub fn to_ron(&self) -> String {
        let mut header = vec![
            format!("Imported by study-planner from {}.", self.source),
            "Check it with `study-planner check FILE.ron`; the format is in docs/roadmap-format.md.".to_owned(),
            "Ids are stable: progress is keyed by them, so reword freely but keep the ids.".to_owned(),
        ];
        if !self.notes.is_empty() {
            header.push(String::new());
            header.extend(self.messages());
        }
        ron_out::to_ron(&self.roadmap, &header)
    }
}

fn error(file: &str, line: Option<usize>, message: impl Into<String>) -> ImportError {
    ImportError {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// Imports a document read from disk; `name` is used in messages.
pub fn import_bytes(bytes: &[u8], kind: SourceKind, name: &str) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_ROADMAP_BYTES {
        return Err(error(
            name,
            None,
            format!(
                "the file is {} bytes; a roadmap may be at most {MAX_ROADMAP_BYTES} bytes (8 MiB)",
                bytes.len()
            ),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(error(
            name,
            Some(line),
            "this is not a text file (it contains a zero byte); expected Markdown or plain text",
        ));
    }
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(err) => {
            let line = bytes[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            notes.push(Note::Warning {
                line: Some(line),
                message: "the file is not UTF-8; it was read as Windows-1252 (save it as UTF-8 to be sure)".to_owned(),
            });
            repair::decode_cp1252(bytes)
        }
    };
    import_with_notes(&text, kind, name, notes)
}

/// Imports a document held as text (tests, the window's in-memory conversion).
pub fn import_text(text: &str, kind: SourceKind, name: &str) -> Result<Imported, ImportError> {
    import_bytes(text.as_bytes(), kind, name)
}

/// Reads and imports a Markdown or text file.
pub fn read_file(path: &Path) -> Result<Imported, ImportError> {
    let name = path.display().to_string();
    let kind = SourceKind::of_path(path).unwrap_or(SourceKind::PlainText);
    let metadata = std::fs::metadata(path)
        .map_err(|err| error(&name, None, format!("cannot read the file: {err}")))?;
    if metadata.len() > MAX_ROADMAP_BYTES as u64 {
        return Err(error(
            &name,
            None,
            format!(
                "the file is {} bytes; a roadmap may be at most {MAX_ROADMAP_BYTES} bytes (8 MiB)",
                metadata.len()
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|err| error(&name, None, format!("cannot read the file: {err}")))?;
    import_bytes(&bytes, kind, &name)
}

fn import_with_notes(
    text: &str,
    kind: SourceKind,
    name: &str,
    mut notes: Vec<Note>,
) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (text, repairs) = repair::repair(text);
    if let Some(&first) = repairs.repaired_lines.first() {
        let example = repairs
            .example
            .as_ref()
            .map(|(before, after)| format!(", e.g. \"{before}\" → \"{after}\""))
            .unwrap_or_default();
        notes.push(Note::Info {
            line: Some(first),
            message: format!(
                "repaired mis-decoded UTF-8 on {} (UTF-8 that was read as Windows-1252{example})",
                crate::words::plural(repairs.repaired_lines.len(), "line")
            ),
        });
    }
    for (line, text) in &repairs.unrepaired {
        notes.push(Note::Warning {
            line: Some(*line),
            message: format!(
                "\"{text}\" looks like mis-decoded text that cannot be repaired (a byte is lost); check this line"
            ),
        });
    }
    let blocks = match kind {
        SourceKind::Markdown => markdown::blocks(&text),
        SourceKind::PlainText => plain::blocks(&text),
    };
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let options = assemble::Options {
        plain_lines_are_items: kind == SourceKind::PlainText,
    };
    let assembled =
        assemble::assemble(&blocks, stem, options).map_err(|message| error(name, None, message))?;
    notes.extend(assembled.notes);
    notes.sort_by_key(|note| note.line().unwrap_or(0));
    let imported = Imported {
        roadmap: assembled.roadmap,
        notes,
        source: name.to_owned(),
    };
    // The loader is the judge: what the importer makes must load like a hand-written file.
    let ron = imported.to_ron();
    if ron.len() > MAX_ROADMAP_BYTES {
        return Err(error(
            name,
            None,
            "the imported roadmap would be larger than 8 MiB, the most a roadmap may be; split the document",
        ));
    }
    match parse_roadmap(&ron, name) {
        Ok(roadmap) => Ok(Imported {
            roadmap,
            ..imported
        }),
        Err(err) => Err(error(
            name,
            None,
            format!(
                "the imported roadmap is not valid ({}); please report this",
                err.message
            ),
        )),
    }
}

#[cfg(test)]
mod tests;
