//! The portfolio table's columns, which are also its sort keys, and how each one orders two
//! prospects.

use std::cmp::Ordering;

use strum::VariantArray;

use crate::domain::summary::Summary;

/// The table's columns, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
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

/// Orders two summaries by a column; unknown values last.
pub fn compare(column: Column, direction: SortDirection, a: &Summary, b: &Summary) -> Ordering {
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
