//! What a path given for a store or a policy really names: a folder is refused, a symbolic
//! link is followed to the file it points to (saves go there and the link stays), and only a
//! regular file is ever read, so that a FIFO or a device can never hang or feed the program.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// How many links deep a store path may point before it is taken for a loop.
const MAX_LINKS: usize = 40;

/// Why a path cannot be a store or policy file.
#[derive(Debug)]
pub enum TargetError {
    /// Not a regular file: what it is instead ("a folder", "a FIFO (named pipe)"…).
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetError::NotAFile { path, what } => {
                write!(f, "{} is {what}, not a file; nothing was read or written", path.display())
            }
            TargetError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for TargetError {}

/// What a file is, in words, when it is not a regular file.
pub fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Whether the path as written names a folder: it ends in `/` or has no file name (`..`).
fn names_a_folder(path: &Path) -> bool {
    path.as_os_str().to_string_lossy().ends_with('/') || path.file_name().is_none()
}

/// The file a store path stands for: itself, or what its symbolic links point to (also a link
/// to a file not created yet). Folders and other non-files are refused.
pub fn resolve(path: &Path) -> Result<PathBuf, TargetError> {
    let not_a_file = |what| TargetError::NotAFile { path: path.to_path_buf(), what };
    let io = |source| TargetError::Io { path: path.to_path_buf(), source };
    if names_a_folder(path) {
        return Err(not_a_file("a folder"));
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current).map_err(io)?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(meta) => {
                if let Some(what) = kind_of(&meta) {
                    return Err(not_a_file(what));
                }
                return fs::canonicalize(&current).map_err(io);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if names_a_folder(&current) {
                    return Err(not_a_file("a folder"));
                }
                return Ok(current);
            }
            Err(e) => return Err(io(e)),
        }
    }
    Err(io(io::Error::other("too many levels of symbolic links")))
}

/// Opens a file to read it: `None` when it does not exist, an error when it is anything but a
/// regular file. The open never blocks (a FIFO would wait for a writer) and the type is
/// checked on the opened file itself, so a file swapped in between cannot slip through.
pub fn open_regular(path: &Path) -> Result<Option<File>, TargetError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(TargetError::Io { path: path.to_path_buf(), source }),
    };
    let meta = file.metadata().map_err(|source| TargetError::Io { path: path.to_path_buf(), source })?;
    match kind_of(&meta) {
        Some(what) => Err(TargetError::NotAFile { path: path.to_path_buf(), what }),
        None => Ok(Some(file)),
    }
}

/// Reads a whole regular file (`None` when it does not exist).
pub fn read_regular(path: &Path) -> Result<Option<Vec<u8>>, TargetError> {
    let Some(mut file) = open_regular(path)? else { return Ok(None) };
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)
        .map_err(|source| TargetError::Io { path: path.to_path_buf(), source })?;
    Ok(Some(bytes))
}

/// Which file a path is (device and inode), following links; `None` when it does not exist.
#[cfg(unix)]
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Why this user may not write a file, going by its mode bits (not by `access(2)`, which says
/// yes to root for any file): the owner's bits for its owner, the group's for a member, the
/// others' for the rest; root only when no write bit is set at all.
#[cfg(unix)]
pub fn mode_forbids_writing(meta: &Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: these calls only read the process's credentials.
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    let mode = meta.mode();
    let allowed = if uid == 0 {
        mode & 0o222 != 0
    } else if uid == meta.uid() {
        mode & 0o200 != 0
    } else if gid == meta.gid() || in_group(meta.gid()) {
        mode & 0o020 != 0
    } else {
        mode & 0o002 != 0
    };
    (!allowed).then(|| format!("its permissions ({}) do not let this user write it", symbolic(mode)))
}

/// Whether the process is in a supplementary group.
#[cfg(unix)]
fn in_group(gid: u32) -> bool {
    // SAFETY: the first call asks for the count, the second fills a buffer of that size.
    unsafe {
        let n = libc::getgroups(0, std::ptr::null_mut());
        if n <= 0 {
            return false;
        }
        let mut groups = vec![0 as libc::gid_t; n as usize];
        let n = libc::getgroups(n, groups.as_mut_ptr());
        n > 0 && groups[..n as usize].contains(&gid)
    }
}

/// `r--r--r--` for 0444.
#[cfg(unix)]
fn symbolic(mode: u32) -> String {
    (0..9)
        .map(|i| {
            let bit = 0o400 >> i;
            if mode & bit == 0 { '-' } else { ['r', 'w', 'x'][i % 3] }
        })
        .collect()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn folders_are_refused_however_written() {
        let dir = tempfile::tempdir().unwrap();
        let slash = PathBuf::from(format!("{}/", dir.path().display()));
        for path in [dir.path().to_path_buf(), slash, dir.path().join("..")] {
            assert!(
                matches!(resolve(&path), Err(TargetError::NotAFile { what: "a folder", .. })),
                "{path:?}"
            );
        }
    }

    #[test]
    fn links_are_followed_also_to_a_file_not_there_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).unwrap();
        assert_eq!(resolve(&dir.path().join("link.json")).unwrap(), dir.path().join("real.json"));
        fs::write(&real, b"{}").unwrap();
        let resolved = resolve(&dir.path().join("link.json")).unwrap();
        assert_eq!(identity(&resolved), identity(&real));
    }

    #[test]
    fn permissions_read_as_people_write_them() {
        assert_eq!(symbolic(0o644), "rw-r--r--");
        assert_eq!(symbolic(0o444), "r--r--r--");
    }
}
