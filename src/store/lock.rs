//! The advisory lock that stops a second instance from silently overwriting the first.
//!
//! The lock is an OS file lock on `<store>.lock` (not on the store itself, which each save
//! replaces by rename). The kernel releases it when the holding process dies, so a crash never
//! leaves a stale lock; the file's text only says who holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::atomic::sibling;

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct StoreLock {
    file: File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; the text it left says who.
    Held {
        holder: String,
    },
    Io(io::Error),
}

/// The lock file beside a store.
pub fn lock_path(store: &Path) -> PathBuf {
    sibling(store, ".lock")
}

impl StoreLock {
    /// Takes the lock without waiting, recording `holder` (who and since when) in the lock file.
    pub fn acquire(store: &Path, holder: &str) -> Result<StoreLock, LockError> {
        let path = lock_path(store);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0).map_err(LockError::Io)?;
                file.rewind().map_err(LockError::Io)?;
                file.write_all(holder.as_bytes()).map_err(LockError::Io)?;
                Ok(StoreLock { file })
            }
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let holder = match text.trim() {
                    "" => "another dealdesk process".to_string(),
                    t => t.to_string(),
                };
                Err(LockError::Held { holder })
            }
            Err(TryLockError::Error(e)) => Err(LockError::Io(e)),
        }
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
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "an unknown user".into());
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
