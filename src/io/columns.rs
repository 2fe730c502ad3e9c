//! A sheet's columns, whatever the file: which field each header names (every problem at
//! once), and a row's cells read into a prospect with every bad cell from left to right, and its
//! term cells (`payment_days`, …) into the terms `eval` evaluates. CSV and workbook imports share
//! them.

use super::csv_error::{CsvFileError, HeaderProblem, RowError};
use super::{formula, headers};
use crate::domain::fields::Field;
use crate::domain::import_plan::FieldSet;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::domain::terms::given::{GivenTerms, header_column};

/// The field of each header cell, or every problem with them at once. A term column is no field
/// (`None`): `eval` reads it, an import reads past it.
pub(crate) fn header_fields(cells: &[String]) -> Result<Vec<Option<Field>>, CsvFileError> {
    let mut problems = Vec::new();
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(cells.len());
    for (column, text) in cells.iter().enumerate() {
        let field = headers::field_for(text);
        if text.trim().is_empty() {
            problems.push(HeaderProblem::Blank { column });
        } else if field.is_none() && header_column(text).is_none() {
            problems.push(HeaderProblem::Unknown { column, name: text.trim().to_string() });
        }
        if let Some(field) = field
            && let Some(first) = columns.iter().position(|c| *c == Some(field))
        {
            problems.push(HeaderProblem::Duplicate { column, first, field });
        }
        columns.push(field);
    }
    if !columns.contains(&Some(Field::Name)) {
        problems.push(HeaderProblem::MissingName);
    }
    if problems.is_empty() { Ok(columns) } else { Err(CsvFileError::Header(problems)) }
}

/// Each present field with its column, in `Field::ALL` order.
pub(crate) fn order_of(columns: &[Option<Field>]) -> Vec<(Field, usize)> {
    Field::ALL.iter().filter_map(|&f| columns.iter().position(|c| *c == Some(f)).map(|i| (f, i))).collect()
}

/// Sets every field of a row from its cell text (`cell(column)`), collecting the errors from
/// left to right. A formula guard written by the export is taken off first.
pub(crate) fn read_cells<T: AsRef<str>>(
    order: &[(Field, usize)],
    row: usize,
    style: NumberStyle,
    cell: impl Fn(usize) -> Result<T, String>,
) -> Result<(Prospect, FieldSet), Vec<RowError>> {
    let mut prospect = Prospect::default();
    let mut filled = FieldSet::EMPTY;
    let mut errors: Vec<(usize, RowError)> = Vec::new();
    for &(field, column) in order {
        let set = cell(column).and_then(|raw| {
            let text = formula::restore(raw.as_ref());
            if !text.trim().is_empty() {
                filled.insert(field);
            }
            field.set(&mut prospect, text, style)
        });
        if let Err(reason) = set {
            errors.push((column, RowError { row, column: Some(field), reason }));
        }
    }
    if errors.is_empty() {
        return Ok((prospect, filled));
    }
    errors.sort_by_key(|(column, _)| *column);
    Err(errors.into_iter().map(|(_, e)| e).collect())
}

/// The term columns of a header, each with its position.
pub(crate) fn term_columns(cells: &[String]) -> Vec<(&'static str, usize)> {
    cells.iter().enumerate().filter_map(|(column, text)| header_column(text).map(|c| (c, column))).collect()
}

/// A row's term cells as the terms given for it, or every bad one (its column named).
pub(crate) fn read_terms<T: AsRef<str>>(
    terms: &[(&'static str, usize)],
    row: usize,
    style: NumberStyle,
    cell: impl Fn(usize) -> Result<T, String>,
) -> Result<GivenTerms, Vec<RowError>> {
    let mut given = GivenTerms::default();
    let errors: Vec<RowError> = terms
        .iter()
        .filter_map(|&(name, column)| {
            let set = cell(column).and_then(|raw| given.set(name, formula::restore(raw.as_ref()), style));
            set.err().map(|e| RowError { row, column: None, reason: format!("column {name}: {e}") })
        })
        .collect();
    if errors.is_empty() { Ok(given) } else { Err(errors) }
}
