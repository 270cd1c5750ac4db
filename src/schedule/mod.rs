//! Turning a roadmap and the learner's plan settings into dates. Pure: no egui, no disk.

mod settings;

pub use settings::{Pace, PlanSettings};
