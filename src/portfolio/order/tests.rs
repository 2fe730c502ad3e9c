//! The display order's tests: the "only the marked" filter, the same rows on one thread and on
//! several, and chunks that keep the order a plain list keeps through moves, insertions and
//! removals.

use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::cli::demo::demo_prospects;
use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::portfolio::query::Query;

fn portfolio() -> Portfolio {
    let today = Date::new(2026, 11, 28).expect("a date");
    Portfolio::new(demo_prospects().expect("the demo"), &Policy::default_policy(), today)
}

fn query(q: &str) -> Filter {
    Filter::new(q, None, None, None, None)
}

#[test]
fn only_the_prospects_asked_for_pass() {
    let portfolio = portfolio();
    let all: Vec<usize> = (0..portfolio.len()).collect();
    let mut order = DisplayOrder::in_chunks_of(&portfolio, &all, 7);
    let id = |i: usize| portfolio.prospect(i).map(|p| p.id).unwrap_or_default();
    // The ids of positions 3, 11 and 40, given out of order.
    let only = Filter::new("", None, None, None, Some(vec![id(40), id(3), id(11)]));
    assert_eq!(order.filter(&only, false).0, vec![3, 11, 40]);
    assert!(only.keeps(&portfolio, 11) && !only.keeps(&portfolio, 12));
    let none = Filter::new("", None, None, None, Some(Vec::new()));
    assert!(order.filter(&none, false).0.is_empty());
}

fn places(order: &DisplayOrder) -> Vec<usize> {
    (0..order.count()).map(|k| order.at(k)).collect()
}

/// The filter in a pool of `threads` threads.
fn filter_on(
    threads: usize,
    order: &mut DisplayOrder,
    filter: &Filter,
    narrow: bool,
) -> (Vec<usize>, Totals) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
    pool.install(|| order.filter(filter, narrow))
}

/// The positions (in display order) that match `q`, the best matches first and each rank
/// in display order.
fn best_match_first(portfolio: &Portfolio, q: &str, in_order: impl Iterator<Item = usize>) -> Vec<usize> {
    let words = Query::new(q);
    let mut kept: Vec<usize> = in_order.filter(|&i| query(q).keeps(portfolio, i)).collect();
    kept.sort_by_key(|&i| words.rank(portfolio.folded_name(i)));
    kept
}

#[test]
fn threads_find_what_one_finds_in_the_same_order() {
    let portfolio = portfolio();
    let reversed: Vec<usize> = (0..portfolio.len()).rev().collect();
    let mut order = DisplayOrder::in_chunks_of(&portfolio, &reversed, 7);
    for (q, narrow) in [("", false), ("e", false), ("er", true), ("erk", true), ("a", false)] {
        let mut alone = order.clone();
        let one = filter_on(1, &mut alone, &query(q), narrow);
        let three = filter_on(3, &mut order, &query(q), narrow);
        assert_eq!(one, three, "query {q:?}");
        let want = best_match_first(&portfolio, q, reversed.iter().copied());
        assert_eq!(three.0, want, "query {q:?}");
    }
}

proptest! {
    /// Moves, insertions and removals across chunks of a few entries keep the order, the
    /// names and the shown flags what a plain list would hold.
    #[test]
    fn chunks_keep_the_order_a_plain_list_keeps(
        steps in proptest::collection::vec((0usize..3, any::<usize>(), any::<usize>()), 1..60),
    ) {
        let mut portfolio = portfolio();
        let start: Vec<usize> = (0..portfolio.len()).collect();
        let mut order = DisplayOrder::in_chunks_of(&portfolio, &start, 4);
        let mut model = start;
        let filter = query("a");
        let (rows, _) = order.filter(&filter, false);
        let mut shown: Vec<bool> = model.iter().map(|i| rows.contains(i)).collect();
        for (kind, a, b) in steps {
            match kind {
                0 if !model.is_empty() => {
                    let (from, to) = (a % model.len(), b % model.len());
                    let i = model.remove(from);
                    let keep = filter.keeps(&portfolio, i);
                    model.insert(to, i);
                    shown.remove(from);
                    shown.insert(to, keep);
                    order.relocate(&portfolio, from, to, keep);
                }
                1 if !model.is_empty() => {
                    let at = a % model.len();
                    let i = model.remove(at);
                    shown.remove(at);
                    order.remove(at);
                    // The portfolio keeps the prospect: it comes back at another place.
                    let to = b % (model.len() + 1);
                    let keep = filter.keeps(&portfolio, i);
                    model.insert(to, i);
                    shown.insert(to, keep);
                    order.insert(&portfolio, to, i, keep);
                }
                _ => {
                    // A new prospect at the end of the portfolio, put at a place in the order.
                    let p = crate::domain::prospect::Prospect::named(&format!("Nieuw {a}"));
                    let i = portfolio.len();
                    portfolio.upsert(Arc::new(crate::domain::prospect::Prospect { id: portfolio.next_id(), ..p }),
                        &Policy::default_policy(), Date::new(2026, 11, 28).expect("a date"));
                    let to = b % (model.len() + 1);
                    let keep = filter.keeps(&portfolio, i);
                    model.insert(to, i);
                    shown.insert(to, keep);
                    order.insert(&portfolio, to, i, keep);
                }
            }
            prop_assert_eq!(places(&order), model.clone());
            prop_assert!(order.chunks.iter().all(|c| c.index.len() < 8 && !c.index.is_empty()));
        }
        let shown_in_order = model.iter().zip(&shown).filter(|(_, s)| **s).map(|(i, _)| *i);
        let want = best_match_first(&portfolio, "a", shown_in_order);
        let names_ok = model.iter().enumerate().all(|(k, &i)| {
            let (c, offset) = order.find(k);
            order.chunks[c].names.get(offset) == portfolio.folded_name(i)
        });
        prop_assert!(names_ok, "a chunk's names follow its positions");
        let narrowed = order.clone().filter(&filter, true).0;
        prop_assert_eq!(narrowed, want);
    }
}
