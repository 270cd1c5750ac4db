//! The week-by-week plan: every calendar week with its phase and the items that fall in it,
//! tickable right here; the current week highlighted and one click away.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Align, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::Command;
use super::checklist::item_row_ui;
use super::find_bar::{Filter, active_filter};
use super::lazy::lazy_block_ui;
use super::widgets::{accent, badge_ui};
use crate::progress::RoadmapProgress;
use crate::roadmap::{Item, Roadmap};
use crate::schedule::{PlanWeek, Schedule, date_range, long_date, short_date, weeks_text};

/// The whole view: where today falls, then every week in order.
pub fn weeks_view_ui(
    ui: &mut Ui,
    roadmap: &Roadmap,
    schedule: &Schedule,
    data: &RoadmapProgress,
    today: NaiveDate,
    scroll_to: &mut Option<usize>,
    commands: &mut Vec<Command>,
) {
    let current = schedule.week_index_of(today);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Week by week").heading().strong());
        match current.and_then(|index| schedule.weeks.get(index)) {
            Some(week) => {
                ui.label(format!(
                    "This is week {} of {}.",
                    week.number, schedule.total_weeks
                ));
                if ui
                    .button("Go to this week")
                    .on_hover_text("Scroll to the current week")
                    .clicked()
                {
                    *scroll_to = current;
                }
            }
            None if today < schedule.start => {
                ui.label(format!(
                    "Your plan starts on {}.",
                    long_date(schedule.start)
                ));
            }
            None => {
                ui.label(format!(
                    "Your plan ended on {}.",
                    long_date(schedule.finish)
                ));
            }
        }
    });
    ui.add_space(4.0);

    let items: HashMap<&str, &Item> = roadmap
        .items()
        .map(|item| (item.item.id.as_str(), item.item))
        .collect();
    let target = scroll_to.take();
    // The find box and state filter: weeks with no matching item are left out.
    let filter = active_filter(ui);
    let stages = roadmap.stages();
    let stage_hits: HashMap<&str, crate::filter::TermHits> = stages
        .iter()
        .map(|stage| (stage.id, filter.stage(stage, data).hits))
        .collect();
    let mut last_stage: Option<&str> = None;
    egui::ScrollArea::vertical()
        .id_salt("weeks")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, week) in schedule.weeks.iter().enumerate() {
                let hits = stage_hits
                    .get(week.stage_id.as_str())
                    .copied()
                    .unwrap_or_default();
                let found = Found {
                    filter: &filter,
                    hits,
                };
                if filter.is_active() && !found.any(week, &items, data) {
                    continue;
                }
                let first_shown = last_stage != Some(week.stage_id.as_str());
                last_stage = Some(week.stage_id.as_str());
                let with_heading = week.stage_week == 1 || (filter.is_active() && first_shown);
                let is_current = current == Some(index);
                // Only weeks on or near the screen are laid out (1,000 items stay fast).
                let key = (index, with_heading, week.items.len());
                let block = lazy_block_ui(ui, key, |ui| {
                    if with_heading {
                        stage_heading_ui(ui, roadmap, schedule, week);
                    }
                    week_ui(
                        ui,
                        week,
                        schedule.start,
                        is_current,
                        &items,
                        data,
                        &found,
                        commands,
                    );
                });
                if target == Some(index) {
                    // A phase's first week comes with its heading in view.
                    block.scroll_to_me(Some(Align::TOP));
                }
            }
            if filter.is_active() && last_stage.is_none() {
                ui.label(
                    RichText::new(
                        "No week has an item that matches the find box and the “Show” filter.",
                    )
                    .weak(),
                );
            }
        });
}

/// "Phase 2: Backend Development with Python · 22 Feb – 9 May 2027 · 11 weeks".
fn stage_heading_ui(
    ui: &mut Ui,
    roadmap: &Roadmap,
    schedule: &Schedule,
    week: &PlanWeek,
) -> egui::Response {
    let Some(stage) = schedule.stage(&week.stage_id) else {
        return ui.label(&week.stage_id);
    };
    let heading = roadmap
        .stages()
        .iter()
        .find(|s| s.id == stage.id)
        .map_or_else(|| stage.label(), |s| s.heading());
    ui.add_space(10.0);
    let row = ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(heading).size(18.0).strong().color(accent(ui)));
        ui.label(
            RichText::new(format!(
                "{} · {}",
                date_range(stage.start, stage.end),
                weeks_text(stage.weeks)
            ))
            .weak(),
        );
    });
    ui.add_space(2.0);
    row.response
}

/// The find box's filter and what a week's stage already matched.
struct Found<'a> {
    filter: &'a Filter,
    hits: crate::filter::TermHits,
}

impl Found<'_> {
    fn shows(&self, item: &Item, data: &RoadmapProgress) -> bool {
        self.filter.item_visible(item, data, self.hits)
    }

    /// Whether any of the week's items passes the filter.
    fn any(&self, week: &PlanWeek, items: &HashMap<&str, &Item>, data: &RoadmapProgress) -> bool {
        week.items
            .iter()
            .filter_map(|id| items.get(id.as_str()))
            .any(|item| self.shows(item, data))
    }
}

/// One week: its number and dates, then its items (those the find box leaves).
#[expect(
    clippy::too_many_arguments,
    reason = "a drawing function over the frame's read-only inputs; bundling them would only move the list"
)]
fn week_ui(
    ui: &mut Ui,
    week: &PlanWeek,
    plan_start: NaiveDate,
    is_current: bool,
    items: &HashMap<&str, &Item>,
    data: &RoadmapProgress,
    found: &Found<'_>,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let visuals = ui.visuals();
    let frame = if is_current {
        Frame::new()
            .fill(accent(ui).gamma_multiply(0.12))
            .stroke(Stroke::new(2.0, accent(ui)))
    } else {
        Frame::new()
            .fill(visuals.faint_bg_color)
            .stroke(visuals.widgets.noninteractive.bg_stroke)
    };
    frame
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Week {}", week.number)).strong());
                ui.label(format!(
                    "Mon {} – Sun {}",
                    short_date(week.monday),
                    long_date(week.sunday)
                ));
                ui.label(
                    RichText::new(format!("{}-W{:02}", week.iso_year, week.iso_week))
                        .small()
                        .weak(),
                )
                .on_hover_text("ISO week number");
                if week.monday < plan_start {
                    ui.label(
                        RichText::new(format!("from {}", plan_start.format("%a %-d %b")))
                            .color(accent(ui)),
                    )
                    .on_hover_text("Your plan starts mid-week, so its first week is short");
                }
                if is_current {
                    badge_ui(ui, "this week", accent(ui));
                }
            });
            if week.items.is_empty() {
                ui.label(
                    RichText::new(
                        "No new topics this week: practise, review, and finish this phase's \
                         hands-on work.",
                    )
                    .weak(),
                );
            }
            for id in &week.items {
                if let Some(item) = items.get(id.as_str())
                    && found.shows(item, data)
                {
                    item_row_ui(ui, item, data, commands);
                }
            }
        })
        .response
}
