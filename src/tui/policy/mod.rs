//! The policy editor: the credit policy in the sections a credit manager knows — the bands, the
//! terms matrix as a grid per term, segments and channels, the scorecard, its curves with a
//! chart, economics — each value with its unit and what it means, validated as it is typed,
//! saved to the user's policy file and put in force on the whole portfolio.

pub mod chart;
pub mod choices;
pub mod keys;
pub mod nav;
pub mod points;
pub mod search;
pub mod sections;
pub mod sentences;
pub mod state;
pub mod tree;
pub mod update;
pub mod view;
mod view_block;
