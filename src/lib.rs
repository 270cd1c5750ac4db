//! study-planner: plan months of study from a roadmap, tick what is done, print the plan.
//!
//! The library holds everything; `main.rs` only calls [`cli::run`]. The pure core (roadmap,
//! import, progress, schedule, plan, storage, export, gantt, filter) knows nothing of egui;
//! the window (`app`) draws the joined [`plan::Plan`] and is the one owner of changes to the
//! learner's data. `ARCHITECTURE.md` has the codemap and the invariants.

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
pub mod ron_messages;
pub mod schedule;
pub mod startup_trace;
pub mod storage;
pub mod words;
