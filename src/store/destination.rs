//! Where an export goes and how it is written, whatever its format (CSV, JSON, …): the one
//! function every exporter calls with its encoded bytes.
//!
//! - the store, its backup and its lock are never written, by whatever name they are given
//!   (compared by device and inode, so a link or `./` does not get around it);
//! - standard output, a pipe or a device (`/dev/stdout`, `/dev/null`) is written to, never
//!   replaced by a regular file;
//! - an existing regular file is replaced (atomically, keeping its permissions) only when the
//!   caller says so: `--force`, or the user's yes in the desk;
//! - a new file is written atomically, through a symbolic link to where it points.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::target::{self, TargetError};
use super::{atomic, lock};

/// How the export was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A new or replaced regular file, at this path (links followed).
    File(PathBuf),
    /// Into a pipe, a terminal or a device (or standard output) that was there.
    Stream,
}

/// Why an export was not written.
#[derive(Debug)]
pub enum DestinationError {
    /// A regular file is there: it is replaced only when the caller allows it.
    Exists(PathBuf),
    /// The path is the store itself, its backup or its lock file.
    Protected {
        path: PathBuf,
        what: &'static str,
    },
    /// A folder, a block device or anything else an export cannot go to.
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    /// The file's permissions do not let this user write it.
    ReadOnly {
        path: PathBuf,
        reason: String,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for DestinationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DestinationError::Exists(path) => write!(f, "{} exists already", path.display()),
            DestinationError::Protected { path, what } => {
                write!(f, "{} is {what}: an export never replaces it", path.display())
            }
            DestinationError::NotAFile { path, what } => {
                write!(f, "{} is {what}: an export cannot be written there", path.display())
            }
            DestinationError::ReadOnly { path, reason } => {
                write!(f, "{} is read-only: {reason}", path.display())
            }
            DestinationError::Io { path, source } => write!(f, "cannot write {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for DestinationError {}

/// The files beside a store that an export must never replace, with what they are.
pub fn protected(store: &Path) -> Vec<(PathBuf, &'static str)> {
    let file = target::resolve(store).unwrap_or_else(|_| store.to_path_buf());
    vec![
        (atomic::backup_path(&file), "the store's backup"),
        (lock::lock_path(&file), "the store's lock file"),
        (file, "the store"),
    ]
}

/// Writes `bytes` to `path` as described in the module documentation.
pub fn write(
    path: &Path,
    bytes: &[u8],
    protected: &[(PathBuf, &'static str)],
    overwrite: bool,
) -> Result<Written, DestinationError> {
    let io = |source| DestinationError::Io { path: path.to_path_buf(), source };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        // Not there yet: still never under a protected name (the next save would write the
        // store's backup over it).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(what) = same_name(path, protected) {
                return Err(DestinationError::Protected { path: path.to_path_buf(), what });
            }
            return replace(path, bytes);
        }
        Err(e) => return Err(io(e)),
    };
    if let Some(what) = same_file(path, protected) {
        return Err(DestinationError::Protected { path: path.to_path_buf(), what });
    }
    if is_standard_output(&meta) {
        let mut out = io::stdout().lock();
        out.write_all(bytes).and_then(|()| out.flush()).map_err(io)?;
        return Ok(Written::Stream);
    }
    match target::kind_of(&meta) {
        None => {
            #[cfg(unix)]
            if let Some(reason) = target::mode_forbids_writing(&meta) {
                return Err(DestinationError::ReadOnly { path: path.to_path_buf(), reason });
            }
            if !overwrite {
                return Err(DestinationError::Exists(path.to_path_buf()));
            }
            replace(path, bytes)
        }
        Some(what) if !streams(&meta) => Err(DestinationError::NotAFile { path: path.to_path_buf(), what }),
        Some(_) => {
            let mut file = open_stream(path).map_err(io)?;
            file.write_all(bytes).and_then(|()| file.flush()).map_err(io)?;
            Ok(Written::Stream)
        }
    }
}

/// Opens a pipe or device to write into without waiting for a reader: a pipe nobody reads is
/// an error at once ("no such device or address"), not a hang. Writes then block as usual.
fn open_stream(path: &Path) -> io::Result<fs::File> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
        let file = options.open(path)?;
        // SAFETY: F_GETFL and F_SETFL on a descriptor this function owns.
        unsafe {
            let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
            if flags < 0 || libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK) < 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// A new file, or one the caller may replace: atomically, where its links point.
fn replace(path: &Path, bytes: &[u8]) -> Result<Written, DestinationError> {
    let file = target::resolve(path).map_err(|e| match e {
        TargetError::NotAFile { path, what } => DestinationError::NotAFile { path, what },
        TargetError::Io { path, source } => DestinationError::Io { path, source },
    })?;
    atomic::replace(&file, bytes, false, &mut atomic::write_all)
        .map_err(|source| DestinationError::Io { path: path.to_path_buf(), source })?;
    Ok(Written::File(fs::canonicalize(&file).unwrap_or(file)))
}

/// What `path` is among the protected files, by identity.
#[cfg(unix)]
fn same_file(path: &Path, protected: &[(PathBuf, &'static str)]) -> Option<&'static str> {
    let id = target::identity(path)?;
    protected.iter().find(|(p, _)| target::identity(p) == Some(id)).map(|(_, what)| *what)
}

#[cfg(not(unix))]
fn same_file(path: &Path, protected: &[(PathBuf, &'static str)]) -> Option<&'static str> {
    let path = fs::canonicalize(path).ok()?;
    protected.iter().find(|(p, _)| fs::canonicalize(p).ok() == Some(path.clone())).map(|(_, what)| *what)
}

/// What `path` is among the protected files by name, for files not created yet: the same
/// file name in the same folder (links to the folder followed).
fn same_name(path: &Path, protected: &[(PathBuf, &'static str)]) -> Option<&'static str> {
    let place = |p: &Path| {
        let file = target::resolve(p).ok()?;
        let dir = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Some((fs::canonicalize(dir).ok()?, file.file_name()?.to_os_string()))
    };
    let here = place(path)?;
    protected.iter().find(|(p, _)| place(p).as_ref() == Some(&here)).map(|(_, what)| *what)
}

/// Whether `meta` is the file this process's standard output already writes to (also when a
/// shell redirected it to a regular file): the export then goes through that handle.
#[cfg(unix)]
fn is_standard_output(meta: &fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else { return false };
    fs::File::from(fd).metadata().is_ok_and(|out| (out.dev(), out.ino()) == (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn is_standard_output(_: &fs::Metadata) -> bool {
    false
}

/// Special files an export is written into: pipes and character devices (a terminal,
/// `/dev/null`). Block devices, sockets and folders are refused.
fn streams(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_fifo() || t.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}
