//! Generated roadmaps of any size, for benchmarks and for tests that need a long roadmap
//! (1,000 items flowing over PDF pages, a week plan of years).
//!
//! Deterministic: the same `items` always gives the same roadmap, so benchmark runs compare.
//! The shape follows the embedded roadmap: numbered phases (every fourth one optional) with
//! topic groups, hands-on items and resources, then a final project. Texts vary in length, as
//! real ones do, so wrapping and page breaks are exercised. The result passes the loader's
//! validation, including after a round trip through RON.

use super::{
    FORMAT_VERSION, FinalProject, Item, MonthRange, Phase, Resource, ResourceKind, Roadmap,
    Summary, TopicGroup,
};

/// Checklist items per phase (the last phase takes what is left).
const ITEMS_PER_PHASE: usize = 50;
/// Topics per topic group.
const TOPICS_PER_GROUP: usize = 10;
/// Of every ten items in a phase, this many are hands-on; the rest are topics.
const HANDS_ON_PER_TEN: usize = 2;

/// Words the item texts are made of; a text takes 3 to 17 of them.
const WORDS: [&str; 16] = [
    "understand",
    "practise",
    "data",
    "models",
    "with",
    "tests",
    "and",
    "deploy",
    "a",
    "small",
    "service",
    "using",
    "async",
    "queues",
    "for",
    "reports",
];

/// A valid roadmap with exactly `items` checklist items (topics, hands-on items, tech stack and
/// project ideas together). `roadmap(1000).item_count() == 1000`.
pub fn roadmap(items: usize) -> Roadmap {
    // The final project takes one item in twenty (at most 20); the phases share the rest.
    let project_items = (items / 20).min(20);
    let phase_items = items - project_items;
    let phase_count = phase_items.div_ceil(ITEMS_PER_PHASE).max(1);
    let phases = (0..phase_count)
        .map(|index| {
            let first = index * ITEMS_PER_PHASE;
            let count = phase_items.saturating_sub(first).min(ITEMS_PER_PHASE);
            phase(index, count)
        })
        .collect();
    Roadmap {
        format: FORMAT_VERSION,
        id: format!("synthetic-{items}"),
        title: format!("Synthetic roadmap of {items} items"),
        hours_per_week: 10.0,
        phases,
        final_project: Some(final_project(project_items)),
        summary: Some(Summary {
            heading: "Generated for benchmarks and tests".to_owned(),
            points: vec![
                "Every text is made up.".to_owned(),
                "Sizes and shapes follow the embedded roadmap.".to_owned(),
            ],
        }),
    }
}

/// The lengths of a generated roadmap's lists, for tests that vary them one by one (a phase
/// with 300 links, a final project with no ideas, a goal of a page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub phases: usize,
    /// Topics of each phase.
    pub topics: usize,
    /// Hands-on items of each phase.
    pub hands_on: usize,
    /// Resources of each phase.
    pub resources: usize,
    /// Words of each phase's goal (at least a few are always there).
    pub goal_words: usize,
    pub tech_stack: usize,
    pub ideas: usize,
}

/// A valid roadmap with the list lengths of `shape` (at least one phase).
pub fn shaped(shape: &Shape) -> Roadmap {
    let phases = (0..shape.phases.max(1))
        .map(|index| {
            let mut phase = phase_of(index, shape.topics, shape.hands_on, shape.resources);
            if shape.goal_words > 0 {
                let words: Vec<&str> = (0..shape.goal_words)
                    .map(|w| WORDS[(index * 5 + w * 7) % WORDS.len()])
                    .collect();
                phase.goal = format!("Goal of phase {}: {}.", index + 1, words.join(" "));
            }
            phase
        })
        .collect();
    let stack = (0..shape.tech_stack).map(|i| item(&format!("fp-stack-{}", i + 1), i + 3));
    let ideas = (0..shape.ideas).map(|i| item(&format!("fp-idea-{}", i + 1), i + 7));
    let mut project = final_project(0);
    project.tech_stack = stack.collect();
    project.ideas = ideas.collect();
    Roadmap {
        format: FORMAT_VERSION,
        id: "synthetic-shaped".to_owned(),
        title: "Synthetic roadmap of a given shape".to_owned(),
        hours_per_week: 10.0,
        phases,
        final_project: Some(project),
        summary: None,
    }
}

/// Phases, topics and topic links of [`real_shaped`]: the size of a large real roadmap
/// (roadmap.sh's biggest, several merged), for the performance budget of issue 16.
pub const REAL_SHAPED_PHASES: usize = 150;
pub const REAL_SHAPED_TOPICS: usize = 1000;
pub const REAL_SHAPED_TOPIC_RESOURCES: usize = 3000;

/// A roadmap shaped like big real ones: [`REAL_SHAPED_PHASES`] phases sharing
/// [`REAL_SHAPED_TOPICS`] topics unevenly (4 to 10 a phase, in groups of up to 5), each topic
/// with its own links ([`REAL_SHAPED_TOPIC_RESOURCES`] in all, format 2), two hands-on items
/// and one phase-level link per phase, and a final project. Deterministic and valid.
pub fn real_shaped() -> Roadmap {
    let mut topics_left = REAL_SHAPED_TOPICS;
    let mut phases = Vec::with_capacity(REAL_SHAPED_PHASES);
    for index in 0..REAL_SHAPED_PHASES {
        let phases_left = REAL_SHAPED_PHASES - index;
        // 4 to 10 topics, but never leave later phases fewer than 4 each or more than 10.
        let wanted = 4 + (index * 5) % 7;
        let low = topics_left.saturating_sub(10 * (phases_left - 1));
        let high = topics_left.saturating_sub(4 * (phases_left - 1));
        let topics = wanted.clamp(low.min(high), high);
        topics_left -= topics;
        let mut phase = phase_of(index, topics, 2, 1);
        // The same topics, in groups of up to 5, each with its own links.
        let all: Vec<Item> = std::mem::take(&mut phase.topic_groups)
            .into_iter()
            .flat_map(|group| group.topics)
            .map(with_topic_links)
            .collect();
        phase.topic_groups = all
            .chunks(5)
            .enumerate()
            .map(|(group, topics)| TopicGroup {
                heading: format!("Topic group {}.{}", index + 1, group + 1),
                topics: topics.to_vec(),
            })
            .collect();
        phases.push(phase);
    }
    Roadmap {
        format: FORMAT_VERSION,
        id: "synthetic-real-shaped".to_owned(),
        title: "Synthetic roadmap shaped like a big real one".to_owned(),
        hours_per_week: 10.0,
        phases,
        final_project: Some(final_project(6)),
        summary: Some(Summary {
            heading: "Generated for benchmarks".to_owned(),
            points: vec!["Every text is made up.".to_owned()],
        }),
    }
}

/// A topic of [`real_shaped`] with its links: three a topic, of varying kinds.
fn with_topic_links(mut topic: Item) -> Item {
    let kinds = [
        ResourceKind::Docs,
        ResourceKind::Video,
        ResourceKind::Article,
    ];
    let per_topic = REAL_SHAPED_TOPIC_RESOURCES / REAL_SHAPED_TOPICS;
    topic.resources = (0..per_topic)
        .map(|r| Resource {
            id: format!("{}-r{}", topic.id, r + 1),
            title: format!("{} link {}", topic.id, r + 1),
            url: format!("https://example.org/{}/{}", topic.id, r + 1),
            kind: kinds[r % kinds.len()],
        })
        .collect();
    topic
}

fn phase(index: usize, items: usize) -> Phase {
    let hands_on_count = items * HANDS_ON_PER_TEN / 10;
    phase_of(index, items - hands_on_count, hands_on_count, 3)
}

fn phase_of(index: usize, topic_count: usize, hands_on_count: usize, resources: usize) -> Phase {
    let number = index + 1;
    let items = topic_count + hands_on_count;
    let topic_groups = (0..topic_count.div_ceil(TOPICS_PER_GROUP))
        .map(|group| TopicGroup {
            heading: format!("Topic group {number}.{}", group + 1),
            topics: (group * TOPICS_PER_GROUP..topic_count.min((group + 1) * TOPICS_PER_GROUP))
                .map(|topic| item(&format!("p{number}-t{}", topic + 1), number * 31 + topic))
                .collect(),
        })
        .collect();
    let hands_on = (0..hands_on_count)
        .map(|task| item(&format!("p{number}-h{}", task + 1), number * 17 + task + 5))
        .collect();
    let kinds = [
        ResourceKind::Docs,
        ResourceKind::Book,
        ResourceKind::Tutorial,
    ];
    let resources = (0..resources)
        .map(|r| Resource {
            id: format!("p{number}-r{}", r + 1),
            title: format!("Resource {} for phase {number}", r + 1),
            url: format!("https://example.org/phase-{number}/resource-{}", r + 1),
            kind: kinds[r % kinds.len()],
        })
        .collect();
    // 0.5 to 2 months, varying, so paces and week spreads differ between phases.
    let min = 0.5 + (index % 3) as f32 * 0.5;
    Phase {
        id: format!("phase-{number}"),
        number: number as u32,
        title: format!("Phase {number} of the synthetic roadmap"),
        short_title: Some(format!("Synthetic {number}")),
        goal: format!("Finish the {items} items of phase {number}."),
        duration_months: MonthRange {
            min,
            max: min + 0.5,
        },
        optional: number.is_multiple_of(4),
        topic_groups,
        hands_on,
        resources,
    }
}

fn final_project(items: usize) -> FinalProject {
    let stack = items / 2;
    FinalProject {
        id: "final-project".to_owned(),
        title: "Synthetic final project".to_owned(),
        short_title: Some("Final project".to_owned()),
        duration_months: MonthRange { min: 1.0, max: 2.0 },
        tech_stack_heading: "Tech Stack".to_owned(),
        tech_stack: (0..stack)
            .map(|i| item(&format!("fp-stack-{}", i + 1), i + 3))
            .collect(),
        ideas_heading: "Project Ideas".to_owned(),
        ideas: (stack..items)
            .map(|i| item(&format!("fp-idea-{}", i + 1), i + 7))
            .collect(),
        // Every generated item counts, so `roadmap(n).item_count() == n`.
        ideas_are_alternatives: false,
        choice_slot: Default::default(),
    }
}

/// An item whose text length depends on `seed`: 3 to 17 words, and every seventh one a long
/// tail with curly quotes, dashes, non-Latin text and an unbreakable URL, so wrapping and page
/// breaks get a workout.
fn item(id: &str, seed: usize) -> Item {
    let words = 3 + seed % 15;
    let text: Vec<&str> = (0..words)
        .map(|w| WORDS[(seed * 7 + w * 3) % WORDS.len()])
        .collect();
    let tail = if seed.is_multiple_of(7) {
        " — with a “longer” explanation that has to wrap over several lines, naïve café, \
         Ελληνικά, Кириллица, and https://example.org/a/really/long/path/that/cannot/break"
    } else {
        ""
    };
    Item {
        id: id.to_owned(),
        text: format!("{id}: {}{tail}", text.join(" ")),
        resources: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::roadmap;
    use crate::roadmap::parse_roadmap;

    #[test]
    fn holds_exactly_the_items_asked_for() {
        for items in [0, 1, 7, 49, 50, 51, 999, 1000, 5000] {
            assert_eq!(roadmap(items).item_count(), items, "{items} items");
        }
    }

    #[test]
    fn passes_validation_after_a_round_trip_through_ron() {
        for items in [0, 10, 1000] {
            let generated = roadmap(items);
            let text = ron::ser::to_string_pretty(&generated, ron::ser::PrettyConfig::default())
                .expect("a roadmap serializes");
            let parsed = parse_roadmap(&text, "synthetic.ron")
                .unwrap_or_else(|err| panic!("{items} items: {err}"));
            assert_eq!(parsed, generated);
        }
    }

    #[test]
    fn a_shape_gives_its_list_lengths_and_stays_valid() {
        let shape = super::Shape {
            phases: 3,
            topics: 12,
            hands_on: 0,
            resources: 28,
            goal_words: 40,
            tech_stack: 2,
            ideas: 0,
        };
        let generated = super::shaped(&shape);
        assert_eq!(generated.phases.len(), 3);
        assert_eq!(generated.phases[1].resources.len(), 28);
        assert_eq!(generated.item_count(), 3 * 12 + 2);
        let text = ron::ser::to_string_pretty(&generated, ron::ser::PrettyConfig::default())
            .expect("a roadmap serializes");
        assert!(parse_roadmap(&text, "shaped.ron").is_ok());
    }

    #[test]
    fn real_shaped_has_the_sizes_it_promises_and_loads() {
        let generated = super::real_shaped();
        assert_eq!(generated.phases.len(), super::REAL_SHAPED_PHASES);
        let topics: Vec<_> = generated
            .phases
            .iter()
            .flat_map(|p| p.topic_groups.iter().flat_map(|g| g.topics.iter()))
            .collect();
        assert_eq!(topics.len(), super::REAL_SHAPED_TOPICS);
        let sizes: std::collections::BTreeSet<usize> = generated
            .phases
            .iter()
            .map(|p| p.topic_groups.iter().map(|g| g.topics.len()).sum())
            .collect();
        assert!(
            sizes.len() >= 5,
            "topics spread unevenly, as in real roadmaps: {sizes:?}"
        );
        let topic_links: usize = topics.iter().map(|t| t.resources.len()).sum();
        assert_eq!(topic_links, super::REAL_SHAPED_TOPIC_RESOURCES);
        assert!(generated.phases.iter().all(|p| {
            (4..=10).contains(&p.topic_groups.iter().map(|g| g.topics.len()).sum::<usize>())
        }));
        let text = ron::ser::to_string_pretty(&generated, ron::ser::PrettyConfig::default())
            .expect("a roadmap serializes");
        let parsed = parse_roadmap(&text, "real-shaped.ron")
            .unwrap_or_else(|err| panic!("real-shaped: {err}"));
        assert_eq!(parsed, generated);
    }

    #[test]
    fn is_the_same_every_time() {
        assert_eq!(roadmap(300), roadmap(300));
    }

    #[test]
    fn a_thousand_items_make_twenty_phases_with_optional_ones() {
        let generated = roadmap(1000);
        assert_eq!(generated.phases.len(), 20);
        assert_eq!(generated.phases.iter().filter(|p| p.optional).count(), 5);
    }
}
