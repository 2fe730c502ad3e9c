//! Roles enforced by the database itself: what read, write and credit may do, the refusal of a
//! decision outside policy without the credit role, and the audit trail that nobody rewrites.

mod common;

use std::sync::Arc;

use common::postgres::{TestDb, database, import};
use dealdesk::domain::date::Date;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::{DecisionRecord, Prospect, Terms};
use dealdesk::domain::terms::deviations::Deviation;
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Security, Status};
use dealdesk::portfolio::Snapshot;
use dealdesk::store::backend::{Access, Backend, Changed, SaveRequest, read_all};
use dealdesk::store::error::{DbProblem, StoreError};
use dealdesk::store::postgres::{self, PgStore, schema::Level};

fn ready(test: &str) -> Option<TestDb> {
    let db = database(test)?;
    postgres::init(db.location().postgres().unwrap()).expect("init");
    import(&mut PgStore::open(db.location().postgres().unwrap()).unwrap(), vec![Prospect::named("Aerts NV")]);
    Some(db)
}

/// A login role of the test with `level` given by `store grant`.
fn member(db: &TestDb, who: &str, level: Level) -> String {
    let role = db.role(who);
    postgres::grant(db.location().postgres().unwrap(), &role, level).expect("grant");
    role
}

fn decision(status: Status) -> DecisionRecord {
    let terms = Terms {
        payment_days: 30,
        advance_pct: Pct::ZERO,
        discount_pct: Pct::ZERO,
        credit_limit: Money::units(10_000),
        delivery: Delivery::Standard,
        security: Security::None,
        channel: Channel::Direct,
        review_months: 12,
        security_amount: Money::ZERO,
        discount_days: 0,
    };
    let date = Date::new(2026, 11, 28).unwrap();
    DecisionRecord {
        date,
        decided_at: None,
        decided_by: None,
        status,
        deviations: Some(Vec::new()),
        terms,
        note: String::new(),
        band: Band::B,
        score: Some(70.0),
        risk_adjusted_profit: None,
    }
}

/// What the server said.
fn said(e: &::postgres::Error) -> String {
    e.as_db_error().map(|d| d.message().to_string()).unwrap_or_else(|| e.to_string())
}

fn save_one(store: &mut PgStore, p: &Prospect) -> Result<(), StoreError> {
    let changed = [Changed { id: p.id, now: Some(Arc::new(p.clone())) }];
    let portfolio = Snapshot::default();
    let saved = store.save(SaveRequest { portfolio: &portfolio, changed: &changed, overwrite: false })?;
    assert!(saved.stale.is_empty(), "{saved:?}");
    Ok(())
}

#[test]
fn a_read_role_opens_read_only_and_the_server_refuses_its_writes() {
    let Some(db) = ready("read_role") else { return };
    let reader = member(&db, "reader", Level::Read);
    let mut store = PgStore::open(&db.info_as(&reader)).unwrap();
    let reason = store.access().read_only_reason().map(str::to_string).expect("read-only");
    assert!(reason.contains("read access"), "{reason}");
    assert_eq!(read_all(&mut store).unwrap().len(), 1, "a reader reads");
    // Past the client: the server itself refuses the reader's writes.
    let mut raw = db.server.admin(&db.name);
    raw.batch_execute(&format!("SET ROLE {reader}")).unwrap();
    let update = raw.execute("UPDATE dealdesk.prospects SET data = data", &[]).unwrap_err();
    assert!(said(&update).contains("permission denied"), "{update:?}");
    let insert = raw
        .execute("INSERT INTO dealdesk.prospects (id, data) VALUES (99, '{\"name\": \"X\"}')", &[])
        .unwrap_err();
    assert!(said(&insert).contains("permission denied"), "{insert:?}");
}

#[test]
fn a_writer_demoted_while_the_desk_is_open_is_refused_by_the_server_on_save() {
    let Some(db) = ready("demoted") else { return };
    let ann = member(&db, "ann", Level::Write);
    let mut store = PgStore::open(&db.info_as(&ann)).unwrap();
    assert_eq!(store.access(), Access::Write { credit: false });
    let mut p = read_all(&mut store).unwrap().remove(0);
    postgres::grant(db.location().postgres().unwrap(), &ann, Level::Read).unwrap();
    p.note = Some("after the demotion".into());
    match save_one(&mut store, &p) {
        Err(StoreError::Database { problem: DbProblem::Denied, message, .. }) => {
            assert!(message.contains("permission denied"), "{message}")
        }
        other => panic!("expected the server's refusal, got {other:?}"),
    }
}

#[test]
fn a_writer_records_decisions_within_policy_but_the_server_refuses_a_deviation() {
    let Some(db) = ready("deviation") else { return };
    let ann = member(&db, "ann", Level::Write);
    let mut store = PgStore::open(&db.info_as(&ann)).unwrap();
    let mut p = read_all(&mut store).unwrap().remove(0);
    p.history.push(decision(Status::Approved));
    p.status = Status::Approved;
    save_one(&mut store, &p).expect("a decision within policy is recorded");
    let (by, deviations): (String, i64) = db
        .admin()
        .query_one("SELECT decided_by::text, jsonb_array_length(deviations) FROM dealdesk.decisions", &[])
        .map(|r| (r.get(0), r.get::<_, i32>(1).into()))
        .unwrap();
    assert_eq!((by.as_str(), deviations), (ann.as_str(), 0), "the audit trail records who");
    // A decision whose record lists a deviation, saved as the desk saves it: refused, and
    // nothing of that save is written.
    let mut outside = decision(Status::Approved);
    outside.deviations = Some(vec![Deviation {
        term: "payment_days".into(),
        text: "60 payment days are above the policy's 30".into(),
    }]);
    p.history.push(outside);
    match save_one(&mut store, &p) {
        Err(StoreError::Database { problem: DbProblem::Denied, message, .. }) => {
            assert!(
                message.contains("only a member of dealdesk_credit") && message.contains(&ann),
                "{message}"
            )
        }
        other => panic!("expected the server's refusal, got {other:?}"),
    }
    // Past the client: an empty deviations column beside a record that lists one is refused
    // too, because the server reads the record's own list.
    let mut raw = db.server.admin(&db.name);
    raw.batch_execute(&format!("SET ROLE {ann}")).unwrap();
    let lying = "INSERT INTO dealdesk.decisions (prospect_id, status, deviations, record) \
                 SELECT id, 'approved', '[]', \
                 '{\"status\": \"approved\", \"deviations\": [{\"term\": \"payment_days\", \"text\": \"60 days\"}]}' \
                 FROM dealdesk.prospects";
    let message = said(&raw.execute(lying, &[]).unwrap_err());
    assert!(message.contains("only a member of dealdesk_credit") && message.contains(&ann), "{message}");
    // The credit manager may; the row's column is the record's list.
    let carla = member(&db, "carla", Level::Credit);
    raw.batch_execute(&format!("RESET ROLE; SET ROLE {carla}")).unwrap();
    assert_eq!(raw.execute(lying, &[]).unwrap(), 1);
    let listed: i32 = db
        .admin()
        .query_one(
            "SELECT jsonb_array_length(deviations) FROM dealdesk.decisions ORDER BY id DESC LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(listed, 1, "the column holds the record's one deviation, not the '[]' sent");
}

#[test]
fn decisions_are_never_updated_or_deleted_and_an_undo_appends_a_reversal() {
    let Some(db) = ready("audit_trail") else { return };
    let mut store = PgStore::open(db.location().postgres().unwrap()).unwrap();
    let mut p = read_all(&mut store).unwrap().remove(0);
    p.history.push(decision(Status::Declined));
    save_one(&mut store, &p).unwrap();
    p.history.clear();
    save_one(&mut store, &p).unwrap();
    let rows = db
        .admin()
        .query("SELECT status, reverses IS NOT NULL FROM dealdesk.decisions ORDER BY id", &[])
        .unwrap();
    let rows: Vec<(Option<String>, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(rows, [(Some("declined".to_string()), false), (None, true)]);
    assert!(read_all(&mut store).unwrap()[0].history.is_empty(), "the reversed decision is not live");
    // Not even the owner rewrites the trail.
    for sql in [
        "UPDATE dealdesk.decisions SET status = 'approved'",
        "DELETE FROM dealdesk.decisions",
        "TRUNCATE dealdesk.decisions",
    ] {
        let message = said(&db.admin().execute(sql, &[]).unwrap_err());
        assert!(message.contains("never"), "{sql}: {message}");
    }
    // Deleting a prospect archives it, keeping its decisions.
    let changed = [Changed { id: p.id, now: None }];
    let portfolio = Snapshot::default();
    store.save(SaveRequest { portfolio: &portfolio, changed: &changed, overwrite: false }).unwrap();
    assert!(read_all(&mut store).unwrap().is_empty());
    let kept: i64 = db.admin().query_one("SELECT count(*) FROM dealdesk.decisions", &[]).unwrap().get(0);
    let archived: i64 = db
        .admin()
        .query_one("SELECT count(*) FROM dealdesk.prospects WHERE archived_at IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert_eq!((kept, archived), (2, 1));
}

#[test]
fn only_the_credit_role_saves_over_another_user_s_change_or_the_team_policy() {
    let Some(db) = ready("credit_only") else { return };
    let ann = member(&db, "ann", Level::Write);
    let mut store = PgStore::open(&db.info_as(&ann)).unwrap();
    let p = read_all(&mut store).unwrap().remove(0);
    let changed = [Changed { id: p.id, now: Some(Arc::new(p)) }];
    let portfolio = Snapshot::default();
    let overwrite = store.save(SaveRequest { portfolio: &portfolio, changed: &changed, overwrite: true });
    assert!(
        matches!(overwrite, Err(StoreError::Database { problem: DbProblem::Denied, .. })),
        "{overwrite:?}"
    );
    let policy = dealdesk::domain::policy::DEFAULT_POLICY_JSON;
    assert!(store.save_team_policy(policy, None).is_err());
    let carla = member(&db, "carla", Level::Credit);
    let mut credit = PgStore::open(&db.info_as(&carla)).unwrap();
    let saved = credit.save_team_policy(policy, None).expect("the credit role saves the policy");
    assert_eq!((saved.version, saved.stamp.by.as_str()), (1, carla.as_str()));
    // A second save from the same base is stale: someone saved since.
    let stale = credit.save_team_policy(policy, None).unwrap_err().to_string();
    assert!(stale.contains("saved by someone else") && stale.contains(&carla), "{stale}");
    // Everyone evaluates with it.
    assert_eq!(store.team_policy().unwrap().map(|t| t.version), Some(1));
}
