//! The plan as Markdown: a timeline table, then each phase with its resources and a `- [x]`
//! checklist per week. Reads well as plain text and renders on GitHub, Obsidian and the like.

use std::fmt::Write as _;

use super::model::{ItemEntry, PlanDoc, StageEntry};
use super::{date_range, long_date};
use crate::progress::ItemState;
use crate::schedule::weeks_text;

pub fn render(doc: &PlanDoc<'_>) -> String {
    let mut out = String::new();
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "# {}\n", escape(doc.title));
    let _ = writeln!(
        out,
        "**Plan:** {} to {} ({}), {}.  ",
        long_date(doc.start),
        long_date(doc.finish),
        weeks_text(doc.total_weeks),
        doc.pace_text()
    );
    let _ = writeln!(
        out,
        "**Progress:** {} of {} items complete.  ",
        doc.progress.0, doc.progress.1
    );
    let _ = writeln!(out, "**Roadmap estimate:** {}.  ", escape(&doc.estimate));
    let _ = writeln!(out, "Exported {}.\n", doc.today);
    timeline_table(&mut out, doc);
    for stage in &doc.stages {
        stage_section(&mut out, stage);
    }
    out
}

fn timeline_table(out: &mut String, doc: &PlanDoc<'_>) {
    let _ = writeln!(out, "## Timeline\n");
    let _ = writeln!(out, "| Stage | Start | End | Weeks | Estimate | Done |");
    let _ = writeln!(out, "| --- | --- | --- | ---: | --- | ---: |");
    for stage in &doc.stages {
        let (start, end, weeks) = if stage.included {
            (
                stage.start.to_string(),
                stage.end.to_string(),
                stage.weeks.to_string(),
            )
        } else {
            ("left out".to_owned(), "—".to_owned(), "—".to_owned())
        };
        let _ = writeln!(
            out,
            "| {} | {start} | {end} | {weeks} | {} | {}/{} |",
            escape(&stage.heading),
            stage.estimate_weeks_text(),
            stage.progress.0,
            stage.progress.1
        );
    }
    out.push('\n');
}

fn stage_section(out: &mut String, stage: &StageEntry<'_>) {
    let _ = writeln!(out, "## {}\n", escape(&stage.heading));
    if stage.included {
        let _ = writeln!(
            out,
            "{} · {} (estimate {})\n",
            date_range(stage.start, stage.end),
            weeks_text(stage.weeks),
            stage.estimate_weeks_text()
        );
    } else {
        let _ = writeln!(out, "*Optional phase, left out of this plan.*\n");
    }
    if let Some(goal) = stage.goal {
        let _ = writeln!(out, "**Goal:** {}\n", escape(goal));
    }
    if let Some(note) = stage.note {
        let _ = writeln!(out, "> {}\n", quote(note, ""));
    }
    if !stage.resources.is_empty() {
        let _ = writeln!(out, "**Resources:**\n");
        for resource in stage.resources {
            let _ = writeln!(
                out,
                "- [{}]({}) ({})",
                escape(&resource.title),
                link_target(&resource.url),
                resource.kind.label()
            );
        }
        out.push('\n');
    }
    for week in &stage.week_entries {
        let _ = writeln!(
            out,
            "### Week {} · {}\n",
            week.number,
            date_range(week.first_day, week.last_day)
        );
        if week.items.is_empty() {
            let _ = writeln!(out, "*No new items: practise and review.*\n");
        } else {
            checklist(out, &week.items);
        }
    }
    if !stage.unscheduled.is_empty() {
        checklist(out, &stage.unscheduled);
    }
}

fn checklist(out: &mut String, items: &[ItemEntry<'_>]) {
    for item in items {
        let mark = if item.state.is_complete() { 'x' } else { ' ' };
        let _ = write!(out, "- [{mark}] {}", escape(&item.text));
        match (item.state, item.done_on) {
            (ItemState::Done, Some(day)) => {
                let _ = write!(out, " *(done {day})*");
            }
            (ItemState::NotStarted, _) => {}
            (state, _) => {
                let _ = write!(out, " *({})*", state.label());
            }
        }
        out.push('\n');
        for resource in item.resources {
            let _ = writeln!(
                out,
                "  - [{}]({}) ({})",
                escape(&resource.title),
                link_target(&resource.url),
                resource.kind.label()
            );
        }
        if let Some(note) = item.note {
            let _ = writeln!(out, "  > {}", quote(note, "  "));
        }
    }
    out.push('\n');
}

/// Escapes the characters that would turn plain text into Markdown markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A note as one block quote indented by `indent`: its own line breaks become quoted lines.
fn quote(text: &str, indent: &str) -> String {
    text.lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}> "))
}

/// A URL as a link target; wrapped in `<…>` when brackets or spaces would end it early.
fn link_target(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace(['<', '>'], ""))
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a_b *c* [d] | #1"), r"a\_b \*c\* \[d\] \| \#1");
        assert_eq!(escape("Python’s – asyncio"), "Python’s – asyncio");
    }

    #[test]
    fn awkward_urls_are_bracketed() {
        assert_eq!(link_target("https://a.org/x"), "https://a.org/x");
        assert_eq!(
            link_target("https://en.wikipedia.org/wiki/Rust_(language)"),
            "<https://en.wikipedia.org/wiki/Rust_(language)>"
        );
    }
}
