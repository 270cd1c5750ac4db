//! The plan panel: start date, pace, hours per week, and each phase's length and inclusion.
//! Every change pushes one [`Command::SetPlan`] with the whole new settings, so saving and
//! undo see plan changes like any other. In a read-only window every control is disabled.

use chrono::{Datelike, NaiveDate};
use egui::{Button, DragValue, RichText, Role, Ui, WidgetInfo};
use egui_extras::DatePickerButton;

use super::Command;
use super::context::ViewContext;
use super::widgets::{accent, optional_colour};
use crate::date::PlanDate;
use crate::progress::{Pace, PlanSettings};
use crate::roadmap::format_number;
use crate::schedule::{
    FinishBy, FinishByError, MAX_HOURS_PER_WEEK, MAX_STAGE_WEEKS, MIN_HOURS_PER_WEEK,
    ScheduledStage, date_range, long_date, weeks_range, weeks_range_text, weeks_text,
};
use crate::words::capitalised;

/// One edit of the plan settings, applied to a copy of them.
pub(super) type Change<'a> = &'a dyn Fn(&mut PlanSettings);

/// The panel's contents (the caller puts it in a side panel and a scroll area). Returns the
/// settings it asked for this frame, if it asked for any, so the views beside it can show
/// them at once.
pub fn plan_panel_ui(ui: &mut Ui, cx: &ViewContext<'_>) -> Option<PlanSettings> {
    let plan = cx.plan;
    let (roadmap, schedule, settings) = (plan.roadmap(), plan.schedule(), plan.settings());
    let today = plan.today();
    let mut asked: Option<PlanSettings> = None;
    let mut set = |change: &dyn Fn(&mut PlanSettings)| {
        // Several changes in one frame build on one another.
        let mut next = asked.clone().unwrap_or_else(|| settings.clone());
        change(&mut next);
        if next != *settings {
            asked = Some(next);
        }
    };

    ui.add_space(6.0);
    ui.label(RichText::new("Your plan").heading().strong());
    ui.label(format!(
        "{} · {}",
        date_range(schedule.start, schedule.finish),
        weeks_text(schedule.total_weeks)
    ));
    ui.add_space(6.0);

    cx.data_ui(ui, |ui| {
        egui::Grid::new("plan-settings")
            .num_columns(2)
            .spacing([10.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Start");
                start_ui(
                    ui,
                    schedule.start,
                    PlanDate::clamped(today),
                    &label,
                    &mut |start| set(&|s| s.start = Some(start)),
                );
                ui.end_row();

                ui.label("Pace");
                ui.horizontal(|ui| {
                    for pace in Pace::ALL {
                        let text = capitalised(pace.label());
                        let response = ui
                            .selectable_label(settings.pace == pace, text)
                            .on_hover_text(pace_help(pace));
                        if response.clicked() {
                            set(&|s| s.pace = pace);
                        }
                    }
                });
                ui.end_row();

                let label = ui.label("Hours per week");
                ui.horizontal(|ui| {
                    let mut hours = schedule.hours_per_week;
                    let response = ui
                        .add(
                            DragValue::new(&mut hours)
                                .range(MIN_HOURS_PER_WEEK..=MAX_HOURS_PER_WEEK)
                                .speed(0.25)
                                .max_decimals(1)
                                .suffix(" h"),
                        )
                        .labelled_by(label.id);
                    if response.changed() {
                        set(&|s| s.hours_per_week = Some(hours));
                    }
                    ui.label(
                        RichText::new(format!(
                            "estimates assume {} h",
                            format_number(roadmap.hours_per_week)
                        ))
                        .small()
                        .weak(),
                    );
                });
                ui.end_row();
            });

        ui.add_space(10.0);
        finish_by_ui(ui, cx, &mut set);

        ui.add_space(10.0);
        super::plan_breaks::breaks_ui(ui, cx, &mut set);

        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Phases").strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let any_own = !settings.stage_weeks.is_empty();
                let reset = ui
                    .add_enabled(any_own, Button::new("Reset to the estimates").small())
                    .on_hover_text("Give every phase the length its estimate gives at your pace");
                if reset.clicked() {
                    set(&|s| s.stage_weeks.clear());
                }
            });
        });
        for stage in &schedule.stages {
            ui.separator();
            stage_row_ui(ui, stage, &mut set);
        }
    });
    if let Some(next) = &asked {
        cx.push(Command::SetPlan(Box::new(next.clone())));
    }
    asked
}

/// One phase: its name (a tick box for optional phases), its length control and its dates.
fn stage_row_ui(ui: &mut Ui, stage: &ScheduledStage, set: &mut dyn FnMut(Change<'_>)) {
    let name = stage.label();
    if stage.optional {
        let mut included = stage.included;
        ui.horizontal(|ui| {
            let response = ui
                .checkbox(&mut included, RichText::new(&name).strong())
                .on_hover_text("Optional phase: untick to leave it out of the plan");
            if response.changed() {
                let id = stage.id.clone();
                set(&move |s| {
                    if included {
                        s.excluded.remove(&id);
                    } else {
                        s.excluded.insert(id.clone());
                    }
                });
            }
            ui.label(RichText::new("optional").small().color(optional_colour(ui)));
        });
    } else {
        ui.label(RichText::new(&name).strong());
    }

    if !stage.included {
        ui.label(RichText::new(format!("Left out; would add {}", weeks_text(stage.weeks))).weak());
        return;
    }

    ui.horizontal(|ui| {
        // What a screen reader hears follows what the panel allows (nothing, read-only).
        let enabled = ui.is_enabled();
        let mut weeks = stage.weeks;
        let shorter = ui
            .add_enabled(weeks > 1, Button::new(" − ").small())
            .on_hover_text("One week shorter");
        shorter.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                enabled && weeks > 1,
                format!("One week shorter: {name}"),
            )
        });
        if shorter.clicked() {
            weeks -= 1;
        }
        let drag = ui.add(
            DragValue::new(&mut weeks)
                .range(1..=MAX_STAGE_WEEKS)
                .speed(0.1),
        );
        drag.widget_info(|| {
            let mut info = WidgetInfo::drag_value(enabled, f64::from(stage.weeks));
            info.label = Some(format!("Weeks of {name}"));
            info
        });
        let longer = ui
            .add_enabled(weeks < MAX_STAGE_WEEKS, Button::new(" + ").small())
            .on_hover_text("One week longer");
        longer.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                enabled && weeks < MAX_STAGE_WEEKS,
                format!("One week longer: {name}"),
            )
        });
        if longer.clicked() {
            weeks += 1;
        }
        ui.label(if weeks == 1 { "week" } else { "weeks" });
        let estimate = format!("estimate {}", weeks_range(stage.estimate_weeks));
        if stage.outside_estimate {
            ui.label(
                RichText::new("outside the estimate")
                    .small()
                    .color(optional_colour(ui)),
            )
            .on_hover_text(format!(
                "The roadmap estimates {} at your hours; you chose {}.",
                weeks_range_text(stage.estimate_weeks),
                stage.weeks
            ));
        } else {
            ui.label(RichText::new(estimate).small().weak());
        }
        if weeks != stage.weeks {
            let id = stage.id.clone();
            let preset = stage.preset_weeks;
            set(&move |s| s.set_stage_weeks(&id, weeks, preset));
        }
    });
    let dates = date_range(stage.start, stage.end);
    let colour = if stage.overridden {
        accent(ui)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(RichText::new(dates).color(colour));
}

/// The button that applies a finish-by answer: "Use 12.5 h/week".
pub fn use_hours_label(hours_per_week: f32) -> String {
    format!("Use {} h/week", format_number(hours_per_week))
}

/// The date the learner asked to finish by and the answer for it, kept in the picker's egui
/// memory (it is no learner data) and worked out again only when the date, the settings or
/// today change (a finish-by answer is a dozen schedules).
#[derive(Clone)]
struct FinishByMemo {
    date: NaiveDate,
    settings: PlanSettings,
    today: NaiveDate,
    answer: Result<FinishBy, FinishByError>,
}

/// "Finish by…": a date picker; the hours a week that date needs and the pace they imply,
/// with one click to use them, or why it cannot be done.
fn finish_by_ui(ui: &mut Ui, cx: &ViewContext<'_>, set: &mut dyn FnMut(Change<'_>)) {
    let plan = cx.plan;
    let (schedule, settings, today) = (plan.schedule(), plan.settings(), plan.today());
    let memo_id = ui.make_persistent_id("finish-by");
    let mut memo = ui.data(|data| data.get_temp::<FinishByMemo>(memo_id));
    if let Some(stale) = memo
        .as_mut()
        .filter(|m| m.settings != *settings || m.today != today)
    {
        stale.answer = plan.finish_by(stale.date);
        stale.settings = settings.clone();
        stale.today = today;
        ui.data_mut(|data| data.insert_temp(memo_id, stale.clone()));
    }
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Finish by").strong());
        let shown = memo.as_ref().map_or(schedule.finish, |m| m.date);
        if let Some(date) = day_picker_ui(
            ui,
            "plan-finish-by",
            shown,
            today,
            &label,
            Some("Pick the day you want to be done: the panel says the hours a week that needs"),
        ) {
            let fresh = FinishByMemo {
                date,
                settings: settings.clone(),
                today,
                answer: plan.finish_by(date),
            };
            ui.data_mut(|data| data.insert_temp(memo_id, fresh.clone()));
            memo = Some(fresh);
        }
    });
    let Some(memo) = memo else {
        ui.label(
            RichText::new("Pick a date to see the hours a week it needs.")
                .small()
                .weak(),
        );
        return;
    };
    match &memo.answer {
        Ok(answer) => {
            ui.label(format!(
                "To finish by {}: {}",
                long_date(answer.date),
                answer.sentence()
            ));
            let current = answer.hours_per_week == schedule.hours_per_week;
            let button = ui
                .add_enabled(
                    !current,
                    Button::new(use_hours_label(answer.hours_per_week)),
                )
                .on_hover_text("Set your hours per week to this")
                .on_disabled_hover_text("Your plan already uses these hours");
            if button.clicked() {
                let hours = answer.hours_per_week;
                set(&move |s| s.hours_per_week = Some(hours));
            }
        }
        Err(why) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Cannot finish by then: {why}."),
            );
        }
    }
}

/// The start date: a date picker on jiff dates, converted and checked at this edge. A day
/// outside [`PlanDate::FIRST`]..=[`PlanDate::LAST`] is refused with a message under the
/// picker (kept in the picker's own egui memory until the next pick).
fn start_ui(
    ui: &mut Ui,
    start: NaiveDate,
    today: PlanDate,
    label: &egui::Response,
    on_change: &mut dyn FnMut(PlanDate),
) {
    let refusal_id = ui.scope_id().with("plan-start-refused");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let picked = day_picker_ui(
                ui,
                "plan-start",
                start,
                today.get(),
                label,
                Some("The first day of study"),
            );
            if let Some(date) = picked.filter(|date| *date != start) {
                match PlanDate::new(date) {
                    Ok(date) => {
                        ui.data_mut(|data| data.remove::<String>(refusal_id));
                        on_change(date);
                    }
                    Err(err) => {
                        ui.data_mut(|data| data.insert_temp(refusal_id, err.to_string()));
                    }
                }
            }
            let today_button = ui
                .add_enabled(start != today.get(), Button::new("Today").small())
                .on_hover_text("Start today")
                .on_disabled_hover_text("The plan starts today");
            if today_button.clicked() {
                ui.data_mut(|data| data.remove::<String>(refusal_id));
                on_change(today);
            }
        });
        if let Some(refusal) = ui.data(|data| data.get_temp::<String>(refusal_id)) {
            ui.colored_label(ui.visuals().error_fg_color, refusal);
        }
    });
}

/// A day picker as the panel's pickers all look: the day's name and date, the month and
/// year as lists in the popup (and ISO week numbers), labelled by `label`. Returns the day
/// the learner picked this frame, if any. A day in the year 9999 is shown as text instead, in
/// the long style every date in the panel uses ("7 Jun 9999"): egui_extras' picker panics on
/// the weeks after 9999-12-31 (its own dates end there), which its month and year arrows can
/// reach from late in that year (the arrows already go away in the last century).
pub(super) fn day_picker_ui(
    ui: &mut Ui,
    salt: &str,
    day: NaiveDate,
    today: NaiveDate,
    label: &egui::Response,
    hover: Option<&str>,
) -> Option<NaiveDate> {
    let Some(mut picked) = to_jiff(day).filter(|_| day.year() < PlanDate::LAST.get().year()) else {
        let text = ui.label(long_date(day)).labelled_by(label.id);
        if let Some(hover) = hover {
            text.on_hover_text(hover);
        }
        return None;
    };
    let mut response = ui
        .add(
            DatePickerButton::new(&mut picked)
                .id_salt(salt)
                .show_icon(false)
                // The popup names the month and year it shows (and lets the learner jump to
                // them); without them, after ">>" no one can tell where the calendar is.
                .combo_boxes(true)
                .start_end_years(picker_years(day, today))
                .arrows(day.year() < 9900)
                .calendar_week(true)
                .format("%a %-d %b %Y"),
        )
        .labelled_by(label.id);
    if let Some(hover) = hover {
        response = response.on_hover_text(hover);
    }
    response.changed().then(|| from_jiff(picked)).flatten()
}

/// The years the picker's year list offers: from a few years before today to twenty after,
/// stretched to hold the start (a plan saved long ago, or far ahead).
pub(super) fn picker_years(start: NaiveDate, today: NaiveDate) -> std::ops::RangeInclusive<i16> {
    let year = |date: NaiveDate| i16::try_from(date.year()).unwrap_or(i16::MAX);
    let first = year(today).saturating_sub(5).min(year(start));
    let last = year(today).saturating_add(20).max(year(start)).min(9999);
    first.min(last)..=last
}

fn pace_help(pace: Pace) -> &'static str {
    match pace {
        Pace::Fast => "The low end of every estimate",
        Pace::Steady => "The middle of every estimate",
        Pace::Relaxed => "The high end of every estimate",
    }
}

/// chrono → jiff for the date picker; `None` outside jiff's years (−9999..=9999).
pub fn to_jiff(date: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// jiff → chrono, back from the date picker.
pub fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    let month = u32::try_from(date.month()).ok()?;
    let day = u32::try_from(date.day()).ok()?;
    NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_list_holds_today_and_the_start() {
        let day = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap_or(NaiveDate::MIN);
        assert_eq!(picker_years(day(2027), day(2026)), 2021..=2046);
        assert_eq!(picker_years(day(1950), day(2026)), 1950..=2046);
        assert_eq!(picker_years(day(2100), day(2026)), 2021..=2100);
        assert_eq!(picker_years(day(9999), day(9990)), 9985..=9999);
    }

    #[test]
    fn dates_cross_the_jiff_edge_unchanged() {
        for (y, m, d) in [(2027, 1, 4), (2024, 2, 29), (1900, 12, 31), (9999, 12, 31)] {
            let date = NaiveDate::from_ymd_opt(y, m, d);
            assert_eq!(date.and_then(to_jiff).and_then(from_jiff), date);
        }
        assert_eq!(
            NaiveDate::from_ymd_opt(10_000, 1, 1).and_then(to_jiff),
            None
        );
    }
}
