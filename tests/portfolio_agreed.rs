//! Agreed terms are what the portfolio shows (issue 13, item 3): a decided prospect's row and
//! its part of the totals are on its agreed terms (a routed one's through the partner
//! channel), a new or reviewing one's on the suggestion, and declined or on-hold prospects add
//! no exposure, expected loss or profit to the totals.

mod common;

use common::desk::*;
use common::domain::{POLICY, today};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::summary::{Basis, Summary, Totals};
use dealdesk::domain::vocabulary::{Channel, Status};

/// A demo prospect with this status and, when given, these agreed terms: its suggestion with
/// 50 % paid in advance and 10 days less to pay.
fn with(name: &str, status: Status, agreed: bool) -> Prospect {
    let p = demo_prospects().into_iter().find(|p| p.name == name).expect("a demo prospect");
    let mut terms = evaluate(&p, &POLICY, today()).suggestion.terms;
    terms.advance_pct = Pct::whole(50);
    terms.payment_days = terms.payment_days.saturating_sub(10);
    Prospect { status, agreed_terms: agreed.then_some(terms), ..p }
}

const X: &str = "Xantra Logistics NV";

#[test]
fn an_approved_row_is_on_its_agreed_terms_and_a_routed_one_through_the_partner() {
    let approved = with(X, Status::Approved, true);
    let s = Summary::of(&approved, &POLICY, today());
    let agreed = approved.agreed_terms.clone().unwrap();
    let e = evaluate(&approved, &POLICY, today());
    let on_agreed = e.economics_on(&agreed, &POLICY).expect("X has a volume");
    assert_eq!((s.basis, s.payment_days, s.advance), (Basis::Agreed, agreed.payment_days, Pct::whole(50)));
    assert_eq!((s.exposure, s.expected_loss), (on_agreed.exposure, on_agreed.expected_loss));
    assert_ne!(s.exposure, e.economics.as_ref().unwrap().exposure, "not the suggestion's");

    let routed = Prospect { status: Status::RoutedToPartner, ..approved.clone() };
    let s = Summary::of(&routed, &POLICY, today());
    let partner = dealdesk::domain::prospect::Terms { channel: Channel::Partner, ..agreed };
    assert_eq!(s.basis, Basis::Partner);
    assert_eq!(s.risk_adjusted_profit, e.economics_on(&partner, &POLICY).map(|x| x.risk_adjusted_profit));

    // Approved without terms on record (a status from before decisions kept them): the suggestion.
    let bare = Summary::of(&with(X, Status::Approved, false), &POLICY, today());
    assert_eq!(bare.basis, Basis::Suggested);
}

#[test]
fn declined_and_on_hold_prospects_are_left_out_of_the_totals() {
    let rows: Vec<Summary> = [
        with(X, Status::Approved, true),
        with(X, Status::Reviewing, true),
        with(X, Status::Declined, true),
        with(X, Status::OnHold, false),
    ]
    .iter()
    .map(|p| Summary::of(p, &POLICY, today()))
    .collect();
    let mut totals = Totals::default();
    rows.iter().for_each(|s| totals.add(s));
    assert_eq!(totals.count, 4);
    assert_eq!(totals.exposure(), rows[0].exposure + rows[1].exposure, "the approved and the reviewing one");
    assert_eq!(totals.expected_loss(), rows[0].expected_loss + rows[1].expected_loss);
    assert_eq!(rows[1].basis, Basis::Suggested, "reviewing: the suggestion, whatever was agreed before");
    assert!(rows[2].exposure > Money::ZERO, "the declined row still shows its figures");
    assert_eq!(totals.volume(), rows.iter().map(|s| s.volume.unwrap()).fold(Money::ZERO, |a, b| a + b));
}

#[test]
fn the_table_marks_agreed_terms_and_the_totals_line_says_what_it_counts() {
    let mut app = app_with(vec![Prospect { id: 1, ..with(X, Status::Approved, true) }], false);
    let screen = screen_text(&render(&mut app, 120, 40)).join("\n");
    let row = screen.lines().find(|l| l.contains(X)).expect("X's row");
    assert!(row.contains("50*"), "{row}");
    assert!(screen.contains("· *agreed; declined, on hold out"), "{screen}");
}
