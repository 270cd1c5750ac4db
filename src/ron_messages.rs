//! ron's errors in the words of the person who edits the file.
//!
//! ron names the Rust types a file is read into (`Expected struct VersionProbe`, `missing
//! field in V1Document`). Those names mean nothing to a learner who edited `progress.ron` or
//! wrote a roadmap by hand, and they change whenever the code is refactored, so they must never
//! reach a message. Each file kind passes a table of its types and the words a person would use
//! for them; a type missing from the table still comes out as plain lower-case words.
//!
//! Pure: no disk, no egui.

use std::fmt::Write as _;

use ron::Error;

/// `(type name, words)` pairs, e.g. `("Phase", "a phase")`.
pub type TypeWords = &'static [(&'static str, &'static str)];

/// Hand-edit helpers every file kind shares: a leading UTF-8 byte-order mark (Windows editors
/// write one) is not part of the text.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The parse options for files people edit by hand: `hours_per_week: 12` is accepted where
/// the type says `Option` (ron's `implicit_some`), as well as `Some(12)`.
pub fn hand_edit_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// ron's error as a sentence fragment with no internal type names in it.
pub fn user_message(code: &Error, words: TypeWords) -> String {
    match code {
        Error::ExpectedDifferentStructName { expected, found } => format!(
            "expected `(` to start {}, found the name `{found}`",
            name_words(expected, words)
        ),
        Error::ExpectedNamedStructLike(name) if !name.is_empty() => {
            format!("expected `(` to start {}", name_words(name, words))
        }
        Error::ExpectedStructName(name) => {
            format!("expected {} here", name_words(name, words))
        }
        Error::InvalidValueForType { expected, found } => {
            format!("expected {} but found {found}", scrub(expected, words))
        }
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!("unknown value `{found}`, {}", one_of(expected, "values")),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}, {}",
            inside(outer.as_deref(), words),
            one_of(expected, "fields")
        ),
        Error::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", inside(outer.as_deref(), words))
        }
        Error::DuplicateStructField { field, outer } => format!(
            "the field `{field}` appears twice{}",
            inside(outer.as_deref(), words)
        ),
        other => scrub(&other.to_string(), words),
    }
}

/// ` in a phase`, or nothing.
fn inside(outer: Option<&str>, words: TypeWords) -> String {
    outer.map_or_else(String::new, |outer| {
        format!(" in {}", name_words(outer, words))
    })
}

/// `expected one of `a`, `b``, or that there are none.
fn one_of(alternatives: &[&str], none: &str) -> String {
    match alternatives {
        [] => format!("there are no {none} here"),
        [only] => format!("expected `{only}`"),
        many => {
            let mut text = "expected one of ".to_owned();
            for (index, alternative) in many.iter().enumerate() {
                if index > 0 {
                    text.push_str(", ");
                }
                let _ = write!(text, "`{alternative}`");
            }
            text
        }
    }
}

/// The words for one type name: from the table, or the name split into lower-case words
/// (`TopicGroup` → `topic group`).
fn name_words(name: &str, words: TypeWords) -> String {
    if let Some((_, said)) = words.iter().find(|(type_name, _)| *type_name == name) {
        return (*said).to_owned();
    }
    let mut said = String::new();
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            said.push(' ');
        }
        said.extend(c.to_lowercase());
    }
    said
}

/// Replaces every type name in a finished message: `struct X`, `enum X`, `` `X` `` and a
/// bare `X` from the table (for messages built elsewhere from ron's error).
pub fn without_type_names(text: &str, words: TypeWords) -> String {
    scrub(text, words)
}

/// See [`without_type_names`].
fn scrub(text: &str, words: TypeWords) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let Some(start) = rest.find(|c: char| c.is_alphanumeric() || c == '_' || c == '`') else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let quoted = rest.starts_with('`');
        let body = if quoted { &rest[1..] } else { rest };
        let len = body
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        let word = &body[..len];
        let closes = quoted && body[len..].starts_with('`');
        let consumed = if quoted {
            len + 1 + usize::from(closes)
        } else {
            len
        };
        let after_keyword = out.ends_with("struct ") || out.ends_with("enum ");
        let is_type = words.iter().any(|(type_name, _)| *type_name == word)
            || (after_keyword && starts_upper(word));
        if is_type {
            for keyword in ["struct ", "enum "] {
                if out.ends_with(keyword) {
                    out.truncate(out.len() - keyword.len());
                }
            }
            out.push_str(&name_words(word, words));
        } else if quoted && len == 0 {
            out.push('`');
        } else {
            out.push_str(&rest[..consumed]);
        }
        rest = &rest[consumed.max(1).min(rest.len())..];
    }
    out
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: TypeWords = &[("VersionProbe", "the progress file"), ("Phase", "a phase")];

    #[test]
    fn type_names_become_words() {
        let missing = Error::MissingStructField {
            field: "version",
            outer: Some("VersionProbe".to_owned()),
        };
        assert_eq!(
            user_message(&missing, WORDS),
            "missing field `version` in the progress file"
        );
        let wrong = Error::InvalidValueForType {
            expected: "struct VersionProbe".to_owned(),
            found: "the unsigned integer `5`".to_owned(),
        };
        assert_eq!(
            user_message(&wrong, WORDS),
            "expected the progress file but found the unsigned integer `5`"
        );
        let unknown = Error::NoSuchStructField {
            expected: &["id", "title"],
            found: "difficulty".to_owned(),
            outer: Some("Phase".to_owned()),
        };
        assert_eq!(
            user_message(&unknown, WORDS),
            "unknown field `difficulty` in a phase, expected one of `id`, `title`"
        );
        let other = Error::ExpectedNamedStructLike("TopicGroup");
        assert_eq!(
            user_message(&other, WORDS),
            "expected `(` to start topic group"
        );
    }

    #[test]
    fn free_text_is_scrubbed() {
        assert_eq!(
            scrub(
                "invalid length 1, expected struct VersionProbe with 2 elements",
                WORDS
            ),
            "invalid length 1, expected the progress file with 2 elements"
        );
        assert_eq!(scrub("in `Phase` and `id`", WORDS), "in a phase and `id`");
        assert_eq!(scrub("Expected closing `)`", WORDS), "Expected closing `)`");
        assert_eq!(scrub("a `", WORDS), "a `");
        assert_eq!(scrub("", WORDS), "");
    }

    #[test]
    fn a_bom_is_not_text() {
        assert_eq!(strip_bom("\u{feff}(a: 1)"), "(a: 1)");
        assert_eq!(strip_bom("(a: 1)"), "(a: 1)");
    }
}
