//! Small text tools the importer shares: dropping decorative emoji, reading a line's bullet
//! marker, finding links and bare web addresses.

use super::blocks::{Link, Marker};

/// Whether a character is an emoji or part of an emoji sequence (joiner, variation selector,
/// skin tone, keycap, tag). Chat answers decorate lines with these; a roadmap's text does not
/// need them, and the PDF fonts have none of them.
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF   // pictographs, emoticons, transport, symbols, skin tones
        | 0x2600..=0x27BF   // miscellaneous symbols and dingbats (✔ ✅ ✨ ❌ ☐)
        | 0x2B05..=0x2B07 | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55
        | 0x231A | 0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x2139 | 0x24C2 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x200D | 0x20E3 | 0xFE0E | 0xFE0F
        | 0xE0020..=0xE007F)
}

/// Characters people put in front of a list item (besides `-`, `*`, `+` and emoji).
fn is_bullet_symbol(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '·'
            | '►'
            | '▶'
            | '➤'
            | '→'
            | '■'
            | '□'
            | '●'
            | '○'
            | '–'
            | '—'
    )
}

/// Drops emoji, turns runs of whitespace into one space, trims.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_emoji(c) {
            // An emoji between two words leaves one space, not two.
            space = !out.is_empty();
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Splits a line's leading list marker from its text: `- `, `* `, `+ `, `• `, `1. `, `2) `,
/// `[ ] `, `- [x] `, a keycap number (`1️⃣`), or emoji. Returns the marker and the rest.
pub fn split_marker(line: &str) -> (Option<Marker>, &str) {
    let trimmed = line.trim_start();
    let mut marker = None;
    let mut rest = trimmed;
    let mut chars = rest.chars();
    if let Some(first) = chars.next() {
        let after = chars.as_str();
        let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
        if (matches!(first, '-' | '*' | '+') || is_bullet_symbol(first)) && spaced {
            marker = Some(Marker::Symbol(first));
            rest = after.trim_start();
        } else if let Some(after_number) = numbered(rest) {
            marker = Some(Marker::Number);
            rest = after_number;
        } else if let Some(after_keycap) = keycap(rest) {
            marker = Some(Marker::Number);
            rest = after_keycap;
        } else if is_emoji(first) {
            let end = rest
                .char_indices()
                .find(|&(_, c)| !(is_emoji(c) || c.is_whitespace()))
                .map_or(rest.len(), |(i, _)| i);
            marker = Some(Marker::Emoji(first));
            rest = &rest[end..];
        }
    }
    // A task box, after a bullet or on its own: "- [ ] Ownership", "[x] Done".
    for task in ["[ ]", "[x]", "[X]"] {
        if let Some(after) = rest.strip_prefix(task)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            marker = Some(Marker::Task);
            rest = after.trim_start();
            break;
        }
    }
    (marker, rest)
}

/// "1. text", "12) text" → "text".
fn numbered(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &text[digits..];
    let after = after
        .strip_prefix('.')
        .or_else(|| after.strip_prefix(')'))?;
    (after.is_empty() || after.starts_with(char::is_whitespace)).then(|| after.trim_start())
}

/// "1️⃣ text" (a digit, an optional variation selector, the keycap mark) → "text".
fn keycap(text: &str) -> Option<&str> {
    let mut chars = text.char_indices();
    let (_, digit) = chars.next()?;
    if !digit.is_ascii_digit() {
        return None;
    }
    for (index, c) in chars {
        match c {
            '\u{FE0F}' => {}
            '\u{20E3}' => return Some(text[index + c.len_utf8()..].trim_start()),
            _ => return None,
        }
    }
    None
}

/// The web addresses written out in a text (`https://…`, `http://…`, also inside `<…>`),
/// with where they are, so they can be cut out. Trailing punctuation that ends a sentence is
/// not part of the address.
pub fn bare_urls(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = next_scheme(&text[from..]) {
        let start = from + offset;
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
            .map_or(text.len(), |(i, _)| start + i);
        let mut url = &text[start..end];
        while let Some(last) = url.chars().next_back() {
            let unbalanced_paren =
                last == ')' && url.matches('(').count() < url.matches(')').count();
            if matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '\'' | '*' | '_'
            ) || unbalanced_paren
            {
                url = &url[..url.len() - last.len_utf8()];
            } else {
                break;
            }
        }
        let scheme_len = if url.starts_with("https://") { 8 } else { 7 };
        if url.len() > scheme_len {
            found.push((start..start + url.len(), url.to_owned()));
        }
        from = end.max(start + 1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    found
}

fn next_scheme(text: &str) -> Option<usize> {
    let https = text.find("https://");
    let http = text.find("http://");
    match (https, http) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Reads Markdown-style inline links (`[title](url)`), bold markers and code ticks out of a
/// line of plain text, the way a chat answer pasted into a text file writes them. Returns
/// the text with each link replaced by its title, the links, and whether the whole line was
/// bold (a heading in disguise).
pub fn inline_markup(line: &str) -> (String, Vec<Link>, bool) {
    let mut text = String::with_capacity(line.len());
    let mut links = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after_open = &rest[open + 1..];
        let parsed = after_open.find("](").and_then(|close| {
            let title = &after_open[..close];
            let after_paren = &after_open[close + 2..];
            let end = after_paren.find(')')?;
            let url = after_paren[..end].trim();
            (!title.contains('[') && (url.starts_with("https://") || url.starts_with("http://")))
                .then(|| (title, url, close + 2 + end + 1))
        });
        match parsed {
            Some((title, url, used)) => {
                text.push_str(&rest[..open]);
                text.push_str(title);
                links.push(Link {
                    title: clean(&strip_emphasis(title)),
                    url: url.to_owned(),
                });
                rest = &after_open[used..];
            }
            None => {
                text.push_str(&rest[..open + 1]);
                rest = after_open;
            }
        }
    }
    text.push_str(rest);
    let trimmed = text.trim();
    let bold = ["**", "__"].iter().any(|mark| {
        trimmed.len() > 2 * mark.len()
            && trimmed.starts_with(mark)
            && trimmed.ends_with(mark)
            && !trimmed[mark.len()..trimmed.len() - mark.len()].contains(mark)
    });
    (strip_emphasis(&text), links, bold)
}

/// Drops `**`, `__` and backticks, which are markup, not words.
fn strip_emphasis(text: &str) -> String {
    text.replace("**", "").replace("__", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_are_dropped_and_spaces_collapse() {
        assert_eq!(clean("🔹 Phase 1:  Basics 🚀"), "Phase 1: Basics");
        assert_eq!(clean("C++ ❤️ Rust"), "C++ Rust");
        assert_eq!(clean("🛠️ Hands-on:"), "Hands-on:");
        assert_eq!(clean("naïve café – “quotes”"), "naïve café – “quotes”");
    }

    #[test]
    fn markers() {
        let marker = |line| split_marker(line).0;
        assert_eq!(
            split_marker("- [ ] Ownership"),
            (Some(Marker::Task), "Ownership")
        );
        assert_eq!(
            split_marker("  * Item"),
            (Some(Marker::Symbol('*')), "Item")
        );
        assert_eq!(split_marker("12) Twelve"), (Some(Marker::Number), "Twelve"));
        assert_eq!(split_marker("1️⃣ Basics"), (Some(Marker::Number), "Basics"));
        assert_eq!(
            split_marker("🔹 Topic"),
            (Some(Marker::Emoji('🔹')), "Topic")
        );
        assert_eq!(split_marker("✔ Done"), (Some(Marker::Emoji('✔')), "Done"));
        assert_eq!(split_marker("• Dot"), (Some(Marker::Symbol('•')), "Dot"));
        assert_eq!(marker("-5 degrees"), None);
        assert_eq!(marker("2024. A year"), None);
        assert_eq!(marker("Plain text"), None);
        assert_eq!(marker("*emphasis*"), None);
    }

    #[test]
    fn bare_urls_lose_sentence_punctuation() {
        let urls = |text| -> Vec<String> { bare_urls(text).into_iter().map(|(_, u)| u).collect() };
        assert_eq!(urls("See https://go.dev/tour."), ["https://go.dev/tour"]);
        assert_eq!(
            urls("(docs: https://en.wikipedia.org/wiki/Rust_(programming_language))"),
            ["https://en.wikipedia.org/wiki/Rust_(programming_language)"]
        );
        assert_eq!(urls("<http://example.com/a>"), ["http://example.com/a"]);
        assert_eq!(urls("https:// nothing"), Vec::<String>::new());
        assert_eq!(urls("a https://a.b/ü b"), ["https://a.b/ü"]);
    }

    #[test]
    fn inline_links_and_bold() {
        let (text, links, bold) =
            inline_markup("Read [the **Book**](https://doc.rust-lang.org/book/) now");
        assert_eq!(text, "Read the Book now");
        assert_eq!(links[0].title, "the Book");
        assert_eq!(links[0].url, "https://doc.rust-lang.org/book/");
        assert!(!bold);
        assert!(inline_markup("**Phase 1: Basics**").2);
        assert_eq!(inline_markup("[not a link] (x)").0, "[not a link] (x)");
    }
}
