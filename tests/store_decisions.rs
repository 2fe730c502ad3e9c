//! Store schema 2 (issue 13, item 2): a decision of schema 1 (a date, status, terms, note,
//! band, score, profit) reads with no time, no user and no deviations, keeps the rest, and is
//! written back in schema 2 with the prospect's note its own.

use std::fs;

use dealdesk::domain::date::Date;
use dealdesk::domain::vocabulary::{Band, Status};
use dealdesk::store::{self, Store};

const SCHEMA_1: &str = r#"{"schema": 1, "prospects": [
{"id": 1, "name": "X", "status": "approved", "note": "pays late", "history": [{"date": "2026-03-02", "status": "approved", "terms": {"payment_days": 14, "advance_pct": "30", "discount_pct": "0", "credit_limit": "277000", "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 3}, "note": "pays late", "band": "D", "score": 38.3, "risk_adjusted_profit": "273297.53"}]}
]}
"#;

#[test]
fn a_schema_1_decision_reads_without_time_or_user_and_is_written_as_schema_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, SCHEMA_1).unwrap();
    let (mut store, prospects) = Store::open(&path, "process 1 of test").unwrap();
    let d = &prospects[0].history[0];
    assert_eq!((d.date, d.status, d.band), (Date::new(2026, 3, 2).unwrap(), Status::Approved, Band::D));
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.len()), (None, None, 0));
    assert_eq!((d.note.as_str(), d.score, d.terms.review_months), ("pays late", Some(38.3), 3));
    assert_eq!(d.review_date(), Date::new(2026, 6, 2).unwrap(), "three months after the decision");

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 2,"), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "nothing lost in the new schema");
}
