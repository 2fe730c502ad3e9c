//! Reviews come due (issue 13, item 4): each decision sets a review date from its review
//! interval; `dealdesk review` lists the prospects whose date has come, and the portfolio's
//! quick filter shows only them.

mod common;

use common::desk::*;
use common::domain::{date, decided};
use common::sandbox::Sandbox;
use dealdesk::domain::decision::review_due;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;

/// Decided on 1 August with 3 months (due 1 November), on 1 October with 3 months (due 1
/// January), on 15 May with 6 months (due 15 November), declined on 1 June, never decided.
fn book() -> Vec<Prospect> {
    vec![
        decided(1, "Aerts BV", Status::Approved, date(2026, 8, 1), 3),
        decided(2, "Brabo NV", Status::Approved, date(2026, 10, 1), 3),
        decided(3, "Cools BV", Status::ApprovedWithConditions, date(2026, 5, 15), 6),
        decided(4, "Dewulf NV", Status::Declined, date(2026, 6, 1), 1),
        Prospect { id: 5, ..Prospect::named("Eeckhout BV") },
    ]
}

#[test]
fn the_review_date_is_the_latest_decisions_and_a_declined_prospect_has_none() {
    let due: Vec<_> = book().iter().map(review_due).collect();
    assert_eq!(due, [Some(date(2026, 11, 1)), Some(date(2027, 1, 1)), Some(date(2026, 11, 15)), None, None]);
}

#[test]
fn the_command_lists_those_due_the_earliest_first() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    dealdesk::store::write_new(std::path::Path::new(&store), &book()).expect("the store is written");
    let due = sandbox.run(&["review", "--store", &store, "--format", "json"]).json();
    let shown: Vec<(&str, &str, &str)> = due
        .iter()
        .map(|d| {
            (d["name"].as_str().unwrap(), d["due"].as_str().unwrap(), d["last_decision"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        shown,
        [("Aerts BV", "2026-11-01", "approved"), ("Cools BV", "2026-11-15", "approved_with_conditions")]
    );
    assert_eq!(due[0]["decided_on"], "2026-08-01");
    assert!(due[0]["band"].is_string());

    let table = sandbox.run(&["review", "--store", &store]).ok();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(lines[0].starts_with("name") && lines[0].contains("last decision"), "{}", table.stdout);
    assert!(
        lines[2].starts_with("Aerts BV") && lines[2].contains("approved on 2026-08-01"),
        "{}",
        table.stdout
    );
    assert!(lines[2].ends_with("2026-11-01"), "{}", table.stdout);
    assert_eq!(lines.len(), 4, "{}", table.stdout);
    assert!(table.stderr.contains("2 prospects due for review by 2026-11-28"), "{}", table.stderr);
}

#[test]
fn the_quick_filter_shows_only_the_prospects_due_and_again_all() {
    let mut app = app_with(book(), false);
    ch(&mut app, 'R');
    assert_eq!(names(&app), ["Aerts BV", "Cools BV"]);
    ch(&mut app, 'R');
    assert_eq!(names(&app).len(), 5);
}
