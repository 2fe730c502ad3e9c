//! `dealdesk store init|grant|copy`: set up a team database, give its roles access, and move
//! a whole portfolio between stores (file ↔ database).

use std::ffi::OsString;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Subcommand;

use super::Context;
use super::output::Report;
use crate::domain::format;
use crate::store::backend::read_all;
use crate::store::location::{ConnInfo, Location};
use crate::store::postgres::{self, schema};

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Create or bring up to date the team schema in the database --store names: tables,
    /// triggers and the group roles dealdesk_read, dealdesk_write and dealdesk_credit. Safe
    /// to run again: each migration is applied once.
    Init,
    /// Give a database role read, write or credit access (and take away the others).
    Grant {
        /// The role (a database user, e.g. created with `createuser ann`).
        role: String,
        /// read: look only; write: edit prospects, decide within policy; credit: also the team
        /// policy, decisions outside policy and saving over another user's change.
        #[arg(value_enum)]
        level: schema::Level,
    },
    /// Copy a whole store, prospects with their decision histories, into an empty one (a file
    /// or a database).
    Copy {
        /// The store to copy: a file, or postgres://….
        #[arg(long, value_name = "PATH|URL")]
        from: OsString,
        /// The empty store to fill: a file that does not exist yet (or holds no prospects), or
        /// a database set up with `store init`.
        #[arg(long, value_name = "PATH|URL")]
        to: OsString,
    },
}

/// The database `--store` names, for init and grant.
fn database(ctx: &Context) -> Result<&ConnInfo> {
    match ctx.store.postgres() {
        Some(info) => Ok(info),
        None => bail!(
            "{} is a file; `dealdesk store` sets up a database: pass --store postgres://user@host/database \
             (or set DEALDESK_STORE)",
            ctx.store
        ),
    }
}

pub fn run(ctx: &Context, action: &Action) -> Result<ExitCode> {
    let mut report = Report::new();
    match action {
        Action::Init => {
            let info = database(ctx)?;
            let done = postgres::init(info)?;
            let text = match done.applied.as_slice() {
                [] => format!(
                    "{}: the schema is up to date (migration {}); nothing to do",
                    ctx.store, done.version
                ),
                applied => {
                    let names: Vec<String> =
                        applied.iter().map(|(v, name)| format!("{v} ({name})")).collect();
                    format!(
                        "{}: applied migration {}; the schema is at migration {}",
                        ctx.store,
                        names.join(", "),
                        done.version
                    )
                }
            };
            report.line(text)?;
            report.line("next: `dealdesk store grant ROLE read|write|credit` for each member of the team")?;
        }
        Action::Grant { role, level } => {
            let info = database(ctx)?;
            postgres::grant(info, role, *level)?;
            let group = format!("{level:?}").to_lowercase();
            report.line(format!("{}: {role} has {group} access (member of dealdesk_{group})", ctx.store))?;
        }
        Action::Copy { from, to } => {
            let (from, to) = (Location::parse(from), Location::parse(to));
            let holder = format!("{} (store copy)", super::holder());
            let prospects = read_all(crate::store::open(&from, &holder)?.as_mut())?;
            let decisions: usize = prospects.iter().map(|p| p.history.len()).sum();
            let count = prospects.len();
            crate::store::open(&to, &holder)?.fill(prospects)?;
            let (count, decisions) = (format::count(count, "prospect"), format::count(decisions, "decision"));
            let done = format!("copied {count} with {decisions} from {from} to {to}");
            report.line(&done).map_err(|e| e.after(&done))?;
            if from.postgres().is_some() {
                report.line(
                    "archived prospects and reversed decisions stay in the database's audit trail; a copy \
                     carries the live ones",
                )?;
            }
        }
    }
    report.finish()?;
    Ok(ExitCode::SUCCESS)
}
