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
    assert!(screen.contains("· *agreed, routed via partner; decl./hold out"), "{screen}");
    let wide = screen_text(&render(&mut app, 200, 40)).join("\n");
    assert!(
        wide.contains("· * agreed terms, routed ones through the partner; declined, on hold left out"),
        "{wide}"
    );
}

/// A bankrupt Dutch buyer (PD 100 %: in default), 365 000 a year at 20 % margin, paying 10 days
/// beyond terms it was seen on at 30: a sale across the border, invoiced without VAT.
fn bankrupt(status: Status, agreed: bool) -> Prospect {
    use dealdesk::domain::vocabulary::{Delivery, Insolvency, Security};
    let terms = dealdesk::domain::prospect::Terms {
        payment_days: 30,
        advance_pct: Pct::ZERO,
        discount_pct: Pct::ZERO,
        discount_days: 0,
        credit_limit: Money::units(1_000_000),
        delivery: Delivery::Standard,
        security: Security::None,
        security_amount: Money::ZERO,
        channel: Channel::Direct,
        review_months: 0,
    };
    Prospect {
        country: Some("NL".into()),
        insolvency: Some(Insolvency::Bankruptcy),
        annual_volume: Some(Money::units(365_000)),
        margin_pct: Some(Pct::whole(20)),
        dbt_days: Some(10),
        dbt_observed: Some(today()),
        observed_terms_days: Some(30),
        status,
        agreed_terms: agreed.then_some(terms),
        ..Prospect::named("Bankrupt BV")
    }
}

fn figures(s: &Summary) -> (Money, Money, Option<Money>) {
    (s.exposure, s.expected_loss, s.risk_adjusted_profit)
}

#[test]
fn the_totals_by_hand_agreed_routed_through_the_partner_suggested_and_left_out() {
    // On the agreed 30 days the buyer pays after 40 (30 + 10 beyond terms, as it paid on 30):
    // exposure 365 000 × 40 / 365 = 40 000; expected loss PD 1 × LGD 0.95 × 40 000 = 38 000;
    // financing 8 % × 40 000 = 3 200.
    // Approved, served direct: margin 20 % × 365 000 = 73 000, less 9 000 to serve:
    // 73 000 − 38 000 − 3 200 − 9 000 = 22 800.
    let approved = Summary::of(&bankrupt(Status::Approved, true), &POLICY, today());
    assert_eq!(figures(&approved), (Money::units(40_000), Money::units(38_000), Some(Money::units(22_800))));
    // Routed: the same exposure and loss (a sister brand's risk stays in the group), the margin
    // less the partner's 8 %: 12 % × 365 000 = 43 800, less 400 to serve: 43 800 − 38 000 −
    // 3 200 − 400 = 2 200.
    let routed = Summary::of(&bankrupt(Status::RoutedToPartner, true), &POLICY, today());
    assert_eq!(routed.basis, Basis::Partner);
    assert_eq!(figures(&routed), (Money::units(40_000), Money::units(38_000), Some(Money::units(2_200))));
    // Routed with no terms agreed: the suggestion (in default: payment before delivery, nothing
    // owed) through the partner: 43 800 − 2 % prepayment discount on 365 000 (7 300) − 400 =
    // 36 100 (served direct it would be 73 000 − 7 300 − 9 000 = 56 700).
    let routed_bare = Summary::of(&bankrupt(Status::RoutedToPartner, false), &POLICY, today());
    assert_eq!(routed_bare.basis, Basis::PartnerSuggested);
    assert_eq!(figures(&routed_bare), (Money::ZERO, Money::ZERO, Some(Money::units(36_100))));
    // Reviewing, with terms agreed before: the suggestion, served direct: 56 700.
    let reviewing = Summary::of(&bankrupt(Status::Reviewing, true), &POLICY, today());
    assert_eq!(figures(&reviewing), (Money::ZERO, Money::ZERO, Some(Money::units(56_700))));

    let mut totals = Totals::default();
    for s in [approved, routed, routed_bare, reviewing] {
        totals.add(&s);
    }
    for status in [Status::Declined, Status::OnHold] {
        totals.add(&Summary::of(&bankrupt(status, true), &POLICY, today()));
    }
    // Six prospects of 365 000; exposure and loss of the approved and the routed one on terms;
    // profit 22 800 + 2 200 + 36 100 + 56 700 = 117 800; declined and on hold add no figure.
    assert_eq!((totals.count, totals.volume()), (6, Money::units(2_190_000)));
    assert_eq!((totals.exposure(), totals.expected_loss()), (Money::units(80_000), Money::units(76_000)));
    assert_eq!(totals.risk_adjusted_profit(), Money::units(117_800));
}

#[test]
fn a_partner_that_is_the_debtor_leaves_its_own_exposure_and_loss() {
    // A policy whose partner buys and pays itself (PD 1 %, 30 days + 5 beyond terms): it pays
    // 92 % of the price, 335 800 a year, after 35 days: exposure 335 800 × 35 / 365 = 32 200;
    // loss at default 0.95 × 32 200 = 30 590, expected loss 1 % of it = 305.90.
    let mut policy = dealdesk::domain::policy::Policy::default_policy();
    policy.channels.partner.debtor = Some(dealdesk::domain::policy::ChannelDebtor {
        pd_pct: Pct::whole(1),
        payment_days: 30,
        dbt_days: 5,
    });
    let routed = Summary::of(&bankrupt(Status::RoutedToPartner, true), &policy, today());
    assert_eq!(
        (routed.exposure, routed.expected_loss),
        (Money::units(32_200), common::domain::amount("305.90"))
    );
}

#[test]
fn a_routed_micro_buyer_is_served_through_its_wholesaler() {
    // 7 300 a year is a micro deal, whose partner is the wholesaler (policy segments.micro): it
    // pays 88 % of the price, 6 424, after 30 + 5 days: exposure 6 424 × 35 / 365 = 616; loss at
    // default 0.95 × 616 = 585.20, expected loss at its PD of 1 % 5.85; profit 8 % × 7 300 =
    // 584 − 5.85 − financing 8 % × 616 = 49.28 − 100 to serve = 428.87. (Through the sister
    // brand on the bankrupt buyer's own suggestion, payment before delivery, it would owe 0.)
    let p = Prospect { annual_volume: Some(Money::units(7_300)), ..bankrupt(Status::RoutedToPartner, false) };
    let s = Summary::of(&p, &POLICY, today());
    let (exposure, loss, profit) = figures(&s);
    assert_eq!((exposure, loss), (Money::units(616), common::domain::amount("5.85")));
    assert_eq!(profit, Some(common::domain::amount("428.87")));
}
