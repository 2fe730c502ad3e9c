//! Reading a store file block by block, so that a large portfolio never sits in memory twice
//! (as text and as prospects) and its first prospects reach the screen while the rest loads.
//!
//! The store writes one prospect per line between a header line and a closing line; that
//! layout is read line by line, the lines of each block parsed on every core (rayon). A file
//! in any other layout (edited by hand, pretty-printed) is read whole, as before. Reading
//! evaluates nothing: the portfolio's loader (`crate::portfolio::load`) does, block by block.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use rayon::prelude::*;

use super::target::{open_regular, read_regular};
use super::{SCHEMA_VERSION, StoreError, decode, ids};
use crate::domain::prospect::Prospect;

/// Bytes read per block: large enough to keep every core busy, small enough to show progress
/// often.
const BLOCK: usize = 4 << 20;

/// How far the reading is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    /// Everything handed on before this block is to be forgotten: the file turned out to be
    /// in another layout and is being read again, whole.
    pub started_over: bool,
}

impl Progress {
    pub fn percent(self) -> u64 {
        (self.done * 100).checked_div(self.total).unwrap_or(0).min(100)
    }
}

/// The schema of a header line written by `encode`, if the line is one.
fn header_schema(line: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(line).ok()?.trim();
    let rest = text.strip_prefix("{\"schema\":")?.strip_suffix("\"prospects\": [")?;
    rest.trim().strip_suffix(',')?.trim().parse().ok()
}

/// Parses the prospect lines of a block (`{…},` each) on every core; `first_line` numbers
/// them for errors.
fn parse_block(block: &[u8], first_line: usize, path: &Path) -> Result<Vec<Prospect>, StoreError> {
    // Checking the whole block's UTF-8 at once lets each line parse as text, unchecked again.
    let text = std::str::from_utf8(block).map_err(|e| {
        let line = first_line + block[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count();
        let message = "the text is not UTF-8".to_string();
        StoreError::Corrupt { path: path.to_path_buf(), line, column: 1, message }
    })?;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.trim();
            let line = line.strip_suffix(',').unwrap_or(line);
            (!line.is_empty()).then_some((first_line + i, line))
        })
        .collect();
    lines.par_iter().map(|&(number, line)| parse_line(line, number, path)).collect()
}

/// Parses one prospect's line, the `number`th of the file.
fn parse_line(line: &str, number: usize, path: &Path) -> Result<Prospect, StoreError> {
    serde_json::from_str::<Prospect>(line).map_err(|e| {
        let de = &mut serde_json::Deserializer::from_str(line);
        let message = match serde_path_to_error::deserialize::<_, Prospect>(de) {
            Err(traced) if !traced.path().to_string().is_empty() && traced.path().to_string() != "." => {
                // The header is line 1, so the first prospect is on line 2.
                format!("prospects[{}].{}: {}", number.saturating_sub(2), traced.path(), traced.inner())
            }
            _ => e.to_string(),
        };
        StoreError::Corrupt { path: path.to_path_buf(), line: number, column: e.column(), message }
    })
}

/// What a reader hands on per block: its prospects and the progress.
type OnBlock<'a> = dyn FnMut(Vec<Prospect>, Progress) + 'a;

/// Reads the store at `path`, handing its prospects to `chunk` block by block with the
/// progress so far. A missing file is an empty portfolio. Errors name the file, line and
/// column, as `decode` does. Once all is read, the ids are checked (`ids::find_problem`).
pub fn read_in_chunks(path: &Path, chunk: &mut OnBlock) -> Result<(), StoreError> {
    let mut seen = Vec::new();
    read_layout(path, &mut |prospects, progress| {
        if progress.started_over {
            seen.clear();
        }
        seen.extend(prospects.iter().map(|p| p.id));
        chunk(prospects, progress);
    })?;
    match ids::find_problem(&seen) {
        None => Ok(()),
        Some(problem) => {
            // Only now are the names wanted: the file is read again, whole, to find them.
            let prospects = read_regular(path).ok().flatten().and_then(|b| decode(&b, path).ok());
            let problem = ids::describe(problem, prospects.as_deref().unwrap_or_default());
            Err(StoreError::Ids { path: path.to_path_buf(), problem })
        }
    }
}

/// Reads the file in the layout it has: line by line when it is the one `encode` writes,
/// whole otherwise.
fn read_layout(path: &Path, chunk: &mut OnBlock) -> Result<(), StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_path_buf(), action: "read", source };
    let Some(file) = open_regular(path)? else { return Ok(()) };
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut header = Vec::new();
    reader.read_until(b'\n', &mut header).map_err(io_err)?;
    let Some(schema) = header_schema(&header) else {
        // Not the layout this program writes: read it whole.
        let mut bytes = header;
        reader.read_to_end(&mut bytes).map_err(io_err)?;
        chunk(decode(&bytes, path)?, Progress { done: total, total, started_over: false });
        return Ok(());
    };
    if schema > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: schema });
    }
    let (mut done, mut line) = (header.len() as u64, 2usize);
    // `carry` holds what is read but not yet parsed: whole lines are parsed, the partial last
    // line waits for the next read.
    // Read no more at once than the file holds, so that a small store costs a small buffer.
    let step = usize::try_from(total).unwrap_or(BLOCK).clamp(1 << 12, BLOCK);
    let mut carry: Vec<u8> = Vec::with_capacity(step + (1 << 16));
    let mut closed = false;
    loop {
        let filled = carry.len();
        carry.resize(filled + step, 0);
        let n = reader.read(&mut carry[filled..]).map_err(io_err)?;
        carry.truncate(filled + n);
        if n == 0 {
            break;
        }
        let Some(end) = carry.iter().rposition(|b| *b == b'\n').map(|i| i + 1) else { continue };
        let complete = &carry[..end];
        done += end as u64;
        let lines = complete.iter().filter(|b| **b == b'\n').count();
        let body = strip_closing(complete);
        let last = body.is_some();
        let prospects = match parse_block(body.unwrap_or(complete), line, path) {
            Ok(parsed) => parsed,
            // Valid JSON in another layout (two prospects on a line, one over two lines) reads
            // whole; a file that is really broken gets the whole-text parser's diagnosis.
            Err(StoreError::Corrupt { .. }) => return read_whole_again(path, total, chunk),
            Err(e) => return Err(e),
        };
        line += lines;
        carry.drain(..end);
        let prospects = super::migrate::from_schema(prospects, schema);
        chunk(prospects, Progress { done, total, started_over: false });
        if last {
            closed = true;
            break;
        }
    }
    if closed {
        return nothing_after_the_end(reader, carry, line, path);
    }
    if strip_closing(&carry).is_none() {
        // No closing line: a truncated file, or the closing shares the last line. The whole-text
        // parser tells which, and where.
        return read_whole_again(path, total, chunk);
    }
    Ok(())
}

/// After the closing line only white space may follow: anything else (a second portfolio
/// pasted on, a stray edit) would be dropped by the next save, so it is an error that says
/// where it starts.
fn nothing_after_the_end(
    mut reader: impl Read,
    mut rest: Vec<u8>,
    first_line: usize,
    path: &Path,
) -> Result<(), StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_path_buf(), action: "read", source };
    let (mut line, mut column) = (first_line, 1usize);
    loop {
        for &b in &rest {
            match b {
                b'\n' => (line, column) = (line + 1, 1),
                b' ' | b'\t' | b'\r' => column += 1,
                _ => {
                    let message = "bytes after the store's closing line".to_string();
                    return Err(StoreError::Corrupt { path: path.to_path_buf(), line, column, message });
                }
            }
        }
        rest.resize(1 << 16, 0);
        let n = reader.read(&mut rest).map_err(io_err)?;
        if n == 0 {
            return Ok(());
        }
        rest.truncate(n);
    }
}

/// Reads the file whole after the line reader found a line it could not take; what was
/// handed on so far is taken back with `started_over`.
fn read_whole_again(path: &Path, total: u64, chunk: &mut OnBlock) -> Result<(), StoreError> {
    let bytes = read_regular(path)?.unwrap_or_default();
    chunk(decode(&bytes, path)?, Progress { done: total, total, started_over: true });
    Ok(())
}

/// The block without its closing `]}` line, when its last line is that. (A prospect with a
/// decision history also ends in `]}`, but never on a line of its own.)
fn strip_closing(block: &[u8]) -> Option<&[u8]> {
    let trimmed = block.trim_ascii_end();
    let start = trimmed.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    (trimmed[start..].trim_ascii() == b"]}").then_some(&trimmed[..start])
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
