//! The runner's file work for the desk: path completion, reading an import with progress,
//! writing an export.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread;

use super::app::Msg;
use super::modals::path_prompt::{ExportError, PendingExport};
use crate::domain::prospect::Prospect;
use crate::io::export::encode;
use crate::io::import_file::{folder_files, read_import_file};
use crate::store::destination::{self, DestinationError, Written};
use crate::store::target::{TargetError, read_regular};

/// `~/…` as the home directory, as a shell would.
fn expand(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// The files and folders (with a trailing `/`) whose path starts with what was typed.
pub fn complete(typed: &str) -> Vec<String> {
    let (dir_text, prefix) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir = if dir_text.is_empty() { PathBuf::from(".") } else { expand(dir_text) };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let slash = if e.file_type().is_ok_and(|t| t.is_dir()) { "/" } else { "" };
            Some(format!("{dir_text}{name}{slash}"))
        })
        .collect();
    out.sort();
    out
}

/// Reads and checks an import file (CSV, workbook or filing) on its own thread, reporting
/// progress, then the result; for a folder, lists its importable files instead.
pub fn read_import(path: PathBuf, tx: Sender<Msg>) {
    thread::spawn(move || {
        let expanded = expand(&path.to_string_lossy());
        if expanded.is_dir() {
            let result = folder_files(&expanded).map_err(|e| e.to_string());
            let _ = tx.send(Msg::ImportFolder { folder: path, result });
            return;
        }
        let result = import_bytes(&expanded).and_then(|bytes| {
            let total = bytes.len();
            let progress = tx.clone();
            read_import_file(&bytes, None, &mut |done| {
                let _ = progress.send(Msg::ImportProgress { done, total });
            })
        });
        let _ = tx.send(Msg::ImportRead { path, result });
    });
}

/// The bytes of a file to import: a regular file only; a FIFO or device is refused with what it
/// is, never waited on.
fn import_bytes(path: &Path) -> Result<Vec<u8>, String> {
    match read_regular(path) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err("no such file".into()),
        Err(TargetError::NotAFile { what, .. }) => Err(format!("it is {what}, not a file")),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes prospects as CSV, JSON or a workbook where the export goes (`destination::write`, which never
/// replaces the store or its backup, writes into a pipe or device, and replaces an existing
/// file only with `overwrite`); returns where and how many.
pub fn export(
    export: PendingExport,
    overwrite: bool,
    store: Option<&Path>,
) -> Result<(PathBuf, usize), ExportError> {
    let failed = |e: String| ExportError::Failed(e);
    let path = expand(&export.path.to_string_lossy());
    let plain: Vec<Prospect> = export.prospects.iter().map(|p| (**p).clone()).collect();
    let bytes = encode(&plain, export.format).map_err(failed)?;
    match destination::write(&path, &bytes, &store.map(destination::protected).unwrap_or_default(), overwrite)
    {
        // Say where the file went, also when the path typed was relative.
        Ok(Written::File(file)) => Ok((file, plain.len())),
        Ok(Written::Stream) => Ok((path, plain.len())),
        Err(DestinationError::Exists(_)) => Err(ExportError::Exists(export)),
        Err(e) => Err(failed(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_reads_regular_files_only_and_says_what_else_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("prospects.csv");
        std::fs::write(&file, "name\nAcme\n").unwrap();
        assert_eq!(import_bytes(&file).unwrap(), b"name\nAcme\n");
        assert_eq!(import_bytes(dir.path()).unwrap_err(), "it is a folder, not a file");
        assert_eq!(import_bytes(&dir.path().join("none.csv")).unwrap_err(), "no such file");
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe.csv");
            let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
            // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            // Refused at once, not waited on for a writer.
            assert_eq!(import_bytes(&fifo).unwrap_err(), "it is a FIFO (named pipe), not a file");
        }
    }
}
