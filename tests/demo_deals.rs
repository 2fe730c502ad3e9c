//! The article's X and Y in the demo (assets/demo.json, as of 2026-11-28), priced as issue 12
//! asks: removing X's protection never looks better, X's guarantee has an amount and its
//! expected loss is split by what it covers, and Y's partner channel is costed as one.

use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::{Evaluation, evaluate};
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::vocabulary::{Channel, Security};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.json"));

#[derive(Deserialize)]
struct Store {
    prospects: Vec<Prospect>,
}

fn amount(text: &str) -> Money {
    Money::new(Decimal::from_str(text).expect("a decimal"))
}

fn demo(name: &str) -> (Evaluation, Policy) {
    let store: Store = serde_json::from_str(DEMO_JSON).expect("assets/demo.json");
    let p = store.prospects.into_iter().find(|p| p.name == name).expect("in the demo");
    let policy = Policy::default_policy();
    let today = Date::new(2026, 11, 28).expect("a date");
    (evaluate(&p, &policy, today), policy)
}

#[test]
fn removing_xs_protection_never_shows_a_higher_profit() {
    let (e, policy) = demo("Xantra Logistics NV");
    let suggested = e.suggestion.terms.clone();
    let profit = |t: &Terms| e.economics_on(t, &policy).expect("economics").risk_adjusted_profit;
    let bare = Terms {
        advance_pct: Pct::ZERO,
        security: Security::None,
        security_amount: Money::ZERO,
        ..suggested.clone()
    };
    let nothing = Terms { credit_limit: Money::ZERO, ..bare.clone() };
    let (s, b, n) = (profit(&suggested), profit(&bare), profit(&nothing));
    assert!(s > b, "no advance and no security at the suggested limit: {b} ≥ {s}");
    assert!(s > n, "no advance, no security and limit 0: {n} ≥ {s}");
    // Without the advance the limit carries 424 000/604 668.49 of the volume (2.4 M·1.21·76/365
    // is needed): deliveries stop; with a limit of 0 nothing is sold and the cost to serve
    // remains.
    let x = e.economics_on(&bare, &policy).expect("economics");
    assert!(
        x.volume_sold < Money::units(1_700_000) && x.volume_sold > Money::units(1_680_000),
        "{}",
        x.volume_sold
    );
    assert_eq!(profit(&nothing), Money::units(-30_000));
}

#[test]
fn xs_guarantee_has_an_amount_and_its_loss_is_split() {
    let (e, _) = demo("Xantra Logistics NV");
    let (s, x) = (&e.suggestion, e.economics.as_ref().expect("economics"));
    // Payment health (0.19·60 + 0.344·20 + 0.2·10 + 0.36·10)/100 = 0.2388: DBT 46, 41 % late,
    // worsening, bureau 34. Cap 5 %·3 617 202·0.2388 = 43 189.39 → 43 000 open.
    // Need 2 400 000·1.21·0.7·(30 + 46)/365 = 423 267.95 (seen on 30-day terms, X pays at 76
    // days whatever it is given): limit 424 000, guarantee 424 000 − 43 000 = 381 000.
    assert_eq!((s.credit_cap, s.terms.credit_limit), (Money::units(43_000), Money::units(424_000)));
    assert_eq!((s.terms.security, s.terms.security_amount), (Security::BankGuarantee, Money::units(381_000)));
    let ask = "Ask for a first-demand bank guarantee of 381 000, valid at least 106 days after the last \
               delivery it covers (76 days to pay + 30 to claim); no delivery until it is received";
    assert_eq!(s.ask.as_deref(), Some(ask));
    // Split: (0.95·42 267.95 + 0.05·381 000)/1.21 = 48 929.38 at default; × PD 9.2293 % (the
    // master scale at X's score 38.6, issue 11) = 4 515.84.
    assert_eq!((x.exposure, x.covered), (amount("423267.95"), Money::units(381_000)));
    assert_eq!((x.loss_at_default, x.expected_loss), (amount("48929.38"), amount("4515.84")));
    assert_eq!(e.assessment.pd.round_dp(6), rust_decimal::Decimal::new(92_293, 6));
}

#[test]
fn ys_partner_channel_is_costed_as_one() {
    let (e, policy) = demo("Ysendyck Delicatessen BV");
    let x = e.economics.as_ref().expect("economics");
    assert_eq!(e.suggestion.terms.channel, Channel::Partner);
    // 18 000 at 31 %, 8 % of the price to the sister brand: 18 000·0.23 = 4 140. Exposure
    // 18 000·1.21·31/365 = 1 849.81, lost at default 0.95·1 849.81/1.21 = 1 452.33, × PD
    // 0.1233 % (the master scale at Y's score 98.7) = 1.79; financing 147.98; cost to serve
    // 400: 4 140 − 1.79 − 147.98 − 400 = 3 590.23.
    assert_eq!(
        (x.gross_margin, x.expected_loss, x.financing_cost),
        (Money::units(4_140), amount("1.79"), amount("147.98"))
    );
    assert_eq!(x.risk_adjusted_profit, amount("3590.23"));
    // Served direct it would lose money: 5 580 − 1.79 − 147.98 − 9 000 = −3 569.77.
    let direct = Terms { channel: Channel::Direct, ..e.suggestion.terms.clone() };
    assert_eq!(e.economics_on(&direct, &policy).expect("economics").risk_adjusted_profit, amount("-3569.77"));
    assert!(
        e.suggestion.why.iter().any(|l| l.contains("served direct: 9 000 to serve against a 5 580 margin"))
    );
}
