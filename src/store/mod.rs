//! The portfolio on disk (SPEC §7): one JSON file with a schema version, saved atomically with
//! the previous version kept as `.bak`, guarded by an advisory lock, and never overwritten
//! when it cannot be read.
//!
//! A store path may be a symbolic link: reads, saves, the backup and the lock all go to the
//! file it points to, so the link stays a link and two links to one store share one lock.

pub mod atomic;
pub mod codec;
pub mod destination;
pub mod error;
pub mod ids;
pub mod lock;
mod migrate;
pub mod paths;
pub mod policy_file;
pub mod stream;
pub mod target;
pub mod user;

use std::borrow::Borrow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::domain::prospect::Prospect;
use atomic::Writer;
pub use codec::{StoreFile, decode, encode, write_new};
pub use error::StoreError;
use lock::{LockError, StoreLock};

/// The schema this build writes; it reads every schema up to it.
///
/// 2: `tax_debt` and `social_debt` may be a register listing (`true` / `false`) as well as an
/// amount string, and `summons_authority` is a prospect field. A schema-1 file reads unchanged
/// (its debts are amounts, and it has no authority summons).
///
/// 3: terms have a `security_amount` and `discount_days`, prospects `observed_terms_days`. A
/// secured term of an older file covers its whole credit limit (`migrate`).
///
/// 4: a decision records its local date and time (`decided_at`), who made it (`decided_by`)
/// and its `deviations` from policy, and its note is its own (schemas 1 to 3 also copied it
/// over the prospect's note). An older record reads with no time and no user (it kept neither)
/// and no deviations.
///
/// 5: a decision's `deviations` are the real ones: each way its agreed terms are easier than the
/// policy's cell on the day (`terms::deviations`). Schema 4 wrote an empty list whatever the
/// terms, so a record of schema 4 or older reads with its deviations not known (`null`), not
/// as within policy.
///
/// Every older file is written back as 5, so that an older dealdesk refuses it as newer instead
/// of misreading it or dropping what it does not know.
pub const SCHEMA_VERSION: u32 = 5;

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
    /// The path as the user gave it, for messages and the title.
    path: PathBuf,
    /// The file itself: `path` with its symbolic links followed.
    file: PathBuf,
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
        /// Who holds the lock, when that is the reason.
        locked_by: Option<String>,
    },
}

impl Store {
    /// Opens the store for writing, taking its lock; a missing file is an empty portfolio.
    /// A store this process may only read is an error.
    pub fn open(path: &Path, holder: &str) -> Result<(Store, Vec<Prospect>), StoreError> {
        let mut store = Store::open_unread(path, holder)?;
        if let Access::ReadOnly { reason, locked_by } = &store.access {
            return Err(match locked_by {
                Some(holder) => StoreError::Locked { path: path.to_path_buf(), holder: holder.clone() },
                None => StoreError::ReadOnly { path: path.to_path_buf(), reason: reason.clone() },
            });
        }
        let prospects = store.reload()?;
        Ok((store, prospects))
    }

    /// Takes the lock (or opens read-only when it cannot write) without reading the file yet:
    /// the desk reads it on another thread with `read_in_chunks`. Saving is refused until it
    /// has been read. A path that names a folder, a FIFO or a device is refused at once.
    pub fn open_unread(path: &Path, holder: &str) -> Result<Store, StoreError> {
        let file = target::resolve(path)?;
        let access = access(&file, holder)?;
        Ok(Store { path: path.to_path_buf(), file, access, seen: None })
    }

    /// Reads the file block by block, handing each block's prospects to `chunk` as soon as
    /// they are parsed (the desk's loader evaluates them there, `crate::portfolio::load`);
    /// afterwards saves compare against the version read.
    pub fn read_in_chunks(
        &mut self,
        chunk: &mut dyn FnMut(Vec<Prospect>, stream::Progress),
    ) -> Result<(), StoreError> {
        let seen = fingerprint(&self.file);
        stream::read_in_chunks(&self.file, chunk)?;
        self.seen = seen;
        Ok(())
    }

    /// Reads the whole file without checking its ids, for `check --repair` to renumber them.
    pub fn read_for_repair(&mut self) -> Result<Vec<Prospect>, StoreError> {
        let seen = fingerprint(&self.file);
        let prospects = match target::read_regular(&self.file)? {
            Some(bytes) => decode(&bytes, &self.file)?,
            None => Vec::new(),
        };
        self.seen = seen;
        Ok(prospects)
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file the path stands for (its links followed), where saves and the backup go.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Why this instance may only read the store, when it may.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::ReadOnly { reason, .. } => Some(reason),
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
        fingerprint(&self.file) != self.seen
    }

    /// Saves whatever is on disk now, writing through `write` (tests inject failures there).
    pub fn save_over<P: Borrow<Prospect>>(
        &mut self,
        prospects: impl IntoIterator<Item = P>,
        write: Writer,
    ) -> Result<(), StoreError> {
        if let Access::ReadOnly { reason, .. } = &self.access {
            return Err(StoreError::ReadOnly { path: self.path.clone(), reason: reason.clone() });
        }
        let bytes = encode(prospects).map_err(|e| self.io("encode", io::Error::other(e)))?;
        atomic::replace(&self.file, &bytes, true, write).map_err(|e| self.io("write", e))?;
        self.seen = fingerprint(&self.file);
        Ok(())
    }

    /// Rereads the file (after the user chose to reload a store changed on disk).
    pub fn reload(&mut self) -> Result<Vec<Prospect>, StoreError> {
        let seen = fingerprint(&self.file);
        let prospects = load(&self.file)?;
        self.seen = seen;
        Ok(prospects)
    }

    fn io(&self, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io { path: self.path.clone(), action, source }
    }
}

/// Whether this process may write the store: it holds the lock, and the file's mode lets it.
/// The lock's holder clears the temporary files of saves that were killed half-way. Reasons
/// to only read are an `Access::ReadOnly` in words; anything else stops the opening.
fn access(file: &Path, holder: &str) -> Result<Access, StoreError> {
    let read_only = |reason: String| Ok(Access::ReadOnly { reason, locked_by: None });
    let lock = StoreLock::take(file).and_then(|mut lock| {
        atomic::remove_leftovers(file);
        lock.record(holder).map(|()| lock)
    });
    match lock {
        Ok(lock) => {
            #[cfg(unix)]
            if let Some(reason) = fs::metadata(file).ok().and_then(|m| target::mode_forbids_writing(&m)) {
                drop(lock);
                return read_only(reason);
            }
            Ok(Access::Write { _held: lock })
        }
        Err(LockError::Held { holder }) => {
            Ok(Access::ReadOnly { reason: format!("{holder} holds this store"), locked_by: Some(holder) })
        }
        // A folder this user may not write, a read-only or a full disk, a lock path that is not
        // a plain file: the store can still be read and looked at, and the reason names the
        // lock file and the cause.
        Err(e) => {
            let kind = match &e {
                LockError::Io { source, .. } => Some(source.kind()),
                _ => None,
            };
            match kind {
                None => read_only(e.to_string()),
                Some(io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded) => {
                    read_only(format!("the disk is full: {e}"))
                }
                Some(io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem) => {
                    read_only(e.to_string())
                }
                Some(_) => Err(StoreError::Lock(e)),
            }
        }
    }
}

/// Reads and checks a store file without opening it for writing.
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
