//! Which prospects the table shows: the name query and the quick filters (band, segment,
//! status, due for review, only the marked ones) as one test.

use super::Portfolio;
use super::names::folded;
use super::query::Query;
use crate::domain::date::Date;
use crate::domain::summary::Summary;
use crate::domain::vocabulary::{Band, Segment, Status};

/// The name query (folded) and the quick filters, as one test.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// The query folded, as typed (a longer one that starts with it only narrows).
    pub query: String,
    /// Its words, which the names are matched against.
    pub words: Query,
    pub band: Option<Band>,
    pub segment: Option<Segment>,
    pub status: Option<Status>,
    /// Only the prospects due for review on or before this day, when set.
    pub due_by: Option<Date>,
    /// Only these prospects (by id, sorted), when set: the marked ones.
    pub only: Option<Vec<u64>>,
}

impl Filter {
    /// The filter for a query as typed (folded here, once per keystroke rather than once per
    /// name), the quick filters and the prospects to keep only (by id).
    pub fn new(
        query: &str,
        band: Option<Band>,
        segment: Option<Segment>,
        status: Option<Status>,
        only: Option<Vec<u64>>,
    ) -> Filter {
        let only = only.map(|mut ids| {
            ids.sort_unstable();
            ids
        });
        Filter { query: folded(query), words: Query::new(query), band, segment, status, due_by: None, only }
    }

    pub(super) fn quick(&self) -> bool {
        self.band.is_some() || self.segment.is_some() || self.status.is_some() || self.due_by.is_some()
    }

    /// Whether the filters other than the name are the same: a query that grew then narrows.
    pub fn same_tags(&self, other: &Filter) -> bool {
        (self.band, self.segment, self.status, self.due_by, &self.only)
            == (other.band, other.segment, other.status, other.due_by, &other.only)
    }

    /// Whether the prospect with this id is among those kept only (always, when none are).
    pub(super) fn kept_by_id(&self, id: Option<u64>) -> bool {
        self.only.as_ref().is_none_or(|ids| id.is_some_and(|id| ids.binary_search(&id).is_ok()))
    }

    pub(super) fn tags_pass(&self, tags: Tags) -> bool {
        self.band.is_none_or(|b| tags.band == b)
            && self.segment.is_none_or(|s| tags.segment == Some(s))
            && self.status.is_none_or(|s| tags.status == s)
            && self.due_by.is_none_or(|day| tags.review_due.is_some_and(|due| due <= day))
    }

    /// Whether the prospect at a position of the portfolio passes. The name first: it lives in
    /// the compact name index, while the summaries are only read when a quick filter is on.
    pub fn keeps(&self, portfolio: &Portfolio, index: usize) -> bool {
        self.words.matches(portfolio.folded_name(index))
            && (!self.quick() || portfolio.summary(index).is_some_and(|s| self.tags_pass(Tags::of(s))))
            && (self.only.is_none() || self.kept_by_id(portfolio.prospect(index).map(|p| p.id)))
    }
}

/// What the quick filters read of a prospect's summary.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tags {
    pub band: Band,
    pub segment: Option<Segment>,
    pub status: Status,
    pub review_due: Option<Date>,
}

impl Tags {
    pub fn of(s: &Summary) -> Tags {
        Tags { band: s.band, segment: s.segment, status: s.status, review_due: s.review_due }
    }
}
