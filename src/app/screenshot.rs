//! `--screenshot FILE.png`: let the real window settle, capture it, write a PNG, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::anyhow;

/// Frames drawn before the one captured. The first lays out all text (the fonts' glyphs are
/// made then); from the second on, every widget also knows its state of the frame before
/// (hovered, open, its measured width), and the picture no longer changes: with animations
/// off, frames 2 and 5 of every view are the same pixels (`compare -metric AE`, 2026-12-02).
const SETTLE_FRAMES: u32 = 2;

/// Shared between the screenshot callback (another thread) and `run_native`'s caller.
#[derive(Clone, Default)]
pub struct Outcome(Arc<Mutex<Option<Result<(), String>>>>);

impl Outcome {
    fn set(&self, result: Result<(), String>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(result);
        }
    }

    /// The screenshot's result once the window has closed (Ok when none was asked for).
    pub fn result(&self) -> anyhow::Result<()> {
        let slot = self
            .0
            .lock()
            .map_err(|_| anyhow!("screenshot thread panicked"))?;
        match slot.as_ref() {
            None | Some(Ok(())) => Ok(()),
            Some(Err(message)) => Err(anyhow!("{message}")),
        }
    }
}

pub struct ScreenshotTask {
    path: PathBuf,
    frames: u32,
    requested: bool,
    outcome: Outcome,
}

impl ScreenshotTask {
    /// A screenshot shows the window at rest: animations (a scroll bar fading in, a panel
    /// sliding open) end at once, so the picture does not depend on how fast the machine drew
    /// the frames before it.
    pub fn new(ctx: &egui::Context, path: PathBuf) -> Self {
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        Self {
            path,
            frames: 0,
            requested: false,
            outcome: Outcome::default(),
        }
    }

    pub fn set_outcome(&mut self, outcome: Outcome) {
        self.outcome = outcome;
    }

    /// Called at the end of every frame.
    pub fn on_frame(&mut self, ctx: &egui::Context) {
        if self.requested {
            return;
        }
        self.frames += 1;
        if self.frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let outcome = self.outcome.clone();
        let close_ctx = ctx.clone();
        ctx.request_screenshot(move |image| {
            crate::startup_trace::mark("screenshot taken");
            outcome.set(save_png(&path, &image));
            crate::startup_trace::mark("screenshot written");
            close_ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        });
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, pixels)
        .ok_or_else(|| "the captured image has the wrong size".to_owned())?;
    buffer
        .save(path)
        .map_err(|err| format!("cannot write the screenshot: {err}: {}", path.display()))
}
