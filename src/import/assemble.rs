//! Blocks → roadmap. One pass over the document's blocks with a small state: where we are
//! (before the first phase, in a phase, the final project, the summary, the duration table)
//! and which sub-section (a topic group, hands-on, resources, the goal). Every block either
//! lands somewhere or becomes a [`Note::Skipped`] with the reason; nothing is dropped
//! silently except decoration (emoji-only lines, rules, HTML comments).
//!
//! Which lines are phases is decided first, for the whole document (see [`phase_starts`]),
//! so the same rule holds from the first phase to the last.

use super::Note;
use super::blocks::{Block, Kind, Link, Marker, quote};
use super::duration::{parse_phrase, split_title};
use super::slug::Ids;
use super::words::{
    self, DURATION_LABELS, GOAL_LABELS, SectionKind, after_label, is_closing_question,
    is_duration_header, is_final_project, is_known_section, is_summary, is_timeline_caption,
    phase_line, section_kind,
};
use crate::roadmap::{
    FORMAT_VERSION, FinalProject, Item, MonthRange, Phase, Resource, ResourceKind, Roadmap,
    Summary, TopicGroup, is_web_url,
};

/// A phase without a duration is planned for this long (and a warning says so).
pub const DEFAULT_MONTHS: MonthRange = MonthRange { min: 1.0, max: 1.0 };
/// The weekly hours the estimates assume when the document does not say.
pub const DEFAULT_HOURS_PER_WEEK: f32 = 10.0;
/// The heading of topics that sit directly under a phase.
const DEFAULT_TOPICS_HEADING: &str = "Topics";
/// The heading of final-project items under no sub-heading.
const DEFAULT_PROJECT_HEADING: &str = "Tasks";

/// How the reader treats unmarked lines.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Plain text: a line without a bullet under a sub-heading is an item (until the first
    /// bulleted one shows the list has bullets). Markdown: a paragraph is never an item.
    pub plain_lines_are_items: bool,
}

/// A link waiting to become a [`Resource`].
#[derive(Clone, Debug)]
struct LinkDraft {
    line: usize,
    title: String,
    url: String,
}

#[derive(Clone, Debug, Default)]
struct ItemDraft {
    text: String,
    links: Vec<LinkDraft>,
}

#[derive(Clone, Debug)]
struct GroupDraft {
    line: usize,
    heading: String,
    items: Vec<ItemDraft>,
}

#[derive(Clone, Debug)]
struct PhaseDraft {
    line: usize,
    title: String,
    short_title: Option<String>,
    months: Option<MonthRange>,
    optional: bool,
    goal: Option<String>,
    groups: Vec<GroupDraft>,
    hands_on: Vec<ItemDraft>,
    resources: Vec<LinkDraft>,
}

#[derive(Clone, Debug)]
struct ProjectDraft {
    line: usize,
    title: String,
    short_title: Option<String>,
    months: Option<MonthRange>,
    stack_heading: Option<String>,
    stack: Vec<ItemDraft>,
    ideas_heading: Option<String>,
    ideas: Vec<ItemDraft>,
}

/// One row of a duration table.
#[derive(Clone, Debug)]
struct Row {
    line: usize,
    name: String,
    months: MonthRange,
    optional: bool,
    source: String,
}

/// Where in the document the current block is.
#[derive(Clone, Debug, PartialEq)]
enum Context {
    Preamble,
    Phase,
    Project,
    Summary,
    /// Under a duration table's caption.
    Timeline,
    /// Under a heading that is no phase; its lines are reported.
    Elsewhere(String),
}

/// Which list of the current phase or project new items go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    None,
    Group(usize),
    HandsOn,
    Resources,
    Goal,
    Stack,
    Ideas,
}

/// The current sub-section and what its list looks like.
#[derive(Clone, Copy, Debug)]
struct Section {
    target: Target,
    /// The first item's marker and depth: the list's shape.
    marker: Option<Marker>,
    depth: Option<usize>,
    /// A bulleted item has been seen (so unmarked lines are no longer items).
    marked: bool,
}

impl Section {
    fn new(target: Target) -> Self {
        Self {
            target,
            marker: None,
            depth: None,
            marked: false,
        }
    }
}

/// The assembled roadmap and what the learner should know about it.
pub struct Assembled {
    pub roadmap: Roadmap,
    pub notes: Vec<Note>,
}

struct Assembler {
    options: Options,
    notes: Vec<Note>,
    title: Option<String>,
    hours: Option<f32>,
    phases: Vec<PhaseDraft>,
    project: Option<ProjectDraft>,
    summary: Option<Summary>,
    rows: Vec<Row>,
    context: Context,
    /// The context a duration table interrupted (a table inside a phase).
    before_table: Option<Context>,
    section: Section,
    /// The last item added in this section, for the links under it.
    last_item: Option<(Target, usize)>,
    /// The heading level phases have, when phases are headings.
    phase_level: Option<u8>,
}

/// Builds the roadmap; `Err` with a message when the document has no phase at all.
pub fn assemble(
    blocks: &[Block],
    fallback_title: &str,
    options: Options,
) -> Result<Assembled, String> {
    let (starts, phase_level) = phase_starts(blocks);
    if !starts.iter().any(|&s| s) {
        return Err(
            "found no phases; expected lines such as \"Phase 1: Title (1-2 months)\" or \
             \"## Month 1 — Title\", headings with lists under them, or a numbered list such \
             as \"1. Title (2 weeks)\""
                .to_owned(),
        );
    }
    let mut assembler = Assembler {
        options,
        notes: Vec::new(),
        title: None,
        hours: None,
        phases: Vec::new(),
        project: None,
        summary: None,
        rows: Vec::new(),
        context: Context::Preamble,
        before_table: None,
        section: Section::new(Target::None),
        last_item: None,
        phase_level,
    };
    for (block, &starts_phase) in blocks.iter().zip(&starts) {
        assembler.block(block, starts_phase);
    }
    Ok(assembler.finish(fallback_title))
}

/// Whether a block stands at the top of the outline (a heading, or a line at the margin).
fn at_top(block: &Block) -> bool {
    matches!(block.kind, Kind::Heading(_)) || block.depth == 0
}

/// Lines that are something other than a phase wherever they stand.
fn is_special(block: &Block) -> bool {
    let text = block.text.as_str();
    is_final_project(text)
        || is_summary(text)
        || is_timeline_caption(text)
        || is_closing_question(text)
        || after_label(text, GOAL_LABELS).is_some()
        || after_label(text, DURATION_LABELS).is_some()
        || matches!(block.kind, Kind::TableRow { .. } | Kind::Unreadable(_))
}

/// Decides which blocks start a phase, for the whole document, by the first rule that finds
/// any: (1) "Phase N: …" / "Month N — …" lines; (2) headings, at the shallowest level that
/// is not the document's title; (3) lines at the margin that end in a duration ("Basics
/// (2 weeks)"); (4) numbered items with items under them. Returns the flags and the heading
/// level of the phases, if they are headings.
fn phase_starts(blocks: &[Block]) -> (Vec<bool>, Option<u8>) {
    let candidate = |b: &Block| at_top(b) && !is_special(b) && !b.text.is_empty();
    let mut starts: Vec<bool> = blocks
        .iter()
        .map(|b| candidate(b) && phase_line(&b.text).is_some())
        .collect();
    if !starts.iter().any(|&s| s) {
        let headings: Vec<(usize, u8)> = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| candidate(b) && !is_known_section(&b.text))
            .filter_map(|(i, b)| match b.kind {
                Kind::Heading(level) => Some((i, level)),
                _ => None,
            })
            .collect();
        // A lone top heading first in the document is its title.
        let title = match headings.first() {
            Some(&(0, level)) if headings.iter().filter(|(_, l)| *l <= level).count() == 1 => {
                Some(0)
            }
            _ => None,
        };
        let level = headings
            .iter()
            .filter(|(i, _)| Some(*i) != title)
            .map(|(_, level)| *level)
            .min();
        for &(index, heading_level) in &headings {
            if Some(index) != title && Some(heading_level) == level {
                starts[index] = true;
            }
        }
    }
    if !starts.iter().any(|&s| s) {
        for (index, block) in blocks.iter().enumerate() {
            starts[index] = candidate(block)
                && block.depth == 0
                && !matches!(block.kind, Kind::Heading(_))
                && split_title(&block.text).months.is_some();
        }
    }
    if !starts.iter().any(|&s| s) {
        for (index, block) in blocks.iter().enumerate() {
            let has_children = blocks.get(index + 1).is_some_and(|next| next.depth > 0);
            starts[index] = candidate(block)
                && block.depth == 0
                && block.kind == Kind::ListItem
                && block.marker == Some(Marker::Number)
                && has_children;
        }
    }
    let level = blocks
        .iter()
        .zip(&starts)
        .filter(|(_, s)| **s)
        .filter_map(|(b, _)| match b.kind {
            Kind::Heading(level) => Some(level),
            _ => None,
        })
        .min();
    (starts, level)
}

/// A text without its links' addresses (link titles stay: they read as words), empty
/// brackets and dangling separators removed.
fn strip_urls(text: &str, links: &[Link]) -> String {
    let mut text = text.to_owned();
    for link in links {
        text = text.replace(&link.url, "");
    }
    tidy(&text)
}

fn text_without_urls(block: &Block) -> String {
    strip_urls(&block.text, &block.links)
}

/// Drops what cutting out a link leaves behind: `()`, `<>`, a trailing `:` or dash.
fn tidy(text: &str) -> String {
    let mut text = text.replace("()", "").replace("[]", "").replace("<>", "");
    loop {
        let trimmed = text
            .trim()
            .trim_end_matches([':', '-', '–', '—', '|', ',', '(', '<'])
            .trim_end();
        if trimmed.len() == text.len() {
            break;
        }
        text = trimmed.to_owned();
    }
    super::text::clean(&text)
}

/// Whether a block is only links: "[Title](url)", "Title: https://…", "Title – https://…",
/// "https://…". Returns the title the text gives the link (for "Title: url").
fn resource_only(block: &Block) -> Option<String> {
    if block.links.is_empty() {
        return None;
    }
    let mut rest = block.text.clone();
    for link in &block.links {
        rest = rest.replacen(&link.url, "", 1);
        if !link.title.is_empty() {
            rest = rest.replacen(&link.title, "", 1);
        }
    }
    let rest = rest.trim();
    if let Some(after) = after_label(
        rest,
        &[
            "resources",
            "resource",
            "links",
            "link",
            "see",
            "read",
            "watch",
        ],
    ) {
        return Some(tidy(after));
    }
    let trimmed = tidy(rest);
    let ends_like_a_label = rest.ends_with([':', '-', '–', '—', '|']);
    (trimmed.is_empty() || ends_like_a_label).then_some(trimmed)
}

impl Assembler {
    fn skip(&mut self, block: &Block, why: impl Into<String>) {
        self.notes.push(Note::Skipped {
            line: block.line,
            text: block.quoted(),
            why: why.into(),
        });
    }

    fn phase_mut(&mut self) -> Option<&mut PhaseDraft> {
        self.phases.last_mut()
    }

    fn set_context(&mut self, context: Context) {
        self.context = context;
        self.section = Section::new(Target::None);
        self.last_item = None;
        self.before_table = None;
    }

    fn block(&mut self, block: &Block, starts_phase: bool) {
        if let Kind::Unreadable(why) = block.kind {
            self.skip(block, why);
            return;
        }
        // A table interrupted a phase: the first line after it goes back there.
        if !matches!(block.kind, Kind::TableRow { .. })
            && let Some(previous) = self.before_table.take()
        {
            self.context = previous;
        }
        if block.text.is_empty() && block.links.is_empty() {
            return; // only emoji: decoration
        }
        if is_closing_question(&block.text) {
            self.skip(block, "a question to the reader, not part of the roadmap");
            return;
        }
        if starts_phase {
            self.start_phase(block);
            return;
        }
        if let Kind::TableRow { cells, header } = &block.kind {
            self.table_row(block, cells, *header);
            return;
        }
        let heading_like = self.heading_like(block);
        if at_top(block) && block.links.is_empty() && is_timeline_caption(&block.text) {
            self.set_context(Context::Timeline);
            return;
        }
        if self.context == Context::Project && heading_like {
            self.project_section(block);
            return;
        }
        if at_top(block) && is_final_project(&block.text) {
            self.start_project(block);
            return;
        }
        if at_top(block) && is_summary(&block.text) && self.summary.is_none() {
            self.set_context(Context::Summary);
            self.summary = Some(Summary {
                heading: block.text.clone(),
                points: Vec::new(),
            });
            return;
        }
        if let (Kind::Heading(level), Some(phase_level)) = (&block.kind, self.phase_level)
            && *level <= phase_level
            && !is_known_section(&block.text)
        {
            if self.context == Context::Preamble && self.title.is_none() {
                self.title = Some(block.text.clone());
            } else {
                self.set_context(Context::Elsewhere(block.text.clone()));
            }
            return;
        }
        match self.context.clone() {
            Context::Preamble => self.preamble(block),
            Context::Phase => self.in_phase(block, heading_like),
            Context::Project => self.in_project(block),
            Context::Summary => self.in_summary(block, heading_like),
            Context::Timeline => self.timeline_line(block),
            Context::Elsewhere(heading) => self.skip(
                block,
                format!("under \"{}\", which is not a phase", quote(&heading)),
            ),
        }
    }

    /// A sub-heading: a Markdown heading below the phases, a bold line, a line ending in
    /// a colon, or a known section name on its own.
    fn heading_like(&self, block: &Block) -> bool {
        let text = block.text.as_str();
        match block.kind {
            Kind::Heading(level) => {
                self.phase_level.is_none_or(|p| level > p) || is_known_section(text)
            }
            Kind::Line | Kind::ListItem => {
                block.emphasised
                    || (text.ends_with(':') && block.links.is_empty() && text.len() > 1)
                    || is_known_section(text)
            }
            _ => false,
        }
    }

    fn preamble(&mut self, block: &Block) {
        if let Some(hours) = words::hours_per_week(&block.text)
            && !matches!(block.kind, Kind::Heading(_))
        {
            self.hours = Some(hours);
            return;
        }
        if self.title.is_none() && matches!(block.kind, Kind::Heading(_) | Kind::Line) {
            self.title = Some(tidy(&block.text));
            if let Some(hours) = words::hours_per_week(&block.text) {
                self.hours = Some(hours);
            }
            return;
        }
        self.skip(block, "text before the first phase");
    }

    fn start_phase(&mut self, block: &Block) {
        let (rest, implied) = match phase_line(&block.text) {
            Some(line) => (line.rest.to_owned(), line.implied),
            None => (block.text.clone(), None),
        };
        let titled = split_title(&strip_urls(&rest, &block.links));
        let title = if titled.title.is_empty() {
            tidy(&block.text)
        } else {
            titled.title
        };
        let resources = block
            .links
            .iter()
            .map(|link| LinkDraft {
                line: block.line,
                title: link.title.clone(),
                url: link.url.clone(),
            })
            .collect();
        self.phases.push(PhaseDraft {
            line: block.line,
            title,
            short_title: None,
            months: titled.months.or(implied),
            optional: titled.optional,
            goal: None,
            groups: Vec::new(),
            hands_on: Vec::new(),
            resources,
        });
        self.set_context(Context::Phase);
    }

    fn start_project(&mut self, block: &Block) {
        if self.project.is_some() {
            self.skip(
                block,
                "a second final project; the roadmap has room for one",
            );
            self.set_context(Context::Elsewhere(block.text.clone()));
            return;
        }
        let text = text_without_urls(block);
        let after = [":", " — ", " – ", " - "]
            .iter()
            .find_map(|sep| text.split_once(sep).map(|(_, rest)| rest.trim().to_owned()))
            .filter(|rest| !rest.is_empty());
        let titled = split_title(after.as_deref().unwrap_or(&text));
        let title = if titled.title.is_empty() {
            "Final project".to_owned()
        } else {
            titled.title
        };
        self.project = Some(ProjectDraft {
            line: block.line,
            title,
            short_title: None,
            months: titled.months,
            stack_heading: None,
            stack: Vec::new(),
            ideas_heading: None,
            ideas: Vec::new(),
        });
        self.set_context(Context::Project);
    }

    /// "Goal:", "Duration:" and "Optional" lines of a phase or the final project. Returns
    /// whether the block was one.
    fn labelled_line(&mut self, block: &Block) -> bool {
        let text = block.text.as_str();
        let in_phase = self.context == Context::Phase && !self.phases.is_empty();
        if let Some(goal) = after_label(text, GOAL_LABELS) {
            if !in_phase {
                self.skip(block, "a goal outside a phase; only phases have goals");
            } else if goal.is_empty() {
                self.section = Section::new(Target::Goal);
            } else if let Some(phase) = self.phases.last_mut() {
                append_goal(phase, goal);
            }
            return true;
        }
        if let Some(rest) = after_label(text, DURATION_LABELS) {
            let Some((months, optional)) = parse_phrase(rest) else {
                self.skip(
                    block,
                    "a duration that cannot be read; write e.g. \"2 weeks\" or \"1-2 months\"",
                );
                return true;
            };
            if in_phase {
                if let Some(phase) = self.phases.last_mut() {
                    phase.months = Some(months);
                    phase.optional |= optional;
                }
            } else if let (Context::Project, Some(project)) = (&self.context, &mut self.project) {
                project.months = Some(months);
            } else {
                self.skip(block, "a duration outside a phase");
            }
            return true;
        }
        let bare = text
            .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | '*'))
            .to_lowercase();
        if in_phase
            && matches!(
                bare.as_str(),
                "optional" | "optional phase" | "this phase is optional"
            )
        {
            if let Some(phase) = self.phases.last_mut() {
                phase.optional = true;
            }
            return true;
        }
        false
    }

    fn in_phase(&mut self, block: &Block, heading_like: bool) {
        if self.labelled_line(block) {
            return;
        }
        if heading_like {
            let heading = block.text.trim_end_matches(':').trim().to_owned();
            let target = match section_kind(&heading) {
                SectionKind::HandsOn => Target::HandsOn,
                SectionKind::Resources => Target::Resources,
                SectionKind::Goal => Target::Goal,
                SectionKind::Topics | SectionKind::Stack => {
                    let Some(phase) = self.phase_mut() else {
                        return;
                    };
                    phase.groups.push(GroupDraft {
                        line: block.line,
                        heading,
                        items: Vec::new(),
                    });
                    Target::Group(phase.groups.len() - 1)
                }
            };
            self.section = Section::new(target);
            self.last_item = None;
            return;
        }
        if self.section.target == Target::Goal && !block.text.is_empty() {
            let text = block.text.clone();
            if let Some(phase) = self.phase_mut() {
                append_goal(phase, &text);
            }
            return;
        }
        if self.resources_line(block) {
            return;
        }
        if self.section.target == Target::Resources {
            self.skip(
                block,
                "a resource without a link; write it as \"Title: https://…\" to keep it",
            );
            return;
        }
        match block.kind {
            Kind::ListItem => self.add_item(block),
            Kind::Heading(_) => self.skip(block, "a heading the importer cannot place"),
            _ => {
                let no_items_yet = self.phases.last().is_some_and(|p| {
                    p.goal.is_none() && p.groups.is_empty() && p.hands_on.is_empty()
                });
                if self.section.target == Target::None && no_items_yet {
                    // The first sentence under a phase says what it is for.
                    let text = text_without_urls(block);
                    if let Some(phase) = self.phase_mut() {
                        phase.goal = Some(text);
                    }
                } else if self.options.plain_lines_are_items
                    && self.section.target != Target::None
                    && !self.section.marked
                {
                    self.add_item(block);
                } else {
                    self.skip(
                        block,
                        "text that is not a list item; start the line with \"- \" to make it one",
                    );
                }
            }
        }
    }

    /// Links on their own: to the item they sit under, or to the phase. Returns whether the
    /// block was such a line.
    fn resources_line(&mut self, block: &Block) -> bool {
        let Some(label) = resource_only(block) else {
            return false;
        };
        // A list item shaped like the section's items (or the first of a list) is an item
        // whose text carries a link, not a link for the item above.
        let first_of_list = self.section.marker.is_none()
            && !matches!(self.section.target, Target::None | Target::Resources);
        let same_list = block.kind == Kind::ListItem
            && (first_of_list
                || (self.section.depth == Some(block.depth)
                    && self.section.marker == block.marker))
            && !matches!(self.section.target, Target::Resources);
        let drafts = link_drafts(block, &label);
        if self.section.target == Target::Resources {
            if let Some(phase) = self.phase_mut() {
                phase.resources.extend(drafts);
            }
            return true;
        }
        if same_list {
            return false; // an item of its own, whose text is a link
        }
        if let Some(item) = self.last_item_mut() {
            item.links.extend(drafts);
            return true;
        }
        match self.context {
            Context::Phase => {
                if let Some(phase) = self.phase_mut() {
                    phase.resources.extend(drafts);
                }
            }
            _ => self.skip(
                block,
                "a link with no item above it; the final project keeps links on its items",
            ),
        }
        true
    }

    fn last_item_mut(&mut self) -> Option<&mut ItemDraft> {
        let (target, index) = self.last_item?;
        match (target, self.context.clone()) {
            (Target::Group(group), Context::Phase) => self
                .phases
                .last_mut()?
                .groups
                .get_mut(group)?
                .items
                .get_mut(index),
            (Target::HandsOn, Context::Phase) => self.phases.last_mut()?.hands_on.get_mut(index),
            (Target::Stack, Context::Project) => self.project.as_mut()?.stack.get_mut(index),
            (Target::Ideas, Context::Project) => self.project.as_mut()?.ideas.get_mut(index),
            _ => None,
        }
    }

    /// An item in the current section (a new "Topics" group when the phase has no heading
    /// yet), with the links on its line.
    fn add_item(&mut self, block: &Block) {
        let label = resource_only(block).filter(|label| !label.is_empty());
        let mut text = text_without_urls(block);
        if text.is_empty() {
            text = label.clone().unwrap_or_default();
        }
        if text.is_empty() {
            self.skip(block, "an item with no words, only a link");
            return;
        }
        let item = ItemDraft {
            links: link_drafts(block, label.as_deref().unwrap_or(&text)),
            text,
        };
        if block.kind == Kind::ListItem && self.section.marker.is_none() {
            self.section.marker = block.marker;
            self.section.depth = Some(block.depth);
        }
        if block.kind == Kind::ListItem {
            self.section.marked = true;
        }
        let target = match (self.context.clone(), self.section.target) {
            (Context::Project, Target::Stack) => Target::Stack,
            (Context::Project, _) => Target::Ideas,
            (_, Target::HandsOn) => Target::HandsOn,
            (_, Target::Group(group)) => Target::Group(group),
            _ => {
                let Some(phase) = self.phase_mut() else {
                    return;
                };
                phase.groups.push(GroupDraft {
                    line: block.line,
                    heading: DEFAULT_TOPICS_HEADING.to_owned(),
                    items: Vec::new(),
                });
                let group = Target::Group(phase.groups.len() - 1);
                let (marker, depth) = (self.section.marker, self.section.depth);
                self.section = Section::new(group);
                self.section.marker = marker;
                self.section.depth = depth;
                self.section.marked = block.kind == Kind::ListItem;
                group
            }
        };
        let list = match (target, self.phases.last_mut(), self.project.as_mut()) {
            (Target::Group(group), Some(phase), _) => {
                phase.groups.get_mut(group).map(|g| &mut g.items)
            }
            (Target::HandsOn, Some(phase), _) => Some(&mut phase.hands_on),
            (Target::Stack, _, Some(project)) => Some(&mut project.stack),
            (Target::Ideas, _, Some(project)) => {
                project
                    .ideas_heading
                    .get_or_insert_with(|| DEFAULT_PROJECT_HEADING.to_owned());
                Some(&mut project.ideas)
            }
            _ => None,
        };
        if let Some(list) = list {
            list.push(item);
            self.last_item = Some((target, list.len() - 1));
        }
    }

    fn project_section(&mut self, block: &Block) {
        let heading = block.text.trim_end_matches(':').trim().to_owned();
        let Some(project) = self.project.as_mut() else {
            return;
        };
        let target = if section_kind(&heading) == SectionKind::Stack {
            project.stack_heading.get_or_insert(heading);
            Target::Stack
        } else {
            project.ideas_heading.get_or_insert(heading);
            Target::Ideas
        };
        self.section = Section::new(target);
        self.last_item = None;
    }

    fn in_project(&mut self, block: &Block) {
        if self.labelled_line(block) {
            return;
        }
        if self.resources_line(block) {
            return;
        }
        match block.kind {
            Kind::ListItem => self.add_item(block),
            Kind::Line if self.options.plain_lines_are_items && !self.section.marked => {
                self.add_item(block);
            }
            _ => self.skip(
                block,
                "text that is not a list item; start the line with \"- \" to make it one",
            ),
        }
    }

    fn in_summary(&mut self, block: &Block, heading_like: bool) {
        if heading_like && block.kind != Kind::ListItem {
            self.skip(block, "a heading inside the summary");
            return;
        }
        let accepted = match block.kind {
            Kind::ListItem => true,
            Kind::Line => !self.section.marked || !self.options.plain_lines_are_items,
            _ => false,
        };
        if !accepted {
            self.skip(block, "text after the summary's points");
            return;
        }
        if block.kind == Kind::ListItem {
            self.section.marked = true;
        }
        let point = strip_urls(&block.text, &block.links);
        if let Some(summary) = &mut self.summary {
            summary.points.push(point);
        }
    }

    /// A line under a duration caption: "Name – 1-2 months" or "Name: 2 weeks".
    fn timeline_line(&mut self, block: &Block) {
        let titled = split_title(&block.text);
        match titled.months {
            Some(months) if !titled.title.is_empty() => {
                self.push_row(block, &titled.title, months, titled.optional)
            }
            _ if words::words(&block.text).iter().any(|w| w == "total") => {
                self.skip(block, "a total; the planner adds up the phases itself");
            }
            _ => self.skip(block, "a line in the timeline without a duration"),
        }
    }

    fn table_row(&mut self, block: &Block, cells: &[String], header: bool) {
        let duration = cells.iter().skip(1).find_map(|cell| parse_phrase(cell));
        if duration.is_none() && (header || is_duration_header(cells)) {
            if is_duration_header(cells) {
                // The header of a duration table: its rows follow.
                if self.context != Context::Timeline {
                    let previous = std::mem::replace(&mut self.context, Context::Timeline);
                    self.before_table = Some(previous);
                }
            } else {
                self.skip(
                    block,
                    "a table that is not a duration table (\"Phase | Duration\")",
                );
            }
            return;
        }
        let in_table = self.context == Context::Timeline || self.before_table.is_some();
        let name = cells.first().map(String::as_str).unwrap_or("");
        match duration {
            _ if words::words(name).first().is_some_and(|w| w == "total") => {
                self.skip(block, "a total; the planner adds up the phases itself");
            }
            Some((months, optional)) if in_table => {
                let titled = split_title(name);
                self.push_row(block, &titled.title, months, optional || titled.optional);
            }
            Some(_) => self.skip(block, "a table row outside a duration table"),
            None => self.skip(block, "a table row without a duration"),
        }
    }

    fn push_row(&mut self, block: &Block, name: &str, months: MonthRange, optional: bool) {
        self.rows.push(Row {
            line: block.line,
            name: tidy(name),
            months,
            optional,
            source: block.quoted(),
        });
    }

    /// Matches the duration table's rows to the phases and the final project, then builds
    /// the roadmap with ids, defaults and warnings.
    fn finish(mut self, fallback_title: &str) -> Assembled {
        self.apply_rows();
        let mut ids = Ids::default();
        let title = self
            .title
            .clone()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title_from_file(fallback_title));
        let id = ids.make(&title, "roadmap");
        if self.hours.is_none() {
            self.notes.push(Note::Info {
                line: None,
                message: format!(
                    "the document does not say how many hours a week its durations assume; \
                     using {DEFAULT_HOURS_PER_WEEK} (change hours_per_week in the .ron)"
                ),
            });
        }
        let mut notes = std::mem::take(&mut self.notes);
        let phases: Vec<Phase> = std::mem::take(&mut self.phases)
            .into_iter()
            .enumerate()
            .map(|(index, draft)| build_phase(draft, index, &mut ids, &mut notes))
            .collect();
        let final_project = self
            .project
            .take()
            .map(|draft| build_project(draft, &mut ids, &mut notes));
        let summary = self
            .summary
            .take()
            .filter(|summary| !summary.heading.is_empty());
        notes.sort_by_key(|note| note.line().unwrap_or(0));
        Assembled {
            roadmap: Roadmap {
                format: FORMAT_VERSION,
                id,
                title,
                hours_per_week: self.hours.unwrap_or(DEFAULT_HOURS_PER_WEEK),
                phases,
                final_project,
                summary,
            },
            notes,
        }
    }

    fn apply_rows(&mut self) {
        let rows = std::mem::take(&mut self.rows);
        let stage_count = self.phases.len() + usize::from(self.project.is_some());
        let mut taken = vec![false; stage_count];
        for (index, row) in rows.iter().enumerate() {
            let target = self
                .match_row(row, &taken)
                .or_else(|| (rows.len() == stage_count && !taken[index]).then_some(index));
            let Some(target) = target else {
                self.notes.push(Note::Skipped {
                    line: row.line,
                    text: row.source.clone(),
                    why: "a duration for no phase of this name".to_owned(),
                });
                continue;
            };
            taken[target] = true;
            let (title, months, optional, short) = match self.phases.get_mut(target) {
                Some(phase) => (
                    &phase.title,
                    &mut phase.months,
                    Some(&mut phase.optional),
                    &mut phase.short_title,
                ),
                None => match self.project.as_mut() {
                    Some(project) => (
                        &project.title,
                        &mut project.months,
                        None,
                        &mut project.short_title,
                    ),
                    None => continue,
                },
            };
            if !row.name.eq_ignore_ascii_case(title) && !row.name.is_empty() {
                *short = Some(row.name.clone());
            }
            if let Some(flag) = optional {
                *flag |= row.optional;
            }
            match months {
                None => *months = Some(row.months),
                Some(own) if *own != row.months => {
                    let message = format!(
                        "\"{}\" is {} by its heading but {} in the duration table; using the heading's",
                        title, own, row.months
                    );
                    self.notes.push(Note::Warning {
                        line: Some(row.line),
                        message,
                    });
                }
                Some(_) => {}
            }
        }
    }

    /// The stage a row names: "Phase 3", the final project, or the phase whose title
    /// shares most of the row's words.
    fn match_row(&self, row: &Row, taken: &[bool]) -> Option<usize> {
        let project_index = self.phases.len();
        if let Some(n) = phase_number(&row.name)
            && (1..=self.phases.len()).contains(&n)
            && !taken[n - 1]
        {
            return Some(n - 1);
        }
        let row_words = significant_words(&row.name);
        let mentions_project = row_words
            .iter()
            .any(|w| matches!(w.as_str(), "final" | "capstone"))
            || (row_words.iter().any(|w| w == "project") && self.project.is_some());
        if mentions_project
            && self.project.is_some()
            && !taken.get(project_index).copied().unwrap_or(true)
        {
            return Some(project_index);
        }
        if row_words.is_empty() {
            return None;
        }
        let mut best: Option<(usize, f32)> = None;
        for (index, phase) in self.phases.iter().enumerate() {
            if taken[index] {
                continue;
            }
            let title_words = significant_words(&phase.title);
            let shared = row_words.iter().filter(|w| title_words.contains(w)).count();
            let score = shared as f32 / row_words.len() as f32;
            if score >= 0.5 && best.is_none_or(|(_, b)| score > b) {
                best = Some((index, score));
            }
        }
        best.map(|(index, _)| index)
    }
}

/// "Phase 3", "Stage 3: Web" → 3.
fn phase_number(text: &str) -> Option<usize> {
    let words = words::words(text);
    let keyword = words.first()?;
    if !matches!(keyword.as_str(), "phase" | "stage" | "part" | "module") {
        return None;
    }
    words.get(1)?.parse().ok()
}

fn append_goal(phase: &mut PhaseDraft, text: &str) {
    match &mut phase.goal {
        Some(goal) if !goal.is_empty() => {
            goal.push(' ');
            goal.push_str(text);
        }
        goal => *goal = Some(text.to_owned()),
    }
}

/// Words that tell phases apart (no "and", "with", "the").
fn significant_words(text: &str) -> Vec<String> {
    words::words(text)
        .into_iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "and" | "with" | "the" | "for" | "of" | "in" | "to" | "a" | "an" | "optional"
            )
        })
        .collect()
}

/// The links of a block as drafts; a link without a title takes `label` (the words before
/// it), or else its address.
fn link_drafts(block: &Block, label: &str) -> Vec<LinkDraft> {
    let mut drafts: Vec<LinkDraft> = Vec::new();
    for link in &block.links {
        if drafts.iter().any(|d| d.url == link.url) {
            continue;
        }
        let title = if !link.title.is_empty() {
            link.title.clone()
        } else if block.links.len() == 1 && !label.is_empty() {
            label.to_owned()
        } else {
            String::new()
        };
        drafts.push(LinkDraft {
            line: block.line,
            title,
            url: link.url.clone(),
        });
    }
    drafts
}

/// "python-roadmap" → "Python roadmap".
fn title_from_file(stem: &str) -> String {
    let words = stem.replace(['-', '_', '.'], " ");
    let mut title = super::text::clean(&words);
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    if title.is_empty() {
        "Imported roadmap".to_owned()
    } else {
        title
    }
}

/// "https://www.example.org/a/b/" → "example.org/a/b".
fn url_title(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest
        .split(['?', '#'])
        .next()
        .unwrap_or(rest)
        .trim_end_matches('/');
    quote(rest)
}

/// What sort of material a link is, from its address and title.
fn guess_kind(url: &str, title: &str) -> ResourceKind {
    let url = url.to_lowercase();
    let title = title.to_lowercase();
    let either = |words: &[&str]| words.iter().any(|w| url.contains(w) || title.contains(w));
    if either(&["youtube.com", "youtu.be", "vimeo.com", "video"]) {
        ResourceKind::Video
    } else if either(&["coursera.", "udemy.", "edx.org", "pluralsight.", "course"]) {
        ResourceKind::Course
    } else if either(&["book", "oreilly.", "manning.com", "leanpub."]) {
        ResourceKind::Book
    } else if either(&["tutorial"]) {
        ResourceKind::Tutorial
    } else if either(&["guide"]) {
        ResourceKind::Guide
    } else if title.contains("reference") || title.contains("cheat sheet") {
        ResourceKind::Reference
    } else if either(&["docs", "documentation", "readthedocs", "/reference", "/api"]) {
        ResourceKind::Docs
    } else if url.contains("github.com") {
        ResourceKind::Reference
    } else {
        ResourceKind::Article
    }
}

/// Links → resources with unique ids; a link the roadmap format would refuse is reported.
fn build_resources(drafts: Vec<LinkDraft>, ids: &mut Ids, notes: &mut Vec<Note>) -> Vec<Resource> {
    let mut resources: Vec<Resource> = Vec::new();
    for draft in drafts {
        if resources.iter().any(|r| r.url == draft.url) {
            continue;
        }
        if !is_web_url(&draft.url) {
            notes.push(Note::Skipped {
                line: draft.line,
                text: quote(&draft.url),
                why: "not a web address study-planner can open".to_owned(),
            });
            continue;
        }
        let title = if draft.title.is_empty() {
            url_title(&draft.url)
        } else {
            draft.title
        };
        resources.push(Resource {
            id: ids.make(&title, "link"),
            kind: guess_kind(&draft.url, &title),
            title,
            url: draft.url,
        });
    }
    resources
}

fn build_items(drafts: Vec<ItemDraft>, ids: &mut Ids, notes: &mut Vec<Note>) -> Vec<Item> {
    drafts
        .into_iter()
        .map(|draft| Item {
            id: ids.make(&draft.text, "item"),
            text: draft.text,
            resources: build_resources(draft.links, ids, notes),
        })
        .collect()
}

fn build_phase(draft: PhaseDraft, index: usize, ids: &mut Ids, notes: &mut Vec<Note>) -> Phase {
    let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
    let title = if draft.title.is_empty() {
        format!("Phase {number}")
    } else {
        draft.title
    };
    let id = ids.make(
        draft.short_title.as_deref().unwrap_or(&title),
        &format!("phase-{number}"),
    );
    let months = draft.months.unwrap_or_else(|| {
        notes.push(Note::Warning {
            line: Some(draft.line),
            message: format!(
                "phase \"{}\" has no duration; planned as {DEFAULT_MONTHS} (write e.g. \"(2 weeks)\" or \"(1-2 months)\" after its title)",
                quote(&title)
            ),
        });
        DEFAULT_MONTHS
    });
    let goal = match draft.goal.filter(|g| !g.trim().is_empty()) {
        Some(goal) => goal,
        None => {
            notes.push(Note::Warning {
                line: Some(draft.line),
                message: format!(
                    "phase \"{}\" has no \"Goal:\" line; its goal repeats the title",
                    quote(&title)
                ),
            });
            title.clone()
        }
    };
    let mut topic_groups = Vec::new();
    for group in draft.groups {
        if group.items.is_empty() {
            notes.push(Note::Skipped {
                line: group.line,
                text: quote(&group.heading),
                why: "a heading with no items under it".to_owned(),
            });
            continue;
        }
        topic_groups.push(TopicGroup {
            heading: group.heading,
            topics: build_items(group.items, ids, notes),
        });
    }
    let hands_on = build_items(draft.hands_on, ids, notes);
    if topic_groups.is_empty() && hands_on.is_empty() {
        notes.push(Note::Warning {
            line: Some(draft.line),
            message: format!(
                "phase \"{}\" has no topics or exercises to tick",
                quote(&title)
            ),
        });
    }
    Phase {
        id,
        number,
        short_title: draft.short_title.filter(|s| *s != title),
        goal,
        duration_months: months,
        optional: draft.optional,
        topic_groups,
        hands_on,
        resources: build_resources(draft.resources, ids, notes),
        title,
    }
}

fn build_project(draft: ProjectDraft, ids: &mut Ids, notes: &mut Vec<Note>) -> FinalProject {
    let months = draft.months.unwrap_or_else(|| {
        notes.push(Note::Warning {
            line: Some(draft.line),
            message: format!(
                "the final project has no duration; planned as {DEFAULT_MONTHS} (write e.g. \"(3 weeks)\" after its title)"
            ),
        });
        DEFAULT_MONTHS
    });
    FinalProject {
        id: ids.make("final project", "final-project"),
        short_title: draft.short_title.filter(|s| *s != draft.title),
        title: draft.title,
        duration_months: months,
        tech_stack_heading: draft
            .stack_heading
            .unwrap_or_else(|| "Tech Stack".to_owned()),
        tech_stack: build_items(draft.stack, ids, notes),
        ideas_heading: draft
            .ideas_heading
            .unwrap_or_else(|| "Project Ideas".to_owned()),
        ideas: build_items(draft.ideas, ids, notes),
        ideas_are_alternatives: true,
        choice_slot: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_kinds() {
        assert_eq!(
            guess_kind("https://www.youtube.com/watch?v=1", "Talk"),
            ResourceKind::Video
        );
        assert_eq!(
            guess_kind("https://doc.rust-lang.org/book/", "The Book"),
            ResourceKind::Book
        );
        assert_eq!(
            guess_kind("https://docs.python.org/3/", "Python"),
            ResourceKind::Docs
        );
        assert_eq!(
            guess_kind("https://example.org/", "A post"),
            ResourceKind::Article
        );
    }

    #[test]
    fn url_titles() {
        assert_eq!(
            url_title("https://www.example.org/a/b/?x=1"),
            "example.org/a/b"
        );
        assert_eq!(title_from_file("python-roadmap"), "Python roadmap");
        assert_eq!(title_from_file(""), "Imported roadmap");
    }
}
