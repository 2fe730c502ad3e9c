//! The prospects `eval` reads, handed on in batches so that no input sits in memory whole as
//! prospects: a store file block by block (`store::stream`), a JSON array element by element,
//! CSV and spreadsheet rows one by one, each with the terms its term columns give, and a filing
//! of annual accounts as `import` reads it (`ImportFile::bring`). A bad row is an `Err` with its
//! message, so that the caller can stop or skip it.

use std::borrow::Borrow;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use serde::de::{DeserializeSeed, SeqAccess, Visitor};

use super::read_input;
use crate::domain::date::Date;
use crate::domain::prospect::Prospect;
use crate::domain::terms::given::GivenTerms;
use crate::io::csv_import::read_rows;
use crate::io::import_file::read_import_file;
use crate::io::nbb::is_filing;
use crate::io::sheet_import::{is_workbook, read_sheet};
use crate::store::{self, StoreError};

/// One input row: the prospect with the terms it gives, or why it cannot be one.
pub type Row = Result<Given, String>;

/// A prospect and the terms its row gives for it (none but from a CSV's or a sheet's term
/// columns).
pub struct Given {
    pub prospect: Prospect,
    pub terms: GivenTerms,
}

impl Borrow<Prospect> for Given {
    fn borrow(&self) -> &Prospect {
        &self.prospect
    }
}

/// A prospect that gives no terms of its own.
fn bare(prospect: Prospect) -> Row {
    Ok(Given { prospect, terms: GivenTerms::default() })
}

/// How many prospects go to the evaluators at once.
pub const BATCH: usize = 4096;

/// An input, opened: a store file is read from disk each time, anything else from memory.
pub enum Input {
    StoreFile(PathBuf),
    Bytes { bytes: Vec<u8>, name: String },
}

/// How an input is named in messages: its path, or "standard input" for `-`.
pub fn input_name(source: &Path) -> String {
    if source == Path::new("-") { "standard input".into() } else { source.display().to_string() }
}

impl Input {
    /// Opens `path` (`-` for standard input). A file that starts like a store is read from
    /// disk block by block; anything else is read into memory.
    pub fn open(path: &Path) -> Result<Input> {
        if path != Path::new("-") && starts_like_a_store(path) {
            return Ok(Input::StoreFile(path.to_path_buf()));
        }
        Ok(Input::Bytes { bytes: read_input(path)?, name: input_name(path) })
    }

    /// Hands every row to `batch`, `BATCH` at a time, in input order; stops at the first error
    /// `batch` returns. Errors of the file as a whole (a store that does not parse, a CSV
    /// header that cannot be used, a filing refused as of `today`) are returned.
    pub fn batches(&self, today: Date, batch: &mut dyn FnMut(Vec<Row>) -> Result<()>) -> Result<()> {
        match self {
            Input::StoreFile(path) => store_batches(path, batch),
            Input::Bytes { bytes, name } => {
                let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                match text.iter().find(|b| !b.is_ascii_whitespace()) {
                    _ if is_workbook(bytes) => rows_batches(bytes, true, batch),
                    Some(b'[') => json_array(text, batch),
                    Some(b'{') => json_object(text, name, batch),
                    _ if is_filing(bytes) => filing(bytes, name, today, batch),
                    _ => rows_batches(bytes, false, batch),
                }
            }
        }
    }
}

/// Whether the file's first line (its first 4 KiB at most) is the store's header line.
fn starts_like_a_store(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut line = Vec::new();
    let _ = BufReader::new(file.take(4096)).read_until(b'\n', &mut line);
    line.trim_ascii().starts_with(b"{\"schema\":")
}

fn store_batches(path: &Path, batch: &mut dyn FnMut(Vec<Row>) -> Result<()>) -> Result<()> {
    let mut failed: Option<anyhow::Error> = None;
    let mut restarted = false;
    store::stream::read_in_chunks(path, &mut |prospects, progress| {
        // A file in another layout is read again whole: what was handed on is taken back, which
        // a stream cannot do, so that case is read whole from the start (below).
        restarted |= progress.started_over;
        if failed.is_none() && !restarted {
            failed = batch(prospects.into_iter().map(bare).collect()).err();
        }
    })
    .map_err(|e| store_error(e, path))?;
    if let Some(e) = failed {
        return Err(e);
    }
    if restarted {
        let prospects = store::load(path).map_err(|e| store_error(e, path))?;
        for chunk in prospects.chunks(BATCH) {
            batch(chunk.iter().cloned().map(bare).collect())?;
        }
    }
    Ok(())
}

/// A store error as `file:line:column: message`.
fn store_error(e: StoreError, source: &Path) -> anyhow::Error {
    match e {
        StoreError::Corrupt { line, column, message, .. } => {
            anyhow!("{}:{line}:{column}: {message}", input_name(source))
        }
        other => other.into(),
    }
}

/// CSV or sheet rows, the bad ones as their messages.
fn rows_batches(bytes: &[u8], sheet: bool, batch: &mut dyn FnMut(Vec<Row>) -> Result<()>) -> Result<()> {
    let mut rows = Vec::with_capacity(BATCH);
    let mut failed = None;
    let mut take = |read: crate::io::csv_import::RowRead| {
        if failed.is_some() {
            return;
        }
        rows.push(
            read.map(|r| Given { prospect: r.prospect, terms: r.terms })
                .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
        );
        if rows.len() == BATCH {
            failed = batch(std::mem::take(&mut rows)).err();
        }
    };
    if sheet {
        let import = read_sheet(bytes, None)?;
        import
            .prospects
            .into_iter()
            .map(Ok)
            .chain(import.errors.into_iter().map(|e| Err(vec![e])))
            .for_each(&mut take);
    } else {
        read_rows(bytes, &mut |_| {}, &mut take)?;
    }
    if let Some(e) = failed {
        return Err(e);
    }
    if rows.is_empty() { Ok(()) } else { batch(rows) }
}

/// A filing of annual accounts: the one prospect `import` would bring from it.
fn filing(
    bytes: &[u8],
    name: &str,
    today: Date,
    batch: &mut dyn FnMut(Vec<Row>) -> Result<()>,
) -> Result<()> {
    let mut file = read_import_file(bytes, None, &mut |_| {}).map_err(|e| anyhow!("{name}: {e}"))?;
    let brought = file.bring(today);
    if let Some(refused) = brought.refused {
        bail!("{name}: {refused}");
    }
    batch(brought.incoming.into_iter().map(|i| bare(i.prospect)).collect())
}

/// One prospect object, or a whole store file's text.
fn json_object(text: &[u8], name: &str, batch: &mut dyn FnMut(Vec<Row>) -> Result<()>) -> Result<()> {
    let value: serde_json::Value = serde_json::from_slice(text)?;
    if value.get("prospects").is_some() {
        let prospects = store::decode(text, Path::new(name)).map_err(|e| store_error(e, Path::new(name)))?;
        return prospects.chunks(BATCH).try_for_each(|c| batch(c.iter().cloned().map(bare).collect()));
    }
    batch(vec![element(&value, None)])
}

/// A JSON value as a prospect, or the path of its bad field (`[3].revenue: …`).
fn element(value: &serde_json::Value, index: Option<usize>) -> Row {
    serde_path_to_error::deserialize::<_, Prospect>(value)
        .map_err(|e| {
            let at = index.map_or(String::new(), |i| format!("[{i}]"));
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { format!(".{path}") };
            format!("{at}{path}: {}", e.inner())
        })
        .and_then(bare)
}

/// A JSON array, element by element.
fn json_array(text: &[u8], batch: &mut dyn FnMut(Vec<Row>) -> Result<()>) -> Result<()> {
    let mut seed = ArrayBatches { batch, failed: None, count: 0 };
    let mut de = serde_json::Deserializer::from_slice(text);
    let parsed = (&mut seed).deserialize(&mut de).and_then(|()| de.end());
    if let Some(e) = seed.failed {
        return Err(e);
    }
    parsed.map_err(|e| anyhow!("the JSON array cannot be read: {e}"))
}

struct ArrayBatches<'a> {
    batch: &'a mut dyn FnMut(Vec<Row>) -> Result<()>,
    failed: Option<anyhow::Error>,
    count: usize,
}

impl<'de> DeserializeSeed<'de> for &mut ArrayBatches<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for &mut ArrayBatches<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of prospects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut rows = Vec::with_capacity(BATCH);
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            rows.push(element(&value, Some(self.count)));
            self.count += 1;
            if rows.len() == BATCH {
                self.hand_on(std::mem::take(&mut rows))?;
            }
        }
        if !rows.is_empty() {
            self.hand_on(rows)?;
        }
        Ok(())
    }
}

impl ArrayBatches<'_> {
    fn hand_on<E: serde::de::Error>(&mut self, rows: Vec<Row>) -> Result<(), E> {
        if let Err(e) = (self.batch)(rows) {
            self.failed = Some(e);
            return Err(E::custom("stopped"));
        }
        Ok(())
    }
}
