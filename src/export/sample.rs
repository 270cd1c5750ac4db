//! A synthetic roadmap of any size, for the stress tests and benches of the exports: long
//! texts, awkward characters and many phases, so pagination and wrapping get a workout.

use crate::roadmap::{
    FinalProject, Item, MonthRange, Phase, Resource, ResourceKind, Roadmap, TopicGroup,
};

/// A valid roadmap with `items` checklist items spread over phases of about 40 items each and
/// a final project. Item `n`'s text contains `item {n:04}` so tests can look for every one.
pub fn generated_roadmap(items: usize) -> Roadmap {
    let per_phase = 40;
    let project_items = items.min(6);
    let phase_items = items - project_items;
    let phase_count = phase_items.div_ceil(per_phase).max(1);
    let mut next: usize = 0;
    let mut take = |count: usize, prefix: &str| -> Vec<Item> {
        (0..count)
            .map(|_| {
                next += 1;
                let long = if next.is_multiple_of(7) {
                    " — with a much longer explanation that has to wrap over several lines \
                     of the printed page, naïve café Ελληνικά Кириллица, and a URL \
                     https://example.org/a/really/long/path/that/cannot/break/at/spaces"
                } else {
                    ""
                };
                Item {
                    id: format!("{prefix}-item-{next}"),
                    text: format!("Study item {next:04}: topic, “quotes” & dashes –{long}"),
                }
            })
            .collect()
    };
    let mut phases = Vec::new();
    let mut remaining = phase_items;
    for number in 1..=phase_count {
        let count = remaining.min(per_phase);
        remaining -= count;
        let topics = take(count.saturating_sub(count / 4), "p");
        let hands_on = take(count / 4, "h");
        phases.push(Phase {
            id: format!("phase-{number}"),
            number: number as u32,
            title: format!("Generated Phase {number} with a Reasonably Long Title"),
            short_title: Some(format!("Phase {number}")),
            goal: "Learn everything in this generated phase, one week at a time.".to_owned(),
            duration_months: MonthRange { min: 1.0, max: 2.0 },
            optional: number.is_multiple_of(5),
            topic_groups: vec![TopicGroup {
                heading: "Topics".to_owned(),
                topics,
            }],
            hands_on,
            resources: vec![Resource {
                id: format!("phase-{number}-docs"),
                title: format!("Reference for phase {number}"),
                url: format!("https://example.org/phase/{number}"),
                kind: ResourceKind::Docs,
            }],
        });
    }
    let tech_stack = take(project_items / 2, "s");
    let ideas = take(project_items - project_items / 2, "i");
    Roadmap {
        format: crate::roadmap::FORMAT_VERSION,
        id: "generated".to_owned(),
        title: format!("Generated Roadmap of {items} Items"),
        hours_per_week: 10.0,
        phases,
        final_project: Some(FinalProject {
            id: "final".to_owned(),
            title: "Final Project".to_owned(),
            short_title: None,
            duration_months: MonthRange { min: 1.0, max: 2.0 },
            tech_stack_heading: "Tech Stack".to_owned(),
            tech_stack,
            ideas_heading: "Ideas".to_owned(),
            ideas,
        }),
        summary: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn has_the_asked_number_of_items() {
        for n in [1, 7, 40, 1000] {
            assert_eq!(super::generated_roadmap(n).item_count(), n);
        }
    }
}
