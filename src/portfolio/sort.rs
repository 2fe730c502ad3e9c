//! The portfolio table's columns, which are also its sort keys, and how each one orders two
//! prospects.

use std::cmp::Ordering;

use strum::VariantArray;

use crate::domain::summary::Summary;

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
