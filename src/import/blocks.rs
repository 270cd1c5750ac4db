//! The importer's view of a document: a list of lines ("blocks") with their kind, depth,
//! text and links. Plain text and Markdown are each read into blocks by their own reader
//! (`plain.rs`, `markdown.rs`); one assembler (`assemble.rs`) makes the roadmap from them, so
//! both formats follow the same rules.

/// One line of the source, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// 1-based line in the source file.
    pub line: usize,
    /// List nesting or indentation: 0 at the left margin.
    pub depth: usize,
    pub kind: Kind,
    /// The leading list marker, if any.
    pub marker: Option<Marker>,
    /// The text: emoji dropped, links replaced by their titles, whitespace collapsed.
    pub text: String,
    /// The line as written (trimmed), for "skipped" messages.
    pub source: String,
    pub links: Vec<Link>,
    /// The whole text was bold: a heading written as `**Topics**`.
    pub emphasised: bool,
}

/// What sort of line a block is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A heading of this level (`#` = 1).
    Heading(u8),
    /// A line of running text (a paragraph line in Markdown, an unmarked line in plain text).
    Line,
    /// A list item (or a line with a bullet marker).
    ListItem,
    /// A table row; `header` for a Markdown table's head row.
    TableRow { cells: Vec<String>, header: bool },
    /// Something the importer never reads (a code block, HTML), with why.
    Unreadable(&'static str),
}

/// A list marker. Two items are in the same list when their markers are of the same sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// `-`, `*`, `+`, `•` and the like.
    Symbol(char),
    /// `1.`, `2)`, a keycap digit.
    Number,
    /// `[ ]` or `[x]`.
    Task,
    /// An emoji used as a bullet (`🔹`, `✔`).
    Emoji(char),
}

/// A link found in a line: `[title](url)`, `<url>` or a bare address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The link's own words; empty for a bare address.
    pub title: String,
    pub url: String,
}

impl Block {
    /// The source line shortened for a message.
    pub fn quoted(&self) -> String {
        quote(&self.source)
    }
}

/// At most 80 characters of a line, for a message.
pub fn quote(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.trim();
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(MAX - 1).collect();
        short.push('…');
        short
    }
}
