//! Reading the team's portfolio: one `COPY … TO STDOUT (FORMAT binary)` in id order, cut in
//! blocks as it arrives; two threads parse and evaluate the blocks while the next one is read,
//! and each block goes on, in order, as soon as it is ready, so that rows appear at once and
//! the text never sits in memory beside the whole portfolio.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, mpsc};

use postgres::GenericClient;
use postgres::binary_copy::BinaryCopyOutIter;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;

use super::Known;
use super::connect::database_error;
use super::rows::{Json, LIVE_DECISIONS_BY_PROSPECT, fingerprint, prospect_of};
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::store::backend::{Evaluate, OnBlock};
use crate::store::error::{DbProblem, StoreError};
use crate::store::stream::Progress;

/// Rows per block: enough to keep both threads busy, few enough to show progress often.
const BLOCK_ROWS: usize = 2048;

/// One row as it came off the connection: id, version, and where its data and its decisions
/// are in the block's bytes.
type RawRow = (i64, i64, std::ops::Range<usize>, Option<std::ops::Range<usize>>);

/// Rows as they came off the connection.
#[derive(Default)]
struct Block {
    rows: Vec<RawRow>,
    bytes: Vec<u8>,
}

/// A block parsed (and evaluated when asked), with what saves later build on.
struct Parsed {
    prospects: Vec<Prospect>,
    summaries: Vec<Summary>,
    known: Vec<(u64, Known)>,
}

fn parse(block: &Block, evaluate: Evaluate) -> Result<Parsed, String> {
    let mut prospects = Vec::with_capacity(block.rows.len());
    let mut known = Vec::with_capacity(block.rows.len());
    for (id, version, data, decisions) in &block.rows {
        let decisions = decisions.clone().map(|r| &block.bytes[r]);
        let (prospect, ids) = prospect_of(*id, &block.bytes[data.clone()], decisions)?;
        let recorded = ids.into_iter().zip(prospect.history.iter().map(fingerprint)).collect();
        known.push((prospect.id, Known { version: *version, recorded }));
        prospects.push(prospect);
    }
    let summaries = match evaluate {
        Some((policy, today)) => prospects.iter().map(|p| Summary::of(p, policy, today)).collect(),
        None => Vec::new(),
    };
    Ok(Parsed { prospects, summaries, known })
}

/// The load's one query: every live prospect in id order with its live decisions, as the
/// server keeps their text (migration 3), in PostgreSQL's binary copy format. Public for the
/// benchmark, whose floor drains it unparsed.
pub fn copy_sql() -> String {
    format!(
        "COPY (SELECT p.id, p.version, p.data_text, d.decisions FROM dealdesk.prospects p \
         LEFT JOIN ({LIVE_DECISIONS_BY_PROSPECT}) d ON d.prospect_id = p.id \
         WHERE p.archived_at IS NULL ORDER BY p.id) TO STDOUT (FORMAT binary)"
    )
}

/// Reads every live prospect with its live decisions, handing blocks to `on_block` and
/// recording in `known` the version and the decisions each was read at.
pub fn load(
    client: &mut impl GenericClient,
    store: &str,
    evaluate: Evaluate,
    on_block: &mut OnBlock,
    known: &mut HashMap<u64, Known>,
) -> Result<(), StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let failed = |message: String| StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Failed,
        message: format!("a prospect cannot be read: {message}; nothing was changed"),
    };
    let mut tx = client.transaction().map_err(db)?;
    // A plan this size is cheap to run and dear to compile: PostgreSQL's JIT spent 0.66 s
    // compiling the old per-prospect subquery's plan before the first row.
    tx.batch_execute("SET LOCAL jit = off").map_err(db)?;
    let total: i64 = tx
        .query_one("SELECT count(*) FROM dealdesk.prospects WHERE archived_at IS NULL", &[])
        .map_err(db)?
        .get(0);
    let total = u64::try_from(total).unwrap_or(0);
    let reader = tx.copy_out(copy_sql().as_str()).map_err(db)?;
    let mut rows = BinaryCopyOutIter::new(reader, &[Type::INT8, Type::INT8, Type::TEXT, Type::TEXT]);
    known.clear();
    // One table the size of the book, not one grown (and rehashed) block by block; a count
    // too large to reserve just leaves it to grow.
    let _ = known.try_reserve(usize::try_from(total).unwrap_or(0));
    let (to_workers, blocks) = mpsc::sync_channel::<(usize, Block)>(4);
    let blocks = Mutex::new(blocks);
    let (to_reader, parsed) = mpsc::channel::<(usize, Result<Parsed, String>)>();
    let mut delivery = Delivery { next: 0, waiting: BTreeMap::new(), done: 0, total, error: None };
    std::thread::scope(|s| {
        for _ in 0..2 {
            let (blocks, to_reader) = (&blocks, to_reader.clone());
            s.spawn(move || {
                loop {
                    let next = blocks.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, block))) = next else { break };
                    if to_reader.send((seq, parse(&block, evaluate))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(to_reader);
        let mut block = Block::default();
        let mut sent = 0usize;
        let read = loop {
            let row = match rows.next() {
                Ok(Some(row)) => row,
                Ok(None) => break Ok(()),
                Err(e) => break Err(db(e)),
            };
            let data: Json = row.get(2);
            let decisions: Option<Json> = row.get(3);
            let start = block.bytes.len();
            block.bytes.extend_from_slice(data.0);
            let data_range = start..block.bytes.len();
            let decisions_range = decisions.map(|d| {
                let start = block.bytes.len();
                block.bytes.extend_from_slice(d.0);
                start..block.bytes.len()
            });
            block.rows.push((row.get(0), row.get(1), data_range, decisions_range));
            if block.rows.len() == BLOCK_ROWS {
                let _ = to_workers.send((sent, std::mem::take(&mut block)));
                sent += 1;
                delivery.take(parsed.try_iter(), on_block, known);
                if delivery.error.is_some() {
                    break Ok(());
                }
            }
        };
        if !block.rows.is_empty() {
            let _ = to_workers.send((sent, block));
        }
        drop(to_workers);
        delivery.take(parsed.iter(), on_block, known);
        read
    })?;
    drop(rows);
    tx.commit().map_err(db)?;
    match delivery.error {
        Some(message) => Err(failed(message)),
        None => Ok(()),
    }
}

/// Hands parsed blocks on in the order they were read.
struct Delivery {
    next: usize,
    waiting: BTreeMap<usize, Parsed>,
    done: u64,
    total: u64,
    error: Option<String>,
}

impl Delivery {
    fn take(
        &mut self,
        arrived: impl Iterator<Item = (usize, Result<Parsed, String>)>,
        on_block: &mut OnBlock,
        known: &mut HashMap<u64, Known>,
    ) {
        for (seq, result) in arrived {
            match result {
                Ok(parsed) => {
                    self.waiting.insert(seq, parsed);
                }
                Err(message) => {
                    self.error.get_or_insert(message);
                }
            }
        }
        if self.error.is_some() {
            return;
        }
        while let Some(parsed) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.done += parsed.prospects.len() as u64;
            known.extend(parsed.known);
            let progress =
                Progress { done: self.done, total: self.total.max(self.done), started_over: false };
            on_block(parsed.prospects, parsed.summaries, progress);
        }
    }
}
