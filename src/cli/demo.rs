//! The built-in demo portfolio.

use std::path::Path;

use anyhow::Result;

use crate::domain::prospect::Prospect;
use crate::store;

/// The demo portfolio shipped with dealdesk, as a store file.
pub const DEMO_JSON: &str = include_str!("../../assets/demo.json");

/// The demo prospects.
pub fn demo_prospects() -> Result<Vec<Prospect>> {
    Ok(store::decode(DEMO_JSON.as_bytes(), Path::new("assets/demo.json"))?)
}
