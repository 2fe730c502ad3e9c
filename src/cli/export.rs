//! `dealdesk export`: the portfolio as CSV (the import columns, so that it imports again), as
//! an `.xlsx` workbook (the same columns, typed cells) or as JSON (the store's prospect
//! objects, with decisions). `encode` makes the bytes; `store::destination` decides where they
//! may go.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::output::{Report, note};
use super::{Context, ExportFormat};
use crate::domain::format::count;
use crate::domain::prospect::Prospect;
use crate::io::export::{self, FileFormat};
use crate::store::{self, destination};

/// The bytes of an export.
pub fn encode(prospects: &[Prospect], format: ExportFormat) -> Result<Vec<u8>> {
    let format = match format {
        ExportFormat::Csv => FileFormat::Csv,
        ExportFormat::Json => FileFormat::Json,
        ExportFormat::Xlsx => FileFormat::Xlsx,
    };
    export::encode(prospects, format).map_err(|e| anyhow!(e))
}

pub fn run(ctx: &Context, format: ExportFormat, output: Option<&Path>, force: bool) -> Result<ExitCode> {
    if format == ExportFormat::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        bail!("a workbook is binary and would garble the terminal: pass -o FILE.xlsx");
    }
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
            note(format!("exported {} to {}", count(prospects.len(), "prospect"), file.display()))
        }
        Ok(destination::Written::Stream) => {
            note(format!("exported {} into {}", count(prospects.len(), "prospect"), path.display()))
        }
        Err(destination::DestinationError::Exists(path)) => {
            bail!("{} exists already; nothing was written (--force replaces it)", path.display())
        }
        Err(e) => bail!("{e}; nothing was written"),
    }
    Ok(ExitCode::SUCCESS)
}
