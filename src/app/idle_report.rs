//! A measuring aid for `scripts/bench-startup.sh`: how many frames the window draws, and how
//! much CPU it burns, while it sits open and nothing happens.
//!
//! Off unless the environment variable [`IDLE_REPORT_ENV`] holds a number of seconds; it is
//! read once, in `run_native`. When on, the app is wrapped in [`FrameCounting`] (one atomic
//! increment per frame), and a thread waits for the window to settle, samples the frame count
//! and the process's CPU time, waits the given seconds, samples again, prints one line to
//! stdout and closes the window. The thread sleeps the whole time, so it costs no CPU itself.
//! It never requests a repaint before the measurement ends: that would be the very loop it is
//! there to catch.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::anyhow;

/// Seconds of idling to measure, e.g. `STUDY_PLANNER_IDLE_REPORT=10`.
pub const IDLE_REPORT_ENV: &str = "STUDY_PLANNER_IDLE_REPORT";

/// Time given to the window to open and draw its first frames before the measurement starts.
const SETTLE: Duration = Duration::from_millis(1500);

/// Linux reports CPU time in clock ticks of `USER_HZ`, which is 100 on every architecture
/// Linux supports in user space.
const TICKS_PER_SECOND: f64 = 100.0;

/// The idle time asked for in [`IDLE_REPORT_ENV`], if any.
pub fn requested() -> anyhow::Result<Option<Duration>> {
    match std::env::var(IDLE_REPORT_ENV) {
        Ok(text) => parse_seconds(&text).map(Some),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(anyhow!(
            "{IDLE_REPORT_ENV} is not valid UTF-8; expected a number of seconds such as 10"
        )),
    }
}

fn parse_seconds(text: &str) -> anyhow::Result<Duration> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| {
            anyhow!("{IDLE_REPORT_ENV}={text:?}; expected a positive number of seconds such as 10")
        })
}

/// Wraps an app and counts the frames (calls to `ui`) it draws; everything else is passed on.
pub struct FrameCounting {
    inner: Box<dyn eframe::App>,
    frames: Arc<AtomicU64>,
}

impl FrameCounting {
    pub fn new(inner: Box<dyn eframe::App>, frames: Arc<AtomicU64>) -> Self {
        Self { inner, frames }
    }
}

impl eframe::App for FrameCounting {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.inner.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames.fetch_add(1, Ordering::Relaxed);
        self.inner.ui(ui, frame);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.inner.save(storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.inner.on_exit(gl);
    }

    fn auto_save_interval(&self) -> Duration {
        self.inner.auto_save_interval()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.inner.clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        self.inner.persist_egui_memory()
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.inner.raw_input_hook(ctx, raw_input);
    }
}

/// Wraps `app` in a frame counter and starts the thread that measures `idle` and then closes
/// the window.
pub fn start(app: Box<dyn eframe::App>, ctx: &egui::Context, idle: Duration) -> FrameCounting {
    let frames = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&frames);
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("idle-report".into())
        .spawn(move || {
            std::thread::sleep(SETTLE);
            let (frames_before, cpu_before) = (counter.load(Ordering::Relaxed), cpu_seconds());
            std::thread::sleep(idle);
            let (frames_after, cpu_after) = (counter.load(Ordering::Relaxed), cpu_seconds());
            let cpu = match (cpu_before, cpu_after) {
                (Some(before), Some(after)) => format!("{:.2}", after - before),
                _ => "unknown".to_owned(),
            };
            println!(
                "idle {:.1} s: {} frames drawn, {cpu} s CPU",
                idle.as_secs_f64(),
                frames_after - frames_before
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        });
    if let Err(err) = spawned {
        log::error!("cannot start the idle-report thread: {err}");
    }
    FrameCounting::new(app, frames)
}

/// CPU time (user + system) of this whole process so far, in seconds; `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    parse_cpu_ticks(&stat).map(|ticks| ticks as f64 / TICKS_PER_SECOND)
}

/// `utime + stime` from a `/proc/PID/stat` line. The command name (field 2) is in parentheses
/// and may hold spaces, so fields are counted from the last `)`: utime and stime are fields 14
/// and 15 of the line, the 12th and 13th after it.
fn parse_cpu_ticks(stat: &str) -> Option<u64> {
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_ticks_come_from_fields_14_and_15() {
        let line = "4242 (study planner) S 1 4242 4242 0 -1 4194560 2783 0 0 0 \
                    37 12 0 0 20 0 9 0 123 0 0";
        assert_eq!(parse_cpu_ticks(line), Some(49));
        assert_eq!(parse_cpu_ticks("4242 (x) S 1"), None);
        assert_eq!(parse_cpu_ticks("no parenthesis"), None);
    }

    #[test]
    fn this_process_reports_its_cpu_time() {
        if cfg!(target_os = "linux") {
            assert!(cpu_seconds().is_some_and(|secs| secs >= 0.0));
        }
    }

    /// The smallest app: draws one label.
    struct Label;

    impl eframe::App for Label {
        fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
            ui.label("idle");
        }
    }

    #[test]
    fn every_frame_is_counted_once() {
        let frames = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&frames);
        let mut harness = egui_kittest::Harness::builder()
            .build_eframe(move |_cc| FrameCounting::new(Box::new(Label), counter));
        // Building the harness already runs a few frames; count from there.
        let before = frames.load(Ordering::Relaxed);
        for _ in 0..3 {
            harness.step();
        }
        assert_eq!(frames.load(Ordering::Relaxed) - before, 3);
    }

    #[test]
    fn idle_seconds_must_be_a_positive_number() {
        assert_eq!(parse_seconds("10").ok(), Some(Duration::from_secs(10)));
        assert_eq!(
            parse_seconds(" 2.5 ").ok(),
            Some(Duration::from_millis(2500))
        );
        for bad in ["", "0", "-3", "ten", "NaN", "inf"] {
            assert!(parse_seconds(bad).is_err(), "{bad:?} accepted");
        }
    }
}
