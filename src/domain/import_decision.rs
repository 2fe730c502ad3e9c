//! A status or agreed terms an import brings are a decision: the status changes only through
//! one, so that the history says who changed it, when and from which file. Cells with the
//! status and the terms the prospect already has record nothing, so importing a file again
//! never repeats its decisions.

use super::date::Date;
use super::decision::{Decision, Stamp, agrees_terms, record_on, standing_terms};
use super::decision_columns::DecisionCells;
use super::evaluate::evaluate_with;
use super::fields::Field;
use super::import_plan::Incoming;
use super::policy::Policy;
use super::prospect::Prospect;
use super::terms::given::GivenTerms;
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
        let status = item.updates.contains(Field::Status).then_some(item.prospect.status);
        self.decide(status, &item.terms, &item.decided, target);
    }

    /// `apply` from the parts of an incoming prospect it reads: the status of its status cell
    /// (none when the cell is empty), its term cells and its decision columns. The prospect is
    /// evaluated once, for the terms and the record alike, and only when a decision is made,
    /// without the sentences of the suggestion, which the record does not keep.
    pub fn decide(
        &self,
        brought: Option<Status>,
        terms: &GivenTerms,
        decided: &DecisionCells,
        target: &mut Prospect,
    ) {
        let status = brought.unwrap_or(target.status);
        // Terms that agree nothing new (the status stays, the terms are those agreed already)
        // are not a decision.
        let agrees = !terms.is_empty() && agrees_terms(status);
        let agreed_already = || target.agreed_terms.as_ref().is_some_and(|a| terms.apply(a) == *a);
        if status == target.status && (!agrees || agreed_already()) {
            return;
        }
        let evaluation = evaluate_with(target, self.policy, self.today, false);
        let terms = agrees.then(|| terms.apply(&standing_terms(target, &evaluation)));
        let decision = Decision { status, terms, note: self.note.clone() };
        // A decision the file dates (an export of ours) keeps its time and its user.
        let stamp = Stamp {
            at: decided.decided_at.unwrap_or(self.stamp.at),
            by: decided.decided_by.clone().unwrap_or_else(|| self.stamp.by.clone()),
        };
        record_on(target, decision, &stamp, self.policy, self.today, &evaluation);
    }
}
