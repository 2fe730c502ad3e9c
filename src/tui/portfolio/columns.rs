//! Which columns the portfolio table shows at a width, and how wide each is: the core columns
//! always, and the extra ones (PD, DBT, exposure, expected loss, sector, city) as the width
//! allows while the name keeps room. The view draws these, and `<`/`>` move the sort among them.

use strum::VariantArray;

use crate::portfolio::sort::Column;

/// The least room the name keeps before another column is added.
const NAME_ROOM: u16 = 30;

/// Extra columns, the most useful first: a wider terminal adds them in this order.
const EXTRAS: [Column; 6] =
    [Column::Pd, Column::Dbt, Column::Exposure, Column::ExpectedLoss, Column::Sector, Column::City];

/// Whether a table this wide abbreviates (an 80-column terminal).
pub fn narrow(width: u16) -> bool {
    width < 100
}

/// A column's width; the name's is what the others leave.
fn width_of(column: Column, narrow: bool) -> u16 {
    let (segment, money, status) = if narrow { (7, 10, 10) } else { (9, 12, 11) };
    match column {
        Column::Name => 0,
        Column::Sector => 16,
        Column::City => 14,
        Column::Band | Column::Days | Column::Dbt => 4,
        Column::Score | Column::Advance | Column::Pd => 5,
        Column::Segment => segment,
        Column::Volume | Column::Profit | Column::Exposure => money,
        Column::ExpectedLoss => 11,
        Column::Status => status,
    }
}

/// The columns shown in a table of `width` characters, in screen order, with their widths
/// (one space between two columns).
pub fn shown(width: u16) -> Vec<(Column, u16)> {
    let narrow = narrow(width);
    let core = [
        Column::Band,
        Column::Score,
        Column::Segment,
        Column::Volume,
        Column::Days,
        Column::Advance,
        Column::Profit,
        Column::Status,
    ];
    let taken = |columns: &[Column]| columns.iter().map(|c| width_of(*c, narrow) + 1).sum::<u16>();
    let mut chosen: Vec<Column> = core.to_vec();
    if !narrow {
        for extra in EXTRAS {
            let mut with = chosen.clone();
            with.push(extra);
            if width.saturating_sub(taken(&with)) >= NAME_ROOM {
                chosen = with;
            }
        }
    }
    let name = width.saturating_sub(taken(&chosen)).max(12);
    Column::VARIANTS
        .iter()
        .filter(|c| **c == Column::Name || chosen.contains(c))
        .map(|&c| (c, if c == Column::Name { name } else { width_of(c, narrow) }))
        .collect()
}

/// The column shown `step` places from `from` (wrapping), for `<` and `>`; the first shown
/// when `from` is not shown at this width.
pub fn beside(width: u16, from: Column, step: isize) -> Column {
    let columns: Vec<Column> = shown(width).into_iter().map(|(c, _)| c).collect();
    let n = columns.len() as isize;
    match columns.iter().position(|c| *c == from) {
        Some(at) => columns[(at as isize + step).rem_euclid(n) as usize],
        None => columns[0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(width: u16) -> Vec<Column> {
        shown(width).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn wider_terminals_add_columns_and_the_widths_fill_the_line() {
        // 80 and 100 columns: the core nine; 120 adds PD and DBT (the name keeps ≥ 30).
        assert_eq!(names(80).len(), 9);
        assert_eq!(names(100).len(), 9);
        assert_eq!(
            names(120),
            [
                Column::Name,
                Column::Band,
                Column::Score,
                Column::Pd,
                Column::Dbt,
                Column::Segment,
                Column::Volume,
                Column::Days,
                Column::Advance,
                Column::Profit,
                Column::Status
            ]
        );
        assert_eq!(names(200).len(), Column::VARIANTS.len(), "every column at 200");
        for width in [80, 100, 120, 150, 200] {
            let used: u16 = shown(width).iter().map(|(_, w)| w + 1).sum::<u16>() - 1;
            assert_eq!(used, width, "at {width} the columns fill the line");
            let name = shown(width)[0].1;
            assert!(width < 120 || name >= NAME_ROOM, "the name keeps room at {width}");
        }
    }

    #[test]
    fn the_sort_moves_among_the_columns_shown() {
        assert_eq!(beside(120, Column::Name, 1), Column::Band);
        assert_eq!(beside(120, Column::Name, -1), Column::Status);
        assert_eq!(beside(120, Column::Score, 1), Column::Pd);
        assert_eq!(beside(80, Column::Score, 1), Column::Segment);
        // A column hidden at this width: the first shown.
        assert_eq!(beside(80, Column::City, 1), Column::Name);
    }
}
