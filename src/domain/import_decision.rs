//! A status or agreed terms an import brings are a decision: the status changes only through
//! one, so that the history says who changed it, when and from which file. Cells with the
//! status and the terms the prospect already has record nothing, so importing a file again
//! never repeats its decisions.

use super::date::Date;
use super::decision::{Decision, Stamp, agrees_terms, record, standing_terms};
use super::evaluate::evaluate;
use super::fields::Field;
use super::import_plan::Incoming;
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
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

    /// Records the status and the agreed terms `item` carries on `target` as a decision, when
    /// `target` does not have them yet. Terms count only with a status that agrees terms
    /// (approved, with conditions, routed); each term cell left empty keeps the term `target`
    /// has agreed (else the suggestion's).
    pub fn apply(&self, item: &Incoming, target: &mut Prospect) {
        let status = if item.updates.contains(Field::Status) { item.prospect.status } else { target.status };
        let terms = self.agreed_terms(item, target, status);
        if status == target.status && terms.is_none() {
            return;
        }
        let decision = Decision { status, terms, note: self.note.clone() };
        // A decision the file dates (an export of ours) keeps its time and its user.
        let stamp = Stamp {
            at: item.decided.decided_at.unwrap_or(self.stamp.at),
            by: item.decided.decided_by.clone().unwrap_or_else(|| self.stamp.by.clone()),
        };
        *target = record(target, decision, &stamp, self.policy, self.today);
    }

    /// The terms `item` agrees on `target` with `status`: none when it gives none, when the
    /// status agrees none, or when the status stays and the given terms are those agreed
    /// already; else the given terms over those the decision would stand on.
    fn agreed_terms(&self, item: &Incoming, target: &Prospect, status: Status) -> Option<Terms> {
        if item.terms.is_empty() || !agrees_terms(status) {
            return None;
        }
        let agreed_already = target.agreed_terms.as_ref().is_some_and(|a| item.terms.apply(a) == *a);
        if status == target.status && agreed_already {
            return None;
        }
        let evaluation = evaluate(target, self.policy, self.today);
        Some(item.terms.apply(&standing_terms(target, &evaluation)))
    }

    /// A new prospect as the import brings it: its status, unless new, recorded as a decision.
    pub fn new_prospect(&self, item: &Incoming) -> Prospect {
        let mut p = Prospect { status: Status::New, ..item.prospect.clone() };
        self.apply(item, &mut p);
        p
    }
}
