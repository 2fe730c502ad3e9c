//! Suggested terms (SPEC §4) and deal economics (SPEC §5) against hand-computed figures from the
//! default policy. The terms tests set the band directly on a real assessment so that each one
//! exercises the matrix, not the scorecard.

mod common;

use common::*;
use dealdesk::domain::economics::{
    Deal, Economics, Seek, economics, least_advance, longest_payment_days, profit_by_advance,
    profit_by_payment_days,
};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Channel::{self, Direct, InsideSales};
use dealdesk::domain::prospect::Security::{
    self, BankGuarantee, CreditInsurance, LetterOfCredit, RetentionOfTitle,
};
use dealdesk::domain::prospect::{Delivery, Insolvency, Prospect, Terms};
use dealdesk::domain::risk::{Assessment, Band};
use dealdesk::domain::segment::{Segment, segment_for};
use dealdesk::domain::terms::{Suggestion, bank_backed, credit_cap, suggest, warnings};

/// No security (a name that does not shadow `Option::None`).
const UNSECURED: Security = Security::None;

/// Every kind of security, in policy order.
const SECURITIES: [Security; 5] =
    [UNSECURED, RetentionOfTitle, CreditInsurance, BankGuarantee, LetterOfCredit];

fn assessed(band: Band) -> Assessment {
    let mut a = assess_today(&healthy());
    a.band = band;
    a.pd = pd(band);
    a
}

fn suggest_for(p: &Prospect, band: Band) -> Suggestion {
    suggest_under(p, band, &policy())
}

fn suggest_under(p: &Prospect, band: Band, policy: &Policy) -> Suggestion {
    let segment = p.annual_volume.map(|v| segment_for(v, policy));
    suggest(p, &assessed(band), segment, policy)
}

/// A deal of `volume` from a company with `equity` and observed `dbt` days beyond terms.
fn deal(volume: i64, equity: Option<i64>, dbt: Option<u32>) -> Prospect {
    with(blank(), |p| {
        p.annual_volume = Some(eur(volume));
        p.equity = equity.map(eur);
        p.dbt_days = dbt;
    })
}

/// Asserts that a "why" or assumptions list holds `line`.
fn says(lines: &[String], line: &str) {
    assert!(lines.iter().any(|l| l == line), "no {line:?} in {lines:#?}");
}

/// Terms in one line: days, advance, delivery, security, channel, review, limit.
fn show(t: &Terms) -> String {
    let (days, advance, limit) = (t.payment_days, t.advance_pct, t.credit_limit);
    let kinds = format!("{:?} {:?} {:?}", t.delivery, t.security, t.channel);
    format!("{days} d, {advance} %, {kinds}, {} mo, limit {limit}", t.review_months)
}

#[test]
fn matrix_cells_for_band_and_segment() {
    // Equity 5 000 000 and DBT 0, so no cap binds; the limit is the need rounded up to 1 000:
    // A: 2 000 000·60/365 = 328 767.12; B: 100 000·30/365 = 8 219.18;
    // C: 300 000·0.9·30/365 = 22 191.78; D and E: 0 days and DBT 0 → nothing outstanding.
    // One band each: A Strategic, B Core, C Key, D Small, E Micro.
    let volumes = [2_000_000, 100_000, 300_000, 20_000, 5_000];
    let want = [
        "60 d, 0 %, Standard None KeyAccount, 12 mo, limit 329000",
        "30 d, 0 %, Standard RetentionOfTitle InsideSales, 12 mo, limit 9000",
        "30 d, 10 %, Partial CreditInsurance Direct, 6 mo, limit 23000",
        "0 d, 50 %, CashOnDelivery None Partner, 3 mo, limit 0",
        "0 d, 100 %, AfterPayment None Wholesaler, 1 mo, limit 0",
    ];
    for ((band, volume), want) in Band::ALL.into_iter().zip(volumes).zip(want) {
        let t = suggest_for(&deal(volume, Some(5_000_000), Some(0)), band).terms;
        assert_eq!(show(&t), want, "{band} {volume}");
        assert_eq!(t.discount_pct, Pct::ZERO);
    }
    let s = suggest_for(&deal(300_000, Some(5_000_000), Some(0)), Band::C);
    let first = "Band C (moderate risk) × segment Key: 30 days, 10 % advance, credit insurance, \
                 partial deliveries";
    assert_eq!(s.why[0], first);
    assert_eq!(s.why[1], "Channel direct for the Key segment");
    let within = "Credit need 22 192 within the cap 250 000 (the Key segment cap)";
    says(&s.why, within);
    says(&s.why, "Credit limit 23 000, review every 6 months");
}

#[test]
fn requested_payment_days() {
    // Band A, Core: the policy allows 30 days.
    let base = deal(100_000, Some(5_000_000), Some(0));
    let shorter = with(base.clone(), |p| p.requested_payment_days = Some(14));
    let s = suggest_for(&shorter, Band::A);
    assert_eq!(s.terms.payment_days, 14);
    says(&s.why, "Requested 14 days, shorter than the 30 allowed");
    // 100 000·14/365 = 3 835.62 → limit 4 000.
    assert_eq!(s.credit_need, amount("3835.62"));
    assert_eq!(s.terms.credit_limit, eur(4_000));

    let longer = with(base, |p| p.requested_payment_days = Some(60));
    let s = suggest_for(&longer, Band::A);
    assert_eq!(s.terms.payment_days, 30);
    says(&s.why, "Requested 60 days; the policy allows 30");
}

#[test]
fn unknown_dbt_is_the_band_assumption() {
    let unknown = deal(100_000, Some(5_000_000), None);
    // A 2, B 5, C 10, D 20, E 30 days.
    for (band, days) in Band::ALL.into_iter().zip([2, 5, 10, 20, 30]) {
        let s = suggest_for(&unknown, band);
        assert_eq!((s.expected_dbt_days, s.dbt_assumed), (days, true), "{band}");
    }
    // Band C, Core: 30 days + 10 assumed: 100 000·40/365 = 10 958.90.
    let s = suggest_for(&unknown, Band::C);
    says(&s.why, "DBT unknown: 10 days assumed for band C");
    assert_eq!(s.credit_need, amount("10958.90"));
    // Observed DBT is used as it is, even 0.
    let s = suggest_for(&deal(100_000, Some(5_000_000), Some(0)), Band::C);
    assert_eq!((s.expected_dbt_days, s.dbt_assumed), (0, false));
}

#[test]
fn credit_cap_rules() {
    let policy = policy();
    let cap = |equity: Option<i64>, band, segment| {
        let p = with(blank(), |p| p.equity = equity.map(eur));
        let (cap, text) = credit_cap(&p, band, segment, &policy);
        format!("{cap}: {text}")
    };
    use Band::{A, D, E};
    use Segment::{Core, Key, Micro, Small};
    let rich = Some(1_000_000);
    let got = [cap(rich, A, Key), cap(rich, A, Small), cap(Some(100_000), D, Core)];
    let unknown = [cap(None, A, Core), cap(None, A, Micro)];
    let poor = [cap(Some(-50_000), A, Key), cap(Some(0), A, Key), cap(None, E, Core)];
    let want = [
        // 20 % of 1 000 000 = 200 000 < Key cap 250 000, > Small cap 15 000; 5 % of 100 000.
        "200000: 200 000 (20 % of equity 1 000 000)",
        "15000: 15 000 (the Small segment cap)",
        "5000: 5 000 (5 % of equity 100 000)",
        // Unknown equity: the no-accounts cap 25 000, itself bounded by the Micro cap 5 000.
        "25000: 25 000 (equity unknown: no-accounts cap)",
        "5000: 5 000 (the Micro segment cap)",
        // Negative or zero equity: nothing.
        "0: 0 (equity -50 000 is not positive)",
        "0: 0 (equity 0 is not positive)",
        // Band E allows 0 % of equity, known or not.
        "0: 0 (band E allows no open credit)",
    ];
    assert_eq!([got.as_slice(), &unknown, &poor].concat(), want);
}

#[test]
fn fit_shortens_the_term_first() {
    // Band A, Key (45 days), DBT 5, equity 250 000 → cap 50 000.
    // Need 500 000·50/365 = 68 493.15 > cap; 30 days: 500 000·35/365 = 47 945.21 fits.
    let s = suggest_for(&deal(500_000, Some(250_000), Some(5)), Band::A);
    assert_eq!((s.credit_need, s.credit_cap), (amount("68493.15"), eur(50_000)));
    assert_eq!((s.terms.payment_days, s.terms.advance_pct), (30, Pct::ZERO));
    let why = "Credit need 68 493 exceeds the cap 50 000 (20 % of equity 250 000): \
               payment days 45 → 30";
    says(&s.why, why);
    assert_eq!(s.terms.credit_limit, eur(48_000));
}

#[test]
fn fit_stops_at_the_floor_then_raises_the_advance() {
    // Band C, Key (30 days, 10 %), DBT 10, equity 300 000 → cap 30 000.
    // Need 600 000·0.9·40/365 = 59 178.08. 21 days: ·0.9·31/365 = 45 863.01; 14 days (floor):
    // ·0.9·24/365 = 35 506.85 (7 days would fit, 25 150.68, but lies below the floor); then
    // the advance in 5 % steps: 15 % → ·0.85·24/365 = 33 534.25, 20 % → 31 561.64,
    // 25 % → 29 589.04 ≤ 30 000.
    let s = suggest_for(&deal(600_000, Some(300_000), Some(10)), Band::C);
    assert_eq!(s.credit_need, amount("59178.08"));
    assert_eq!((s.terms.payment_days, s.terms.advance_pct), (14, pct("25")));
    let why = "Credit need 59 178 exceeds the cap 30 000 (10 % of equity 300 000): \
               payment days 30 → 14, advance 10 % → 25 %";
    says(&s.why, why);
    assert_eq!(s.terms.credit_limit, eur(30_000));
    assert_eq!(s.terms.delivery, Delivery::Partial);
}

#[test]
fn full_advance_means_delivery_after_payment() {
    // Band D, Core (14 days, 30 %, partial deliveries, retention of title), equity 0 → cap 0.
    // Need 100 000·0.7·(14 + 20)/365 = 6 520.55; 14 days is the floor, so nothing to shorten,
    // and the advance goes up in 5 % steps to 100 %.
    let s = suggest_for(&deal(100_000, Some(0), Some(20)), Band::D);
    assert_eq!((s.credit_need, s.credit_cap), (amount("6520.55"), Money::ZERO));
    assert_eq!((s.terms.payment_days, s.terms.advance_pct), (14, Pct::HUNDRED));
    assert_eq!(s.terms.delivery, Delivery::AfterPayment);
    assert_eq!(s.terms.security, Security::None, "nothing is left to secure");
    assert_eq!(s.terms.credit_limit, Money::ZERO);
    let tail = &s.why[s.why.len() - 3..];
    let fit = "Credit need 6 521 exceeds the cap 0 (equity 0 is not positive): advance 30 % → 100 %";
    let after = "Full advance: delivery after payment, no security needed";
    assert_eq!(tail, [fit, after, "Credit limit 0, review every 3 months"]);
}

#[test]
fn letter_of_credit_covers_what_band_e_may_not_owe() {
    // Band E, Strategic (0 days, 50 %, letter of credit), equity 1 000 000 → 0 % → cap 0.
    // Need 2 000 000·0.5·30/365 = 82 191.78: bank-backed, so no fit; the limit is the need
    // rounded up to the 1 000, above the cap.
    let s = suggest_for(&deal(2_000_000, Some(1_000_000), Some(30)), Band::E);
    assert_eq!((s.credit_need, s.credit_cap), (amount("82191.78"), Money::ZERO));
    assert_eq!(show(&s.terms), "0 d, 50 %, Partial LetterOfCredit KeyAccount, 1 mo, limit 83000");
    let tail = &s.why[s.why.len() - 2..];
    let covered = "Credit need 82 192 exceeds the cap 0 (0 % of equity 1 000 000): the letter of credit \
                   covers the excess";
    assert_eq!(tail, [covered, "Credit limit 83 000, review every 1 months"]);
}

#[test]
fn bankrupt_prospect_without_accounts_gets_no_credit_at_all() {
    // Band E, Strategic: 0 days, 50 %, letter of credit, DBT 30 assumed. Band E allows 0 % of
    // equity, so unknown equity must not earn the 25 000 no-accounts cap: the cap is 0. Need
    // 1 000 000·0.5·30/365 = 41 095.89. A bankrupt buyer gets no letter-of-credit exemption:
    // the fit raises the advance to 100 %, delivery after payment, nothing left to secure.
    let p = with(deal(1_000_000, None, None), |p| p.insolvency = Some(Insolvency::Bankruptcy));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.assessment.band, Band::E);
    let s = &e.suggestion;
    assert_eq!((s.credit_cap, s.credit_need), (Money::ZERO, amount("41095.89")));
    assert_eq!(show(&s.terms), "0 d, 100 %, AfterPayment None KeyAccount, 1 mo, limit 0");
    says(&s.why, "Credit need 41 096 exceeds the cap 0 (band E allows no open credit): advance 50 % → 100 %");
    says(&s.why, "Full advance: delivery after payment, no security needed");
}

/// Band D, Strategic (14 days, 30 %, partial deliveries, bank guarantee, key account, review
/// 3 months): 2 000 000 a year, DBT 20, equity 1 000 000 → cap 5 % = 50 000 (under the
/// Strategic cap 750 000). Need 2 000 000·0.7·(14 + 20)/365 = 130 410.96.
fn strategic_d() -> Prospect {
    deal(2_000_000, Some(1_000_000), Some(20))
}

#[test]
fn bank_guarantee_covers_the_excess_over_the_cap() {
    let s = suggest_for(&strategic_d(), Band::D);
    assert_eq!((s.credit_need, s.credit_cap), (amount("130410.96"), eur(50_000)));
    // No fit: the matrix terms stay, and the limit is the need rounded up to the 1 000.
    assert_eq!(show(&s.terms), "14 d, 30 %, Partial BankGuarantee KeyAccount, 3 mo, limit 131000");
    assert!(s.terms.credit_limit > s.credit_cap);
    let why = [
        "Band D (high risk) × segment Strategic: 14 days, 30 % advance, bank guarantee, partial \
         deliveries",
        "Channel direct key account for the Strategic segment",
        "Credit need 130 411 exceeds the cap 50 000 (5 % of equity 1 000 000): the bank guarantee \
         covers the excess",
        "Credit limit 131 000, review every 3 months",
    ];
    assert_eq!(s.why, why);
    // A need within the cap is not "covered": 5 % of 10 000 000 = 500 000.
    let s = suggest_for(&deal(2_000_000, Some(10_000_000), Some(20)), Band::D);
    says(&s.why, "Credit need 130 411 within the cap 500 000 (5 % of equity 10 000 000)");
    assert_eq!(s.terms.credit_limit, eur(131_000));
}

#[test]
fn only_bank_backed_securities_skip_the_fit() {
    assert_eq!(
        SECURITIES.map(bank_backed),
        [false, false, false, true, true],
        "none, retention of title, credit insurance, bank guarantee, letter of credit"
    );
    // The same band D Strategic prospect with another security in the cell. Bank-backed: the
    // limit is the need. Otherwise the fit as before: 14 days is the floor, so the advance
    // rises until (1 − a)·2 000 000·34/365 ≤ 50 000, i.e. a ≥ 73.2 %: 75 %, need
    // 2 000 000·0.25·34/365 = 46 575.34 → limit 47 000.
    for security in SECURITIES {
        let mut policy = policy();
        policy.terms.get_mut(Band::D).cells.get_mut(Segment::Strategic).security = security;
        let s = suggest_under(&strategic_d(), Band::D, &policy);
        let (terms, limit, end) = if bank_backed(security) {
            ((14, pct("30")), eur(131_000), "covers the excess")
        } else {
            ((14, pct("75")), eur(47_000), "advance 30 % → 75 %")
        };
        assert_eq!((s.terms.payment_days, s.terms.advance_pct), terms, "{security:?}");
        assert_eq!(s.terms.credit_limit, limit, "{security:?}");
        let line = s.why.iter().find(|l| l.starts_with("Credit need 130 411 exceeds the cap 50 000"));
        assert!(line.is_some_and(|l| l.ends_with(end)), "{security:?}: {:#?}", s.why);
    }
}

#[test]
fn unknown_volume_means_no_economics() {
    let p = with(healthy(), |p| p.margin_pct = Some(pct("25")));
    let e = evaluate(&p, &policy(), today());
    assert_eq!((e.segment, e.deal, e.economics), (None, None, None));
    says(&e.assumptions, "annual volume unknown: no economics");
    let s = e.suggestion;
    let first = "Band A (minimal risk); volume unknown: the terms of the smallest segment";
    assert_eq!(s.why[0], first);
    assert_eq!((s.credit_need, s.credit_cap), (Money::ZERO, Money::ZERO));
    assert_eq!(s.terms.credit_limit, Money::ZERO);
    assert_eq!(s.terms.channel, Channel::Wholesaler);
}

#[test]
fn insufficient_data_gets_the_cautious_terms() {
    // Only a volume (Core), DBT 0 and bureau 100: coverage 35·70 % = 24.5 %, so band D at
    // best, whose Core cell is 14 days, 30 % advance, partial deliveries, retention of title;
    // PD 8 %.
    let p = with(deal(100_000, None, Some(0)), |p| p.bureau_score = Some(100));
    let e = evaluate(&p, &policy(), today());
    assert!(e.assessment.insufficient_data);
    let first = "Band D (cautious: insufficient data) × segment Core: 14 days, 30 % advance, \
                 retention of title, partial deliveries";
    assert_eq!(e.suggestion.why[0], first);
    assert_eq!(e.deal.map(|d| d.pd), Some(dec("0.08")));
}

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
fn warnings_name_each_breach_of_the_policy() {
    // The fit of `fit_shortens_the_term_first`: band A, Key, 30 days, no security, DBT 5,
    // cap 50 000, limit 48 000, receivable 500 000·35/365 = 47 945.21.
    let s = suggest_for(&deal(500_000, Some(250_000), Some(5)), Band::A);
    let policy = policy();
    let volume = Some(eur(500_000));
    let check = |change: &dyn Fn(&mut Terms), volume| {
        let mut t = s.terms.clone();
        change(&mut t);
        warnings(&t, &s, volume, &policy)
    };
    assert!(check(&|_| {}, volume).is_empty(), "the suggestion itself breaks nothing");

    // A limit over the cap, unless a bank stands behind it; at the cap exactly is fine.
    let over = ["Credit limit 60 000 is over the policy cap 50 000"];
    assert_eq!(check(&|t| t.credit_limit = eur(60_000), volume), over);
    for security in SECURITIES {
        let got = check(&|t| (t.credit_limit, t.security) = (eur(60_000), security), volume);
        let want: &[&str] = if bank_backed(security) { &[] } else { &over };
        assert_eq!(got, want, "{security:?}");
    }
    assert!(check(&|t| t.credit_limit = eur(50_000), volume).is_empty());

    // More than 60 payment days (volume unknown, so no receivable check); 60 itself is fine.
    assert!(check(&|t| t.payment_days = 60, None).is_empty());
    let directive = "61 payment days exceed the 60-day B2B ceiling of the EU late-payment \
                     directive (2011/7/EU) unless expressly agreed";
    assert_eq!(check(&|t| t.payment_days = 61, None), [directive]);

    // A receivable above the limit: 47 945.21 against 47 945.20, not against 47 945.21.
    let above = ["The receivable (47 945) is above the credit limit: deliveries stop at the limit"];
    assert_eq!(check(&|t| t.credit_limit = amount("47945.20"), volume), above);
    assert!(check(&|t| t.credit_limit = amount("47945.21"), volume).is_empty());

    // All three, in that order: 90 days, limit 60 000; receivable 500 000·95/365 = 130 136.99.
    let got = check(&|t| (t.payment_days, t.credit_limit) = (90, eur(60_000)), volume);
    let want = [
        "Credit limit 60 000 is over the policy cap 50 000",
        "90 payment days exceed the 60-day B2B ceiling of the EU late-payment directive \
         (2011/7/EU) unless expressly agreed",
        "The receivable (130 137) is above the credit limit: deliveries stop at the limit",
    ];
    assert_eq!(got, want);
}

#[test]
fn warnings_accept_a_bank_backed_limit_over_the_cap() {
    // Band D Strategic: limit 131 000 over the cap 50 000, under a bank guarantee.
    let s = suggest_for(&strategic_d(), Band::D);
    let (policy, volume) = (policy(), Some(eur(2_000_000)));
    assert!(warnings(&s.terms, &s, volume, &policy).is_empty());
    // Without the guarantee the same limit is over the cap.
    let t = Terms { security: UNSECURED, ..s.terms.clone() };
    let over = "Credit limit 131 000 is over the policy cap 50 000";
    assert_eq!(warnings(&t, &s, volume, &policy), [over]);
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
    for (channel, cost) in Channel::ALL.into_iter().zip(costs) {
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
    // Healthy (band A), 100 000 a year (Core: 30 days, no security, inside sales), margin 25 %.
    // Receivable 100 000·30/365 = 8 219.18; EL 8 219.18·0.005·0.95 = 39.04; financing
    // 657.53; profit 25 000 − 39.04 − 657.53 − 2 500 = 21 803.43; 21.80 %; 265.28 %.
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
    assert_eq!((x.expected_loss, x.financing_cost), (amount("39.04"), amount("657.53")));
    assert_eq!(x.security_cost, Money::ZERO);
    assert_eq!(x.risk_adjusted_profit, amount("21803.43"));
    assert_eq!(x.margin_pct, Some(dec("21.80")));
    assert_eq!(x.return_on_exposure_pct, Some(dec("265.28")));
}

#[test]
fn unknown_margin_is_the_policy_assumption() {
    let p = with(healthy(), |p| p.annual_volume = Some(eur(365_000)));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.deal.as_ref().map(|d| d.margin), Some(pct("20")));
    says(&e.assumptions, "gross margin 20 % (policy assumption)");
    assert_eq!(e.economics.map(|x| x.gross_margin), Some(eur(73_000)));
    // DBT unknown is listed too, with the band's assumption.
    let e = evaluate(&with(p, |p| p.dbt_days = None), &policy(), today());
    says(&e.assumptions, "days beyond terms 2 (band A assumption)");
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
