//! A status an import brings is a decision: the status changes only through one, so that the
//! history says who changed it, when and from which file. A cell with the status the prospect
//! already has records nothing, so importing a file again never repeats its decisions.

use super::date::Date;
use super::decision::{Decision, Stamp, record};
use super::fields::Field;
use super::import_plan::Incoming;
use super::policy::Policy;
use super::prospect::Prospect;
use super::vocabulary::Status;

/// How an import records the statuses its rows carry: the policy and the date to assess the
/// prospect on, who imports and when, and the note ("imported from FILE").
#[derive(Debug, Clone)]
pub struct Decider<'a> {
    pub policy: &'a Policy,
    pub today: Date,
    pub stamp: Stamp,
    pub note: String,
}

impl<'a> Decider<'a> {
    /// The decider of an import of `file`.
    pub fn for_file(policy: &'a Policy, today: Date, stamp: Stamp, file: &str) -> Decider<'a> {
        Decider { policy, today, stamp, note: format!("imported from {file}") }
    }

    /// Records the status `item` carries on `target` as a decision, when it is a status
    /// `target` does not have yet.
    pub fn apply(&self, item: &Incoming, target: &mut Prospect) {
        if !item.updates.contains(Field::Status) || item.prospect.status == target.status {
            return;
        }
        let decision = Decision { status: item.prospect.status, terms: None, note: self.note.clone() };
        // A decision the file dates (an export of ours) keeps its time and its user.
        let stamp = Stamp {
            at: item.decided.decided_at.unwrap_or(self.stamp.at),
            by: item.decided.decided_by.clone().unwrap_or_else(|| self.stamp.by.clone()),
        };
        *target = record(target, decision, &stamp, self.policy, self.today);
    }

    /// A new prospect as the import brings it: its status, unless new, recorded as a decision.
    pub fn new_prospect(&self, item: &Incoming) -> Prospect {
        let mut p = Prospect { status: Status::New, ..item.prospect.clone() };
        self.apply(item, &mut p);
        p
    }
}
