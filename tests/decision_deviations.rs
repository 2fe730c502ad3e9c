//! A decision records its deviations from policy (issue 13 item 2, issue 12 item 11): each way
//! the agreed terms are easier than the band × segment cell as the prospect gets it that day,
//! none on the suggested terms; the decision dialog shows them before they are recorded, the
//! form's history after. (An older store's decisions read with theirs not known:
//! `store_decisions.rs`.)

mod common;

use common::desk::*;
use common::domain::{POLICY, stamp};
use dealdesk::domain::decision::{Decision, record};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::vocabulary::{Security, Status};
use dealdesk::tui::modals::Modal;
use dealdesk::tui::modals::decision::DecisionDialog;
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

const X: &str = "Xantra Logistics NV";

fn x() -> Prospect {
    demo_prospects().into_iter().find(|p| p.name == X).expect("X is in the demo")
}

/// X's suggestion made easier in every term the cell sets: 30 days instead of 14, 10 % advance
/// instead of 30 %, a limit of 500 000 instead of 424 000, and no security instead of the bank
/// guarantee of 381 000 (so all 500 000 is open, against X's unsecured cap of 43 000).
fn easier() -> Terms {
    let suggested = evaluate(&x(), &POLICY, today()).suggestion.terms;
    Terms {
        payment_days: 30,
        advance_pct: Pct::whole(10),
        credit_limit: Money::units(500_000),
        security: Security::None,
        security_amount: Money::ZERO,
        ..suggested
    }
}

/// The deviations of the latest decision, as (term, text).
fn recorded(p: &Prospect) -> Vec<(String, String)> {
    let d = p.history.last().expect("a decision");
    d.deviations.clone().expect("known").into_iter().map(|d| (d.term, d.text)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(t, x)| (t.to_string(), x.to_string())).collect()
}

#[test]
fn a_decision_on_terms_easier_than_the_cell_records_each_deviation() {
    // X's suggestion (the closing note of issue 12): 14 days, 30 % advance, a limit of 424 000
    // of which 43 000 unsecured, the rest under a bank guarantee of 381 000.
    let s = evaluate(&x(), &POLICY, today()).suggestion;
    assert_eq!(
        (s.terms.payment_days, s.terms.advance_pct, s.terms.security),
        (14, Pct::whole(30), Security::BankGuarantee)
    );
    assert_eq!((s.terms.credit_limit, s.credit_cap), (Money::units(424_000), Money::units(43_000)));

    let decision = Decision { status: Status::Approved, terms: Some(easier()), note: "by phone".into() };
    let after = record(&x(), decision, &stamp(), &POLICY, today());
    assert_eq!(
        recorded(&after),
        pairs(&[
            ("advance_pct", "Advance 10 % is below the policy's 30 %"),
            ("payment_days", "30 payment days are above the policy's 14"),
            ("credit_limit", "Credit limit 500 000 is above the policy's 424 000"),
            ("credit_limit", "Unsecured limit 500 000 is above the cap 43 000"),
            ("security", "No security is weaker than the policy's bank guarantee"),
        ])
    );
}

#[test]
fn a_decision_on_the_suggested_terms_or_agreeing_none_records_no_deviation() {
    for status in [Status::Approved, Status::RoutedToPartner, Status::Reviewing, Status::Declined] {
        let decision = Decision { status, terms: None, note: String::new() };
        let after = record(&x(), decision, &stamp(), &POLICY, today());
        assert_eq!(recorded(&after), pairs(&[]), "{status:?} on the suggestion");
    }
    // Declined on easier terms: it agrees none, so none of them is outside policy.
    let decision = Decision { status: Status::Declined, terms: Some(easier()), note: String::new() };
    assert_eq!(recorded(&record(&x(), decision, &stamp(), &POLICY, today())), pairs(&[]));
}

#[test]
fn the_dialog_shows_the_deviations_it_records_and_the_history_keeps_them() {
    let mut app = demo_app();
    let p = prospect(&app, X);
    let mut dialog = DecisionDialog::on(&p);
    dialog.terms = Some(easier());
    dialog.status_index = Status::VARIANTS.iter().position(|s| *s == Status::Approved).unwrap();
    app.modal = Some(Modal::Decision(dialog));
    let screen = screen_text(&render(&mut app, 80, 24)).join("\n");
    assert!(screen.contains("Outside policy, recorded with the decision:"), "{screen}");
    assert!(screen.contains("· Advance 10 % is below the policy's 30 %"), "{screen}");
    assert!(screen.contains("· No security is weaker than the policy's bank guarantee"), "{screen}");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    let screen = screen_text(&render(&mut app, 80, 24)).join("\n");
    assert!(screen.contains("Agrees no terms: nothing outside policy"), "new: {screen}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(recorded(&prospect(&app, X)).len(), 5, "recorded as shown");

    open(&mut app, X);
    // Tall enough for the assessment panel to reach the history below the suggested terms.
    let screen = screen_text(&render(&mut app, 120, 90)).join("\n");
    assert!(screen.contains("approved · band D"), "{screen}");
    assert!(screen.contains("outside policy:"), "{screen}");
    assert!(screen.contains("· 30 payment days are above the policy's 14"), "{screen}");
}
