//! Find: which cards, checklist items and resources match what the learner typed in the find
//! box and the state filter, and where in a text the matches are (for highlighting).
//!
//! Pure logic over the roadmap and the learner's data; no egui. The views ask it what to show.
//!
//! Matching rules, chosen so a learner finds things the way they think of them:
//! - the query is split on whitespace into terms; every term must match (AND), in any order;
//! - matching ignores case and is a plain substring search (no regex, no fuzziness);
//! - a term may match anywhere in an item's *scope*: its own text and note, or the heading
//!   texts of the card it sits on (phase title, topic headings, the learner's stage note). So
//!   "backend orm" finds the ORM item of the backend phase, and a query that names a phase
//!   shows the whole phase. A match in a phase's goal (prose) shows the card, not every item;
//! - the state filter applies to checklist items only; a card stays visible while any of its
//!   items passes.

use std::ops::Range;

use crate::progress::{ItemState, RoadmapProgress};
use crate::roadmap::{FinalProject, Item, ItemKind, Phase, Resource, Roadmap, Stage, Summary};

/// Terms beyond this many are ignored (each term is one bit in [`TermHits`]).
const MAX_TERMS: usize = 32;

/// Which checklist items to show, by state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StateFilter {
    #[default]
    All,
    /// Hide done and skipped items: what is left to study.
    HideComplete,
    /// Only what the learner is working on now.
    OnlyInProgress,
}

impl StateFilter {
    pub const ALL: [Self; 3] = [Self::All, Self::HideComplete, Self::OnlyInProgress];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All items",
            Self::HideComplete => "Hide done and skipped",
            Self::OnlyInProgress => "Only in progress",
        }
    }

    pub fn allows(self, state: ItemState) -> bool {
        match self {
            Self::All => true,
            Self::HideComplete => !state.is_complete(),
            Self::OnlyInProgress => state == ItemState::InProgress,
        }
    }
}

/// The set of query terms found so far in some scope, one bit per term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TermHits(u32);

impl TermHits {
    fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// Whether a card is shown, and which terms its own text (not its items) already matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardMatch {
    pub visible: bool,
    /// Terms found in the card's heading texts; items and resources on the card inherit them.
    pub hits: TermHits,
}

/// The find box's query and the state filter, ready to match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Lower-cased terms, at most [`MAX_TERMS`].
    terms: Vec<String>,
    states: StateFilter,
}

impl Filter {
    pub fn new(query: &str, states: StateFilter) -> Self {
        let terms = query
            .split_whitespace()
            .map(str::to_lowercase)
            .take(MAX_TERMS)
            .collect();
        Self { terms, states }
    }

    /// Whether anything is filtered at all (no query and "all items" shows everything).
    pub fn is_active(&self) -> bool {
        self.has_text() || self.states != StateFilter::All
    }

    /// Whether the learner typed a query (so matches are highlighted).
    pub fn has_text(&self) -> bool {
        !self.terms.is_empty()
    }

    /// Every term was found.
    fn complete(&self, hits: TermHits) -> bool {
        let all = if self.terms.len() >= 32 {
            u32::MAX
        } else {
            (1_u32 << self.terms.len()) - 1
        };
        hits.0 & all == all
    }

    /// The terms that occur (ignoring case) in any of `texts`.
    pub fn hits<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> TermHits {
        let mut hits = TermHits::default();
        for text in texts {
            let text = text.to_lowercase();
            for (index, term) in self.terms.iter().enumerate() {
                if text.contains(term.as_str()) {
                    hits.0 |= 1 << index;
                }
            }
        }
        hits
    }

    /// Whether a checklist item is shown on a card (or week) whose heading matched `card_hits`.
    pub fn item_visible(&self, item: &Item, data: &RoadmapProgress, card_hits: TermHits) -> bool {
        self.states.allows(data.state(&item.id)) && self.item_text_matches(item, data, card_hits)
    }

    fn item_text_matches(&self, item: &Item, data: &RoadmapProgress, card_hits: TermHits) -> bool {
        !self.has_text()
            || self.complete(
                card_hits.union(
                    self.hits(
                        [item.text.as_str(), data.note(&item.id)]
                            .into_iter()
                            .chain(item.resources.iter().map(|r| r.title.as_str())),
                    ),
                ),
            )
    }

    /// Whether a resource link is shown on a card whose heading matched `card_hits`. Resources
    /// have no state, so only the query applies.
    pub fn resource_visible(&self, resource: &Resource, card_hits: TermHits) -> bool {
        !self.has_text()
            || self.complete(card_hits.union(self.hits([
                resource.title.as_str(),
                resource.url.as_str(),
                resource.kind.label(),
            ])))
    }

    /// A phase card: shown when its heading texts match, or any of its items or resources does.
    pub fn phase(&self, phase: &Phase, data: &RoadmapProgress) -> CardMatch {
        let headings = phase
            .topic_groups
            .iter()
            .map(|group| group.heading.as_str());
        let hits = self.hits(
            [phase.title.as_str(), phase.short_title()]
                .into_iter()
                .chain(headings),
        );
        // The goal and the learner's note are prose: a word in them shows the card (and the
        // text, highlighted) but does not make every item on it a match, as the title or a
        // topic heading does.
        let goal_hit =
            self.complete(hits.union(self.hits([phase.goal.as_str(), data.stage_note(&phase.id)])));
        let items: Vec<&Item> = phase.items().map(|item_ref| item_ref.item).collect();
        let resource_hit = phase
            .resources
            .iter()
            .any(|resource| self.resource_visible(resource, hits));
        self.card(hits, &items, data, goal_hit || resource_hit)
    }

    /// The final project card.
    pub fn project(&self, project: &FinalProject, data: &RoadmapProgress) -> CardMatch {
        let hits = self.hits([
            project.title.as_str(),
            project.short_title(),
            project.tech_stack_heading.as_str(),
            project.ideas_heading.as_str(),
        ]);
        let note_hit = self.note_matches(hits, data.stage_note(&project.id));
        let items: Vec<&Item> = project.items().map(|item_ref| item_ref.item).collect();
        self.card(hits, &items, data, note_hit)
    }

    /// A stage as the week plan shows it (its title as its heading; a match in the learner's
    /// stage note shows the stage but none of its items).
    pub fn stage(&self, stage: &Stage<'_>, data: &RoadmapProgress) -> CardMatch {
        let hits = self.hits([stage.title, stage.short_title]);
        let note_hit = self.note_matches(hits, data.stage_note(stage.id));
        let items: Vec<&Item> = stage.items.iter().map(|item_ref| item_ref.item).collect();
        self.card(hits, &items, data, note_hit)
    }

    /// Whether the query is found in a stage's `note` (with what its heading already
    /// matched): the view then shows the note, highlighted.
    pub fn note_matches(&self, heading_hits: TermHits, note: &str) -> bool {
        self.has_text() && !note.is_empty() && self.complete(heading_hits.union(self.hits([note])))
    }

    /// The summary card has no checklist: it shows when nothing filters by state and the
    /// query (if any) matches its text.
    pub fn summary_visible(&self, summary: &Summary) -> bool {
        if self.states != StateFilter::All {
            return false;
        }
        let texts = std::iter::once(summary.heading.as_str())
            .chain(summary.points.iter().map(String::as_str));
        !self.has_text() || self.complete(self.hits(texts))
    }

    fn card(
        &self,
        hits: TermHits,
        items: &[&Item],
        data: &RoadmapProgress,
        other_hit: bool,
    ) -> CardMatch {
        let any_item = items.iter().any(|item| self.item_visible(item, data, hits));
        let visible = match (self.has_text(), self.states) {
            (false, StateFilter::All) => true,
            (false, _) => any_item,
            (true, StateFilter::All) => self.complete(hits) || any_item || other_hit,
            // A state filter with a query: the card must have an item passing both, except
            // that a matched heading with no passing item still hides the card (nothing to do).
            (true, _) => any_item,
        };
        CardMatch { visible, hits }
    }

    /// How many of the checklist entries progress counts the filter shows on the cards, and
    /// how many there are: `counted` is each stage as progress counts it (the plan's stages,
    /// with the chosen project idea in place of "Choose a project idea"), so the total is the
    /// progress total. The entry for alternative ideas not yet chosen is shown while any idea
    /// is (the card then lists the choice), and counts once.
    pub fn count_items(
        &self,
        roadmap: &Roadmap,
        counted: &[Stage<'_>],
        data: &RoadmapProgress,
    ) -> (usize, usize) {
        let mut shown = 0;
        for stage in counted {
            let (card, ideas) = if let Some(phase) = roadmap.phase(stage.id) {
                (self.phase(phase, data), &[][..])
            } else if let Some(project) = roadmap
                .final_project
                .as_ref()
                .filter(|project| project.id == stage.id)
            {
                (self.project(project, data), project.ideas.as_slice())
            } else {
                continue;
            };
            if !card.visible {
                continue;
            }
            shown += stage
                .items
                .iter()
                .filter(|entry| match entry.kind {
                    ItemKind::ChooseIdea => ideas
                        .iter()
                        .any(|idea| self.item_visible(idea, data, card.hits)),
                    _ => self.item_visible(entry.item, data, card.hits),
                })
                .count();
        }
        let total = counted.iter().map(|stage| stage.items.len()).sum();
        (shown, total)
    }

    /// The byte ranges of `text` that match any term, sorted and merged, for highlighting.
    /// Ranges always fall on `char` boundaries.
    pub fn highlight_ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            let mut search_from = 0;
            while let Some(range) = find_ignoring_case(text, term, search_from) {
                search_from = range.end.max(search_from + 1);
                ranges.push(range);
                if search_from >= text.len() {
                    break;
                }
            }
        }
        ranges.sort_by_key(|range| range.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// The first occurrence of the lower-case `term` in `text` at or after byte `from` (a char
/// boundary), comparing char by char after lower-casing, so that byte offsets stay those of
/// the original text even where lower-casing changes a character's length.
fn find_ignoring_case(text: &str, term: &str, from: usize) -> Option<Range<usize>> {
    let tail = text.get(from..)?;
    for (offset, _) in tail.char_indices() {
        let start = from + offset;
        let mut candidate = text[start..].char_indices().flat_map(|(index, c)| {
            let end = start + index + c.len_utf8();
            c.to_lowercase().map(move |lower| (lower, end))
        });
        let mut end = start;
        let mut matched = true;
        for wanted in term.chars() {
            match candidate.next() {
                Some((lower, char_end)) if lower == wanted => end = char_end,
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        if matched && end > start {
            return Some(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("the test names a real date")
    }

    fn backend() -> Phase {
        let roadmap = roadmap::embedded();
        roadmap
            .phases
            .into_iter()
            .find(|phase| phase.title.contains("Backend"))
            .expect("the embedded roadmap has a backend phase")
    }

    fn item<'a>(phase: &'a Phase, text: &str) -> &'a Item {
        phase
            .items()
            .map(|item_ref| item_ref.item)
            .find(|item| item.text.contains(text))
            .expect("the phase has that item")
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        let filter = Filter::new("   ", StateFilter::All);
        assert!(!filter.is_active());
        let phase = backend();
        let data = RoadmapProgress::default();
        let card = filter.phase(&phase, &data);
        assert!(card.visible);
        assert!(
            phase
                .items()
                .all(|r| filter.item_visible(r.item, &data, card.hits))
        );
        assert!(filter.highlight_ranges("anything").is_empty());
    }

    #[test]
    fn terms_match_ignoring_case_and_order_across_the_card_and_the_item() {
        let phase = backend();
        let data = RoadmapProgress::default();
        let orm = item(&phase, "SQLAlchemy");
        let filter = Filter::new("sqlalchemy BACKEND", StateFilter::All);
        let card = filter.phase(&phase, &data);
        assert!(card.visible);
        assert!(filter.item_visible(orm, &data, card.hits));
        // Another item of the same phase lacks "sqlalchemy".
        let other = phase
            .items()
            .map(|r| r.item)
            .find(|i| !i.text.to_lowercase().contains("sqlalchemy"))
            .expect("an item without SQLAlchemy");
        assert!(!filter.item_visible(other, &data, card.hits));
    }

    #[test]
    fn a_query_naming_the_phase_shows_all_its_items_and_no_other_phase() {
        let roadmap = roadmap::embedded();
        let data = RoadmapProgress::default();
        let phase = backend();
        let filter = Filter::new(&phase.title, StateFilter::All);
        let card = filter.phase(&phase, &data);
        assert!(
            phase
                .items()
                .all(|r| filter.item_visible(r.item, &data, card.hits))
        );
        let visible: Vec<&str> = roadmap
            .phases
            .iter()
            .filter(|p| filter.phase(p, &data).visible)
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(visible, [phase.title.as_str()]);
    }

    #[test]
    fn a_word_in_the_goal_shows_the_card_but_not_every_item() {
        let phase = backend();
        let data = RoadmapProgress::default();
        let filter = Filter::new("real-time", StateFilter::All);
        assert!(phase.goal.contains("real-time"));
        let card = filter.phase(&phase, &data);
        assert!(card.visible);
        assert!(
            !phase
                .items()
                .any(|r| filter.item_visible(r.item, &data, card.hits))
        );
    }

    #[test]
    fn notes_and_resources_are_searched() {
        let phase = backend();
        let mut data = RoadmapProgress::default();
        let orm = item(&phase, "SQLAlchemy");
        data.set_note(&orm.id, "ask Priya about migrations");
        let filter = Filter::new("priya", StateFilter::All);
        let card = filter.phase(&phase, &data);
        assert!(card.visible);
        assert!(filter.item_visible(orm, &data, card.hits));
        assert_eq!(
            phase
                .items()
                .filter(|r| filter.item_visible(r.item, &data, card.hits))
                .count(),
            1
        );

        let resource = phase.resources.first().expect("the phase has resources");
        let filter = Filter::new(&resource.title, StateFilter::All);
        let card = filter.phase(&phase, &data);
        assert!(card.visible);
        assert!(filter.resource_visible(resource, card.hits));
    }

    #[test]
    fn a_match_in_a_phase_note_shows_the_note_but_not_every_item() {
        let roadmap = roadmap::embedded();
        let phase = backend();
        let mut data = RoadmapProgress::default();
        data.set_stage_note(&phase.id, "compare FAISS with pgvector");
        let filter = Filter::new("faiss", StateFilter::All);
        let card = filter.phase(&phase, &data);
        assert!(card.visible, "the card with the matching note is shown");
        assert!(filter.note_matches(card.hits, data.stage_note(&phase.id)));
        assert!(
            !phase
                .items()
                .any(|r| filter.item_visible(r.item, &data, card.hits)),
            "the note pulled in the phase's items"
        );
        // Only the items that name FAISS themselves are counted.
        let stages = roadmap.stages();
        let (shown, _) = filter.count_items(&roadmap, &stages, &data);
        let (without_note, _) = filter.count_items(&roadmap, &stages, &RoadmapProgress::default());
        assert_eq!(shown, without_note);
    }

    #[test]
    fn a_query_that_matches_nothing_hides_the_card() {
        let filter = Filter::new("zebra-crossing-quux", StateFilter::All);
        assert!(
            !filter
                .phase(&backend(), &RoadmapProgress::default())
                .visible
        );
    }

    #[test]
    fn state_filters_hide_complete_or_show_only_in_progress() {
        let phase = backend();
        let mut data = RoadmapProgress::default();
        let items: Vec<&Item> = phase.items().map(|r| r.item).collect();
        let [done, skipped, doing, ..] = items.as_slice() else {
            panic!("the backend phase has at least three items");
        };
        data.set_state(&done.id, ItemState::Done, day());
        data.set_state(&skipped.id, ItemState::Skipped, day());
        data.set_state(&doing.id, ItemState::InProgress, day());

        let hide = Filter::new("", StateFilter::HideComplete);
        let card = hide.phase(&phase, &data);
        assert!(card.visible);
        assert!(!hide.item_visible(done, &data, card.hits));
        assert!(!hide.item_visible(skipped, &data, card.hits));
        assert!(hide.item_visible(doing, &data, card.hits));

        let only = Filter::new("", StateFilter::OnlyInProgress);
        let card = only.phase(&phase, &data);
        let shown: Vec<&str> = items
            .iter()
            .filter(|i| only.item_visible(i, &data, card.hits))
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(shown, [doing.id.as_str()]);
        // A phase with nothing in progress disappears.
        let untouched = RoadmapProgress::default();
        assert!(!only.phase(&phase, &untouched).visible);
        let summary = roadmap::embedded().summary.expect("a summary");
        assert!(!only.summary_visible(&summary));
        assert!(Filter::default().summary_visible(&summary));
    }

    #[test]
    fn counts_follow_the_filter() {
        let roadmap = roadmap::embedded();
        let stages = roadmap.stages();
        let mut data = RoadmapProgress::default();
        let total = roadmap.item_count();
        let count =
            |filter: Filter, data: &RoadmapProgress| filter.count_items(&roadmap, &stages, data);
        assert_eq!(count(Filter::default(), &data), (total, total));
        assert_eq!(
            count(Filter::new("sqlalchemy", StateFilter::All), &data),
            (2, total)
        );
        data.set_state("sqlalchemy", ItemState::Done, day());
        assert_eq!(
            count(Filter::new("sqlalchemy", StateFilter::HideComplete), &data),
            (1, total)
        );
        assert_eq!(
            count(Filter::new("", StateFilter::OnlyInProgress), &data),
            (0, total)
        );
    }

    #[test]
    fn alternative_ideas_count_once_as_progress_counts_them() {
        let roadmap = roadmap::embedded();
        let project = roadmap.final_project.as_ref().expect("a final project");
        assert!(project.has_choice() && project.ideas.len() > 1);
        // The total is what progress counts: the ideas as one entry, not every idea listed.
        let mut stages = roadmap.stages();
        let total = roadmap.items().count() - project.ideas.len() + 1;
        let data = RoadmapProgress::default();
        assert_eq!(
            Filter::default().count_items(&roadmap, &stages, &data),
            (total, total)
        );
        // Before a choice, a query that finds every idea shows the one choice: on the project
        // card alone, "idea examples" (its heading) shows the stack and the choice.
        let project_only = &stages[stages.len() - 1..];
        let heading = Filter::new("idea examples", StateFilter::All);
        assert_eq!(
            heading.count_items(&roadmap, project_only, &data).0,
            project.tech_stack.len() + 1
        );
        // After a choice (the plan puts the chosen idea in the slot), only that idea counts.
        let chosen = &project.ideas[1];
        let other = &project.ideas[0];
        if let Some(slot) = stages.last_mut().and_then(|stage| {
            stage
                .items
                .iter_mut()
                .find(|e| e.kind == ItemKind::ChooseIdea)
        }) {
            *slot = crate::roadmap::ItemRef {
                item: chosen,
                kind: ItemKind::ProjectIdea,
            };
        }
        let by_text = |item: &Item| Filter::new(&item.text, StateFilter::All);
        assert_eq!(
            by_text(chosen).count_items(&roadmap, &stages, &data),
            (1, total)
        );
        assert_eq!(
            by_text(other).count_items(&roadmap, &stages, &data),
            (0, total)
        );
    }

    fn check_ranges(query: &str, text: &str, expected: &[&str]) {
        let filter = Filter::new(query, StateFilter::All);
        let found: Vec<&str> = filter
            .highlight_ranges(text)
            .into_iter()
            .map(|range| &text[range])
            .collect();
        assert_eq!(found, expected, "query {query:?} in {text:?}");
    }

    #[test]
    fn highlight_ranges_cover_every_match_merged_and_in_order() {
        check_ranges("api", "FastAPI and REST APIs", &["API", "API"]);
        check_ranges("fast api", "FastAPI", &["FastAPI"]);
        check_ranges("aa", "aaaa", &["aaaa"]);
        check_ranges("python", "Python’s asyncio – PYTHON", &["Python", "PYTHON"]);
        check_ranges("–", "10–17 months", &["–"]);
        check_ranges("é", "CAFÉ café", &["É", "é"]);
        check_ranges("z", "Python", &[]);
    }

    #[test]
    fn highlight_ranges_stay_on_char_boundaries_when_case_changes_length() {
        // 'İ' (2 bytes) lower-cases to "i̇" (3 bytes): offsets must be the original text's.
        let text = "İstanbul istanbul";
        let filter = Filter::new("stan", StateFilter::All);
        for range in filter.highlight_ranges(text) {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            assert_eq!(&text[range], "stan");
        }
    }
}
