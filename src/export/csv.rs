//! The plan as CSV: one row per checklist item, for spreadsheets, with the learner's note on
//! the item in the last column.
//!
//! RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
//! a line break. A UTF-8 byte order mark leads the file, so that Excel reads ’ and – as UTF-8
//! rather than as the Windows code page (LibreOffice and Google Sheets accept it too).

use super::model::{ItemEntry, PlanDoc, WeekEntry};

const HEADER: [&str; 9] = [
    "phase",
    "item",
    "kind",
    "week",
    "week start",
    "week end",
    "state",
    "date done",
    "note",
];

pub fn render(doc: &PlanDoc<'_>) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, HEADER.map(str::to_owned));
    for stage in &doc.stages {
        for week in &stage.week_entries {
            for item in &week.items {
                row(&mut out, fields(&stage.heading, Some(week), item));
            }
        }
        for item in &stage.unscheduled {
            row(&mut out, fields(&stage.heading, None, item));
        }
    }
    out
}

fn fields(stage: &str, week: Option<&WeekEntry<'_>>, item: &ItemEntry<'_>) -> [String; 9] {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    [
        text_cell(stage),
        text_cell(&item.text),
        item.kind.label().to_owned(),
        week.map(|w| w.number.to_string()).unwrap_or_default(),
        date(week.map(|w| w.first_day)),
        date(week.map(|w| w.last_day)),
        item.state.label().to_owned(),
        date(item.done_on),
        item.note.map(text_cell).unwrap_or_default(),
    ]
}

/// Text from a roadmap file, kept as text: a spreadsheet would run a cell starting with `=`,
/// `+`, `-` or `@` as a formula, and a roadmap may come from anyone, so such a cell gets a
/// leading `'` (OWASP's advice for CSV injection).
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn row<const N: usize>(out: &mut String, fields: [String; N]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&quoted(field));
    }
    out.push_str("\r\n");
}

/// A field as RFC 4180 wants it.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(quoted("plain text"), "plain text");
        assert_eq!(quoted("a, b"), "\"a, b\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_stay_text() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("Django / Flask"), "Django / Flask");
    }
}
