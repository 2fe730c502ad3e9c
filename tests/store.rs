//! The store: atomic saves with a backup, the lock, and files it must never overwrite.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::Prospect;
use dealdesk::store::{self, Store, StoreError, atomic};

fn prospect(id: u64, name: &str) -> Prospect {
    Prospect { id, annual_volume: Some(Money::units(120_000)), dbt_days: Some(12), ..Prospect::named(name) }
}

fn open(path: &Path) -> (Store, Vec<Prospect>) {
    Store::open(path, "process 1 of test").unwrap()
}

#[test]
fn a_missing_store_is_an_empty_portfolio_and_saves_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (mut store, prospects) = open(&path);
    assert!(prospects.is_empty());
    let saved = vec![prospect(1, "Alpha NV"), prospect(2, "Beta BV")];
    store.save(&saved).unwrap();
    drop(store);
    assert_eq!(store::load(&path).unwrap(), saved);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,"), "{text}");
}

#[test]
fn a_schema_1_store_loads_unchanged_and_saves_as_schema_5() {
    // Schema 1 held tax and social-security debt as amounts only; they read as amounts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let v1 = "{\"schema\": 1, \"prospects\": [\n{\"id\": 1, \"name\": \"Old BV\", \"tax_debt\": \"63000\", \"social_debt\": \"0\"}\n]}\n";
    fs::write(&path, v1).unwrap();
    let (mut store, prospects) = open(&path);
    use dealdesk::domain::register_entry::RegisterEntry::Amount;
    let want = (Some(Amount(Money::units(63_000))), Some(Amount(Money::ZERO)));
    assert_eq!((prospects[0].tax_debt, prospects[0].social_debt), want);
    store.save(&prospects).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\"schema\": 5,") && text.contains("\"tax_debt\":\"63000\""), "{text}");
    assert_eq!(store::load(&path).unwrap(), prospects);
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (mut store, _) = open(&path);
    store.save(&[prospect(1, "First")]).unwrap();
    store.save(&[prospect(1, "Second")]).unwrap();
    let backup = store::load(&atomic::backup_path(&path)).unwrap();
    assert_eq!(backup[0].name, "First");
    assert_eq!(store::load(&path).unwrap()[0].name, "Second");
}

#[test]
fn a_corrupt_store_names_line_and_column_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let bytes =
        b"{\"schema\": 1, \"prospects\": [\n{\"id\": 1, \"name\": \"A\"},\n{\"id\": 2, \"name\": }\n]}\n";
    fs::write(&path, bytes).unwrap();
    let err = Store::open(&path, "test").unwrap_err();
    match &err {
        StoreError::Corrupt { line, column, .. } => assert_eq!((*line, *column), (3, 19)),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let text = err.to_string();
    assert!(text.contains("portfolio.json:3:19"), "{text}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_truncated_store_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let whole = store::encode(&[prospect(1, "Alpha"), prospect(2, "Beta")]).unwrap();
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    assert!(matches!(store::load(&path), Err(StoreError::Corrupt { .. })));
}

#[test]
fn a_newer_schema_is_refused_even_when_it_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    fs::write(&path, r#"{"schema": 6, "prospects": [], "currencies": ["EUR"]}"#).unwrap();
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { found: 6, .. }), "{err:?}");
    assert!(err.to_string().contains("schema 6"));
}

#[test]
fn an_older_store_loads_and_its_secured_terms_cover_their_limit() {
    // Schemas 1 and 2 had no security amount: their guarantee covered the whole exposure.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let terms = r#"{"payment_days": 14, "advance_pct": "30", "discount_pct": "0", "credit_limit": "277000",
        "delivery": "partial", "security": "bank_guarantee", "channel": "key_account", "review_months": 3}"#;
    let line = format!(r#"{{"id": 1, "name": "X", "status": "approved", "agreed_terms": {terms}}}"#)
        .replace('\n', " ");
    for text in [
        format!("{{\"schema\": 1, \"prospects\": [\n{line}\n]}}\n"),
        format!("{{\"prospects\": [{line}], \"schema\": 1}}"),
        format!("{{\"schema\": 2, \"prospects\": [\n{line}\n]}}\n"),
    ] {
        fs::write(&path, &text).unwrap();
        let loaded = store::load(&path).unwrap();
        let t = loaded[0].agreed_terms.as_ref().expect("agreed terms");
        assert_eq!(
            (t.security_amount, t.discount_days),
            (dealdesk::domain::money::Money::units(277_000), 0),
            "{text}"
        );
    }
}

#[test]
fn a_second_writer_is_refused_and_told_who_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (_first, _) = Store::open(&path, "process 11 of ann").unwrap();
    match Store::open(&path, "process 22 of bob") {
        Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, "process 11 of ann"),
        other => panic!("expected Locked, got {other:?}"),
    }
    let mut reader = Store::open_unread(&path, "process 22 of bob").unwrap();
    reader.reload().unwrap();
    assert_eq!(reader.read_only_reason(), Some("process 11 of ann holds this store"));
    let err = reader.save(&[prospect(1, "Overwrite")]).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(!path.exists());
}

#[test]
fn a_full_disk_part_way_leaves_the_previous_store_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (mut store, _) = open(&path);
    store.save(&[prospect(1, "Kept")]).unwrap();
    let before = fs::read(&path).unwrap();
    let mut full = |f: &mut fs::File, bytes: &[u8]| {
        f.write_all(&bytes[..bytes.len() / 3])?;
        Err(io::Error::from(io::ErrorKind::StorageFull))
    };
    let err = store.save_over(&[prospect(1, "Lost")], &mut full).unwrap_err();
    assert!(err.to_string().contains("cannot write"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    store.save(&[prospect(1, "Retried")]).unwrap();
    assert_eq!(store::load(&path).unwrap()[0].name, "Retried");
}

#[test]
fn a_store_replaced_on_disk_is_not_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (mut store, _) = open(&path);
    store.save(&[prospect(1, "Mine")]).unwrap();
    store::write_new(&path, &[prospect(1, "Theirs"), prospect(2, "Also theirs")]).unwrap();
    assert!(store.changed_on_disk());
    assert!(matches!(store.save(&[prospect(1, "Mine")]), Err(StoreError::ChangedOnDisk { .. })));
    assert_eq!(store::load(&path).unwrap().len(), 2);
    assert_eq!(store.reload().unwrap().len(), 2);
    store.save(&[prospect(1, "Merged")]).unwrap();
}

#[test]
fn a_deleted_store_is_noticed_before_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.json");
    let (mut store, _) = open(&path);
    store.save(&[prospect(1, "Mine")]).unwrap();
    fs::remove_file(&path).unwrap();
    assert!(matches!(store.save(&[prospect(1, "Mine")]), Err(StoreError::ChangedOnDisk { .. })));
}

#[test]
fn ids_are_assigned_after_the_highest() {
    let existing = vec![prospect(4, "A"), prospect(9, "B")];
    let mut new = vec![prospect(0, "C"), prospect(0, "D")];
    store::ids::assign(&existing, &mut new).unwrap();
    assert_eq!(new.iter().map(|p| p.id).collect::<Vec<_>>(), vec![10, 11]);
}
