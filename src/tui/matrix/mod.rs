//! The portfolio as risk bands × volume segments, and the way from a cell to its prospects.

pub mod keys;
pub mod state;
pub mod update;
pub mod view;
