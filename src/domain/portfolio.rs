//! The portfolio in memory: every prospect with the summary of its evaluation that the
//! portfolio table, its sorting, filters and totals read.
//!
//! Prospects are shared (`Arc`) so that a snapshot for saving or undo costs a reference count,
//! not a copy; a change re-evaluates only the prospect that changed.

use std::sync::Arc;

use super::date::Date;
use super::evaluate::{Evaluation, evaluate_with};
use super::money::{Money, Pct};
use super::names::NameIndex;
use super::policy::Policy;
use super::prospect::Prospect;
use super::shared_chunks::SharedChunks;
use super::vocabulary::{Band, Segment, Status};

/// The portfolio as it stood at one moment, shared cheaply with the saver.
pub type Snapshot = SharedChunks<Arc<Prospect>>;

/// What the portfolio table shows of one prospect's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub band: Band,
    pub insufficient_data: bool,
    pub score: Option<f64>,
    pub segment: Option<Segment>,
    pub volume: Option<Money>,
    pub payment_days: u32,
    pub advance: Pct,
    pub exposure: Money,
    pub expected_loss: Money,
    pub risk_adjusted_profit: Option<Money>,
    pub status: Status,
    /// Volume, exposure, expected loss and risk-adjusted profit in cents (unknown as 0), for
    /// the totals.
    pub(crate) cents: [i64; 4],
}

impl Summary {
    pub fn new(p: &Prospect, e: &Evaluation) -> Summary {
        let terms = &e.suggestion.terms;
        let exposure = e.economics.as_ref().map_or(Money::ZERO, |x| x.exposure);
        let expected_loss = e.economics.as_ref().map_or(Money::ZERO, |x| x.expected_loss);
        let risk_adjusted_profit = e.economics.as_ref().map(|x| x.risk_adjusted_profit);
        let cents = [
            p.annual_volume.unwrap_or(Money::ZERO).cents(),
            exposure.cents(),
            expected_loss.cents(),
            risk_adjusted_profit.unwrap_or(Money::ZERO).cents(),
        ];
        Summary {
            band: e.assessment.band,
            insufficient_data: e.assessment.insufficient_data,
            score: e.assessment.score,
            segment: e.segment,
            volume: p.annual_volume,
            payment_days: terms.payment_days,
            advance: terms.advance_pct,
            exposure,
            expected_loss,
            risk_adjusted_profit,
            status: p.status,
            cents,
        }
    }

    /// The cents the totals add, from the amounts (for summaries built field by field).
    #[cfg(test)]
    pub(crate) fn recount(mut self) -> Summary {
        let or_zero = |m: Option<Money>| m.unwrap_or(Money::ZERO).cents();
        self.cents = [
            or_zero(self.volume),
            self.exposure.cents(),
            self.expected_loss.cents(),
            or_zero(self.risk_adjusted_profit),
        ];
        self
    }

    pub fn of(p: &Prospect, policy: &Policy, today: Date) -> Summary {
        Summary::new(p, &evaluate_with(p, policy, today, false))
    }
}

/// Sums over a set of prospects, kept in whole cents: summing integers keeps the totals exact
/// and a filter keystroke over a million rows fast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub count: usize,
    /// Volume, exposure, expected loss and risk-adjusted profit, in cents.
    cents: [i128; 4],
}

impl Totals {
    pub fn add(&mut self, s: &Summary) {
        self.add_cents(&s.cents);
    }

    /// Adds one prospect given by its figures in cents (as `Summary::cents` holds them).
    pub(crate) fn add_cents(&mut self, cents: &[i64; 4]) {
        self.count += 1;
        for (sum, value) in self.cents.iter_mut().zip(cents) {
            *sum += i128::from(*value);
        }
    }

    /// Takes a prospect out again (after it changed or left the view).
    pub fn remove(&mut self, s: &Summary) {
        self.count = self.count.saturating_sub(1);
        for (sum, value) in self.cents.iter_mut().zip(s.cents) {
            *sum -= i128::from(value);
        }
    }

    /// Adds the sums of another set (the same prospects must not be in both).
    pub fn merge(&mut self, other: &Totals) {
        self.count += other.count;
        for (sum, part) in self.cents.iter_mut().zip(other.cents) {
            *sum += part;
        }
    }

    pub fn volume(&self) -> Money {
        Money::from_cents(self.cents[0])
    }

    pub fn exposure(&self) -> Money {
        Money::from_cents(self.cents[1])
    }

    pub fn expected_loss(&self) -> Money {
        Money::from_cents(self.cents[2])
    }

    pub fn risk_adjusted_profit(&self) -> Money {
        Money::from_cents(self.cents[3])
    }
}

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
        let summaries = summarize(&prospects, policy, today);
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
        highest.unwrap_or(0) + 1
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
        self.summaries = summarize(&prospects, policy, today);
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

/// Summaries of many prospects, evaluated on every core: evaluation is pure, so the work
/// splits without locks.
pub fn summarize<P: std::borrow::Borrow<Prospect> + Sync>(
    prospects: &[P],
    policy: &Policy,
    today: Date,
) -> Vec<Summary> {
    let one = |p: &P| Summary::of(p.borrow(), policy, today);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || prospects.len() < 512 {
        return prospects.iter().map(one).collect();
    }
    let size = prospects.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = prospects
            .chunks(size)
            .map(|part| s.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        // A panic in evaluation is a defect: pass it on rather than lose summaries.
        parts.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}
