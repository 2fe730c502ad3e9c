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
pub mod format;
pub mod import_plan;
pub mod matrix;
pub mod money;
pub mod number;
pub mod policy;
pub mod policy_check;
pub mod policy_load;
pub mod policy_ranges;
pub mod policy_scorecard;
pub mod prospect;
pub mod reason;
pub mod register_entry;
pub mod registration;
pub mod risk;
pub mod risk_caps;
pub mod risk_checks;
pub mod risk_inputs;
pub mod risk_ratios;
pub mod risk_scale;
pub mod segment;
pub mod summary;
pub mod table;
pub mod terms;
pub mod vocabulary;
