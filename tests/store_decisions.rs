//! Store schema 4 (issue 13, item 2): a decision of schema 1 to 3 (a date, status, terms, note,
//! band, score, profit) reads with no time, no user and no deviations, keeps the rest, and is
//! written back in schema 4 with the prospect's note its own. Schema 2 (issue 11) added register
//! listings as debts and the authority summons, schema 3 (issue 12) a security amount and
//! discount days in the terms; those read as they were.

use std::fs;

use dealdesk::domain::date::Date;
use dealdesk::domain::money::Money;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::vocabulary::{Band, Status};
use dealdesk::store::{self, Store};

const SCHEMA_1: &str = r#"{"schema": 1, "prospects": [
{"id": 1, "name": "X", "status": "approved", "note": "pays late", "history": [{"date": "2026-03-02", "status": "approved", "terms": {"payment_days": 14, "advance_pct": "30", "discount_pct": "0", "credit_limit": "277000", "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 3}, "note": "pays late", "band": "D", "score": 38.3, "risk_adjusted_profit": "273297.53"}]}
]}
"#;

#[test]
fn a_schema_1_decision_reads_without_time_or_user_and_is_written_as_schema_4() {
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
    assert!(text.starts_with("{\"schema\": 4,"), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "nothing lost in the new schema");
}

/// A schema-2 file as issue 11's dealdesk wrote it: a debt as a register listing (`true`), one
/// as an amount, the authority summons, and a decision without time, user or deviations.
const SCHEMA_2: &str = r#"{"schema": 2, "prospects": [
{"id": 1, "name": "Y", "status": "on_hold", "note": "register", "tax_debt": true, "social_debt": "1200", "summons_authority": true, "history": [{"date": "2026-05-10", "status": "on_hold", "terms": {"payment_days": 0, "advance_pct": "100", "discount_pct": "0", "credit_limit": "0", "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 0}, "note": "register", "band": "E", "score": 12.5, "risk_adjusted_profit": "900"}]}
]}
"#;

#[test]
fn a_schema_2_store_keeps_its_debts_and_summons_and_its_decisions_read_as_schema_1s() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, SCHEMA_2).unwrap();
    let (mut store, prospects) = Store::open(&path, "process 1 of test").unwrap();
    let p = &prospects[0];
    let debts = (Some(RegisterEntry::Listed(true)), Some(RegisterEntry::Amount(Money::units(1_200))));
    assert_eq!((p.tax_debt, p.social_debt, p.summons_authority), (debts.0, debts.1, Some(true)));
    let d = &p.history[0];
    assert_eq!((d.date, d.status, d.band), (Date::new(2026, 5, 10).unwrap(), Status::OnHold, Band::E));
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.len()), (None, None, 0));
    assert_eq!(d.review_date(), d.date, "an interval of 0 (before every order) is due at once");

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 4,") && text.contains("\"tax_debt\":true"), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "nothing lost in the new schema");
}

/// A schema-3 file as issue 12's dealdesk wrote it: agreed terms with a security amount and
/// discount days, and a decision without time, user or deviations.
const SCHEMA_3: &str = r#"{"schema": 3, "prospects": [
{"id": 1, "name": "Z", "status": "approved", "agreed_terms": {"payment_days": 30, "advance_pct": "0", "discount_pct": "2", "discount_days": 10, "credit_limit": "50000", "security_amount": "20000", "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 6}, "history": [{"date": "2026-06-01", "status": "approved", "terms": {"payment_days": 30, "advance_pct": "0", "discount_pct": "2", "discount_days": 10, "credit_limit": "50000", "security_amount": "20000", "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 6}, "note": "", "band": "B", "score": 74.0, "risk_adjusted_profit": "1000"}]}
]}
"#;

#[test]
fn a_schema_3_store_keeps_its_security_amounts_and_its_decisions_read_as_schema_1s() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, SCHEMA_3).unwrap();
    let (mut store, prospects) = Store::open(&path, "process 1 of test").unwrap();
    let p = &prospects[0];
    let t = p.agreed_terms.as_ref().expect("agreed terms");
    // Schema 3 has its own security amount: 20 000 of the 50 000 limit, not migrated to all of it.
    assert_eq!((t.security_amount, t.discount_days), (Money::units(20_000), 10));
    let d = &p.history[0];
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.len()), (None, None, 0));
    // 1 June 2026 plus the recorded 6 months: 1 December 2026.
    assert_eq!(d.review_date(), Date::new(2026, 12, 1).unwrap());

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 4,"), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "nothing lost in the new schema");
}
