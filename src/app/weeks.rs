//! The week-by-week plan: every calendar week with its phase and the items that fall in it,
//! tickable right here; the current week highlighted and one click away.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::checklist::item_row_ui;
use super::context::ViewContext;
use super::lazy::{lazy_block_ui, scroll_block_to_top};
use super::widgets::{accent, badge_ui};
use crate::filter::TermHits;
use crate::plan::PlanStage;
use crate::roadmap::ItemRef;
use crate::schedule::{PlanWeek, date_range, long_date, short_date, weeks_text};

/// The whole view: where today falls, then every week in order.
pub fn weeks_view_ui(ui: &mut Ui, cx: &ViewContext<'_>, scroll_to: &mut Option<usize>) {
    let plan = cx.plan;
    let schedule = plan.schedule();
    let today = plan.today();
    let current = plan.current_week();
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

    // Kept while the scroll to it settles (see `lazy::scroll_block_to_top`).
    let target = scroll_to.take();
    let mut settling = false;
    // The find box and state filter: weeks with no matching item are left out.
    let filter = cx.filter;
    let data = plan.progress();
    let stages = plan.stages();
    let by_id: HashMap<&str, &PlanStage<'_>> = stages.iter().map(|s| (s.stage.id, s)).collect();
    let stage_hits: HashMap<&str, TermHits> = stages
        .iter()
        .map(|stage| (stage.stage.id, filter.stage(&stage.stage, data).hits))
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
                let found = Found { cx, hits };
                if filter.is_active() && !found.any(&plan.week_items(week)) {
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
                        stage_heading_ui(ui, by_id.get(week.stage_id.as_str()).copied(), week);
                    }
                    let items = plan.week_items(week);
                    week_ui(ui, week, schedule.start, is_current, &items, &found);
                });
                if target == Some(index) {
                    // A phase's first week comes with its heading in view.
                    settling = scroll_block_to_top(ui, &block);
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
    if settling {
        *scroll_to = target;
    }
}

/// "Phase 2: Backend Development with Python · 22 Feb – 9 May 2027 · 11 weeks".
fn stage_heading_ui(ui: &mut Ui, stage: Option<&PlanStage<'_>>, week: &PlanWeek) -> egui::Response {
    let Some(stage) = stage else {
        return ui.label(&week.stage_id);
    };
    let scheduled = stage.scheduled;
    ui.add_space(10.0);
    let row = ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(stage.stage.heading())
                .size(18.0)
                .strong()
                .color(accent(ui)),
        );
        ui.label(
            RichText::new(format!(
                "{} · {}",
                date_range(scheduled.start, scheduled.end),
                weeks_text(scheduled.weeks)
            ))
            .weak(),
        );
    });
    ui.add_space(2.0);
    row.response
}

/// The frame's context and what a week's stage already matched in the find box.
struct Found<'a> {
    cx: &'a ViewContext<'a>,
    hits: TermHits,
}

impl Found<'_> {
    fn shows(&self, item: &ItemRef<'_>) -> bool {
        self.cx
            .filter
            .item_visible(item.item, self.cx.plan.progress(), self.hits)
    }

    /// Whether any of the week's items passes the filter.
    fn any(&self, items: &[ItemRef<'_>]) -> bool {
        items.iter().any(|item| self.shows(item))
    }
}

/// One week: its number and dates, then its items (those the find box leaves).
fn week_ui(
    ui: &mut Ui,
    week: &PlanWeek,
    plan_start: NaiveDate,
    is_current: bool,
    items: &[ItemRef<'_>],
    found: &Found<'_>,
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
                // In words, not the ISO code ("2026-W49") beside the long dates.
                ui.label(
                    RichText::new(format!("ISO week {}", week.iso_week))
                        .small()
                        .weak(),
                )
                .on_hover_text(format!(
                    "Week {} of {} in the ISO calendar (weeks start on Monday)",
                    week.iso_week, week.iso_year
                ));
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
                if let Some(label) = &week.break_label {
                    badge_ui(ui, "Break", ui.visuals().weak_text_color());
                    if label != "Break" {
                        ui.label(RichText::new(label).strong());
                    }
                }
            });
            if week.is_break() {
                ui.label(
                    RichText::new("A break: no study planned. The plan resumes after it.").weak(),
                );
            } else if week.items.is_empty() {
                ui.label(
                    RichText::new(
                        "No new topics this week: practise, review, and finish this phase's \
                         hands-on work.",
                    )
                    .weak(),
                );
            }
            for item in items {
                if found.shows(item) {
                    item_row_ui(ui, found.cx, item.item);
                }
            }
        })
        .response
}
