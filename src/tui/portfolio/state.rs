//! The portfolio screen's state: the sort and filters the user chose, the query being typed,
//! which row is selected, where the window starts and which prospects are marked. The rows
//! themselves, their order and totals, are the engine's (`crate::portfolio::view`); this keeps
//! the selection on its prospect as they change.

use std::sync::Arc;

use crate::domain::date::Date;
use crate::domain::prospect::Prospect;
use crate::domain::summary::{Summary, Totals};
use crate::domain::vocabulary::{Band, Segment, Status};
use crate::portfolio::Portfolio;
use crate::portfolio::filter::Filter;
pub use crate::portfolio::sort::{Column, SortDirection};
use crate::portfolio::view::View;
use crate::tui::kit::line_edit::LineEdit;

/// What the table shows and how.
#[derive(Debug, Clone)]
pub struct PortfolioView {
    pub sort: (Column, SortDirection),
    pub query: LineEdit,
    /// Whether the name filter has the keyboard.
    pub typing: bool,
    pub band: Option<Band>,
    pub segment: Option<Segment>,
    pub status: Option<Status>,
    /// Only the prospects due for review by this day (the desk's today), when set.
    pub due_by: Option<Date>,
    /// Index into the rows of the selected line.
    pub selected: usize,
    /// Index into the rows of the first visible line.
    pub offset: usize,
    /// Prospects marked for comparison, by id, in the order they were marked (the order of
    /// the compare screen's columns).
    pub marked: Vec<u64>,
    /// Whether only the marked prospects are shown.
    pub only_marked: bool,
    /// The rows for this sort and these filters, and their totals.
    shown: View,
}

impl Default for PortfolioView {
    fn default() -> PortfolioView {
        PortfolioView::with_chunk(crate::portfolio::order::CHUNK)
    }
}

impl PortfolioView {
    /// A view whose display order is cut in chunks of `chunk` entries (see `View::with_chunk`).
    pub fn with_chunk(chunk: usize) -> PortfolioView {
        PortfolioView {
            sort: (Column::Name, SortDirection::Ascending),
            query: LineEdit::default(),
            typing: false,
            band: None,
            segment: None,
            status: None,
            due_by: None,
            selected: 0,
            offset: 0,
            marked: Vec::new(),
            only_marked: false,
            shown: View::with_chunk(chunk),
        }
    }

    /// Positions in the portfolio of the prospects shown, in display order.
    pub fn rows(&self) -> &[usize] {
        self.shown.rows()
    }

    /// The sums over the prospects shown.
    pub fn totals(&self) -> &Totals {
        self.shown.totals()
    }

    /// Whether any filter is on.
    pub fn filtered(&self) -> bool {
        !self.query.text().trim().is_empty()
            || self.band.is_some()
            || self.segment.is_some()
            || self.status.is_some()
            || self.only_marked
            || self.due_by.is_some()
    }

    /// The filters as they stand.
    fn filter(&self) -> Filter {
        let marked = self.only_marked.then(|| self.marked.clone());
        Filter {
            due_by: self.due_by,
            ..Filter::new(self.query.text(), self.band, self.segment, self.status, marked)
        }
    }

    /// Rebuilds the rows after the filters or the sort changed, keeping the selected prospect
    /// selected when it is still shown, else selecting the top row.
    pub fn refresh(&mut self, portfolio: &Portfolio) {
        let selected_id = self.selected_id(portfolio);
        self.shown.refresh(portfolio, self.sort, self.filter());
        let index = selected_id.and_then(|id| portfolio.position(id));
        match index.and_then(|i| self.shown.row_of(portfolio, i)) {
            Some(at) => self.selected = at,
            None => self.selected = 0,
        }
    }

    /// Shows prospects added at the end of the portfolio (from `start`) that pass the filters,
    /// without sorting: while the store loads, rows appear as they come.
    pub fn append(&mut self, portfolio: &Portfolio, start: usize) {
        let filter = self.filter();
        self.shown.append(portfolio, start, &filter);
    }

    /// Forgets the order and the filtering, so that the next refresh sorts the portfolio again
    /// (after the sort changed, or many prospects did).
    pub fn invalidate(&mut self) {
        self.shown.invalidate();
    }

    /// Sorts and filters the whole portfolio again after many of its prospects changed under the
    /// view (the view was invalidated first, so it followed none of them), selecting the
    /// prospect `selected` (an id taken before the change) if it is still shown.
    pub fn rebuild(&mut self, portfolio: &Portfolio, selected: Option<u64>) {
        let filter = self.filter();
        self.shown.rebuild(portfolio, self.sort, filter);
        self.select_id(portfolio, selected);
    }

    /// One prospect of the portfolio changed (see `View::changed`); the selection stays on its
    /// prospect.
    pub fn changed(&mut self, portfolio: &Portfolio, index: usize, before_edit: Option<(&str, &Summary)>) {
        if self.shown.invalidated() {
            return;
        }
        let selected = self.rows().get(self.selected).copied();
        self.shown.changed(portfolio, index, before_edit);
        self.follow(portfolio, selected);
    }

    /// A prospect was put back into the portfolio at `index`: later indices move up by one.
    pub fn inserted(&mut self, portfolio: &Portfolio, index: usize) {
        if self.shown.invalidated() {
            return;
        }
        let selected = self.rows().get(self.selected).map(|&i| if i >= index { i + 1 } else { i });
        self.shown.inserted(portfolio, index);
        self.follow(portfolio, selected);
    }

    /// A prospect left the portfolio at `index`: later indices move down by one.
    pub fn removed(&mut self, index: usize, before: &Summary) {
        if self.shown.invalidated() {
            return;
        }
        // A line above the selection went: the selection moves up with its prospect.
        if self.shown.removed(index, before).is_some_and(|at| at < self.selected) {
            self.selected -= 1;
        }
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
    }

    /// Selects the row of the prospect at position `index` of the portfolio if it is shown,
    /// else keeps the selection in range.
    fn follow(&mut self, portfolio: &Portfolio, index: Option<usize>) {
        if let Some(at) = index.and_then(|i| self.shown.row_of(portfolio, i)) {
            self.selected = at;
        }
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
    }

    /// The selected prospect.
    pub fn selected_prospect(&self, portfolio: &Portfolio) -> Option<Arc<Prospect>> {
        let index = *self.rows().get(self.selected)?;
        portfolio.prospect(index).cloned()
    }

    /// The id of the selected prospect.
    pub fn selected_id(&self, portfolio: &Portfolio) -> Option<u64> {
        self.rows().get(self.selected).and_then(|&i| portfolio.prospect(i)).map(|p| p.id)
    }

    /// Selects the prospect with this id if shown, else keeps the position in range.
    pub fn select_id(&mut self, portfolio: &Portfolio, id: Option<u64>) {
        // Find the prospect's position in the portfolio once, then look for it in the rows.
        let index = id.and_then(|id| portfolio.position(id));
        self.follow(portfolio, index);
    }

    /// Moves the selection by `delta` lines, clamped, and scrolls to keep it in a window of
    /// `height` lines.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.rows().len().saturating_sub(1);
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
        self.offset = self.offset.min(self.rows().len().saturating_sub(height));
    }

    /// Scrolls the window without moving past the ends (mouse wheel).
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let max = self.rows().len().saturating_sub(height.max(1));
        self.offset = self.offset.saturating_add_signed(delta).min(max);
        self.selected = self
            .selected
            .clamp(self.offset, (self.offset + height.max(1)).saturating_sub(1))
            .min(self.rows().len().saturating_sub(1));
    }

    /// Sorts by another column, in the same direction.
    pub fn sort_by(&mut self, column: Column) {
        self.sort.0 = column;
        self.invalidate();
    }

    /// Reverses the sort's direction.
    pub fn reverse_sort(&mut self) {
        self.sort.1 = match self.sort.1 {
            SortDirection::Ascending => SortDirection::Descending,
            SortDirection::Descending => SortDirection::Ascending,
        };
        self.invalidate();
    }

    /// Selects the top row and shows it (new rows: a matrix cell, a finished load).
    pub fn select_top(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }
}

/// Steps an optional filter through its values and back to "all".
pub fn cycle<T: Copy + PartialEq>(current: Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(v) => all.iter().position(|x| *x == v).and_then(|i| all.get(i + 1)).copied(),
    }
}
