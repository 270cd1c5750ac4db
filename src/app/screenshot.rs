//! `--screenshot FILE.png`: let the real window settle, capture it, write a PNG, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::anyhow;

/// Frames to draw before capturing: fonts, layout and images settle within a few passes.
const SETTLE_FRAMES: u32 = 4;

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
    pub fn new(path: PathBuf) -> Self {
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
            outcome.set(save_png(&path, &image));
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
