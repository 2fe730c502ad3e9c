//! Deal economics (SPEC §5), goal seeks and sensitivity series against hand-computed figures
//! from the default policy.

mod common;

use common::domain::*;
use dealdesk::domain::economics::{
    Deal, Economics, Seek, economics, least_advance, longest_payment_days, profit_by_advance,
    profit_by_payment_days,
};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::Terms;
use dealdesk::domain::vocabulary::Channel::{self, Direct, InsideSales};
use dealdesk::domain::vocabulary::Security::{
    self, BankGuarantee, CreditInsurance, LetterOfCredit, RetentionOfTitle,
};
use dealdesk::domain::vocabulary::{Band, Delivery, Segment};
use strum::VariantArray;

/// V 365 000 (so that V/365 = 1 000 a day), margin 20 %, band C (PD 3 %), DBT 10.
fn deal_c() -> Deal {
    deal_of(365_000, "20", Band::C, 10)
}

fn deal_of(volume: i64, margin: &str, band: Band, expected_dbt_days: u32) -> Deal {
    let (volume, margin, pd) = (eur(volume), pct(margin), pd(band));
    Deal { volume, margin, pd, expected_dbt_days }
}

/// Standard delivery, no discount, review every 12 months.
fn terms(days: u32, advance: &str, limit: i64, security: Security, channel: Channel) -> Terms {
    Terms {
        payment_days: days,
        advance_pct: pct(advance),
        discount_pct: Pct::ZERO,
        credit_limit: eur(limit),
        delivery: Delivery::Standard,
        security,
        channel,
        review_months: 12,
    }
}

/// The economics of `deal_c` on 30 days with a limit of 40 000.
fn econ_c(advance: &str, security: Security, channel: Channel) -> Economics {
    let t = terms(30, advance, 40_000, security, channel);
    economics(&deal_c(), &t, &policy())
}

#[test]
fn economics_by_hand() {
    // 30 days, 10 % advance, 1 % discount, limit 40 000, credit insurance (LGD 20 %), inside
    // sales (2 500). Receivable 365 000·0.9·40/365 = 36 000; EL 36 000·0.03·0.2 = 216;
    // financing 8 %·36 000 = 2 880; insurance premium 0.3 %·365 000·0.9 = 985.50;
    // profit 73 000 − 3 650 − 216 − 2 880 − 2 500 − 985.50 = 62 768.50;
    // 62 768.50 / 365 000 = 17.20 %; 62 768.50 / 36 000 = 174.36 %.
    let mut t = terms(30, "10", 40_000, CreditInsurance, InsideSales);
    t.discount_pct = pct("1");
    let want = Economics {
        gross_margin: eur(73_000),
        discounts: eur(3_650),
        average_receivable: eur(36_000),
        exposure: eur(36_000),
        expected_loss: eur(216),
        financing_cost: eur(2_880),
        cost_to_serve: eur(2_500),
        security_cost: Money::new(dec("985.50")),
        risk_adjusted_profit: Money::new(dec("62768.50")),
        margin_pct: Some(dec("17.20")),
        return_on_exposure_pct: Some(dec("174.36")),
    };
    assert_eq!(economics(&deal_c(), &t, &policy()), want);

    // A limit of 30 000 bounds the exposure: EL 30 000·0.006 = 180, financing still on the
    // receivable; profit 73 000 − 3 650 − 180 − 2 880 − 2 500 − 985.50 = 62 804.50,
    // 209.35 % of 30 000.
    t.credit_limit = eur(30_000);
    let e = economics(&deal_c(), &t, &policy());
    assert_eq!((e.exposure, e.expected_loss), (eur(30_000), eur(180)));
    assert_eq!((e.financing_cost, e.risk_adjusted_profit), (eur(2_880), Money::new(dec("62804.50"))));
    assert_eq!(e.return_on_exposure_pct, Some(dec("209.35")));
}

#[test]
fn security_cost_per_security() {
    // 0.0 / 0 / 0.3 / 0.5 / 0.75 % of the 365 000·0.9 = 328 500 sold on credit: 0, 0, 985.50,
    // 1 642.50, 2 463.75. With direct (9 000), financing 2 880 and the expected loss
    // 1 026 / 756 / 216 / 108 / 54: profit = 73 000 − loss − 2 880 − 9 000 − security cost.
    let cases = [
        (UNSECURED, "0", "60094"),
        (RetentionOfTitle, "0", "60364"),
        (CreditInsurance, "985.50", "59918.50"),
        (BankGuarantee, "1642.50", "59369.50"),
        (LetterOfCredit, "2463.75", "58602.25"),
    ];
    for (security, cost, profit) in cases {
        let e = econ_c("10", security, Direct);
        assert_eq!((e.security_cost, e.risk_adjusted_profit), (amount(cost), amount(profit)), "{security:?}");
        let parts = e.gross_margin - e.discounts - e.expected_loss - e.financing_cost - e.cost_to_serve;
        assert_eq!(parts - e.security_cost, e.risk_adjusted_profit, "{security:?}");
    }
    // Only the part sold on credit: bank guarantee at 0 % advance 0.5 %·365 000 = 1 825, at 60 %
    // 0.5 %·146 000 = 730, at full advance nothing. The term does not matter.
    for (advance, cost) in [("0", 1_825), ("60", 730), ("100", 0)] {
        let e = econ_c(advance, BankGuarantee, Direct);
        assert_eq!(e.security_cost, eur(cost), "{advance} %");
    }
    let long = economics(&deal_c(), &terms(60, "0", 40_000, BankGuarantee, Direct), &policy());
    assert_eq!(long.security_cost, eur(1_825));
    // Rounded to the cent, half away from zero: on 1 001, 0.3 % = 3.003 → 3.00, 0.5 % = 5.005
    // → 5.01, 0.75 % = 7.5075 → 7.51.
    let small = deal_of(1_001, "20", Band::C, 10);
    for (security, cost) in [(CreditInsurance, "3.00"), (BankGuarantee, "5.01"), (LetterOfCredit, "7.51")] {
        let e = economics(&small, &terms(30, "0", 1_000, security, Direct), &policy());
        assert_eq!(e.security_cost, amount(cost), "{security:?}");
    }
}

#[test]
fn loss_given_default_and_cost_to_serve_come_from_the_policy() {
    // Exposure 36 000 × PD 3 % × LGD 95 / 70 / 20 / 10 / 5 %.
    for (security, loss) in SECURITIES.into_iter().zip([1_026, 756, 216, 108, 54]) {
        let e = econ_c("10", security, Direct);
        assert_eq!(e.expected_loss, eur(loss), "{security:?}");
    }
    // Key account, direct, inside sales, partner, wholesaler.
    let costs = [30_000, 9_000, 2_500, 400, 100];
    for (channel, cost) in Channel::VARIANTS.iter().copied().zip(costs) {
        let e = econ_c("10", UNSECURED, channel);
        assert_eq!(e.cost_to_serve, eur(cost), "{channel:?}");
    }
}

#[test]
fn nothing_exposed_or_no_volume() {
    // Full advance: nothing outstanding, no loss, no financing, no return on exposure;
    // 73 000 − 9 000 (direct) = 64 000 = 17.53 % of volume.
    let e = econ_c("100", UNSECURED, Direct);
    let zero = Money::ZERO;
    assert_eq!((e.average_receivable, e.exposure, e.expected_loss), (zero, zero, zero));
    assert_eq!((e.financing_cost, e.return_on_exposure_pct), (zero, None));
    assert_eq!((e.risk_adjusted_profit, e.margin_pct), (eur(64_000), Some(dec("17.53"))));
    // A limit of 0 exposes nothing although 40 000 is outstanding and financed (3 200).
    let t = terms(30, "0", 0, UNSECURED, Direct);
    let e = economics(&deal_c(), &t, &policy());
    assert_eq!((e.average_receivable, e.exposure), (eur(40_000), zero));
    assert_eq!((e.expected_loss, e.financing_cost), (zero, eur(3_200)));
    assert_eq!(e.return_on_exposure_pct, None);
    // No volume: no margin percentage, only the cost to serve.
    let empty = Deal { volume: zero, ..deal_c() };
    let e = economics(&empty, &t, &policy());
    assert_eq!((e.margin_pct, e.risk_adjusted_profit), (None, eur(-9_000)));
}

#[test]
fn evaluation_end_to_end_in_cents() {
    // Healthy (band A, score 100: PD 0.1 %, the master scale's end anchor), 100 000 a year
    // (Core: 30 days, no security, inside sales), margin 25 %. Receivable 100 000·30/365 =
    // 8 219.18; EL 8 219.18·0.001·0.95 = 7.81; financing 657.53; profit 25 000 − 7.81 −
    // 657.53 − 2 500 = 21 834.66; 21.83 %; 265.65 %.
    let p = with(healthy(), |p| {
        p.annual_volume = Some(eur(100_000));
        p.margin_pct = Some(pct("25"));
    });
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.segment, Some(Segment::Core));
    assert!(e.assumptions.is_empty(), "{:?}", e.assumptions);
    // Cap: 20 % of 500 000 = 100 000 > the Core cap 75 000.
    assert_eq!(e.suggestion.credit_cap, eur(75_000));
    assert_eq!(e.suggestion.terms.credit_limit, eur(9_000));
    let x = e.economics.expect("economics");
    let receivable = amount("8219.18");
    assert_eq!((x.average_receivable, x.exposure), (receivable, receivable));
    assert_eq!((x.expected_loss, x.financing_cost), (amount("7.81"), amount("657.53")));
    assert_eq!(x.security_cost, Money::ZERO);
    assert_eq!(x.risk_adjusted_profit, amount("21834.66"));
    assert_eq!(x.margin_pct, Some(dec("21.83")));
    assert_eq!(x.return_on_exposure_pct, Some(dec("265.65")));
}

#[test]
fn unknown_margin_is_the_policy_assumption() {
    let p = with(healthy(), |p| p.annual_volume = Some(eur(365_000)));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.deal.as_ref().map(|d| d.margin), Some(pct("20")));
    says(&e.assumptions, "gross margin 20 % (policy assumption)");
    assert_eq!(e.economics.map(|x| x.gross_margin), Some(eur(73_000)));
    // DBT unknown is listed too: band A assumes 2 days, the scorecard's cautious value is 30.
    let e = evaluate(&with(p, |p| p.dbt_days = None), &policy(), today());
    says(
        &e.assumptions,
        "days beyond terms 30 (unknown: the larger of band A's assumption and the cautious value)",
    );
}

/// V 365 000, margin 10 %, band D (PD 8 %), DBT 20, no security (LGD 95 %), inside sales 2 500;
/// 30 days, no advance. Receivable R = 1 000·(1 − a)·(T + 20); loss + financing =
/// (0.08·0.95 + 0.08)·R = 0.156·R; profit = 36 500 − 2 500 − 0.156·R; margin = profit / 3 650 %.
fn seek_deal() -> (Deal, Terms) {
    let deal = deal_of(365_000, "10", Band::D, 20);
    (deal, terms(30, "0", 1_000_000, UNSECURED, InsideSales))
}

/// Days, advance and margin of the terms a goal seek found, which must equal `start` apart from
/// the days and the advance.
fn found(seek: &Seek, start: &Terms) -> (u32, Pct, rust_decimal::Decimal) {
    let Seek::Found { terms, margin_pct } = seek else {
        panic!("not found: {seek:?}");
    };
    let same = Terms { payment_days: start.payment_days, advance_pct: start.advance_pct, ..terms.clone() };
    assert_eq!(&same, start, "only the sought term may change");
    (terms.payment_days, terms.advance_pct, *margin_pct)
}

#[test]
fn least_advance_goal_seek() {
    let (deal, t) = seek_deal();
    let seek = |target| least_advance(&deal, &t, dec(target), &policy());
    // At 30 days R = 50 000·(1 − a): profit 34 000 − 7 800·(1 − a). 8 % needs 29 200: a ≥ 38.46 %.
    // 39 %: R 30 500, profit 36 500 − 2 318 − 2 440 − 2 500 = 29 242 → 8.01 %; 38 % gives 7.99 %.
    let g = seek("8");
    assert_eq!(found(&g.seek, &t), (30, pct("39"), dec("8.01")));
    assert!(!g.already_met);
    assert_eq!(g.explanation, "Least advance 39 % keeps the margin ≥ 8 % (8.0 %)");
    // Already met at 0 %: 26 200 / 3 650 = 7.18 % ≥ 7 %.
    let g = seek("7");
    assert_eq!(found(&g.seek, &t), (30, Pct::ZERO, dec("7.18")));
    assert!(g.already_met);
    let text = "No advance needed: margin 7.2 % ≥ 7 % at 0 %; the current terms already meet \
                the target";
    assert_eq!(g.explanation, text);
    // Only 100 %: 34 000 / 3 650 = 9.32 %; 99 % gives 33 922 → 9.29 %.
    let g = seek("9.3");
    assert_eq!(found(&g.seek, &t), (30, Pct::HUNDRED, dec("9.32")));
    let text = "Only full advance payment keeps the margin ≥ 9.3 % (9.3 %)";
    assert_eq!(g.explanation, text);
    // 10 % is out of reach.
    let g = seek("10");
    let best = Some(dec("9.32"));
    assert_eq!(g.seek, Seek::Unreachable { best_margin_pct: best });
    let text = "Unreachable: even 100 % advance gives a margin of 9.3 % < 10 %";
    assert!(g.explanation.starts_with(text), "{}", g.explanation);
}

#[test]
fn longest_payment_days_goal_seek() {
    let (deal, t) = seek_deal();
    let seek = |target| longest_payment_days(&deal, &t, dec(target), &policy());
    // R = 1 000·(T + 20): profit 34 000 − 156·(T + 20). 8 % needs T ≤ 10.77: 10 days,
    // 29 320 → 8.03 %; 11 days gives 29 164 → 7.99 %. At 30 days 7.18 %: not met.
    let g = seek("8");
    assert_eq!(found(&g.seek, &t), (10, Pct::ZERO, dec("8.03")));
    assert!(!g.already_met);
    assert_eq!(g.explanation, "Longest term 10 days keeps the margin ≥ 8 % (8.0 %)");
    // The ceiling (60 days): 34 000 − 156·80 = 21 520 → 5.90 % ≥ 5 %.
    let g = seek("5");
    assert_eq!(found(&g.seek, &t), (60, Pct::ZERO, dec("5.90")));
    assert!(g.already_met);
    let text = "Up to the 60-day ceiling keeps the margin ≥ 5 % (5.9 %); the current terms \
                already meet the target";
    assert_eq!(g.explanation, text);
    // 0 days only: 30 880 → 8.46 % ≥ 8.45 %; 1 day: 30 724 → 8.42 %.
    let g = seek("8.45");
    assert_eq!(found(&g.seek, &t), (0, Pct::ZERO, dec("8.46")));
    let text = "Longest term 0 days keeps the margin ≥ 8.45 % (8.5 %)";
    assert_eq!(g.explanation, text);
    // 9 % cannot be reached even with payment on order.
    let g = seek("9");
    let best = Some(dec("8.46"));
    assert_eq!(g.seek, Seek::Unreachable { best_margin_pct: best });
    let text = "Unreachable: even payment with the order gives a margin of 8.5 % < 9 %";
    assert!(g.explanation.starts_with(text), "{}", g.explanation);
}

#[test]
fn sensitivity_series() {
    let (deal, t) = seek_deal();
    let policy = policy();
    let profit = |on: &Terms| economics(&deal, on, &policy).risk_adjusted_profit;

    let by_days = profit_by_payment_days(&deal, &t, 25, &policy);
    let days: Vec<u32> = by_days.iter().map(|(d, _)| *d).collect();
    assert_eq!(days, [0, 25, 50, 75, 100, 120]);
    for &(d, got) in &by_days {
        let on = Terms { payment_days: d, ..t.clone() };
        assert_eq!(got, profit(&on), "{d} days");
    }
    // 0 days: 34 000 − 156·20 = 30 880; 120 days: 34 000 − 156·140 = 12 160.
    assert_eq!((by_days[0].1, by_days[5].1), (eur(30_880), eur(12_160)));

    let by_advance = profit_by_advance(&deal, &t, 30, &policy);
    let steps: Vec<u32> = by_advance.iter().map(|(a, _)| *a).collect();
    assert_eq!(steps, [0, 30, 60, 90, 100]);
    for &(a, got) in &by_advance {
        let on = Terms { advance_pct: Pct::whole(i64::from(a)), ..t.clone() };
        assert_eq!(got, profit(&on), "{a} %");
    }
    // 30 %: 34 000 − 7 800·0.7 = 28 540; 100 %: 34 000.
    assert_eq!((by_advance[1].1, by_advance[4].1), (eur(28_540), eur(34_000)));
}
