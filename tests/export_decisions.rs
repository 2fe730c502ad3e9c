//! Exports carry decisions (issue 13, item 5): CSV and workbook exports add the latest
//! decision's time, user and review date beside its status; JSON keeps the whole history; an
//! exported CSV or workbook imports again with its decisions.

mod common;

use common::domain::{POLICY, decided, stamp, today};
use common::sandbox::Sandbox;
use dealdesk::domain::decision::{Decision, record};
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;

/// Aerts decided twice (reviewing, then approved on 28 November at 09:14 by "tester"); Brabo
/// never decided.
fn book() -> Vec<Prospect> {
    let aerts = decided(1, "Aerts BV", Status::Reviewing, common::domain::date(2026, 8, 1), 3);
    let approve = Decision { status: Status::Approved, terms: None, note: "by phone".into() };
    let aerts = record(&aerts, approve, &stamp(), &POLICY, today());
    vec![aerts, Prospect { id: 2, ..Prospect::named("Brabo NV") }]
}

fn store_with_book(sandbox: &Sandbox) -> String {
    let store = sandbox.store();
    dealdesk::store::write_new(std::path::Path::new(&store), &book()).expect("the store is written");
    store
}

#[test]
fn a_csv_export_has_the_latest_decision_and_imports_again_with_it() {
    let sandbox = Sandbox::new();
    let store = store_with_book(&sandbox);
    let csv = sandbox.arg("out.csv");
    sandbox.run(&["export", "-o", &csv, "--store", &store]).ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().ends_with(",status,note,decided_at,decided_by,review_date"));
    let aerts = lines.next().unwrap();
    // Reviewed as its band says on the day of the approval: with this little data Aerts is in
    // band D, whose review interval is 1 month (policy bands.D), so 28 November + 1 month.
    assert!(aerts.ends_with(",approved,,2026-11-28T09:14:00+01:00,tester,2026-12-28"), "{aerts}");
    assert!(lines.next().unwrap().ends_with(",new,,,,"), "no decision, empty cells");

    let second = sandbox.arg("second.json");
    sandbox.run(&["import", &csv, "--store", &second]).ok();
    let back = dealdesk::store::load(std::path::Path::new(&second)).unwrap();
    let (was, is) = (book()[0].history.last().cloned().unwrap(), back[0].history.last().cloned().unwrap());
    assert_eq!(
        (is.status, is.decided_at, is.decided_by.clone()),
        (was.status, was.decided_at, was.decided_by.clone())
    );
    assert_eq!((is.date, is.review_date()), (was.date, was.review_date()));
    assert_eq!(is.note, "imported from out.csv");
    assert!(back[1].history.is_empty(), "nothing decided, nothing recorded");

    // Importing the export again into the first store repeats no decision.
    let again = sandbox.run(&["import", &csv, "--store", &store]).ok();
    assert!(again.stdout.contains("0 new, 0 updated, 2 unchanged"), "{}", again.stdout);
}

#[test]
fn a_workbook_export_imports_again_with_its_decisions() {
    let sandbox = Sandbox::new();
    let store = store_with_book(&sandbox);
    let xlsx = sandbox.arg("out.xlsx");
    sandbox.run(&["export", "--format", "xlsx", "-o", &xlsx, "--store", &store]).ok();
    let second = sandbox.arg("second.json");
    sandbox.run(&["import", &xlsx, "--store", &second]).ok();
    let back = dealdesk::store::load(std::path::Path::new(&second)).unwrap();
    let is = back[0].history.last().expect("the decision came back");
    assert_eq!(is.decided_at.map(|t| t.to_rfc3339()), Some("2026-11-28T09:14:00+01:00".into()));
    assert_eq!((is.status, is.decided_by.as_deref()), (Status::Approved, Some("tester")));
}

#[test]
fn a_json_export_keeps_the_whole_history() {
    let sandbox = Sandbox::new();
    let store = store_with_book(&sandbox);
    let prospects = sandbox.export_json(&store);
    let history = prospects[0]["history"].as_array().expect("a history");
    let statuses: Vec<&str> = history.iter().map(|d| d["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["reviewing", "approved"]);
    assert_eq!(history[1]["note"], "by phone");
    assert_eq!(history[1]["decided_by"], "tester");
}
