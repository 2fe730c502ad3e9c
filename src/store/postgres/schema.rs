//! The database's schema: versioned migrations that `dealdesk store init` applies, each once
//! and in its own transaction (recorded in `dealdesk.schema_migrations`), the check every
//! connection makes that the schema is the one this build knows, and the roles.

use postgres::Client;

use super::connect::database_error;
use crate::store::backend::Access;
use crate::store::error::{DbProblem, StoreError};

/// One step of the schema, applied once.
pub struct Migration {
    pub version: i32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration this build knows, in order. A change to the schema is a new entry here,
/// never an edit of an applied one.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "team store", sql: include_str!("sql/0001_team_store.sql") },
    Migration { version: 2, name: "decision record", sql: include_str!("sql/0002_decision_record.sql") },
    Migration { version: 3, name: "load text", sql: include_str!("sql/0003_load_text.sql") },
];

/// The schema version this build reads and writes.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Serialises concurrent `store init`s on one database (any constant: only dealdesk takes it).
const MIGRATION_LOCK: i64 = 0x6465_616c_6465_736b;

const BOOTSTRAP: &str = "
    CREATE SCHEMA IF NOT EXISTS dealdesk;
    CREATE TABLE IF NOT EXISTS dealdesk.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        applied_by name NOT NULL DEFAULT current_user
    );";

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialised {
    /// The migrations applied now (version, name); empty when all were there.
    pub applied: Vec<(i32, &'static str)>,
    pub version: i32,
}

/// Applies the migrations the database lacks, each in a transaction that also records it.
/// A database already at a newer version than this build is refused, untouched.
pub fn init(client: &mut Client, store: &str) -> Result<Initialised, StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let mut applied = Vec::new();
    {
        let mut tx = client.transaction().map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(db)?;
        tx.batch_execute(BOOTSTRAP).map_err(db)?;
        tx.commit().map_err(db)?;
    }
    for migration in MIGRATIONS {
        let mut tx = client.transaction().map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(db)?;
        let newest: Option<i32> =
            tx.query_one("SELECT max(version) FROM dealdesk.schema_migrations", &[]).map_err(db)?.get(0);
        if let Some(newest) = newest.filter(|v| *v > latest()) {
            return Err(newer(store, newest));
        }
        let done = tx
            .query_opt("SELECT 1 FROM dealdesk.schema_migrations WHERE version = $1", &[&migration.version])
            .map_err(db)?
            .is_some();
        if done {
            continue;
        }
        tx.batch_execute(migration.sql).map_err(db)?;
        tx.execute(
            "INSERT INTO dealdesk.schema_migrations (version, name) VALUES ($1, $2)",
            &[&migration.version, &migration.name],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        applied.push((migration.version, migration.name));
    }
    Ok(Initialised { applied, version: latest() })
}

fn newer(store: &str, found: i32) -> StoreError {
    StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Setup,
        message: format!(
            "its schema is at migration {found}, newer than this dealdesk knows ({}); nothing was \
             written: upgrade dealdesk to use it",
            latest()
        ),
    }
}

/// Checks that the database holds the schema this build knows.
pub fn check(client: &mut Client, store: &str) -> Result<(), StoreError> {
    let setup = |message: String| StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Setup,
        message,
    };
    let found: Option<i32> =
        match client.query_one("SELECT max(version) FROM dealdesk.schema_migrations", &[]) {
            Ok(row) => row.get(0),
            Err(e) => match database_error(store, &e) {
                StoreError::Database { problem: DbProblem::Setup, .. } => None,
                other => return Err(other),
            },
        };
    match found {
        None => Err(setup("it has no dealdesk schema yet: run `dealdesk store init` there first".into())),
        Some(found) if found > latest() => Err(newer(store, found)),
        Some(found) if found < latest() => Err(setup(format!(
            "its schema is at migration {found} of {}: run `dealdesk store init` (as the database's \
             owner) to bring it up to date",
            latest()
        ))),
        Some(_) => Ok(()),
    }
}

/// The role this connection is, and what the group roles let it do.
pub fn access(client: &mut Client, store: &str) -> Result<(String, Access), StoreError> {
    let row = client
        .query_one(
            "SELECT current_user::text,
                    pg_has_role(current_user, 'dealdesk_credit', 'USAGE'),
                    pg_has_role(current_user, 'dealdesk_write', 'USAGE'),
                    pg_has_role(current_user, 'dealdesk_read', 'USAGE')",
            &[],
        )
        .map_err(|e| database_error(store, &e))?;
    let (user, credit, write, read): (String, bool, bool, bool) =
        (row.get(0), row.get(1), row.get(2), row.get(3));
    let access = if credit || write {
        Access::Write { credit }
    } else if read {
        Access::ReadOnly { reason: format!("your role {user} has read access (dealdesk_read)") }
    } else {
        Access::ReadOnly {
            reason: format!(
                "your role {user} is in none of dealdesk_read, dealdesk_write, dealdesk_credit: \
                 ask for `dealdesk store grant {user} read`"
            ),
        }
    };
    Ok((user, access))
}

/// What a role may do, as `store grant` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Read,
    Write,
    Credit,
}

impl Level {
    fn group(self) -> &'static str {
        match self {
            Level::Read => "dealdesk_read",
            Level::Write => "dealdesk_write",
            Level::Credit => "dealdesk_credit",
        }
    }
}

/// Makes `role` a member of exactly the group for `level` (the higher groups include the
/// lower ones), taking it out of the others.
pub fn grant(client: &mut Client, store: &str, role: &str, level: Level) -> Result<(), StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let exists = client.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role]).map_err(db)?;
    if exists.is_none() {
        return Err(StoreError::Database {
            store: store.to_string(),
            problem: DbProblem::Setup,
            message: format!(
                "there is no role {role}: create it first (`createuser {role}`, with a password)"
            ),
        });
    }
    let quoted = format!("\"{}\"", role.replace('"', "\"\""));
    let mut tx = client.transaction().map_err(db)?;
    for other in [Level::Read, Level::Write, Level::Credit] {
        let member: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid \
                 JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = $1 AND r.rolname = $2)",
                &[&other.group(), &role],
            )
            .map_err(db)?
            .get(0);
        if other == level && !member {
            tx.batch_execute(&format!("GRANT {} TO {quoted}", other.group())).map_err(db)?;
        } else if other != level && member {
            tx.batch_execute(&format!("REVOKE {} FROM {quoted}", other.group())).map_err(db)?;
        }
    }
    tx.commit().map_err(db)
}
