//! Finding and reading the policy: `--policy PATH`, else the user's policy file, else the
//! defaults embedded in the binary.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::target::{TargetError, read_regular};
use crate::domain::policy::Policy;
use crate::domain::policy_load::{POLICY_SCHEMA, declared_schema};

/// Where the policy in force came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicySource {
    Defaults,
    File(PathBuf),
    /// A team store's policy: its version, who saved it and when.
    Team {
        version: i64,
        by: String,
        at: String,
    },
}

impl fmt::Display for PolicySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicySource::Defaults => f.write_str("the built-in defaults"),
            PolicySource::File(path) => write!(f, "{}", path.display()),
            PolicySource::Team { version, by, at } => {
                write!(f, "the team policy, version {version}, saved by {by} at {at}")
            }
        }
    }
}

/// A policy file that exists but cannot be used; the message names the file and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFileError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for PolicyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "policy {}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for PolicyFileError {}

/// Reads, migrates and validates one policy file. Only a regular file is read: a FIFO or a
/// device is refused at once rather than waited on.
fn read_policy(path: &Path) -> Result<Policy, PolicyFileError> {
    let fail = |message: String| PolicyFileError { path: path.to_path_buf(), message };
    let bytes = match read_regular(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(fail("no such file".into())),
        Err(TargetError::NotAFile { what, .. }) => return Err(fail(format!("is {what}, not a policy file"))),
        Err(TargetError::Io { source, .. }) => return Err(fail(source.to_string())),
    };
    let text = String::from_utf8(bytes).map_err(|e| fail(format!("the text is not UTF-8 ({e})")))?;
    Policy::from_json(&text).map_err(fail)
}

/// The policy in force: `explicit` must exist; the user file is used when it exists.
pub fn load_policy(
    explicit: Option<&Path>,
    user_file: Option<&Path>,
) -> Result<(Policy, PolicySource), PolicyFileError> {
    if let Some(path) = explicit {
        return read_policy(path).map(|p| (p, PolicySource::File(path.to_path_buf())));
    }
    match user_file {
        Some(path) => match fs::metadata(path) {
            Ok(_) => read_policy(path).map(|p| (p, PolicySource::File(path.to_path_buf()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Ok((Policy::default_policy(), PolicySource::Defaults))
            }
            Err(e) => Err(PolicyFileError { path: path.to_path_buf(), message: e.to_string() }),
        },
        None => Ok((Policy::default_policy(), PolicySource::Defaults)),
    }
}

/// Writes the user's policy file atomically (keeping the previous one as `.bak`), through a
/// symbolic link to where it points. A file of a newer schema than this build knows is never
/// overwritten: the program that wrote it may hold what this one would drop.
pub fn write_policy(path: &Path, text: &str) -> Result<(), String> {
    let file = super::target::resolve(path).map_err(|e| e.to_string())?;
    if let Ok(Some(old)) = read_regular(&file)
        && let Some(found) = std::str::from_utf8(&old).ok().and_then(declared_schema)
        && found > POLICY_SCHEMA
    {
        return Err(format!(
            "{} has policy schema {found}, newer than this dealdesk's {POLICY_SCHEMA}: not overwritten",
            path.display()
        ));
    }
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    super::atomic::replace(&file, text.as_bytes(), true, &mut super::atomic::write_all)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
