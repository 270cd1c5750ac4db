//! The words the importer recognises: what makes a line a phase, a goal, a section of
//! exercises or resources, the final project, the summary, the duration table, a closing
//! question. Kept in one place so the rules can be read (and extended) at a glance.

use crate::roadmap::MonthRange;

/// A "Phase 2: Title" line, read.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseLine<'a> {
    /// The duration the keyword itself implies: "Month 1" is a month, "Weeks 3-4" two weeks.
    pub implied: Option<MonthRange>,
    /// What follows the number and its separator (may be empty).
    pub rest: &'a str,
}

/// Reads "Phase 1: Title", "Stage 2 - Title", "Month 1 — Title", "Weeks 3-4: Title",
/// "Module 3. Title", "Part IV) Title" and "Phase 5" alone. The number must be followed by a
/// separator (or nothing), so "Phase 1 is about…" is a sentence, not a phase.
pub fn phase_line(text: &str) -> Option<PhaseLine<'_>> {
    let keyword_end = text.find(|c: char| !c.is_alphabetic())?;
    let keyword = text[..keyword_end].to_lowercase();
    let per_unit = match keyword.as_str() {
        "phase" | "stage" | "part" | "module" | "milestone" | "level" => None,
        "month" | "months" => Some(1.0),
        "week" | "weeks" => Some(12.0 / 52.0),
        _ => return None,
    };
    let after_keyword = &text[keyword_end..];
    let after_space = after_keyword.trim_start();
    if after_space.len() == after_keyword.len() {
        return None;
    }
    let (first, after_first) = leading_number(after_space)?;
    let mut rest = after_first;
    let mut last = first;
    // "Weeks 3-4", "Months 1 – 2".
    let trimmed = rest.trim_start();
    for dash in ["-", "–", "—", "to "] {
        if let Some(after_dash) = trimmed.strip_prefix(dash)
            && let Some((second, after_second)) = leading_number(after_dash.trim_start())
            && second >= first
        {
            last = second;
            rest = after_second;
            break;
        }
    }
    let rest = rest.trim_start();
    let rest = if rest.is_empty() {
        rest
    } else {
        let separator = [":", ".", ")", "-", "–", "—", "|"]
            .into_iter()
            .find(|sep| rest.starts_with(sep))?;
        rest[separator.len()..].trim_start()
    };
    let implied = per_unit.map(|per_unit: f32| {
        let count = (last - first + 1) as f32;
        let months = ((count * per_unit) * 100.0).round() / 100.0;
        MonthRange {
            min: months,
            max: months,
        }
    });
    Some(PhaseLine { implied, rest })
}

/// A leading arabic or small roman number: "12 …" → (12, " …").
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let n = text[..digits].parse().ok()?;
        return Some((n, &text[digits..]));
    }
    const ROMAN: [&str; 12] = [
        "xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i",
    ];
    const VALUES: [u32; 12] = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = text[..letters].to_lowercase();
    ROMAN
        .iter()
        .position(|&r| r == word)
        .map(|index| (VALUES[index], &text[letters..]))
}

/// The lower-case words of a text (letters, digits, hyphens inside words).
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a sub-heading makes of the lines under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Topics under this heading (a topic group).
    Topics,
    HandsOn,
    Resources,
    /// The final project's technologies.
    Stack,
    Goal,
}

const HANDS_ON: &[&str] = &[
    "hands-on",
    "handson",
    "exercise",
    "exercises",
    "practice",
    "practical",
    "project",
    "projects",
    "mini-project",
    "mini-projects",
    "lab",
    "labs",
    "assignment",
    "assignments",
    "homework",
    "challenge",
    "challenges",
    "kata",
    "katas",
];

const RESOURCES: &[&str] = &[
    "resource",
    "resources",
    "link",
    "links",
    "reading",
    "readings",
    "reference",
    "references",
    "material",
    "materials",
    "documentation",
    "book",
    "books",
    "video",
    "videos",
    "course",
    "courses",
    "sources",
    "tutorials",
];

const STACK: &[&str] = &[
    "stack",
    "tech",
    "technology",
    "technologies",
    "tools",
    "tooling",
];

const GOAL: &[&str] = &[
    "goal",
    "goals",
    "objective",
    "objectives",
    "aim",
    "outcome",
    "outcomes",
];

/// What a sub-heading's words say its lines are; the first telling word wins ("Practice
/// resources" holds resources). `Topics` when no word tells.
pub fn section_kind(heading: &str) -> SectionKind {
    let words = words(heading);
    let joined = words.join(" ");
    if joined.starts_with("hands on") {
        return SectionKind::HandsOn;
    }
    if words.len() <= 2 && words.first().is_some_and(|w| GOAL.contains(&w.as_str())) {
        return SectionKind::Goal;
    }
    for word in &words {
        let word = word.as_str();
        if HANDS_ON.contains(&word) {
            return SectionKind::HandsOn;
        }
        if RESOURCES.contains(&word) {
            return SectionKind::Resources;
        }
        if STACK.contains(&word) {
            return SectionKind::Stack;
        }
    }
    SectionKind::Topics
}

/// Whether a short line on its own is a known sub-heading ("Hands-on", "Resources",
/// "Topics", "Tech stack").
pub fn is_known_section(text: &str) -> bool {
    let words = words(text.trim_end_matches(':'));
    words.len() <= 3
        && (section_kind(text) != SectionKind::Topics
            || words.iter().any(|w| w == "topics" || w == "concepts"))
}

/// If `text` starts with one of `labels` and then `:` or a dash, what follows (possibly
/// empty): `Goal: Learn X` → `Learn X`.
pub fn after_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = text.to_lowercase();
    for label in labels {
        if lower.starts_with(label) {
            let rest = text.get(label.len()..)?;
            let trimmed = rest.trim_start();
            for separator in [":", "-", "–", "—"] {
                if let Some(after) = trimmed.strip_prefix(separator) {
                    return Some(after.trim());
                }
            }
        }
    }
    None
}

pub const GOAL_LABELS: &[&str] = &["goals", "goal", "objectives", "objective", "aim", "outcome"];

pub const DURATION_LABELS: &[&str] = &[
    "estimated time",
    "estimated duration",
    "time needed",
    "time required",
    "time frame",
    "timeframe",
    "duration",
    "length",
    "time",
];

/// "Final Project: X", "Capstone project", "Final capstone".
pub fn is_final_project(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.starts_with("final project")
        || lower.starts_with("capstone")
        || lower.starts_with("final capstone")
        || lower.starts_with("final-project")
}

/// "Summary: …", "In summary", "Conclusion", "Recap", "Key takeaways".
pub fn is_summary(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "summary",
        "in summary",
        "conclusion",
        "recap",
        "wrap-up",
        "wrap up",
        "key takeaways",
    ]
    .iter()
    .any(|start| {
        lower.starts_with(start)
            && lower[start.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "Estimated Timeline", "Timeline", "Durations", "Suggested schedule": the caption of a
/// duration table. Every word must belong to such a caption, so "Build a timeline widget"
/// stays a topic.
pub fn is_timeline_caption(text: &str) -> bool {
    let words = words(text);
    let core = |w: &str| {
        matches!(
            w,
            "timeline"
                | "timelines"
                | "durations"
                | "duration"
                | "schedule"
                | "timetable"
                | "estimates"
        )
    };
    let filler = |w: &str| {
        matches!(
            w,
            "estimated"
                | "suggested"
                | "overall"
                | "rough"
                | "proposed"
                | "time"
                | "overview"
                | "of"
                | "the"
                | "learning"
                | "study"
                | "your"
                | "plan"
                | "phase"
                | "and"
        )
    };
    words.iter().any(|w| core(w)) && words.iter().all(|w| core(w) || filler(w))
}

/// A header row of a duration table: a cell says "duration", "time", "weeks"…
pub fn is_duration_header(cells: &[String]) -> bool {
    cells.iter().any(|cell| {
        words(cell).iter().any(|w| {
            matches!(
                w.as_str(),
                "duration" | "time" | "length" | "estimate" | "weeks" | "months" | "timeline"
            )
        })
    })
}

/// A chat answer's closing offer ("Would you like a more detailed plan…?"): not roadmap text.
pub fn is_closing_question(text: &str) -> bool {
    let lower = text.to_lowercase();
    let opener = [
        "would you like",
        "do you want",
        "shall i",
        "should i",
        "want me to",
        "if you'd like",
        "if you would like",
        "would it help",
        "do you need",
    ]
    .iter()
    .any(|start| lower.starts_with(start));
    (opener && lower.trim_end().ends_with('?'))
        || lower.starts_with("let me know")
        || lower.starts_with("hope this helps")
}

/// "Study 10 hours per week", "(8 h/week)", "6 hours a week" → the hours.
pub fn hours_per_week(text: &str) -> Option<f32> {
    let spaced = text.to_lowercase().replace('/', " / ");
    let tokens: Vec<&str> = spaced
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '~')))
        .filter(|t| !t.is_empty())
        .collect();
    for (index, token) in tokens.iter().enumerate() {
        let Ok(hours) = token.parse::<f32>() else {
            continue;
        };
        let unit = tokens.get(index + 1).copied().unwrap_or("");
        if !matches!(unit, "hours" | "hour" | "hrs" | "hr" | "h") {
            continue;
        }
        let mut next = index + 2;
        if tokens
            .get(next)
            .is_some_and(|t| matches!(*t, "per" | "a" | "each" | "every" | "/"))
        {
            next += 1;
        }
        if tokens.get(next).is_some_and(|t| t.starts_with("week"))
            && hours.is_finite()
            && hours > 0.0
            && hours <= 168.0
        {
            return Some(hours);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phase_lines() {
        let line = phase_line("Phase 1: Advanced Python (1-2 Months)").expect("a phase");
        assert_eq!(line.rest, "Advanced Python (1-2 Months)");
        assert_eq!(line.implied, None);
        let line = phase_line("Month 2 — Traits").expect("a phase");
        assert_eq!(line.rest, "Traits");
        assert_eq!(line.implied, Some(MonthRange { min: 1.0, max: 1.0 }));
        let line = phase_line("Weeks 3-4: Testing").expect("a phase");
        assert_eq!(
            line.implied,
            Some(MonthRange {
                min: 0.46,
                max: 0.46
            })
        );
        assert_eq!(phase_line("Part IV) Web").map(|l| l.rest), Some("Web"));
        assert_eq!(phase_line("Phase 5").map(|l| l.rest), Some(""));
        assert_eq!(phase_line("Phase 1 is about basics"), None);
        assert_eq!(phase_line("Phases of the moon"), None);
        assert_eq!(phase_line("Phase\tDuration"), None);
        assert_eq!(phase_line("Weekly review: 1"), None);
    }

    #[test]
    fn sections() {
        assert_eq!(section_kind("Hands-on"), SectionKind::HandsOn);
        assert_eq!(section_kind("Hands on practice"), SectionKind::HandsOn);
        assert_eq!(section_kind("Exercises"), SectionKind::HandsOn);
        assert_eq!(section_kind("Projects to build"), SectionKind::HandsOn);
        assert_eq!(section_kind("Resources"), SectionKind::Resources);
        assert_eq!(section_kind("Further reading"), SectionKind::Resources);
        assert_eq!(section_kind("Key Topics to Cover"), SectionKind::Topics);
        assert_eq!(section_kind("Key Backend Technologies"), SectionKind::Stack);
        assert_eq!(section_kind("Tech Stack"), SectionKind::Stack);
        assert_eq!(section_kind("Goals"), SectionKind::Goal);
        assert!(is_known_section("Hands-on"));
        assert!(is_known_section("Topics"));
        assert!(!is_known_section("Variables and types"));
    }

    #[test]
    fn labels_and_special_lines() {
        assert_eq!(
            after_label("Goal: Master it.", GOAL_LABELS),
            Some("Master it.")
        );
        assert_eq!(after_label("Goals:", GOAL_LABELS), Some(""));
        assert_eq!(after_label("Goalkeeper training", GOAL_LABELS), None);
        assert_eq!(
            after_label("Duration – 2 weeks", DURATION_LABELS),
            Some("2 weeks")
        );
        assert!(is_final_project("Final Project: Full-Stack App"));
        assert!(is_final_project("Capstone (3 weeks)"));
        assert!(is_summary("Summary: Your Python Roadmap"));
        assert!(!is_summary("Summarize text with an LLM"));
        assert!(is_timeline_caption("Estimated Timeline"));
        assert!(is_timeline_caption("Suggested schedule:"));
        assert!(!is_timeline_caption("Build a timeline widget"));
        assert!(!is_timeline_caption("Duration: 2 weeks"));
        assert!(is_closing_question(
            "Would you like a more detailed plan for a project?"
        ));
        assert!(!is_closing_question("Would you like fries: a poem"));
        assert_eq!(hours_per_week("Study about 8 hours per week."), Some(8.0));
        assert_eq!(hours_per_week("A plan for 6 hours a week"), Some(6.0));
        assert_eq!(hours_per_week("(10 h/week)"), Some(10.0));
        assert_eq!(hours_per_week("2 hours of video"), None);
    }
}
