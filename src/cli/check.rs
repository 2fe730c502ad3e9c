//! `dealdesk check`: is the store readable, is every prospect valid, is the policy sound?
//! `--repair` renumbers duplicate, missing or oversized ids, keeping the previous file.

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::{Result, bail};

use std::path::Path;

use super::output::Report;
use super::{Context, unix_now};
use crate::domain::fields::Field;
use crate::domain::format::count;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::store::backend::{Access, read_all};
use crate::store::location::Location;
use crate::store::postgres::schema;
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

pub fn run(ctx: &mut Context, repair: bool) -> Result<ExitCode> {
    match ctx.store.clone() {
        Location::File(path) => check_file(ctx, &path, repair),
        Location::Postgres(_) => check_team(ctx, repair),
    }
}

/// The verdict once the problems are listed.
fn verdict(mut report: Report, problems: &[String]) -> Result<ExitCode> {
    for problem in problems {
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

/// A team store: reachable, set up, readable, every prospect valid, and what this role may do.
fn check_team(ctx: &mut Context, repair: bool) -> Result<ExitCode> {
    let mut report = Report::new();
    let opened = store::open(&ctx.store, &super::holder());
    let mut store = match opened {
        Ok(store) => store,
        Err(e) => {
            report.line(format!("store: {e}"))?;
            report.finish()?;
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Err(e) = ctx.use_team_policy(store.as_mut()) {
        report.line(format!("policy: {e}"))?;
        report.finish()?;
        return Ok(ExitCode::FAILURE);
    }
    report.line(format!("policy: {} (valid)", ctx.policy_source))?;
    if repair {
        report.line("repair: a database keeps its ids unique itself (its primary key); nothing to repair")?;
    }
    let prospects = match read_all(store.as_mut()) {
        Ok(prospects) => prospects,
        Err(e) => {
            report.line(format!("store: {e}"))?;
            report.finish()?;
            return Ok(ExitCode::FAILURE);
        }
    };
    report.line(format!(
        "store: {} — {}, schema migration {}",
        ctx.store,
        count(prospects.len(), "prospect"),
        schema::latest()
    ))?;
    let may = match store.access() {
        Access::Write { credit: true } => {
            "edit prospects, the team policy and decisions outside policy".to_string()
        }
        Access::Write { credit: false } => "edit prospects and record decisions within policy".to_string(),
        Access::ReadOnly { reason } => format!("read only ({reason})"),
    };
    report.line(format!("you: {} — may {may}", store.user()))?;
    verdict(report, &prospect_problems(&prospects))
}

fn check_file(ctx: &Context, path: &Path, repair: bool) -> Result<ExitCode> {
    let mut report = Report::new();
    report.line(format!("policy: {} (valid)", ctx.policy_source))?;
    if repair {
        repair_ids(path, &mut report)?;
    }
    let prospects = match store::load(path) {
        Ok(prospects) => prospects,
        Err(e) => {
            report.line(format!("store: {e}"))?;
            report.finish()?;
            return Ok(ExitCode::FAILURE);
        }
    };
    if !path.exists() {
        report.line(format!("store: {} does not exist yet (an empty portfolio)", path.display()))?;
    } else {
        report.line(format!(
            "store: {} — {}, schema {}",
            path.display(),
            count(prospects.len(), "prospect"),
            store::SCHEMA_VERSION
        ))?;
    }
    let mut problems = prospect_problems(&prospects);
    // Only looked at: the lock file is neither created nor written by a check.
    match target::resolve(path).map(|file| lock::holder(&file)) {
        Ok(Ok(Some(holder))) => {
            report.line(format!("lock: held by {holder} (fine while that instance runs)"))?
        }
        Ok(Ok(None)) => {}
        Ok(Err(e)) => problems.push(format!("lock: {e}")),
        Err(e) => problems.push(format!("store: {e}")),
    }
    verdict(report, &problems)
}

/// Gives the prospects whose ids clash (or are missing or too large) new ones, saving the
/// store with its previous version kept as `.bak`; says what changed.
fn repair_ids(path: &Path, report: &mut Report) -> Result<()> {
    let holder = store::lock::describe_this_process(unix_now());
    let mut store = Store::open_unread(path, &format!("{holder} (check --repair)"))?;
    if let Some(reason) = store.read_only_reason() {
        bail!("{} cannot be repaired here: {reason}; nothing was changed", path.display());
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
        path.display(),
        atomic::backup_path(store.file()).display()
    );
    for change in &changes {
        report.line(format!("renumbered {change}")).map_err(|e| e.after(&done))?;
    }
    report.line(&done).map_err(|e| e.after(&done))?;
    Ok(())
}
