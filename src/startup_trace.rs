//! `STUDY_PLANNER_TRACE_STARTUP=1`: when each step of opening and closing the window happens,
//! in milliseconds since `main` began, one line per step on standard error:
//!
//! ```text
//! trace-startup   72.91 ms app created
//! trace-startup   80.44 ms frame 1 laid out
//! ```
//!
//! `scripts/bench-startup.sh` reads these lines (and the same ones from its bare window) to
//! say where start-up and exit go. Off, a mark costs one relaxed atomic load: nothing is
//! formatted, nothing is written, and the variable is read once.

use std::sync::OnceLock;
use std::time::Instant;

/// The environment variable that turns the trace on (any value).
pub const TRACE_VARIABLE: &str = "STUDY_PLANNER_TRACE_STARTUP";

/// `Some(start)` when tracing, read on the first call (the first line of `main`).
static START: OnceLock<Option<Instant>> = OnceLock::new();

fn start() -> Option<Instant> {
    *START.get_or_init(|| std::env::var_os(TRACE_VARIABLE).map(|_| Instant::now()))
}

/// Whether the trace is on; call [`mark`] freely, this only saves building a label.
pub fn enabled() -> bool {
    start().is_some()
}

/// Writes `what` with the time since the first call, when tracing.
pub fn mark(what: &str) {
    if let Some(start) = start() {
        eprintln!("{}", line(start.elapsed().as_secs_f64() * 1000.0, what));
    }
}

/// Writes `what` as a remark (`trace-startup-note …`) beside the steps, when tracing: said,
/// but not a step of the breakdown.
pub fn note(what: &str) {
    if start().is_some() {
        eprintln!("trace-startup-note {what}");
    }
}

fn line(ms: f64, what: &str) -> String {
    format!("trace-startup {ms:8.2} ms {what}")
}

#[cfg(test)]
mod tests {
    use super::line;

    /// The shape `scripts/bench-startup.sh` parses: the word, the milliseconds, "ms", the step.
    #[test]
    fn a_line_is_the_tag_the_milliseconds_and_the_step() {
        assert_eq!(
            line(72.914, "app created"),
            "trace-startup    72.91 ms app created"
        );
        let text = line(1234.5, "frame 12 laid out");
        let fields: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(fields[..3], ["trace-startup", "1234.50", "ms"]);
        assert_eq!(fields[3..].join(" "), "frame 12 laid out");
    }
}
