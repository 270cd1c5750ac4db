//! The "Roadmap" menu in the header: "Open roadmap…" (Ctrl+O), the recent files, and the
//! built-in roadmap. It only asks ([`Command::OpenRoadmap`]); the window's owner
//! (`RoadmapGate`) reads the file and switches.

use std::path::PathBuf;

use egui::{Button, RichText, Ui};

use super::command::{Command, CommandQueue};
use super::roadmap_open::OpenRequest;
use super::roadmap_prefs::RoadmapSource;
use super::shortcuts;

/// Accessible names of the menu and its fixed items; tests click them.
pub const MENU_LABEL: &str = "Roadmap";
pub const OPEN_LABEL: &str = "Open roadmap…";
pub const BUILT_IN_LABEL: &str = "Built-in: Python Enterprise Development Roadmap";

/// What the menu shows; the owner keeps it up to date.
#[derive(Clone, Debug, Default)]
pub struct RoadmapMenu {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The roadmap on screen.
    pub current: Option<RoadmapSource>,
    /// A roadmap is being read or switched to: the items wait.
    pub busy: bool,
}

/// The label of a recent file: its name, then the folder it is in.
pub fn recent_label(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("{name} — {}", folder.display()),
        None => name,
    }
}

pub fn roadmap_menu_ui(ui: &mut Ui, menu: &RoadmapMenu, commands: &CommandQueue) {
    ui.menu_button(MENU_LABEL, |ui| {
        ui.set_min_width(320.0);
        let idle = !menu.busy;
        let open = Button::new(OPEN_LABEL)
            .shortcut_text(ui.ctx().format_shortcut(&shortcuts::OPEN_ROADMAP));
        if ui
            .add_enabled(idle, open)
            .on_hover_text("A .ron roadmap, or a Markdown or text one (imported as it opens)")
            .clicked()
        {
            commands.push(Command::OpenRoadmap(OpenRequest::Pick));
            ui.close();
        }
        ui.separator();
        ui.label(RichText::new("Recent").strong());
        if menu.recent.is_empty() {
            ui.label(RichText::new("No roadmap files opened yet").weak());
        }
        for path in &menu.recent {
            let current = menu.current.as_ref().and_then(RoadmapSource::path) == Some(path);
            let response = ui
                .add_enabled(
                    idle && !current,
                    Button::selectable(current, recent_label(path)),
                )
                .on_hover_text(path.display().to_string())
                .on_disabled_hover_text(if current {
                    "Open now"
                } else {
                    "Another roadmap is opening"
                });
            if response.clicked() {
                commands.push(Command::OpenRoadmap(OpenRequest::Source(
                    RoadmapSource::File(path.clone()),
                )));
                ui.close();
            }
        }
        ui.separator();
        let built_in = menu.current == Some(RoadmapSource::BuiltIn);
        if ui
            .add_enabled(
                idle && !built_in,
                Button::selectable(built_in, BUILT_IN_LABEL),
            )
            .on_hover_text("The roadmap that comes with study-planner")
            .clicked()
        {
            commands.push(Command::OpenRoadmap(OpenRequest::Source(
                RoadmapSource::BuiltIn,
            )));
            ui.close();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recent_file_is_named_first_then_its_folder() {
        assert_eq!(
            recent_label(std::path::Path::new("/home/ada/roadmaps/rust.md")),
            "rust.md — /home/ada/roadmaps"
        );
        assert_eq!(recent_label(std::path::Path::new("rust.md")), "rust.md");
    }
}
