//! The find box (Ctrl+F) and state filter, and [`marked`], which views use to highlight what
//! matches.
//!
//! The toolbar builds one [`Filter`] per frame and returns it; the app hands it to every view
//! in the frame's [`super::context::ViewContext`]. The matching itself is the pure
//! [`crate::filter`] module.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, LayoutSection};
use egui::{Color32, RichText, Ui, WidgetText};

use crate::filter::{Filter, StateFilter};
use crate::plan::Plan;

/// The accessible name of the find box; tests type into it.
pub const FIND_LABEL: &str = "Find";
/// The accessible name of the state filter.
pub const SHOW_LABEL: &str = "Show";

/// What the learner typed and picked. Not saved: a search belongs to the moment.
#[derive(Default)]
pub struct FindState {
    pub query: String,
    pub states: StateFilter,
    /// Ctrl+F asks for the find box to take the keyboard focus on the next draw.
    pub focus_requested: bool,
    /// The find box's widget id as last drawn (Escape in it clears it).
    pub box_id: Option<egui::Id>,
}

/// The find box, the state filter, and how many items match. Returns the filter the views
/// apply this frame.
pub fn find_bar_ui(ui: &mut Ui, find: &mut FindState, plan: &Plan) -> Filter {
    // Each label stays on one line with its control when the toolbar wraps.
    ui.horizontal(|ui| {
        let label = ui.label(FIND_LABEL);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut find.query)
                .id_salt("find-box")
                .desired_width(220.0)
                .hint_text("titles, topics, resources, notes"),
        );
        let edit = edit.labelled_by(label.id);
        find.box_id = Some(edit.id);
        if find.focus_requested {
            edit.request_focus();
            find.focus_requested = false;
        }
        edit.on_hover_text(
            "Find (Ctrl+F): every word must match, case does not matter; Esc clears it",
        );
        if !find.query.is_empty() && ui.small_button("Clear").clicked() {
            find.query.clear();
        }
    });
    ui.horizontal(|ui| {
        let show = ui.label(SHOW_LABEL);
        egui::ComboBox::from_id_salt("find-states")
            .selected_text(find.states.label())
            .show_ui(ui, |ui| {
                for states in StateFilter::ALL {
                    ui.selectable_value(&mut find.states, states, states.label());
                }
            })
            .response
            .labelled_by(show.id);
    });

    let filter = Filter::new(&find.query, find.states);
    if filter.is_active() {
        // The entries progress counts (the ideas as one), so M is the progress total.
        let counted: Vec<_> = plan.stages().into_iter().map(|stage| stage.stage).collect();
        let (shown, total) = filter.count_items(plan.roadmap(), &counted, plan.progress());
        let text = format!("{shown} of {total} items");
        let colour = if shown == 0 {
            ui.visuals().warn_fg_color
        } else {
            ui.visuals().weak_text_color()
        };
        ui.label(RichText::new(text).color(colour));
    }
    filter
}

/// `text` styled as `rich`, with the parts that match the find box highlighted. Without a
/// query (or a match) it is `rich` unchanged. `rich` must hold exactly `text`.
pub fn marked(ui: &Ui, filter: &Filter, rich: RichText) -> WidgetText {
    let ranges = filter.highlight_ranges(rich.text());
    if ranges.is_empty() {
        return rich.into();
    }
    let job = WidgetText::from(rich).into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        ui.text_valign(),
    );
    WidgetText::LayoutJob(Arc::new(highlight_job(&job, &ranges, highlight_colour(ui))))
}

/// The background of a match: a marker-pen yellow, dimmed for the dark theme.
fn highlight_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x00)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x66)
    }
}

/// Splits the job's sections at the match boundaries and gives the matched parts a background.
fn highlight_job(job: &LayoutJob, ranges: &[Range<usize>], background: Color32) -> LayoutJob {
    let mut out = LayoutJob {
        text: job.text.clone(),
        sections: Vec::new(),
        ..job.clone()
    };
    for section in &job.sections {
        let (start, end) = (section.byte_range.start.0, section.byte_range.end.0);
        let mut cuts = vec![start, end];
        for range in ranges {
            for cut in [range.start, range.end] {
                if start < cut && cut < end {
                    cuts.push(cut);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (piece_start, piece_end) = (pair[0], pair[1]);
            let mut format = section.format.clone();
            if ranges
                .iter()
                .any(|range| range.start <= piece_start && piece_end <= range.end)
            {
                format.background = background;
            }
            out.sections.push(LayoutSection {
                leading_space: if piece_start == start {
                    section.leading_space
                } else {
                    0.0
                },
                byte_range: piece_start.into()..piece_end.into(),
                format,
            });
        }
    }
    out
}
