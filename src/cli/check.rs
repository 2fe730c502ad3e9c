//! `dealdesk check`: is the store readable, is every prospect valid, is the policy sound?
//! `--repair` renumbers duplicate, missing or oversized ids, keeping the previous file.

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::output::Report;
use super::{Context, unix_now};
use crate::domain::fields::Field;
use crate::domain::format::count;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::store::{self, Store, atomic, ids, lock, target};

/// Problems with one prospect: each input must survive being shown and typed back, and no two
/// prospects may share a registration number (an import matches on it).
pub fn prospect_problems(prospects: &[Prospect]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut registrations: HashMap<&str, &Prospect> = HashMap::new();
    for p in prospects {
        let who = format!("prospect {} ({})", p.id, crate::io::printable(&p.name));
        if let Some(r) = p.registration.as_deref()
            && let Some(first) = registrations.insert(r, p)
        {
            problems.push(format!(
                "{who}: registration number {} is also that of prospect {} ({}); an import cannot tell them apart",
                crate::io::printable(r),
                first.id,
                crate::io::printable(&first.name)
            ));
        }
        let mut copy = p.clone();
        for field in Field::ALL {
            if let Err(e) = field.set(&mut copy, &field.get(p), NumberStyle::Point) {
                problems.push(format!("{who}: {}: {e}", field.key()));
            }
        }
    }
    problems
}

pub fn run(ctx: &Context, repair: bool) -> Result<ExitCode> {
    let mut report = Report::new();
    report.line(format!("policy: {} (valid)", ctx.policy_source))?;
    if repair {
        repair_ids(ctx, &mut report)?;
    }
    let prospects = match store::load(&ctx.store) {
        Ok(prospects) => prospects,
        Err(e) => {
            report.line(format!("store: {e}"))?;
            report.finish()?;
            return Ok(ExitCode::FAILURE);
        }
    };
    if !ctx.store.exists() {
        report.line(format!("store: {} does not exist yet (an empty portfolio)", ctx.store.display()))?;
    } else {
        report.line(format!(
            "store: {} — {}, schema {}",
            ctx.store.display(),
            count(prospects.len(), "prospect"),
            store::SCHEMA_VERSION
        ))?;
    }
    let mut problems = prospect_problems(&prospects);
    // Only looked at: the lock file is neither created nor written by a check.
    match target::resolve(&ctx.store).map(|file| lock::holder(&file)) {
        Ok(Ok(Some(holder))) => {
            report.line(format!("lock: held by {holder} (fine while that instance runs)"))?
        }
        Ok(Ok(None)) => {}
        Ok(Err(e)) => problems.push(format!("lock: {e}")),
        Err(e) => problems.push(format!("store: {e}")),
    }
    for problem in &problems {
        report.line(format!("problem: {problem}"))?;
    }
    let code = if problems.is_empty() {
        report.line("ok")?;
        ExitCode::SUCCESS
    } else {
        report.line(count(problems.len(), "problem"))?;
        ExitCode::FAILURE
    };
    report.finish()?;
    Ok(code)
}

/// Gives the prospects whose ids clash (or are missing or too large) new ones, saving the
/// store with its previous version kept as `.bak`; says what changed.
fn repair_ids(ctx: &Context, report: &mut Report) -> Result<()> {
    let holder = store::lock::describe_this_process(unix_now());
    let mut store = Store::open_unread(&ctx.store, &format!("{holder} (check --repair)"))?;
    if let Some(reason) = store.read_only_reason() {
        bail!("{} cannot be repaired here: {reason}; nothing was changed", ctx.store.display());
    }
    let mut prospects = store.read_for_repair()?;
    let changes = ids::renumber(&mut prospects).map_err(anyhow::Error::msg)?;
    if changes.is_empty() {
        report.line("repair: every id is unique and in range; nothing to change")?;
        return Ok(());
    }
    store.save(&prospects)?;
    let done = format!(
        "repaired {} in {} (saved; the previous version is kept as {})",
        count(changes.len(), "id"),
        ctx.store.display(),
        atomic::backup_path(store.file()).display()
    );
    for change in &changes {
        report.line(format!("renumbered {change}")).map_err(|e| e.after(&done))?;
    }
    report.line(&done).map_err(|e| e.after(&done))?;
    Ok(())
}
