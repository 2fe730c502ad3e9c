//! `dealdesk import FILE...`: brings prospects in from CSV, spreadsheets and filed annual
//! accounts, each file recognised by its content. A prospect already in the portfolio (same
//! registration number, or same name and country) is updated, never duplicated; each file is
//! one save, all or nothing unless `--skip-invalid`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::output::{OutputFailed, Report, note};
use super::{Context, read_input};
use crate::domain::decision::Stamp;
use crate::domain::format::count;
use crate::domain::import_plan::{Decider, Plan};
use crate::domain::prospect::Prospect;
use crate::io::import_file::{ImportFile, file_label, folder_files, read_import_file};
use crate::io::printable;
use crate::portfolio::import_plan::plan;
use crate::store;
use crate::store::user::os_user;

/// The options of one `import` run.
pub struct Options<'a> {
    pub sheet: Option<&'a str>,
    pub skip_invalid: bool,
    pub dry_run: bool,
}

/// The files named, with each folder replaced by its importable files in name order.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let inside =
            folder_files(path).with_context(|| format!("cannot read the folder {}", path.display()))?;
        files.extend(inside);
    }
    Ok(files)
}

pub fn run(ctx: &Context, paths: &[PathBuf], options: &Options) -> Result<ExitCode> {
    let mut files = Vec::new();
    for path in expand(paths)? {
        let bytes = read_input(&path)?;
        match read_import_file(&bytes, options.sheet, &mut |_| {}) {
            Ok(file) => files.push((path, file)),
            Err(e) => anyhow::bail!("{}: {e}", path.display()),
        }
    }
    files.sort_by_key(|(_, file)| file.batch_order());
    if options.dry_run {
        return dry_run(ctx, &mut files, options);
    }
    let mut store = store::open(&ctx.store, &super::holder())?;
    let by = store.user();
    let mut report = Report::new();
    // New and updated prospects saved so far, and the portfolio's size then: a report that
    // cannot be written after a save must still say what was saved, so nobody imports again.
    let mut saved = (0usize, None);
    let said = |e: OutputFailed, (imported, total): (usize, Option<usize>)| match (imported, total) {
        (0, _) | (_, None) => e,
        (n, Some(total)) => {
            e.after(format!("imported {} into {} ({total} in all) (saved)", count(n, "prospect"), ctx.store))
        }
    };
    let mut failed = false;
    for (path, file) in &mut files {
        // The plan is made inside the store's step, against the prospects as they are then
        // (another user may be importing too); a report that cannot be written ends it.
        let mut refused_report = None;
        let imported = store
            .import(&mut |portfolio| match plan_file(ctx, path, file, portfolio, options, &by, &mut report) {
                Ok(plan) => plan,
                Err(e) => {
                    refused_report = Some(e);
                    None
                }
            })
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if let Some(e) = refused_report {
            return Err(said(e, saved).into());
        }
        match imported {
            Some(done) => saved = (saved.0 + done.new + done.updated, Some(done.total)),
            None => failed = true,
        }
    }
    let total = match saved.1 {
        Some(total) => total,
        None => store.count()?,
    };
    let line = format!("{}: {} in all", ctx.store, count(total, "prospect"));
    report.line(line).and_then(|()| report.finish()).map_err(|e| said(e, saved))?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Plans each file against the store as it is and says what it would do; writes nothing.
fn dry_run(ctx: &Context, files: &mut [(PathBuf, ImportFile)], options: &Options) -> Result<ExitCode> {
    let portfolio = super::read_store(&ctx.store)?;
    let mut report = Report::new();
    let mut failed = false;
    for (path, file) in files {
        match plan_file(ctx, path, file, &portfolio, options, &os_user(), &mut report)? {
            Some(plan) => {
                report.line(format!("{}: dry run: {}; nothing written", path.display(), plan.summary()))?
            }
            None => failed = true,
        }
    }
    report.finish()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Reports a file and plans its import; `None` when the file may not be imported.
fn plan_file(
    ctx: &Context,
    path: &Path,
    file: &mut ImportFile,
    portfolio: &[Prospect],
    options: &Options,
    by: &str,
    report: &mut Report,
) -> Result<Option<Plan>, OutputFailed> {
    let name = path.display();
    note(format!("{name}: read as {}", file.read_as()));
    if let ImportFile::Rows(rows) = file {
        for error in &rows.errors {
            note(format!("{name}: {error}"));
        }
    }
    let bad_rows = file.bad_rows();
    let brought = file.bring(ctx.today);
    if let Some(reason) = &brought.refused {
        note(format!("{name}: {}", printable(reason)));
        return Ok(None);
    }
    if bad_rows > 0 && !options.skip_invalid {
        note(format!(
            "{name}: {}: nothing imported (fix the file, or pass --skip-invalid to import the {})",
            count(bad_rows, "bad row"),
            count(brought.incoming.len(), "valid row")
        ));
        return Ok(None);
    }
    for text in &brought.notes {
        report.line(format!("{name}: note: {}", printable(text)))?;
    }
    let read = count(brought.incoming.len(), "prospect");
    let existing: Vec<&Prospect> = portfolio.iter().collect();
    let stamp = Stamp { at: super::clock::local_now(ctx.as_of), by: by.to_string() };
    let decider = Decider::for_file(&ctx.policy, ctx.today, stamp, &file_label(path));
    let plan = plan(&existing, brought.incoming, &decider);
    report.line(format!(
        "{name}: {read} read, {} skipped: {}",
        count(bad_rows, "bad row"),
        plan.summary()
    ))?;
    for update in &plan.updated {
        let changes: Vec<String> = update.changes.iter().map(|c| c.describe()).collect();
        report.line(format!(
            "{name}: updated {}: {}",
            printable(&update.label),
            printable(&changes.join(", "))
        ))?;
    }
    for (label, reason) in &plan.refused {
        report.line(format!("{name}: refused {}: {}", printable(label), printable(reason)))?;
    }
    for (label, first) in &plan.repeats {
        report.line(format!(
            "{name}: {} is the same company as {}: applied to it",
            printable(label),
            printable(first)
        ))?;
    }
    Ok(Some(plan))
}
