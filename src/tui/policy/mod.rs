//! The policy editor: every value of the credit policy, validated as it is typed, saved to the
//! user's policy file and put in force on the whole portfolio.

pub mod keys;
pub mod state;
pub mod update;
pub mod view;
