//! The `study-planner` binary: a thin wrapper around [`study_planner::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    study_planner::startup_trace::mark("main");
    match study_planner::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("study-planner: {err:#}");
            ExitCode::FAILURE
        }
    }
}
