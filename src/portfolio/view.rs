//! The rows of the portfolio table: which prospects pass the filters, in which order (the
//! sort), and their totals, kept up to date as prospects change one at a time. Which row is
//! selected and where the window starts belong to the screen, not here.

use std::cmp::Ordering;

use super::Portfolio;
use super::filter::Filter;
use super::order::{self, DisplayOrder, Positions};
pub use super::sort::Sort;
use super::sort::{self, Column, SortDirection, SortKeyBeforeEdit};
use crate::domain::summary::{Summary, Totals};

/// The rows shown and their totals, for one sort and one filter.
#[derive(Debug, Clone)]
pub struct View {
    /// The sort the rows and the order follow.
    sort: Sort,
    /// Positions in the portfolio of the prospects shown, in display order.
    rows: Vec<usize>,
    totals: Totals,
    /// The filters `rows` was built for, to narrow instead of rescanning.
    built_for: Option<Filter>,
    /// Every prospect of the portfolio in the current sort order, laid out for the filter: a
    /// keystroke only filters it, and it is sorted again only when the sort or the whole
    /// portfolio changes.
    ordered: Option<DisplayOrder>,
    /// Entries per chunk of the display order.
    chunk: usize,
}

impl Default for View {
    fn default() -> View {
        View {
            sort: (Column::Name, SortDirection::Ascending),
            rows: Vec::new(),
            totals: Totals::default(),
            built_for: None,
            ordered: None,
            chunk: order::CHUNK,
        }
    }
}

impl View {
    /// A view whose display order is cut in chunks of `chunk` entries. The default suits any
    /// portfolio; small chunks let a test of a small portfolio move rows across chunk boundaries.
    pub fn with_chunk(chunk: usize) -> View {
        View { chunk: chunk.max(1), ..View::default() }
    }

    /// Positions in the portfolio of the prospects shown, in display order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The sums over the prospects shown.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// Rebuilds the rows for `sort` and `filter`. A query that only grew tests only the rows
    /// shown; otherwise the whole order is filtered again; the portfolio is sorted only when
    /// the order was lost (or the sort changed).
    pub fn refresh(&mut self, portfolio: &Portfolio, sort: Sort, filter: Filter) {
        if sort != self.sort {
            self.invalidate();
            self.sort = sort;
        }
        let narrowing = matches!(&self.built_for, Some(was)
            if filter.query.starts_with(was.query.as_str()) && was.same_tags(&filter));
        if narrowing && !self.in_order(portfolio) {
            // Rows still arriving from a load, not in order yet: test only those.
            let rows = std::mem::take(&mut self.rows);
            self.rows = rows.into_iter().filter(|&i| filter.keeps(portfolio, i)).collect();
            self.totals = Totals::default();
            for &i in &self.rows {
                if let Some(s) = portfolio.summary(i) {
                    self.totals.add(s);
                }
            }
        } else {
            let narrowing = narrowing && self.in_order(portfolio);
            let mut ordered = match self.ordered.take() {
                Some(ordered) if ordered.len() == portfolio.len() => ordered,
                _ => DisplayOrder::in_chunks_of(portfolio, &self.sorted(portfolio), self.chunk),
            };
            (self.rows, self.totals) = ordered.filter(&filter, narrowing);
            self.ordered = Some(ordered);
        }
        self.built_for = Some(filter);
    }

    /// Shows prospects added at the end of the portfolio (from `start`) that pass `filter`,
    /// without sorting: while the store loads, rows appear as they come.
    pub fn append(&mut self, portfolio: &Portfolio, start: usize, filter: &Filter) {
        for i in start..portfolio.len() {
            if filter.keeps(portfolio, i) {
                self.rows.push(i);
                if let Some(s) = portfolio.summary(i) {
                    self.totals.add(s);
                }
            }
        }
    }

    /// Forgets the order and the filtering, so that the next refresh sorts the portfolio again
    /// (after the sort changed, or many prospects did).
    pub fn invalidate(&mut self) {
        self.built_for = None;
        self.ordered = None;
    }

    /// Sorts and filters the whole portfolio again after many of its prospects changed under the
    /// view (the view was invalidated first, so it followed none of them).
    pub fn rebuild(&mut self, portfolio: &Portfolio, sort: Sort, filter: Filter) {
        self.invalidate();
        // The rows' positions belong to the portfolio as it was: none of them is to be read.
        self.rows.clear();
        self.refresh(portfolio, sort, filter);
    }

    /// Where the prospect at `index` of the portfolio is among the rows, if shown: by binary
    /// search while the rows follow the order, else by a linear one.
    pub fn row_of(&self, portfolio: &Portfolio, index: usize) -> Option<usize> {
        match self.in_order(portfolio) {
            true => self.locate(portfolio, (List::Rows, self.rows.as_slice()), index, None),
            false => self.rows.iter().position(|&i| i == index),
        }
    }

    /// Whether the next refresh rebuilds everything anyway, so that following single changes
    /// would be work thrown away (and the view does not follow them).
    pub fn invalidated(&self) -> bool {
        self.built_for.is_none() && self.ordered.is_none()
    }

    /// Every index of the portfolio in the current sort order.
    fn sorted(&self, portfolio: &Portfolio) -> Vec<usize> {
        sort::sorted(portfolio, self.sort)
    }

    /// The rows' order between two prospects: while a query is on, how well each matches it
    /// (the whole name, its start, a later word's start, inside a word), then the table's
    /// order. `before_edit` gives one prospect's keys as they were before an edit.
    fn row_order(
        &self,
        portfolio: &Portfolio,
        a: usize,
        b: usize,
        before_edit: Option<&SortKeyBeforeEdit>,
    ) -> Ordering {
        let ranked = self.built_for.as_ref().filter(|f| !f.words.is_empty());
        let by_rank = ranked.map_or(Ordering::Equal, |filter| {
            let rank = |i: usize| match before_edit {
                Some(f) if f.index == i => filter.words.rank(f.name),
                _ => filter.words.rank(portfolio.folded_name(i)),
            };
            rank(a).cmp(&rank(b))
        });
        by_rank.then_with(|| sort::order(portfolio, self.sort, a, b, before_edit))
    }

    /// The order of `list`: the rows' (ranked), or the display order's.
    fn order_of(
        &self,
        list: List,
        portfolio: &Portfolio,
        a: usize,
        b: usize,
        before_edit: Option<&SortKeyBeforeEdit>,
    ) -> Ordering {
        match list {
            List::Rows => self.row_order(portfolio, a, b, before_edit),
            List::Ordered => sort::order(portfolio, self.sort, a, b, before_edit),
        }
    }

    /// Whether the order covers the whole portfolio, and so the rows follow it and a row can be
    /// found by binary search: rows appended by a load make the portfolio longer than the order,
    /// and every refresh that rebuilds the rows rebuilds a short order first.
    fn in_order(&self, portfolio: &Portfolio) -> bool {
        self.ordered.as_ref().is_some_and(|o| o.len() == portfolio.len())
    }

    /// Where `index` sits in `list` (sorted as `kind` is, holding it under its `before_edit`
    /// key, if given).
    fn locate<L>(
        &self,
        portfolio: &Portfolio,
        (kind, list): (List, &L),
        index: usize,
        before_edit: Option<&SortKeyBeforeEdit>,
    ) -> Option<usize>
    where
        L: Positions + ?Sized,
    {
        let at = self.first_not_before(list, None, |i| {
            i != index && self.order_of(kind, portfolio, i, index, before_edit).is_lt()
        });
        (at < list.count() && list.at(at) == index).then_some(at)
    }

    /// Where `index` belongs in `list` (sorted as `kind` is) under its current key, counting as
    /// if the entry at `skip` (its old place) were not there.
    fn place<L: Positions + ?Sized>(
        &self,
        portfolio: &Portfolio,
        (kind, list): (List, &L),
        index: usize,
        skip: Option<usize>,
    ) -> usize {
        self.first_not_before(list, skip, |i| self.order_of(kind, portfolio, i, index, None).is_lt())
    }

    /// A binary search: the first place in `list` (without the entry at `skip`, if given)
    /// whose portfolio position is not `before` the one sought.
    fn first_not_before<L>(&self, list: &L, skip: Option<usize>, before: impl Fn(usize) -> bool) -> usize
    where
        L: Positions + ?Sized,
    {
        let (mut low, mut high) = (0, list.count().saturating_sub(usize::from(skip.is_some())));
        while low < high {
            let mid = low + (high - low) / 2;
            let at = if skip.is_some_and(|s| mid >= s) { mid + 1 } else { mid };
            if before(list.at(at)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// One prospect of the portfolio changed (`before_edit` is its folded name and summary
    /// before; none for a new one at `index`): its place in the order, whether it is shown and
    /// the totals follow, without sorting or rescanning the portfolio. With the order intact, the
    /// row is found by binary search and moved by rotating the lines between its old and new
    /// place.
    pub fn changed(&mut self, portfolio: &Portfolio, index: usize, before_edit: Option<(&str, &Summary)>) {
        if self.invalidated() {
            return;
        }
        // Sorted by sector or city, the old place is not known from the name and summary kept
        // for it: found by a linear search instead (a rare sort, and still a fraction of a sort).
        let by_other_text = matches!(self.sort.0, Column::Sector | Column::City);
        let (Some((name, summary)), true, false) = (before_edit, self.in_order(portfolio), by_other_text)
        else {
            return self.changed_slowly(portfolio, index, before_edit.map(|(_, s)| s));
        };
        let before_edit = SortKeyBeforeEdit { index, name, summary };
        let mut ordered = self.ordered.take().unwrap_or_default();
        let Some(from) = self.locate(portfolio, (List::Ordered, &ordered), index, Some(&before_edit)) else {
            // The order did not hold it where expected: rebuild rather than guess.
            let filter = self.built_for.take().unwrap_or_default();
            self.invalidate();
            return self.refresh(portfolio, self.sort, filter);
        };
        let keeps = self.built_for.as_ref().is_none_or(|f| f.keeps(portfolio, index));
        let to = self.place(portfolio, (List::Ordered, &ordered), index, Some(from));
        ordered.relocate(portfolio, from, to, keeps);
        self.ordered = Some(ordered);

        let rows = (List::Rows, self.rows.as_slice());
        let was = self.locate(portfolio, rows, index, Some(&before_edit));
        if was.is_some() {
            self.totals.remove(before_edit.summary);
        }
        match (was, keeps) {
            (Some(from), true) => {
                let to = self.place(portfolio, rows, index, Some(from));
                move_entry(&mut self.rows, from, to);
            }
            (Some(from), false) => {
                self.rows.remove(from);
            }
            (None, true) => {
                let at = self.place(portfolio, rows, index, None);
                self.rows.insert(at, index);
            }
            (None, false) => {}
        }
        if let (true, Some(s)) = (keeps, portfolio.summary(index)) {
            self.totals.add(s);
        }
    }

    /// `changed` for a new prospect, or while the rows are not in order (still loading): by
    /// linear search.
    fn changed_slowly(&mut self, portfolio: &Portfolio, index: usize, before: Option<&Summary>) {
        // A view that is not invalidated was refreshed for some filter.
        let filter = self.built_for.clone().unwrap_or_default();
        let keeps = filter.keeps(portfolio, index);
        if let Some(before) = before.filter(|_| self.rows.contains(&index)) {
            self.totals.remove(before);
        }
        self.rows.retain(|&i| i != index);
        if let Some(mut ordered) = self.ordered.take() {
            if let Some(at) = ordered.position_of(index) {
                ordered.remove(at);
            }
            // Without it, a whole order lacks just this one prospect; otherwise it is stale.
            if ordered.len() + 1 == portfolio.len() {
                let at = self.place(portfolio, (List::Ordered, &ordered), index, None);
                ordered.insert(portfolio, at, index, keeps);
                self.ordered = Some(ordered);
            }
        }
        if keeps {
            let at = self.rows.partition_point(|&i| self.row_order(portfolio, i, index, None).is_lt());
            self.rows.insert(at, index);
            if let Some(s) = portfolio.summary(index) {
                self.totals.add(s);
            }
        }
    }

    /// A prospect was put back into the portfolio at `index`: later indices move up by one.
    pub fn inserted(&mut self, portfolio: &Portfolio, index: usize) {
        if self.invalidated() {
            return;
        }
        self.rows.iter_mut().filter(|i| **i >= index).for_each(|i| *i += 1);
        if let Some(ordered) = self.ordered.as_mut() {
            ordered.shift(index, true);
        }
        self.changed(portfolio, index, None);
    }

    /// A prospect left the portfolio at `index`: later indices move down by one. Returns the
    /// row it was shown on, if it was.
    pub fn removed(&mut self, index: usize, before: &Summary) -> Option<usize> {
        if self.invalidated() {
            return None;
        }
        let row = self.rows.iter().position(|&i| i == index);
        if let Some(at) = row {
            self.totals.remove(before);
            self.rows.remove(at);
        }
        self.rows.iter_mut().filter(|i| **i > index).for_each(|i| *i -= 1);
        if let Some(ordered) = self.ordered.as_mut() {
            if let Some(at) = ordered.position_of(index) {
                ordered.remove(at);
            }
            ordered.shift(index, false);
        }
        row
    }
}

/// Which sorted list a binary search reads: the rows shown, or the whole display order.
#[derive(Debug, Clone, Copy)]
enum List {
    Rows,
    Ordered,
}

/// Moves the entry at `from` to `to` (a place counted as if the entry were not in the list),
/// shifting only the entries between the two places: an edit that moves one row of a
/// million-row order costs what lies between its old and new place, not the whole list.
fn move_entry<T>(list: &mut [T], from: usize, to: usize) {
    if to < from {
        list[to..=from].rotate_right(1);
    } else if to > from {
        list[from..=to].rotate_left(1);
    }
}

#[cfg(test)]
mod tests {
    use super::move_entry;

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
