//! A status a file brings is recorded as a decision noted "imported from FILE"; an empty cell
//! changes nothing, and importing the file again appends no second decision (issue 13, items 2
//! and 6).

mod common;

use common::domain::decider;
use common::sandbox::Sandbox;
use dealdesk::domain::import_plan::{Incoming, Plan, plan};
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;
use dealdesk::io::csv_import::read_prospects;

fn rows(text: &str) -> Vec<Incoming> {
    let import = read_prospects(text.as_bytes()).unwrap();
    assert!(import.is_clean(), "{:?}", import.errors);
    import.prospects.into_iter().map(|r| r.incoming()).collect()
}

fn import(existing: &[&Prospect], text: &str) -> Plan {
    plan(existing, rows(text), &decider("book.csv"))
}

fn aerts() -> Prospect {
    Prospect {
        id: 1,
        country: Some("BE".into()),
        registration: Some("0403.170.701".into()),
        status: Status::Reviewing,
        ..Prospect::named("Aerts BV")
    }
}

#[test]
fn a_status_cell_is_a_decision_and_the_same_file_again_adds_none() {
    let text = "name;country;registration;status\nAerts BV;BE;0403170701;declined\n";
    let first = import(&[&aerts()], text);
    assert_eq!(first.summary(), "0 new, 1 updated, 0 unchanged");
    let after = &first.updated[0].after;
    assert_eq!(after.status, Status::Declined);
    let d = after.history.last().expect("the import recorded a decision");
    assert_eq!((d.status, d.note.as_str()), (Status::Declined, "imported from book.csv"));
    assert_eq!(d.decided_by.as_deref(), Some("tester"));
    assert_eq!(d.decided_at.map(|t| t.to_rfc3339()), Some("2026-11-28T09:14:00+01:00".into()));
    let shown: Vec<String> = first.updated[0].changes.iter().map(|c| c.describe()).collect();
    assert_eq!(shown, ["status reviewing → declined"]);

    let again = import(&[after], text);
    assert_eq!(again.summary(), "0 new, 0 updated, 1 unchanged", "no second decision");
}

#[test]
fn an_empty_status_cell_changes_nothing() {
    let text = "name;country;registration;status;city\nAerts BV;BE;0403170701;;Gent\n";
    let result = import(&[&aerts()], text);
    let after = &result.updated[0].after;
    assert_eq!((after.status, after.history.len()), (Status::Reviewing, 0));
}

#[test]
fn a_new_prospect_with_a_status_comes_with_its_decision() {
    let text = "name;country;status\nBrabo NV;BE;approved\nCools BV;BE;new\n";
    let result = import(&[], text);
    let (brabo, cools) = (&result.new[0].1, &result.new[1].1);
    assert_eq!((brabo.status, brabo.history.len()), (Status::Approved, 1));
    assert!(brabo.agreed_terms.is_some(), "an approval agrees terms (the suggestion)");
    assert_eq!(brabo.agreed_terms.as_ref(), Some(&brabo.history[0].terms));
    assert_eq!((cools.status, cools.history.len()), (Status::New, 0), "nothing was decided");
}

#[test]
fn the_command_records_the_import_as_a_decision_by_the_os_user() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file =
        sandbox.write("book.csv", b"name;country;registration;status\nAerts BV;BE;0403170701;on_hold\n");
    sandbox.run(&["import", &file, "--store", &store]).ok();
    let again = sandbox.run(&["import", &file, "--store", &store]).ok();
    assert!(again.stdout.contains("0 new, 0 updated, 1 unchanged"), "{}", again.stdout);
    let prospects = sandbox.export_json(&store);
    let history = prospects[0]["history"].as_array().expect("a history");
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0]["note"], "imported from book.csv");
    assert_eq!(history[0]["date"], "2026-11-28", "dated as of the run's --as-of");
    assert_eq!(history[0]["decided_by"], dealdesk::store::user::os_user().as_str());
}

#[test]
fn a_dry_run_says_what_would_change_and_records_nothing() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let first =
        sandbox.write("a.csv", b"name;country;registration;status\nAerts BV;BE;0403170701;reviewing\n");
    sandbox.run(&["import", &first, "--store", &store]).ok();
    let second =
        sandbox.write("b.csv", b"name;country;registration;status\nAerts BV;BE;0403170701;declined\n");
    let run = sandbox.run(&["import", &second, "--store", &store, "--dry-run"]).ok();
    assert!(run.stdout.contains("0 new, 1 updated, 0 unchanged"), "{}", run.stdout);
    assert!(run.stdout.contains("updated row 2: status reviewing → declined"), "{}", run.stdout);
    let prospects = sandbox.export_json(&store);
    assert_eq!(prospects[0]["status"], "reviewing", "the dry run wrote nothing");
    assert_eq!(prospects[0]["history"].as_array().map(Vec::len), Some(1), "only the first import's");
}

/// Aerts approved on 45 days, no advance, a limit of 80 000 (the rest of its suggestion).
fn aerts_approved() -> Prospect {
    use dealdesk::domain::decision::{Decision, record};
    let p = Prospect { annual_volume: Some(dealdesk::domain::money::Money::units(120_000)), ..aerts() };
    let mut terms =
        dealdesk::domain::evaluate::evaluate(&p, &common::domain::POLICY, common::domain::today())
            .suggestion
            .terms;
    (terms.payment_days, terms.advance_pct) = (45, dealdesk::domain::money::Pct::ZERO);
    terms.credit_limit = dealdesk::domain::money::Money::units(80_000);
    let decision = Decision { status: Status::Approved, terms: Some(terms), note: String::new() };
    record(&p, decision, &common::domain::stamp(), &common::domain::POLICY, common::domain::today())
}

#[test]
fn term_cells_are_agreed_terms_and_an_empty_cell_keeps_the_agreed_term() {
    let before = aerts_approved();
    let agreed = before.agreed_terms.clone().unwrap();
    // No status cell: the prospect stays approved, on 20 days instead of 45; the empty advance
    // and limit cells keep 0 % and 80 000.
    let text = "name;country;registration;status;payment_days;advance_pct;credit_limit\n\
                Aerts BV;BE;0403170701;;20;;\n";
    let first = import(&[&before], text);
    assert_eq!(first.summary(), "0 new, 1 updated, 0 unchanged");
    let shown: Vec<String> = first.updated[0].changes.iter().map(|c| c.describe()).collect();
    assert_eq!(shown, ["payment_days 45 → 20"]);
    let after = &first.updated[0].after;
    let d = after.history.last().unwrap();
    assert_eq!(
        (d.status, d.note.as_str(), after.history.len()),
        (Status::Approved, "imported from book.csv", 2)
    );
    let want = dealdesk::domain::prospect::Terms { payment_days: 20, ..agreed.clone() };
    assert_eq!((after.agreed_terms.as_ref(), &d.terms), (Some(&want), &want));

    assert_eq!(import(&[after], text).summary(), "0 new, 0 updated, 1 unchanged", "no second decision");
    let empty = "name;country;registration;status;payment_days;advance_pct\nAerts BV;BE;0403170701;;;\n";
    assert_eq!(import(&[&before], empty).summary(), "0 new, 0 updated, 1 unchanged", "empty cells");
}

#[test]
fn terms_with_a_status_that_agrees_none_are_not_agreed() {
    let before = aerts_approved();
    let text = "name;country;registration;status;payment_days\nAerts BV;BE;0403170701;on_hold;20\n";
    let after = &import(&[&before], text).updated[0].after;
    assert_eq!(after.status, Status::OnHold);
    assert_eq!(after.agreed_terms, before.agreed_terms, "an on-hold decision agrees no terms");
}
