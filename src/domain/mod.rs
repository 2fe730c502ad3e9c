//! The pure core: prospects, the risk model, segments, policy, terms and economics.
//! Nothing here touches a terminal, a file or the clock.

pub mod compare;
pub mod curve;
pub mod date;
pub mod economics;
pub mod evaluate;
pub mod factor;
pub mod field_values;
pub mod fields;
pub mod matrix;
pub mod money;
pub mod names;
pub mod policy;
pub mod policy_check;
pub mod portfolio;
pub mod prospect;
pub mod reason;
pub mod registration;
pub mod reorder;
pub mod risk;
pub mod segment;
pub mod shared_chunks;
pub mod table;
pub mod terms;
pub mod vocabulary;
