//! The whole book in the table's order, laid out for the filter: every prospect's folded name
//! in one buffer, its figures for the totals and its quick-filter tags side by side, and
//! whether it is shown. A filter keystroke then reads memory front to back, on every core,
//! instead of jumping around the book by position (a cache miss per prospect at 1M).

use super::fuzzy;
use crate::domain::book::{Book, Summary, Totals};
use crate::domain::names::NameIndex;
use crate::domain::prospect::Status;
use crate::domain::reorder::move_entry;
use crate::domain::risk::Band;
use crate::domain::segment::Segment;

/// The name query (folded) and the quick filters, as one test.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    pub band: Option<Band>,
    pub segment: Option<Segment>,
    pub status: Option<Status>,
}

impl Filter {
    fn quick(&self) -> bool {
        self.band.is_some() || self.segment.is_some() || self.status.is_some()
    }

    fn tags_pass(&self, band: Band, segment: Option<Segment>, status: Status) -> bool {
        self.band.is_none_or(|b| band == b)
            && self.segment.is_none_or(|s| segment == Some(s))
            && self.status.is_none_or(|s| status == s)
    }

    /// Whether the prospect at a position of the book passes. The name first: it lives in
    /// the compact name index, while the summaries are only read when a quick filter is on.
    pub fn keeps(&self, book: &Book, index: usize) -> bool {
        fuzzy::is_match_folded(&self.query, book.folded_name(index))
            && (!self.quick()
                || book.summary(index).is_some_and(|s| self.tags_pass(s.band, s.segment, s.status)))
    }
}

/// What the filters and the totals read of one prospect.
#[derive(Debug, Clone, Copy)]
struct Entry {
    cents: [i64; 4],
    band: Band,
    segment: Option<Segment>,
    status: Status,
}

impl Entry {
    fn of(summary: Option<&Summary>) -> Entry {
        match summary {
            Some(s) => Entry { cents: s.cents, band: s.band, segment: s.segment, status: s.status },
            None => Entry { cents: [0; 4], band: Band::E, segment: None, status: Status::default() },
        }
    }
}

/// The book in display order, with what the filter reads beside each position.
#[derive(Debug, Clone, Default)]
pub struct DisplayOrder {
    /// Positions in the book, in display order.
    index: Vec<usize>,
    names: NameIndex,
    entries: Vec<Entry>,
    /// Whether each passes the filters the rows were last built for.
    shown: Vec<bool>,
}

impl DisplayOrder {
    /// Lays out the book in `order` (positions in the book, sorted); nothing shown yet.
    pub fn new(book: &Book, order: Vec<usize>) -> DisplayOrder {
        let mut names = NameIndex::with_capacity(order.len(), book.folded_names_len());
        let mut entries = Vec::with_capacity(order.len());
        for &i in &order {
            names.push_folded(book.folded_name(i));
            entries.push(Entry::of(book.summary(i)));
        }
        let shown = vec![false; order.len()];
        DisplayOrder { index: order, names, entries, shown }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Positions in the book, in display order.
    pub fn indices(&self) -> &[usize] {
        &self.index
    }

    /// Where a position of the book stands in the order (a linear search).
    pub fn position_of(&self, index: usize) -> Option<usize> {
        self.index.iter().position(|&i| i == index)
    }

    /// The rows that pass `filter` (positions in the book, in display order) and their totals.
    /// `narrow`: the filter only got stricter, so only the entries shown are tested.
    pub fn filter(&mut self, filter: &Filter, narrow: bool) -> (Vec<usize>, Totals) {
        // Below a couple of hundred thousand names a thread costs more than it saves.
        let parts = match self.len() {
            n if n < 200_000 => 1,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()).min(8),
        };
        self.filter_in_parts(filter, narrow, parts)
    }

    /// `filter` with the order cut into `parts` ranges, each on its own thread.
    fn filter_in_parts(&mut self, filter: &Filter, narrow: bool, parts: usize) -> (Vec<usize>, Totals) {
        let DisplayOrder { index, names, entries, shown } = self;
        let range = |start: usize, shown: &mut [bool]| {
            let (mut rows, mut totals) = (Vec::new(), Totals::default());
            for (offset, keep) in shown.iter_mut().enumerate() {
                if narrow && !*keep {
                    continue;
                }
                let k = start + offset;
                let e = &entries[k];
                *keep = (!filter.quick() || filter.tags_pass(e.band, e.segment, e.status))
                    && fuzzy::is_match_folded(&filter.query, names.get(k));
                if *keep {
                    rows.push(index[k]);
                    totals.add_cents(&e.cents);
                }
            }
            (rows, totals)
        };
        if parts < 2 {
            return range(0, shown);
        }
        let size = shown.len().div_ceil(parts).max(1);
        std::thread::scope(|s| {
            let parts: Vec<_> = shown
                .chunks_mut(size)
                .enumerate()
                .map(|(n, part)| s.spawn(move || range(n * size, part)))
                .collect();
            let (mut rows, mut totals) = (Vec::new(), Totals::default());
            for part in parts {
                let (part_rows, part_totals) = part.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                rows.extend(part_rows);
                totals.merge(&part_totals);
            }
            (rows, totals)
        })
    }

    /// Moves the entry at `from` to `to` (a place counted without it), takes its name and
    /// figures afresh from the book, and records whether it is shown. Only the entries
    /// between the two places shift.
    pub fn relocate(&mut self, book: &Book, from: usize, to: usize, shown: bool) {
        move_entry(&mut self.index, from, to);
        move_entry(&mut self.entries, from, to);
        move_entry(&mut self.shown, from, to);
        self.names.relocate(from, to);
        let i = self.index[to];
        self.refresh_entry(book, to, i, shown);
    }

    fn refresh_entry(&mut self, book: &Book, at: usize, index: usize, shown: bool) {
        if let Some(p) = book.prospect(index) {
            self.names.set(at, &p.name);
        }
        self.entries[at] = Entry::of(book.summary(index));
        self.shown[at] = shown;
    }

    /// Adds a position of the book at `at` in the order.
    pub fn insert(&mut self, book: &Book, at: usize, index: usize, shown: bool) {
        let at = at.min(self.index.len());
        self.index.insert(at, index);
        self.names.insert(at, "");
        self.entries.insert(at, Entry::of(None));
        self.shown.insert(at, shown);
        self.refresh_entry(book, at, index, shown);
    }

    pub fn remove(&mut self, at: usize) {
        if at < self.index.len() {
            self.index.remove(at);
            self.names.remove(at);
            self.entries.remove(at);
            self.shown.remove(at);
        }
    }

    /// Book positions from `index` on moved by one (a prospect put back or taken out there).
    pub fn shift(&mut self, index: usize, up: bool) {
        for i in self.index.iter_mut().filter(|i| **i >= index) {
            *i = if up { *i + 1 } else { i.saturating_sub(1) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::demo::demo_prospects;
    use crate::domain::date::Date;
    use crate::domain::policy::Policy;

    fn book() -> Book {
        let today = Date::new(2026, 11, 28).expect("a date");
        Book::new(demo_prospects().expect("the demo"), &Policy::default_policy(), today)
    }

    #[test]
    fn threads_find_what_one_finds_in_the_same_order() {
        let book = book();
        let mut order = DisplayOrder::new(&book, (0..book.len()).rev().collect());
        let query = |q: &str| Filter { query: q.to_string(), ..Filter::default() };
        for (q, narrow) in [("", false), ("e", false), ("er", true), ("erk", true), ("a", false)] {
            let mut alone = order.clone();
            let one = alone.filter_in_parts(&query(q), narrow, 1);
            let three = order.filter_in_parts(&query(q), narrow, 3);
            assert_eq!(one, three, "query {q:?}");
            assert_eq!(alone.shown, order.shown, "query {q:?}");
            let want: Vec<usize> = (0..book.len()).rev().filter(|&i| query(q).keeps(&book, i)).collect();
            assert_eq!(three.0, want, "query {q:?}");
        }
    }
}
