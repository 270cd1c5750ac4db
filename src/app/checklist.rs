//! The checklist: one row per item (state, note), progress bars, and the per-stage note.
//!
//! Every widget here only *reads* the learner's data (from the frame's plan) and pushes
//! [`Command`]s; the app applies them at the end of the frame. In a read-only window they are
//! drawn disabled. [`item_row_ui`] is shared by the phase cards and the week plan.
//!
//! A state is always shown by the tick box's shape (empty, dash, tick) *and* a word, never by
//! colour alone. (egui 0.37's default fonts have no symbol glyphs beyond Latin text, so the
//! "icon" is the painted tick box rather than a character.)
//!
//! A row keeps its height whatever its state: the state's mark and word sit in a slot of fixed
//! width on the row's own line (the day it was done on hover), so ticking an item never moves
//! the items below it from under the pointer.

use egui::{Checkbox, Key, Response, RichText, Sense, Stroke, TextWrapMode, Ui, Vec2, vec2};

use super::command::{Command, CommandQueue};
use super::context::ViewContext;
use super::find_bar::marked;
use super::theme::{control_colours_ui, paint_state_mark, state_colour_ui};
use crate::progress::{ItemState, fraction};
use crate::roadmap::Item;
use crate::schedule::long_date;

/// Width kept free to the right of the item text for the "…" menu button.
const MENU_BUTTON_WIDTH: f32 = 22.0;
/// Width of the state slot between the text and the "…" button: the mark and the widest
/// state word ("in progress") in small text.
const STATE_SLOT_WIDTH: f32 = 84.0;

/// The wording the state menu and the status line use.
fn state_text(state: ItemState) -> &'static str {
    match state {
        ItemState::NotStarted => "Not started",
        ItemState::InProgress => "In progress",
        ItemState::Done => "Done",
        ItemState::Skipped => "Skipped (I already know this)",
    }
}

/// The state a key sets while an item's tick box has keyboard focus.
fn state_for_key(key: Key) -> Option<ItemState> {
    match key {
        Key::D => Some(ItemState::Done),
        Key::P => Some(ItemState::InProgress),
        Key::S => Some(ItemState::Skipped),
        Key::N => Some(ItemState::NotStarted),
        _ => None,
    }
}

const ROW_HELP: &str = "Click or Space to tick done (again to undo).\n\
    Right-click or … for in progress, skipped and a note.\n\
    Keys while focused: D done, P in progress, S skipped, N not started.";

/// One checklist item: a tick box labelled with the item's text (one click ticks it done), its
/// state in words in a slot of fixed width, a "…" menu (also on right-click) for the other
/// states and the note, and, under it, the learner's note. Returns the tick box's response.
pub fn item_row_ui(ui: &mut Ui, cx: &ViewContext<'_>, item: &Item) -> Response {
    if cx.plan.is_choice_slot(&item.id) {
        // "Choose a project idea" is never ticked: it is the choice itself.
        let ideas: Vec<&Item> = cx
            .plan
            .roadmap()
            .final_project
            .iter()
            .flat_map(|project| &project.ideas)
            .collect();
        let heading = ui.label(RichText::new(&item.text).strong());
        idea_choice_ui(ui, cx, &ideas);
        return heading;
    }
    let check = cx
        .data_ui(ui, |ui| item_row_contents_ui(ui, cx, item))
        .inner;
    // Outside the data controls: links open even in a read-only window.
    item_resources_ui(ui, cx, item);
    check
}

/// The final project's alternative ideas as one choice: a radio button per idea (Space or a
/// click chooses it; one [`Command::ChooseIdea`], undone like a tick), and under the chosen
/// one its own checklist row, whose tick completes the ideas part, and "Clear choice" (one
/// `ChooseIdea` with no idea) to undecide. Unchosen ideas have no tick: they are not counted.
/// Disabled in a read-only window.
pub fn idea_choice_ui(ui: &mut Ui, cx: &ViewContext<'_>, ideas: &[&Item]) {
    let chosen = cx.plan.chosen_idea().map(|idea| idea.id.as_str());
    if chosen.is_none() {
        ui.label(
            RichText::new("Choose one: the ideas are alternatives and count as one item.")
                .small()
                .weak(),
        );
    }
    for idea in ideas {
        let selected = chosen == Some(idea.id.as_str());
        let clicked = cx
            .data_ui(ui, |ui| {
                let text = marked(ui, cx.filter, RichText::new(&idea.text));
                ui.radio(selected, text)
                    .on_hover_text("Choose this idea for your project")
                    .clicked()
            })
            .inner;
        if clicked && !selected {
            cx.commands().push(Command::ChooseIdea {
                idea_id: Some(idea.id.clone()),
            });
        }
        if selected {
            ui.indent(("chosen-idea", &idea.id), |ui| {
                item_row_ui(ui, cx, idea);
            });
        }
    }
    if chosen.is_some() {
        let cleared = cx
            .data_ui(ui, |ui| {
                ui.small_button(CLEAR_CHOICE)
                    .on_hover_text(
                        "Undecide: the ideas count as one not-started item again. The idea's \
                         tick and note are kept for if you choose it again (Ctrl+Z undoes this).",
                    )
                    .clicked()
            })
            .inner;
        if cleared {
            cx.commands().push(Command::ChooseIdea { idea_id: None });
        }
    }
}

/// The button under the project ideas that forgets the choice.
const CLEAR_CHOICE: &str = "Clear choice";

/// An item with more links than this shows them folded under "N links".
pub const UNFOLDED_RESOURCES: usize = 3;

/// The item's own links (format 2), indented under it; more than [`UNFOLDED_RESOURCES`] are
/// folded, so a topic with a dozen links does not push the checklist off the screen.
fn item_resources_ui(ui: &mut Ui, cx: &ViewContext<'_>, item: &Item) {
    if item.resources.is_empty() {
        return;
    }
    let links_ui = |ui: &mut Ui| {
        for resource in &item.resources {
            ui.horizontal_wrapped(|ui| {
                ui.hyperlink_to(
                    marked(ui, cx.filter, RichText::new(&resource.title).small()),
                    &resource.url,
                )
                .on_hover_text(&resource.url);
                ui.label(RichText::new(resource.kind.label()).small().weak());
            });
        }
    };
    ui.horizontal_top(|ui| {
        ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
        ui.vertical(|ui| {
            if item.resources.len() <= UNFOLDED_RESOURCES {
                links_ui(ui);
            } else {
                egui::CollapsingHeader::new(
                    RichText::new(format!("{} links", item.resources.len())).small(),
                )
                .id_salt(("item-resources", &item.id))
                .default_open(false)
                .show(ui, links_ui);
            }
        });
    });
}

fn item_row_contents_ui(ui: &mut Ui, cx: &ViewContext<'_>, item: &Item) -> Response {
    let data = cx.plan.progress();
    let commands = cx.commands();
    let state = data.state(&item.id);
    let note = data.note(&item.id);
    let note_open_id = ui.make_persistent_id(("item-note-open", &item.id));
    let mut note_open = ui.data(|d| d.get_temp::<bool>(note_open_id).unwrap_or(false));

    let check = ui
        .horizontal_top(|ui| {
            let spacing = ui.spacing().item_spacing.x;
            let text_width =
                (ui.available_width() - STATE_SLOT_WIDTH - MENU_BUTTON_WIDTH - 2.0 * spacing)
                    .max(60.0);
            let check = ui
                .scope(|ui| {
                    ui.set_max_width(text_width);
                    ui.style_mut().wrap_mode = Some(TextWrapMode::Wrap);
                    let mut checked = state.is_complete();
                    let text = if state == ItemState::Skipped {
                        RichText::new(&item.text).weak()
                    } else {
                        RichText::new(&item.text)
                    };
                    let text = marked(ui, cx.filter, text);
                    ui.add(
                        Checkbox::new(&mut checked, text)
                            .indeterminate(state == ItemState::InProgress),
                    )
                })
                .inner;
            // Line the state slots and "…" buttons up at the right edge of the column.
            ui.add_space((text_width - check.rect.width()).max(0.0));
            state_slot_ui(
                ui,
                state,
                cx.plan.progress().item(&item.id).and_then(|p| p.done_on),
            );
            // Frameless (its focus shows as the window's focus ring, `theme::focus_ring_ui`).
            let menu = egui::containers::menu::MenuButton::from_button(
                egui::Button::new("…").small().frame(false),
            )
            .ui(ui, |ui| {
                state_menu_ui(ui, &item.id, state, &mut note_open, commands)
            });
            return_focus_after_menu(ui, &menu.0, menu.1.is_some());
            menu.0.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    ui.is_enabled(),
                    format!("More for: {}", item.text),
                )
            });
            menu.0.on_hover_text("In progress, skipped, note");
            check
        })
        .inner;

    // A click, or Space while focused.
    if check.clicked() {
        commands.push(Command::SetItemState {
            item_id: item.id.clone(),
            state: data.state_after_toggle(&item.id),
        });
    }
    let context_menu =
        check.context_menu(|ui| state_menu_ui(ui, &item.id, state, &mut note_open, commands));
    return_focus_after_menu(ui, &check, context_menu.is_some());
    if check.has_focus() {
        let pressed = ui.input_mut(|input| {
            [Key::D, Key::P, Key::S, Key::N]
                .into_iter()
                .find(|&key| input.consume_key(egui::Modifiers::NONE, key))
        });
        if let Some(new_state) = pressed.and_then(state_for_key)
            && new_state != state
        {
            commands.push(Command::SetItemState {
                item_id: item.id.clone(),
                state: new_state,
            });
        }
    }
    let check = check.on_hover_text(ROW_HELP);

    if !note.is_empty() && !note_open {
        note_line_ui(ui, cx, note);
    }
    if note_open {
        note_open = item_note_editor_ui(ui, item, note, commands);
    }
    ui.data_mut(|d| d.insert_temp(note_open_id, note_open));
    check
}

/// When a menu closes (Escape, a choice, a click elsewhere) with the keyboard focus gone
/// with it, the focus goes back to what opened it, as in native menus. Otherwise the next
/// Tab or Shift+Tab would start from nowhere and land on the first or last widget of the
/// whole window, somewhere far off screen, where Space types into a note nobody sees.
fn return_focus_after_menu(ui: &Ui, opener: &Response, open_now: bool) {
    let open_id = opener.id.with("menu-open");
    let was_open = ui.data(|data| data.get_temp::<bool>(open_id).unwrap_or(false));
    if was_open && !open_now && ui.ctx().memory(|memory| memory.focused()).is_none() {
        opener.request_focus();
    }
    if was_open != open_now {
        ui.data_mut(|data| data.insert_temp(open_id, open_now));
    }
}

/// The state menu of one item (from "…" or a right-click).
fn state_menu_ui(
    ui: &mut Ui,
    item_id: &str,
    state: ItemState,
    note_open: &mut bool,
    commands: &CommandQueue,
) {
    for candidate in ItemState::ALL {
        if ui
            .selectable_label(state == candidate, state_text(candidate))
            .clicked()
        {
            if candidate != state {
                commands.push(Command::SetItemState {
                    item_id: item_id.to_owned(),
                    state: candidate,
                });
            }
            ui.close();
        }
    }
    ui.separator();
    if ui.button("Note…").clicked() {
        *note_open = true;
        // The editor opens with the cursor in it.
        ui.ctx()
            .data_mut(|d| d.insert_temp(note_focus_id(item_id), true));
        ui.close();
    }
}

fn note_focus_id(item_id: &str) -> egui::Id {
    egui::Id::unique(("item-note-focus", item_id))
}

/// The item's state in a slot of fixed width on its own line: the mark and the word (nothing
/// for an untouched item), with the day it was done on hover. The same width whatever the
/// state, so the text beside it wraps the same and the row keeps its height.
fn state_slot_ui(ui: &mut Ui, state: ItemState, done_on: Option<chrono::NaiveDate>) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, slot) = ui.allocate_exact_size(vec2(STATE_SLOT_WIDTH, height), Sense::hover());
    if state == ItemState::NotStarted {
        return;
    }
    // One node for screen readers, with the whole words: the word is painted, not a label.
    let words = state_words(state, done_on);
    slot.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
    if ui.is_rect_visible(rect) {
        // Painted, not laid out as widgets, so the slot adds no ids between the tick box and
        // the "…" button.
        let mark = egui::Rect::from_min_size(rect.min, Vec2::splat(height));
        paint_state_mark(ui, mark, state);
        let colour = state_colour_ui(ui, state);
        let room = rect.width() - height - 4.0;
        let galley = egui::WidgetText::from(RichText::new(state.label()).small().color(colour))
            .into_galley(
                ui,
                Some(TextWrapMode::Truncate),
                room,
                egui::TextStyle::Small,
            );
        let pos = egui::pos2(mark.right() + 4.0, rect.center().y - galley.size().y / 2.0);
        ui.painter().galley(pos, galley, colour);
    }
    slot.on_hover_text(words);
}

/// "done on 2 Dec 2026", "in progress", "skipped (I already know this)".
fn state_words(state: ItemState, done_on: Option<chrono::NaiveDate>) -> String {
    match (state, done_on) {
        (ItemState::Done, Some(day)) => format!("done on {}", long_date(day)),
        (ItemState::Skipped, _) => "skipped (I already know this)".to_owned(),
        (state, _) => state.label().to_owned(),
    }
}

/// Under the item: the learner's note.
fn note_line_ui(ui: &mut Ui, cx: &ViewContext<'_>, note: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
        let note = RichText::new(format!("Note: {note}")).small().italics();
        ui.add(egui::Label::new(marked(ui, cx.filter, note)).wrap());
    });
}

/// The note editor under an item. Returns whether it stays open.
fn item_note_editor_ui(ui: &mut Ui, item: &Item, note: &str, commands: &CommandQueue) -> bool {
    let mut keep_open = true;
    ui.horizontal_top(|ui| {
        ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
        ui.vertical(|ui| {
            let label = ui.label(RichText::new(format!("Note on “{}”", item.text)).small());
            let mut text = note.to_owned();
            let edit = ui.add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("Where I left off, my own links…"),
            );
            let edit = edit.labelled_by(label.id);
            // Asked for until it holds: the click on "Note…" would otherwise take the focus
            // away again, and the closing menu hand it back to "…".
            let focus_id = note_focus_id(&item.id);
            if ui.ctx().data(|d| d.get_temp::<bool>(focus_id)).is_some() {
                if edit.has_focus() {
                    ui.ctx().data_mut(|d| d.remove_temp::<bool>(focus_id));
                } else {
                    edit.request_focus();
                }
            }
            if edit.changed() {
                commands.push(Command::SetItemNote {
                    item_id: item.id.clone(),
                    note: text,
                });
            }
            if ui.small_button("Close note").clicked() {
                keep_open = false;
            }
        });
    });
    keep_open
}

/// A progress bar with "3 of 12 complete" beside it; screen readers hear "`name`: 3 of 12
/// complete". Drawn here rather than with egui's bar so that the track, its edge and the done
/// share read at 3:1 in both themes (see [`super::theme::ControlColours`]) and the words sit
/// on the panel, in the text colour, not over a fill they would have to contrast with too.
pub fn progress_bar_ui(ui: &mut Ui, name: &str, counts: (usize, usize)) -> Response {
    let (complete, total) = counts;
    let text = format!("{complete} of {total} complete");
    let galley = egui::WidgetText::from(RichText::new(&text).small()).into_galley(
        ui,
        Some(TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let bar_height = 10.0;
    let gap = 8.0;
    let height = galley.size().y.max(bar_height);
    let width = ui.available_width().max(galley.size().x + gap + 40.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ProgressIndicator,
            ui.is_enabled(),
            format!("{name}: {text}"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let colours = control_colours_ui(ui);
    let bar = egui::Rect::from_min_max(
        egui::pos2(rect.left(), rect.center().y - bar_height / 2.0),
        egui::pos2(
            rect.right() - galley.size().x - gap,
            rect.center().y + bar_height / 2.0,
        ),
    );
    let radius = egui::CornerRadius::same((bar_height / 2.0) as u8);
    let painter = ui.painter();
    painter.rect_filled(bar, radius, colours.track_fill);
    let share = fraction(counts);
    if share > 0.0 {
        let done = egui::Rect::from_min_size(
            bar.min,
            vec2((bar.width() * share).max(bar_height), bar.height()),
        );
        painter.rect_filled(done, radius, colours.progress_fill);
    }
    painter.rect_stroke(
        bar,
        radius,
        Stroke::new(1.0, colours.track_stroke),
        egui::StrokeKind::Inside,
    );
    let text_pos = egui::pos2(bar.right() + gap, rect.center().y - galley.size().y / 2.0);
    painter.galley(text_pos, galley, ui.visuals().text_color());
    response
}

/// The learner's free-text note on a phase or the final project, always at hand on its card.
pub fn stage_note_ui(ui: &mut Ui, cx: &ViewContext<'_>, stage_id: &str) {
    cx.data_ui(ui, |ui| stage_note_contents_ui(ui, cx, stage_id));
}

fn stage_note_contents_ui(ui: &mut Ui, cx: &ViewContext<'_>, stage_id: &str) {
    let data = cx.plan.progress();
    let label = ui.label(RichText::new("My notes").strong());
    let mut text = data.stage_note(stage_id).to_owned();
    // A find match in the note: the note, highlighted, says why the card is shown (the field
    // below cannot highlight).
    if !cx.filter.highlight_ranges(&text).is_empty() {
        let note = RichText::new(format!("Your note: {text}"))
            .small()
            .italics();
        ui.add(egui::Label::new(marked(ui, cx.filter, note)).wrap());
    }
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id_salt(("stage-note", stage_id))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Where I left off, my own links…"),
        )
        .labelled_by(label.id);
    if edit.changed() {
        cx.push(Command::SetStageNote {
            stage_id: stage_id.to_owned(),
            note: text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_slot_says_the_day_in_the_window_date_style() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2);
        assert_eq!(state_words(ItemState::Done, day), "done on 2 Dec 2026");
        assert_eq!(state_words(ItemState::InProgress, None), "in progress");
    }

    #[test]
    fn every_state_has_a_key() {
        for state in ItemState::ALL {
            let keys = [Key::D, Key::P, Key::S, Key::N];
            assert!(keys.into_iter().any(|k| state_for_key(k) == Some(state)));
        }
    }
}
