//! The portfolio on disk (SPEC §7): one JSON file with a schema version, saved atomically with
//! the previous version kept as `.bak`, guarded by an advisory lock, and never overwritten
//! when it cannot be read.

pub mod atomic;
pub mod lock;
pub mod paths;
pub mod policy_file;
pub mod stream;

use std::borrow::Borrow;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::portfolio::Portfolio;
use atomic::Writer;
use lock::{LockError, StoreLock};

/// The schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The file's contents.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreFile {
    pub schema: u32,
    pub prospects: Vec<Prospect>,
}

/// Only the schema version, to explain a file this build cannot parse.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

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
        }
    }
}

impl std::error::Error for StoreError {}

/// What identifies one version of the file on disk, to notice replacement by others.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = fs::metadata(path).ok()?;
    Some(Fingerprint {
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        inode: std::os::unix::fs::MetadataExt::ino(&meta),
    })
}

/// An open store: where it is, whether this process may write it, and which version it read.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    access: Access,
    seen: Option<Fingerprint>,
}

#[derive(Debug)]
enum Access {
    /// Holding the lock is the point: it is released when the store is dropped.
    Write { _held: StoreLock },
    ReadOnly {
        /// Why, in words: "process 4242 of ann … holds this store".
        reason: String,
    },
}

impl Store {
    /// Opens the store for writing, taking its lock; a missing file is an empty portfolio.
    pub fn open(path: &Path, holder: &str) -> Result<(Store, Vec<Prospect>), StoreError> {
        let lock = StoreLock::acquire(path, holder).map_err(|e| lock_error(path, e))?;
        let mut store = Store { path: path.to_path_buf(), access: Access::Write { _held: lock }, seen: None };
        let prospects = store.reload()?;
        Ok((store, prospects))
    }

    /// Takes the lock (or opens read-only when another instance holds it) without reading the
    /// file yet: the desk reads it on another thread with `read_evaluated`. Saving is refused
    /// until it has been read.
    pub fn open_unread(path: &Path, holder: &str) -> Result<Store, StoreError> {
        let access = match StoreLock::acquire(path, holder) {
            Ok(lock) => {
                atomic::remove_leftovers(path);
                Access::Write { _held: lock }
            }
            Err(LockError::Held { holder }) => {
                Access::ReadOnly { reason: format!("{holder} holds this store") }
            }
            // A folder this user may not write (or a read-only disk): the store can still be
            // read and looked at.
            Err(LockError::Io(e))
                if matches!(
                    e.kind(),
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                Access::ReadOnly { reason: format!("its folder is not writable here: {e}") }
            }
            Err(e) => return Err(lock_error(path, e)),
        };
        Ok(Store { path: path.to_path_buf(), access, seen: None })
    }

    /// Reads the file block by block, handing each block's prospects, evaluated while the next
    /// block is read, to `chunk`; afterwards saves compare against the version read.
    pub fn read_evaluated(
        &mut self,
        policy: &Policy,
        today: Date,
        chunk: &mut dyn FnMut(Vec<Prospect>, Vec<Summary>, stream::Progress),
    ) -> Result<(), StoreError> {
        let seen = fingerprint(&self.path);
        stream::read_evaluated(&self.path, policy, today, chunk)?;
        self.seen = seen;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this instance may only read the store, when it may.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::ReadOnly { reason } => Some(reason),
            Access::Write { .. } => None,
        }
    }

    /// Saves the portfolio atomically. Refused when read-only or when the file changed on disk
    /// since it was loaded or last saved (use `save_over` once the user has agreed).
    pub fn save<P: Borrow<Prospect>>(
        &mut self,
        prospects: impl IntoIterator<Item = P>,
    ) -> Result<(), StoreError> {
        if self.changed_on_disk() {
            return Err(StoreError::ChangedOnDisk { path: self.path.clone() });
        }
        self.save_over(prospects, &mut atomic::write_all)
    }

    /// Whether something else deleted or replaced the file since this store last read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        fingerprint(&self.path) != self.seen
    }

    /// Saves whatever is on disk now, writing through `write` (tests inject failures there).
    pub fn save_over<P: Borrow<Prospect>>(
        &mut self,
        prospects: impl IntoIterator<Item = P>,
        write: Writer,
    ) -> Result<(), StoreError> {
        if let Access::ReadOnly { reason } = &self.access {
            return Err(StoreError::ReadOnly { path: self.path.clone(), reason: reason.clone() });
        }
        let bytes = encode(prospects).map_err(|e| self.io("encode", io::Error::other(e)))?;
        atomic::replace(&self.path, &bytes, true, write).map_err(|e| self.io("write", e))?;
        self.seen = fingerprint(&self.path);
        Ok(())
    }

    /// Rereads the file (after the user chose to reload a store changed on disk).
    pub fn reload(&mut self) -> Result<Vec<Prospect>, StoreError> {
        let seen = fingerprint(&self.path);
        let prospects = load(&self.path)?;
        self.seen = seen;
        Ok(prospects)
    }

    fn io(&self, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io { path: self.path.clone(), action, source }
    }
}

fn lock_error(path: &Path, e: LockError) -> StoreError {
    match e {
        LockError::Held { holder } => StoreError::Locked { path: path.to_path_buf(), holder },
        LockError::Io(source) => StoreError::Io { path: lock::lock_path(path), action: "lock", source },
    }
}

/// Reads a store and evaluates every prospect: the portfolio as the desk holds it.
pub fn load_portfolio(path: &Path, policy: &Policy, today: Date) -> Result<Portfolio, StoreError> {
    let mut portfolio = Portfolio::default();
    stream::read_evaluated(path, policy, today, &mut |prospects, summaries, progress| {
        if progress.started_over {
            portfolio = Portfolio::default();
        }
        portfolio.extend(prospects, summaries);
    })?;
    Ok(portfolio)
}

/// Reads and checks a store file without opening it for writing (`check`, `export`).
pub fn load(path: &Path) -> Result<Vec<Prospect>, StoreError> {
    let mut prospects = Vec::new();
    stream::read_in_chunks(path, &mut |chunk, progress| {
        if progress.started_over {
            prospects.clear();
        }
        prospects.extend(chunk);
    })?;
    Ok(prospects)
}

/// Parses a store file's bytes; `path` only names the file in errors.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Vec<Prospect>, StoreError> {
    let newer = |found: u32| StoreError::NewerSchema { path: path.to_path_buf(), found };
    match serde_json::from_slice::<StoreFile>(bytes) {
        Ok(file) if file.schema > SCHEMA_VERSION => Err(newer(file.schema)),
        Ok(file) => Ok(file.prospects),
        Err(e) => match serde_json::from_slice::<SchemaOnly>(bytes) {
            Ok(head) if head.schema > SCHEMA_VERSION => Err(newer(head.schema)),
            _ => Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: with_field_path(bytes, e),
            }),
        },
    }
}

/// The parse error with the JSON path of the field at fault (`prospects[3].dbt_days: …`),
/// found by parsing again with path tracking, which costs time only when the file is bad.
fn with_field_path(bytes: &[u8], e: serde_json::Error) -> String {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, StoreFile>(de) {
        Err(traced) if !traced.path().to_string().is_empty() && traced.path().to_string() != "." => {
            format!("{}: {}", traced.path(), traced.inner())
        }
        _ => e.to_string(),
    }
}

/// The file's text: one prospect per line, so that the file stays readable and diffs stay small.
pub fn encode<P: Borrow<Prospect>>(
    prospects: impl IntoIterator<Item = P>,
) -> Result<Vec<u8>, serde_json::Error> {
    let prospects = prospects.into_iter();
    let mut out = Vec::with_capacity(64 + prospects.size_hint().0 * 700);
    out.extend_from_slice(format!("{{\"schema\": {SCHEMA_VERSION}, \"prospects\": [").as_bytes());
    for (i, p) in prospects.enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, p.borrow())?;
    }
    out.extend_from_slice(b"\n]}\n");
    Ok(out)
}

/// Writes a new store file that nobody else has open (tests, demo copies).
pub fn write_new(path: &Path, prospects: &[Prospect]) -> Result<(), StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_path_buf(), action: "write", source };
    let bytes = encode(prospects).map_err(|e| io_err(io::Error::other(e)))?;
    atomic::replace(path, &bytes, false, &mut atomic::write_all).map_err(io_err)
}

/// Gives every prospect without an id (0) the next free one.
pub fn assign_ids(existing: &[Prospect], new: &mut [Prospect]) {
    let first = existing.iter().chain(new.iter()).map(|p| p.id).max().unwrap_or(0) + 1;
    for (id, p) in (first..).zip(new.iter_mut().filter(|p| p.id == 0)) {
        p.id = id;
    }
}
