//! Reading and writing prospects as files people exchange: CSV and spreadsheets as Benelux
//! users keep them, and the annual accounts companies file with the National Bank.

pub mod columns;
pub mod csv_error;
pub mod csv_export;
pub mod csv_import;
mod csv_records;
pub mod csv_rows;
pub mod decode;
pub mod export;
pub mod formula;
pub mod headers;
pub mod import_file;
pub mod nbb;
pub mod nbb_rubrics;
pub mod printable;
mod row_batch;
pub mod sheet_import;
pub mod xlsx_export;

pub use printable::printable;
