//! The whole portfolio in the table's order, laid out for the filter: the prospects' folded
//! names in one buffer per chunk, their figures for the totals and their quick-filter tags side
//! by side, and whether each is shown. A filter keystroke then reads memory front to back, on
//! every core (rayon, a chunk per task), instead of jumping around the portfolio by position (a cache miss per prospect
//! at 1M).
//!
//! The order is cut in chunks of a few thousand entries, so that an edit that moves a row
//! from one end of a million-row order to the other shifts two chunks, not the whole list.

use rayon::prelude::*;

use super::Portfolio;
use super::filter::{Filter, Tags};
use super::names::NameIndex;
use super::query::Rank;
use crate::domain::summary::{FIGURES, Totals};

/// Entries per chunk when the order is laid out; a chunk that grows to twice this is split.
pub const CHUNK: usize = 4096;

/// A list of portfolio positions in display order, as binary searches read it.
pub trait Positions {
    fn count(&self) -> usize;
    /// The portfolio position at place `k` (< `count`).
    fn at(&self, k: usize) -> usize;
}

impl Positions for [usize] {
    fn count(&self) -> usize {
        self.len()
    }

    fn at(&self, k: usize) -> usize {
        self[k]
    }
}

/// What the filters and the totals read of one prospect.
#[derive(Debug, Clone, Copy)]
struct Entry {
    cents: [i64; FIGURES],
    tags: Tags,
    /// The prospect's id, for "only the marked".
    id: u64,
}

impl Entry {
    /// What the filters read of the prospect at a position, all from its summary (the prospect
    /// itself is not read: laying out the order would miss the cache once more per entry);
    /// none without a summary, as `Filter::keeps` treats it: shown by name, never by a quick
    /// filter, and out of the totals.
    fn of(portfolio: &Portfolio, index: usize) -> Option<Entry> {
        let s = portfolio.summary(index)?;
        Some(Entry { cents: s.cents, tags: Tags::of(s), id: s.id })
    }
}

/// A run of the order: portfolio positions, folded names, figures and shown flags, side by side.
#[derive(Debug, Clone, Default)]
struct Chunk {
    index: Vec<usize>,
    names: NameIndex,
    entries: Vec<Option<Entry>>,
    shown: Vec<bool>,
}

impl Chunk {
    fn push(&mut self, portfolio: &Portfolio, index: usize) {
        self.index.push(index);
        self.names.push_folded(portfolio.folded_name(index));
        self.entries.push(Entry::of(portfolio, index));
        self.shown.push(false);
    }

    fn insert(&mut self, portfolio: &Portfolio, at: usize, index: usize, shown: bool) {
        self.index.insert(at, index);
        self.names.insert(at, portfolio.prospect(index).map_or("", |p| p.name.as_str()));
        self.entries.insert(at, Entry::of(portfolio, index));
        self.shown.insert(at, shown);
    }

    fn remove(&mut self, at: usize) {
        self.index.remove(at);
        self.names.remove(at);
        self.entries.remove(at);
        self.shown.remove(at);
    }

    /// The second half of this chunk, taken off it.
    fn split(&mut self) -> Chunk {
        let half = self.index.len() / 2;
        let mut names = [NameIndex::default(), NameIndex::default()];
        for k in 0..self.index.len() {
            names[usize::from(k >= half)].push_folded(self.names.get(k));
        }
        let [front, back] = names;
        self.names = front;
        Chunk {
            index: self.index.split_off(half),
            names: back,
            entries: self.entries.split_off(half),
            shown: self.shown.split_off(half),
        }
    }

    /// The rows of this chunk that pass `filter` (all entries, or when `narrow` only those
    /// shown), by how well each matches the query, recording which pass.
    fn filter(&mut self, filter: &Filter, narrow: bool) -> Passed {
        let matcher = filter.words.matcher();
        let mut passed = Passed::default();
        for (k, keep) in self.shown.iter_mut().enumerate() {
            if narrow && !*keep {
                continue;
            }
            let e = self.entries[k].as_ref();
            let rank = if (!filter.quick() || e.is_some_and(|e| filter.tags_pass(e.tags)))
                && (filter.only.is_none() || filter.kept_by_id(e.map(|e| e.id)))
            {
                matcher.rank(self.names.get(k))
            } else {
                None
            };
            *keep = rank.is_some();
            if let Some(rank) = rank {
                passed.rows[rank as usize].push(self.index[k]);
                if let Some(e) = e {
                    passed.totals.add_cents(&e.cents);
                }
            }
        }
        passed
    }
}

/// What passed a filter in one chunk: portfolio positions, one list per rank of their match,
/// each in display order, and their totals.
#[derive(Debug, Default)]
struct Passed {
    rows: Ranked,
    totals: Totals,
}

/// Rows that pass a filter, one list per rank of their match, each in display order.
type Ranked = [Vec<usize>; Rank::COUNT];

/// The rows of ranked lists, best rank first, the lists of parts in order at each rank.
fn best_first(parts: &[Ranked]) -> Vec<usize> {
    let mut rows = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
    for rank in 0..Rank::COUNT {
        for part in parts {
            rows.extend_from_slice(&part[rank]);
        }
    }
    rows
}

/// The portfolio in display order, with what the filter reads beside each position.
#[derive(Debug, Clone)]
pub struct DisplayOrder {
    chunks: Vec<Chunk>,
    /// The place in the order of each chunk's first entry.
    starts: Vec<usize>,
    len: usize,
    /// Entries per chunk as laid out; a chunk of twice this is split.
    chunk: usize,
}

impl Default for DisplayOrder {
    fn default() -> DisplayOrder {
        DisplayOrder { chunks: Vec::new(), starts: Vec::new(), len: 0, chunk: CHUNK }
    }
}

impl Positions for DisplayOrder {
    fn count(&self) -> usize {
        self.len
    }

    fn at(&self, k: usize) -> usize {
        let (c, offset) = self.find(k);
        self.chunks.get(c).and_then(|chunk| chunk.index.get(offset)).copied().unwrap_or(usize::MAX)
    }
}

impl DisplayOrder {
    /// Lays out the portfolio in `order` (positions in the portfolio, sorted) in chunks of `chunk`
    /// entries, each chunk on whichever core is free; nothing shown yet.
    pub fn in_chunks_of(portfolio: &Portfolio, order: &[usize], chunk: usize) -> DisplayOrder {
        let lay_out = |part: &[usize]| {
            // Room for names of 32 bytes: reading each name's length first would cost a
            // second pass over names scattered in memory.
            let mut c = Chunk {
                index: Vec::with_capacity(part.len()),
                names: NameIndex::with_capacity(part.len(), part.len() * 32),
                entries: Vec::with_capacity(part.len()),
                shown: Vec::with_capacity(part.len()),
            };
            part.iter().for_each(|&i| c.push(portfolio, i));
            c
        };
        // One chunk stays on this thread: handing it to rayon's pool only adds the wake-up.
        let chunks = if order.len() <= chunk {
            order.chunks(chunk.max(1)).map(lay_out).collect()
        } else {
            order.par_chunks(chunk.max(1)).map(lay_out).collect()
        };
        let mut order = DisplayOrder { chunks, starts: Vec::new(), len: 0, chunk: chunk.max(1) };
        order.recount_starts();
        order
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Counts the chunks' starts again after a change of their lengths.
    fn recount_starts(&mut self) {
        self.chunks.retain(|c| !c.index.is_empty());
        self.starts.clear();
        let mut start = 0;
        for c in &self.chunks {
            self.starts.push(start);
            start += c.index.len();
        }
        self.len = start;
    }

    /// The chunk holding place `k`, and the offset in it; the end of the order is the end of
    /// the last chunk.
    fn find(&self, k: usize) -> (usize, usize) {
        let c = self.starts.partition_point(|&s| s <= k).saturating_sub(1);
        (c, k - self.starts.get(c).copied().unwrap_or(0))
    }

    /// Where a position of the portfolio stands in the order (a linear search).
    pub fn position_of(&self, index: usize) -> Option<usize> {
        self.chunks
            .iter()
            .zip(&self.starts)
            .find_map(|(c, start)| c.index.iter().position(|&i| i == index).map(|k| start + k))
    }

    /// The rows that pass `filter` (positions in the portfolio, by how well each matches the
    /// query, then in display order) and their totals. `narrow`: the filter only got stricter,
    /// so only the entries shown are tested. The chunks are filtered on every core, then their
    /// rows joined, best rank first and in order at each rank.
    pub fn filter(&mut self, filter: &Filter, narrow: bool) -> (Vec<usize>, Totals) {
        let parts: Vec<Passed> = if self.chunks.len() <= 1 {
            self.chunks.iter_mut().map(|c| c.filter(filter, narrow)).collect()
        } else {
            self.chunks.par_iter_mut().map(|c| c.filter(filter, narrow)).collect()
        };
        let mut totals = Totals::default();
        let mut ranked = Vec::with_capacity(parts.len());
        for part in parts {
            totals.merge(&part.totals);
            ranked.push(part.rows);
        }
        (best_first(&ranked), totals)
    }

    /// Moves the entry at `from` to `to` (a place counted without it), with its name and
    /// figures taken afresh from the portfolio, and records whether it is shown.
    pub fn relocate(&mut self, portfolio: &Portfolio, from: usize, to: usize, shown: bool) {
        let Some(index) = (from < self.len).then(|| self.at(from)) else { return };
        self.remove(from);
        self.insert(portfolio, to, index, shown);
    }

    /// Adds a position of the portfolio at place `at` in the order.
    pub fn insert(&mut self, portfolio: &Portfolio, at: usize, index: usize, shown: bool) {
        let at = at.min(self.len);
        if self.chunks.is_empty() {
            self.chunks.push(Chunk::default());
        }
        // The end of a chunk belongs to it, so that the end of the order is the last chunk's.
        let c = match self.find(at) {
            (c, 0) if c > 0 => c - 1,
            (c, _) => c,
        };
        let offset = at - self.starts.get(c).copied().unwrap_or(0);
        self.chunks[c].insert(portfolio, offset, index, shown);
        if self.chunks[c].index.len() >= 2 * self.chunk {
            let back = self.chunks[c].split();
            self.chunks.insert(c + 1, back);
        }
        self.recount_starts();
    }

    pub fn remove(&mut self, at: usize) {
        if at < self.len {
            let (c, offset) = self.find(at);
            self.chunks[c].remove(offset);
            self.recount_starts();
        }
    }

    /// Portfolio positions from `index` on moved by one (a prospect put back or taken out there).
    pub fn shift(&mut self, index: usize, up: bool) {
        for i in self.chunks.iter_mut().flat_map(|c| c.index.iter_mut()).filter(|i| **i >= index) {
            *i = if up { *i + 1 } else { i.saturating_sub(1) };
        }
    }
}

#[cfg(test)]
mod tests;
