//! Plain text → blocks: one block per non-empty line. Indentation gives the depth, a leading
//! `-`, `•`, `1.` or emoji makes a list item, tabs or `|` make a table row, and the Markdown a
//! chat answer often carries anyway (`## Heading`, `**bold**`, `[title](url)`) is understood.

use super::blocks::{Block, Kind, Link};
use super::text::{bare_urls, clean, inline_markup, split_marker};

/// Reads every line of `text`.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut indents: Vec<usize> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim();
        if content.is_empty() || is_rule(content) {
            continue;
        }
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        while indents.last().is_some_and(|&top| top >= indent) {
            indents.pop();
        }
        let depth = indents.len();
        indents.push(indent);
        if let Some(cells) = table_cells(content) {
            if !cells.is_empty() {
                blocks.push(Block {
                    line,
                    depth,
                    kind: Kind::TableRow {
                        cells,
                        header: false,
                    },
                    marker: None,
                    text: clean(content),
                    source: content.to_owned(),
                    links: links_in(content, Vec::new()),
                    emphasised: false,
                });
            }
            continue;
        }
        let (heading, rest) = heading(content);
        let (marker, rest) = if heading.is_some() {
            (None, rest)
        } else {
            split_marker(rest)
        };
        let (text, links, emphasised) = inline_markup(rest);
        let links = links_in(&text, links);
        let kind = match (heading, marker) {
            (Some(level), _) => Kind::Heading(level),
            (None, Some(_)) => Kind::ListItem,
            (None, None) => Kind::Line,
        };
        blocks.push(Block {
            line,
            depth,
            kind,
            marker,
            text: clean(&text),
            source: content.to_owned(),
            links,
            emphasised,
        });
    }
    blocks
}

/// `---`, `***`, `___`, `===` on their own: decoration (or a setext underline).
fn is_rule(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=' | '~')
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(|c| c == first)
}

/// `## Title` → (level 2, "Title").
fn heading(line: &str) -> (Option<u8>, &str) {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        let rest = &line[hashes..];
        if rest.starts_with(char::is_whitespace) {
            let title = rest.trim().trim_end_matches('#').trim_end();
            return (u8::try_from(hashes).ok(), title);
        }
    }
    (None, line)
}

/// Cells of a table row: tab-separated (as text copied from a web page or spreadsheet
/// arrives) or `| a | b |`. `None` when the line is no table row; an empty list for a
/// `|---|---|` separator.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let by_tabs: Vec<String> = line
        .split('\t')
        .map(clean)
        .filter(|cell| !cell.is_empty())
        .collect();
    if by_tabs.len() >= 2 {
        return Some(by_tabs);
    }
    if line.starts_with('|') && line.len() > 1 {
        let inner = line.trim_matches('|');
        if inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'))
        {
            return Some(Vec::new());
        }
        let cells: Vec<String> = inner.split('|').map(clean).collect();
        return (cells.len() >= 2).then_some(cells);
    }
    None
}

/// The inline links plus every bare address the text still has.
fn links_in(text: &str, mut links: Vec<Link>) -> Vec<Link> {
    for (_, url) in bare_urls(text) {
        if !links.iter().any(|link| link.url == url) {
            links.push(Link {
                title: String::new(),
                url,
            });
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::Marker;

    #[test]
    fn lines_become_blocks_with_depth_and_kind() {
        let text = "Title\n\n🔹 Phase 1: A (1-2 Months)\n  - item one\n    deeper\n  - item two\nPhase\tDuration\n## Heading ##\n---\n";
        let blocks = blocks(text);
        let summary: Vec<(usize, usize, &Kind, &str)> = blocks
            .iter()
            .map(|b| (b.line, b.depth, &b.kind, b.text.as_str()))
            .collect();
        assert_eq!(summary[0], (1, 0, &Kind::Line, "Title"));
        assert_eq!(
            summary[1],
            (3, 0, &Kind::ListItem, "Phase 1: A (1-2 Months)")
        );
        assert_eq!(summary[2], (4, 1, &Kind::ListItem, "item one"));
        assert_eq!(summary[3], (5, 2, &Kind::Line, "deeper"));
        assert_eq!(summary[4], (6, 1, &Kind::ListItem, "item two"));
        assert!(
            matches!(&blocks[5].kind, Kind::TableRow { cells, .. } if cells == &["Phase", "Duration"])
        );
        assert_eq!(blocks[6].kind, Kind::Heading(2));
        assert_eq!(blocks[6].text, "Heading");
        assert_eq!(blocks.len(), 7);
        assert_eq!(blocks[1].marker, Some(Marker::Emoji('🔹')));
    }

    #[test]
    fn links_are_read() {
        let blocks = blocks(
            "- [Tour](https://go.dev/tour) and https://go.dev/doc/.\n| a | b |\n|---|---|\n",
        );
        assert_eq!(blocks[0].text, "Tour and https://go.dev/doc/.");
        let urls: Vec<&str> = blocks[0].links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://go.dev/tour", "https://go.dev/doc/"]);
        assert!(matches!(&blocks[1].kind, Kind::TableRow { cells, .. } if cells == &["a", "b"]));
        assert_eq!(blocks.len(), 2);
    }
}
