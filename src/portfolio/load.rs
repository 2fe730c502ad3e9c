//! Loading a portfolio: the store hands over its prospects block by block as it parses them,
//! and each block is evaluated here, on every core, as it arrives, so that rows reach the
//! screen while the rest of the file is read. The store reads; this evaluates.

use std::borrow::Borrow;
use std::path::Path;

use rayon::prelude::*;

use super::Portfolio;
use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::store::StoreError;
use crate::store::stream::{self, Progress};

/// The summaries of many prospects, in their order, evaluated on every core: evaluation is
/// pure, so the work splits without locks.
pub fn evaluate<P: Borrow<Prospect> + Sync>(prospects: &[P], policy: &Policy, today: Date) -> Vec<Summary> {
    prospects.par_iter().map(|p| Summary::of(p.borrow(), policy, today)).collect()
}

/// A receiver of parsed blocks (for `Store::read_in_chunks` or `stream::read_in_chunks`) that
/// evaluates each block and hands it to `chunk` with its summaries.
pub fn evaluating<F>(policy: &Policy, today: Date, mut chunk: F) -> impl FnMut(Vec<Prospect>, Progress)
where
    F: FnMut(Vec<Prospect>, Vec<Summary>, Progress),
{
    move |prospects, progress| {
        let summaries = evaluate(&prospects, policy, today);
        chunk(prospects, summaries, progress);
    }
}

/// Reads the store at `path` and evaluates every prospect: the portfolio as the desk holds it.
pub fn read_portfolio(path: &Path, policy: &Policy, today: Date) -> Result<Portfolio, StoreError> {
    let mut portfolio = Portfolio::default();
    let mut add = evaluating(policy, today, |prospects, summaries, progress| {
        if progress.started_over {
            portfolio = Portfolio::default();
        }
        portfolio.extend(prospects, summaries);
    });
    stream::read_in_chunks(path, &mut add)?;
    drop(add);
    Ok(portfolio)
}
