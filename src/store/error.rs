//! Everything that can go wrong with the store, each error naming the file and the cause.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::SCHEMA_VERSION;
use super::lock::LockError;
use super::target::TargetError;

/// Everything that can go wrong with the store, each naming the file.
#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// Not valid JSON, or not a portfolio: where and why.
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    NewerSchema {
        path: PathBuf,
        found: u32,
    },
    /// Another instance holds the lock.
    Locked {
        path: PathBuf,
        holder: String,
    },
    /// Opened read-only (another instance holds the lock, or the folder is not writable):
    /// saving is refused.
    ReadOnly {
        path: PathBuf,
        reason: String,
    },
    /// The file was deleted or replaced since it was loaded.
    ChangedOnDisk {
        path: PathBuf,
    },
    /// The path names a folder, a FIFO, a device…: what it is.
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    /// The lock file cannot be used (not a plain file, or not writable).
    Lock(LockError),
    /// Two prospects share an id, or one has none or one too large: which ones.
    Ids {
        path: PathBuf,
        problem: String,
    },
    /// `store copy` writes only into an empty store.
    NotEmpty {
        store: String,
        held: usize,
    },
    /// No ids are left for new prospects (they stop at `ids::MAX_ID`).
    NoIdsLeft {
        message: String,
    },
    /// The database could not be reached, refused, or failed: which store, what kind of
    /// problem and what the server said.
    Database {
        store: String,
        problem: DbProblem,
        message: String,
    },
}

/// What kind of database problem, for what the user can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbProblem {
    /// Down, unreachable, or the connection was lost: retrying may work.
    Unreachable,
    /// The role may not do this (the database said so).
    Denied,
    /// The schema is missing, older or newer than this build.
    Setup,
    /// Anything else the server refused.
    Failed,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, action, source } => {
                write!(f, "cannot {action} {}: {source}", path.display())
            }
            StoreError::Corrupt { path, line, column, message } => write!(
                f,
                "{}:{line}:{column}: the store cannot be read ({message}); it was left untouched",
                path.display()
            ),
            StoreError::NewerSchema { path, found } => write!(
                f,
                "{} uses store schema {found}, newer than this dealdesk understands ({SCHEMA_VERSION}); \
                 it was left untouched: upgrade dealdesk to open it",
                path.display()
            ),
            StoreError::Locked { path, holder } => write!(
                f,
                "{} is in use by {holder}; close it there first (nothing was written)",
                path.display()
            ),
            StoreError::ReadOnly { path, reason } => {
                write!(f, "{} is open read-only ({reason}); nothing was written", path.display())
            }
            StoreError::ChangedOnDisk { path } => write!(
                f,
                "{} was changed or deleted by something else since it was loaded; not overwritten",
                path.display()
            ),
            StoreError::NotAFile { path, what } => write!(
                f,
                "{} is {what}, not a store file; nothing was read or written (give the path of a \
                 file, e.g. portfolio.json)",
                path.display()
            ),
            StoreError::Lock(e) => write!(f, "{e}; nothing was written"),
            StoreError::Ids { path, problem } => write!(
                f,
                "{}: {problem}: edits would reach the wrong prospect, so the store was not opened \
                 and was left untouched; `dealdesk check --repair` renumbers (keeping a backup)",
                path.display()
            ),
            StoreError::NotEmpty { store, held } => write!(
                f,
                "{store} holds {} already; a copy goes only into an empty store (nothing was written)",
                crate::domain::format::count(*held, "prospect")
            ),
            StoreError::NoIdsLeft { message } => f.write_str(message),
            StoreError::Database { store, problem, message } => match problem {
                DbProblem::Unreachable => write!(f, "the database {store} cannot be reached: {message}"),
                DbProblem::Denied => write!(f, "the database {store} refused: {message}"),
                DbProblem::Setup => write!(f, "the database {store} is not ready: {message}"),
                DbProblem::Failed => write!(f, "the database {store}: {message}"),
            },
        }
    }
}

impl std::error::Error for StoreError {}

impl From<TargetError> for StoreError {
    fn from(e: TargetError) -> StoreError {
        match e {
            TargetError::NotAFile { path, what } => StoreError::NotAFile { path, what },
            TargetError::Io { path, source } => StoreError::Io { path, action: "read", source },
        }
    }
}
