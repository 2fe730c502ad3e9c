//! The grid and its selected cell.

use crate::domain::matrix::Matrix;

/// The band × segment grid and its selected cell.
#[derive(Debug, Clone)]
pub struct MatrixView {
    pub matrix: Matrix,
    /// The selected row: an index into `Band::VARIANTS`.
    pub band_index: usize,
    /// The selected column: an index into `Segment::VARIANTS`.
    pub segment_index: usize,
}
