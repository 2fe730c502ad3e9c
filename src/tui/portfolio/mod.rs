//! The portfolio screen: the table with its filters, sort, marks and totals.

pub mod columns;
pub mod keys;
pub mod state;
pub mod update;
pub mod view;
