//! The portfolio table's columns, which are also its sort keys, how each one orders two
//! prospects, and the whole portfolio sorted by one.

use std::cmp::Ordering;

use rayon::prelude::*;
use strum::VariantArray;

use super::Portfolio;
use super::names::{NameIndex, fold};
use crate::domain::summary::Summary;

/// The table's sort: a column and a direction.
pub type Sort = (Column, SortDirection);

/// The table's columns, in screen order (a narrow table leaves some out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum Column {
    Name,
    Sector,
    City,
    Band,
    Score,
    Pd,
    Dbt,
    Segment,
    Volume,
    Days,
    Advance,
    Exposure,
    ExpectedLoss,
    Profit,
    Status,
}

impl Column {
    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Sector => "Sector",
            Column::City => "City",
            Column::Band => "Band",
            Column::Score => "Score",
            Column::Pd => "PD %",
            Column::Dbt => "DBT",
            Column::Segment => "Segment",
            Column::Volume => "Volume",
            Column::Days => "Days",
            Column::Advance => "Adv %",
            Column::Exposure => "Exposure",
            Column::ExpectedLoss => "Exp. loss",
            Column::Profit => "RA profit",
            Column::Status => "Status",
        }
    }

    /// A fixed short form of the title, for a sorted column too narrow for the title and its
    /// arrow: a reader sees a label, not a cut one.
    pub fn short_title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Sector => "Sect.",
            Column::City => "City",
            Column::Band => "Bd",
            Column::Score => "Sc",
            Column::Pd => "PD",
            Column::Dbt => "DBT",
            Column::Segment => "Seg.",
            Column::Volume => "Vol.",
            Column::Days => "Days",
            Column::Advance => "Adv",
            Column::Exposure => "Exp.",
            Column::ExpectedLoss => "EL",
            Column::Profit => "RAP",
            Column::Status => "St.",
        }
    }

    /// Whether the column holds text of the prospect's (name, sector, city), compared folded,
    /// rather than a figure of its summary.
    pub fn is_text(self) -> bool {
        matches!(self, Column::Name | Column::Sector | Column::City)
    }
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDirection {
    Ascending,
    Descending,
}

/// Compares optional keys with unknown values last whatever the direction.
fn unknown_last<T: PartialOrd>(a: Option<T>, b: Option<T>, direction: SortDirection) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if direction == SortDirection::Descending { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Orders two summaries by a column; unknown values last. Text columns are the view's (it
/// reads the prospects' names, sectors and cities): equal here.
pub fn compare(column: Column, direction: SortDirection, a: &Summary, b: &Summary) -> Ordering {
    match column {
        Column::Name | Column::Sector | Column::City => Ordering::Equal,
        Column::Pd => unknown_last(Some(a.pd), Some(b.pd), direction),
        Column::Dbt => unknown_last(a.dbt_days, b.dbt_days, direction),
        Column::Exposure => unknown_last(Some(a.exposure), Some(b.exposure), direction),
        Column::ExpectedLoss => unknown_last(Some(a.expected_loss), Some(b.expected_loss), direction),
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

/// Below this many prospects the sort stays on the calling thread: waking rayon's pool costs
/// more than splitting 1 000 rows saves (`load/rows/1k` measured +23 µs on two cores).
const SERIAL_BELOW: usize = 4096;

/// Every index of the portfolio in `sort`'s order.
pub fn sorted(portfolio: &Portfolio, sort: Sort) -> Vec<usize> {
    // The order is total (ties fall to the portfolio's order), so an unstable sort, split over
    // the cores, gives the same result as a stable one, faster.
    let (column, direction) = sort;
    let serial = portfolio.len() < SERIAL_BELOW;
    if column.is_text() {
        // Sectors and cities folded once into one buffer, as the names already are.
        let texts = (column != Column::Name).then(|| {
            let mut texts = NameIndex::with_capacity(portfolio.len(), portfolio.len() * 12);
            (0..portfolio.len()).for_each(|i| texts.push(text_of(column, portfolio, i).unwrap_or("")));
            texts
        });
        let text = |i: usize| texts.as_ref().map_or_else(|| portfolio.folded_name(i), |t| t.get(i));
        // Each text beside its position and its first eight bytes as a number: most
        // comparisons end on the number, without reading the text. Unknown (empty) last.
        let key = |i: usize| {
            let text = text(i);
            let mut head = [0u8; 8];
            let n = text.len().min(8);
            head[..n].copy_from_slice(&text.as_bytes()[..n]);
            (text.is_empty(), u64::from_be_bytes(head), text, i)
        };
        let mut keyed: Vec<(bool, u64, &str, usize)> = if serial {
            (0..portfolio.len()).map(key).collect()
        } else {
            (0..portfolio.len()).into_par_iter().map(key).collect()
        };
        let by_key = |(ua, ha, ta, a): &(bool, u64, &str, usize),
                      (ub, hb, tb, b): &(bool, u64, &str, usize)| {
            let o = ha.cmp(hb).then_with(|| ta.cmp(tb));
            let o = if direction == SortDirection::Descending { o.reverse() } else { o };
            ua.cmp(ub).then(o).then(a.cmp(b))
        };
        sort_maybe_in_parallel(&mut keyed, serial, by_key);
        return keyed.into_iter().map(|(_, _, _, i)| i).collect();
    }
    let mut all: Vec<usize> = (0..portfolio.len()).collect();
    sort_maybe_in_parallel(&mut all, serial, |a, b| order(portfolio, sort, *a, *b, None));
    all
}

/// An unstable sort, on the calling thread when `serial`, else split over the cores.
fn sort_maybe_in_parallel<T: Send>(items: &mut [T], serial: bool, by: impl Fn(&T, &T) -> Ordering + Sync) {
    if serial { items.sort_unstable_by(by) } else { items.par_sort_unstable_by(by) }
}

/// A prospect's sort keys before an edit: its row still sits where they put it.
pub struct SortKeyBeforeEdit<'a> {
    pub index: usize,
    /// The folded name.
    pub name: &'a str,
    pub summary: &'a Summary,
}

/// The table's order between two prospects of the portfolio: the sort column, then the
/// portfolio's order (which is what a stable sort keeps), reading one prospect's keys as they
/// were before an edit when `before_edit` is given. Sectors and cities are read from the
/// prospects as they are (the view finds an edited one's old place by a linear search).
pub fn order(
    portfolio: &Portfolio,
    sort: Sort,
    a: usize,
    b: usize,
    before_edit: Option<&SortKeyBeforeEdit>,
) -> Ordering {
    let name = |i: usize| match before_edit {
        Some(f) if f.index == i => f.name,
        _ => portfolio.folded_name(i),
    };
    let summary = |i: usize| match before_edit {
        Some(f) if f.index == i => Some(f.summary),
        _ => portfolio.summary(i),
    };
    let (column, direction) = sort;
    let primary = match column {
        Column::Name => {
            let o = name(a).cmp(name(b));
            if direction == SortDirection::Descending { o.reverse() } else { o }
        }
        Column::Sector | Column::City => {
            let text =
                |i| text_of(column, portfolio, i).filter(|t| !t.is_empty()).map(|t| t.chars().map(fold));
            match (text(a), text(b)) {
                (Some(x), Some(y)) => {
                    let o = x.cmp(y);
                    if direction == SortDirection::Descending { o.reverse() } else { o }
                }
                // Unknown last, whatever the direction.
                (x, y) => x.is_none().cmp(&y.is_none()),
            }
        }
        _ => match (summary(a), summary(b)) {
            (Some(sa), Some(sb)) => compare(column, direction, sa, sb),
            _ => Ordering::Equal,
        },
    };
    primary.then(a.cmp(&b))
}

/// A prospect's sector or city, the text a sort by that column reads.
fn text_of(column: Column, portfolio: &Portfolio, index: usize) -> Option<&str> {
    let p = portfolio.prospect(index)?;
    match column {
        Column::Sector => p.sector.as_deref(),
        Column::City => p.city.as_deref(),
        _ => None,
    }
}
