//! Loading a portfolio: the store hands over its prospects block by block as it parses them,
//! and each block is evaluated here, on rayon's pool, while the store reads and parses the
//! next, so that rows reach the screen while the rest of the file is read and the evaluation
//! costs little more than the reading. The store reads; this evaluates.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, mpsc};

use rayon::prelude::*;

use super::Portfolio;
use crate::domain::date::Date;
use crate::domain::evaluate::{Evaluation, evaluate_with};
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::store::StoreError;
use crate::store::stream::{self, Progress};

/// The summaries of many prospects, in their order, evaluated on every core.
pub fn evaluate<P: Borrow<Prospect> + Sync>(prospects: &[P], policy: &Policy, today: Date) -> Vec<Summary> {
    evaluate_into(prospects, policy, today, false, |p: &P, e| Summary::new(p.borrow(), e, policy))
}

/// Each prospect evaluated (with its sentences if `explain`, as `evaluate_with`) and turned
/// into a `T` by `then`, which gets the item it came from (a prospect, or an input row that
/// holds one), on every core, in the prospects' order: the one parallel evaluation, which
/// loading (a summary each) and `dealdesk eval` (a record each) share. Evaluation is pure, so
/// the work splits without locks.
pub fn evaluate_into<P, T, F>(prospects: &[P], policy: &Policy, today: Date, explain: bool, then: F) -> Vec<T>
where
    P: Borrow<Prospect> + Sync,
    T: Send,
    F: Fn(&P, &Evaluation) -> T + Sync,
{
    let each = |p: &P| then(p, &evaluate_with(p.borrow(), policy, today, explain));
    prospects.par_iter().map(each).collect()
}

/// What a block reader hands on: a block's prospects and the progress.
pub type OnBlock<'a> = dyn FnMut(Vec<Prospect>, Progress) + 'a;

/// One block, evaluated: its place in the file's order, its prospects, their summaries and the
/// progress it brought.
type Evaluated = (usize, Vec<Prospect>, Vec<Summary>, Progress);

/// Reads with `read` (a block reader: `Store::read_in_chunks`, `stream::read_in_chunks`) and
/// evaluates each block as a task on rayon's pool, so that reading and parsing the next block
/// overlaps it; `chunk` receives the blocks in file order with their summaries, each as soon
/// as it and those before it are evaluated. The reader's error, if any, comes after every
/// block it handed on.
pub fn read_evaluated<R, C>(read: R, policy: &Policy, today: Date, mut chunk: C) -> Result<(), StoreError>
where
    R: FnOnce(&mut OnBlock) -> Result<(), StoreError>,
    C: FnMut(Vec<Prospect>, Vec<Summary>, Progress),
{
    // The tasks outlive this call's borrows as far as rayon can tell: they get their own policy.
    let policy = Arc::new(policy.clone());
    let (done, evaluated) = mpsc::channel::<Evaluated>();
    let mut order = InOrder::default();
    let mut sent = 0;
    // On one of the pool's own threads, waiting for the tasks would hold a thread they may
    // need (all of them, in a pool of one): each block is evaluated in place instead.
    let in_pool = rayon::current_thread_index().is_some();
    let read = read(&mut |prospects, progress| {
        let (policy, done, place) = (Arc::clone(&policy), done.clone(), sent);
        sent += 1;
        if in_pool {
            let summaries = evaluate(&prospects, &policy, today);
            return order.hand_on((place, prospects, summaries, progress), &mut chunk);
        }
        rayon::spawn(move || {
            let summaries = evaluate(&prospects, &policy, today);
            // The receiver outlives every task: this call waits for all of them below.
            let _ = done.send((place, prospects, summaries, progress));
        });
        evaluated.try_iter().for_each(|block| order.hand_on(block, &mut chunk));
    });
    drop(done);
    evaluated.iter().for_each(|block| order.hand_on(block, &mut chunk));
    read
}

/// Blocks evaluated out of order wait here for those before them.
#[derive(Default)]
struct InOrder {
    next: usize,
    early: BTreeMap<usize, (Vec<Prospect>, Vec<Summary>, Progress)>,
}

impl InOrder {
    fn hand_on(
        &mut self,
        (place, prospects, summaries, progress): Evaluated,
        chunk: &mut impl FnMut(Vec<Prospect>, Vec<Summary>, Progress),
    ) {
        self.early.insert(place, (prospects, summaries, progress));
        while let Some((prospects, summaries, progress)) = self.early.remove(&self.next) {
            chunk(prospects, summaries, progress);
            self.next += 1;
        }
    }
}

/// Reads the store at `path` and evaluates every prospect: the portfolio as the desk holds it.
pub fn read_portfolio(path: &Path, policy: &Policy, today: Date) -> Result<Portfolio, StoreError> {
    let mut portfolio = Portfolio::default();
    let read = |each: &mut OnBlock| stream::read_in_chunks(path, each);
    read_evaluated(read, policy, today, |prospects, summaries, progress| {
        if progress.started_over {
            portfolio = Portfolio::default();
        }
        portfolio.extend(prospects, summaries);
    })?;
    Ok(portfolio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_evaluated_out_of_order_are_handed_on_in_order() {
        let progress = |done| Progress { done, total: 3, started_over: false };
        let mut order = InOrder::default();
        let mut seen = Vec::new();
        let mut note = |_: Vec<Prospect>, _: Vec<Summary>, p: Progress| seen.push(p.done);
        for place in [2, 0, 1] {
            order.hand_on((place, Vec::new(), Vec::new(), progress(place as u64)), &mut note);
        }
        assert_eq!(seen, [0, 1, 2]);
    }
}
