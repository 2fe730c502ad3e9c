//! The bytes of an export in each format, apart from where they are written (the command line
//! and the desk each decide the destination).

use super::{csv_export, xlsx_export};
use crate::domain::prospect::Prospect;

/// The formats an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// The import columns, so that it imports again.
    Csv,
    /// The store's prospect objects, decisions included.
    Json,
    /// A workbook with the import columns as typed cells.
    Xlsx,
}

impl FileFormat {
    /// The format a file name asks for by its extension: `.json`, `.xlsx`, else CSV.
    pub fn for_name(name: &str) -> FileFormat {
        let name = name.trim().to_lowercase();
        if name.ends_with(".json") {
            FileFormat::Json
        } else if name.ends_with(".xlsx") {
            FileFormat::Xlsx
        } else {
            FileFormat::Csv
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Csv => "CSV (the import columns)",
            FileFormat::Json => "JSON",
            FileFormat::Xlsx => "an .xlsx workbook (the import columns)",
        }
    }
}

/// The prospects in `format`.
pub fn encode(prospects: &[Prospect], format: FileFormat) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match format {
        FileFormat::Csv => csv_export::write_prospects(prospects, &mut bytes).map_err(|e| e.to_string())?,
        FileFormat::Xlsx => bytes = xlsx_export::write_workbook(prospects)?,
        FileFormat::Json => {
            serde_json::to_writer_pretty(&mut bytes, prospects).map_err(|e| e.to_string())?;
            bytes.push(b'\n');
        }
    }
    Ok(bytes)
}
