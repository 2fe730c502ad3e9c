//! A file read for import, waiting for the user's choice.

use std::path::PathBuf;

use crate::io::csv_import::CsvImport;

/// A CSV file read for import, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: PathBuf,
    pub import: CsvImport,
    /// First line of the error list shown.
    pub scroll: usize,
}
