//! A file read for import, with what importing it would do, waiting for the user's choice.

use std::collections::VecDeque;
use std::path::PathBuf;

use crate::domain::import_plan::Plan;
use crate::io::import_file::ImportFile;
use crate::portfolio::revision::Revision;

/// A file read for import (CSV, workbook or filing) and its plan against the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: PathBuf,
    /// How it was read and its bad rows (the rows themselves moved into the plan).
    pub file: ImportFile,
    /// New, updated (field by field) and unchanged prospects, against the portfolio as it was.
    pub plan: Plan,
    /// The versions of the updated and unchanged prospects the plan was made on: the import is
    /// refused when one of them changed since.
    pub bases: Vec<Revision>,
    /// What the user should know about the file (a filing's revenue unknown…).
    pub notes: Vec<String>,
    /// First line of the problem list shown.
    pub scroll: usize,
    /// Files of the same folder still to preview after this one.
    pub then: usize,
}

impl ImportPreview {
    /// Every problem line (row, column, what): bad cells, then prospects left out, then notes.
    pub fn problems(&self) -> Vec<(String, String, String)> {
        let mut lines: Vec<(String, String, String)> = match &self.file {
            ImportFile::Rows(rows) => rows
                .errors
                .iter()
                .map(|e| {
                    (
                        e.row.to_string(),
                        e.column.map_or("—".into(), |c| c.key().to_string()),
                        e.reason.clone(),
                    )
                })
                .collect(),
            ImportFile::Filing(_) => Vec::new(),
        };
        lines.extend(
            self.plan.refused.iter().map(|(label, why)| (label.clone(), "refused".into(), why.clone())),
        );
        lines.extend(self.notes.iter().map(|n| ("—".into(), "note".into(), n.clone())));
        lines
    }
}

/// The files of a folder still to import, and why those already passed over were refused, to
/// be shown with the next file's preview (a notice would be gone before anyone read it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportQueue {
    files: VecDeque<PathBuf>,
    refused: Vec<String>,
}

impl ImportQueue {
    pub fn of(files: Vec<PathBuf>) -> ImportQueue {
        ImportQueue { files: files.into(), refused: Vec::new() }
    }

    pub fn next_file(&mut self) -> Option<PathBuf> {
        self.files.pop_front()
    }

    /// Files still to come.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn clear(&mut self) {
        *self = ImportQueue::default();
    }

    pub fn refused(&mut self, why: String) {
        self.refused.push(why);
    }

    /// The refusals so far, for the preview that follows them.
    pub fn take_refused(&mut self) -> Vec<String> {
        std::mem::take(&mut self.refused)
    }
}
