//! The runner's file work for the desk: path completion, reading an import with progress,
//! writing an export.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread;

use super::app::Msg;
use super::modals::path_prompt::{ExportError, PendingExport};
use crate::domain::prospect::Prospect;
use crate::io::export::encode;
use crate::io::import_file::read_import_file;
use crate::store::destination::{self, DestinationError, Written};

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
/// progress, then the result.
pub fn read_import(path: PathBuf, tx: Sender<Msg>) {
    thread::spawn(move || {
        let result =
            std::fs::read(expand(&path.to_string_lossy())).map_err(|e| e.to_string()).and_then(|bytes| {
                let total = bytes.len();
                let progress = tx.clone();
                read_import_file(&bytes, None, &mut |done| {
                    let _ = progress.send(Msg::ImportProgress { done, total });
                })
            });
        let _ = tx.send(Msg::ImportRead { path, result });
    });
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
