//! Which version of a prospect a screen's copy was taken from, so that no screen saves a stale
//! copy over newer data (a decision recorded from the what-if while the form stayed open below).
//!
//! Every change to the portfolio puts a new `Arc<Prospect>` in place of the old one (prospects
//! are never changed in place), and a revision holds the `Arc` it names, so that allocation
//! cannot be reused while the revision lives: the pointer names one version and never a later
//! one. An undo puts the very `Arc` of the earlier version back, and a copy of that version is
//! current again, rightly: its data is the portfolio's.

use std::sync::Arc;

use super::Portfolio;
use crate::domain::prospect::Prospect;

/// One version of one prospect, as a screen copied it.
#[derive(Debug, Clone)]
pub struct Revision(Arc<Prospect>);

impl Revision {
    pub fn of(p: &Arc<Prospect>) -> Revision {
        Revision(p.clone())
    }

    pub fn id(&self) -> u64 {
        self.0.id
    }

    pub fn prospect(&self) -> &Arc<Prospect> {
        &self.0
    }
}

impl PartialEq for Revision {
    fn eq(&self, other: &Revision) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// How a copy stands against the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub enum Freshness {
    Current,
    /// The prospect changed since the copy was taken: its version now.
    Newer(Arc<Prospect>),
    /// The prospect is no longer in the portfolio (an undone addition, a reload).
    Gone,
}

impl Portfolio {
    /// The prospect with this id as it is now.
    pub fn current(&self, id: u64) -> Option<&Arc<Prospect>> {
        self.position(id).and_then(|i| self.prospect(i))
    }

    /// The version of the prospect with this id that is in the portfolio now.
    pub fn revision(&self, id: u64) -> Option<Revision> {
        self.current(id).map(Revision::of)
    }

    /// Whether a copy taken at `revision` is still the prospect's current version.
    pub fn freshness(&self, revision: &Revision) -> Freshness {
        match self.current(revision.id()) {
            Some(now) if Arc::ptr_eq(now, revision.prospect()) => Freshness::Current,
            Some(now) => Freshness::Newer(now.clone()),
            None => Freshness::Gone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::policy::Policy;

    #[test]
    fn a_copy_is_stale_after_a_change_and_current_again_after_its_undo() {
        let (policy, today) = (Policy::default_policy(), Date::new(2026, 11, 28).unwrap());
        let first = Prospect { id: 1, ..Prospect::named("A") };
        let mut portfolio = Portfolio::new(vec![first], &policy, today);
        let old = portfolio.revision(1).unwrap();
        assert_eq!(portfolio.freshness(&old), Freshness::Current);

        // The same data in a new Arc is a new version: the copy cannot tell it was not changed.
        let changed = Arc::new(Prospect { note: Some("declined".into()), ..(**old.prospect()).clone() });
        portfolio.upsert(changed.clone(), &policy, today);
        assert_eq!(portfolio.freshness(&old), Freshness::Newer(changed.clone()));

        portfolio.upsert(old.prospect().clone(), &policy, today);
        assert_eq!(portfolio.freshness(&old), Freshness::Current, "the undo put this very version back");
        assert_eq!(portfolio.freshness(&Revision::of(&changed)), Freshness::Newer(old.prospect().clone()));

        portfolio.remove(1);
        assert_eq!(portfolio.freshness(&old), Freshness::Gone);
    }
}
