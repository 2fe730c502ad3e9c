//! Suggested terms (SPEC §4) and the warnings on edited terms, against hand-computed figures
//! from the default policy. The tests set the band directly on a real assessment so that each
//! one exercises the matrix, not the scorecard.

mod common;

use common::domain::*;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::risk::Assessment;
use dealdesk::domain::segment::segment_for;
use dealdesk::domain::terms::{Suggestion, bank_backed, credit_cap, suggest, warnings};
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Insolvency, Security, Segment};
use strum::VariantArray;

fn assessed(band: Band) -> Assessment {
    let mut a = assess_today(&healthy());
    a.band = band;
    a.pd = pd(band);
    a.review_months = policy().bands.get(band).review_months;
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
    // One band each: A Strategic, B Core, C Key, D Small, E Micro. The review interval is the
    // band's (A 12, B 6, C 3, D 1 months, E before every order: 0), no longer the cell's.
    let volumes = [2_000_000, 100_000, 300_000, 20_000, 5_000];
    let want = [
        "60 d, 0 %, Standard None KeyAccount, 12 mo, limit 329000",
        "30 d, 0 %, Standard RetentionOfTitle InsideSales, 6 mo, limit 9000",
        "30 d, 10 %, Partial CreditInsurance Direct, 3 mo, limit 23000",
        "0 d, 50 %, CashOnDelivery None Partner, 1 mo, limit 0",
        "0 d, 100 %, AfterPayment None Wholesaler, 0 mo, limit 0",
    ];
    for ((band, volume), want) in Band::VARIANTS.iter().copied().zip(volumes).zip(want) {
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
    says(&s.why, "Credit limit 23 000, review every 3 months");
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
fn unknown_dbt_is_the_larger_of_the_band_assumption_and_the_cautious_value() {
    let unknown = deal(100_000, Some(5_000_000), None);
    // The band assumptions (A 2, B 5, C 10, D 20, E 30 days) all lie at or below the
    // scorecard's cautious 30 days, so 30 counts everywhere.
    for band in Band::VARIANTS.iter().copied() {
        let s = suggest_for(&unknown, band);
        assert_eq!((s.expected_dbt_days, s.dbt_assumed), (30, true), "{band}");
    }
    // Band C, Core: 30 days + 30 assumed: 100 000·60/365 = 16 438.36.
    let s = suggest_for(&unknown, Band::C);
    says(&s.why, "DBT unknown: 30 days assumed for band C");
    assert_eq!(s.credit_need, amount("16438.36"));
    // With a cautious value of 5 days the band assumptions above it count.
    let mut policy = policy();
    policy.scorecard.payment.dbt_days.cautious = 5.0;
    for (band, days) in Band::VARIANTS.iter().copied().zip([5, 5, 10, 20, 30]) {
        assert_eq!(suggest_under(&unknown, band, &policy).expected_dbt_days, days, "{band}");
    }
    // Observed DBT is used as it is, even 0.
    let s = suggest_for(&deal(100_000, Some(5_000_000), Some(0)), Band::C);
    assert_eq!((s.expected_dbt_days, s.dbt_assumed), (0, false));
}

#[test]
fn credit_cap_rules() {
    let policy = policy();
    let cap = |equity: Option<i64>, band, segment| {
        let p = with(blank(), |p| p.equity = equity.map(eur));
        let (cap, text) = credit_cap(&p, &assessed(band), segment, &policy);
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
    assert_eq!(tail, [fit, after, "Credit limit 0, review every month"]);
}

#[test]
fn letter_of_credit_covers_what_band_e_may_not_owe() {
    // Band E, Strategic (0 days, 50 %, letter of credit), equity 1 000 000 → 0 % → cap 0.
    // Need 2 000 000·0.5·30/365 = 82 191.78: bank-backed, so no fit; the limit is the need
    // rounded up to the 1 000, above the cap.
    let s = suggest_for(&deal(2_000_000, Some(1_000_000), Some(30)), Band::E);
    assert_eq!((s.credit_need, s.credit_cap), (amount("82191.78"), Money::ZERO));
    assert_eq!(show(&s.terms), "0 d, 50 %, Partial LetterOfCredit KeyAccount, 0 mo, limit 83000");
    let tail = &s.why[s.why.len() - 2..];
    let covered = "Credit need 82 192 exceeds the cap 0 (0 % of equity 1 000 000): the letter of credit \
                   covers the excess";
    assert_eq!(tail, [covered, "Credit limit 83 000, review before every order"]);
}

#[test]
fn in_default_only_payment_before_delivery() {
    // Bankrupt: whatever the matrix cell (band E Strategic would be 50 % advance under a letter
    // of credit), the counterparty is the curator and goods leave after payment; no limit, no
    // need, review before every order.
    let p = with(deal(1_000_000, Some(1_000_000), Some(0)), |p| p.insolvency = Some(Insolvency::Bankruptcy));
    let e = evaluate(&p, &policy(), today());
    assert!(e.assessment.in_default);
    let s = &e.suggestion;
    assert_eq!((s.credit_cap, s.credit_need), (Money::ZERO, Money::ZERO));
    assert_eq!(show(&s.terms), "0 d, 100 %, AfterPayment None KeyAccount, 0 mo, limit 0");
    says(&s.why, "In default: contract only with the curator, cash before delivery");
    says(&s.why, "No credit limit, review before every order");
    // In liquidation (a filing's flag) the same, with the liquidator.
    let p = with(deal(1_000_000, Some(1_000_000), Some(0)), |p| p.insolvency = Some(Insolvency::Liquidation));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(show(&e.suggestion.terms), "0 d, 100 %, AfterPayment None KeyAccount, 0 mo, limit 0");
    says(&e.suggestion.why, "In default: contract only with the liquidator, cash before delivery");
    // 90 days beyond terms: the arrears first.
    let late = evaluate(&deal(1_000_000, Some(1_000_000), Some(90)), &policy(), today());
    assert_eq!(late.suggestion.terms.advance_pct, Pct::HUNDRED);
    says(&late.suggestion.why, "In default: payment before delivery until the arrears are cleared");
    // The economics price it at PD 100 %.
    assert_eq!(late.deal.map(|d| d.pd), Some(dec("1")));
}

#[test]
fn judicial_reorganisation_gets_open_credit_only_under_a_bank_guarantee() {
    // Band E Strategic asks 50 % advance under a letter of credit; in reorganisation the
    // security becomes a first-demand bank guarantee over the whole need (the unsecured cap is
    // 0): 1 000 000·0.5·(0 + 30)/365 = 41 095.89 → limit 42 000.
    let p =
        with(deal(1_000_000, Some(1_000_000), Some(30)), |p| p.insolvency = Some(Insolvency::Reorganisation));
    let e = evaluate(&p, &policy(), today());
    let s = &e.suggestion;
    assert_eq!(show(&s.terms), "0 d, 50 %, Partial BankGuarantee KeyAccount, 0 mo, limit 42000");
    assert_eq!(s.credit_cap, Money::ZERO);
    says(&s.why, "Judicial reorganisation: open credit only under a first-demand bank guarantee");
    // Where the cell already asks full prepayment, nothing changes: band E Core.
    let small =
        with(deal(100_000, Some(1_000_000), Some(30)), |p| p.insolvency = Some(Insolvency::Reorganisation));
    let t = evaluate(&small, &policy(), today()).suggestion.terms;
    assert_eq!((t.advance_pct, t.security, t.credit_limit), (Pct::HUNDRED, Security::None, Money::ZERO));
}

/// Band D, Strategic (14 days, 30 %, partial deliveries, bank guarantee, key account, review
/// monthly): 2 000 000 a year, DBT 20, equity 1 000 000 → cap 5 % = 50 000 (under the
/// Strategic cap 750 000). Need 2 000 000·0.7·(14 + 20)/365 = 130 410.96.
fn strategic_d() -> Prospect {
    deal(2_000_000, Some(1_000_000), Some(20))
}

#[test]
fn bank_guarantee_covers_the_excess_over_the_cap() {
    let s = suggest_for(&strategic_d(), Band::D);
    assert_eq!((s.credit_need, s.credit_cap), (amount("130410.96"), eur(50_000)));
    // No fit: the matrix terms stay, and the limit is the need rounded up to the 1 000.
    assert_eq!(show(&s.terms), "14 d, 30 %, Partial BankGuarantee KeyAccount, 1 mo, limit 131000");
    assert!(s.terms.credit_limit > s.credit_cap);
    let why = [
        "Band D (high risk) × segment Strategic: 14 days, 30 % advance, bank guarantee, partial \
         deliveries",
        "Channel direct key account for the Strategic segment",
        "Credit need 130 411 exceeds the cap 50 000 (5 % of equity 1 000 000): the bank guarantee \
         covers the excess",
        "Credit limit 131 000, review every month",
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
