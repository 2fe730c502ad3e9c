//! `dealdesk export`: the portfolio as CSV (the import columns, so that it imports again) or
//! as JSON (the store's prospect objects, with decisions).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::output::{Report, note};
use super::{Context, ExportFormat};
use crate::domain::prospect::Prospect;
use crate::io::csv_export;
use crate::store::{self, destination};

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

pub fn run(ctx: &Context, format: ExportFormat, output: Option<&Path>, force: bool) -> Result<ExitCode> {
    let prospects = store::load(&ctx.store)?;
    let bytes = encode(&prospects, format)?;
    let Some(path) = output else {
        let mut report = Report::new();
        report.bytes(&bytes)?;
        report.finish()?;
        return Ok(ExitCode::SUCCESS);
    };
    match destination::write(path, &bytes, &destination::protected(&ctx.store), force) {
        Ok(destination::Written::File(file)) => {
            note(format!("exported {} prospect(s) to {}", prospects.len(), file.display()))
        }
        Ok(destination::Written::Stream) => {
            note(format!("exported {} prospect(s) into {}", prospects.len(), path.display()))
        }
        Err(destination::DestinationError::Exists(path)) => {
            bail!("{} exists already; nothing was written (--force replaces it)", path.display())
        }
        Err(e) => bail!("{e}; nothing was written"),
    }
    Ok(ExitCode::SUCCESS)
}
