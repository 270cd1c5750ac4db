//! Markdown → blocks, with `pulldown-cmark`: headings, list items (nested, numbered, task
//! boxes), the lines of each paragraph, table rows, and links of every kind (inline,
//! reference, `<autolinks>`, bare addresses). Code blocks and HTML are reported, never read
//! as roadmap text. Every block keeps the line it starts on.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::blocks::{Block, Kind, Link, Marker};
use super::text::{bare_urls, clean, split_marker};

/// Byte offsets → 1-based lines.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

/// The block being collected: its inline text so far.
struct Pending {
    line: usize,
    depth: usize,
    kind: Kind,
    marker: Option<Marker>,
    text: String,
    links: Vec<Link>,
    /// Characters of text inside and outside `**strong**`.
    strong_chars: usize,
    plain_chars: usize,
}

impl Pending {
    fn new(line: usize, depth: usize, kind: Kind, marker: Option<Marker>) -> Self {
        Self {
            line,
            depth,
            kind,
            marker,
            text: String::new(),
            links: Vec::new(),
            strong_chars: 0,
            plain_chars: 0,
        }
    }
}

/// An open list item, so that a nested list or a second paragraph line knows its parent.
struct OpenItem {
    depth: usize,
    marker: Marker,
    /// Whether the item's own first line has been emitted already.
    emitted: bool,
}

/// Reads a Markdown document.
pub fn blocks(source: &str) -> Vec<Block> {
    let lines = Lines::new(source);
    let all_lines: Vec<&str> = source.lines().collect();
    let source_line = |line: usize| -> String {
        all_lines
            .get(line.saturating_sub(1))
            .map_or("", |l| l.trim())
            .to_owned()
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<Block> = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut items: Vec<OpenItem> = Vec::new();
    // Ordered lists on the stack (true) or bullet lists (false).
    let mut lists: Vec<bool> = Vec::new();
    let mut strong = 0_usize;
    let mut link: Option<(String, usize)> = None;
    let mut skip_depth = 0_usize;
    let mut row: Option<(usize, Vec<String>, bool)> = None;
    let mut in_head = false;
    let mut cell: Option<String> = None;

    let finish = |pending: &mut Option<Pending>, out: &mut Vec<Block>| {
        if let Some(p) = pending.take() {
            let text = clean(&p.text);
            if text.is_empty() && p.links.is_empty() {
                return;
            }
            let mut links = p.links;
            for (_, url) in bare_urls(&p.text) {
                if !links.iter().any(|l| l.url == url) {
                    links.push(Link {
                        title: String::new(),
                        url,
                    });
                }
            }
            // A paragraph line that starts with an emoji or `•` is a list item in all but
            // name (chat answers write lists that way).
            let (marker, text, kind) = match (&p.kind, p.marker) {
                (Kind::Line, None) => match split_marker(&p.text) {
                    (Some(marker), rest) if !matches!(marker, Marker::Number) => {
                        (Some(marker), clean(rest), Kind::ListItem)
                    }
                    _ => (None, text, Kind::Line),
                },
                _ => (p.marker, text, p.kind.clone()),
            };
            let emphasised = p.strong_chars > 0 && p.plain_chars == 0;
            out.push(Block {
                line: p.line,
                depth: p.depth,
                kind,
                marker,
                text,
                source: source_line(p.line),
                links,
                emphasised,
            });
        }
    };

    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        let line = lines.line(range.start);
        if skip_depth > 0 {
            match event {
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::FootnoteDefinition) => {
                    skip_depth -= 1;
                }
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::FootnoteDefinition(_)) => {
                    skip_depth += 1;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut pending, &mut out);
                pending = Some(Pending::new(line, 0, Kind::Heading(level as u8), None));
            }
            Event::End(TagEnd::Heading(_)) => finish(&mut pending, &mut out),
            Event::Start(Tag::List(start)) => {
                finish(&mut pending, &mut out);
                lists.push(start.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                finish(&mut pending, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                finish(&mut pending, &mut out);
                let depth = lists.len().saturating_sub(1);
                let ordered = lists.last().copied().unwrap_or(false);
                let marker = if ordered {
                    Marker::Number
                } else {
                    let symbol = source[range.start..]
                        .trim_start()
                        .chars()
                        .next()
                        .unwrap_or('-');
                    Marker::Symbol(symbol)
                };
                items.push(OpenItem {
                    depth,
                    marker,
                    emitted: false,
                });
                pending = Some(Pending::new(line, depth, Kind::ListItem, Some(marker)));
            }
            Event::End(TagEnd::Item) => {
                finish(&mut pending, &mut out);
                items.pop();
            }
            Event::TaskListMarker(_) => {
                if let Some(p) = &mut pending {
                    p.marker = Some(Marker::Task);
                }
                if let Some(item) = items.last_mut() {
                    item.marker = Marker::Task;
                }
            }
            Event::Start(Tag::Paragraph) => {
                // Inside a list item, the item's first paragraph is the item itself.
                let in_item = items.last().is_some_and(|item| !item.emitted);
                if pending.is_none() || !in_item {
                    finish(&mut pending, &mut out);
                    let depth = items.last().map_or(0, |item| item.depth + 1);
                    pending = Some(Pending::new(line, depth, Kind::Line, None));
                }
            }
            Event::End(TagEnd::Paragraph) => {
                finish(&mut pending, &mut out);
                if let Some(item) = items.last_mut() {
                    item.emitted = true;
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                // Each line of a paragraph is its own block ("Goal: …" then "Duration: …").
                finish(&mut pending, &mut out);
                if let Some(item) = items.last_mut() {
                    item.emitted = true;
                }
                // Inside a list item, the later lines sit under the item.
                let depth = items.last().map_or(0, |item| item.depth + 1);
                // The next line starts after the break.
                let next_line = lines.line(range.end);
                pending = Some(Pending::new(next_line, depth, Kind::Line, None));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                finish(&mut pending, &mut out);
                skip_depth = 1;
                let first = (line..)
                    .map(&source_line)
                    .take(3)
                    .find(|l| !l.is_empty() && !l.starts_with("```") && !l.starts_with("~~~"))
                    .unwrap_or_else(|| source_line(line));
                out.push(unreadable(line, first, "a code block"));
            }
            Event::Start(Tag::HtmlBlock) => {
                finish(&mut pending, &mut out);
                skip_depth = 1;
                let text = source_line(line);
                // An HTML comment is the author's note to themselves, not roadmap text.
                if !text.starts_with("<!--") {
                    out.push(unreadable(line, text, "HTML"));
                }
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                finish(&mut pending, &mut out);
                skip_depth = 1;
                out.push(unreadable(line, source_line(line), "a footnote"));
            }
            Event::Start(Tag::Table(_)) => finish(&mut pending, &mut out),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row = Some((line, Vec::new(), true));
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                push_row(&mut row, &mut out, &source_line);
            }
            Event::Start(Tag::TableRow) if !in_head => row = Some((line, Vec::new(), false)),
            Event::End(TagEnd::TableRow) => push_row(&mut row, &mut out, &source_line),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some((_, cells, _)), Some(text)) = (&mut row, cell.take()) {
                    cells.push(clean(&text));
                }
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let start = pending.as_ref().map_or(0, |p| p.text.len());
                link = Some((dest_url.to_string(), start));
            }
            Event::End(TagEnd::Link) => {
                if let (Some((url, start)), Some(p)) = (link.take(), &mut pending) {
                    let title = p.text.get(start..).map(clean).unwrap_or_default();
                    let title = if title == url { String::new() } else { title };
                    p.links.push(Link { title, url });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                } else {
                    let p = pending.get_or_insert_with(|| Pending::new(line, 0, Kind::Line, None));
                    let count = text.chars().filter(|c| !c.is_whitespace()).count();
                    if strong > 0 {
                        p.strong_chars += count;
                    } else {
                        p.plain_chars += count;
                    }
                    p.text.push_str(&text);
                }
            }
            Event::Rule => finish(&mut pending, &mut out),
            _ => {}
        }
    }
    finish(&mut pending, &mut out);
    out
}

fn unreadable(line: usize, source: String, why: &'static str) -> Block {
    Block {
        line,
        depth: 0,
        kind: Kind::Unreadable(why),
        marker: None,
        text: String::new(),
        source,
        links: Vec::new(),
        emphasised: false,
    }
}

fn push_row(
    row: &mut Option<(usize, Vec<String>, bool)>,
    out: &mut Vec<Block>,
    source_line: &dyn Fn(usize) -> String,
) {
    if let Some((line, cells, header)) = row.take() {
        let source = source_line(line);
        let links = bare_urls(&source)
            .into_iter()
            .map(|(_, url)| Link {
                title: String::new(),
                url,
            })
            .collect();
        out.push(Block {
            line,
            depth: 0,
            kind: Kind::TableRow { cells, header },
            marker: None,
            text: clean(&source),
            source,
            links,
            emphasised: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str) -> Vec<(usize, usize, Kind, String)> {
        blocks(text)
            .into_iter()
            .map(|b| (b.line, b.depth, b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_items_and_paragraph_lines() {
        let text = "# Title\n\nGoal: learn.\nDuration: 2 weeks\n\n## Month 1 — Basics\n- [ ] One\n  - [Book](https://a.example/b)\n- [x] Two\n  Docs: https://a.example/d\n\n1. First\n2. Second\n";
        let got = summary(text);
        let want: Vec<(usize, usize, Kind, String)> = vec![
            (1, 0, Kind::Heading(1), "Title".into()),
            (3, 0, Kind::Line, "Goal: learn.".into()),
            (4, 0, Kind::Line, "Duration: 2 weeks".into()),
            (6, 0, Kind::Heading(2), "Month 1 — Basics".into()),
            (7, 0, Kind::ListItem, "One".into()),
            (8, 1, Kind::ListItem, "Book".into()),
            (9, 0, Kind::ListItem, "Two".into()),
            (10, 1, Kind::Line, "Docs: https://a.example/d".into()),
            (12, 0, Kind::ListItem, "First".into()),
            (13, 0, Kind::ListItem, "Second".into()),
        ];
        assert_eq!(got, want);
        let blocks = blocks(text);
        assert_eq!(blocks[4].marker, Some(Marker::Task));
        assert_eq!(blocks[5].links[0].url, "https://a.example/b");
        assert_eq!(blocks[5].links[0].title, "Book");
        assert_eq!(blocks[7].links[0].url, "https://a.example/d");
        assert_eq!(blocks[8].marker, Some(Marker::Number));
    }

    #[test]
    fn tables_code_and_bold() {
        let text = "| Phase | Duration |\n|---|---|\n| Basics | 2 weeks |\n\n```\nlet x = 1;\n```\n\n**Topics**\n";
        let blocks = blocks(text);
        assert!(
            matches!(&blocks[0].kind, Kind::TableRow { cells, header: true } if cells == &["Phase", "Duration"])
        );
        assert!(
            matches!(&blocks[1].kind, Kind::TableRow { cells, header: false } if cells == &["Basics", "2 weeks"])
        );
        assert_eq!(blocks[1].line, 3);
        assert_eq!(blocks[2].kind, Kind::Unreadable("a code block"));
        assert_eq!(blocks[2].source, "let x = 1;");
        assert!(blocks[3].emphasised);
        assert_eq!(blocks[3].text, "Topics");
    }

    #[test]
    fn emoji_lines_in_a_paragraph_are_list_items() {
        let blocks = blocks("✔ One\n✔ Two\n");
        assert_eq!(blocks.len(), 2);
        assert!(blocks.iter().all(|b| b.kind == Kind::ListItem));
        assert_eq!(blocks[1].text, "Two");
        assert_eq!(blocks[1].line, 2);
    }
}
