//! Reads prospects from a spreadsheet file as it is (`.xlsx`, `.xls`, `.ods`, through
//! calamine): the first sheet or a named one, the first non-empty row as the header (the same
//! names and aliases as CSV), cells as typed. A number cell is a binary float: money is rounded
//! to the cent, and counts, days, years and scores must be whole.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use rust_decimal::{Decimal, RoundingStrategy};

use super::columns::{layout, read_cells, read_terms};
use super::csv_error::CsvFileError;
use super::csv_import::{CsvImport, imported};
use super::decode::TextEncoding;
use crate::domain::date::Date;
use crate::domain::field_values::Kind;
use crate::domain::fields::Field;
use crate::domain::money::NumberStyle;

/// Whether the bytes are a workbook: a zip archive (`.xlsx`, `.ods`) or an OLE compound file
/// (`.xls`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Reads the rows of a sheet (the first, or the one named `sheet`).
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<CsvImport, CsvFileError> {
    let unreadable = |e: calamine::Error| CsvFileError::Sheet(format!("the workbook cannot be read: {e}"));
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
            CsvFileError::Sheet(format!("there is no sheet '{wanted}' (sheets: {})", names.join(", ")))
        })?,
        None => {
            names.first().cloned().ok_or_else(|| CsvFileError::Sheet("the workbook has no sheet".into()))?
        }
    };
    let range = book.worksheet_range(&name).map_err(unreadable)?;
    let (first_row, first_column) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows = range.rows().enumerate().map(|(i, cells)| (first_row + i + 1, cells));
    let header = rows.by_ref().find(|(_, cells)| !cells.iter().all(is_blank)).ok_or(CsvFileError::Empty)?;
    // Columns left of the sheet's first used one are empty: header positions count from A.
    let mut texts = vec![String::new(); first_column];
    texts.extend(header.1.iter().map(|c| text(c, Kind::Text).unwrap_or_default()));
    let layout = layout(&texts)?;
    let columns = &layout.fields;
    let mut import = CsvImport {
        prospects: Vec::new(),
        errors: Vec::new(),
        delimiter: ',',
        style: NumberStyle::Point,
        encoding: TextEncoding::Utf8,
        sheet: Some(name),
    };
    for (row, cells) in rows {
        if cells.iter().all(is_blank) {
            continue;
        }
        let cell = |column: usize| match column.checked_sub(first_column).and_then(|i| cells.get(i)) {
            Some(data) => text(data, kind_at(columns, column)),
            None => Ok(String::new()),
        };
        let cells = read_cells(&layout, row, NumberStyle::Point, cell);
        match imported(row, cells, read_terms(&layout.terms, row, NumberStyle::Point, cell)) {
            Ok(prospect) => import.prospects.push(prospect),
            Err(errors) => import.errors.extend(errors),
        }
    }
    Ok(import)
}

fn kind_at(columns: &[Option<Field>], column: usize) -> Kind {
    columns.get(column).copied().flatten().map_or(Kind::Text, Field::kind)
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as the text the field table parses.
fn text(cell: &Data, kind: Kind) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f, kind)?,
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(dt) if kind == Kind::Date || !dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::new(i32::from(y), m, d).map_or_else(|| format!("{y}-{m}-{d}"), |d| d.to_string())
        }
        Data::DateTime(dt) => number(dt.as_f64(), kind)?,
        Data::Error(e) => return Err(format!("the cell holds the spreadsheet error {e}")),
    })
}

/// A number cell as text: money to the cent, whole numbers checked.
fn number(value: f64, kind: Kind) -> Result<String, String> {
    // Rust writes the shortest text that reads back as the same float, never in exponent form.
    let shortest = format!("{value}");
    let decimal = || {
        Decimal::from_str_exact(&shortest)
            .map_err(|_| format!("'{shortest}' is not a number dealdesk can hold"))
    };
    match kind {
        Kind::Money { .. } => {
            Ok(decimal()?.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).to_string())
        }
        Kind::Count | Kind::Days | Kind::Year | Kind::Score if value.fract() != 0.0 => {
            Err(format!("'{shortest}' is not a whole number"))
        }
        _ => Ok(shortest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_cells_become_exact_text() {
        let money = Kind::Money { signed: true };
        assert_eq!(number(0.1 + 0.2, money).as_deref(), Ok("0.30"));
        assert_eq!(number(1234567.885, money).as_deref(), Ok("1234567.89"));
        assert_eq!(number(-5000.0, money).as_deref(), Ok("-5000"));
        assert_eq!(number(58.0, Kind::Count).as_deref(), Ok("58"));
        assert_eq!(number(57.8, Kind::Count), Err("'57.8' is not a whole number".into()));
        assert_eq!(number(18.5, Kind::Percent).as_deref(), Ok("18.5"));
        assert!(number(f64::NAN, money).is_err());
    }

    #[test]
    fn garbage_is_not_a_workbook() {
        assert!(!is_workbook(b"name;city\n"));
        assert!(matches!(read_sheet(b"PK\x03\x04 not a zip", None), Err(CsvFileError::Sheet(_))));
    }
}
