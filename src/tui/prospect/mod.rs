//! The prospect screen: the form, in groups, with each error under its field, and the live
//! assessment beside it.

pub mod keys;
pub mod panel;
pub mod state;
pub mod update;
pub mod view;
