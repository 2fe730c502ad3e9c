//! Deals side by side: one column per marked prospect, on suggested or edited terms, and the
//! verdict.

pub mod keys;
pub mod state;
pub mod update;
pub mod view;
