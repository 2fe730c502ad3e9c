//! Reads prospects from CSV as spreadsheets in the Benelux export them (SPEC §7): `;` with a
//! decimal comma, `,` with a decimal point, or tabs; UTF-8, UTF-16 or Windows-1252 (see
//! `decode`); columns named by field key, label or a Dutch or French alias (`headers`), in any
//! order. Every bad cell of every row is reported; the caller decides whether the good rows are
//! imported.

use csv::ByteRecord;

use super::columns::RowCells;
use super::csv_error::{CsvFileError, RowError};
use super::csv_records::{Header, detect_delimiter, is_blank, position, read_record, reader_at};
use super::csv_rows::{RowCounter, scan_record};
use super::decode::{TextEncoding, decode};
use super::row_batch::RowBatch;
use crate::domain::decision_columns::DecisionCells;
use crate::domain::import_plan::{FieldSet, Incoming};
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::domain::terms::given::GivenTerms;

/// A prospect read from a row without errors, with that row for messages and undo.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedProspect {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The prospect, with id 0: the store assigns ids.
    pub prospect: Prospect,
    /// The fields whose cells were not empty: what a re-import updates.
    pub filled: FieldSet,
    /// The row's term cells (`payment_days`, `security`…): the terms `eval` evaluates instead
    /// of the suggestion, and those an import records as agreed.
    pub terms: GivenTerms,
    /// When and by whom the row's status was decided, when its decision columns say.
    pub decided: DecisionCells,
}

impl ImportedProspect {
    /// The row as an import brings it in: labelled by its row, updating the cells it fills.
    pub fn incoming(self) -> Incoming {
        Incoming {
            label: format!("row {}", self.row),
            prospect: self.prospect,
            updates: self.filled,
            keeps_newer_accounts: false,
            decided: self.decided,
            terms: self.terms,
        }
    }
}

/// What a readable file held: the good rows and every error of the bad ones.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    pub prospects: Vec<ImportedProspect>,
    /// Errors in row order, and within a row from left to right.
    pub errors: Vec<RowError>,
    /// The delimiter found in the header row, to tell the user how the file was read.
    pub delimiter: char,
    /// How numbers were read: `Comma` for `;` files, `Point` for `,` files, `Auto` for tabs.
    pub style: NumberStyle,
    pub encoding: TextEncoding,
    /// The sheet read, when the file was a workbook (cells as typed; no text encoding).
    pub sheet: Option<String>,
}

impl CsvImport {
    /// True when every non-blank row became a prospect.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The rows with at least one error, each once, in file order.
    pub fn bad_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows
    }

    /// How the file was read, in words: "UTF-8, semicolons, decimal comma".
    pub fn read_as(&self) -> String {
        if let Some(sheet) = &self.sheet {
            return format!("sheet '{}' of the workbook, cells as typed", super::printable(sheet));
        }
        let separator = match self.delimiter {
            ';' => "semicolons, decimal comma",
            '\t' => "tabs, decimal comma or point as written",
            _ => "commas, decimal point",
        };
        format!("{}, {separator}", self.encoding.label())
    }
}

/// Fewer bytes than most real rows take (an exported prospect takes ~400): the bound on the rows
/// `read_prospects` makes room for.
const SHORT_ROW_BYTES: usize = 64;

/// Reads every row of a CSV file. Fails only when the file as a whole is unusable (empty, or a
/// header that does not name the columns); bad rows are returned in `CsvImport::errors`.
pub fn read_prospects(bytes: &[u8]) -> Result<CsvImport, CsvFileError> {
    read_prospects_with_progress(bytes, &mut |_| {})
}

/// `read_prospects`, telling `progress` every few thousand rows how many bytes are read, so that
/// the desk can show a progress bar on large files.
pub fn read_prospects_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize),
) -> Result<CsvImport, CsvFileError> {
    // A row ends at a line break, so there are no more rows than line breaks and one: reserved
    // up front, the rows are not copied again at each doubling (pages not written stay unused).
    // A file of blank lines would ask for far more than its rows need, so the room is bounded by
    // a short row's size and only tried: refused, the vector grows as rows come.
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let (mut prospects, mut errors) = (Vec::new(), Vec::new());
    let _ = prospects.try_reserve(lines.min(bytes.len() / SHORT_ROW_BYTES + 1));
    let read = read_rows(bytes, progress, &mut |row| match row {
        Ok(prospect) => prospects.push(prospect),
        Err(more) => errors.extend(more),
    })?;
    Ok(CsvImport { prospects, errors, ..read })
}

/// What one row gave: its prospect, or its errors.
pub type RowRead = Result<ImportedProspect, Vec<RowError>>;

/// Reads the rows one by one into `sink`, in file order, without keeping them: the streaming
/// core of `read_prospects`. The returned `CsvImport` says how the file was read and holds no
/// rows.
pub fn read_rows(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize),
    sink: &mut dyn FnMut(RowRead),
) -> Result<CsvImport, CsvFileError> {
    let (text, encoding) = decode(bytes);
    let bytes: &[u8] = &text;
    let delimiter = detect_delimiter(bytes);
    let style = match delimiter {
        b';' => NumberStyle::Comma,
        b'\t' => NumberStyle::Auto,
        _ => NumberStyle::Point,
    };
    let mut rows = RowCounter::new(bytes);
    // One reader for the whole text: a new reader would drop a BOM-like start of a cell.
    let (mut reader, mut base) = (reader_at(bytes, 0, delimiter), 0);
    let mut batch = RowBatch::default();
    let header = loop {
        let record = batch.spare();
        if !read_record(&mut reader, record)? {
            return Err(CsvFileError::Empty);
        }
        rows.next_row(record, position(&reader, base));
        if !is_blank(record) {
            break Header::parse(record)?;
        }
    };
    let parse = |record: &ByteRecord, row: usize| {
        imported(row, header.read_row(record, style, row), header.read_terms(record, style, row))
    };
    // The last row read waits in the batch until the next arrives: when the file ends inside a
    // quote it opened, that row becomes an error and the rest is read again from where it
    // would have ended with the quote as a plain character.
    loop {
        while read_record(&mut reader, batch.spare())? {
            let start = rows.consumed;
            let row = rows.next_row(batch.spare(), position(&reader, base));
            if row.is_multiple_of(4096) {
                progress(rows.consumed);
            }
            if is_blank(batch.spare()) {
                continue;
            }
            batch.keep(start, row);
            if batch.is_full() {
                batch.parse(true, &parse).into_iter().for_each(|(.., read)| sink(read));
            }
        }
        let mut reads = batch.parse(false, &parse);
        let pending = reads.pop();
        reads.into_iter().for_each(|(.., read)| sink(read));
        let Some((start, row, last)) = pending else { break };
        let mut plain = Vec::new();
        let mut scan = scan_record(bytes, start, delimiter, &plain);
        let Some((_, column)) = scan.open_quote else {
            sink(last);
            break;
        };
        sink(Err(vec![RowError { row, column: header.field_at(column), reason: UNCLOSED.into() }]));
        while let Some((quote, _)) = scan.open_quote {
            plain.push(quote);
            scan = scan_record(bytes, start, delimiter, &plain);
        }
        rows.resume(row, scan.end);
        (reader, base) = (reader_at(bytes, scan.end, delimiter), scan.end);
    }
    Ok(CsvImport {
        prospects: Vec::new(),
        errors: Vec::new(),
        delimiter: char::from(delimiter),
        style,
        encoding,
        sheet: None,
    })
}

/// A row read from its cells and its term cells, or the errors of both, from left to right.
pub(crate) fn imported(
    row: usize,
    cells: Result<RowCells, Vec<RowError>>,
    terms: Result<GivenTerms, Vec<RowError>>,
) -> RowRead {
    match (cells, terms) {
        (Ok((prospect, filled, decided)), Ok(terms)) => {
            Ok(ImportedProspect { row, prospect, filled, decided, terms })
        }
        (cells, terms) => {
            Err(cells.err().unwrap_or_default().into_iter().chain(terms.err().unwrap_or_default()).collect())
        }
    }
}

const UNCLOSED: &str = "a quote (\") opens a cell here and is never closed, so it would take in the rest \
                        of the file; the rows after this one were read as if it were a plain character";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fields::Field;
    use crate::io::csv_error::HeaderProblem;

    fn rows_of(text: &str) -> Vec<usize> {
        let import = read_prospects(text.as_bytes()).unwrap();
        import.prospects.iter().map(|p| p.row).collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let cases = [
            ("name\na\nb\n", vec![2, 3]),
            ("name\na\nb", vec![2, 3]),
            ("name\na\n\n\nb\n\n", vec![2, 5]),
            ("name\r\na\r\n\r\nb\r\n", vec![2, 4]),
            ("name\n\"a\nstill a\"\nb\n", vec![2, 3]),
            ("name\r\n\"a\r\n\r\nstill a\"\r\n\r\nb", vec![2, 4]),
            ("name\ra\r\rb\r", vec![2, 4]),
            ("\n\nname\na\n", vec![4]),
            ("name;note\n\"a\";\"x\r\"\nb;\n", vec![2, 3]),
        ];
        for (text, want) in cases {
            assert_eq!(rows_of(text), want, "{text:?}");
        }
    }

    #[test]
    fn headers_forgive_case_and_spaces_but_nothing_else() {
        let import = read_prospects(b"Name , Net Result,late-filing\nA,-5,ja\n").unwrap();
        let p = &import.prospects[0].prospect;
        assert_eq!(Field::NetResult.get(p), "-5");
        assert_eq!(p.late_filing, Some(true));

        let err = read_prospects(b"name,,revenue,Revenue\n").unwrap_err();
        assert_eq!(
            err,
            CsvFileError::Header(vec![
                HeaderProblem::Blank { column: 1 },
                HeaderProblem::Duplicate { column: 3, first: 2, field: Field::Revenue },
            ])
        );
    }

    #[test]
    fn the_registration_is_checked_against_the_country_whatever_the_column_order() {
        let text = "registration;name;country\n3304 1413;Van Dam;NL\n0403170701;Dupont;NL\n";
        let import = read_prospects(text.as_bytes()).unwrap();
        assert_eq!(import.prospects.len(), 1);
        assert_eq!(import.prospects[0].prospect.registration.as_deref(), Some("33041413"));
        assert_eq!(import.errors.len(), 1);
        assert_eq!(import.errors[0].row, 3);
        assert_eq!(import.errors[0].column, Some(Field::Registration));
    }

    #[test]
    fn errors_of_a_row_run_left_to_right() {
        let text = "revenue,name,country\nlots,,ZZ\n";
        let import = read_prospects(text.as_bytes()).unwrap();
        let columns: Vec<_> = import.errors.iter().map(|e| e.column).collect();
        assert_eq!(columns, [Some(Field::Revenue), Some(Field::Name), Some(Field::Country)]);
        assert_eq!(import.bad_rows(), [2]);
    }

    #[test]
    fn blank_rows_hold_no_prospect_and_no_error() {
        let import = read_prospects(b"name;city\nA;Gent\n;\n  ;  \nB;\n;;\n\n").unwrap();
        assert!(import.is_clean(), "{:?}", import.errors);
        let rows: Vec<_> = import.prospects.iter().map(|p| p.row).collect();
        assert_eq!(rows, [2, 5]);
    }

    #[test]
    fn a_file_without_a_header_is_empty() {
        for text in ["", "\n\n", "\u{feff}", " ; \r\n"] {
            assert_eq!(read_prospects(text.as_bytes()), Err(CsvFileError::Empty));
        }
        let only_header = read_prospects(b"name\n").unwrap();
        assert!(only_header.prospects.is_empty() && only_header.is_clean());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_windows_1252() {
        let import = read_prospects(b"name;city\nCaf\xe9 \x80;Li\xe8ge\n").unwrap();
        assert_eq!(import.encoding, TextEncoding::Windows1252);
        assert_eq!(import.prospects[0].prospect.name, "Café €");
        assert_eq!(import.prospects[0].prospect.city.as_deref(), Some("Liège"));
        assert_eq!(import.read_as(), "Windows-1252, semicolons, decimal comma");
    }

    #[test]
    fn utf16_le_tab_text_as_excel_saves_unicode_text() {
        // Excel's "Unicode text": UTF-16 LE with its BOM, tab separated, CRLF.
        let text = "Naam\tStad\tOmzet\r\nSociété Élise\tLiège\t1.234,5\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let import = read_prospects(&bytes).unwrap();
        assert!(import.is_clean(), "{:?}", import.errors);
        assert_eq!(import.read_as(), "UTF-16 LE, tabs, decimal comma or point as written");
        let p = &import.prospects[0].prospect;
        assert_eq!((p.name.as_str(), p.city.as_deref()), ("Société Élise", Some("Liège")));
        assert_eq!(Field::Revenue.get(p), "1234.50");
    }

    #[test]
    fn term_columns_are_read_and_a_bad_one_is_the_rows_error() {
        // A `;` file: 14 days, and 96.000,50 with the decimal comma and thousands dots.
        let import =
            read_prospects(b"name;Payment Days;security_amount\nA NV;14;96.000,50\nB NV;x;\n").unwrap();
        let [a] = &import.prospects[..] else { panic!("one good row: {:?}", import.prospects) };
        assert_eq!(a.terms.payment_days, Some(14));
        assert_eq!(
            a.terms.security_amount,
            Some(crate::domain::money::Money::parse("96000.50", NumberStyle::Point).unwrap())
        );
        let errors: Vec<String> = import.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, ["row 3: column payment_days: 'x' is not a number of days (0–365)"]);
    }
}
