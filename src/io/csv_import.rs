//! Reads prospects from CSV as spreadsheets in the Benelux export them (SPEC §7): `;` with a
//! decimal comma or `,` with a decimal point, UTF-8 with or without BOM, columns named by the
//! field keys in any order. Every bad cell of every row is reported; the caller decides whether
//! the good rows are imported.

use csv::{ByteRecord, Reader, ReaderBuilder};

use super::csv_error::{CsvFileError, HeaderProblem, RowError};
use crate::domain::fields::Field;
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;

/// A prospect read from a row without errors, with that row for messages and undo.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedProspect {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The prospect, with id 0: the store assigns ids.
    pub prospect: Prospect,
}

/// What a readable file held: the good rows and every error of the bad ones.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    pub prospects: Vec<ImportedProspect>,
    /// Errors in row order, and within a row from left to right.
    pub errors: Vec<RowError>,
    /// The delimiter found in the header row, to tell the user how the file was read.
    pub delimiter: char,
    /// How numbers were read: `Comma` for `;` files, `Point` for `,` files.
    pub style: NumberStyle,
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
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

const NOT_UTF8: &str = "the text is not UTF-8 (save the file as CSV UTF-8)";

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
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let delimiter = detect_delimiter(bytes);
    let style = if delimiter == b';' { NumberStyle::Comma } else { NumberStyle::Point };
    let mut reader =
        ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let mut rows = RowCounter::new(bytes);
    let mut record = ByteRecord::new();
    let header = loop {
        if !read_record(&mut reader, &mut record)? {
            return Err(CsvFileError::Empty);
        }
        rows.next_row(&record, &reader);
        if !is_blank(&record) {
            break Header::parse(&record)?;
        }
    };
    let mut import =
        CsvImport { prospects: Vec::new(), errors: Vec::new(), delimiter: char::from(delimiter), style };
    while read_record(&mut reader, &mut record)? {
        let row = rows.next_row(&record, &reader);
        if row.is_multiple_of(4096) {
            progress(usize::try_from(reader.position().byte()).unwrap_or(usize::MAX));
        }
        if is_blank(&record) {
            continue;
        }
        match header.read_row(&record, style, row) {
            Ok(prospect) => import.prospects.push(ImportedProspect { row, prospect }),
            Err(errors) => import.errors.extend(errors),
        }
    }
    Ok(import)
}

fn read_record(reader: &mut Reader<&[u8]>, record: &mut ByteRecord) -> Result<bool, CsvFileError> {
    reader.read_byte_record(record).map_err(|e| CsvFileError::Read(e.to_string()))
}

/// `;` when the header row has more semicolons than commas outside quotes, else `,`.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in bytes.iter().skip_while(|b| b.is_ascii_whitespace()) {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// A row with nothing but whitespace: a spreadsheet's empty row, which holds no prospect.
fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|cell| cell.trim_ascii().is_empty())
}

/// The columns of the file, checked, and the order in which a row's cells are applied.
struct Header {
    width: usize,
    /// Each present field with its column, in `Field::ALL` order: the country is set before the
    /// registration number, which is checked against it, whatever the column order.
    order: Vec<(Field, usize)>,
}

impl Header {
    fn parse(record: &ByteRecord) -> Result<Header, CsvFileError> {
        let mut problems = Vec::new();
        let mut columns: Vec<Option<Field>> = Vec::with_capacity(record.len());
        for (column, raw) in record.iter().enumerate() {
            let field = match std::str::from_utf8(raw) {
                Err(_) => {
                    problems.push(HeaderProblem::NotUtf8 { column });
                    None
                }
                Ok(text) => {
                    let key = text.trim().to_lowercase().replace([' ', '-'], "_");
                    let field = Field::from_key(&key);
                    if key.is_empty() {
                        problems.push(HeaderProblem::Blank { column });
                    } else if field.is_none() {
                        let name = text.trim().to_string();
                        problems.push(HeaderProblem::Unknown { column, name });
                    }
                    field
                }
            };
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
        Ok(Header { width: columns.len(), order })
    }

    /// The prospect of one row, or every error in it, from left to right.
    fn read_row(
        &self,
        record: &ByteRecord,
        style: NumberStyle,
        row: usize,
    ) -> Result<Prospect, Vec<RowError>> {
        if record.len() != self.width {
            let reason = format!(
                "has {} cells but the header has {} columns (a delimiter or quote out of place?)",
                record.len(),
                self.width
            );
            return Err(vec![RowError { row, column: None, reason }]);
        }
        let mut prospect = Prospect::default();
        let mut errors: Vec<(usize, RowError)> = Vec::new();
        for &(field, column) in &self.order {
            let raw = record.get(column).unwrap_or_default();
            let set = std::str::from_utf8(raw)
                .map_err(|_| NOT_UTF8.to_string())
                .and_then(|text| field.set(&mut prospect, text, style));
            if let Err(reason) = set {
                let error = RowError { row, column: Some(field), reason };
                errors.push((column, error));
            }
        }
        if errors.is_empty() {
            return Ok(prospect);
        }
        errors.sort_by_key(|(column, _)| *column);
        Err(errors.into_iter().map(|(_, e)| e).collect())
    }
}

/// Numbers records as a spreadsheet numbers rows. The CSV reader skips blank lines and a quoted
/// cell may hold line breaks, so neither its record count nor its line count is the row.
struct RowCounter<'a> {
    bytes: &'a [u8],
    consumed: usize,
    row: usize,
}

impl<'a> RowCounter<'a> {
    fn new(bytes: &'a [u8]) -> RowCounter<'a> {
        RowCounter { bytes, consumed: 0, row: 0 }
    }

    /// The row of the record just read: one after the previous row, plus the blank lines the
    /// reader skipped before it (the line breaks it consumed that are neither inside a cell nor
    /// the record's own terminator).
    fn next_row(&mut self, record: &ByteRecord, reader: &Reader<&[u8]>) -> usize {
        let end = usize::try_from(reader.position().byte())
            .unwrap_or(self.bytes.len())
            .clamp(self.consumed, self.bytes.len());
        let consumed = line_breaks(self.bytes, self.consumed, end);
        let inside: usize = record.iter().map(|c| line_breaks(c, 0, c.len())).sum();
        let terminated = end > self.consumed && matches!(self.bytes.get(end - 1), Some(b'\r' | b'\n'));
        let blank_lines = consumed.saturating_sub(inside + usize::from(terminated));
        self.row += 1 + blank_lines;
        self.consumed = end;
        self.row
    }
}

/// Line breaks in `bytes[from..to]`, counting `\r\n` once (also across the `from` boundary).
fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    let mut previous = from.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let mut count = 0;
    for &b in bytes.get(from..to).unwrap_or_default() {
        if b == b'\r' || (b == b'\n' && previous != Some(b'\r')) {
            count += 1;
        }
        previous = Some(b);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_delimiter_comes_from_the_header_outside_quotes() {
        assert_eq!(detect_delimiter(b"name;revenue\na,b;1"), b';');
        assert_eq!(detect_delimiter(b"name,revenue\na;b,1"), b',');
        assert_eq!(detect_delimiter(b"\"na;me\",revenue\n"), b',');
        assert_eq!(detect_delimiter(b"\r\n\r\nname;city;note\n"), b';');
        assert_eq!(detect_delimiter(b"name\n;;;"), b',');
        assert_eq!(detect_delimiter(b""), b',');
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
    fn bytes_that_are_not_utf8_are_a_cell_error() {
        let import = read_prospects(b"name;city\nCaf\xe9;Li\xe8ge\nOK;Gent\n").unwrap();
        assert_eq!(import.prospects.len(), 1);
        let messages: Vec<String> = import.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [format!("row 2, column name: {NOT_UTF8}"), format!("row 2, column city: {NOT_UTF8}"),]
        );
        let header = read_prospects(b"name;cit\xe9\n").unwrap_err();
        assert!(header.to_string().contains("column B: the header is not UTF-8"));
    }
}
