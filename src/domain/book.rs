//! The portfolio in memory: every prospect with the summary of its evaluation that the
//! portfolio table, its sorting, filters and totals read.
//!
//! Prospects are shared (`Arc`) so that a snapshot for saving or undo costs a reference count,
//! not a copy; a change re-evaluates only the prospect that changed.

use std::sync::Arc;

use super::date::Date;
use super::evaluate::{Evaluation, evaluate_with};
use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::{Prospect, Status};
use super::risk::Band;
use super::segment::Segment;

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
}

impl Summary {
    pub fn new(p: &Prospect, e: &Evaluation) -> Summary {
        let terms = &e.suggestion.terms;
        Summary {
            band: e.assessment.band,
            insufficient_data: e.assessment.insufficient_data,
            score: e.assessment.score,
            segment: e.segment,
            volume: p.annual_volume,
            payment_days: terms.payment_days,
            advance: terms.advance_pct,
            exposure: e.economics.as_ref().map_or(Money::ZERO, |x| x.exposure),
            expected_loss: e.economics.as_ref().map_or(Money::ZERO, |x| x.expected_loss),
            risk_adjusted_profit: e.economics.as_ref().map(|x| x.risk_adjusted_profit),
            status: p.status,
        }
    }

    pub fn of(p: &Prospect, policy: &Policy, today: Date) -> Summary {
        Summary::new(p, &evaluate_with(p, policy, today, false))
    }
}

/// Sums over a set of prospects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    pub volume: Money,
    pub exposure: Money,
    pub expected_loss: Money,
    pub risk_adjusted_profit: Money,
}

impl Totals {
    pub fn add(&mut self, s: &Summary) {
        self.count += 1;
        self.volume += s.volume.unwrap_or(Money::ZERO);
        self.exposure += s.exposure;
        self.expected_loss += s.expected_loss;
        self.risk_adjusted_profit += s.risk_adjusted_profit.unwrap_or(Money::ZERO);
    }
}

/// The prospects and their summaries, index for index.
#[derive(Debug, Clone, Default)]
pub struct Book {
    prospects: Vec<Arc<Prospect>>,
    summaries: Vec<Summary>,
}

impl Book {
    pub fn new(prospects: Vec<Prospect>, policy: &Policy, today: Date) -> Book {
        let summaries = summarize(&prospects, policy, today);
        Book { prospects: prospects.into_iter().map(Arc::new).collect(), summaries }
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

    pub fn prospects(&self) -> &[Arc<Prospect>] {
        &self.prospects
    }

    /// The position of the prospect with this id.
    pub fn position(&self, id: u64) -> Option<usize> {
        self.prospects.iter().position(|p| p.id == id)
    }

    /// An id no prospect has yet.
    pub fn next_id(&self) -> u64 {
        self.prospects.iter().map(|p| p.id).max().unwrap_or(0) + 1
    }

    /// Replaces the prospect with the same id, or appends it; returns its position.
    pub fn upsert(&mut self, p: Arc<Prospect>, policy: &Policy, today: Date) -> usize {
        let summary = Summary::of(&p, policy, today);
        match self.position(p.id) {
            Some(i) => {
                self.prospects[i] = p;
                self.summaries[i] = summary;
                i
            }
            None => {
                self.prospects.push(p);
                self.summaries.push(summary);
                self.prospects.len() - 1
            }
        }
    }

    /// Puts a prospect back at a position (undoing a deletion).
    pub fn insert(&mut self, index: usize, p: Arc<Prospect>, policy: &Policy, today: Date) {
        let index = index.min(self.prospects.len());
        self.summaries.insert(index, Summary::of(&p, policy, today));
        self.prospects.insert(index, p);
    }

    /// Removes the prospect with this id, returning where it was and what it was.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Arc<Prospect>)> {
        let i = self.position(id)?;
        self.summaries.remove(i);
        Some((i, self.prospects.remove(i)))
    }

    /// Everything as it is now, for a save or an export, at the cost of reference counts.
    pub fn snapshot(&self) -> Vec<Arc<Prospect>> {
        self.prospects.clone()
    }

    /// Re-evaluates every prospect (after a policy change).
    pub fn reevaluate(&mut self, policy: &Policy, today: Date) {
        let prospects: Vec<&Prospect> = self.prospects.iter().map(|p| p.as_ref()).collect();
        self.summaries = summarize(&prospects, policy, today);
    }

    /// Adds prospects read from the store with their summaries.
    pub fn extend(&mut self, prospects: Vec<Prospect>, summaries: Vec<Summary>) {
        self.prospects.extend(prospects.into_iter().map(Arc::new));
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
    if threads < 2 || prospects.len() < 2048 {
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
