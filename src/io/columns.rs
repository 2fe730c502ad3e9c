//! A sheet's columns, whatever the file: which field each header names (every problem at
//! once), and a row's cells read into a prospect with every bad cell from left to right, and its
//! term cells (`payment_days`, …) into the terms `eval` evaluates. CSV and workbook imports share
//! them.

use super::csv_error::{CsvFileError, HeaderProblem, RowError};
use super::{formula, headers};
use crate::domain::decision_columns::{self, DecisionCells};
use crate::domain::fields::Field;
use crate::domain::import_plan::FieldSet;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::domain::terms::given::{GivenTerms, header_column};

/// The columns of a sheet: the field of each (none for a decision or a term column), the fields
/// in `Field::ALL` order with their column, and the decision and the term columns with theirs.
/// `eval` evaluates the term columns; an import records them as agreed terms.
pub(crate) struct Layout {
    pub fields: Vec<Option<Field>>,
    pub order: Vec<(Field, usize)>,
    pub decision: Vec<(&'static str, usize)>,
    pub terms: Vec<(&'static str, usize)>,
}

/// The layout of a header row, or every problem with it at once.
pub(crate) fn layout(cells: &[String]) -> Result<Layout, CsvFileError> {
    let mut problems = Vec::new();
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(cells.len());
    let mut decision = Vec::new();
    for (column, text) in cells.iter().enumerate() {
        let field = headers::field_for(text);
        let key = text.trim().to_lowercase();
        if let Some(name) = decision_columns::COLUMNS.iter().find(|c| **c == key) {
            decision.push((*name, column));
        } else if text.trim().is_empty() {
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
    if !problems.is_empty() {
        return Err(CsvFileError::Header(problems));
    }
    let order = Field::ALL
        .iter()
        .filter_map(|&f| columns.iter().position(|c| *c == Some(f)).map(|i| (f, i)))
        .collect();
    Ok(Layout { fields: columns, order, decision, terms: term_columns(cells) })
}

/// A row read: its prospect, the fields it filled in, what its decision columns say.
pub(crate) type RowCells = (Prospect, FieldSet, DecisionCells);

/// Sets every field of a row from its cell text (`cell(column)`), collecting the errors from
/// left to right. A formula guard written by the export is taken off first.
pub(crate) fn read_cells<T: AsRef<str>>(
    layout: &Layout,
    row: usize,
    style: NumberStyle,
    cell: impl Fn(usize) -> Result<T, String>,
) -> Result<RowCells, Vec<RowError>> {
    let mut prospect = Prospect::default();
    let mut filled = FieldSet::EMPTY;
    let mut decided = DecisionCells::default();
    let mut errors: Vec<(usize, RowError)> = Vec::new();
    for &(name, column) in &layout.decision {
        if let Err(reason) = cell(column).and_then(|raw| decided.set(name, formula::restore(raw.as_ref()))) {
            errors.push((column, RowError { row, column: None, reason: format!("{name}: {reason}") }));
        }
    }
    for &(field, column) in &layout.order {
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
        return Ok((prospect, filled, decided));
    }
    errors.sort_by_key(|(column, _)| *column);
    Err(errors.into_iter().map(|(_, e)| e).collect())
}

/// The term columns of a header, each with its position.
fn term_columns(cells: &[String]) -> Vec<(&'static str, usize)> {
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
