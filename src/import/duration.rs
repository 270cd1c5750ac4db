//! Durations and the "optional" flag as people write them after a title: "(1-2 Months,
//! Optional)", "(2 weeks)", "— 3–4 weeks", "(about a month)", "10 days". Everything becomes
//! a [`MonthRange`]; weeks count as 12/52 of a month, so the planner turns "2 weeks" back
//! into 2 weeks.

use crate::roadmap::MonthRange;

/// A title with what its tail said about time.
#[derive(Clone, Debug, PartialEq)]
pub struct Titled {
    pub title: String,
    pub months: Option<MonthRange>,
    pub optional: bool,
}

/// Months in a unit of time.
fn unit_months(word: &str) -> Option<f32> {
    let word = word.trim_end_matches('.').to_lowercase();
    match word.as_str() {
        "month" | "months" | "mo" | "mos" | "mth" | "mths" => Some(1.0),
        "week" | "weeks" | "wk" | "wks" | "w" => Some(12.0 / 52.0),
        "day" | "days" | "d" => Some(12.0 / 365.0),
        "year" | "years" | "yr" | "yrs" => Some(12.0),
        _ => None,
    }
}

/// "2", "1.5", "two", "a" → the number.
fn number(word: &str) -> Option<f32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let word = word.trim().to_lowercase();
    if let Some(index) = WORDS.iter().position(|&w| w == word) {
        return Some(index as f32 + 1.0);
    }
    if word == "a" || word == "an" {
        return Some(1.0);
    }
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    word.parse::<f32>().ok().filter(|n| n.is_finite())
}

/// Rounds to hundredths of a month, which keeps whole weeks whole when the planner converts
/// back (2 weeks → 0.46 months → 2 weeks).
fn round(months: f32) -> f32 {
    (months * 100.0).round() / 100.0
}

/// Parses a whole phrase as a duration: "1-2 Months", "2 weeks", "3–4 wks", "about a month",
/// "~10 days", "2+ weeks", "1 to 2 months". `None` when the phrase is anything else.
pub fn parse(text: &str) -> Option<MonthRange> {
    let lower = text.trim().to_lowercase();
    let mut rest = lower.as_str();
    for prefix in [
        "about ",
        "around ",
        "approx. ",
        "approximately ",
        "roughly ",
        "~",
        "≈",
    ] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
        }
    }
    // Split the number part from the unit: the unit is the last word.
    let rest = rest.trim_end_matches(['.', '+']);
    let (amount, unit) = match rest.rsplit_once(char::is_whitespace) {
        Some((amount, unit)) => (amount.trim(), unit),
        None => {
            // "2weeks", "2w": digits glued to the unit.
            let split = rest.find(|c: char| c.is_alphabetic())?;
            (rest[..split].trim(), &rest[split..])
        }
    };
    let per_unit = unit_months(unit)?;
    let amount = amount.trim_end_matches('+').trim();
    let (low, high) = match split_range(amount) {
        Some((low, high)) => (number(low)?, number(high)?),
        None => {
            let n = number(amount)?;
            (n, n)
        }
    };
    if !(low > 0.0 && low <= high) {
        return None;
    }
    let range = MonthRange {
        min: round(low * per_unit).max(0.01),
        max: round(high * per_unit).max(0.01),
    };
    (range.max <= 120.0).then_some(range)
}

/// "1-2", "1–2", "1 to 2" → ("1", "2").
fn split_range(text: &str) -> Option<(&str, &str)> {
    for separator in ["-", "–", "—", " to ", "/"] {
        if let Some((low, high)) = text.split_once(separator) {
            return Some((low.trim(), high.trim()));
        }
    }
    None
}

fn is_optional_word(text: &str) -> bool {
    matches!(
        text.trim().trim_end_matches('.').to_lowercase().as_str(),
        "optional" | "opt" | "elective" | "bonus" | "extra"
    )
}

/// Reads time and "optional" off the end of a title: a trailing parenthesis or bracket whose
/// parts are durations or "optional", or a duration after a dash or colon. Parts it does not
/// understand stay in the title.
pub fn split_title(text: &str) -> Titled {
    let mut title = text.trim().to_owned();
    let mut months = None;
    let mut optional = false;
    if let Some(rest) = strip_optional_prefix(&title) {
        optional = true;
        title = rest;
    }
    // "(1-2 Months, Optional)" or "[optional]" at the end.
    while let Some((open, close)) = trailing_group(&title) {
        let inner = &title[open + 1..title.len() - close.len_utf8()];
        let mut kept = Vec::new();
        let mut understood = false;
        for part in inner.split([',', ';', '·', '|']) {
            if is_optional_word(part) {
                optional = true;
                understood = true;
            } else if let Some(range) = parse(part).filter(|_| months.is_none()) {
                months = Some(range);
                understood = true;
            } else if !part.trim().is_empty() {
                kept.push(part.trim().to_owned());
            }
        }
        if !understood {
            break;
        }
        let before = title[..open].trim_end().to_owned();
        title = if kept.is_empty() {
            before
        } else {
            format!("{before} ({})", kept.join(", "))
        };
        if !kept.is_empty() {
            break;
        }
    }
    // "Basics — 2 weeks", "Basics: 1-2 months, optional".
    if months.is_none() {
        for separator in [" — ", " – ", " - ", ": ", " | "] {
            let Some((head, tail)) = title.rsplit_once(separator) else {
                continue;
            };
            if let Some((range, tail_optional)) = parse_phrase(tail)
                && !head.trim().is_empty()
            {
                months = Some(range);
                optional |= tail_optional;
                title = head.trim().to_owned();
                break;
            }
        }
    }
    Titled {
        title,
        months,
        optional,
    }
}

/// A phrase that is only a duration and perhaps "optional": "2-3 weeks", "1 month,
/// optional", "2 weeks (optional)". Returns the duration and the flag.
pub fn parse_phrase(text: &str) -> Option<(MonthRange, bool)> {
    let mut months = None;
    let mut optional = false;
    for part in text.split([',', ';', '(', ')', '[', ']']) {
        if part.trim().is_empty() {
            continue;
        }
        if is_optional_word(part) {
            optional = true;
        } else if let Some(range) = parse(part).filter(|_| months.is_none()) {
            months = Some(range);
        } else {
            return None;
        }
    }
    months.map(|m| (m, optional))
}

/// "Optional: Frontend" or "(Optional) Frontend" → "Frontend".
fn strip_optional_prefix(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    for prefix in [
        "optional:",
        "(optional)",
        "[optional]",
        "optional –",
        "optional -",
    ] {
        if lower.starts_with(prefix) {
            let rest = title.get(prefix.len()..)?.trim();
            return (!rest.is_empty()).then(|| rest.to_owned());
        }
    }
    None
}

/// Where a title's final `( … )` or `[ … ]` group opens, and the closing bracket.
fn trailing_group(title: &str) -> Option<(usize, char)> {
    let close = title.chars().next_back()?;
    let open_char = match close {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let mut depth = 0_i32;
    for (index, c) in title.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open_char {
            depth -= 1;
            if depth == 0 {
                return Some((index, close));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(min: f32, max: f32) -> Option<MonthRange> {
        Some(MonthRange { min, max })
    }

    #[test]
    fn phrases() {
        assert_eq!(parse("1-2 Months"), months(1.0, 2.0));
        assert_eq!(parse("2–3 months"), months(2.0, 3.0));
        assert_eq!(parse("1.5 months"), months(1.5, 1.5));
        assert_eq!(parse("2 weeks"), months(0.46, 0.46));
        assert_eq!(parse("3-4 wks"), months(0.69, 0.92));
        assert_eq!(parse("about a month"), months(1.0, 1.0));
        assert_eq!(parse("two weeks"), months(0.46, 0.46));
        assert_eq!(parse("1 to 2 months"), months(1.0, 2.0));
        assert_eq!(parse("2+ weeks"), months(0.46, 0.46));
        assert_eq!(parse("2weeks"), months(0.46, 0.46));
        assert_eq!(parse("1 year"), months(12.0, 12.0));
        assert_eq!(parse("Advanced Python"), None);
        assert_eq!(parse("2-1 months"), None);
        assert_eq!(parse("0 weeks"), None);
        assert_eq!(parse("500 years"), None);
        assert_eq!(parse("weeks"), None);
    }

    #[test]
    fn two_weeks_plan_as_two_weeks() {
        for weeks in 1..=30_u32 {
            let range = parse(&format!("{weeks} weeks")).expect("a duration");
            let back = (f64::from(range.min) * 52.0 / 12.0).round() as u32;
            assert_eq!(back, weeks);
        }
    }

    #[test]
    fn phrases_with_the_optional_flag() {
        assert_eq!(
            parse_phrase("2-3 weeks"),
            Some((
                MonthRange {
                    min: 0.46,
                    max: 0.69
                },
                false
            ))
        );
        assert_eq!(
            parse_phrase("1 month, optional"),
            Some((MonthRange { min: 1.0, max: 1.0 }, true))
        );
        assert_eq!(parse_phrase("2 weeks (optional)").map(|p| p.1), Some(true));
        assert_eq!(parse_phrase("optional"), None);
        assert_eq!(parse_phrase("2 weeks of fun"), None);
    }

    #[test]
    fn titles() {
        let t = split_title("Frontend with Python (1-2 Months, Optional)");
        assert_eq!(t.title, "Frontend with Python");
        assert_eq!(t.months, months(1.0, 2.0));
        assert!(t.optional);

        let t = split_title("Basics — 2 weeks");
        assert_eq!((t.title.as_str(), t.months), ("Basics", months(0.46, 0.46)));

        let t = split_title("Advanced OOP (Inheritance, Metaclasses)");
        assert_eq!(t.title, "Advanced OOP (Inheritance, Metaclasses)");
        assert_eq!(t.months, None);

        let t = split_title("Web (React, 2 weeks)");
        assert_eq!(
            (t.title.as_str(), t.months),
            ("Web (React)", months(0.46, 0.46))
        );

        let t = split_title("Frontend (Optional)");
        assert_eq!(
            (t.title.as_str(), t.optional, t.months),
            ("Frontend", true, None)
        );

        let t = split_title("Optional: Extras [3 weeks]");
        assert_eq!((t.title.as_str(), t.optional), ("Extras", true));

        let t = split_title("Phase 1: Basics");
        assert_eq!((t.title.as_str(), t.months), ("Phase 1: Basics", None));
    }
}
