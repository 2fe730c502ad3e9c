//! Store schemas 4 and 5 (issue 13, item 2): a decision of schema 1 to 3 (a date, status, terms,
//! note, band, score, profit) reads with no time and no user, keeps the rest, and is written back
//! in the current schema with the prospect's note its own. Schema 2 (issue 11) added register
//! listings as debts and the authority summons, schema 3 (issue 12) a security amount and
//! discount days in the terms; those read as they were. Schema 4 wrote an empty list of
//! deviations whatever the terms: a decision of schema 4 or older reads with its deviations not
//! known (`None`), never as within policy.

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
fn a_schema_1_decision_reads_without_time_or_user_and_is_written_as_schema_5() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, SCHEMA_1).unwrap();
    let (mut store, prospects) = Store::open(&path, "process 1 of test").unwrap();
    let d = &prospects[0].history[0];
    assert_eq!((d.date, d.status, d.band), (Date::new(2026, 3, 2).unwrap(), Status::Approved, Band::D));
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.as_ref()), (None, None, None));
    assert_eq!((d.note.as_str(), d.score, d.terms.review_months), ("pays late", Some(38.3), 3));
    assert_eq!(d.review_date(), Date::new(2026, 6, 2).unwrap(), "three months after the decision");

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,"), "{text}");
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
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.as_ref()), (None, None, None));
    assert_eq!(d.review_date(), d.date, "an interval of 0 (before every order) is due at once");

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,") && text.contains("\"tax_debt\":true"), "{text}");
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
    assert_eq!((d.decided_at, d.decided_by.as_deref(), d.deviations.as_ref()), (None, None, None));
    // 1 June 2026 plus the recorded 6 months: 1 December 2026.
    assert_eq!(d.review_date(), Date::new(2026, 12, 1).unwrap());

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,"), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "nothing lost in the new schema");
}

/// A schema-4 file as issue 13's first dealdesk wrote it: a decision with its time and user and
/// the placeholder empty list of deviations, on terms well outside the cell (no advance, no
/// security, 60 days for a band-D buyer).
const SCHEMA_4: &str = r#"{"schema": 4, "prospects": [
{"id": 1, "name": "W", "status": "approved", "agreed_terms": {"payment_days": 60, "advance_pct": "0", "discount_pct": "0", "discount_days": 0, "credit_limit": "900000", "security_amount": "0", "delivery": "standard", "security": "none", "channel": "direct", "review_months": 1}, "history": [{"date": "2026-11-02", "decided_at": "2026-11-02T10:00:00+01:00", "decided_by": "ann", "status": "approved", "terms": {"payment_days": 60, "advance_pct": "0", "discount_pct": "0", "discount_days": 0, "credit_limit": "900000", "security_amount": "0", "delivery": "standard", "security": "none", "channel": "direct", "review_months": 1}, "deviations": [], "note": "by phone", "band": "D", "score": 38.3}]}
]}
"#;

#[test]
fn a_schema_4_decision_reads_with_its_deviations_not_known_and_is_written_as_schema_5() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, SCHEMA_4).unwrap();
    let (mut store, prospects) = Store::open(&path, "process 1 of test").unwrap();
    let d = &prospects[0].history[0];
    assert_eq!((d.decided_by.as_deref(), d.note.as_str()), (Some("ann"), "by phone"));
    assert_eq!(d.deviations, None, "schema 4's empty list said nothing about these terms");

    store.save(&prospects).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,") && !text.contains("\"deviations\""), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects, "still not known after a save");
}
