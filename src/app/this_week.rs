//! The "This week" view: what to study now, what is left over, what comes next, and whether
//! the learner is on track. Thin: everything it shows is [`crate::plan::Plan::this_week`].

use egui::{RichText, Ui};

use super::checklist::item_row_ui;
use super::context::ViewContext;
use crate::plan::{ThisWeek, WeekItem, When};
use crate::schedule::{long_date, short_date};

/// The whole view.
pub fn this_week_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let week = cx.plan.this_week();
    egui::ScrollArea::vertical()
        .id_salt("this-week")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(RichText::new("This week").heading().strong());
            ui.label(week.heading());
            ui.label(RichText::new(&week.on_track.text).strong());
            ui.add_space(6.0);
            week_items_ui(ui, cx, &week);
            if !week.catch_up.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(format!(
                        "Catch-up: {} from earlier weeks",
                        crate::words::plural(week.catch_up.len(), "item")
                    ))
                    .strong(),
                );
                items_ui(ui, cx, &week.catch_up, true);
            }
            if let Some(next) = &week.next_up {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(format!(
                        "Next up: week {}, from {} ({})",
                        next.week,
                        long_date(next.first_day),
                        next.stage_label
                    ))
                    .strong(),
                );
                items_ui(ui, cx, &next.items, false);
            }
            if let When::AfterFinish { .. } = week.when {
                ui.add_space(8.0);
                ui.label(week.summary.sentence());
            }
        });
}

/// The week's own items and its phase's resources.
fn week_items_ui(ui: &mut Ui, cx: &ViewContext<'_>, week: &ThisWeek) {
    match week.when {
        When::AfterFinish { .. } => return,
        When::OnBreak { .. } => {
            ui.label(RichText::new("A break: nothing planned this week.").weak());
            return;
        }
        _ => {}
    }
    if week.items.is_empty() {
        ui.label(
            RichText::new(
                "No new topics this week: practise, review, and finish this phase's hands-on work.",
            )
            .weak(),
        );
    }
    items_ui(ui, cx, &week.items, false);
    if !week.resources.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Resources").strong());
        for resource in &week.resources {
            ui.hyperlink_to(&resource.title, &resource.url)
                .on_hover_text(&resource.url);
        }
    }
}

/// Tickable rows (the checklist's own row), with the week each was due when asked.
fn items_ui(ui: &mut Ui, cx: &ViewContext<'_>, items: &[WeekItem], with_due_week: bool) {
    for entry in items {
        let Some(item) = cx.plan.item(&entry.id) else {
            continue;
        };
        ui.push_id(("this-week", &entry.id, with_due_week), |ui| {
            item_row_ui(ui, cx, item.item);
            if with_due_week {
                ui.label(
                    RichText::new(format!(
                        "due in week {} ({})",
                        entry.week,
                        short_date(entry.week_monday)
                    ))
                    .small()
                    .weak(),
                );
            }
        });
    }
}
