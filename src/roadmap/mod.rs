//! The roadmap as data: what a learner studies, in which order, and for how long.
//!
//! This module is pure: it never imports egui, never touches the disk. A roadmap is parsed
//! and validated once, at the edge ([`load`]); everything else in the program sees only a
//! validated [`Roadmap`].

mod excerpt;
mod load;
mod position;
pub mod synthetic;

pub use excerpt::excerpt;
pub(crate) use load::is_web_url;
pub use load::{LoadError, MAX_ROADMAP_BYTES, parse_roadmap, read_roadmap_file};

use serde::{Deserialize, Serialize};

use crate::words::plural;

/// The roadmap compiled into the binary (`roadmap.ron` at the repository root).
pub const EMBEDDED_RON: &str = include_str!("../../roadmap.ron");

/// The name error messages use for the embedded roadmap.
pub const EMBEDDED_NAME: &str = "roadmap.ron (embedded)";

/// The current version of the roadmap format. Files with a higher `format` are refused with a
/// message rather than half-read.
///
/// - Format 1: resources belong to phases only.
/// - Format 2: topics and hands-on items (and final-project items) may carry their own
///   `resources` too, so a link stays with the topic that needs it. Format 1 files are still
///   read; an item with resources in a file that says `format: 1` is refused, because the
///   study-planner versions that read only format 1 would reject the file anyway.
pub const FORMAT_VERSION: u32 = 2;

/// The first format in which items may carry their own resources.
pub const ITEM_RESOURCES_FORMAT: u32 = 2;

/// Parses the embedded roadmap.
///
/// # Panics
/// Never in a released build: `tests/roadmap_embedded.rs` proves the embedded file valid.
#[expect(
    clippy::panic,
    reason = "the embedded roadmap is compiled in and proved valid by tests/roadmap_embedded.rs; no user or file can change it"
)]
pub fn embedded() -> Roadmap {
    match parse_roadmap(EMBEDDED_RON, EMBEDDED_NAME) {
        Ok(roadmap) => roadmap,
        Err(err) => panic!("the embedded roadmap is invalid: {err}"),
    }
}

/// A whole learning roadmap: phases in order, then an optional final project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// Format version of the file, see [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable identifier; the learner's progress is stored under it.
    pub id: String,
    pub title: String,
    /// Weekly study hours the duration estimates assume.
    pub hours_per_week: f32,
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub final_project: Option<FinalProject>,
    #[serde(default)]
    pub summary: Option<Summary>,
}

/// One phase of the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub number: u32,
    pub title: String,
    /// The name used in tables and on the timeline, e.g. "Backend Development".
    #[serde(default)]
    pub short_title: Option<String>,
    pub goal: String,
    pub duration_months: MonthRange,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub topic_groups: Vec<TopicGroup>,
    #[serde(default)]
    pub hands_on: Vec<Item>,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// Topics under one heading, e.g. "Key Backend Technologies".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicGroup {
    pub heading: String,
    pub topics: Vec<Item>,
}

/// Something a learner can tick: a topic, a hands-on exercise, a final-project item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Material for this item alone (format 2): shown under the item, and printed on the week
    /// that studies it rather than with the whole phase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
}

/// A link to learning material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: ResourceKind,
}

/// What sort of material a resource is; shown as a small label beside the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResourceKind {
    Docs,
    Book,
    Guide,
    Tutorial,
    Course,
    Video,
    Article,
    Reference,
}

impl ResourceKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Docs => "docs",
            Self::Book => "book",
            Self::Guide => "guide",
            Self::Tutorial => "tutorial",
            Self::Course => "course",
            Self::Video => "video",
            Self::Article => "article",
            Self::Reference => "reference",
        }
    }
}

/// An estimate in months, from `min` to `max` inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthRange {
    pub min: f32,
    pub max: f32,
}

impl MonthRange {
    pub fn mid(self) -> f32 {
        (self.min + self.max) / 2.0
    }
}

impl std::ops::Add for MonthRange {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            min: self.min + other.min,
            max: self.max + other.max,
        }
    }
}

impl std::fmt::Display for MonthRange {
    /// "1–2 months", "1 month", "1.5–2 months".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = if self.max == 1.0 { "month" } else { "months" };
        if self.min == self.max {
            write!(f, "{} {unit}", format_number(self.min))
        } else {
            write!(
                f,
                "{}–{} {unit}",
                format_number(self.min),
                format_number(self.max)
            )
        }
    }
}

/// `2` rather than `2.0`, `1.5` stays `1.5`.
pub fn format_number(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// The capstone project after the phases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalProject {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    pub duration_months: MonthRange,
    #[serde(default = "default_tech_stack_heading")]
    pub tech_stack_heading: String,
    #[serde(default)]
    pub tech_stack: Vec<Item>,
    #[serde(default = "default_ideas_heading")]
    pub ideas_heading: String,
    #[serde(default)]
    pub ideas: Vec<Item>,
    /// Whether the ideas are alternatives: the learner picks one, and the ideas count as one
    /// checklist entry ([`FinalProject::checklist`]). `true` unless the roadmap says
    /// `ideas_are_alternatives: false` (then every idea is an item to do, as tech stack is).
    #[serde(
        default = "default_ideas_are_alternatives",
        skip_serializing_if = "is_true"
    )]
    pub ideas_are_alternatives: bool,
    /// The entry "Choose a project idea" that stands for the ideas until one is chosen.
    #[serde(skip)]
    pub choice_slot: ChoiceSlot,
}

/// The checklist entry that stands for a final project's alternative ideas: its id is the
/// final project's own id (unique among every id of the roadmap, so it never meets an item's
/// tick), its text "Choose a project idea". Made on first use; never compared.
#[derive(Clone, Debug, Default)]
pub struct ChoiceSlot(std::sync::OnceLock<Item>);

impl PartialEq for ChoiceSlot {
    /// Derived from the project's id, so two projects equal in their fields are equal.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The text of the entry that stands for the ideas before the learner chooses one.
pub const CHOOSE_IDEA_TEXT: &str = "Choose a project idea";

fn default_ideas_are_alternatives() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn default_tech_stack_heading() -> String {
    "Tech Stack".to_owned()
}

fn default_ideas_heading() -> String {
    "Project Ideas".to_owned()
}

/// The closing summary of the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub heading: String,
    pub points: Vec<String>,
}

/// What kind of checklist item an [`ItemRef`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    Topic,
    HandsOn,
    TechStack,
    ProjectIdea,
    /// "Choose a project idea": the final project's alternative ideas before one is chosen.
    ChooseIdea,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Topic => "topic",
            Self::HandsOn => "hands-on",
            Self::TechStack => "tech stack",
            Self::ProjectIdea => "project idea",
            Self::ChooseIdea => "project idea choice",
        }
    }
}

/// A checklist item with what it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct ItemRef<'a> {
    pub item: &'a Item,
    pub kind: ItemKind,
}

/// A block of study time: one phase, or the final project. The schedule, the week plan and the
/// exports walk stages so they need not special-case the final project.
#[derive(Clone, Debug)]
pub struct Stage<'a> {
    pub id: &'a str,
    /// Phase number; `None` for the final project.
    pub number: Option<u32>,
    pub title: &'a str,
    pub short_title: &'a str,
    pub duration_months: MonthRange,
    pub optional: bool,
    /// Checklist entries in study order: topics, then hands-on (phases); stack, then ideas
    /// (project) — or, when the ideas are alternatives, one entry for them
    /// ([`FinalProject::checklist`]). These are what progress counts.
    pub items: Vec<ItemRef<'a>>,
}

impl Stage<'_> {
    /// "Phase 2: Backend Development with Python" or "Final Project: …".
    pub fn heading(&self) -> String {
        match self.number {
            Some(n) => format!("Phase {n}: {}", self.title),
            None => format!("Final Project: {}", self.title),
        }
    }
}

impl Phase {
    pub fn short_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// Checklist items in study order: every topic, then the hands-on items.
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        let topics = self.topic_groups.iter().flat_map(|group| {
            group.topics.iter().map(|item| ItemRef {
                item,
                kind: ItemKind::Topic,
            })
        });
        let hands_on = self.hands_on.iter().map(|item| ItemRef {
            item,
            kind: ItemKind::HandsOn,
        });
        topics.chain(hands_on)
    }
}

impl FinalProject {
    pub fn short_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// Every item the project lists: the stack, then every idea (for find and links).
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        let stack = self.tech_stack.iter().map(|item| ItemRef {
            item,
            kind: ItemKind::TechStack,
        });
        stack.chain(self.idea_refs())
    }

    fn idea_refs(&self) -> impl Iterator<Item = ItemRef<'_>> {
        self.ideas.iter().map(|item| ItemRef {
            item,
            kind: ItemKind::ProjectIdea,
        })
    }

    /// Whether the learner picks one idea (and there are ideas to pick from).
    pub fn has_choice(&self) -> bool {
        self.ideas_are_alternatives && !self.ideas.is_empty()
    }

    /// What progress counts: the stack, then the ideas — or, when they are alternatives, one
    /// entry for them ([`Self::choice_slot`]); the joined plan (`crate::plan`) puts the
    /// learner's chosen idea in its place.
    pub fn checklist(&self) -> Vec<ItemRef<'_>> {
        let stack = self.tech_stack.iter().map(|item| ItemRef {
            item,
            kind: ItemKind::TechStack,
        });
        if self.has_choice() {
            stack.chain(std::iter::once(self.choice_slot())).collect()
        } else {
            stack.chain(self.idea_refs()).collect()
        }
    }

    /// The entry "Choose a project idea", whose id is the project's own.
    pub fn choice_slot(&self) -> ItemRef<'_> {
        let item = self.choice_slot.0.get_or_init(|| Item {
            id: self.id.clone(),
            text: CHOOSE_IDEA_TEXT.to_owned(),
            resources: Vec::new(),
        });
        ItemRef {
            item,
            kind: ItemKind::ChooseIdea,
        }
    }

    /// The idea with this id, if it is one of this project's.
    pub fn idea(&self, id: &str) -> Option<&Item> {
        self.ideas.iter().find(|idea| idea.id == id)
    }
}

impl Roadmap {
    /// Every stage in order: the phases, then the final project if there is one.
    pub fn stages(&self) -> Vec<Stage<'_>> {
        let phases = self.phases.iter().map(|phase| Stage {
            id: &phase.id,
            number: Some(phase.number),
            title: &phase.title,
            short_title: phase.short_title(),
            duration_months: phase.duration_months,
            optional: phase.optional,
            items: phase.items().collect(),
        });
        let project = self.final_project.iter().map(|project| Stage {
            id: &project.id,
            number: None,
            title: &project.title,
            short_title: project.short_title(),
            duration_months: project.duration_months,
            optional: false,
            items: project.checklist(),
        });
        phases.chain(project).collect()
    }

    /// Every item the roadmap lists, in study order (every project idea too: for find and
    /// links; what progress counts is [`Self::stages`]' items).
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        let phases = self.phases.iter().flat_map(Phase::items);
        let project = self.final_project.iter().flat_map(FinalProject::items);
        phases.chain(project)
    }

    /// Checklist entries progress counts: alternative project ideas count as one.
    pub fn item_count(&self) -> usize {
        let phases: usize = self.phases.iter().map(|p| p.items().count()).sum();
        phases
            + self
                .final_project
                .as_ref()
                .map_or(0, |project| project.checklist().len())
    }

    /// Every link: the phases' own and their items'.
    pub fn resource_count(&self) -> usize {
        let phases: usize = self.phases.iter().map(|p| p.resources.len()).sum();
        let items: usize = self.items().map(|i| i.item.resources.len()).sum();
        phases + items
    }

    /// The whole estimate: every phase and the final project.
    pub fn total_months(&self) -> MonthRange {
        self.stages()
            .iter()
            .map(|s| s.duration_months)
            .fold(MonthRange { min: 0.0, max: 0.0 }, |a, b| a + b)
    }

    /// The estimate without the optional phases.
    pub fn required_months(&self) -> MonthRange {
        self.stages()
            .iter()
            .filter(|s| !s.optional)
            .map(|s| s.duration_months)
            .fold(MonthRange { min: 0.0, max: 0.0 }, |a, b| a + b)
    }

    /// "10–17 months; 7–12 without optional phases" (the second half only when it differs).
    pub fn estimate_text(&self) -> String {
        let total = self.total_months();
        let required = self.required_months();
        if total == required {
            total.to_string()
        } else {
            let (min, max) = (format_number(required.min), format_number(required.max));
            let range = if min == max {
                min
            } else {
                format!("{min}–{max}")
            };
            format!("{total}; {range} without optional phases")
        }
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// Which format the file uses and what that means, for `study-planner check`.
    pub fn format_text(&self) -> String {
        let on_items: usize = self.items().map(|i| i.item.resources.len()).sum();
        if self.format < ITEM_RESOURCES_FORMAT {
            format!(
                "format {}: resources belong to phases; with `format: {ITEM_RESOURCES_FORMAT}` \
                 topics and exercises can carry their own (docs/roadmap-format.md)",
                self.format
            )
        } else {
            format!(
                "format {}: resources on phases and on items ({} on items)",
                self.format,
                plural(on_items, "resource")
            )
        }
    }

    /// One line for `study-planner check`: phases, items, duration range.
    pub fn summary_line(&self) -> String {
        let optional = self.phases.iter().filter(|p| p.optional).count();
        format!(
            "{}: {} ({optional} optional){}, {}, {}, {}",
            self.title,
            plural(self.phases.len(), "phase"),
            if self.final_project.is_some() {
                " + final project"
            } else {
                ""
            },
            plural(self.item_count(), "checklist item"),
            plural(self.resource_count(), "resource"),
            self.estimate_text()
        ) + &self.choice_text()
    }

    /// " (1 of 3 project ideas to choose)" when the final project's ideas are alternatives.
    fn choice_text(&self) -> String {
        match &self.final_project {
            Some(project) if project.has_choice() => {
                format!(
                    "; the final project's {} count as one item (the learner chooses one)",
                    plural(project.ideas.len(), "idea")
                )
            }
            _ => String::new(),
        }
    }
}
