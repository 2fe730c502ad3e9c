//! How CSV text becomes records and a header: the delimiter the header row uses, a csv reader
//! over any part of the text, and the checked header that turns a record's cells into a
//! prospect. Kept apart from `csv_import`, which drives the reading and numbers the rows.

use std::borrow::Cow;

use csv::{ByteRecord, Reader, ReaderBuilder};

use super::columns::{Layout, RowCells, layout, read_cells, read_terms};
use super::csv_error::{CsvFileError, RowError};
use crate::domain::fields::Field;
use crate::domain::money::NumberStyle;
use crate::domain::terms::given::GivenTerms;

/// A reader over the text from byte `from` on: one reader for the whole file, or a new one
/// after a row that was read again by hand.
pub(super) fn reader_at(bytes: &[u8], from: usize, delimiter: u8) -> Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes.get(from..).unwrap_or_default())
}

/// Where the reader is in the whole text.
pub(super) fn position(reader: &Reader<&[u8]>, base: usize) -> usize {
    base.saturating_add(usize::try_from(reader.position().byte()).unwrap_or(usize::MAX))
}

pub(super) fn read_record(reader: &mut Reader<&[u8]>, record: &mut ByteRecord) -> Result<bool, CsvFileError> {
    reader.read_byte_record(record).map_err(|e| CsvFileError::Read(e.to_string()))
}

/// The delimiter of the header row: whichever of `;`, tab and `,` it has most of outside
/// quotes (`,` when none).
pub(super) fn detect_delimiter(bytes: &[u8]) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    for &b in bytes.iter().skip_while(|b| matches!(b, b'\r' | b'\n' | b' ')) {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|c| *c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    CANDIDATES[best]
}

/// A cell's text. `decode` made the whole text UTF-8, and a cell ends only at ASCII bytes, so
/// the check (much cheaper than a lossy conversion) always succeeds; the lossy one stays for
/// safety.
fn cell_text(raw: &[u8]) -> Cow<'_, str> {
    std::str::from_utf8(raw).map_or_else(|_| String::from_utf8_lossy(raw), Cow::Borrowed)
}

/// A row with nothing but whitespace: a spreadsheet's empty row, which holds no prospect.
pub(super) fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|cell| cell.trim_ascii().is_empty())
}

/// The columns of the file, checked, and the order in which a row's cells are applied.
pub(super) struct Header {
    /// Each present field with its column, in `Field::ALL` order: the country is set before the
    /// registration number, which is checked against it, whatever the column order.
    layout: Layout,
}

impl Header {
    pub(super) fn parse(record: &ByteRecord) -> Result<Header, CsvFileError> {
        let cells: Vec<String> = record.iter().map(|raw| String::from_utf8_lossy(raw).into_owned()).collect();
        Ok(Header { layout: layout(&cells)? })
    }

    pub(super) fn read_terms(
        &self,
        record: &ByteRecord,
        style: NumberStyle,
        row: usize,
    ) -> Result<GivenTerms, Vec<RowError>> {
        read_terms(&self.layout.terms, row, style, |column| {
            Ok(cell_text(record.get(column).unwrap_or_default()))
        })
    }

    pub(super) fn field_at(&self, column: usize) -> Option<Field> {
        self.layout.fields.get(column).copied().flatten()
    }

    /// The prospect of one row and the fields it filled in, or every error in it, from left to
    /// right.
    pub(super) fn read_row(
        &self,
        record: &ByteRecord,
        style: NumberStyle,
        row: usize,
    ) -> Result<RowCells, Vec<RowError>> {
        if record.len() != self.layout.fields.len() {
            let reason = format!(
                "has {} cells but the header has {} columns (a delimiter or quote out of place?)",
                record.len(),
                self.layout.fields.len()
            );
            return Err(vec![RowError { row, column: None, reason }]);
        }
        read_cells(&self.layout, row, style, |column| Ok(cell_text(record.get(column).unwrap_or_default())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn tabs_count_in_detection() {
        assert_eq!(detect_delimiter(b"name\trevenue\tcity\n"), b'\t');
        assert_eq!(detect_delimiter(b"name\tcity;x\n"), b'\t');
        assert_eq!(detect_delimiter(b"a;b;c\td\n"), b';');
    }
}
