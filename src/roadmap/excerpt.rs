//! The line a [`super::LoadError`] points at, with a caret under its column, the way
//! compilers show a mistake. `study-planner check` prints it under the message; a window
//! that shows a broken roadmap can show the same two lines.

/// The source line `line` (1-based) of `text` and a caret under column `col` (1-based, in
/// characters), prefixed with the line number:
///
/// ```text
///    17 |             hands_on: [(id: "syntax", text: "Write hello world")],
///       |                             ^
/// ```
///
/// `None` when the text has no such line. Tabs before the column are copied into the caret
/// line, so the caret stays under its character whatever the tab width.
pub fn excerpt(text: &str, (line, col): (usize, usize)) -> Option<String> {
    let source = text.lines().nth(line.checked_sub(1)?)?;
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let pad: String = source
        .chars()
        .take(col.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    Some(format!("{number} | {source}\n{gutter} | {pad}^"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_sits_under_the_column() {
        let text = "first\n  second line’s\n";
        assert_eq!(
            excerpt(text, (2, 3)).as_deref(),
            Some("2 |   second line’s\n  |   ^")
        );
        // Characters, not bytes: the caret after a curly quote.
        assert_eq!(
            excerpt(text, (2, 15)).as_deref(),
            Some("2 |   second line’s\n  |               ^")
        );
        assert_eq!(excerpt("\tx", (1, 2)).as_deref(), Some("1 | \tx\n  | \t^"));
        assert_eq!(excerpt(text, (9, 1)), None);
        assert_eq!(excerpt(text, (0, 1)), None);
    }
}
