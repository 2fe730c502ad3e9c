//! `dealdesk import`: add the prospects of a CSV file to the store, all or nothing unless
//! `--skip-invalid`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::{Context, read_input};
use crate::io::csv_import;
use crate::store::{Store, assign_ids, lock::describe_this_process};

pub fn run(ctx: &Context, file: &Path, skip_invalid: bool, dry_run: bool) -> Result<ExitCode> {
    let import = csv_import::read_prospects(&read_input(file)?)?;
    for error in &import.errors {
        eprintln!("{}: {error}", file.display());
    }
    let bad_rows = {
        let mut rows: Vec<usize> = import.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows.len()
    };
    if bad_rows > 0 && !skip_invalid {
        eprintln!(
            "{} bad row(s): nothing imported (fix the file, or pass --skip-invalid to import the {} valid row(s))",
            bad_rows,
            import.prospects.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let mut prospects: Vec<_> = import.prospects.into_iter().map(|r| r.prospect).collect();
    if dry_run {
        println!(
            "dry run: {} prospect(s) would be imported into {}, {bad_rows} bad row(s) skipped",
            prospects.len(),
            ctx.store.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (mut store, mut portfolio) = Store::open(&ctx.store, &describe_this_process(super::unix_now()))?;
    assign_ids(&portfolio, &mut prospects);
    let count = prospects.len();
    portfolio.extend(prospects);
    store.save(&portfolio)?;
    println!(
        "imported {count} prospect(s) into {} ({} in all), {bad_rows} bad row(s) skipped",
        ctx.store.display(),
        portfolio.len()
    );
    Ok(ExitCode::SUCCESS)
}
