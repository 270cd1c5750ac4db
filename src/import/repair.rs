//! Mis-decoded UTF-8 ("mojibake"): text that was UTF-8, read as Windows-1252 (or Latin-1)
//! and saved again as UTF-8, so `’` became `â€™` and `🔹` became `ðŸ”¹`. Chat answers copied
//! through the wrong program arrive like this. The repair reverses that one step: a run of
//! characters that all have a Windows-1252 byte is turned back into those bytes, and where
//! the bytes form UTF-8 the run is replaced by what they say. Text that was never mis-decoded
//! is left alone, because real accented text (`café`, `naïve`) is not valid UTF-8 when read
//! back as bytes.

/// What [`repair`] did to a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Lines (1-based) where mis-decoded text was put right.
    pub repaired_lines: Vec<usize>,
    /// The first repair, as "before" → "after", for the message.
    pub example: Option<(String, String)>,
    /// Lines that still look mis-decoded (or hold U+FFFD, a byte lost for good), with the
    /// text in question.
    pub unrepaired: Vec<(usize, String)>,
}

/// The Windows-1252 characters of bytes 0x80–0x9F (`None` where the code page has none; a
/// decoder then usually gives the C1 control of the same number, which [`byte_of`] accepts).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte (0x80–0xFF) a non-ASCII character stands for when UTF-8 was read as
/// Windows-1252 or Latin-1; `None` for characters neither code page has.
fn byte_of(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&high| high == Some(c))
        .and_then(|index| u8::try_from(0x80 + index).ok())
}

/// Characters that start a mis-decoded multi-byte sequence: the Windows-1252 reading of a
/// UTF-8 lead byte (0xC2–0xF4).
fn looks_like_lead(c: char) -> bool {
    ('\u{C2}'..='\u{F4}').contains(&c)
}

/// Repairs one line. Returns the line and whether anything changed; `suspicious` collects
/// runs that look mis-decoded but are not valid UTF-8 as bytes.
fn repair_line(line: &str, suspicious: &mut Vec<String>) -> (String, bool) {
    let mut out = String::with_capacity(line.len());
    let mut run: Vec<(char, u8)> = Vec::new();
    let mut changed = false;
    let flush = |run: &mut Vec<(char, u8)>,
                 out: &mut String,
                 changed: &mut bool,
                 suspicious: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let bytes: Vec<u8> = run.iter().map(|&(_, b)| b).collect();
        let mut index = 0;
        while index < bytes.len() {
            let width = utf8_width(bytes[index]);
            let decoded = (width > 1)
                .then(|| bytes.get(index..index + width))
                .flatten()
                .and_then(|slice| std::str::from_utf8(slice).ok());
            match decoded {
                Some(text) => {
                    out.push_str(text);
                    *changed = true;
                    index += width;
                }
                None => {
                    let (c, _) = run[index];
                    // A lead character followed by what would be continuation bytes, that did
                    // not decode: mis-decoded text with a byte missing.
                    let next_is_continuation = bytes
                        .get(index + 1)
                        .is_some_and(|&b| (0x80..=0xBF).contains(&b));
                    if looks_like_lead(c) && next_is_continuation && width > 1 {
                        let end = (index + width).min(run.len());
                        suspicious.push(run[index..end].iter().map(|&(c, _)| c).collect());
                    }
                    out.push(c);
                    index += 1;
                }
            }
        }
        run.clear();
    };
    for c in line.chars() {
        match (c.is_ascii(), byte_of(c)) {
            (false, Some(byte)) => run.push((c, byte)),
            _ => {
                flush(&mut run, &mut out, &mut changed, suspicious);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out, &mut changed, suspicious);
    (out, changed)
}

/// How many bytes a UTF-8 sequence starting with `lead` has (1 for anything that is not a
/// lead byte).
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    }
}

/// Repairs mis-decoded UTF-8 line by line (twice-mis-decoded text takes more than one pass),
/// and reports what it did and what it could not do.
pub fn repair(text: &str) -> (String, Repairs) {
    let mut repairs = Repairs::default();
    let mut lines_out = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let mut current = line.to_owned();
        let mut changed_any = false;
        let mut suspicious = Vec::new();
        for _ in 0..3 {
            suspicious.clear();
            let (next, changed) = repair_line(&current, &mut suspicious);
            if !changed {
                break;
            }
            if repairs.example.is_none() {
                repairs.example = Some(first_difference(&current, &next));
            }
            current = next;
            changed_any = true;
        }
        if changed_any {
            repairs.repaired_lines.push(number);
        }
        if let Some(first) = suspicious.into_iter().next() {
            repairs.unrepaired.push((number, first));
        } else if current.contains('\u{FFFD}') {
            repairs.unrepaired.push((number, "\u{FFFD}".to_owned()));
        }
        lines_out.push(current);
    }
    (lines_out.join("\n"), repairs)
}

/// The first stretch where two versions of a line differ, as ("before", "after"), a few
/// characters wide, for a readable example in the message.
fn first_difference(before: &str, after: &str) -> (String, String) {
    let prefix = before
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let before_rest: Vec<char> = before.chars().skip(prefix).collect();
    let after_rest: Vec<char> = after.chars().skip(prefix).collect();
    let suffix = before_rest
        .iter()
        .rev()
        .zip(after_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let cut = |chars: &[char]| -> String {
        let end = chars.len().saturating_sub(suffix).max(1).min(chars.len());
        chars[..end].iter().take(12).collect()
    };
    (cut(&before_rest), cut(&after_rest))
}

/// Decodes bytes that are not UTF-8 as Windows-1252 (every byte has a character), for files
/// saved by older Windows editors.
pub fn decode_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text).0
    }

    /// What a program that reads UTF-8 as Windows-1252 makes of `text`.
    fn mis_decode(text: &str) -> String {
        decode_cp1252(text.as_bytes())
    }

    #[test]
    fn quotes_dashes_and_emoji_come_back() {
        assert_eq!(fixed("Pythonâ€™s"), "Python’s");
        assert_eq!(fixed("ðŸ”¹ Phase 1"), "🔹 Phase 1");
        assert_eq!(fixed(&mis_decode("SQL – PostgreSQL")), "SQL – PostgreSQL");
        assert_eq!(mis_decode("’"), "â€™");
        assert_eq!(fixed("âœ” done"), "✔ done");
        // 🛠 ends in byte 0xA0, which Windows-1252 reads as a no-break space.
        assert_eq!(fixed("ðŸ›\u{a0} Hands-on:"), "🛠 Hands-on:");
    }

    #[test]
    fn real_accents_are_left_alone() {
        for text in [
            "café",
            "naïve",
            "Ελληνικά",
            "Кириллица",
            "’ and –",
            "Å vs Ä",
        ] {
            let (out, repairs) = repair(text);
            assert_eq!(out, text);
            assert!(repairs.repaired_lines.is_empty(), "{text}");
            assert!(repairs.unrepaired.is_empty(), "{text}");
        }
    }

    #[test]
    fn twice_mis_decoded_text_is_repaired() {
        let twice = mis_decode(&mis_decode("Python’s “tips” 🔹"));
        assert_eq!(fixed(&twice), "Python’s “tips” 🔹");
    }

    #[test]
    fn what_cannot_be_repaired_is_reported_with_its_line() {
        // "’" with its last byte lost, then a replacement character on line 3.
        let (_, repairs) = repair("fine\nPythonâ€ s\nbad \u{FFFD} byte");
        assert_eq!(repairs.unrepaired.len(), 2, "{repairs:?}");
        assert_eq!(repairs.unrepaired[0].0, 2);
        assert_eq!(repairs.unrepaired[1], (3, "\u{FFFD}".to_owned()));
    }

    #[test]
    fn the_report_names_lines_and_an_example() {
        let (_, repairs) = repair("ok\nPythonâ€™s\nok\nðŸ”¹ x");
        assert_eq!(repairs.repaired_lines, [2, 4]);
        assert_eq!(repairs.example, Some(("â€™".to_owned(), "’".to_owned())));
    }

    #[test]
    fn windows_1252_bytes_decode() {
        assert_eq!(decode_cp1252(b"caf\xe9 \x93q\x94"), "café “q”");
    }
}
