//! `dealdesk import`: add the prospects of a CSV file to the store, all or nothing unless
//! `--skip-invalid`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::output::{Report, note};
use super::{Context, read_input};
use crate::io::csv_import;
use crate::store::{Store, ids, lock::describe_this_process};

pub fn run(ctx: &Context, file: &Path, skip_invalid: bool, dry_run: bool) -> Result<ExitCode> {
    let import = csv_import::read_prospects(&read_input(file)?)?;
    for error in &import.errors {
        note(format!("{}: {error}", file.display()));
    }
    let bad_rows = {
        let mut rows: Vec<usize> = import.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows.len()
    };
    if bad_rows > 0 && !skip_invalid {
        note(format!(
            "{} bad row(s): nothing imported (fix the file, or pass --skip-invalid to import the {} valid row(s))",
            bad_rows,
            import.prospects.len()
        ));
        return Ok(ExitCode::FAILURE);
    }
    let mut prospects: Vec<_> = import.prospects.into_iter().map(|r| r.prospect).collect();
    let mut report = Report::new();
    if dry_run {
        report.line(format!(
            "dry run: {} prospect(s) would be imported into {}, {bad_rows} bad row(s) skipped",
            prospects.len(),
            ctx.store.display()
        ))?;
        report.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (mut store, mut portfolio) = Store::open(&ctx.store, &describe_this_process(super::unix_now()))?;
    ids::assign(&portfolio, &mut prospects).map_err(|e| anyhow::anyhow!("{e}; nothing was imported"))?;
    let count = prospects.len();
    portfolio.extend(prospects);
    store.save(&portfolio)?;
    // Saved: from here on, a report that cannot be written must still say so.
    let done = format!(
        "imported {count} prospect(s) into {} ({} in all), {bad_rows} bad row(s) skipped",
        ctx.store.display(),
        portfolio.len()
    );
    report.line(&done).and_then(|()| report.finish()).map_err(|e| e.after(format!("{done} (saved)")))?;
    Ok(ExitCode::SUCCESS)
}
