//! Putting lists in order: sorting a large one on every core, and moving one entry of a
//! sorted list while touching only what lies between its old and new place.

use std::cmp::Ordering;

/// Moves the entry at `from` to `to` (a place counted as if the entry were not in the list),
/// shifting only the entries between the two places: an edit that moves one row of a
/// million-row order costs what lies between its old and new place, not the whole list.
pub fn move_entry<T>(list: &mut [T], from: usize, to: usize) {
    if to < from {
        list[to..=from].rotate_right(1);
    } else if to > from {
        list[from..=to].rotate_left(1);
    }
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
    use super::{move_entry, sort_on_cores};

    #[test]
    fn a_list_sorted_in_halves_equals_one_sorted_whole() {
        let list: Vec<(u32, usize)> = (0..120_000).map(|i| ((i * 7919 % 1000) as u32, i)).collect();
        let mut want = list.clone();
        want.sort_unstable();
        assert_eq!(sort_on_cores(list.clone(), |a, b| a.cmp(b)), want);
        want.reverse();
        assert_eq!(sort_on_cores(list, |a, b| b.cmp(a)), want);
    }

    #[test]
    fn moves_one_entry_either_way_and_keeps_the_rest_in_order() {
        let mut list = [0, 1, 2, 3, 4];
        move_entry(&mut list, 1, 3);
        assert_eq!(list, [0, 2, 3, 1, 4]);
        move_entry(&mut list, 3, 0);
        assert_eq!(list, [1, 0, 2, 3, 4]);
        move_entry(&mut list, 2, 2);
        assert_eq!(list, [1, 0, 2, 3, 4]);
    }
}
