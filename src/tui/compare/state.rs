//! Which deals are compared, which column is selected, and on which terms.

/// Deals side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    pub ids: Vec<u64>,
    /// The selected column.
    pub column: usize,
    /// Whether columns show the edited terms (the session's what-if, else the agreed terms)
    /// rather than the suggested ones.
    pub edited: bool,
}
