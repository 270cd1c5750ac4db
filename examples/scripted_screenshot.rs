//! A developer tool for visual checks: opens the real window, plays a short script of key
//! presses and typed text into it, then writes a PNG and exits. `--screenshot` shows the app
//! as it opens; this shows it after a learner did something (a search, the help panel, the
//! light theme), e.g. under Xvfb:
//!
//! ```text
//! xvfb-run -a cargo run --example scripted_screenshot -- /tmp/find.png ctrl+f "type:sqlalchemy"
//! xvfb-run -a cargo run --example scripted_screenshot -- /tmp/help.png f1 light
//! xvfb-run -a cargo run --example scripted_screenshot -- --data-dir assets/demo /tmp/t.png size:800x600 ctrl+2
//! ```
//!
//! Steps: `ctrl+f`, `ctrl+1`/`ctrl+2`/`ctrl+3`, `ctrl+plus`, `f1`, `space`, `tab`,
//! `light`/`dark` (theme), `size:WIDTHxHEIGHT` (window size), `type:TEXT`. One step runs per frame; the capture follows a few
//! frames after the last. The learner's data folder is a fresh temporary one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use egui::{Event, Key, Modifiers};
use study_planner::app::{AppOptions, StudyPlannerApp, View};

/// Frames to let the UI settle before the first step and after the last.
const SETTLE_FRAMES: usize = 4;

enum Step {
    Key(Modifiers, Key),
    Text(String),
    Theme(egui::ThemePreference),
    Size(egui::Vec2),
}

fn parse_step(text: &str) -> Result<Step, String> {
    let command = Modifiers::COMMAND;
    Ok(match text {
        "ctrl+f" => Step::Key(command, Key::F),
        "ctrl+1" => Step::Key(command, Key::Num1),
        "ctrl+2" => Step::Key(command, Key::Num2),
        "ctrl+3" => Step::Key(command, Key::Num3),
        "ctrl+plus" => Step::Key(command, Key::Plus),
        "f1" => Step::Key(Modifiers::NONE, Key::F1),
        "space" => Step::Key(Modifiers::NONE, Key::Space),
        "tab" => Step::Key(Modifiers::NONE, Key::Tab),
        "light" => Step::Theme(egui::ThemePreference::Light),
        "dark" => Step::Theme(egui::ThemePreference::Dark),
        _ => {
            if let Some(typed) = text.strip_prefix("type:") {
                Step::Text(typed.to_owned())
            } else if let Some((w, h)) = text.strip_prefix("size:").and_then(|s| s.split_once('x'))
            {
                let parse = |v: &str| v.parse::<f32>().map_err(|_| format!("bad size {text:?}"));
                Step::Size(egui::vec2(parse(w)?, parse(h)?))
            } else {
                return Err(format!("unknown step {text:?}"));
            }
        }
    })
}

/// The real app, with input injected frame by frame.
struct Scripted {
    app: StudyPlannerApp,
    steps: Vec<Step>,
    frame: usize,
    out: PathBuf,
    captured: bool,
}

impl eframe::App for Scripted {
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.frame += 1;
        let Some(index) = self.frame.checked_sub(SETTLE_FRAMES) else {
            return;
        };
        match self.steps.get(index) {
            Some(Step::Key(modifiers, key)) => {
                for pressed in [true, false] {
                    raw_input.events.push(Event::Key {
                        key: *key,
                        physical_key: None,
                        pressed,
                        repeat: false,
                        modifiers: *modifiers,
                    });
                }
            }
            Some(Step::Text(text)) => raw_input.events.push(Event::Text(text.clone())),
            Some(Step::Theme(theme)) => ctx.set_theme(*theme),
            Some(Step::Size(size)) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(*size))
            }
            None => {}
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        let ctx = ui.ctx().clone();
        ctx.request_repaint();
        if !self.captured && self.frame >= 2 * SETTLE_FRAMES + self.steps.len() {
            self.captured = true;
            let out = self.out.clone();
            let close = ctx.clone();
            ctx.request_screenshot(move |image| {
                let [width, height] = image.size;
                let pixels = image.pixels.iter().flat_map(|c| c.to_array()).collect();
                match image::RgbaImage::from_raw(width as u32, height as u32, pixels) {
                    Some(png) => {
                        if let Err(err) = png.save(&out) {
                            eprintln!("cannot write {}: {err}", out.display());
                        }
                    }
                    None => eprintln!("the captured image has the wrong size"),
                }
                close.send_viewport_cmd(egui::ViewportCommand::Close);
            });
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    // `--data-dir DIR` first: a copy of DIR's progress file is used (the demo's, say).
    let seed = if args.peek().map(String::as_str) == Some("--data-dir") {
        args.next();
        args.next().map(PathBuf::from)
    } else {
        None
    };
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: scripted_screenshot [--data-dir DIR] OUT.png [STEP…]");
        return ExitCode::FAILURE;
    };
    let steps = match args
        .map(|arg| parse_step(&arg))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(steps) => steps,
        Err(err) => {
            eprintln!("scripted_screenshot: {err}");
            return ExitCode::FAILURE;
        }
    };
    let data_dir = std::env::temp_dir().join(format!("scripted-screenshot-{}", std::process::id()));
    if let Some(seed) = seed {
        let copied = std::fs::create_dir_all(&data_dir)
            .and_then(|()| std::fs::copy(seed.join("progress.ron"), data_dir.join("progress.ron")));
        if let Err(err) = copied {
            eprintln!("scripted_screenshot: cannot copy {}: {err}", seed.display());
            return ExitCode::FAILURE;
        }
    }
    let options = AppOptions {
        roadmap: Arc::new(study_planner::roadmap::embedded()),
        data_dir: data_dir.clone(),
        view: Some(View::Cards),
        screenshot: None,
        clock: study_planner::clock::Clock::system(),
    };
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1180.0, 800.0]),
        persist_window: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        "study-planner-scripted",
        native_options,
        Box::new(move |cc| {
            Ok(Box::new(Scripted {
                app: StudyPlannerApp::new(cc, options),
                steps,
                frame: 0,
                out,
                captured: false,
            }))
        }),
    );
    let _ = std::fs::remove_dir_all(&data_dir);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scripted_screenshot: {err}");
            ExitCode::FAILURE
        }
    }
}
