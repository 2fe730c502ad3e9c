//! The team store on a real PostgreSQL server (a private cluster, see tests/common/postgres.rs):
//! setting it up, loading, saving with optimistic concurrency, imports, and hearing another
//! desk's changes.

mod common;

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use common::postgres::{TestDb, database, import};
use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::Prospect;
use dealdesk::portfolio::Snapshot;
use dealdesk::store::backend::{Backend, Changed, Heard, SaveRequest, read_all};
use dealdesk::store::postgres::{self, PgStore, schema};

/// A database with the schema, and a store open on it as the superuser.
fn ready(test: &str) -> Option<(TestDb, PgStore)> {
    let db = database(test)?;
    let Some(info) = db.location().postgres().cloned() else { panic!("not a database") };
    postgres::init(&info).expect("init");
    let store = PgStore::open(&info).expect("open");
    Some((db, store))
}

fn named(name: &str) -> Prospect {
    Prospect { registration: Some(format!("BE {name}")), country: Some("BE".into()), ..Prospect::named(name) }
}

/// Saves `prospects` as changed, the way the desk does after an edit.
fn save(store: &mut PgStore, prospects: &[Prospect]) -> dealdesk::store::backend::Saved {
    let changed: Vec<Changed> =
        prospects.iter().map(|p| Changed { id: p.id, now: Some(Arc::new(p.clone())) }).collect();
    let portfolio = Snapshot::default();
    store.save(SaveRequest { portfolio: &portfolio, changed: &changed, overwrite: false }).expect("save")
}

#[test]
fn init_is_idempotent_and_records_each_migration_once() {
    let Some(db) = database("init_is_idempotent") else { return };
    let Some(info) = db.location().postgres().cloned() else { panic!() };
    let first = postgres::init(&info).expect("first init");
    assert_eq!(first.applied.len(), schema::MIGRATIONS.len());
    let again = postgres::init(&info).expect("second init");
    assert!(again.applied.is_empty(), "{again:?}");
    let rows: i64 =
        db.admin().query_one("SELECT count(*) FROM dealdesk.schema_migrations", &[]).unwrap().get(0);
    assert_eq!(rows, schema::MIGRATIONS.len() as i64);
    // A database a newer dealdesk set up is refused, never migrated down.
    db.admin()
        .execute("INSERT INTO dealdesk.schema_migrations (version, name) VALUES (999, 'future')", &[])
        .unwrap();
    let refused = PgStore::open(&info).err().expect("a newer schema is refused").to_string();
    assert!(refused.contains("migration 999") && refused.contains("upgrade dealdesk"), "{refused}");
}

#[test]
fn init_brings_a_database_an_older_dealdesk_set_up_to_the_decision_record() {
    let Some(db) = database("init_upgrades") else { return };
    let Some(info) = db.location().postgres().cloned() else { panic!() };
    // The database as the first team-store release left it: migration 1 only, with a
    // decision already recorded on it.
    let mut admin = db.admin();
    admin
        .batch_execute(
            "CREATE SCHEMA dealdesk;
             CREATE TABLE dealdesk.schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
                 applied_at timestamptz NOT NULL DEFAULT now(), applied_by name NOT NULL DEFAULT current_user);",
        )
        .unwrap();
    admin.batch_execute(schema::MIGRATIONS[0].sql).unwrap();
    admin
        .batch_execute(
            "INSERT INTO dealdesk.schema_migrations (version, name) VALUES (1, 'team store');
             INSERT INTO dealdesk.prospects (id, data) VALUES (1, '{\"name\": \"Aerts NV\"}');
             INSERT INTO dealdesk.decisions (prospect_id, status, record)
                 VALUES (1, 'declined', '{\"status\": \"declined\"}');",
        )
        .unwrap();
    let refused = PgStore::open(&info).err().expect("an older schema is refused").to_string();
    assert!(refused.contains("migration 1 of 3") && refused.contains("store init"), "{refused}");
    let done = postgres::init(&info).expect("init");
    assert_eq!(done.applied, [(2, "decision record"), (3, "load text")]);
    // Migration 2 reads the record's deviations: a column that says none no longer hides them.
    let listed: i32 = admin
        .query_one(
            "INSERT INTO dealdesk.decisions (prospect_id, status, deviations, record)
             VALUES (1, 'approved', '[]', '{\"status\": \"approved\", \"deviations\": [{\"term\": \"credit_limit\", \"text\": \"x\"}]}')
             RETURNING jsonb_array_length(deviations)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(listed, 1);
    let kept: i64 = admin.query_one("SELECT count(*) FROM dealdesk.decisions", &[]).unwrap().get(0);
    assert_eq!(kept, 2, "the decision recorded before the upgrade is kept");
    // Migration 3 gives the rows written before it their text, as the server writes it.
    let texts: (String, String) = {
        let row = admin
            .query_one(
                "SELECT p.data_text, d.record_text FROM dealdesk.prospects p
                 JOIN dealdesk.decisions d ON d.prospect_id = p.id ORDER BY d.id LIMIT 1",
                &[],
            )
            .unwrap();
        (row.get(0), row.get(1))
    };
    assert_eq!(texts, (r#"{"name": "Aerts NV"}"#.to_string(), r#"{"status": "declined"}"#.to_string()));
    PgStore::open(&info).expect("the upgraded database opens");
}

#[test]
fn the_text_a_load_reads_follows_every_save_and_no_client_can_write_it() {
    let Some((db, mut store)) = ready("load_text") else { return };
    assert_eq!(import(&mut store, vec![named("Aerts NV")]).new, 1);
    let mut loaded = read_all(&mut store).expect("load");
    let mut p = loaded.remove(0);
    p.note = Some("pays on time".into());
    save(&mut store, std::slice::from_ref(&p));
    let again = read_all(&mut store).expect("load");
    assert_eq!(again[0].note.as_deref(), Some("pays on time"), "the load reads the saved data");
    let same: bool = db
        .admin()
        .query_one("SELECT bool_and(data_text = data::text) FROM dealdesk.prospects", &[])
        .unwrap()
        .get(0);
    assert!(same, "the kept text is the JSONB's own");
    let refused = db.admin().execute("UPDATE dealdesk.prospects SET data_text = '{}'", &[]);
    assert!(refused.is_err(), "a generated column cannot be written");
}

#[test]
fn a_database_without_the_schema_says_to_run_store_init() {
    let Some(db) = database("without_schema") else { return };
    let Some(info) = db.location().postgres().cloned() else { panic!() };
    let error = PgStore::open(&info).err().expect("refused").to_string();
    assert!(error.contains("dealdesk store init"), "{error}");
}

#[test]
fn imports_upsert_by_registration_then_name_and_country_and_load_reads_them_in_id_order() {
    let Some((_db, mut store)) = ready("imports_upsert") else { return };
    let imported = import(&mut store, vec![named("Aerts NV"), named("Brouwer BV")]);
    assert_eq!((imported.new, imported.updated, imported.total), (2, 0, 2));
    // Aerts again under its registration number (a new name spelling), Brouwer without one
    // but with its exact name and country, and one new prospect.
    let aerts = Prospect { revenue: Some(Money::units(1_500_000)), ..named("Aerts") };
    let aerts = Prospect { registration: Some("BE Aerts NV".into()), ..aerts };
    let brouwer = Prospect { registration: None, note: Some("second file".into()), ..named("Brouwer BV") };
    let again = import(&mut store, vec![aerts, brouwer, named("Claes SA")]);
    assert_eq!((again.new, again.updated, again.total), (1, 2, 3), "two matched, one new");
    let all = read_all(&mut store).expect("load");
    let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Aerts", "Brouwer BV", "Claes SA"], "updated in place, in id order");
    assert_eq!(all[0].revenue, Some(Money::units(1_500_000)));
    assert_eq!(all[1].note.as_deref(), Some("second file"));
    assert!(all.windows(2).all(|w| w[0].id < w[1].id), "ids rise");
}

#[test]
fn two_concurrent_imports_lose_nothing() {
    let Some((db, _store)) = ready("concurrent_imports") else { return };
    let info = db.location().postgres().cloned().expect("db");
    // Both files hold the same 100 companies (A 000 … A 099) and 100 of their own: whichever
    // runs second updates the shared ones instead of adding them twice.
    let batch = |own: &str| {
        let shared = (0..100).map(|i| named(&format!("A {i:03}")));
        shared.chain((0..100).map(|i| named(&format!("{own} {i:03}")))).collect::<Vec<_>>()
    };
    let (b, c) = (batch("B"), batch("C"));
    std::thread::scope(|s| {
        let one = s.spawn(|| import(&mut PgStore::open(&info).unwrap(), b));
        let two = s.spawn(|| import(&mut PgStore::open(&info).unwrap(), c));
        let (one, two) = (one.join().unwrap(), two.join().unwrap());
        let mut new = [one.new, two.new];
        new.sort();
        assert_eq!(new, [100, 200], "the second found the first's shared companies: {one:?} {two:?}");
    });
    let all = read_all(&mut PgStore::open(&info).unwrap()).unwrap();
    assert_eq!(all.len(), 300, "100 shared + 100 + 100");
    let mut ids: Vec<u64> = all.iter().map(|p| p.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 300, "every prospect kept its own id");
}

#[test]
fn a_stale_save_is_refused_with_who_changed_it_and_when() {
    let Some((db, mut ann)) = ready("stale_save") else { return };
    import(&mut ann, vec![named("Aerts NV")]);
    let bob_role = db.role("bob");
    db.admin().batch_execute(&format!("GRANT dealdesk_write TO {bob_role}")).unwrap();
    let mut bob = PgStore::open(&db.info_as(&bob_role)).unwrap();
    let mut ann_copy = read_all(&mut ann).unwrap().remove(0);
    let mut bob_copy = read_all(&mut bob).unwrap().remove(0);
    bob_copy.note = Some("called them: pays in 30 days".into());
    assert!(save(&mut bob, &[bob_copy.clone()]).stale.is_empty(), "bob's save is current");
    ann_copy.note = Some("ann's note".into());
    let refused = save(&mut ann, &[ann_copy]);
    let [theirs] = refused.stale.as_slice() else { panic!("one stale prospect: {refused:?}") };
    assert_eq!(theirs.stamp.by, bob_role);
    assert_eq!(theirs.stamp.version, 2);
    assert!(theirs.stamp.at.ends_with(" UTC") && theirs.stamp.at.len() == "2026-11-28 09:14 UTC".len());
    assert_eq!(
        theirs.prospect.as_ref().and_then(|p| p.note.as_deref()),
        Some("called them: pays in 30 days")
    );
    // Nothing of ann's reached the database.
    let now = read_all(&mut bob).unwrap().remove(0);
    assert_eq!(now.note.as_deref(), Some("called them: pays in 30 days"));
}

#[test]
fn a_second_desk_hears_the_first_one_s_change_and_fetches_only_that_row() {
    let Some((db, mut first)) = ready("second_desk") else { return };
    import(&mut first, (0..50).map(|i| named(&format!("P{i:02}"))).collect());
    let info = db.location().postgres().cloned().unwrap();
    let mut second = PgStore::open(&info).unwrap();
    let before = read_all(&mut second).unwrap();
    let (tx, heard) = mpsc::channel();
    assert!(second.watch(Box::new(move |h| tx.send(h).is_ok())).unwrap());
    let mut changed = read_all(&mut first).unwrap().remove(7);
    changed.note = Some("changed on the first desk".into());
    save(&mut first, &[changed.clone()]);
    let got = heard.recv_timeout(Duration::from_secs(2)).expect("heard within two seconds");
    assert_eq!(got, Heard::Changed { id: changed.id, version: 2 });
    let rows = second.fetch(&[changed.id]).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].prospect.as_ref(), Some(&changed));
    // Taken by the second desk, its own next save builds on that version.
    second.accept(changed.id, 2);
    let mut edited = changed.clone();
    edited.note = Some("and on the second".into());
    assert!(save(&mut second, &[edited]).stale.is_empty());
    assert_eq!(before.len(), 50);
}
