//! The portfolio table's state: which prospects are shown (filters), in which order (sort),
//! which is selected and where the window starts. Pure: no terminal, no IO.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use super::fuzzy;
use super::line_edit::LineEdit;
use crate::domain::book::{Book, Summary, Totals};
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
        let (Some(p), Some(s)) = (book.prospect(index), book.summary(index)) else {
            return false;
        };
        self.band.is_none_or(|b| s.band == b)
            && self.segment.is_none_or(|seg| s.segment == Some(seg))
            && self.status.is_none_or(|st| s.status == st)
            && fuzzy::is_match(self.query.text(), &p.name)
    }

    /// Rebuilds the rows after the book, the filters or the sort changed, keeping the selected
    /// prospect selected when it is still shown. A query that only grew narrows the rows already
    /// shown (they are already in order) instead of scanning and sorting the whole book.
    pub fn refresh(&mut self, book: &Book) {
        let selected_id = self.selected_id(book);
        let key = (self.query.text().to_string(), self.band, self.segment, self.status);
        let narrowing = matches!(&self.built_for, Some((q, b, s, st))
            if key.0.starts_with(q.as_str()) && (*b, *s, *st) == (key.1, key.2, key.3));
        if narrowing {
            let rows = std::mem::take(&mut self.rows);
            self.rows = rows.into_iter().filter(|&i| self.keeps(book, i)).collect();
        } else {
            self.rows = (0..book.len()).filter(|&i| self.keeps(book, i)).collect();
            self.sort_rows(book);
        }
        self.built_for = Some(key);
        self.totals = Totals::default();
        for &i in &self.rows {
            if let Some(s) = book.summary(i) {
                self.totals.add(s);
            }
        }
        self.select_id(book, selected_id);
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

    /// Forgets how the rows were built, so that the next refresh rescans (after the book changed).
    pub fn invalidate(&mut self) {
        self.built_for = None;
    }

    fn sort_rows(&mut self, book: &Book) {
        let (column, direction) = self.sort;
        let name = |i: usize| book.prospect(i).map(|p| fuzzy::sort_key(&p.name)).unwrap_or_default();
        let summary = |i: usize| book.summary(i);
        let by = |a: &usize, b: &usize| -> Ordering {
            let (Some(sa), Some(sb)) = (summary(*a), summary(*b)) else {
                return Ordering::Equal;
            };
            compare(column, direction, sa, sb)
        };
        if column == Column::Name {
            let mut keyed: Vec<(String, usize)> = self.rows.iter().map(|&i| (name(i), i)).collect();
            keyed.sort_by(|a, b| if direction == Direction::Ascending { a.cmp(b) } else { b.cmp(a) });
            self.rows = keyed.into_iter().map(|(_, i)| i).collect();
        } else {
            self.rows.sort_by(by);
        }
    }

    /// The id of the selected prospect.
    pub fn selected_id(&self, book: &Book) -> Option<u64> {
        self.rows.get(self.selected).and_then(|&i| book.prospect(i)).map(|p| p.id)
    }

    /// Selects the prospect with this id if shown, else keeps the position in range.
    pub fn select_id(&mut self, book: &Book, id: Option<u64>) {
        if let Some(pos) =
            id.and_then(|id| self.rows.iter().position(|&i| book.prospect(i).is_some_and(|p| p.id == id)))
        {
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
