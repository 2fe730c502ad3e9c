//! The import preview: what a file holds, every bad cell, and the choice to import the valid
//! rows, nothing, or fix the file first.

pub mod keys;
pub mod state;
pub mod update;
pub mod view;
