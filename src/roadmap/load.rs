//! Reading a roadmap file: size cap, UTF-8, RON syntax and shape, then the checks serde cannot
//! express (unique ids, sane durations, real links). Every error names the file and, wherever
//! the text allows, the line and column.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::{FORMAT_VERSION, ITEM_RESOURCES_FORMAT, Item, MonthRange, Resource, Roadmap, position};
use crate::ron_messages::{TypeWords, hand_edit_options, strip_bom, without_type_names};

/// Roadmaps are written by hand or imported; the biggest real ones (150 phases, 3,000 links)
/// take about 1.4 MB, so anything past 8 MiB is a mistake (or an attack on memory).
pub const MAX_ROADMAP_BYTES: usize = 8 * 1024 * 1024;

/// Why a roadmap could not be used, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the learner named it.
    pub file: String,
    /// 1-based line and column, when the problem has a place.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for LoadError {
    /// `FILE:LINE:COL: message`, the form compilers use, so editors can jump to it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn new(file: &str, position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            position,
            message: message.into(),
        }
    }
}

/// Reads and validates a roadmap file from disk.
pub fn read_roadmap_file(path: &Path) -> Result<Roadmap, LoadError> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path)
        .map_err(|err| LoadError::new(&name, None, format!("cannot read the file: {err}")))?;
    if metadata.len() > MAX_ROADMAP_BYTES as u64 {
        return Err(too_large(&name, metadata.len()));
    }
    let bytes = std::fs::read(path)
        .map_err(|err| LoadError::new(&name, None, format!("cannot read the file: {err}")))?;
    parse_roadmap_bytes(&bytes, &name)
}

fn too_large(name: &str, len: u64) -> LoadError {
    LoadError::new(
        name,
        None,
        format!(
            "the file is {len} bytes; a roadmap may be at most {MAX_ROADMAP_BYTES} bytes (8 MiB)"
        ),
    )
}

/// Validates raw bytes: size, UTF-8, then [`parse_roadmap`].
pub fn parse_roadmap_bytes(bytes: &[u8], name: &str) -> Result<Roadmap, LoadError> {
    if bytes.len() > MAX_ROADMAP_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        // The valid prefix is UTF-8 by definition.
        let prefix = String::from_utf8_lossy(valid);
        LoadError::new(
            name,
            Some(line_col(&prefix, prefix.len())),
            "the file is not valid UTF-8 text; save it as UTF-8",
        )
    })?;
    parse_roadmap(text, name)
}

/// Parses and validates roadmap text. `name` is used in error messages.
pub fn parse_roadmap(text: &str, name: &str) -> Result<Roadmap, LoadError> {
    // A byte-order mark (some Windows editors write one) is not part of the text; lines and
    // columns are counted without it, as editors show them.
    let text = strip_bom(text);
    if text.len() > MAX_ROADMAP_BYTES {
        return Err(too_large(name, text.len() as u64));
    }
    if text.trim().is_empty() {
        return Err(LoadError::new(
            name,
            Some((1, 1)),
            "the file is empty; expected a roadmap such as `(format: 1, id: \"…\", title: \"…\", …)`",
        ));
    }
    // Implicit `Some` lets authors write `short_title: "…"` rather than `Some("…")`.
    let roadmap: Roadmap = hand_edit_options().from_str(text).map_err(|err| {
        let (offset, message) = position::explain(&position::Source::new(text), &err);
        LoadError::new(
            name,
            Some(line_col(text, offset)),
            without_type_names(&message, ROADMAP_WORDS),
        )
    })?;
    validate(&roadmap, text, name)?;
    Ok(roadmap)
}

/// The types a roadmap is read into, in the words of its author.
const ROADMAP_WORDS: TypeWords = &[
    ("Roadmap", "the roadmap"),
    ("Phase", "a phase"),
    ("TopicGroup", "a topic group"),
    ("Item", "an item"),
    ("Resource", "a resource"),
    ("ResourceKind", "a resource kind"),
    ("MonthRange", "a month range `(min: …, max: …)`"),
    ("FinalProject", "the final project"),
    ("Summary", "the summary"),
    ("ItemKind", "an item kind"),
];

/// Finds places in the source text, so checks made after parsing can still point at a line.
struct Locator<'a> {
    text: &'a str,
    /// Byte offsets of every `id: "value"` string, by value, in file order.
    ids: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut search_from = 0;
        while let Some(found) = text[search_from..].find("id") {
            let start = search_from + found;
            search_from = start + 2;
            let before_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if !before_ok {
                continue;
            }
            let rest = &text[start + 2..];
            let after_ws = rest.trim_start();
            let Some(after_colon) = after_ws.strip_prefix(':') else {
                continue;
            };
            let value_part = after_colon.trim_start();
            let Some(inner) = value_part.strip_prefix('"') else {
                continue;
            };
            let Some(end) = inner.find('"') else { continue };
            let value_offset = text.len() - value_part.len();
            ids.entry(&inner[..end]).or_default().push(value_offset);
        }
        Self { text, ids }
    }

    /// Position of the `nth` (0-based) occurrence of `id: "value"`.
    fn id(&self, value: &str, nth: usize) -> Option<usize> {
        self.ids.get(value).and_then(|list| list.get(nth).copied())
    }

    /// Position of `field` at or after the owner's id (or from the start with no owner).
    fn field(&self, owner: Option<usize>, field: &str) -> Option<usize> {
        let from = owner.unwrap_or(0);
        let mut search_from = from;
        while let Some(found) = self.text[search_from..].find(field) {
            let start = search_from + found;
            let after = self.text[start + field.len()..].trim_start();
            let before_ok = self.text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if before_ok && after.starts_with(':') {
                return Some(start);
            }
            search_from = start + field.len();
        }
        owner
    }

    fn line_col(&self, offset: Option<usize>) -> Option<(usize, usize)> {
        offset.map(|o| line_col(self.text, o))
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The checks serde cannot make. Stops at the first problem, in file order.
fn validate(roadmap: &Roadmap, text: &str, name: &str) -> Result<(), LoadError> {
    let locator = Locator::new(text);
    let fail = |offset: Option<usize>, message: String| {
        Err(LoadError::new(name, locator.line_col(offset), message))
    };

    if roadmap.format > FORMAT_VERSION {
        return fail(
            locator.field(None, "format"),
            format!(
                "this roadmap uses format {}, but this version of study-planner reads formats 1 to {FORMAT_VERSION}; update study-planner",
                roadmap.format
            ),
        );
    }
    if roadmap.format == 0 {
        return fail(
            locator.field(None, "format"),
            format!(
                "expected `format: {FORMAT_VERSION}` (or `format: 1` for a file whose resources all belong to phases)"
            ),
        );
    }

    // Ids first: later messages use them to find their place.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in all_ids(roadmap) {
        let count = seen.entry(id).or_insert(0);
        *count += 1;
        if id.trim().is_empty() {
            return fail(
                locator.id(id, *count - 1),
                "empty id; expected a short unique name such as \"backend-basics\"".into(),
            );
        }
        if *count > 1 {
            let first = locator
                .line_col(locator.id(id, 0))
                .map_or_else(String::new, |(line, _)| {
                    format!(" (first used on line {line})")
                });
            return fail(
                locator.id(id, *count - 1),
                format!(
                    "duplicate id \"{id}\"{first}; every phase, item and resource needs its own id"
                ),
            );
        }
    }

    let top = None;
    if roadmap.title.trim().is_empty() {
        return fail(
            locator.field(top, "title"),
            "empty title; expected the roadmap's name".into(),
        );
    }
    if !(roadmap.hours_per_week.is_finite()
        && roadmap.hours_per_week > 0.0
        && roadmap.hours_per_week <= 168.0)
    {
        return fail(
            locator.field(top, "hours_per_week"),
            format!(
                "hours_per_week is {}; expected the weekly study hours the estimates assume, between 0 and 168",
                roadmap.hours_per_week
            ),
        );
    }
    if roadmap.phases.is_empty() {
        return fail(
            locator.field(top, "phases"),
            "no phases; expected at least one phase".into(),
        );
    }

    for phase in &roadmap.phases {
        let at = locator.id(&phase.id, 0);
        let what = format!("phase \"{}\"", phase.id);
        non_empty(&locator, at, "title", &phase.title, &what).map_err(|m| err(name, m))?;
        if let Some(short) = &phase.short_title {
            non_empty(&locator, at, "short_title", short, &what).map_err(|m| err(name, m))?;
        }
        non_empty(&locator, at, "goal", &phase.goal, &what).map_err(|m| err(name, m))?;
        check_months(&locator, at, phase.duration_months, &what).map_err(|m| err(name, m))?;
        for group in &phase.topic_groups {
            non_empty(&locator, at, "heading", &group.heading, &what).map_err(|m| err(name, m))?;
        }
        for item in phase
            .topic_groups
            .iter()
            .flat_map(|g| &g.topics)
            .chain(&phase.hands_on)
        {
            check_item(&locator, roadmap.format, item).map_err(|m| err(name, m))?;
        }
        for resource in &phase.resources {
            check_resource(&locator, resource).map_err(|m| err(name, m))?;
        }
    }
    if let Some(project) = &roadmap.final_project {
        let at = locator.id(&project.id, 0);
        let what = format!("final project \"{}\"", project.id);
        non_empty(&locator, at, "title", &project.title, &what).map_err(|m| err(name, m))?;
        if let Some(short) = &project.short_title {
            non_empty(&locator, at, "short_title", short, &what).map_err(|m| err(name, m))?;
        }
        for (field, heading) in [
            ("tech_stack_heading", &project.tech_stack_heading),
            ("ideas_heading", &project.ideas_heading),
        ] {
            non_empty(&locator, at, field, heading, &what).map_err(|m| err(name, m))?;
        }
        check_months(&locator, at, project.duration_months, &what).map_err(|m| err(name, m))?;
        for item in project.tech_stack.iter().chain(&project.ideas) {
            check_item(&locator, roadmap.format, item).map_err(|m| err(name, m))?;
        }
    }
    if let Some(summary) = &roadmap.summary {
        let at = locator.field(None, "summary");
        let what = "the summary";
        non_empty(&locator, at, "heading", &summary.heading, what).map_err(|m| err(name, m))?;
        if let Some(index) = summary.points.iter().position(|p| p.trim().is_empty()) {
            return fail(
                locator.field(at, "points"),
                format!(
                    "the summary's point {} is empty; expected some text (or remove it)",
                    index + 1
                ),
            );
        }
    }
    Ok(())
}

/// An item's text, and its own resources (format 2 only).
fn check_item(locator: &Locator<'_>, format: u32, item: &Item) -> Result<(), Located> {
    let at = locator.id(&item.id, 0);
    let what = format!("item \"{}\"", item.id);
    non_empty(locator, at, "text", &item.text, &what)?;
    if !item.resources.is_empty() && format < ITEM_RESOURCES_FORMAT {
        return Err((
            locator.line_col(locator.field(at, "resources")),
            format!(
                "{what} has its own resources, which need `format: {ITEM_RESOURCES_FORMAT}`; \
                 this file says `format: {format}` (resources per phase only): change it to \
                 `format: {ITEM_RESOURCES_FORMAT}`"
            ),
        ));
    }
    for resource in &item.resources {
        check_resource(locator, resource)?;
    }
    Ok(())
}

/// A resource's title and link, wherever it sits (a phase or an item).
fn check_resource(locator: &Locator<'_>, resource: &Resource) -> Result<(), Located> {
    let at = locator.id(&resource.id, 0);
    let what = format!("resource \"{}\"", resource.id);
    non_empty(locator, at, "title", &resource.title, &what)?;
    if let Err(problem) = check_url(&resource.url) {
        return Err((
            locator.line_col(locator.field(at, "url")),
            format!("{what} has url \"{}\": {problem}", shown_url(&resource.url)),
        ));
    }
    Ok(())
}

type Located = (Option<(usize, usize)>, String);

fn err(name: &str, (position, message): Located) -> LoadError {
    LoadError::new(name, position, message)
}

fn non_empty(
    locator: &Locator<'_>,
    owner: Option<usize>,
    field: &str,
    value: &str,
    what: &str,
) -> Result<(), Located> {
    if value.trim().is_empty() {
        Err((
            locator.line_col(locator.field(owner, field)),
            format!("{what} has an empty {field}; expected some text"),
        ))
    } else {
        Ok(())
    }
}

fn check_months(
    locator: &Locator<'_>,
    owner: Option<usize>,
    months: MonthRange,
    what: &str,
) -> Result<(), Located> {
    let MonthRange { min, max } = months;
    let ok = min.is_finite() && max.is_finite() && min > 0.0 && min <= max && max <= 120.0;
    if ok {
        Ok(())
    } else {
        Err((
            locator.line_col(locator.field(owner, "duration_months")),
            format!(
                "{what} has duration_months (min: {min}, max: {max}); expected 0 < min ≤ max ≤ 120"
            ),
        ))
    }
}

/// Links longer than this are refused: no real documentation page needs one, and a long link
/// hides where it goes.
pub const MAX_URL_CHARS: usize = 2000;

/// Why a resource link is not a plain web address the learner can trust, if it is not. The
/// learner sees the host when hovering a link, so nothing may disguise it: no user name before
/// an `@` (`https://docs.python.org@evil.example/` goes to evil.example), no control
/// characters, no bidirectional overrides that reorder what is shown.
fn check_url(url: &str) -> Result<(), String> {
    let expected = "expected a web address starting with https:// or http://";
    if url.chars().count() > MAX_URL_CHARS {
        return Err(format!(
            "the link is {} characters long; at most {MAX_URL_CHARS} are allowed",
            url.chars().count()
        ));
    }
    if let Some(ch) = url.chars().find(|&ch| is_bidi_control(ch)) {
        return Err(format!(
            "it contains the invisible direction mark U+{:04X}, which changes how the link reads; remove it",
            u32::from(ch)
        ));
    }
    if let Some(ch) = url.chars().find(|ch| ch.is_control()) {
        return Err(format!(
            "it contains the control character U+{:04X}; remove it",
            u32::from(ch)
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(format!(
            "it contains a space; {expected} (write a space as %20)"
        ));
    }
    let parsed = url::Url::parse(url).map_err(|err| format!("{err}; {expected}"))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(expected.to_owned());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("it names no host; {expected}"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!(
            "it has a user name before `@`, so it would open {} rather than what it seems to; remove everything between `//` and `@`",
            parsed.host_str().unwrap_or_default()
        ));
    }
    Ok(())
}

/// Whether the loader accepts this link (the importer asks before it makes a resource).
pub(crate) fn is_web_url(url: &str) -> bool {
    check_url(url).is_ok()
}

/// Unicode's bidirectional formatting characters (embeddings, overrides, isolates, marks).
fn is_bidi_control(ch: char) -> bool {
    matches!(
        ch,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A link as it may be quoted in a message: control and direction characters escaped (so the
/// message itself cannot be reordered), and cut short when it is very long.
fn shown_url(url: &str) -> String {
    let mut shown: String = url
        .chars()
        .take(120)
        .flat_map(|ch| {
            if ch.is_control() || is_bidi_control(ch) {
                format!("\\u{{{:04X}}}", u32::from(ch))
                    .chars()
                    .collect::<Vec<_>>()
            } else {
                vec![ch]
            }
        })
        .collect();
    if url.chars().count() > 120 {
        shown.push('…');
    }
    shown
}

/// Every id in file order.
fn all_ids(roadmap: &Roadmap) -> Vec<&str> {
    let mut ids = vec![roadmap.id.as_str()];
    for phase in &roadmap.phases {
        ids.push(&phase.id);
        for group in &phase.topic_groups {
            group.topics.iter().for_each(|i| push_item_ids(&mut ids, i));
        }
        phase
            .hands_on
            .iter()
            .for_each(|i| push_item_ids(&mut ids, i));
        ids.extend(phase.resources.iter().map(|r| r.id.as_str()));
    }
    if let Some(project) = &roadmap.final_project {
        ids.push(&project.id);
        project
            .tech_stack
            .iter()
            .for_each(|i| push_item_ids(&mut ids, i));
        project
            .ideas
            .iter()
            .for_each(|i| push_item_ids(&mut ids, i));
    }
    ids
}

/// An item's id, then its own resources' ids (their order in the file).
fn push_item_ids<'a>(ids: &mut Vec<&'a str>, item: &'a Item) {
    ids.push(&item.id);
    ids.extend(item.resources.iter().map(|r| r.id.as_str()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncd’e", 8), (2, 4));
        assert_eq!(line_col("x", 0), (1, 1));
    }

    #[test]
    fn urls() {
        assert_eq!(check_url("https://docs.python.org/3/"), Ok(()));
        assert_eq!(check_url("http://example.com"), Ok(()));
        for bad in [
            "ftp://example.com",
            "https://",
            "docs.python.org",
            "https://docs.python.org@evil.example/",
            "https://user:pw@example.com/",
            "https://:pw@example.com/",
            "https://example.com/\u{202E}fdp.exe",
            "https://example.com/\u{2066}x",
            "https://example.com/a\tb",
            "https://example.com/\u{7}",
            "https://exa mple.com/",
            " https://example.com/",
            "https://[::1/",
        ] {
            assert!(check_url(bad).is_err(), "{bad:?} was accepted");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_CHARS));
        assert!(check_url(&long).is_err_and(|m| m.contains("characters long")));
        let just_fits = format!("https://example.com/{}", "a".repeat(MAX_URL_CHARS - 20));
        assert_eq!(check_url(&just_fits), Ok(()));
        assert_eq!(shown_url("a\u{202E}b"), "a\\u{202E}b");
    }
}
