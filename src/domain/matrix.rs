//! The portfolio as a risk band × volume segment grid: count, volume, exposure and expected
//! loss per cell, with row and column totals.

use strum::VariantArray;

use super::money::Money;
use super::summary::{Summary, Totals};
use super::vocabulary::{Band, Segment};

/// Totals per band × segment; prospects without a known volume have no segment and are
/// counted apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matrix {
    /// `cells[band][segment]`, in the vocabulary's order of bands × segments.
    pub cells: [[Totals; 5]; 5],
    pub by_band: [Totals; 5],
    pub by_segment: [Totals; 5],
    pub total: Totals,
    /// Prospects whose annual volume is unknown.
    pub unsegmented: Totals,
}

fn band_index(band: Band) -> usize {
    Band::VARIANTS.iter().position(|b| *b == band).unwrap_or(0)
}

fn segment_index(segment: Segment) -> usize {
    Segment::VARIANTS.iter().position(|s| *s == segment).unwrap_or(0)
}

impl Matrix {
    /// Sums the summaries given.
    pub fn build<'a>(summaries: impl IntoIterator<Item = &'a Summary>) -> Matrix {
        let mut m = Matrix::default();
        for s in summaries {
            m.total.add(s);
            match s.segment {
                Some(segment) => {
                    let (b, g) = (band_index(s.band), segment_index(segment));
                    m.cells[b][g].add(s);
                    m.by_band[b].add(s);
                    m.by_segment[g].add(s);
                }
                None => m.unsegmented.add(s),
            }
        }
        m
    }

    pub fn cell(&self, band: Band, segment: Segment) -> &Totals {
        &self.cells[band_index(band)][segment_index(segment)]
    }

    /// The largest expected loss of any cell, to scale the colours.
    pub fn max_expected_loss(&self) -> Money {
        self.cells.iter().flatten().map(|t| t.expected_loss()).fold(Money::ZERO, Money::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Pct;
    use crate::domain::vocabulary::Status;

    fn summary(band: Band, segment: Option<Segment>, volume: i64) -> Summary {
        Summary {
            id: 0,
            band,
            insufficient_data: false,
            score: Some(50.0),
            pd: rust_decimal::Decimal::ZERO,
            dbt_days: None,
            segment,
            volume: Some(Money::units(volume)),
            payment_days: 30,
            advance: Pct::ZERO,
            exposure: Money::units(volume / 10),
            expected_loss: Money::units(volume / 100),
            risk_adjusted_profit: Some(Money::units(volume / 20)),
            status: Status::New,
            basis: crate::domain::summary::Basis::Suggested,
            review_due: None,
            cents: [0; crate::domain::summary::FIGURES],
        }
        .recount()
    }

    #[test]
    fn cells_rows_and_columns_add_up() {
        let summaries = [
            summary(Band::A, Some(Segment::Key), 300_000),
            summary(Band::A, Some(Segment::Key), 400_000),
            summary(Band::D, Some(Segment::Key), 500_000),
            summary(Band::D, Some(Segment::Micro), 5_000),
            summary(Band::C, None, 1_000),
        ];
        let m = Matrix::build(&summaries);
        let cell = m.cell(Band::A, Segment::Key);
        assert_eq!((cell.count, cell.volume()), (2, Money::units(700_000)));
        assert_eq!(m.by_segment[1].count, 3);
        assert_eq!(m.by_band[3].volume(), Money::units(505_000));
        assert_eq!(m.total.count, 5);
        assert_eq!(m.unsegmented.count, 1);
        assert_eq!(m.max_expected_loss(), Money::units(7_000));
    }
}
