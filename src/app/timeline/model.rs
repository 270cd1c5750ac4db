//! The chart's model: one row per stage of the joined plan, with its progress and whether the
//! find box leaves anything of it visible.

use super::layout::RowInput;
use crate::filter::Filter;
use crate::plan::Plan;

/// One row per stage, in the plan's order (the first stage on top).
pub fn rows<'p>(plan: &'p Plan, filter: &Filter) -> Vec<RowInput<'p>> {
    plan.stages()
        .into_iter()
        .map(|stage| RowInput {
            stage: stage.scheduled,
            counts: stage.counts,
            matches: !filter.is_active() || filter.stage(&stage.stage, plan.progress()).visible,
        })
        .collect()
}
