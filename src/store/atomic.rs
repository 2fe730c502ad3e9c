//! Replacing a file so that a crash at any moment leaves either the old or the new version:
//! write a temporary file in the same directory, fsync it, keep the old version as a backup,
//! rename the new one over the old, fsync the directory.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to the temporary file; tests replace it to inject a full disk part-way.
pub type Writer<'a> = &'a mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>;

/// The write every real save uses.
pub fn write_all(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)
}

/// The backup beside a file: `portfolio.json` → `portfolio.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// `path` with `suffix` appended to its file name.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Atomically replaces `path` with `bytes`, keeping the previous version as `path.bak` when
/// `keep_backup` is set. On error the file at `path` is untouched and the temporary file is
/// removed.
pub fn replace(path: &Path, bytes: &[u8], keep_backup: bool, write: Writer) -> io::Result<()> {
    let dir = directory_of(path);
    let prefix = format!(".{}.", path.file_name().unwrap_or_default().to_string_lossy());
    let mut tmp = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(dir)?;
    write(tmp.as_file_mut(), bytes)?;
    tmp.as_file().sync_all()?;
    if keep_backup && path.exists() {
        keep_previous(path)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    sync_directory(dir)
}

/// Removes the temporary files of saves that were killed half-way (they never replace the
/// store, but they take as much room). Only the holder of the store's lock calls this, so no
/// save of another instance can be under way.
pub fn remove_leftovers(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(directory_of(path)) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let temporary =
            (file.starts_with(&prefix) && file.ends_with(".tmp")) || file == format!("{name}.bak.tmp");
        if temporary {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes `path.bak` the current version of `path`, itself replaced atomically, by a hard link
/// where the file system allows it (no copy of a large store) and a copy otherwise.
fn keep_previous(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let staging = sibling(path, ".bak.tmp");
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
        File::open(&staging)?.sync_all()?;
    }
    fs::rename(&staging, &backup)
}

/// Makes a rename durable: the directory entry itself must reach the disk.
fn sync_directory(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        replace(&path, b"one", true, &mut write_all).unwrap();
        assert!(!backup_path(&path).exists());
        replace(&path, b"two", true, &mut write_all).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        replace(&path, b"three", true, &mut write_all).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
    }

    #[test]
    fn leftovers_of_killed_saves_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        for name in ["s.json", ".s.json.Ab12cd.tmp", "s.json.bak.tmp", ".other.json.x.tmp", "s.json.bak"] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        remove_leftovers(&path);
        let mut names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, [".other.json.x.tmp", "s.json", "s.json.bak"]);
    }

    #[test]
    fn a_failing_write_leaves_the_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        replace(&path, b"kept", true, &mut write_all).unwrap();
        let mut full = |f: &mut File, bytes: &[u8]| {
            f.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        };
        let err = replace(&path, b"lost lost", true, &mut full).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), b"kept");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("s.json")]);
    }
}
