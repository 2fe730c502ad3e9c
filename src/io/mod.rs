//! Reading and writing prospects as files people exchange: CSV from spreadsheets.

pub mod csv_error;
pub mod csv_export;
pub mod csv_import;

pub use csv_error::{CsvFileError, HeaderProblem, RowError};
pub use csv_export::write_prospects;
pub use csv_import::{CsvImport, ImportedProspect, read_prospects};
