//! The portfolio table's state: which prospects are shown (filters), in which order (sort),
//! which is selected and where the window starts. Pure: no terminal, no IO.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use super::fuzzy;
use super::line_edit::LineEdit;
use crate::domain::book::{Book, Summary, Totals};
use crate::domain::names::folded;
use crate::domain::prospect::Status;
use crate::domain::risk::Band;
use crate::domain::segment::Segment;

/// The table's columns, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Band,
    Score,
    Segment,
    Volume,
    Days,
    Advance,
    Profit,
    Status,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Name,
        Column::Band,
        Column::Score,
        Column::Segment,
        Column::Volume,
        Column::Days,
        Column::Advance,
        Column::Profit,
        Column::Status,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Band => "Band",
            Column::Score => "Score",
            Column::Segment => "Segment",
            Column::Volume => "Volume",
            Column::Days => "Days",
            Column::Advance => "Adv %",
            Column::Profit => "RA profit",
            Column::Status => "Status",
        }
    }
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// Compares optional keys with unknown values last whatever the direction.
fn unknown_last<T: PartialOrd>(a: Option<T>, b: Option<T>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if direction == Direction::Descending { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The name query and quick filters a set of rows was built for.
type Filters = (String, Option<Band>, Option<Segment>, Option<Status>);

/// What the table shows and how.
#[derive(Debug, Clone)]
pub struct PortfolioView {
    pub sort: (Column, Direction),
    pub query: LineEdit,
    /// Whether the name filter has the keyboard.
    pub typing: bool,
    pub band: Option<Band>,
    pub segment: Option<Segment>,
    pub status: Option<Status>,
    /// Positions in the book of the prospects shown, in display order.
    pub rows: Vec<usize>,
    pub totals: Totals,
    /// Index into `rows` of the selected line.
    pub selected: usize,
    /// Index into `rows` of the first visible line.
    pub offset: usize,
    /// Prospects marked for comparison, by id.
    pub marked: BTreeSet<u64>,
    /// The query and filters `rows` was built for, to narrow instead of rescanning.
    built_for: Option<Filters>,
    /// Every prospect of the book in the current sort order: a filter keystroke only filters
    /// it, and it is sorted again only when the sort or the whole book changes.
    ordered: Option<Vec<usize>>,
    /// The query folded as the name index is, once per keystroke rather than once per name.
    query_folded: String,
}

impl Default for PortfolioView {
    fn default() -> PortfolioView {
        PortfolioView {
            sort: (Column::Name, Direction::Ascending),
            query: LineEdit::default(),
            typing: false,
            band: None,
            segment: None,
            status: None,
            rows: Vec::new(),
            totals: Totals::default(),
            selected: 0,
            offset: 0,
            marked: BTreeSet::new(),
            built_for: None,
            ordered: None,
            query_folded: String::new(),
        }
    }
}

impl PortfolioView {
    /// Whether any filter is on.
    pub fn filtered(&self) -> bool {
        !self.query.text().trim().is_empty()
            || self.band.is_some()
            || self.segment.is_some()
            || self.status.is_some()
    }

    fn keeps(&self, book: &Book, index: usize) -> bool {
        // The name first: it lives in the compact name index, while the summaries are only
        // read when a quick filter is on.
        fuzzy::is_match_folded(&self.query_folded, book.folded_name(index))
            && (self.band.is_none() && self.segment.is_none() && self.status.is_none()
                || book.summary(index).is_some_and(|s| {
                    self.band.is_none_or(|b| s.band == b)
                        && self.segment.is_none_or(|seg| s.segment == Some(seg))
                        && self.status.is_none_or(|st| s.status == st)
                }))
    }

    /// Rebuilds the rows after the filters changed, keeping the selected prospect selected
    /// when it is still shown. A query that only grew narrows the rows shown; otherwise the
    /// cached sort order is filtered again; the book is sorted only when the order was lost.
    pub fn refresh(&mut self, book: &Book) {
        let selected_id = self.selected_id(book);
        let key = (self.query.text().to_string(), self.band, self.segment, self.status);
        self.query_folded = folded(self.query.text());
        let narrowing = matches!(&self.built_for, Some((q, b, s, st))
            if key.0.starts_with(q.as_str()) && (*b, *s, *st) == (key.1, key.2, key.3));
        self.totals = Totals::default();
        // Testing a row picked out of the table's order costs a cache miss; testing the whole
        // book front to back costs far less per row. Below a thirty-second of the book, the
        // few rows win.
        if narrowing && self.rows.len() < book.len() / 32 {
            // Few rows left: test only those.
            let rows = std::mem::take(&mut self.rows);
            self.rows = rows.into_iter().filter(|&i| self.keeps(book, i)).collect();
            for &i in &self.rows {
                if let Some(s) = book.summary(i) {
                    self.totals.add(s);
                }
            }
        } else {
            // Test the whole book in its own order, which reads memory front to back, then
            // take the kept rows in the table's order.
            let (kept, totals) = self.scan(book);
            self.totals = totals;
            let ordered = match self.ordered.take() {
                Some(ordered) if ordered.len() == book.len() => ordered,
                _ => self.sorted(book),
            };
            self.rows = ordered.iter().copied().filter(|&i| kept[i]).collect();
            self.ordered = Some(ordered);
        }
        self.built_for = Some(key);
        self.select_id(book, selected_id);
    }

    /// Which prospects of the book pass the filters, and their totals: on every core for a
    /// large book, each thread taking a contiguous range.
    fn scan(&self, book: &Book) -> (Vec<bool>, Totals) {
        let scan_range = |start: usize, kept: &mut [bool]| {
            let mut totals = Totals::default();
            for (offset, keep) in kept.iter_mut().enumerate() {
                let i = start + offset;
                if self.keeps(book, i) {
                    *keep = true;
                    if let Some(s) = book.summary(i) {
                        totals.add(s);
                    }
                }
            }
            totals
        };
        let mut kept = vec![false; book.len()];
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if threads < 2 || book.len() < 200_000 {
            let totals = scan_range(0, &mut kept);
            return (kept, totals);
        }
        let size = book.len().div_ceil(threads);
        let totals = std::thread::scope(|s| {
            let parts: Vec<_> = kept
                .chunks_mut(size)
                .enumerate()
                .map(|(n, part)| s.spawn(move || scan_range(n * size, part)))
                .collect();
            parts.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).fold(
                Totals::default(),
                |mut all, part| {
                    all.merge(&part);
                    all
                },
            )
        });
        (kept, totals)
    }

    /// Shows prospects added at the end of the book (from `start`) that pass the filters,
    /// without sorting: while the store loads, rows appear as they come.
    pub fn append(&mut self, book: &Book, start: usize) {
        for i in start..book.len() {
            if self.keeps(book, i) {
                self.rows.push(i);
                if let Some(s) = book.summary(i) {
                    self.totals.add(s);
                }
            }
        }
    }

    /// Forgets the order and the filtering, so that the next refresh sorts the book again
    /// (after the sort changed, or many prospects did).
    pub fn invalidate(&mut self) {
        self.built_for = None;
        self.ordered = None;
    }

    /// Every index of the book in the current sort order.
    fn sorted(&self, book: &Book) -> Vec<usize> {
        let mut all: Vec<usize> = (0..book.len()).collect();
        all.sort_by(|a, b| self.order(book, *a, *b));
        all
    }

    /// The table's order between two prospects of the book: the sort column, then the book's
    /// order (which is what a stable sort keeps).
    fn order(&self, book: &Book, a: usize, b: usize) -> Ordering {
        let (column, direction) = self.sort;
        let primary = match column {
            Column::Name => {
                let o = book.folded_name(a).cmp(book.folded_name(b));
                if direction == Direction::Descending { o.reverse() } else { o }
            }
            _ => match (book.summary(a), book.summary(b)) {
                (Some(sa), Some(sb)) => compare(column, direction, sa, sb),
                _ => Ordering::Equal,
            },
        };
        primary.then(a.cmp(&b))
    }

    /// One prospect of the book changed (or was added at `index`): its place in the order,
    /// whether it is shown and the totals follow, without sorting or rescanning the book.
    pub fn changed(&mut self, book: &Book, index: usize, before: Option<&crate::domain::book::Summary>) {
        let selected = self.selected_id(book);
        if let Some(before) = before.filter(|_| self.rows.contains(&index)) {
            self.totals.remove(before);
        }
        self.rows.retain(|&i| i != index);
        if let Some(ordered) = self.ordered.as_mut() {
            ordered.retain(|&i| i != index);
        }
        if let Some(mut ordered) = self.ordered.take() {
            let at = ordered.partition_point(|&i| self.order(book, i, index) == Ordering::Less);
            ordered.insert(at, index);
            self.ordered = Some(ordered);
        }
        if self.keeps(book, index) {
            let at = self.rows.partition_point(|&i| self.order(book, i, index) == Ordering::Less);
            self.rows.insert(at, index);
            if let Some(s) = book.summary(index) {
                self.totals.add(s);
            }
        }
        self.select_id(book, selected);
    }

    /// A prospect was put back into the book at `index`: later indices move up by one.
    pub fn inserted(&mut self, book: &Book, index: usize) {
        let shift = |list: &mut Vec<usize>| list.iter_mut().filter(|i| **i >= index).for_each(|i| *i += 1);
        shift(&mut self.rows);
        if let Some(ordered) = self.ordered.as_mut() {
            shift(ordered);
        }
        self.changed(book, index, None);
    }

    /// A prospect left the book at `index`: later indices move down by one.
    pub fn removed(&mut self, index: usize, before: &crate::domain::book::Summary) {
        if self.rows.contains(&index) {
            self.totals.remove(before);
        }
        let shift = |list: &mut Vec<usize>| {
            list.retain(|&i| i != index);
            list.iter_mut().filter(|i| **i > index).for_each(|i| *i -= 1);
        };
        shift(&mut self.rows);
        if let Some(ordered) = self.ordered.as_mut() {
            shift(ordered);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The id of the selected prospect.
    pub fn selected_id(&self, book: &Book) -> Option<u64> {
        self.rows.get(self.selected).and_then(|&i| book.prospect(i)).map(|p| p.id)
    }

    /// Selects the prospect with this id if shown, else keeps the position in range.
    pub fn select_id(&mut self, book: &Book, id: Option<u64>) {
        // Find the prospect's position in the book once, then look for that number in the rows.
        let index = id.and_then(|id| book.position(id));
        if let Some(pos) = index.and_then(|index| self.rows.iter().position(|&i| i == index)) {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection by `delta` lines, clamped, and scrolls to keep it in a window of
    /// `height` lines.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view(height);
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Scrolls the window without moving past the ends (mouse wheel).
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let max = self.rows.len().saturating_sub(height.max(1));
        self.offset = self.offset.saturating_add_signed(delta).min(max);
        self.selected = self
            .selected
            .clamp(self.offset, (self.offset + height.max(1)).saturating_sub(1))
            .min(self.rows.len().saturating_sub(1));
    }

    /// The next sort in the cycle: each column ascending then descending, then the next column.
    pub fn cycle_sort(&mut self, forward: bool) {
        let (column, direction) = self.sort;
        let at = Column::ALL.iter().position(|c| *c == column).unwrap_or(0) * 2
            + usize::from(direction == Direction::Descending);
        let n = Column::ALL.len() * 2;
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        let dir = if next % 2 == 0 { Direction::Ascending } else { Direction::Descending };
        self.sort = (Column::ALL[next / 2], dir);
        self.invalidate();
    }
}

/// Orders two summaries by a column; unknown values last.
fn compare(column: Column, direction: Direction, a: &Summary, b: &Summary) -> Ordering {
    match column {
        Column::Name => Ordering::Equal,
        Column::Band => unknown_last(Some(a.band), Some(b.band), direction),
        Column::Score => unknown_last(a.score, b.score, direction),
        Column::Segment => unknown_last(a.segment, b.segment, direction),
        Column::Volume => unknown_last(a.volume, b.volume, direction),
        Column::Days => unknown_last(Some(a.payment_days), Some(b.payment_days), direction),
        Column::Advance => unknown_last(Some(a.advance), Some(b.advance), direction),
        Column::Profit => unknown_last(a.risk_adjusted_profit, b.risk_adjusted_profit, direction),
        Column::Status => unknown_last(Some(a.status), Some(b.status), direction),
    }
}

/// Steps an optional filter through its values and back to "all".
pub fn cycle<T: Copy + PartialEq>(current: Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(v) => all.iter().position(|x| *x == v).and_then(|i| all.get(i + 1)).copied(),
    }
}
