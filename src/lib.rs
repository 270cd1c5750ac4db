//! study-planner: plan months of study from a roadmap, tick what is done, print the plan.
//!
//! The library holds everything; `main.rs` only calls [`cli::run`]. Modules that know nothing
//! of egui (roadmap, and later schedule, progress, export) are kept apart from the UI (`app`).

pub mod app;
pub mod cli;
pub mod clock;
pub mod date;
pub mod export;
pub mod filter;
pub mod gantt;
pub mod import;
pub mod paths;
pub mod plan;
pub mod progress;
pub mod roadmap;
pub mod schedule;
pub mod storage;
pub mod words;
