//! Writes the real-shaped synthetic roadmap (150 phases, 1,000 topics, 3,000 topic links;
//! `study_planner::roadmap::synthetic::real_shaped`) as RON, for measuring the window with a
//! roadmap as big as real ones get:
//!
//! ```text
//! cargo run --release --example big_roadmap -- target/big-roadmap.ron
//! scripts/bench-startup.sh --roadmap target/big-roadmap.ron
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: big_roadmap FILE.ron");
        return ExitCode::from(2);
    };
    let roadmap = study_planner::roadmap::synthetic::real_shaped();
    let text = match ron::ser::to_string_pretty(&roadmap, ron::ser::PrettyConfig::default()) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("big_roadmap: cannot write the roadmap as RON: {err}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = std::fs::write(&path, text) {
        eprintln!(
            "big_roadmap: cannot write {}: {err}",
            path.to_string_lossy()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
