//! The first screen when there is no store yet: a new prospect, the demo or an import.

pub mod keys;
pub mod update;
pub mod view;
