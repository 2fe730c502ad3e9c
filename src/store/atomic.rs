//! Replacing a file so that a crash at any moment leaves either the old or the new version:
//! write a temporary file in the same directory, give it the old file's permissions and (where
//! the system lets us) its owner, fsync it, keep the old version as a backup, rename the new
//! one over the old, fsync the directory. `path` is the real file, never a symbolic link
//! (`target::resolve`), so a link to the store stays a link.

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
/// `keep_backup` is set. A new file gets the usual permissions (0666 less the umask), a
/// replaced one keeps its own. On error the file at `path` is untouched and the temporary file
/// is removed.
pub fn replace(path: &Path, bytes: &[u8], keep_backup: bool, write: Writer) -> io::Result<()> {
    let dir = directory_of(path);
    let prefix = format!(".{}.", path.file_name().unwrap_or_default().to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    write(tmp.as_file_mut(), bytes)?;
    if let Ok(old) = fs::metadata(path) {
        keep_mode_and_owner(tmp.as_file(), &old)?;
    }
    tmp.as_file().sync_all()?;
    if keep_backup && path.exists() {
        keep_previous(path)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    sync_directory(dir)
}

/// Gives the new version the old one's permissions, and its owner and group where this user
/// may (root may; others keep their own, which is all the system allows them).
fn keep_mode_and_owner(new: &File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The owner first: changing it may clear set-id bits that the mode then restores.
        let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
        new.set_permissions(old.permissions())?;
    }
    #[cfg(not(unix))]
    new.set_permissions(old.permissions())?;
    Ok(())
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
