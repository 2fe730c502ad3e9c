//! An import's plan with the decisions its new prospects bring made on every core: each
//! evaluates its prospect, most of a large import's time (`domain::import_plan::plan_with`;
//! the plan is the same as the domain's `plan`).

use rayon::prelude::*;

use crate::domain::import_plan::{Decider, Incoming, Plan, plan_with};
use crate::domain::prospect::Prospect;

/// Decisions below this many stay on one task: an evaluation is tens of microseconds.
const PER_TASK: usize = 16;

/// `domain::import_plan::plan` on every core.
pub fn plan(existing: &[&Prospect], incoming: Vec<Incoming>, decider: &Decider) -> Plan {
    plan_with(existing, incoming, decider, |pending| {
        pending.par_iter_mut().with_min_len(PER_TASK).for_each(|p| p.decide(decider))
    })
}
