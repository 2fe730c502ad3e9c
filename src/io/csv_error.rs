//! What can be wrong with a CSV file, in words an account manager can act on: the row and
//! column as the spreadsheet shows them, and what the cell should have held.

use std::fmt;

use super::printable::printable;
use crate::domain::fields::Field;

/// A file that cannot be imported at all: nothing in it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvFileError {
    /// No header row: the file is empty or holds only blank lines.
    Empty,
    /// The header row names columns that cannot be used; every problem is listed at once so
    /// that one round of fixes in the spreadsheet is enough.
    Header(Vec<HeaderProblem>),
    /// The CSV reader itself failed (not expected for bytes already in memory).
    Read(String),
    /// A workbook that cannot be read, or has no such sheet.
    Sheet(String),
}

/// One problem in the header row; `column` is the 0-based column index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// A header that is not one of the field keys.
    Unknown { column: usize, name: String },
    /// A header cell left empty.
    Blank { column: usize },
    /// The same field named twice: which column would win is anyone's guess.
    Duplicate { column: usize, first: usize, field: Field },
    /// No `name` column: every prospect needs a name.
    MissingName,
}

/// One bad row or cell; the row is still reported when other rows are fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The column at fault, or `None` when the row as a whole is wrong (its cell count).
    pub column: Option<Field>,
    /// What is wrong, e.g. `'abc' is not a number`.
    pub reason: String,
}

/// The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA.
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The accepted column names, for a message after an unknown header.
fn accepted_columns() -> String {
    let terms = crate::domain::terms::given::COLUMNS.iter().copied();
    Field::ALL.iter().map(|f| f.key()).chain(terms).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderProblem::Unknown { column, name } => {
                write!(f, "column {}: unknown column '{}'", column_letter(*column), printable(name))
            }
            HeaderProblem::Blank { column } => {
                write!(f, "column {}: the header is empty", column_letter(*column))
            }
            HeaderProblem::Duplicate { column, first, field } => write!(
                f,
                "column {}: '{}' appears twice (also column {})",
                column_letter(*column),
                field.key(),
                column_letter(*first)
            ),
            HeaderProblem::MissingName => {
                f.write_str("there is no 'name' column, and every prospect needs a name")
            }
        }
    }
}

impl fmt::Display for CsvFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvFileError::Empty => {
                f.write_str("the file is empty: expected a header row such as name;country;revenue")
            }
            CsvFileError::Header(problems) => {
                f.write_str("the header row cannot be used:")?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                let unknown = problems
                    .iter()
                    .any(|p| matches!(p, HeaderProblem::Unknown { .. } | HeaderProblem::Blank { .. }));
                if unknown {
                    write!(f, "\n  accepted columns: {}", accepted_columns())?;
                }
                Ok(())
            }
            CsvFileError::Sheet(message) => f.write_str(&printable(message)),
            CsvFileError::Read(message) => {
                write!(f, "the file cannot be read as CSV: {}", printable(message))
            }
        }
    }
}

impl std::error::Error for CsvFileError {}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(field) => write!(f, "row {}, column {}: {}", self.row, field.key(), printable(&self.reason)),
            None => write!(f, "row {}: {}", self.row, printable(&self.reason)),
        }
    }
}

impl std::error::Error for RowError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        let letters: Vec<String> =
            [0, 1, 25, 26, 27, 51, 52, 701, 702].into_iter().map(column_letter).collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn messages_name_row_column_and_reason() {
        let cell = RowError { row: 7, column: Some(Field::Revenue), reason: "'abc' is not a number".into() };
        assert_eq!(cell.to_string(), "row 7, column revenue: 'abc' is not a number");
        let header = CsvFileError::Header(vec![
            HeaderProblem::Unknown { column: 2, name: "turnover".into() },
            HeaderProblem::MissingName,
        ]);
        let text = header.to_string();
        assert!(text.contains("column C: unknown column 'turnover'"), "{text}");
        assert!(text.contains("no 'name' column"), "{text}");
        assert!(text.contains("accepted columns: name, country,"), "{text}");
        let escaped = RowError { row: 2, column: None, reason: "'\u{1b}[2J' is odd".into() };
        assert_eq!(escaped.to_string(), "row 2: '\\u{1b}[2J' is odd");
    }
}
