//! The store behind one trait, so that the desk and the subcommands work the same on the JSON
//! file (the default, one user) and on a PostgreSQL database (a team).
//!
//! A save carries the whole portfolio as it is now and the prospects changed since the last
//! save that succeeded: the file writes the whole portfolio, the database writes only the
//! changed prospects, each against the version it read (optimistic concurrency). Recording a
//! decision is saving the prospect whose decision history grew: the file keeps the history in
//! the prospect, the database appends the new entries to its decisions table (and a reversal
//! when an undo took one back), never rewriting a recorded one.

use std::sync::Arc;

use super::StoreError;
use super::stream::Progress;
use crate::domain::date::Date;
use crate::domain::import_plan::Plan;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::portfolio::Snapshot;

/// What a load hands on per block: prospects, their summaries when evaluating (else none),
/// and how far the reading is.
pub type OnBlock<'a> = dyn FnMut(Vec<Prospect>, Vec<Summary>, Progress) + 'a;

/// The policy and the day a load evaluates against; `None` reads without evaluating.
pub type Evaluate<'a> = Option<(&'a Policy, Date)>;

/// What this user may do with the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Edit prospects and record decisions within policy; with `credit`, also edit the team
    /// policy, record decisions that deviate from it and save over another user's change.
    Write { credit: bool },
    /// Look only, and why ("… holds this store", "your role has read access").
    ReadOnly { reason: String },
}

impl Access {
    pub fn read_only_reason(&self) -> Option<&str> {
        match self {
            Access::ReadOnly { reason } => Some(reason),
            Access::Write { .. } => None,
        }
    }
}

/// One prospect changed since the last successful save: as it is now, or `None` when deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub id: u64,
    pub now: Option<Arc<Prospect>>,
}

/// One save: the portfolio, what changed in it, and whether to write over others' changes.
#[derive(Debug, Clone, Copy)]
pub struct SaveRequest<'a> {
    pub portfolio: &'a Snapshot,
    pub changed: &'a [Changed],
    pub overwrite: bool,
}

/// Who last changed a prospect in a shared store, and when (UTC, "2026-11-28 09:14 UTC").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub version: i64,
    pub by: String,
    pub at: String,
}

/// A prospect as another user left it: its stamp, and the prospect (`None` once archived).
#[derive(Debug, Clone, PartialEq)]
pub struct Theirs {
    pub id: u64,
    pub stamp: Stamp,
    pub prospect: Option<Prospect>,
}

/// How a save went. `stale` lists the prospects another user changed since this desk read
/// them: those were not written, everything else was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    pub stale: Vec<Theirs>,
}

/// The team's policy in a shared store, with its version for the next save.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamPolicy {
    pub policy: Policy,
    /// The policy as stored (JSON), for the editor.
    pub text: String,
    pub version: i64,
    pub stamp: Stamp,
}

/// What the import of one file did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub new: usize,
    pub updated: usize,
    /// Prospects in the store afterwards.
    pub total: usize,
}

/// Decides an import against the prospects as the store holds them at that moment (`None`:
/// import nothing).
pub type Planner<'a> = dyn FnMut(&[Prospect]) -> Option<Plan> + 'a;

/// Where the ids of prospects the desk creates come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewIds {
    /// After the highest id in the portfolio (one writer: the file's lock holder).
    AfterHighest,
    /// From a block the database reserved for this desk, so that two desks never pick one id.
    Block { next: u64, end: u64 },
}

/// What a store hears of other users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// Prospect `id` is now at `version`.
    Changed { id: u64, version: i64 },
    /// The store lost and regained its link: anything may have changed meanwhile
    /// (`out_of_date` says what).
    Reconnected,
}

/// Receives what the store hears; returns false once nobody listens.
pub type OnRemote = Box<dyn Fn(Heard) -> bool + Send>;

/// A store: the JSON file or the team's database.
pub trait Backend: Send {
    /// How the title bar names the store: the file's name, or the database and its host
    /// (never a password).
    fn label(&self) -> String;

    /// Who this user is to the store: the OS user for the file, the role for the database.
    fn user(&self) -> String;

    fn access(&self) -> Access;

    /// Reads every prospect, block by block, evaluated on the reading threads when asked.
    fn load(&mut self, evaluate: Evaluate, on_block: &mut OnBlock) -> Result<(), StoreError>;

    /// Writes a change (see the module documentation).
    fn save(&mut self, request: SaveRequest<'_>) -> Result<Saved, StoreError>;

    /// Starts telling `on_remote` of other users' changes; false when the store has no others.
    fn watch(&mut self, on_remote: OnRemote) -> Result<bool, StoreError> {
        let _ = on_remote;
        Ok(false)
    }

    /// The prospects another user changed, as they are now.
    fn fetch(&mut self, ids: &[u64]) -> Result<Vec<Theirs>, StoreError> {
        let _ = ids;
        Ok(Vec::new())
    }

    /// The prospects whose version in the store differs from the one this desk has (changed,
    /// added or archived by others), after the watch reconnected.
    fn out_of_date(&mut self) -> Result<Vec<u64>, StoreError> {
        Ok(Vec::new())
    }

    /// The desk took another user's version of a prospect: later saves build on it.
    fn accept(&mut self, id: u64, version: i64) {
        let _ = (id, version);
    }

    /// The team's policy, when the store keeps one.
    fn team_policy(&mut self) -> Result<Option<TeamPolicy>, StoreError> {
        Ok(None)
    }

    /// Saves a new version of the team's policy after `base` (the version the editor read).
    fn save_team_policy(&mut self, text: &str, base: Option<i64>) -> Result<TeamPolicy, StoreError> {
        let _ = (text, base);
        Err(StoreError::Database {
            store: self.label(),
            problem: super::error::DbProblem::Failed,
            message: "this store keeps no team policy".into(),
        })
    }

    /// Upserts one file's prospects in one step, all or nothing, serialised with other
    /// imports: `plan` matches them against the store's prospects as they are then (the
    /// file's, under its lock; the database's, inside the transaction). `None` when the plan
    /// imported nothing.
    fn import(&mut self, plan: &mut Planner) -> Result<Option<Imported>, StoreError>;

    /// Where the desk takes ids for new prospects (the database reserves a block for it).
    fn reserve_new_ids(&mut self) -> Result<NewIds, StoreError> {
        Ok(NewIds::AfterHighest)
    }

    /// How many prospects the store holds, without reading them all when it can.
    fn count(&mut self) -> Result<usize, StoreError>;

    /// Fills an empty store with these prospects, ids and decision histories as they are
    /// (`dealdesk store copy`); refused when the store holds prospects already.
    fn fill(&mut self, prospects: Vec<Prospect>) -> Result<(), StoreError>;
}

/// Every prospect of a store, without evaluating (export, copy).
pub fn read_all(store: &mut dyn Backend) -> Result<Vec<Prospect>, StoreError> {
    let mut all = Vec::new();
    store.load(None, &mut |prospects, _, progress| {
        if progress.started_over {
            all.clear();
        }
        all.extend(prospects);
    })?;
    Ok(all)
}
