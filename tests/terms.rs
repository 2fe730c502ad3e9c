//! Suggested terms (SPEC §4, issue 12) against hand-computed figures from the default policy:
//! the matrix cell, the unsecured cap from capacity, the excess covered by a first-demand
//! security up to the line's ceiling, the fit, what fits the deal (letters of credit only
//! across a border, retention of title only on identifiable goods), term ceilings by country,
//! the concentration limit, and the deviations and warnings on edited terms. The tests set the
//! band on the prospect's own assessment, so that each exercises the matrix, not the scorecard.
//!
//! Seller at home in Belgium: a domestic invoice carries 21 % VAT; a buyer's DBT was observed
//! on 30-day terms unless it says otherwise, so it pays at max(terms, 30) + DBT.

#[path = "terms/ceilings.rs"]
mod ceilings;
mod common;

use common::domain::*;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::risk::Assessment;
use dealdesk::domain::segment::segment_for;
use dealdesk::domain::terms::capacity::{cap_text, unsecured_cap};
use dealdesk::domain::terms::ceiling::term_ceiling;
use dealdesk::domain::terms::deviations::deviations;
use dealdesk::domain::terms::{Suggestion, suggest};
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Insolvency, Security, Segment};
use strum::VariantArray;

/// The default policy with the DBT as the only payment input (the late share, trend and bureau
/// score weigh nothing here), so that a prospect's payment health is the DBT curve's.
fn policy() -> Policy {
    let mut policy = Policy::default_policy();
    let pay = &mut policy.scorecard.payment;
    (pay.late_share_pct.weight, pay.trend.weight, pay.bureau_score.weight) = (0.0, 0.0, 0.0);
    policy
}

/// The prospect's own assessment (its payment health), in `band`, reviewed at the band's
/// interval.
fn assessed(p: &Prospect, band: Band) -> Assessment {
    let mut a = dealdesk::domain::risk::assess(p, &policy(), today());
    a.band = band;
    a.pd = pd(band);
    a.review_months = policy().bands.get(band).review_months;
    a.insufficient_data = false;
    a
}

fn suggest_for(p: &Prospect, band: Band) -> Suggestion {
    suggest_under(p, band, &policy())
}

fn suggest_under(p: &Prospect, band: Band, policy: &Policy) -> Suggestion {
    let segment = p.annual_volume.map(|v| segment_for(v, policy));
    suggest(p, &assessed(p, band), segment, policy)
}

/// A Belgian buyer with a deal of `volume`, `equity` and observed `dbt` days beyond terms
/// (its only payment input, so the payment health is the DBT curve's: 0 days 1.0, 5 days
/// 0.9286, 20 days 0.6167, 30 days 0.45).
fn deal(volume: i64, equity: Option<i64>, dbt: Option<u32>) -> Prospect {
    with(blank(), |p| {
        p.country = Some("BE".into());
        p.annual_volume = Some(eur(volume));
        p.equity = equity.map(eur);
        p.dbt_days = dbt;
        p.dbt_observed = dbt.map(|_| today());
    })
}

/// Terms in one line: days, advance, delivery, security and its amount, channel, review, limit.
fn show(t: &Terms) -> String {
    let (days, advance, limit) = (t.payment_days, t.advance_pct, t.credit_limit);
    let kinds = format!("{:?} {} {:?} {:?}", t.security, t.security_amount, t.delivery, t.channel);
    format!("{days} d, {advance} %, {kinds}, {} mo, limit {limit}", t.review_months)
}

#[test]
fn matrix_cells_for_band_and_segment() {
    // Equity 5 000 000 and DBT 0 (health 1.0), so the caps are the segment caps and no need
    // exceeds them; the limit is the cap, and insurance or retention of title covers it.
    // A Strategic: need 2 000 000·1.21·60/365 = 397 808.22 ≤ 750 000.
    // B Core: 100 000·1.21·30/365 = 9 945.21 ≤ 75 000 (retention of title on the line).
    // C Key: 300 000·1.21·0.9·30/365 = 26 852.05 ≤ 250 000 (credit insurance on the line).
    // D Small: cash on delivery, 2 days: 20 000·1.21·0.5·2/365 = 66.30 ≤ 15 000.
    // E Micro: through the wholesaler, which buys on its own 30 days: no line to the buyer.
    // The review is the band's: A 12, B 6, C 3, D 1 months, E before every order (0).
    let volumes = [2_000_000, 100_000, 300_000, 20_000, 5_000];
    let want = [
        "60 d, 0 %, None 0 Standard KeyAccount, 12 mo, limit 750000",
        "30 d, 0 %, RetentionOfTitle 75000 Standard InsideSales, 6 mo, limit 75000",
        "30 d, 10 %, CreditInsurance 250000 Partial Direct, 3 mo, limit 250000",
        "0 d, 50 %, RetentionOfTitle 15000 CashOnDelivery Partner, 1 mo, limit 15000",
        "30 d, 0 %, None 0 Standard Wholesaler, 0 mo, limit 0",
    ];
    let needs = ["397808.22", "9945.21", "26852.05", "66.30", "0"];
    for (((band, volume), want), need) in Band::VARIANTS.iter().copied().zip(volumes).zip(want).zip(needs) {
        let s = suggest_for(&deal(volume, Some(5_000_000), Some(0)), band);
        assert_eq!(show(&s.terms), want, "{band} {volume}");
        assert_eq!(s.credit_need, amount(need), "{band}");
        assert_eq!(s.unsecured_limit, s.terms.credit_limit, "{band}: nothing is first-demand cover");
    }
    let s = suggest_for(&deal(300_000, Some(5_000_000), Some(0)), Band::C);
    let first = "Band C (moderate risk) × segment Key: 30 days, 10 % advance, credit insurance, \
                 partial deliveries";
    assert_eq!(s.why[0], first);
    says(&s.why, "Channel direct for the Key segment: 9 000 to serve against a 60 000 margin");
    says(&s.why, "Credit need 26 852 within the cap 250 000 (the Key segment cap)");
    says(&s.why, "Credit limit 250 000, review every 3 months");
    let insure = "Insure the line: a buyer limit of 250 000 with the credit insurer (90 % of a loss \
                  after a deductible of 1 000) before the first delivery on credit";
    assert_eq!(s.ask.as_deref(), Some(insure));
}

#[test]
fn requested_days_and_the_terms_the_dbt_was_seen_on() {
    // Band A, Core (30 days allowed). Asked for 14: granted, but a buyer seen on 30-day terms
    // pays at 30 + 0 whatever it is given: need 100 000·1.21·30/365 = 9 945.21 either way.
    let base = deal(100_000, Some(5_000_000), Some(0));
    let shorter = with(base.clone(), |p| p.requested_payment_days = Some(14));
    let s = suggest_for(&shorter, Band::A);
    assert_eq!(s.terms.payment_days, 14);
    says(&s.why, "Requested 14 days, shorter than the 30 allowed");
    assert_eq!(s.credit_need, amount("9945.21"));
    // Seen on 14-day terms, it pays at 14: 100 000·1.21·14/365 = 4 641.10.
    let seen_on_14 = with(shorter, |p| p.observed_terms_days = Some(14));
    assert_eq!(suggest_for(&seen_on_14, Band::A).credit_need, amount("4641.10"));
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
    // Band C, Core: 30 days + 30 assumed: 100 000·1.21·60/365 = 19 890.41.
    let s = suggest_for(&unknown, Band::C);
    says(&s.why, "DBT unknown: 30 days assumed for band C");
    assert_eq!(s.credit_need, amount("19890.41"));
    // With a cautious value of 5 days the band assumptions above it count.
    let mut policy = policy();
    policy.scorecard.payment.dbt_days.cautious = 5.0;
    for (band, days) in Band::VARIANTS.iter().copied().zip([5, 5, 10, 20, 30]) {
        assert_eq!(suggest_under(&unknown, band, &policy).expected_dbt_days, days, "{band}");
    }
}

#[test]
fn the_unsecured_cap_comes_from_capacity() {
    let policy = policy();
    let cap_of = |equity: Option<i64>, band, segment, health, stale| {
        let p = with(blank(), |p| p.equity = equity.map(eur));
        let (cap, source) = unsecured_cap(&p, band, segment, (health, stale), &policy);
        format!("{cap}: {}", cap_text(cap, source))
    };
    let cap = |equity, band, segment, health| cap_of(equity, band, segment, health, false);
    use Band::{A, D, E};
    use Segment::{Core, Key, Micro, Small};
    let rich = Some(1_000_000);
    let got = [
        cap(rich, A, Key, 1.0),
        cap(rich, A, Small, 1.0),
        cap(Some(100_000), D, Core, 0.5),
        cap(None, A, Core, 0.5),
        cap(None, A, Micro, 0.5),
        cap(Some(-50_000), A, Key, 1.0),
        cap(None, E, Core, 1.0),
    ];
    let want = [
        // 20 % of 1 000 000 × 1.0 = 200 000 < Key cap 250 000, > Small cap 15 000.
        "200000: 200 000 (20 % of equity 1 000 000 × payment health 1.00)",
        "15000: 15 000 (the Small segment cap)",
        // 5 % of 100 000 × 0.5 = 2 500.
        "2500: 2 500 (5 % of equity 100 000 × payment health 0.50)",
        // Unknown equity: the no-accounts cap 25 000 × 0.5, bounded by the Micro cap 5 000.
        "12500: 12 500 (equity unknown: no-accounts cap × payment health 0.50)",
        "5000: 5 000 (the Micro segment cap)",
        "0: 0 (equity -50 000 is not positive)",
        "0: 0 (band E allows no open credit)",
    ];
    assert_eq!(got, want);
    // Stale accounts: 20 % of 1 000 000 = 200 000, at most the no-accounts cap 25 000, × 0.5.
    assert_eq!(
        cap_of(rich, A, Key, 0.5, true),
        "12500: 12 500 (20 % of equity 1 000 000 from stale accounts, at most the no-accounts cap, × \
         payment health 0.50)"
    );
}

#[test]
fn a_later_payer_never_gets_more() {
    // Band C, Core, equity 1 000 000. DBT 12: health 0.9 − 5/8·0.2 = 0.775, cap
    // 10 %·1 000 000·0.775 = 77 500 > the Core cap 75 000. DBT 40: health 0.45 − 10/15·0.25
    // = 0.2833, cap 28 330 → 28 000 (the limit is the cap, rounded down to 1 000).
    let limit = |dbt| suggest_for(&deal(100_000, Some(1_000_000), Some(dbt)), Band::C).terms.credit_limit;
    assert_eq!((limit(12), limit(40)), (eur(75_000), eur(28_000)));
}

#[test]
fn a_habitual_late_payer_is_fitted_by_advance_not_by_days() {
    // Band A, Key (45 days), DBT 5 (health 0.9286), equity 250 000: cap 20 %·250 000·0.9286 =
    // 46 430 → 46 000. Need 500 000·1.21·(45 + 5)/365 = 82 876.71. Revenue unknown: no
    // secured line above the cap, so the fit. 30 days: ·35/365 = 58 013.70; 21 days buys
    // nothing (seen on 30, it pays at 35 anyway), so the advance: the least is
    // 1 − 46 000/58 013.70 = 20.7 % → 25 %: 58 013.70·0.75 = 43 510.27 ≤ 46 000.
    let s = suggest_for(&deal(500_000, Some(250_000), Some(5)), Band::A);
    assert_eq!((s.credit_need, s.credit_cap), (amount("82876.71"), eur(46_000)));
    assert_eq!(show(&s.terms), "30 d, 25 %, None 0 Standard Direct, 12 mo, limit 46000");
    says(&s.why, "Credit need 82 877 exceeds the cap 46 000: payment days 45 → 30, advance 0 % → 25 %");
}

#[test]
fn a_bank_guarantee_covers_the_excess_in_every_band() {
    // The same band A prospect with a revenue of 2 000 000: the line may reach 10 % of it,
    // 200 000, so a first-demand guarantee covers the need above the cap instead of an
    // advance: limit 83 000, guarantee 83 000 − 46 000 = 37 000, valid 50 + 30 days.
    let p = with(deal(500_000, Some(250_000), Some(5)), |p| p.revenue = Some(eur(2_000_000)));
    let s = suggest_for(&p, Band::A);
    assert_eq!(show(&s.terms), "45 d, 0 %, BankGuarantee 37000 Standard Direct, 12 mo, limit 83000");
    assert_eq!((s.unsecured_limit, s.line_ceiling), (eur(46_000), eur(200_000)));
    let covered = "Credit need 82 877 exceeds the cap 46 430 (20 % of equity 250 000 × payment health \
                   0.93): a bank guarantee covers the excess, up to the line's ceiling 200 000 (10 % of \
                   revenue 2 000 000)";
    says(&s.why, covered);
    let ask = "Ask for a first-demand bank guarantee of 37 000, valid at least 80 days after the last \
               delivery it covers (50 days to pay + 30 to claim); no delivery until it is received";
    assert_eq!(s.ask.as_deref(), Some(ask));
}

#[test]
fn letters_of_credit_only_across_a_border() {
    // A Dutch buyer: no VAT (reverse charge), need 500 000·50/365 = 68 493.15 > 46 000: the
    // excess goes under a letter of credit at sight, which pays in 7 days: 500 000·7/365 =
    // 9 589.04 → limit 10 000, all of it under the LC, nothing open.
    let p = with(deal(500_000, Some(250_000), Some(5)), |p| {
        p.revenue = Some(eur(2_000_000));
        p.country = Some("NL".into());
    });
    let s = suggest_for(&p, Band::A);
    assert_eq!(s.credit_need, amount("68493.15"));
    assert_eq!(show(&s.terms), "45 d, 0 %, LetterOfCredit 10000 Standard Direct, 12 mo, limit 10000");
    assert_eq!(s.unsecured_limit, Money::ZERO);
    // A band E Strategic cell asks for a letter of credit: at home it is a bank guarantee.
    let home = with(deal(2_000_000, Some(1_000_000), Some(30)), |p| p.revenue = Some(eur(50_000_000)));
    let s = suggest_for(&home, Band::E);
    assert_eq!(s.terms.security, Security::BankGuarantee);
    says(
        &s.why,
        "letter of credit: letters of credit are a cross-border instrument: a first-demand bank guarantee at home",
    );
    let abroad = with(home, |p| p.country = Some("DE".into()));
    assert_eq!(suggest_for(&abroad, Band::E).terms.security, Security::LetterOfCredit);
}

#[test]
fn retention_of_title_only_where_the_goods_stay_identifiable() {
    let p = deal(100_000, Some(5_000_000), Some(0));
    assert_eq!(suggest_for(&p, Band::B).terms.security, Security::RetentionOfTitle);
    let mut perishable = policy();
    perishable.seller.goods_identifiable = false;
    let s = suggest_under(&p, Band::B, &perishable);
    assert_eq!((s.terms.security, s.terms.security_amount), (Security::None, Money::ZERO));
    says(
        &s.why,
        "retention of title: retention of title recovers nothing on goods that are not identifiable and durable",
    );
    // Its loss is then the unsecured one: same expected loss with and without it.
    let e = evaluate(&p, &perishable, today());
    let with_rot =
        Terms { security: Security::RetentionOfTitle, security_amount: eur(75_000), ..s.terms.clone() };
    let x = e.economics_on(&with_rot, &perishable).expect("economics");
    let y = e.economics_on(&s.terms, &perishable).expect("economics");
    assert_eq!(x.expected_loss, y.expected_loss);
}

#[test]
fn the_concentration_limit_caps_a_secured_line() {
    // The guaranteed band A line above, with a seller of 500 000 turnover: no customer above
    // 10 % of it, 50 000. The cap is 46 000, the line at most 50 000: the need 82 876.71 is
    // fitted under 50 000 (30 days: 58 013.70; the advance 1 − 50 000/58 013.70 = 13.8 % →
    // 15 %: 49 311.64) and the guarantee covers 50 000 − 46 000 = 4 000.
    let mut small_seller = policy();
    small_seller.seller.turnover = eur(500_000);
    let p = with(deal(500_000, Some(250_000), Some(5)), |p| p.revenue = Some(eur(2_000_000)));
    let s = suggest_under(&p, Band::A, &small_seller);
    assert_eq!(s.line_ceiling, eur(50_000));
    assert_eq!(show(&s.terms), "30 d, 15 %, BankGuarantee 4000 Standard Direct, 12 mo, limit 50000");
    says(
        &s.why,
        "Credit need 82 877 exceeds the line's ceiling 50 000: payment days 45 → 30, advance 0 % → 15 %",
    );
}

#[test]
fn full_advance_means_delivery_after_payment() {
    // Band D, Core, equity 0: cap 0, and no secured line without a revenue. Even band A gets
    // nothing on credit here (its need 100 000·1.21·(30 + 20)/365 is fitted to 100 % advance),
    // so band D starts from full advance: delivery after payment, nothing to secure.
    let s = suggest_for(&deal(100_000, Some(0), Some(20)), Band::D);
    assert_eq!((s.credit_need, s.credit_cap), (Money::ZERO, Money::ZERO));
    assert_eq!(show(&s.terms), "0 d, 100 %, None 0 AfterPayment InsideSales, 1 mo, limit 0");
    says(&s.why, "At least 100 % advance, as a better band needs: terms never ease as risk grows");
    says(&s.why, "Full advance: delivery after payment, no security needed");
    // Band A itself: need 16 575.34 > cap 0; 21 days buys nothing; 100 % advance.
    let a = suggest_for(&deal(100_000, Some(0), Some(20)), Band::A);
    assert_eq!(a.credit_need, amount("16575.34"));
    says(&a.why, "Credit need 16 575 exceeds the cap 0: advance 0 % → 100 %");
    assert_eq!(s.ask, None);
}

#[test]
fn no_open_credit_where_the_risk_model_allows_none() {
    // In default (the risk model's `open_credit`): bankrupt, prepayment with the curator
    // whatever the matrix says, no limit, review before every order.
    let p = with(deal(1_000_000, Some(1_000_000), Some(30)), |p| p.insolvency = Some(Insolvency::Bankruptcy));
    let e = evaluate(&p, &policy(), today());
    assert!(e.assessment.in_default);
    assert_eq!(show(&e.suggestion.terms), "0 d, 100 %, None 0 AfterPayment KeyAccount, 0 mo, limit 0");
    says(&e.suggestion.why, "In default: contract only with the curator, cash before delivery");
    // In liquidation (a filing's flag) the same, with the liquidator.
    let p =
        with(deal(1_000_000, Some(1_000_000), Some(30)), |p| p.insolvency = Some(Insolvency::Liquidation));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(show(&e.suggestion.terms), "0 d, 100 %, None 0 AfterPayment KeyAccount, 0 mo, limit 0");
    says(&e.suggestion.why, "In default: contract only with the liquidator, cash before delivery");
    // 90 days beyond terms: the arrears first; the economics price it at PD 100 %.
    let late = evaluate(&deal(1_000_000, Some(1_000_000), Some(90)), &policy(), today());
    assert_eq!(late.suggestion.terms.advance_pct, Pct::HUNDRED);
    says(&late.suggestion.why, "In default: payment before delivery until the arrears are cleared");
    assert_eq!(late.deal.map(|d| (d.pd, d.in_default)), Some((rust_decimal::Decimal::ONE, true)));
    // Nothing known but a volume: first orders prepaid.
    let e = evaluate(&with(blank(), |p| p.annual_volume = Some(eur(100_000))), &policy(), today());
    assert_eq!(e.suggestion.terms.advance_pct, Pct::HUNDRED);
    says(&e.suggestion.why, "No accounts and no payment data: first orders paid before delivery");
    // Judicial reorganisation: open credit only under first-demand cover of all of it.
    let p = with(deal(1_000_000, Some(1_000_000), Some(30)), |p| {
        p.insolvency = Some(Insolvency::Reorganisation);
        p.revenue = Some(eur(20_000_000));
    });
    let s = evaluate(&p, &policy(), today()).suggestion;
    assert_eq!(
        (s.terms.security, s.credit_cap, s.unsecured_limit),
        (Security::BankGuarantee, Money::ZERO, Money::ZERO)
    );
    assert_eq!(s.terms.security_amount, s.terms.credit_limit);
    assert!(s.terms.credit_limit.is_positive());
}
