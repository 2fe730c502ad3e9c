//! dealdesk: triage B2B prospects, see their risk and volume segment, and fit delivery and
//! payment terms to both.

pub mod cli;
pub mod domain;
pub mod io;
pub mod portfolio;
pub mod store;
#[cfg(feature = "synth")]
pub mod synth;
pub mod tui;
