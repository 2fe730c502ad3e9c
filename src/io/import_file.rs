//! One file to import, its format recognised by its content: a workbook (`.xlsx`, `.xls`,
//! `.ods`), a filing of annual accounts (NBB CSV), or a CSV of prospects. Each becomes the
//! incoming prospects of an import plan.

use super::csv_import::{CsvImport, read_prospects_with_progress};
use super::nbb::{Filing, is_filing, read_filing};
use super::nbb_rubrics::to_incoming;
use super::sheet_import::{is_workbook, read_sheet};
use crate::domain::date::Date;
use crate::domain::import_plan::Incoming;

/// Extensions read from a folder; a file named on its own is read whatever its name.
pub const FOLDER_EXTENSIONS: &[&str] = &["csv", "txt", "tsv", "xlsx", "xls", "ods"];

/// The importable files of a folder (by extension), in name order.
pub fn folder_files(folder: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.to_lowercase().as_str()))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// How a decision imported from a file names it: its file name.
pub fn file_label(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// What a file held.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFile {
    /// Prospect rows, from CSV or a sheet, with the errors of the bad ones.
    Rows(CsvImport),
    /// One company's filed annual accounts.
    Filing(Box<Filing>),
}

/// What a file brings to an import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Brought {
    pub incoming: Vec<Incoming>,
    /// Things the user should know (revenue unknown, in liquidation…).
    pub notes: Vec<String>,
    /// Why the whole file is refused (a filing in another currency…), if it is.
    pub refused: Option<String>,
}

/// Reads a file of any of the formats, telling `progress` how many bytes of a CSV are read.
pub fn read_import_file(
    bytes: &[u8],
    sheet: Option<&str>,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportFile, String> {
    if is_workbook(bytes) {
        read_sheet(bytes, sheet).map(ImportFile::Rows).map_err(|e| e.to_string())
    } else if is_filing(bytes) {
        read_filing(bytes).map(|f| ImportFile::Filing(Box::new(f))).map_err(|e| e.to_string())
    } else {
        read_prospects_with_progress(bytes, progress).map(ImportFile::Rows).map_err(|e| e.to_string())
    }
}

impl ImportFile {
    /// How the file was read, in words.
    pub fn read_as(&self) -> String {
        match self {
            ImportFile::Rows(rows) => rows.read_as(),
            ImportFile::Filing(f) => {
                format!("filed annual accounts, model {}, period ending {}", f.model, f.period_end)
            }
        }
    }

    /// The rows with errors (none for a filing, which is read whole or not at all).
    pub fn bad_rows(&self) -> usize {
        match self {
            ImportFile::Rows(rows) => rows.bad_rows().len(),
            ImportFile::Filing(_) => 0,
        }
    }

    /// The prospects it brings, as of `today` (a filing for a later period is refused). The
    /// rows move out (a file's errors stay), so a large file is not copied.
    pub fn bring(&mut self, today: Date) -> Brought {
        match self {
            ImportFile::Rows(rows) => Brought {
                incoming: std::mem::take(&mut rows.prospects).into_iter().map(|r| r.incoming()).collect(),
                ..Brought::default()
            },
            ImportFile::Filing(filing) => match to_incoming(filing, today) {
                Ok((incoming, notes)) => Brought { incoming: vec![incoming], notes, refused: None },
                Err(reason) => Brought {
                    refused: Some(format!("the filing is refused: {reason}")),
                    ..Brought::default()
                },
            },
        }
    }

    /// Where the file goes in a batch: prospect files first, in the order given, then filings
    /// from the oldest period to the newest, a correction after the filing it corrects, so that
    /// the newest figures win whatever order the files came in.
    pub fn batch_order(&self) -> (u8, Option<Date>, bool) {
        match self {
            ImportFile::Rows(_) => (0, None, false),
            ImportFile::Filing(f) => (1, Some(f.period_end), f.correction),
        }
    }
}
