//! CSV rows parsed a batch at a time on every core, while the csv reader, which must see the
//! whole text in order, stays on one thread. A row's prospect and its errors depend on that row
//! alone, so the results, errors and their messages included, are those of parsing the rows one
//! by one, and they come out in file order.

use csv::ByteRecord;
use rayon::prelude::*;

use super::csv_import::RowRead;

/// Rows a batch holds before it is parsed: enough to share among the cores, few enough that
/// the records and their prospects stay small (about 2 MB).
const ROWS: usize = 2048;

/// Rows below this many stay on one task: waking another thread costs more than they do.
const PER_TASK: usize = 64;

/// Records read and kept, each with where it starts in the text and its spreadsheet row.
#[derive(Default)]
pub(crate) struct RowBatch {
    /// The kept records, then spares that are read into again (their buffers reused).
    records: Vec<ByteRecord>,
    /// (start, row) of each kept record.
    at: Vec<(usize, usize)>,
}

impl RowBatch {
    /// The record to read the next row into: kept by `keep`, or read over by the next one.
    pub fn spare(&mut self) -> &mut ByteRecord {
        let kept = self.at.len();
        if self.records.len() == kept {
            self.records.push(ByteRecord::new());
        }
        &mut self.records[kept]
    }

    /// Keeps the record just read into `spare`: row `row`, starting at byte `start`.
    pub fn keep(&mut self, start: usize, row: usize) {
        self.at.push((start, row));
    }

    pub fn is_full(&self) -> bool {
        self.at.len() >= ROWS
    }

    /// Parses the kept records (`parse(record, row)`) in file order, each with its start and
    /// row, and empties the batch; with `keep_last` the last record stays, unparsed, as the
    /// first of the next batch (the reader's last record waits until another comes).
    pub fn parse(
        &mut self,
        keep_last: bool,
        parse: &(dyn Fn(&ByteRecord, usize) -> RowRead + Sync),
    ) -> Vec<(usize, usize, RowRead)> {
        let kept = self.at.len();
        let count = if keep_last { kept.saturating_sub(1) } else { kept };
        let reads = self.records[..count]
            .par_iter()
            .zip(&self.at[..count])
            .with_min_len(PER_TASK)
            .map(|(record, &(start, row))| (start, row, parse(record, row)))
            .collect();
        if count < kept {
            self.records.swap(0, count);
            self.at.swap(0, count);
        }
        self.at.truncate(kept - count);
        reads
    }
}

#[cfg(test)]
mod tests {
    use super::ROWS;
    use crate::io::csv_error::RowError;
    use crate::io::csv_import::{ImportedProspect, read_prospects};

    const HEADER: &str = "name;country;revenue;note\n";

    /// What a data row holds. The multi-line kinds put line breaks inside a quoted cell, so
    /// the file's line numbers run ahead of its spreadsheet rows.
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Good,
        GoodMultiLine,
        BadRevenue,
        /// Empty name, unknown country and a bad revenue: three errors, left to right.
        BadMany,
        /// Fewer cells than the header has columns.
        BadCells,
        /// Empty name, and a note over three lines.
        BadMultiLine,
        /// A quote that opens the last cell of the file and is never closed.
        Unclosed,
    }

    impl Kind {
        fn text(self, k: usize) -> String {
            match self {
                Kind::Good => format!("Firma {k} NV;BE;{k}000,50;plain\n"),
                Kind::GoodMultiLine => {
                    format!("Firma {k} NV;BE;{k};\"line one\nline two\r\n\r\nline four\"\n")
                }
                Kind::BadRevenue => format!("Firma {k} NV;BE;lots;x\n"),
                Kind::BadMany => format!(";ZZ;lots {k};x\n"),
                Kind::BadCells => format!("Firma {k} NV;BE\n"),
                Kind::BadMultiLine => format!(";BE;{k};\"a\r\nb\nc\"\n"),
                Kind::Unclosed => format!("Firma {k} NV;BE;1;\"never closed\n"),
            }
        }

        fn is_bad(self) -> bool {
            !matches!(self, Kind::Good | Kind::GoodMultiLine)
        }
    }

    /// The kind of the `k`-th non-blank data row of a file of `n`. A batch keeps its last
    /// record for the next one, so batch `j` (from 1) parses rows `(j-1)(ROWS-1)+1` to
    /// `j(ROWS-1)`: with 2048, rows 1–2047, 2048–4094, 4095–6141. The rows on either side of
    /// those ends get every kind of bad row and multi-line cells.
    fn kind(k: usize, n: usize) -> Kind {
        if k == n {
            return Kind::Unclosed;
        }
        if k == 1 {
            return Kind::BadRevenue;
        }
        for batch in 1..=2 {
            let last = batch * (ROWS - 1);
            let around = [
                Kind::BadRevenue,
                Kind::GoodMultiLine,
                if batch == 1 { Kind::BadMultiLine } else { Kind::GoodMultiLine },
                if batch == 1 { Kind::BadMany } else { Kind::BadMultiLine },
                Kind::GoodMultiLine,
                Kind::BadCells,
            ];
            if let Some(offset) = (k + 2).checked_sub(last).filter(|o| *o < around.len()) {
                return around[offset];
            }
        }
        match k {
            _ if k.is_multiple_of(331) => Kind::BadMany,
            _ if k.is_multiple_of(97) => Kind::GoodMultiLine,
            _ => Kind::Good,
        }
    }

    /// The file of `n` data rows, blank rows here and there, and each data row's text and
    /// spreadsheet row (the header is row 1; a blank row is a row; a multi-line cell is not).
    fn file(n: usize) -> (String, Vec<(usize, Kind, String)>) {
        let (mut text, mut rows, mut row) = (HEADER.to_string(), Vec::new(), 1);
        for k in 1..=n {
            for (every, blank) in [(500, "\n"), (777, ";;;\r\n"), (ROWS - 1, "  ;\n")] {
                if k.is_multiple_of(every) {
                    text.push_str(blank);
                    row += 1;
                }
            }
            let kind = kind(k, n);
            let line = kind.text(k);
            text.push_str(&line);
            row += 1;
            rows.push((row, kind, line));
        }
        (text, rows)
    }

    /// The first index where two lists differ, to show one item rather than thousands.
    fn first_difference<T: PartialEq>(got: &[T], want: &[T]) -> Option<usize> {
        (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i))
    }

    #[test]
    fn rows_around_batch_ends_read_as_they_read_alone() {
        for n in [ROWS, 2 * ROWS - 1, 2 * ROWS + ROWS / 2] {
            let (text, rows) = file(n);
            let (mut prospects, mut errors, mut bad_rows) = (Vec::new(), Vec::new(), Vec::new());
            for (row, kind, line) in &rows {
                let alone = read_prospects(format!("{HEADER}{line}").as_bytes()).unwrap();
                assert!(
                    alone.prospects.iter().all(|p| p.row == 2) && alone.errors.iter().all(|e| e.row == 2),
                    "one row alone is row 2: {line:?}"
                );
                prospects.extend(alone.prospects.into_iter().map(|p| ImportedProspect { row: *row, ..p }));
                errors.extend(alone.errors.into_iter().map(|e| RowError { row: *row, ..e }));
                if kind.is_bad() {
                    bad_rows.push(*row);
                }
            }
            let whole = read_prospects(text.as_bytes()).unwrap();

            assert_eq!(whole.bad_rows(), bad_rows, "file of {n} rows: the bad rows");
            let last = errors.last().unwrap();
            assert!(last.reason.contains("never closed"), "the last row's error: {last:?}");
            assert_eq!(last.row, rows[n - 1].0);
            if let Some(i) = first_difference(&whole.prospects, &prospects) {
                panic!(
                    "file of {n} rows, prospect {i}: {:?}\nalone: {:?}",
                    whole.prospects.get(i),
                    prospects.get(i)
                );
            }
            if let Some(i) = first_difference(&whole.errors, &errors) {
                panic!("file of {n} rows, error {i}: {:?}\nalone: {:?}", whole.errors.get(i), errors.get(i));
            }
            assert_eq!(whole.prospects.len() + bad_rows.len(), n);
        }
    }
}
