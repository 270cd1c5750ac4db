//! Phase cards: everything the roadmap says about a phase, laid out to be read.

use egui::{RichText, Ui};

use super::checklist::{idea_choice_ui, item_row_ui, progress_bar_ui, stage_note_ui};
use super::context::ViewContext;
use super::find_bar::marked;
use super::lazy::{lazy_block_ui, scroll_block_to_top};
use super::widgets::{
    accent, badge_ui, bullet_ui, card_frame, optional_colour, section_heading_ui,
};
use crate::filter::{CardMatch, Filter, TermHits};
use crate::progress::RoadmapProgress;
use crate::roadmap::{FinalProject, Phase, Summary};
use crate::schedule::{date_range, weeks_text};

/// A card is at least this wide; more columns appear as the window grows.
const MIN_CARD_WIDTH: f32 = 360.0;
const MAX_COLUMNS: usize = 3;

/// The scrolling grid of cards: phases, the final project, the summary. Checklist items are
/// tickable and each stage shows its progress; in a read-only window the checklist is shown
/// but disabled. Returns whether the scroll to `focus_stage`'s card is still settling (the
/// caller keeps asking for it until it is not).
pub fn cards_ui(ui: &mut Ui, cx: &ViewContext<'_>, focus_stage: Option<&str>) -> bool {
    let roadmap = cx.plan.roadmap();
    let data = cx.plan.progress();
    let filter = cx.filter;
    let mut settling = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let columns = column_count(ui.available_width());
            let cards: Vec<(Card<'_>, CardMatch)> = roadmap
                .phases
                .iter()
                .map(Card::Phase)
                .chain(roadmap.final_project.iter().map(Card::Project))
                .chain(roadmap.summary.iter().map(Card::Summary))
                .map(|card| {
                    let found = card.find(filter, data);
                    (card, found)
                })
                .filter(|(_, found)| found.visible)
                .collect();
            if cards.is_empty() {
                ui.label(
                    RichText::new("Nothing matches the find box and the “Show” filter.").weak(),
                );
            }
            ui.columns(columns, |cols| {
                for (index, (card, found)) in cards.iter().enumerate() {
                    let col = &mut cols[index % columns];
                    let mut checklist = Checklist {
                        cx,
                        hits: found.hits,
                    };
                    // Only cards on or near the screen are laid out (1,000 items stay fast).
                    let shown = lazy_block_ui(col, card.stage_id(), |col| {
                        card_ui(col, card, &mut checklist);
                    });
                    // Opened from the timeline: bring this stage's card to the top.
                    if focus_stage.is_some() && focus_stage == card.stage_id() {
                        settling = scroll_block_to_top(col, &shown);
                    }
                    col.add_space(10.0);
                }
            });
        });
    settling
}

fn column_count(width: f32) -> usize {
    ((width / MIN_CARD_WIDTH) as usize).clamp(1, MAX_COLUMNS)
}

enum Card<'a> {
    Phase(&'a Phase),
    Project(&'a FinalProject),
    Summary(&'a Summary),
}

impl Card<'_> {
    /// The phase's or final project's id; `None` for the summary.
    fn stage_id(&self) -> Option<&str> {
        match self {
            Card::Phase(phase) => Some(&phase.id),
            Card::Project(project) => Some(&project.id),
            Card::Summary(_) => None,
        }
    }

    /// Whether the find box and the state filter leave this card visible.
    fn find(&self, filter: &Filter, data: &RoadmapProgress) -> CardMatch {
        match self {
            Card::Phase(phase) => filter.phase(phase, data),
            Card::Project(project) => filter.project(project, data),
            Card::Summary(summary) => CardMatch {
                visible: filter.summary_visible(summary),
                hits: Default::default(),
            },
        }
    }
}

fn card_ui(ui: &mut Ui, card: &Card<'_>, checklist: &mut Checklist<'_>) {
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // Columns lay out top-down *justified*, and egui justifies wrapped text in such a
        // layout (wide gaps between words): a card's text is ragged-right instead.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| match card {
            Card::Phase(phase) => phase_card_ui(ui, phase, checklist),
            Card::Project(project) => project_card_ui(ui, project, checklist),
            Card::Summary(summary) => summary_card_ui(ui, summary, checklist.cx.filter),
        });
    });
}

/// What a card needs to draw its checklist.
struct Checklist<'a> {
    cx: &'a ViewContext<'a>,
    /// The query terms this card's own text matched.
    hits: TermHits,
}

impl Checklist<'_> {
    fn progress_ui(&self, ui: &mut Ui, stage_id: &str, title: &str) {
        progress_bar_ui(ui, title, self.cx.plan.stage_counts(stage_id));
    }

    /// Whether an item passes the find box and the state filter.
    fn shows(&self, item: &crate::roadmap::Item) -> bool {
        self.cx
            .filter
            .item_visible(item, self.cx.plan.progress(), self.hits)
    }

    /// A section heading and its items, or nothing when the filter hides all of them.
    fn section_ui(&mut self, ui: &mut Ui, heading: &str, items: &[crate::roadmap::Item]) {
        if !items.iter().any(|item| self.shows(item)) {
            return;
        }
        section_heading_ui(ui, heading);
        for item in items {
            self.item_ui(ui, item);
        }
    }

    /// The alternative ideas as one choice, or nothing when the filter hides all of them.
    fn choice_ui(&mut self, ui: &mut Ui, heading: &str, ideas: &[crate::roadmap::Item]) {
        let shown: Vec<&crate::roadmap::Item> =
            ideas.iter().filter(|idea| self.shows(idea)).collect();
        if shown.is_empty() {
            return;
        }
        section_heading_ui(ui, heading);
        idea_choice_ui(ui, self.cx, &shown);
    }

    fn item_ui(&mut self, ui: &mut Ui, item: &crate::roadmap::Item) {
        if self.shows(item) {
            item_row_ui(ui, self.cx, item);
        }
    }

    fn note_ui(&mut self, ui: &mut Ui, stage_id: &str) {
        ui.add_space(6.0);
        stage_note_ui(ui, self.cx, stage_id);
    }
}

fn phase_card_ui(ui: &mut Ui, phase: &Phase, checklist: &mut Checklist<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Phase {}", phase.number))
                .small()
                .color(accent(ui)),
        );
        badge_ui(ui, &phase.duration_months.to_string(), accent(ui));
        if phase.optional {
            badge_ui(ui, "optional", optional_colour(ui));
        }
    });
    let filter = checklist.cx.filter;
    ui.label(marked(
        ui,
        filter,
        RichText::new(&phase.title).heading().strong(),
    ));
    planned_ui(ui, checklist.cx, &phase.id);
    ui.label(marked(ui, filter, RichText::new(&phase.goal).italics()));
    checklist.progress_ui(ui, &phase.id, &phase.title);

    for group in &phase.topic_groups {
        checklist.section_ui(ui, &group.heading, &group.topics);
    }
    checklist.section_ui(ui, "Hands-on", &phase.hands_on);
    let resources: Vec<_> = phase
        .resources
        .iter()
        .filter(|resource| filter.resource_visible(resource, checklist.hits))
        .collect();
    if !resources.is_empty() {
        section_heading_ui(ui, "Resources");
        for resource in resources {
            ui.horizontal_wrapped(|ui| {
                ui.hyperlink_to(
                    marked(ui, filter, RichText::new(&resource.title)),
                    &resource.url,
                )
                .on_hover_text(&resource.url);
                ui.label(RichText::new(resource.kind.label()).small().weak());
            });
        }
    }
    checklist.note_ui(ui, &phase.id);
}

fn project_card_ui(ui: &mut Ui, project: &FinalProject, checklist: &mut Checklist<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Final project").small().color(accent(ui)));
        badge_ui(ui, &project.duration_months.to_string(), accent(ui));
    });
    ui.label(marked(
        ui,
        checklist.cx.filter,
        RichText::new(&project.title).heading().strong(),
    ));
    planned_ui(ui, checklist.cx, &project.id);
    checklist.progress_ui(ui, &project.id, &project.title);
    checklist.section_ui(ui, &project.tech_stack_heading, &project.tech_stack);
    if project.has_choice() {
        checklist.choice_ui(ui, &project.ideas_heading, &project.ideas);
    } else {
        checklist.section_ui(ui, &project.ideas_heading, &project.ideas);
    }
    checklist.note_ui(ui, &project.id);
}

/// When the plan puts the stage ("Planned: 11 Jan – 28 Mar 2027 · 11 weeks"), or that the
/// learner left this optional phase out.
fn planned_ui(ui: &mut Ui, cx: &ViewContext<'_>, stage_id: &str) {
    let Some(stage) = cx.plan.schedule().stage(stage_id) else {
        return;
    };
    let text = if stage.included {
        format!(
            "Planned: {} · {}",
            date_range(stage.start, stage.end),
            weeks_text(stage.weeks)
        )
    } else {
        format!(
            "Left out of your plan (would add {})",
            weeks_text(stage.weeks)
        )
    };
    ui.label(RichText::new(text).weak());
}

fn summary_card_ui(ui: &mut Ui, summary: &Summary, filter: &Filter) {
    ui.label(RichText::new("Summary").small().color(accent(ui)));
    ui.label(marked(
        ui,
        filter,
        RichText::new(&summary.heading).heading().strong(),
    ));
    for point in &summary.points {
        bullet_ui(ui, marked(ui, filter, RichText::new(point)));
    }
}

#[cfg(test)]
mod tests {
    use super::column_count;

    #[test]
    fn columns_follow_the_window_width() {
        assert_eq!(column_count(300.0), 1);
        assert_eq!(column_count(800.0), 2);
        assert_eq!(column_count(2500.0), 3);
    }
}
