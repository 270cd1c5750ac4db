//! The plan panel's breaks: weeks off the learner marks ("holiday", "exams"). Each is listed
//! with its dates and the weeks it takes, with "Remove"; a new one is a name and two date
//! pickers, checked by [`PlanSettings::check_break`] and said in words before "Add break" is
//! offered. Every change is one edit of the plan settings (one `SetPlan`, so undo, saving
//! and the read-only window treat it like any other plan change).
//!
//! The break being written is the panel's own state (egui memory), not the learner's data.

use chrono::{Datelike, Days, NaiveDate};
use egui::{Button, RichText, TextEdit, Ui};

use super::context::ViewContext;
use super::plan_panel::{Change, day_picker_ui};
use crate::progress::{BreakProblem, MAX_BREAK_LABEL_CHARS, PlanSettings};
use crate::schedule::{date_range, weeks_text};

/// The break the learner is writing.
#[derive(Clone, Debug)]
struct Draft {
    label: String,
    start: NaiveDate,
    end: NaiveDate,
}

impl Draft {
    /// Two whole weeks from the next Monday after today, the plan's start and the breaks
    /// the learner has (whichever is latest): the most common break, clear of the others,
    /// so often only a name is left to type.
    fn new(today: NaiveDate, settings: &PlanSettings, plan_start: NaiveDate) -> Self {
        let after_breaks = settings
            .breaks
            .iter()
            .map(|one| one.days().1)
            .max()
            .and_then(|last| last.succ_opt());
        let from = today.max(plan_start).max(after_breaks.unwrap_or(today));
        let days_to_monday = (7 - from.weekday().num_days_from_monday()) % 7;
        let monday = from
            .checked_add_days(Days::new(u64::from(days_to_monday)))
            .unwrap_or(from);
        let end = monday.checked_add_days(Days::new(13)).unwrap_or(monday);
        Self {
            label: String::new(),
            start: monday,
            end,
        }
    }
}

/// What is wrong with the draft, in words.
fn problem_text(problem: BreakProblem, settings: &PlanSettings) -> String {
    match problem {
        BreakProblem::EndsBeforeStart => "It ends before it starts: pick a later last day.".into(),
        BreakProblem::Overlaps(index) => match settings.breaks.get(index) {
            Some(other) => {
                let (first, last) = other.days();
                format!(
                    "It shares days with “{}” ({}): change the dates or remove that one.",
                    other.name(),
                    date_range(first, last)
                )
            }
            None => "It shares days with another break.".into(),
        },
    }
}

/// The breaks section of the plan panel. `set` applies one edit of the settings.
pub fn breaks_ui(ui: &mut Ui, cx: &ViewContext<'_>, set: &mut dyn FnMut(Change<'_>)) {
    let plan = cx.plan;
    let (settings, schedule, today) = (plan.settings(), plan.schedule(), plan.today());
    ui.label(RichText::new("Breaks").strong());
    if settings.breaks.is_empty() {
        ui.label(
            RichText::new(
                "Weeks off (a holiday, exams): no study is planned in them, and later phases move.",
            )
            .small()
            .weak(),
        );
    }
    for (index, one) in settings.breaks.iter().enumerate() {
        let (first, last) = one.days();
        // The schedule lists the breaks in the settings' order.
        let weeks = schedule
            .breaks
            .get(index)
            .map_or(0, |scheduled| scheduled.weeks_in_plan);
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}: {}", one.name(), date_range(first, last)));
            ui.label(
                RichText::new(if weeks == 0 {
                    "outside the plan".to_owned()
                } else {
                    weeks_text(weeks)
                })
                .small()
                .weak(),
            );
            let remove = ui
                .small_button("Remove")
                .on_hover_text(format!("Remove the break “{}”", one.name()));
            if remove.clicked() {
                set(&move |s| {
                    if index < s.breaks.len() {
                        s.breaks.remove(index);
                    }
                });
            }
        });
    }

    let id = ui.make_persistent_id("break-draft");
    let mut draft = ui
        .data(|data| data.get_temp::<Draft>(id))
        .unwrap_or_else(|| Draft::new(today, settings, schedule.start));
    ui.horizontal(|ui| {
        let name = ui.label("Name");
        ui.add(
            TextEdit::singleline(&mut draft.label)
                .hint_text("holiday")
                .char_limit(MAX_BREAK_LABEL_CHARS)
                .desired_width(140.0),
        )
        .labelled_by(name.id);
    });
    ui.horizontal(|ui| {
        let from = ui.label("From");
        date_ui(ui, "break-start", &mut draft.start, today, &from);
        let to = ui.label("to");
        date_ui(ui, "break-end", &mut draft.end, today, &to);
    });
    let check = settings.check_break(draft.start, draft.end);
    if let Err(problem) = check {
        ui.colored_label(ui.visuals().error_fg_color, problem_text(problem, settings));
    }
    let add = ui
        .add_enabled(check.is_ok(), Button::new("Add break"))
        .on_hover_text("No study is planned in these weeks; later phases move");
    if add.clicked() {
        let (start, end, label) = (draft.start, draft.end, draft.label.clone());
        set(&move |s| {
            // Checked above; `add_break` checks again against the settings it is given.
            let _ = s.add_break(start, end, &label);
        });
        // The next draft starts after this break (the settings here do not hold it yet).
        draft = Draft::new(
            draft.end.succ_opt().unwrap_or(draft.end),
            settings,
            schedule.start,
        );
    }
    ui.data_mut(|data| data.insert_temp(id, draft));
}

/// One day of the break (a day in the year 9999, out of the picker's reach, as text).
fn date_ui(ui: &mut Ui, salt: &str, day: &mut NaiveDate, today: NaiveDate, label: &egui::Response) {
    if let Some(picked) = day_picker_ui(ui, salt, *day, today, label, None) {
        *day = picked;
    }
}
