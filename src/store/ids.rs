//! Prospect ids: unique within a store, from 1 to `MAX_ID`, never reused by wrapping.
//!
//! Edits, deletes and decisions find a prospect by its id, so two prospects sharing one would
//! have a change land on the wrong one: a store with a duplicate, a missing (0) or an
//! oversized id is not opened, and `dealdesk check --repair` renumbers the offenders.

use crate::domain::prospect::Prospect;

/// The largest id: what a signed 64-bit column (PostgreSQL's `bigint`) holds, so that a store
/// can move to a database unchanged.
pub const MAX_ID: u64 = i64::MAX as u64;

/// The first thing wrong with a store's ids, by position in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Prospect `at` has id 0 (none) or one above `MAX_ID`.
    OutOfRange { at: usize, id: u64 },
    /// Prospects `first` and `second` (first < second) share `id`.
    Duplicate { first: usize, second: usize, id: u64 },
}

fn valid(id: u64) -> bool {
    (1..=MAX_ID).contains(&id)
}

/// The first problem among ids in file order. Stores written by dealdesk list ids rising,
/// which takes one pass; any other order is sorted once.
pub fn find_problem(ids: &[u64]) -> Option<IdProblem> {
    if let Some(at) = ids.iter().position(|id| !valid(*id)) {
        return Some(IdProblem::OutOfRange { at, id: ids[at] });
    }
    if ids.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let mut by_id: Vec<(u64, usize)> = ids.iter().copied().zip(0..).collect();
    by_id.sort_unstable();
    by_id
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| (w[1].1, IdProblem::Duplicate { first: w[0].1, second: w[1].1, id: w[0].0 }))
        .min_by_key(|(second, _)| *second)
        .map(|(_, problem)| problem)
}

/// A prospect as a message names it: `prospects[6] (Brouwerij De Oude Sluis BV)`.
fn named(prospects: &[Prospect], at: usize) -> String {
    let name = prospects.get(at).map_or("?", |p| p.name.as_str());
    format!("prospects[{at}] ({name})")
}

/// The problem in words, naming the prospects by position and name.
pub fn describe(problem: IdProblem, prospects: &[Prospect]) -> String {
    match problem {
        IdProblem::OutOfRange { at, id: 0 } => format!("{} has no id", named(prospects, at)),
        IdProblem::OutOfRange { at, id } => {
            format!("{} has id {id}, above the largest id {MAX_ID}", named(prospects, at))
        }
        IdProblem::Duplicate { first, second, id } => {
            format!("{} and {} both have id {id}", named(prospects, first), named(prospects, second))
        }
    }
}

/// Gives every prospect whose id is missing, too large or already taken by an earlier one a
/// new id after the highest valid one; returns what changed, one line each. Refused (nothing
/// changed) when the new ids would pass `MAX_ID`.
pub fn renumber(prospects: &mut [Prospect]) -> Result<Vec<String>, String> {
    let mut seen = std::collections::HashSet::with_capacity(prospects.len());
    let mut offenders = Vec::new();
    for (at, p) in prospects.iter().enumerate() {
        if !valid(p.id) || !seen.insert(p.id) {
            offenders.push(at);
        }
    }
    let highest = prospects.iter().map(|p| p.id).filter(|id| valid(*id)).max().unwrap_or(0);
    let ids = fresh(highest, offenders.len())?;
    let mut changes = Vec::with_capacity(offenders.len());
    for (at, id) in offenders.into_iter().zip(ids) {
        changes.push(format!("{}: id {} → {id}", named(prospects, at), prospects[at].id));
        prospects[at].id = id;
    }
    Ok(changes)
}

/// `count` ids after `highest`, or why there are not that many left.
pub fn fresh(highest: u64, count: usize) -> Result<std::ops::Range<u64>, String> {
    let last = u64::try_from(count).ok().and_then(|n| highest.checked_add(n));
    match last {
        // highest ≤ last ≤ MAX_ID < u64::MAX: neither bound can wrap.
        Some(last) if last <= MAX_ID => Ok(highest.saturating_add(1)..last.saturating_add(1)),
        _ if count == 0 => Ok(0..0),
        _ => Err(format!(
            "no ids left: {} after id {highest} would pass the largest id {MAX_ID}",
            crate::domain::format::count(count, "new prospect")
        )),
    }
}

/// Gives every prospect of `new` without an id (0) the next free ones after all of `existing`
/// and `new`; an error, and nothing changed, when they would pass `MAX_ID`.
pub fn assign(existing: &[Prospect], new: &mut [Prospect]) -> Result<(), String> {
    let highest = existing.iter().chain(new.iter()).map(|p| p.id).max().unwrap_or(0);
    let ids = fresh(highest, new.iter().filter(|p| p.id == 0).count())?;
    for (id, p) in ids.zip(new.iter_mut().filter(|p| p.id == 0)) {
        p.id = id;
    }
    Ok(())
}

/// The next id the desk may give a new prospect after `highest`, if any is left.
pub fn next_after(highest: u64) -> Option<u64> {
    fresh(highest, 1).ok().map(|ids| ids.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rising_ids_pass_and_the_first_problem_is_found() {
        assert_eq!(find_problem(&[1, 2, 7]), None);
        assert_eq!(find_problem(&[3, 1, 2]), None);
        assert_eq!(find_problem(&[4, 0, 2]), Some(IdProblem::OutOfRange { at: 1, id: 0 }));
        assert_eq!(find_problem(&[u64::MAX]), Some(IdProblem::OutOfRange { at: 0, id: u64::MAX }));
        assert_eq!(find_problem(&[5, 9, 2, 9, 5]), Some(IdProblem::Duplicate { first: 1, second: 3, id: 9 }));
    }

    #[test]
    fn renumbering_keeps_the_first_of_each_id() {
        let mut prospects: Vec<Prospect> =
            [3, 3, 0, 8].iter().map(|&id| Prospect { id, ..Prospect::named("P") }).collect();
        let changes = renumber(&mut prospects).unwrap();
        assert_eq!(prospects.iter().map(|p| p.id).collect::<Vec<_>>(), [3, 9, 10, 8]);
        assert_eq!(changes, ["prospects[1] (P): id 3 → 9", "prospects[2] (P): id 0 → 10"]);
    }

    #[test]
    fn ids_never_pass_the_largest() {
        let existing = [Prospect { id: MAX_ID, ..Prospect::named("Last") }];
        let mut new = [Prospect::named("One too many")];
        assert!(assign(&existing, &mut new).unwrap_err().contains("no ids left"));
        assert_eq!(new[0].id, 0);
        assert_eq!(next_after(MAX_ID), None);
        assert_eq!(next_after(MAX_ID - 1), Some(MAX_ID));
    }
}
