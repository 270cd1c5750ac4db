//! The window's memo of the joined [`Plan`]: rebuilt when the roadmap, the learner's data or
//! today change, never just because a frame was drawn. The schedule inside it is recomputed
//! only when the plan settings change (a tick moves no date).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::plan::Plan;
use crate::progress::{PlanSettings, RoadmapProgress};
use crate::roadmap::Roadmap;

#[derive(Default)]
pub struct PlanCache {
    /// The plan, and the version of the learner's data it was built from.
    current: Option<(Arc<Plan>, u64)>,
    /// The last preview of a plan-panel change, and the plan it was derived from.
    preview: Option<(Arc<Plan>, Arc<Plan>)>,
    /// How many times a schedule was computed (tests check the memo holds).
    computations: usize,
}

impl PlanCache {
    /// The plan for these inputs; `version` changes whenever `data` does.
    pub fn get(
        &mut self,
        roadmap: &Arc<Roadmap>,
        data: &RoadmapProgress,
        version: u64,
        today: NaiveDate,
    ) -> Arc<Plan> {
        let fits = |plan: &Plan| Arc::ptr_eq(plan.roadmap_arc(), roadmap) && plan.today() == today;
        if let Some((plan, built_from)) = &self.current
            && *built_from == version
            && fits(plan)
        {
            return Arc::clone(plan);
        }
        // A schedule computed for these settings already (the last plan's, or the preview
        // the learner just applied) is reused.
        let previous = self.current.take().map(|(plan, _)| plan);
        let preview = self.preview.take().map(|(preview, _)| preview);
        let reusable = [preview, previous]
            .into_iter()
            .flatten()
            .find(|plan| fits(plan) && plan.same_schedule_for(data));
        let plan = Arc::new(match reusable {
            Some(plan) => plan.with_progress(data.clone()),
            None => {
                self.computations += 1;
                Plan::new(Arc::clone(roadmap), data.clone(), today)
            }
        });
        self.current = Some((Arc::clone(&plan), version));
        plan
    }

    /// `plan` with `settings`: what a change made in the plan panel this frame will look like,
    /// so the timeline and the week plan show it in the same frame.
    pub fn preview(&mut self, plan: &Arc<Plan>, settings: &PlanSettings) -> Arc<Plan> {
        if let Some((preview, base)) = &self.preview
            && Arc::ptr_eq(base, plan)
            && preview.settings() == settings
        {
            return Arc::clone(preview);
        }
        self.computations += 1;
        let preview = Arc::new(plan.with_settings(settings.clone()));
        self.preview = Some((Arc::clone(&preview), Arc::clone(plan)));
        preview
    }

    pub fn computations(&self) -> usize {
        self.computations
    }
}
