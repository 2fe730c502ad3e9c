//! The large-portfolio engine: the portfolio in memory, its display order, the name index,
//! loading and evaluating, and the parallel work (on rayon's pool) that keeps a million
//! prospects responsive. No terminal: the portfolio screen reads a [`view::View`], and the
//! store hands over parsed prospects that [`load`] evaluates.
//!
//! The portfolio in memory is every prospect with the summary of its evaluation that the
//! portfolio table, its sorting, filters and totals read. Prospects are shared (`Arc`) so that
//! a snapshot for saving or undo costs a reference count, not a copy; a change re-evaluates
//! only the prospect that changed.

pub mod chunks;
pub mod filter;
pub mod import_plan;
pub mod load;
pub mod names;
pub mod order;
pub mod query;
pub mod revision;
pub mod sort;
pub mod view;

use std::sync::Arc;

use self::chunks::SharedChunks;
use self::load::evaluate;
use self::names::NameIndex;
use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;

/// The portfolio as it stood at one moment, shared cheaply with the saver.
pub type Snapshot = SharedChunks<Arc<Prospect>>;

/// The prospects and their summaries, index for index.
#[derive(Debug, Clone)]
pub struct Portfolio {
    prospects: SharedChunks<Arc<Prospect>>,
    summaries: Vec<Summary>,
    /// The names folded for the filter and the name sort, position for position.
    names: NameIndex,
    /// Whether ids rise with the position (as the store writes them and new ids are the
    /// highest), so that a prospect is found by binary search.
    ids_rising: bool,
}

impl Default for Portfolio {
    fn default() -> Portfolio {
        Portfolio {
            prospects: SharedChunks::default(),
            summaries: Vec::new(),
            names: NameIndex::default(),
            ids_rising: true,
        }
    }
}

impl Portfolio {
    pub fn new(prospects: Vec<Prospect>, policy: &Policy, today: Date) -> Portfolio {
        let summaries = evaluate(&prospects, policy, today);
        let mut names = NameIndex::default();
        prospects.iter().for_each(|p| names.push(&p.name));
        let ids_rising = prospects.windows(2).all(|w| w[0].id < w[1].id);
        Portfolio { prospects: prospects.into_iter().map(Arc::new).collect(), summaries, names, ids_rising }
    }

    pub fn len(&self) -> usize {
        self.prospects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.prospects.is_empty()
    }

    pub fn prospect(&self, index: usize) -> Option<&Arc<Prospect>> {
        self.prospects.get(index)
    }

    pub fn summary(&self, index: usize) -> Option<&Summary> {
        self.summaries.get(index)
    }

    pub fn summaries(&self) -> &[Summary] {
        &self.summaries
    }

    pub fn prospects(&self) -> impl ExactSizeIterator<Item = &Arc<Prospect>> + '_ {
        self.prospects.iter()
    }

    /// The name at a position, folded (lower case, no accents) for matching and sorting.
    pub fn folded_name(&self, index: usize) -> &str {
        self.names.get(index)
    }

    /// The position of the prospect with this id.
    pub fn position(&self, id: u64) -> Option<usize> {
        if self.ids_rising {
            let (mut lo, mut hi) = (0, self.prospects.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                match self.prospects.get(mid).map(|p| p.id.cmp(&id)) {
                    Some(std::cmp::Ordering::Less) => lo = mid + 1,
                    Some(std::cmp::Ordering::Greater) => hi = mid,
                    Some(std::cmp::Ordering::Equal) => return Some(mid),
                    None => return None,
                }
            }
            None
        } else {
            self.prospects.iter().position(|p| p.id == id)
        }
    }

    /// An id no prospect has yet.
    pub fn next_id(&self) -> u64 {
        let highest = if self.ids_rising {
            self.prospects.last().map(|p| p.id)
        } else {
            self.prospects.iter().map(|p| p.id).max()
        };
        highest.unwrap_or(0).saturating_add(1)
    }

    /// Replaces the prospect with the same id, or appends it; returns its position.
    pub fn upsert(&mut self, p: Arc<Prospect>, policy: &Policy, today: Date) -> usize {
        let summary = Summary::of(&p, policy, today);
        match self.position(p.id) {
            Some(i) => {
                if self.prospects.get(i).is_some_and(|old| old.name != p.name) {
                    self.names.set(i, &p.name);
                }
                self.prospects.set(i, p);
                self.summaries[i] = summary;
                i
            }
            None => {
                self.ids_rising &= self.prospects.last().is_none_or(|last| last.id < p.id);
                self.names.push(&p.name);
                self.prospects.push(p);
                self.summaries.push(summary);
                self.prospects.len() - 1
            }
        }
    }

    /// Puts a prospect back at a position (undoing a deletion).
    pub fn insert(&mut self, index: usize, p: Arc<Prospect>, policy: &Policy, today: Date) {
        let index = index.min(self.prospects.len());
        let fits = |i: usize| self.prospects.get(i).map(|q| q.id);
        let before_ok = index == 0 || fits(index - 1).is_some_and(|id| id < p.id);
        let after_ok = fits(index).is_none_or(|id| id > p.id);
        self.ids_rising &= before_ok && after_ok;
        self.summaries.insert(index, Summary::of(&p, policy, today));
        self.names.insert(index, &p.name);
        self.prospects.insert(index, p);
    }

    /// Removes the prospect with this id, returning where it was and what it was.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Arc<Prospect>)> {
        let i = self.position(id)?;
        self.summaries.remove(i);
        self.names.remove(i);
        self.prospects.remove(i).map(|p| (i, p))
    }

    /// Everything as it is now, for a save or an export, at the cost of one reference count
    /// per chunk of prospects.
    pub fn snapshot(&self) -> Snapshot {
        self.prospects.clone()
    }

    /// Re-evaluates every prospect (after a policy change).
    pub fn reevaluate(&mut self, policy: &Policy, today: Date) {
        let prospects: Vec<&Prospect> = self.prospects.iter().map(|p| p.as_ref()).collect();
        self.summaries = evaluate(&prospects, policy, today);
    }

    /// Adds prospects read from the store with their summaries.
    pub fn extend(&mut self, prospects: Vec<Prospect>, summaries: Vec<Summary>) {
        let mut last = self.prospects.last().map(|p| p.id);
        for p in prospects {
            self.ids_rising &= last.is_none_or(|id| id < p.id);
            last = Some(p.id);
            self.names.push(&p.name);
            self.prospects.push(Arc::new(p));
        }
        self.summaries.extend(summaries);
    }
}
