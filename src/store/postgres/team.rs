//! The whole-store operations of a team database: the team policy, imports, id blocks,
//! counting, and filling an empty store from a copy.

use std::collections::HashMap;

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::error::SqlState;
use postgres::types::Type;
use postgres::{Client, Transaction};

use super::connect::database_error;
use super::load;
use super::rows::{DecisionRow, Json, data_of};
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::store::backend::{Imported, Planner, Stamp, TeamPolicy};
use crate::store::error::{DbProblem, StoreError};
use crate::store::ids::MAX_ID;

/// Serialises imports, so that each sees the prospects of the one before it.
const IMPORT_LOCK: i64 = 0x6465_616c_696d_7074;

fn failed(store: &str, message: String) -> StoreError {
    StoreError::Database { store: store.to_string(), problem: DbProblem::Failed, message }
}

/// The team's latest policy, if one was saved.
pub fn latest(client: &mut Client, store: &str) -> Result<Option<TeamPolicy>, StoreError> {
    let row = client
        .query_opt(
            "SELECT version, policy::text, saved_by::text, \
                    to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' \
               FROM dealdesk.team_policies ORDER BY version DESC LIMIT 1",
            &[],
        )
        .map_err(|e| database_error(store, &e))?;
    let Some(row) = row else { return Ok(None) };
    let (version, text): (i64, String) = (row.get(0), row.get(1));
    let stamp = Stamp { version, by: row.get(2), at: row.get(3) };
    let policy = Policy::from_json(&text).map_err(|e| {
        failed(
            store,
            format!(
                "the team policy (version {version}, saved by {} at {}) cannot be used: {e}",
                stamp.by, stamp.at
            ),
        )
    })?;
    Ok(Some(TeamPolicy { policy, text, version, stamp }))
}

/// Saves the policy as the version after `base`; refused when someone saved one since.
pub fn save(
    client: &mut Client,
    store: &str,
    text: &str,
    base: Option<i64>,
) -> Result<TeamPolicy, StoreError> {
    Policy::from_json(text)
        .map_err(|e| failed(store, format!("the policy is not valid: {e}; nothing was saved")))?;
    let version = base.unwrap_or(0).saturating_add(1);
    match client.execute(
        "INSERT INTO dealdesk.team_policies (version, policy) VALUES ($1, $2)",
        &[&version, &Json(text.as_bytes())],
    ) {
        Ok(_) => {}
        Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
            let newer = latest(client, store)?.map(|t| t.stamp);
            let by = newer
                .map_or_else(String::new, |s| format!(" (version {} by {} at {})", s.version, s.by, s.at));
            return Err(failed(
                store,
                format!(
                    "the team policy was saved by someone else since you opened it{by}; nothing was saved: reopen the policy editor"
                ),
            ));
        }
        Err(e) => return Err(database_error(store, &e)),
    }
    latest(client, store)?.ok_or_else(|| failed(store, "the policy saved cannot be read back".into()))
}

/// Reserves `count` ids for new prospects: `(first, end)`.
pub fn reserve(client: &mut Client, store: &str, count: i64) -> Result<(u64, u64), StoreError> {
    let start: Option<i64> = client
        .query_one("SELECT dealdesk.reserve_ids($1)", &[&count])
        .map_err(|e| database_error(store, &e))?
        .get(0);
    let start = start.and_then(|s| u64::try_from(s).ok()).unwrap_or(0);
    let end = u64::try_from(count).ok().and_then(|c| start.checked_add(c)).filter(|end| *end <= MAX_ID);
    match end {
        Some(end) if start > 0 => Ok((start, end)),
        _ => Err(StoreError::NoIdsLeft {
            message: format!("the database {store} has no ids left for new prospects"),
        }),
    }
}

/// Live prospects.
pub fn count(client: &mut Client, store: &str) -> Result<usize, StoreError> {
    let n: i64 = client
        .query_one("SELECT count(*) FROM dealdesk.prospects WHERE archived_at IS NULL", &[])
        .map_err(|e| database_error(store, &e))?
        .get(0);
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Writes prospects (with their ids) and their decision histories inside `tx`, by COPY.
fn insert_all(tx: &mut Transaction<'_>, store: &str, prospects: &[Prospect]) -> Result<(), StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let encode = |e: serde_json::Error| failed(store, format!("a prospect cannot be written as JSON: {e}"));
    let writer = tx.copy_in("COPY dealdesk.prospects (id, data) FROM STDIN (FORMAT binary)").map_err(db)?;
    let mut writer = BinaryCopyInWriter::new(writer, &[Type::INT8, Type::JSONB]);
    for p in prospects {
        let id = i64::try_from(p.id).map_err(|_| failed(store, format!("id {} is too large", p.id)))?;
        let data = data_of(p).map_err(encode)?;
        writer.write(&[&id, &Json(&data)]).map_err(db)?;
    }
    writer.finish().map_err(db)?;
    let writer = tx
        .copy_in(
            "COPY dealdesk.decisions (prospect_id, status, deviations, record) FROM STDIN (FORMAT binary)",
        )
        .map_err(db)?;
    let mut writer = BinaryCopyInWriter::new(writer, &[Type::INT8, Type::TEXT, Type::JSONB, Type::JSONB]);
    for p in prospects {
        let id = i64::try_from(p.id).unwrap_or(i64::MAX);
        for record in &p.history {
            let row = DecisionRow::of(record).map_err(encode)?;
            writer.write(&[&id, &row.status, &Json(&row.deviations), &Json(&row.record)]).map_err(db)?;
        }
    }
    writer.finish().map_err(db)?;
    Ok(())
}

/// Upserts one file in one transaction, serialised with other imports: plans against the live
/// prospects as the transaction reads them, updates each matched one against the version it
/// read, and adds the new ones under fresh ids.
pub fn import(client: &mut Client, store: &str, plan: &mut Planner) -> Result<Option<Imported>, StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let mut tx = client.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&IMPORT_LOCK]).map_err(db)?;
    let mut portfolio = Vec::new();
    let mut known = HashMap::new();
    load::load(&mut tx, store, None, &mut |prospects, _, _| portfolio.extend(prospects), &mut known)?;
    // Dropping the transaction rolls it back: nothing is written.
    let Some(plan) = plan(&portfolio) else { return Ok(None) };
    let (new, updated) = (plan.new.len(), plan.updated.len());
    let encode = |e: serde_json::Error| failed(store, format!("a prospect cannot be written as JSON: {e}"));
    for update in &plan.updated {
        let id = i64::try_from(update.after.id).unwrap_or(i64::MAX);
        let version = known.get(&update.after.id).map(|k| k.version);
        let data = data_of(&update.after).map_err(encode)?;
        let written = tx
            .execute(
                "UPDATE dealdesk.prospects SET data = $2 WHERE id = $1 AND version = $3",
                &[&id, &Json(&data), &version],
            )
            .map_err(db)?;
        if written == 0 {
            return Err(failed(
                store,
                format!(
                    "{} was changed by another user while the file was read; nothing was imported from it: import it again",
                    update.label
                ),
            ));
        }
    }
    let mut prospects: Vec<Prospect> = plan.new.into_iter().map(|(_, p)| p).collect();
    if new > 0 {
        let count = i64::try_from(new).unwrap_or(i64::MAX);
        let start: Option<i64> =
            tx.query_one("SELECT dealdesk.reserve_ids($1)", &[&count]).map_err(db)?.get(0);
        let mut next = start.and_then(|s| u64::try_from(s).ok()).unwrap_or(0);
        for p in &mut prospects {
            p.id = next;
            next = next.saturating_add(1);
        }
        insert_all(&mut tx, store, &prospects)?;
    }
    tx.commit().map_err(db)?;
    Ok(Some(Imported { new, updated, total: portfolio.len().saturating_add(new) }))
}

/// Fills an empty store with prospects as they are, ids and histories included.
pub fn fill(client: &mut Client, store: &str, prospects: Vec<Prospect>) -> Result<(), StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let mut tx = client.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&IMPORT_LOCK]).map_err(db)?;
    let held: i64 = tx.query_one("SELECT count(*) FROM dealdesk.prospects", &[]).map_err(db)?.get(0);
    if held > 0 {
        return Err(StoreError::NotEmpty {
            store: store.to_string(),
            held: usize::try_from(held).unwrap_or(0),
        });
    }
    insert_all(&mut tx, store, &prospects)?;
    let highest = prospects.iter().map(|p| p.id).max().unwrap_or(0);
    let highest = i64::try_from(highest).unwrap_or(i64::MAX);
    tx.execute("SELECT dealdesk.reserve_past($1)", &[&highest]).map_err(db)?;
    tx.commit().map_err(db)
}
