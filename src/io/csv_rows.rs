//! Where CSV records begin and end, as the csv reader sees them: the spreadsheet row of each
//! record, and a quote that opens a cell and is never closed.

use csv::ByteRecord;

/// Numbers records as a spreadsheet numbers rows. The CSV reader skips blank lines and a quoted
/// cell may hold line breaks, so neither its record count nor its line count is the row.
pub struct RowCounter<'a> {
    bytes: &'a [u8],
    /// Where the last record read ended (offset into `bytes`).
    pub consumed: usize,
    row: usize,
}

impl<'a> RowCounter<'a> {
    pub fn new(bytes: &'a [u8]) -> RowCounter<'a> {
        RowCounter { bytes, consumed: 0, row: 0 }
    }

    /// The row of the record just read, which ends at `end`: one after the previous row, plus
    /// the blank lines the reader skipped before it (the line breaks it consumed that are
    /// neither inside a cell nor the record's own terminator).
    pub fn next_row(&mut self, record: &ByteRecord, end: usize) -> usize {
        let end = end.clamp(self.consumed, self.bytes.len());
        let consumed = line_breaks(self.bytes, self.consumed, end);
        let terminated = end > self.consumed && matches!(self.bytes.get(end - 1), Some(b'\r' | b'\n'));
        // The common record, one line and its terminator, has no line break to look for inside.
        let inside: usize = if consumed <= usize::from(terminated) {
            0
        } else {
            record.iter().map(|c| line_breaks(c, 0, c.len())).sum()
        };
        let blank_lines = consumed.saturating_sub(inside + usize::from(terminated));
        self.row += 1 + blank_lines;
        self.consumed = end;
        self.row
    }

    /// Goes on after a record that was read again by hand: it was row `row` and ends at `end`.
    pub fn resume(&mut self, row: usize, end: usize) {
        (self.row, self.consumed) = (row, end);
    }
}

/// Line breaks in `bytes[from..to]`, counting `\r\n` once (also across the `from` boundary).
pub fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
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

/// One record as the reader would split it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// Where the record ends, after its line break.
    pub end: usize,
    /// A quote that opens a cell and is still open at the end of the file: its offset and the
    /// 0-based column of its cell.
    pub open_quote: Option<(usize, usize)>,
}

/// Scans the record that starts at `start` (after any blank lines) as the csv reader reads
/// quotes: a quote opens a cell only at its start, `""` inside is a quote, and after the
/// closing quote the cell goes on unquoted. The quotes at the offsets in `plain` count as
/// ordinary characters.
pub fn scan_record(bytes: &[u8], start: usize, delimiter: u8, plain: &[usize]) -> Scan {
    #[derive(PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut i = start;
    while matches!(bytes.get(i), Some(b'\r' | b'\n')) {
        i += 1;
    }
    let (mut state, mut opened, mut column) = (State::CellStart, (0, 0), 0);
    while let Some(&c) = bytes.get(i) {
        let line_break = c == b'\r' || c == b'\n';
        if line_break && state != State::Quoted {
            let crlf = c == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            return Scan { end: i + 1 + usize::from(crlf), open_quote: None };
        }
        state = match state {
            State::CellStart | State::AfterQuote if c == delimiter => {
                column += 1;
                State::CellStart
            }
            State::CellStart if c == b'"' && !plain.contains(&i) => {
                opened = (i, column);
                State::Quoted
            }
            State::Unquoted if c == delimiter => {
                column += 1;
                State::CellStart
            }
            State::Quoted if c == b'"' => State::AfterQuote,
            State::Quoted => State::Quoted,
            State::AfterQuote if c == b'"' => State::Quoted,
            _ => State::Unquoted,
        };
        i += 1;
    }
    let open_quote = (state == State::Quoted).then_some(opened);
    Scan { end: bytes.len(), open_quote }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_end_where_the_reader_ends_them() {
        let scan = |text: &str, start| scan_record(text.as_bytes(), start, b';', &[]);
        assert_eq!(scan("a;b\nc", 0), Scan { end: 4, open_quote: None });
        assert_eq!(scan("\r\n\r\na;b\r\nc", 0), Scan { end: 9, open_quote: None });
        assert_eq!(scan("\"a\nb\";c\nd", 0), Scan { end: 8, open_quote: None });
        assert_eq!(scan("\"a\"\"\n\";c\nd", 0), Scan { end: 9, open_quote: None });
        assert_eq!(scan("a\"b;c\nd", 0), Scan { end: 6, open_quote: None }, "a quote inside a cell");
        assert_eq!(scan("x;\"open\nrest\n", 0), Scan { end: 13, open_quote: Some((2, 1)) });
        assert_eq!(scan("last", 0), Scan { end: 4, open_quote: None });
    }

    #[test]
    fn a_plain_quote_no_longer_opens_a_cell() {
        let text = b"x;\"open\nrest;\"also\nmore\n";
        assert_eq!(scan_record(text, 0, b';', &[2]).end, 8);
        assert_eq!(scan_record(text, 8, b';', &[]).open_quote, Some((13, 1)));
    }
}
