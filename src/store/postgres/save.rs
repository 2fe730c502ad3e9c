//! Writing changes: each changed prospect against the version this desk read (optimistic
//! concurrency), its new decisions appended and undone ones reversed, all in one transaction.
//! A prospect another user changed first is not written: its current row comes back as stale,
//! with who changed it and when, for the desk to offer reload, a copy or an overwrite.

use std::collections::HashMap;

use postgres::{GenericClient, Transaction};

use super::Known;
use super::connect::database_error;
use super::rows::{DecisionRow, Json, LIVE_DECISIONS, data_of, fingerprint, prospect_of};
use crate::domain::prospect::DecisionRecord;
use crate::store::backend::{Changed, Saved, Stamp, Theirs};
use crate::store::error::{DbProblem, StoreError};

/// What an update of the history does: the recorded decisions to take back (newest first) and
/// the entries to append, found by the longest common start of the two lists.
#[derive(Debug, PartialEq)]
pub struct Delta<'a> {
    pub reverse: Vec<i64>,
    pub append: &'a [DecisionRecord],
}

/// How `history` differs from the decisions recorded for the prospect (id, fingerprint).
pub fn delta<'a>(recorded: &[(i64, u64)], history: &'a [DecisionRecord]) -> Delta<'a> {
    let same = recorded
        .iter()
        .zip(history)
        .take_while(|((_, print), record)| *print == fingerprint(*record))
        .count();
    Delta { reverse: recorded[same..].iter().rev().map(|(id, _)| *id).collect(), append: &history[same..] }
}

/// The columns `fetch` and a stale save read, in this order.
pub const THEIRS: &str = "p.id, p.version, p.data_text, p.changed_by::text, \
     to_char(p.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC', p.archived_at IS NOT NULL";

/// Reads prospects as they are in the database now, with what `known` needs to build on them.
pub fn fetch(
    client: &mut impl GenericClient,
    store: &str,
    ids: &[i64],
) -> Result<Vec<(Theirs, Known)>, StoreError> {
    let sql = format!(
        "SELECT {THEIRS}, {LIVE_DECISIONS} FROM dealdesk.prospects p WHERE p.id = ANY($1) ORDER BY p.id"
    );
    let rows = client.query(sql.as_str(), &[&ids]).map_err(|e| database_error(store, &e))?;
    let failed =
        |message| StoreError::Database { store: store.to_string(), problem: DbProblem::Failed, message };
    rows.iter()
        .map(|row| {
            let (id, version, data, archived): (i64, i64, Json, bool) =
                (row.get(0), row.get(1), row.get(2), row.get(5));
            let decisions: Option<Json> = row.get(6);
            let (prospect, decision_ids) = prospect_of(id, data.0, decisions.map(|d| d.0)).map_err(failed)?;
            let recorded = decision_ids.into_iter().zip(prospect.history.iter().map(fingerprint)).collect();
            let stamp = Stamp { version, by: row.get(3), at: row.get(4) };
            let theirs = Theirs { id: prospect.id, stamp, prospect: (!archived).then_some(prospect) };
            Ok((theirs, Known { version, recorded }))
        })
        .collect()
}

/// What a save wrote (each prospect's new base) and what another user wrote first (their
/// rows' bases, for the desk to take if it takes their version).
pub struct Written {
    pub saved: Saved,
    pub now_known: Vec<(u64, Known)>,
    pub stale_known: Vec<(u64, Known)>,
}

/// Writes the changes; `known` is updated once the transaction has committed.
pub fn save(
    tx: &mut Transaction<'_>,
    store: &str,
    changed: &[Changed],
    overwrite: bool,
    known: &HashMap<u64, Known>,
) -> Result<Written, StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let encode = |e: serde_json::Error| StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Failed,
        message: format!("a prospect cannot be written as JSON: {e}"),
    };
    let mut saved = Saved::default();
    let mut now_known = Vec::with_capacity(changed.len());
    let mut stale_known = Vec::new();
    for change in changed {
        let id = i64::try_from(change.id).map_err(|_| StoreError::NoIdsLeft {
            message: format!(
                "{store}: id {} is above the largest id a database holds; nothing was written",
                change.id
            ),
        })?;
        let base = known.get(&change.id);
        let version = match (&change.now, base) {
            (Some(p), Some(base)) => {
                let data = data_of(p).map_err(encode)?;
                let row = tx
                    .query_opt(
                        "UPDATE dealdesk.prospects SET data = $2, archived_at = NULL \
                         WHERE id = $1 AND ($3 OR version = $4) RETURNING version",
                        &[&id, &Json(&data), &overwrite, &base.version],
                    )
                    .map_err(db)?;
                row.map(|r| r.get::<_, i64>(0))
            }
            (Some(p), None) => {
                let data = data_of(p).map_err(encode)?;
                let row = tx
                    .query_opt(
                        "INSERT INTO dealdesk.prospects (id, data) VALUES ($1, $2) \
                         ON CONFLICT (id) DO NOTHING RETURNING version",
                        &[&id, &Json(&data)],
                    )
                    .map_err(db)?;
                row.map(|r| r.get::<_, i64>(0))
            }
            (None, Some(base)) => {
                let row = tx
                    .query_opt(
                        "UPDATE dealdesk.prospects SET archived_at = now() \
                         WHERE id = $1 AND archived_at IS NULL AND ($2 OR version = $3) RETURNING version",
                        &[&id, &overwrite, &base.version],
                    )
                    .map_err(db)?;
                row.map(|r| r.get::<_, i64>(0))
            }
            // Created and deleted again before a save: the database never saw it.
            (None, None) => continue,
        };
        let Some(version) = version else {
            for (theirs, known) in fetch(tx, store, &[id])? {
                stale_known.push((theirs.id, known));
                saved.stale.push(theirs);
            }
            continue;
        };
        let recorded = base.map_or(&[][..], |b| b.recorded.as_slice());
        let history = change.now.as_ref().map_or(&[][..], |p| p.history.as_slice());
        let recorded = match change.now {
            Some(_) => record_decisions(tx, store, id, recorded, history)?,
            // An archived prospect keeps its decisions as they are.
            None => recorded.to_vec(),
        };
        now_known.push((change.id, Known { version, recorded }));
    }
    Ok(Written { saved, now_known, stale_known })
}

/// Appends the decisions `history` has beyond those recorded, after reversing those it no
/// longer has; returns the prospect's recorded decisions afterwards.
fn record_decisions(
    tx: &mut Transaction<'_>,
    store: &str,
    id: i64,
    recorded: &[(i64, u64)],
    history: &[DecisionRecord],
) -> Result<Vec<(i64, u64)>, StoreError> {
    let db = |e: postgres::Error| database_error(store, &e);
    let delta = delta(recorded, history);
    for reversed in &delta.reverse {
        tx.execute(
            "INSERT INTO dealdesk.decisions (prospect_id, reverses) VALUES ($1, $2)",
            &[&id, reversed],
        )
        .map_err(db)?;
    }
    let mut now: Vec<(i64, u64)> = recorded[..recorded.len() - delta.reverse.len()].to_vec();
    for record in delta.append {
        let row = DecisionRow::of(record).map_err(|e| StoreError::Database {
            store: store.to_string(),
            problem: DbProblem::Failed,
            message: format!("a decision cannot be written as JSON: {e}"),
        })?;
        let decision: i64 = tx
            .query_one(
                "INSERT INTO dealdesk.decisions (prospect_id, status, deviations, record) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
                &[&id, &row.status, &Json(&row.deviations), &Json(&row.record)],
            )
            .map_err(db)?
            .get(0);
        now.push((decision, fingerprint(record)));
    }
    Ok(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::prospect::Terms;
    use crate::domain::vocabulary::{Band, Channel, Delivery, Security, Status};

    fn record(note: &str) -> DecisionRecord {
        let terms = Terms {
            payment_days: 30,
            advance_pct: Default::default(),
            discount_pct: Default::default(),
            credit_limit: crate::domain::money::Money::units(1000),
            delivery: Delivery::Standard,
            security: Security::None,
            channel: Channel::Direct,
            review_months: 12,
            security_amount: crate::domain::money::Money::ZERO,
            discount_days: 0,
        };
        let date = Date::new(2026, 11, 28).unwrap();
        DecisionRecord {
            date,
            decided_at: None,
            decided_by: None,
            status: Status::Approved,
            deviations: Some(Vec::new()),
            terms,
            note: note.into(),
            band: Band::B,
            score: None,
            risk_adjusted_profit: None,
        }
    }

    #[test]
    fn the_history_beyond_the_common_start_is_appended_and_the_rest_reversed() {
        let (a, b, c) = (record("a"), record("b"), record("c"));
        let recorded = [(10, fingerprint(&a)), (11, fingerprint(&b))];
        // A new decision after the two recorded ones: only it is appended.
        let grown = [a.clone(), b.clone(), c.clone()];
        assert_eq!(delta(&recorded, &grown), Delta { reverse: vec![], append: &grown[2..] });
        // The last one undone: it is reversed.
        let undone = [a.clone()];
        assert_eq!(delta(&recorded, &undone), Delta { reverse: vec![11], append: &[] });
        // Undone, then another taken instead: the undone one is reversed, the new one appended.
        let replaced = [a.clone(), c.clone()];
        assert_eq!(delta(&recorded, &replaced), Delta { reverse: vec![11], append: &replaced[1..] });
        assert_eq!(delta(&recorded, &[a, b]), Delta { reverse: vec![], append: &[] });
    }
}
