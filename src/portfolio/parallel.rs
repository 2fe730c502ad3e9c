//! The work that a large portfolio splits over the cores: evaluating every prospect and
//! sorting the display order.

use std::cmp::Ordering;

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;

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

/// Sorts `list` by `order`, which must be total (no two entries equal), so that the result
/// is the same however the work is split: a large list is cut in halves sorted on two
/// threads, then merged.
pub fn sort_on_cores<T, F>(list: Vec<T>, order: F) -> Vec<T>
where
    T: Send + Copy,
    F: Fn(&T, &T) -> Ordering + Sync,
{
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || list.len() < 50_000 {
        let mut list = list;
        list.sort_unstable_by(&order);
        return list;
    }
    let mut list = list;
    let half = list.len() / 2;
    let (left, right) = list.split_at_mut(half);
    std::thread::scope(|s| {
        let worker = s.spawn(|| left.sort_unstable_by(&order));
        right.sort_unstable_by(&order);
        worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
    });
    let (left, right) = list.split_at(half);
    let mut merged = Vec::with_capacity(list.len());
    let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        if order(a, b) == Ordering::Greater {
            merged.push(**b);
            r.next();
        } else {
            merged.push(**a);
            l.next();
        }
    }
    merged.extend(l.copied());
    merged.extend(r.copied());
    merged
}

#[cfg(test)]
mod tests {
    use super::sort_on_cores;

    #[test]
    fn a_list_sorted_in_halves_equals_one_sorted_whole() {
        let list: Vec<(u32, usize)> = (0..120_000).map(|i| ((i * 7919 % 1000) as u32, i)).collect();
        let mut want = list.clone();
        want.sort_unstable();
        assert_eq!(sort_on_cores(list.clone(), |a, b| a.cmp(b)), want);
        want.reverse();
        assert_eq!(sort_on_cores(list, |a, b| b.cmp(a)), want);
    }
}
