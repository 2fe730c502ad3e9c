//! The advisory lock that stops a second instance from silently overwriting the first.
//!
//! The lock is an OS file lock on `<store>.lock` (not on the store itself, which each save
//! replaces by rename). The kernel releases it when the holding process dies, so a crash never
//! leaves a stale lock; the file's text only says who holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::atomic::sibling;
use super::target::kind_of;

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct StoreLock {
    file: File,
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; the text it left says who.
    Held { holder: String },
    /// The lock path is not a file of its own (a symbolic link, a FIFO, a second name of
    /// another file): dealdesk will not open, truncate or write it.
    Unsafe { path: PathBuf, what: String },
    /// The lock file could not be created, opened or written.
    Io { path: PathBuf, action: &'static str, source: io::Error },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held { holder } => write!(f, "{holder} holds this store"),
            LockError::Unsafe { path, what } => write!(
                f,
                "the lock file {} is {what}; dealdesk does not use it (remove it to edit the store)",
                path.display()
            ),
            LockError::Io { path, action, source } => {
                write!(f, "cannot {action} the lock file {}: {source}", path.display())
            }
        }
    }
}

/// The lock file beside a store (the resolved file, so that links to one store share it).
pub fn lock_path(store: &Path) -> PathBuf {
    sibling(store, ".lock")
}

/// Opens the lock file without following a symbolic link and without blocking, and refuses
/// anything but a plain file with one name.
fn open(path: &Path, create: bool) -> Result<File, LockError> {
    let mut options = OpenOptions::new();
    options.read(true).write(create).create(create).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let unsafe_lock = |what: &str| LockError::Unsafe { path: path.to_path_buf(), what: what.into() };
    let file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(unsafe_lock("a symbolic link")),
        Err(source) => {
            let action = if create && !path.exists() { "create" } else { "open" };
            return Err(LockError::Io { path: path.to_path_buf(), action, source });
        }
    };
    let meta = file.metadata().map_err(|source| LockError::Io {
        path: path.to_path_buf(),
        action: "read",
        source,
    })?;
    if let Some(what) = kind_of(&meta) {
        return Err(unsafe_lock(what));
    }
    #[cfg(unix)]
    if std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
        return Err(unsafe_lock("a second name (hard link) of another file"));
    }
    Ok(file)
}

/// The text a holder left, or a description when it left none.
fn holder_of(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    match text.trim() {
        "" => "another dealdesk process".to_string(),
        t => t.to_string(),
    }
}

impl StoreLock {
    /// Takes the lock without waiting. Nothing is written yet: `record` says who holds it.
    pub fn take(store: &Path) -> Result<StoreLock, LockError> {
        let path = lock_path(store);
        let mut file = open(&path, true)?;
        match file.try_lock() {
            Ok(()) => Ok(StoreLock { file, path }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held { holder: holder_of(&mut file) }),
            Err(TryLockError::Error(source)) => Err(LockError::Io { path, action: "lock", source }),
        }
    }

    /// Writes who holds the lock (who and since when) into the lock file, which only its
    /// holder ever truncates.
    pub fn record(&mut self, holder: &str) -> Result<(), LockError> {
        let write = |file: &mut File| {
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(holder.as_bytes())
        };
        write(&mut self.file).map_err(|source| LockError::Io {
            path: self.path.clone(),
            action: "write",
            source,
        })
    }

    /// Takes the lock and records the holder.
    pub fn acquire(store: &Path, holder: &str) -> Result<StoreLock, LockError> {
        let mut lock = StoreLock::take(store)?;
        lock.record(holder)?;
        Ok(lock)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Who holds a store's lock, if anyone, found without creating, truncating or writing the
/// lock file (for `check`, which only reads).
pub fn holder(store: &Path) -> Result<Option<String>, LockError> {
    let path = lock_path(store);
    let mut file = match open(&path, false) {
        Err(LockError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other?,
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            Ok(None)
        }
        Err(TryLockError::WouldBlock) => Ok(Some(holder_of(&mut file))),
        Err(TryLockError::Error(source)) => Err(LockError::Io { path, action: "lock", source }),
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        // Leave the file (removing it races with a process that just opened it) but say that
        // nobody holds it; the kernel lock goes with the file handle.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// Who this process is, for the lock file: "process 4242 of ann since 2026-11-28 09:14 UTC".
pub fn describe_this_process(now_unix_seconds: u64) -> String {
    let user = super::user::os_user();
    let days = i64::try_from(now_unix_seconds / 86_400).unwrap_or(0);
    let date =
        crate::domain::date::Date::from_days_since_epoch(days).map(|d| d.to_string()).unwrap_or_default();
    let minutes = now_unix_seconds % 86_400 / 60;
    format!(
        "process {} of {user} since {date} {:02}:{:02} UTC",
        std::process::id(),
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("p.json");
        let first = StoreLock::acquire(&store, "process 1 of ann").unwrap();
        match StoreLock::acquire(&store, "process 2 of bob") {
            Err(LockError::Held { holder }) => assert_eq!(holder, "process 1 of ann"),
            other => panic!("expected the lock to be held, got {other:?}"),
        }
        drop(first);
        assert!(StoreLock::acquire(&store, "process 2 of bob").is_ok());
    }

    #[test]
    fn describes_the_process_with_a_date() {
        let text = describe_this_process(1_764_320_000);
        assert!(text.contains("2025-11-28"), "{text}");
        assert!(text.contains(&std::process::id().to_string()));
    }
}
