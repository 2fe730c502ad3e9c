//! A prospect as a database row: its JSON (as the file store writes it) without the id, which
//! is the row's key, and without the decision history, which lives in the decisions table.
//! JSON crosses the connection as text, never as a tree of values, so that reading 100 000
//! prospects costs one parse each.

use std::error::Error;

use postgres::types::private::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use serde::Serialize;

use crate::domain::prospect::{DecisionRecord, Prospect};

type BoxError = Box<dyn Error + Sync + Send>;

/// The version byte of JSONB's binary form.
const JSONB_VERSION: u8 = 1;

/// JSON text, read from or written to a `jsonb` (or `json`) column without building a tree, or
/// read from a `text` column that holds JSON (the server's text of a JSONB, migration 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Json<'a>(pub &'a [u8]);

impl<'a> FromSql<'a> for Json<'a> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Json<'a>, BoxError> {
        match (*ty == Type::JSONB, raw.split_first()) {
            (true, Some((&JSONB_VERSION, text))) => Ok(Json(text)),
            (true, _) => Err(format!("unknown jsonb format {:?}", raw.first()).into()),
            (false, _) => Ok(Json(raw)),
        }
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::JSONB || *ty == Type::JSON || *ty == Type::TEXT
    }
}

impl ToSql for Json<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        if *ty == Type::JSONB {
            out.extend_from_slice(&[JSONB_VERSION]);
        }
        out.extend_from_slice(self.0);
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::JSONB || *ty == Type::JSON
    }

    to_sql_checked!();
}

/// The row's `data`: the prospect's JSON without `id` and `history`.
pub fn data_of(p: &Prospect) -> Result<Vec<u8>, serde_json::Error> {
    let mut value = serde_json::to_value(p)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("id");
        object.remove("history");
    }
    serde_json::to_vec(&value)
}

/// One live decision of a prospect as loaded: its row id and the record.
pub type Recorded = (i64, DecisionRecord);

/// A prospect from its row: the id, the data and the live decisions in order.
pub fn prospect_of(id: i64, data: &[u8], decisions: Option<&[u8]>) -> Result<(Prospect, Vec<i64>), String> {
    let id = u64::try_from(id).map_err(|_| format!("prospect id {id} is negative"))?;
    let mut prospect: Prospect = parse(data, || format!("prospect {id}"))?;
    prospect.id = id;
    let recorded: Vec<Recorded> = match decisions {
        Some(json) => parse(json, || format!("decisions of prospect {id}"))?,
        None => Vec::new(),
    };
    let (ids, records) = recorded.into_iter().unzip();
    prospect.history = records;
    Ok((prospect, ids))
}

/// JSON text parsed as a `str`, checked to be UTF-8 once and whole: parsing the bytes checks
/// every string in them again, a call each (3 % of a load's samples in a profile). `what` names
/// it in an error.
fn parse<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8], what: impl Fn() -> String) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text: {e}", what()))?;
    serde_json::from_str(text).map_err(|e| format!("{}: {e}", what()))
}

/// Which decisions are live: recorded (not a reversal) and not reversed since. `d` is the
/// decisions row.
macro_rules! live {
    () => {
        "d.reverses IS NULL AND NOT EXISTS (SELECT FROM dealdesk.decisions r WHERE r.reverses = d.id)"
    };
}

/// The live decisions of a prospect, oldest first, as JSON text `[[id, record], …]`, put
/// together from the record's text as the server keeps it (`record_text`), so that no record
/// is turned from JSONB into text, or parsed as JSON, on the way.
macro_rules! decisions_json {
    () => {
        "'[' || string_agg('[' || d.id || ',' || d.record_text || ']', ',' ORDER BY d.id) || ']'"
    };
}

/// The SQL expression for a prospect's live decisions (NULL when it has none), for a few
/// prospects. `p` is the prospects row.
pub const LIVE_DECISIONS: &str = concat!(
    "(SELECT ",
    decisions_json!(),
    " FROM dealdesk.decisions d WHERE d.prospect_id = p.id AND ",
    live!(),
    ")"
);

/// Every prospect's live decisions, one row per prospect that has any (`prospect_id`,
/// `decisions`), for a join with the whole table: one pass over the decisions instead of a
/// lookup per prospect.
pub const LIVE_DECISIONS_BY_PROSPECT: &str = concat!(
    "SELECT d.prospect_id, ",
    decisions_json!(),
    " AS decisions FROM dealdesk.decisions d WHERE ",
    live!(),
    " GROUP BY d.prospect_id"
);

/// A decision as its row stores it: the status and deviations the SQL checks see, and the
/// whole record.
pub struct DecisionRow {
    pub status: String,
    /// The record's `deviations` list when it has one (the richer record names each
    /// departure from policy); empty otherwise.
    pub deviations: Vec<u8>,
    pub record: Vec<u8>,
}

impl DecisionRow {
    pub fn of(record: &DecisionRecord) -> Result<DecisionRow, serde_json::Error> {
        let value = serde_json::to_value(record)?;
        let status = match value.get("status") {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let deviations = match value.get("deviations") {
            Some(list @ serde_json::Value::Array(_)) => serde_json::to_vec(list)?,
            _ => b"[]".to_vec(),
        };
        Ok(DecisionRow { status, deviations, record: serde_json::to_vec(&value)? })
    }
}

/// A short fingerprint of a decision, to tell which entries of a history are the ones already
/// recorded.
pub fn fingerprint(record: &impl Serialize) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    serde_json::to_vec(record).unwrap_or_default().hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prospect_round_trips_through_its_row_without_id_or_history_in_the_data() {
        let mut p =
            Prospect { id: 42, registration: Some("0443.246.943".into()), ..Prospect::named("Aerts NV") };
        p.note = Some("pays on time".into());
        let data = data_of(&p).unwrap();
        let text = String::from_utf8(data.clone()).unwrap();
        assert!(!text.contains("\"id\"") && !text.contains("history"), "{text}");
        let (back, ids) = prospect_of(42, &data, None).unwrap();
        assert_eq!((back, ids), (p, vec![]));
        assert!(prospect_of(-1, &data, None).unwrap_err().contains("negative"));
        let broken = prospect_of(7, b"{\"name\": \"\xff\"}", None).unwrap_err();
        assert!(broken.contains("prospect 7: not UTF-8"), "{broken}");
    }
}
