//! The window's frames in the start-up trace (`STUDY_PLANNER_TRACE_STARTUP`, see
//! [`crate::startup_trace`]): when each frame begins and is laid out, and on a line of its
//! own what asked for it (egui's repaint causes), which is how a frame nobody needed is found.

use egui::Ui;

use crate::startup_trace;

/// Draws one frame with `draw`, marking its start and end when the trace is on.
pub fn traced_frame(ui: &mut Ui, draw: impl FnOnce(&mut Ui)) {
    if !startup_trace::enabled() {
        return draw(ui);
    }
    let ctx = ui.ctx().clone();
    let pass = ctx.current_pass_index();
    let frame = match pass {
        0 => format!("frame {}", ctx.cumulative_frame_nr() + 1),
        _ => format!("frame {} pass {}", ctx.cumulative_frame_nr() + 1, pass + 1),
    };
    if ui.input(|i| i.viewport().close_requested()) {
        startup_trace::mark("close requested");
    }
    let causes: Vec<(String, u32)> = ctx
        .repaint_causes()
        .iter()
        .map(|cause| (short_file(cause.file).to_owned(), cause.line))
        .collect();
    startup_trace::note(&format!("{frame} asked for by {}", counted(&causes)));
    startup_trace::mark(&format!("{frame} begins"));
    draw(ui);
    startup_trace::mark(&format!("{frame} laid out"));
    if ctx.will_discard() {
        startup_trace::note(&format!("{frame} is discarded and laid out again"));
    }
}

/// `…/registry/src/index.crates.io-…/egui-0.37.0/src/x.rs` → `egui-0.37.0/src/x.rs`.
fn short_file(file: &str) -> &str {
    match file.rsplit_once("/registry/src/") {
        Some((_, rest)) => rest
            .split_once('/')
            .map_or(rest, |(_, crate_path)| crate_path),
        None => file,
    }
}

/// `a.rs:1, b.rs:2 ×3` in the order first asked.
fn counted(causes: &[(String, u32)]) -> String {
    let mut seen: Vec<(&(String, u32), usize)> = Vec::new();
    for cause in causes {
        match seen.iter_mut().find(|(known, _)| *known == cause) {
            Some((_, count)) => *count += 1,
            None => seen.push((cause, 1)),
        }
    }
    let words: Vec<String> = seen
        .iter()
        .map(|((file, line), count)| match count {
            1 => format!("{file}:{line}"),
            _ => format!("{file}:{line} ×{count}"),
        })
        .collect();
    if words.is_empty() {
        "nothing recorded (an input event)".to_owned()
    } else {
        words.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_name_the_crate_file_and_line_once_with_a_count() {
        let egui = "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/egui-0.37.0/src/theme/mod.rs";
        assert_eq!(short_file(egui), "egui-0.37.0/src/theme/mod.rs");
        assert_eq!(short_file("src/app/mod.rs"), "src/app/mod.rs");
        let causes = [
            ("src/app/mod.rs".to_owned(), 361),
            ("egui-0.37.0/src/theme/mod.rs".to_owned(), 37),
            ("egui-0.37.0/src/theme/mod.rs".to_owned(), 37),
        ];
        assert_eq!(
            counted(&causes),
            "src/app/mod.rs:361, egui-0.37.0/src/theme/mod.rs:37 ×2"
        );
        assert_eq!(counted(&[]), "nothing recorded (an input event)");
    }
}
