//! Where each value sits in the sections, and moving between them: rows and columns of a
//! table or a grid, the pages of the terms and the curves, and the sections themselves.

use super::sections::{Block, Section};

/// A value's place: section, block (a page in a paged section), row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub section: usize,
    pub block: usize,
    pub row: usize,
    pub col: usize,
}

/// The place of every leaf, by leaf index.
pub fn places(sections: &[Section], leaves: usize) -> Vec<Place> {
    let mut out = vec![Place::default(); leaves];
    for (section, s) in sections.iter().enumerate() {
        for (block, b) in s.blocks.iter().enumerate() {
            for (row, r) in b.rows.iter().enumerate() {
                for (col, cell) in r.cells.iter().enumerate() {
                    if let Some(i) = cell
                        && let Some(slot) = out.get_mut(*i)
                    {
                        *slot = Place { section, block, row, col };
                    }
                }
            }
        }
    }
    out
}

/// The leaf at a row of a block, in the column nearest to `col` that has one.
fn in_row(block: &Block, row: usize, col: usize) -> Option<usize> {
    let cells = &block.rows.get(row)?.cells;
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|c| (c.abs_diff(col), *c));
    order.into_iter().find_map(|c| cells[c])
}

/// The rows a move runs over: a paged section's one page, or all the blocks of a section.
fn rows_of(section: &Section, at: Place) -> Vec<(usize, usize)> {
    let blocks: Vec<usize> = if section.paged { vec![at.block] } else { (0..section.blocks.len()).collect() };
    blocks.into_iter().flat_map(|b| (0..section.blocks[b].rows.len()).map(move |r| (b, r))).collect()
}

/// `delta` rows up (negative) or down from `at`, kept within the section (or page).
pub fn vertical(sections: &[Section], at: Place, delta: isize) -> Option<usize> {
    let section = sections.get(at.section)?;
    let rows = rows_of(section, at);
    let here = rows.iter().position(|&(b, r)| (b, r) == (at.block, at.row))?;
    let target = (here as isize + delta).clamp(0, rows.len() as isize - 1) as usize;
    let (b, r) = rows[target];
    in_row(&section.blocks[b], r, at.col)
}

/// One column left or right within a table; none at its edge or in a list.
pub fn horizontal(sections: &[Section], at: Place, delta: isize) -> Option<usize> {
    let block = sections.get(at.section)?.blocks.get(at.block)?;
    let cells = &block.rows.get(at.row)?.cells;
    let mut col = at.col as isize + delta;
    while (0..cells.len() as isize).contains(&col) {
        if let Some(i) = cells[col as usize] {
            return Some(i);
        }
        col += delta;
    }
    None
}

/// The first or last value of the section (of the page, in a paged section).
pub fn end(sections: &[Section], at: Place, last: bool) -> Option<usize> {
    let section = sections.get(at.section)?;
    let rows = rows_of(section, at);
    let (b, r) = if last { *rows.last()? } else { *rows.first()? };
    in_row(&section.blocks[b], r, if last { usize::MAX } else { 0 })
}

/// The same row and column on the next (or previous) page, wrapping round.
pub fn page(sections: &[Section], at: Place, forward: bool) -> Option<usize> {
    let section = sections.get(at.section)?;
    let n = section.blocks.len();
    if !section.paged || n == 0 {
        return None;
    }
    let block = if forward { (at.block + 1) % n } else { (at.block + n - 1) % n };
    let b = &section.blocks[block];
    in_row(b, at.row.min(b.rows.len().saturating_sub(1)), at.col)
}

/// The first value of a section.
pub fn first_of(sections: &[Section], section: usize) -> Option<usize> {
    end(sections, Place { section, ..Place::default() }, false)
}
