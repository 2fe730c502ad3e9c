//! The what-if on one prospect's terms: suggested and edited side by side, every figure with
//! its change, the goal seek and the profit across payment days and advance.

pub mod keys;
pub mod state;
pub mod update;
pub mod view;
