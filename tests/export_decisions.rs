//! Exports carry decisions (issue 13, item 5): CSV and workbook exports add the latest
//! decision's time, user, review date and agreed terms (under the economics' term names) beside
//! its status; JSON keeps the whole history; an exported CSV or workbook imports again with its
//! decisions and their agreed terms.

mod common;

use common::domain::{POLICY, decided, stamp, today};
use common::sandbox::Sandbox;
use dealdesk::domain::decision::{Decision, agrees_terms, record};
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::vocabulary::{Channel, Delivery, Security, Status};

/// Terms negotiated by hand: 45 days, no advance, 2 % within 10 days, a limit of 80 000 under a
/// bank guarantee of 30 000.
fn negotiated() -> Terms {
    Terms {
        payment_days: 45,
        advance_pct: Pct::ZERO,
        discount_pct: Pct::whole(2),
        discount_days: 10,
        credit_limit: Money::units(80_000),
        delivery: Delivery::Partial,
        security: Security::BankGuarantee,
        security_amount: Money::units(30_000),
        channel: Channel::InsideSales,
        review_months: 12,
    }
}

/// Aerts decided twice (reviewing, then approved on the negotiated terms on 28 November at
/// 09:14 by "tester"); Brabo never decided; Cools routed to the partner on its suggestion;
/// Dams declined.
fn book() -> Vec<Prospect> {
    let decide = |p: &Prospect, status, terms| {
        let decision = Decision { status, terms, note: "by phone".into() };
        record(p, decision, &stamp(), &POLICY, today())
    };
    let aerts = decided(1, "Aerts BV", Status::Reviewing, common::domain::date(2026, 8, 1), 3);
    let aerts = decide(&aerts, Status::Approved, Some(negotiated()));
    let cools = decided(3, "Cools BV", Status::Reviewing, common::domain::date(2026, 8, 1), 3);
    let cools = decide(&cools, Status::RoutedToPartner, None);
    let dams = decided(4, "Dams NV", Status::Approved, common::domain::date(2026, 8, 1), 3);
    let dams = decide(&dams, Status::Declined, None);
    vec![aerts, Prospect { id: 2, ..Prospect::named("Brabo NV") }, cools, dams]
}

fn store_with_book(sandbox: &Sandbox) -> String {
    let store = sandbox.store();
    dealdesk::store::write_new(std::path::Path::new(&store), &book()).expect("the store is written");
    store
}

/// What an export carries of a prospect's latest decision: when, by whom, its review date, and
/// when it agrees terms, those terms and their deviations from policy.
fn latest(p: &Prospect) -> impl PartialEq + std::fmt::Debug {
    let d = p.history.last().cloned();
    let d = d.map(|d| {
        let agreed = agrees_terms(d.status).then(|| (d.terms.clone(), d.deviations.clone()));
        (d.status, d.decided_at, d.decided_by.clone(), d.date, d.review_date(), agreed)
    });
    (p.status, d, agrees_terms(p.status).then(|| p.agreed_terms.clone()))
}

/// Imports `file` into a new store and checks every prospect's latest decision came back.
fn round_trip(sandbox: &Sandbox, file: &str, name: &str) {
    let second = sandbox.arg(&format!("second-{name}.json"));
    sandbox.run(&["import", file, "--store", &second]).ok();
    let back = dealdesk::store::load(std::path::Path::new(&second)).unwrap();
    let by_name = |name: &str| back.iter().find(|p| p.name == name).cloned().expect("imported");
    for was in book() {
        let is = by_name(&was.name);
        assert_eq!(latest(&is), latest(&was), "{}", was.name);
        let note = is.history.last().map(|d| d.note.clone());
        assert_eq!(note, was.history.last().map(|_| format!("imported from {name}")), "{}", was.name);
    }
    let aerts = by_name("Aerts BV");
    assert_eq!(
        aerts.agreed_terms.map(|t| (t.payment_days, t.security_amount)),
        Some((45, Money::units(30_000)))
    );
    // The routing serves the suggestion through the partner channel, after the import too.
    assert_eq!(by_name("Cools BV").agreed_terms.map(|t| t.channel), Some(Channel::Partner));
}

#[test]
fn a_csv_export_has_the_latest_decision_and_its_terms_and_imports_again_with_them() {
    let sandbox = Sandbox::new();
    let store = store_with_book(&sandbox);
    let csv = sandbox.arg("out.csv");
    sandbox.run(&["export", "-o", &csv, "--store", &store]).ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(
            ",status,note,decided_at,decided_by,review_date,payment_days,advance_pct,credit_limit,security,\
             security_amount,delivery,discount_pct,discount_days"
        ),
        "{header}"
    );
    let aerts = lines.next().unwrap();
    // Reviewed as its band says on the day of the approval: with this little data Aerts is in
    // band D, whose review interval is 1 month (policy bands.D), so 28 November + 1 month; the
    // negotiated terms as they were agreed.
    assert!(
        aerts.ends_with(
            ",approved,,2026-11-28T09:14:00+01:00,tester,2026-12-28,45,0,80000,bank_guarantee,30000,partial,2,10"
        ),
        "{aerts}"
    );
    let brabo = lines.next().unwrap();
    assert!(brabo.ends_with(",new,,,,,,,,,,,,"), "no decision, empty cells: {brabo}");
    lines.next();
    let dams = lines.next().unwrap();
    assert!(dams.ends_with(",declined,,2026-11-28T09:14:00+01:00,tester,,,,,,,,,"), "{dams}");

    round_trip(&sandbox, &csv, "out.csv");

    // Importing the export again into the first store repeats no decision.
    let again = sandbox.run(&["import", &csv, "--store", &store]).ok();
    assert!(again.stdout.contains("0 new, 0 updated, 4 unchanged"), "{}", again.stdout);
}

#[test]
fn a_workbook_export_imports_again_with_its_decisions_and_their_terms() {
    let sandbox = Sandbox::new();
    let store = store_with_book(&sandbox);
    let xlsx = sandbox.arg("out.xlsx");
    sandbox.run(&["export", "--format", "xlsx", "-o", &xlsx, "--store", &store]).ok();
    round_trip(&sandbox, &xlsx, "out.xlsx");
    let again = sandbox.run(&["import", &xlsx, "--store", &store]).ok();
    assert!(again.stdout.contains("0 new, 0 updated, 4 unchanged"), "{}", again.stdout);
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
    assert_eq!(history[1]["terms"]["security_amount"], "30000");
    assert!(history[1]["deviations"].is_array(), "{:#}", history[1]);
}
