//! Reading and writing prospects as files people exchange: CSV from spreadsheets.

pub mod csv_error;
pub mod csv_export;
pub mod csv_import;
