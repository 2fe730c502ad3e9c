//! `dealdesk export`: the portfolio as CSV (the import columns, so that it imports again) or
//! as JSON (the store's prospect objects, with decisions).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, ExportFormat};
use crate::domain::prospect::Prospect;
use crate::io::csv_export;
use crate::store::{self, atomic};

/// The bytes of an export.
pub fn encode(prospects: &[Prospect], format: ExportFormat) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match format {
        ExportFormat::Csv => csv_export::write_prospects(prospects, &mut bytes)?,
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut bytes, prospects)?;
            bytes.push(b'\n');
        }
    }
    Ok(bytes)
}

pub fn run(ctx: &Context, format: ExportFormat, output: Option<&Path>) -> Result<ExitCode> {
    let prospects = store::load(&ctx.store)?;
    let bytes = encode(&prospects, format)?;
    match output {
        Some(path) => {
            atomic::replace(path, &bytes, false, &mut atomic::write_all)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("exported {} prospect(s) to {}", prospects.len(), path.display());
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
