//! Turning ron's errors into messages that point at the mistake.
//!
//! ron reports where its parser stood when it gave up, which is often not where the author
//! has to look: a stray word on line 20 is reported at the end of line 19, a string whose
//! closing quote is missing swallows the text after it and fails somewhere later, a missing
//! field is found at the closing parenthesis, and a wrong type says what ron expected but not
//! which field or what it found. A small tokenizer over the source (strings, comments and
//! brackets, nothing more) finds the real place and the words for it.
//!
//! Pure: no disk, no egui.

use ron::Error;

/// What a token is, as far as placing errors needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A string literal; `closed` is false when the file ends inside it.
    Str {
        closed: bool,
    },
    Open(u8),
    Close(u8),
    /// A name, a number, or a punctuation character.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
}

/// The source text, tokenized once.
pub(super) struct Source<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Source<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            tokens: tokenize(text),
        }
    }

    /// The first token that starts at or after `offset`.
    fn token_from(&self, offset: usize) -> Option<&Token> {
        let index = self.tokens.partition_point(|t| t.start < offset);
        self.tokens.get(index)
    }

    /// The token that covers `offset`, else the next one after it.
    fn token_at(&self, offset: usize) -> Option<&Token> {
        self.tokens
            .iter()
            .find(|t| t.start <= offset && offset < t.end)
            .or_else(|| self.token_from(offset))
    }

    fn text_of(&self, token: &Token) -> &'a str {
        &self.text[token.start..token.end]
    }

    /// A string literal starting at or before `offset` that is not closed, or that has
    /// swallowed what looks like the fields after it (a line inside it starts with `name:` or
    /// a bracket): in a roadmap that is a missing closing quote.
    fn runaway_string(&self, offset: usize) -> Option<&Token> {
        self.tokens
            .iter()
            .take_while(|t| t.start <= offset)
            .find(|t| match t.kind {
                Kind::Str { closed } => !closed || swallowed_fields(self.text_of(t)),
                _ => false,
            })
    }

    /// The `name:` in front of the value starting at token `index`, if there is one.
    fn field_before(&self, index: usize) -> Option<&'a str> {
        let colon = self.tokens.get(index.checked_sub(1)?)?;
        let name = self.tokens.get(index.checked_sub(2)?)?;
        (self.text_of(colon) == ":" && name.kind == Kind::Other && is_name(self.text_of(name)))
            .then(|| self.text_of(name))
    }

    /// The opening bracket of the innermost group still open at `offset` (with `offset` on
    /// or just after its closing bracket, the group that bracket closes).
    fn enclosing_open(&self, offset: usize) -> Option<&Token> {
        let mut stack: Vec<&Token> = Vec::new();
        for token in &self.tokens {
            if token.start >= offset {
                break;
            }
            match token.kind {
                Kind::Open(_) => stack.push(token),
                // The closing bracket ron stopped on belongs to the struct it reports.
                Kind::Close(_) if token.end < offset => {
                    stack.pop();
                }
                _ => {}
            }
        }
        stack.last().copied()
    }
}

/// Whether a string literal holds lines that look like RON rather than prose.
fn swallowed_fields(literal: &str) -> bool {
    literal.lines().skip(1).any(|line| {
        let line = line.trim_start();
        let name_len = line
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        (name_len > 0 && line[name_len..].trim_start().starts_with(':'))
            || line.starts_with(['(', ')', '[', ']'])
    })
}

fn is_name(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// Strings (plain, raw, byte), char literals, comments (skipped), brackets, names, numbers
/// and single punctuation characters.
fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i);
                continue;
            }
            b'"' => {
                let (end, closed) = quoted_end(bytes, i + 1, b'"');
                i = end;
                Kind::Str { closed }
            }
            b'\'' => {
                let (end, closed) = quoted_end(bytes, i + 1, b'\'');
                i = end;
                Kind::Str { closed }
            }
            b'r' | b'b' if starts_raw_string(&bytes[i..]) => {
                let (end, closed) = raw_string_end(text, i);
                i = end;
                Kind::Str { closed }
            }
            b'b' if bytes.get(i + 1) == Some(&b'"') => {
                let (end, closed) = quoted_end(bytes, i + 2, b'"');
                i = end;
                Kind::Str { closed }
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Kind::Open(b)
            }
            b')' | b']' | b'}' => {
                i += 1;
                Kind::Close(b)
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'.' | b'+' | b'-')
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                Kind::Other
            }
            _ => {
                i += 1;
                Kind::Other
            }
        };
        // Never end inside a character (the name loop stops only at ASCII).
        while !text.is_char_boundary(i) {
            i += 1;
        }
        tokens.push(Token {
            start,
            end: i,
            kind,
        });
    }
    tokens
}

/// End (exclusive) of a `quote`-delimited literal whose body starts at `from`, and whether
/// its closing quote was found. Backslash escapes the next byte.
fn quoted_end(bytes: &[u8], from: usize, quote: u8) -> (usize, bool) {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return (i + 1, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

fn starts_raw_string(bytes: &[u8]) -> bool {
    let rest = match bytes {
        [b'b', b'r', rest @ ..] | [b'r', rest @ ..] => rest,
        _ => return false,
    };
    let hashes = rest.iter().take_while(|&&b| b == b'#').count();
    rest.get(hashes) == Some(&b'"')
}

/// `r#"…"#` (and `br"…"`): the same number of `#` closes it.
fn raw_string_end(text: &str, start: usize) -> (usize, bool) {
    let body_start = text[start..]
        .find('"')
        .map_or(text.len(), |n| start + n + 1);
    let hashes = text[start..body_start]
        .bytes()
        .filter(|&b| b == b'#')
        .count();
    let closing = format!("\"{}", "#".repeat(hashes));
    match text.get(body_start..).and_then(|rest| rest.find(&closing)) {
        Some(n) => (body_start + n + closing.len(), true),
        None => (text.len(), false),
    }
}

/// End of a (nested) block comment starting at `start`, or the end of the text.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth = depth.saturating_sub(1);
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The byte offset of ron's 1-based line and column (columns count characters).
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// Where a ron error really is (a byte offset) and what to say about it.
pub(super) fn explain(source: &Source<'_>, err: &ron::error::SpannedError) -> (usize, String) {
    let text = source.text;
    let reported = offset_of(text, err.span.start.line, err.span.start.col);
    let reported_end = offset_of(text, err.span.end.line, err.span.end.col).max(reported);
    // A string with no closing quote explains every error after it.
    if !matches!(err.code, Error::Message(_))
        && let Some(string) = source.runaway_string(reported_end)
    {
        return (
            string.start,
            "this string is not closed: its closing `\"` is missing".into(),
        );
    }
    match &err.code {
        Error::Eof => match source.enclosing_open(text.len()) {
            Some(open) => (
                open.start,
                format!(
                    "the file ends before this `{}` is closed; a closing `{}` is missing",
                    source.text_of(open),
                    closing(source.text_of(open))
                ),
            ),
            None => (
                text.trim_end().len(),
                "unexpected end of file; a bracket or parenthesis is not closed".into(),
            ),
        },
        Error::ExpectedComma => {
            // ron stops after the last good value; the mistake is the token after it.
            let at = source.token_from(reported).map_or(reported, |t| t.start);
            (
                at,
                "expected a comma; the field or item before this one probably lacks a trailing `,`"
                    .into(),
            )
        }
        Error::MissingStructField { field, outer } => {
            let open = source.enclosing_open(reported_end);
            let at = open.map_or(reported, |t| t.start);
            let what = outer.as_deref().map_or("group".to_owned(), noun);
            let closed_at = line_of(text, reported);
            (
                at,
                format!(
                    "the {what} starting here has no `{field}` (it ends on line {closed_at}); add `{field}: …`"
                ),
            )
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let at = source.token_at(reported).map_or(reported, |t| t.start);
            (
                at,
                format!("expected a {} in `( … )`, found `{found}`", noun(expected)),
            )
        }
        code @ (Error::ExpectedFloat
        | Error::ExpectedInteger
        | Error::ExpectedString
        | Error::ExpectedBoolean
        | Error::ExpectedArray
        | Error::ExpectedMap
        | Error::ExpectedStructLike
        | Error::ExpectedNamedStructLike(_)
        | Error::ExpectedUnit
        | Error::ExpectedIdentifier
        | Error::ExpectedOption
        | Error::IntegerOutOfBounds
        | Error::InvalidValueForType { .. }) => {
            let Some(value) = source.token_at(reported) else {
                return (reported, describe_code(code));
            };
            let index = source
                .tokens
                .iter()
                .position(|t| t.start == value.start)
                .unwrap_or(0);
            let expected = expected_words(code);
            let found = found_words(source, value);
            let message = match source.field_before(index) {
                Some(field) => format!("{field}: expected {expected}, found {found}"),
                None => format!("expected {expected}, found {found}"),
            };
            (value.start, message)
        }
        code @ (Error::UnexpectedChar(_) | Error::TrailingCharacters) => {
            let at = source.token_at(reported).map_or(reported, |t| t.start);
            let found = source.token_at(reported).map_or("", |t| source.text_of(t));
            let found: String = found.chars().take(40).collect();
            let message = if matches!(code, Error::TrailingCharacters) {
                format!("unexpected `{found}` after the roadmap's closing `)`; remove it")
            } else {
                format!("unexpected `{found}` here")
            };
            (at, message)
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let at = source
                .token_at(reported)
                .filter(|t| source.text_of(t) == found)
                .map_or(reported, |t| t.start);
            let names: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
            let outer = outer
                .as_deref()
                .map_or_else(String::new, |o| format!(" in `{o}`"));
            (
                at,
                format!(
                    "Unexpected field named `{found}`{outer}, expected one of {}",
                    names.join(", ")
                ),
            )
        }
        Error::DuplicateStructField { field, .. } => {
            let at = source.token_at(reported).map_or(reported, |t| t.start);
            (at, format!("`{field}` is given twice here; keep one"))
        }
        code => (reported, describe_code(code)),
    }
}

fn describe_code(code: &Error) -> String {
    code.to_string()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The roadmap's struct names as the format's documentation calls them.
fn noun(name: &str) -> String {
    match name {
        "Roadmap" => "roadmap".into(),
        "Phase" => "phase".into(),
        "TopicGroup" => "topic group".into(),
        "Item" => "item".into(),
        "Resource" => "resource".into(),
        "MonthRange" => "duration_months".into(),
        "FinalProject" => "final project".into(),
        "Summary" => "summary".into(),
        other => format!("`{other}`"),
    }
}

fn closing(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        _ => "}",
    }
}

fn expected_words(code: &Error) -> String {
    match code {
        Error::ExpectedFloat => "a number".into(),
        Error::ExpectedInteger | Error::IntegerOutOfBounds => "a whole number".into(),
        Error::ExpectedString => "text in double quotes".into(),
        Error::ExpectedBoolean => "true or false".into(),
        Error::ExpectedArray => "a list in `[ ]`".into(),
        Error::ExpectedMap => "a map in `{ }`".into(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => "fields in `( )`".into(),
        Error::ExpectedUnit => "`()`".into(),
        Error::ExpectedIdentifier => "a name".into(),
        Error::ExpectedOption => "a value or `None`".into(),
        Error::InvalidValueForType { expected, .. } => expected.clone(),
        other => other.to_string(),
    }
}

/// "the string \"6\"", "the number 6", "`[`", "the name Tutorial".
fn found_words(source: &Source<'_>, token: &Token) -> String {
    let text = source.text_of(token);
    let short: String = text.chars().take(40).collect();
    let short = if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    };
    match token.kind {
        Kind::Str { .. } => format!("the string {short}"),
        Kind::Open(b'(') => "`(`".into(),
        Kind::Open(b'[') => "a list `[`".into(),
        Kind::Open(_) => "a map `{`".into(),
        Kind::Close(b) => format!("`{}`", char::from(b)),
        Kind::Other if text == "true" || text == "false" => format!("the boolean {text}"),
        Kind::Other if text.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') => {
            format!("the number {short}")
        }
        Kind::Other if is_name(text) => format!("the name `{short}`"),
        Kind::Other => format!("`{short}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_skip_comments_and_keep_strings_whole() {
        let text = "( // a (comment\n a: \"x ) y\", /* (x) /* nested */ */ b: r#\"q\"#, c: 'c')";
        let source = Source::new(text);
        let kinds: Vec<&str> = source.tokens.iter().map(|t| source.text_of(t)).collect();
        assert_eq!(
            kinds,
            [
                "(",
                "a",
                ":",
                "\"x ) y\"",
                ",",
                "b",
                ":",
                "r#\"q\"#",
                ",",
                "c",
                ":",
                "'c'",
                ")"
            ]
        );
        let open = Source::new("(a: \"never closed");
        assert!(matches!(
            open.tokens.last().map(|t| t.kind),
            Some(Kind::Str { closed: false })
        ));
    }

    #[test]
    fn offsets_count_characters() {
        assert_eq!(offset_of("ab\ncd’e", 2, 4), 8);
        assert_eq!(offset_of("x", 1, 1), 0);
        assert_eq!(offset_of("x", 9, 9), 1);
    }
}
