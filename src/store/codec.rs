//! The store file's text: one prospect per line between a header with the schema version and
//! a closing line, parsed with errors that give the line, the column and the field.

use std::borrow::Borrow;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{SCHEMA_VERSION, StoreError, atomic};
use crate::domain::prospect::Prospect;

/// The file's contents.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreFile {
    pub schema: u32,
    pub prospects: Vec<Prospect>,
}

/// Only the schema version, to explain a file this build cannot parse.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

/// Parses a store file's bytes; `path` only names the file in errors.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Vec<Prospect>, StoreError> {
    let newer = |found: u32| StoreError::NewerSchema { path: path.to_path_buf(), found };
    match serde_json::from_slice::<StoreFile>(bytes) {
        Ok(file) if file.schema > SCHEMA_VERSION => Err(newer(file.schema)),
        Ok(file) => Ok(super::migrate::from_schema(file.prospects, file.schema)),
        Err(e) => match serde_json::from_slice::<SchemaOnly>(bytes) {
            Ok(head) if head.schema > SCHEMA_VERSION => Err(newer(head.schema)),
            _ => Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: with_field_path(bytes, e),
            }),
        },
    }
}

/// The parse error with the JSON path of the field at fault (`prospects[3].dbt_days: …`),
/// found by parsing again with path tracking, which costs time only when the file is bad.
fn with_field_path(bytes: &[u8], e: serde_json::Error) -> String {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, StoreFile>(de) {
        Err(traced) if !traced.path().to_string().is_empty() && traced.path().to_string() != "." => {
            format!("{}: {}", traced.path(), traced.inner())
        }
        // The whole portfolio parsed, and something follows it.
        Ok(_) => "bytes after the store's closing line".to_string(),
        _ => e.to_string(),
    }
}

/// The file's text: one prospect per line, so that the file stays readable and diffs stay small.
pub fn encode<P: Borrow<Prospect>>(
    prospects: impl IntoIterator<Item = P>,
) -> Result<Vec<u8>, serde_json::Error> {
    let prospects = prospects.into_iter();
    let mut out = Vec::with_capacity(64 + prospects.size_hint().0 * 700);
    out.extend_from_slice(format!("{{\"schema\": {SCHEMA_VERSION}, \"prospects\": [").as_bytes());
    for (i, p) in prospects.enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, p.borrow())?;
    }
    out.extend_from_slice(b"\n]}\n");
    Ok(out)
}

/// Writes a new store file that nobody else has open (tests, demo copies).
pub fn write_new(path: &Path, prospects: &[Prospect]) -> Result<(), StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_path_buf(), action: "write", source };
    let bytes = encode(prospects).map_err(|e| io_err(io::Error::other(e)))?;
    atomic::replace(path, &bytes, false, &mut atomic::write_all).map_err(io_err)
}
