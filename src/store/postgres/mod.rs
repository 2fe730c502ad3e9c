//! The team's store in PostgreSQL, through the synchronous `postgres` crate on the thread that
//! owns it (the desk's saver, or a subcommand's main thread).
//!
//! The schema (`sql/`, applied by `dealdesk store init`) keeps prospects as JSONB with indexed
//! columns, a version per row and who changed it when; decisions in an append-only table; the
//! team policy in versioned rows. The database stamps every change with the role that made it
//! (`current_user`) and refuses, by itself, what a role may not do.

pub mod connect;
mod load;
pub mod pgpass;
mod rows;
mod save;
pub mod schema;
mod team;
pub mod watch;

use std::collections::HashMap;

use postgres::Client;

use super::backend::{
    Access, Backend, Evaluate, Imported, NewIds, OnBlock, OnRemote, Planner, SaveRequest, Saved, TeamPolicy,
    Theirs,
};
use super::error::{DbProblem, StoreError};
use super::location::ConnInfo;
use crate::domain::prospect::Prospect;
pub use load::copy_sql;

/// What this desk read of a prospect, for its next save to build on: the row's version and
/// the recorded decisions (id and fingerprint) its history holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub version: i64,
    pub recorded: Vec<(i64, u64)>,
}

/// Ids reserved for one desk at a time: far more than anyone creates in a session, few enough
/// that 2^43 sessions fit under the largest id.
const DESK_IDS: i64 = 1 << 20;

/// An open connection to a team store.
pub struct PgStore {
    info: ConnInfo,
    label: String,
    /// `None` after the connection was lost: the next use connects again.
    client: Option<Client>,
    user: String,
    access: Access,
    known: HashMap<u64, Known>,
    /// Rows fetched for the desk and not yet taken by it.
    fetched: HashMap<u64, Known>,
}

impl PgStore {
    /// Connects, checks that the schema is the one this build knows, and finds the role's
    /// access.
    pub fn open(info: &ConnInfo) -> Result<PgStore, StoreError> {
        let label = info.describe();
        let mut client = connect::connect(info)?;
        schema::check(&mut client, &label)?;
        let (user, access) = schema::access(&mut client, &label)?;
        Ok(PgStore {
            info: info.clone(),
            label,
            client: Some(client),
            user,
            access,
            known: HashMap::new(),
            fetched: HashMap::new(),
        })
    }

    /// The connection, made again if it was lost.
    fn client(&mut self) -> Result<&mut Client, StoreError> {
        let client = match self.client.take() {
            Some(client) if !client.is_closed() => client,
            _ => connect::connect(&self.info)?,
        };
        Ok(self.client.insert(client))
    }

    fn error(&self, problem: DbProblem, message: String) -> StoreError {
        StoreError::Database { store: self.label.clone(), problem, message }
    }

    /// Refuses a write when the role may only read.
    fn writable(&self) -> Result<bool, StoreError> {
        match &self.access {
            Access::Write { credit } => Ok(*credit),
            Access::ReadOnly { reason } => Err(self.error(DbProblem::Denied, format!("read-only: {reason}"))),
        }
    }

    /// Forgets a connection that failed, so that the next use connects again.
    fn after<T>(&mut self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        if matches!(result, Err(StoreError::Database { problem: DbProblem::Unreachable, .. })) {
            self.client = None;
        }
        result
    }
}

impl Backend for PgStore {
    fn label(&self) -> String {
        self.label.clone()
    }

    fn user(&self) -> String {
        self.user.clone()
    }

    fn access(&self) -> Access {
        self.access.clone()
    }

    fn load(&mut self, evaluate: Evaluate, on_block: &mut OnBlock) -> Result<(), StoreError> {
        let label = self.label.clone();
        let mut known = std::mem::take(&mut self.known);
        let result =
            self.client().and_then(|client| load::load(client, &label, evaluate, on_block, &mut known));
        self.known = known;
        self.after(result)
    }

    fn save(&mut self, request: SaveRequest<'_>) -> Result<Saved, StoreError> {
        let credit = self.writable()?;
        if request.overwrite && !credit {
            return Err(self.error(
                DbProblem::Denied,
                "only a member of dealdesk_credit may save over another user's change".into(),
            ));
        }
        let (label, known) = (self.label.clone(), std::mem::take(&mut self.known));
        let result = self.client().and_then(|client| {
            let db = |e: postgres::Error| connect::database_error(&label, &e);
            let mut tx = client.transaction().map_err(db)?;
            let outcome = save::save(&mut tx, &label, request.changed, request.overwrite, &known)?;
            tx.commit().map_err(db)?;
            Ok(outcome)
        });
        self.known = known;
        let written = self.after(result)?;
        self.known.extend(written.now_known);
        // Taken by `accept` when the desk takes their version.
        self.fetched.extend(written.stale_known);
        Ok(written.saved)
    }

    fn watch(&mut self, on_remote: OnRemote) -> Result<bool, StoreError> {
        watch::start(self.info.clone(), on_remote)?;
        Ok(true)
    }

    fn fetch(&mut self, ids: &[u64]) -> Result<Vec<Theirs>, StoreError> {
        let ids: Vec<i64> = ids.iter().filter_map(|id| i64::try_from(*id).ok()).collect();
        let label = self.label.clone();
        let result = self.client().and_then(|client| save::fetch(client, &label, &ids));
        let rows = self.after(result)?;
        Ok(rows
            .into_iter()
            .map(|(theirs, known)| {
                self.fetched.insert(theirs.id, known);
                theirs
            })
            .collect())
    }

    fn out_of_date(&mut self) -> Result<Vec<u64>, StoreError> {
        let label = self.label.clone();
        let result = self.client().and_then(|client| {
            client
                .query("SELECT id, version, archived_at IS NOT NULL FROM dealdesk.prospects", &[])
                .map_err(|e| connect::database_error(&label, &e))
        });
        let rows = self.after(result)?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                let (id, version, archived): (i64, i64, bool) = (row.get(0), row.get(1), row.get(2));
                let id = u64::try_from(id).ok()?;
                let known = self.known.get(&id).map(|k| k.version);
                let differs = if archived { known.is_some() } else { known != Some(version) };
                differs.then_some(id)
            })
            .collect())
    }

    fn accept(&mut self, id: u64, version: i64) {
        if let Some(known) = self.fetched.remove(&id).filter(|k| k.version == version) {
            self.known.insert(id, known);
        }
    }

    fn team_policy(&mut self) -> Result<Option<TeamPolicy>, StoreError> {
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::latest(client, &label));
        self.after(result)
    }

    fn save_team_policy(&mut self, text: &str, base: Option<i64>) -> Result<TeamPolicy, StoreError> {
        if !self.writable()? {
            return Err(self
                .error(DbProblem::Denied, "only a member of dealdesk_credit edits the team policy".into()));
        }
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::save(client, &label, text, base));
        self.after(result)
    }

    fn import(&mut self, plan: &mut Planner) -> Result<Option<Imported>, StoreError> {
        self.writable()?;
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::import(client, &label, plan));
        self.after(result)
    }

    fn reserve_new_ids(&mut self) -> Result<NewIds, StoreError> {
        if self.writable().is_err() {
            return Ok(NewIds::AfterHighest);
        }
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::reserve(client, &label, DESK_IDS));
        let (next, end) = self.after(result)?;
        Ok(NewIds::Block { next, end })
    }

    fn count(&mut self) -> Result<usize, StoreError> {
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::count(client, &label));
        self.after(result)
    }

    fn fill(&mut self, prospects: Vec<Prospect>) -> Result<(), StoreError> {
        self.writable()?;
        let label = self.label.clone();
        let result = self.client().and_then(|client| team::fill(client, &label, prospects));
        self.after(result)
    }
}

/// `dealdesk store init`: connects without the schema check and applies what is missing.
pub fn init(info: &ConnInfo) -> Result<schema::Initialised, StoreError> {
    let mut client = connect::connect(info)?;
    schema::init(&mut client, &info.describe())
}

/// `dealdesk store grant ROLE LEVEL`.
pub fn grant(info: &ConnInfo, role: &str, level: schema::Level) -> Result<(), StoreError> {
    let mut client = connect::connect(info)?;
    schema::check(&mut client, &info.describe())?;
    schema::grant(&mut client, &info.describe(), role, level)
}
