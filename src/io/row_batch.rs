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
