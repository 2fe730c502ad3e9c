//! Unknown is never rewarded: every input without data scores at the cautious value the policy
//! names for it, keeps its weight, and says "assumed"; coverage and its caps still show what is
//! missing. Shares as listed at the top of `risk_model.rs`.

mod common;

use common::domain::*;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::risk::{OpenCredit, assess};
use dealdesk::domain::vocabulary::{Band, Trend};

/// `healthy()` without what `forget` clears.
fn without(forget: impl FnOnce(&mut Prospect)) -> Prospect {
    with(healthy(), forget)
}

#[test]
fn each_unknown_input_scores_at_its_cautious_value() {
    // (what is forgotten, the input, its loss at the cautious value, the reason).
    // DBT 30 → 0.45: 21·0.55; late 25 % → 0.6: 7·0.4; trend worsening 0.2: 3.5·0.8; bureau 40 →
    // 0.45: 3.5·0.55; quick 0.7 → 0.4: 4.5·0.6; cash 0.1 → 0.4: 3·0.6; equity 10 % → 0.45:
    // 15·0.55; ROA 0 % → 0.4: 5·0.6; Z'' 1.1 → 0.3: 10·0.7; tax 0.2 % of revenue → 0.5: 3·0.5;
    // late filing 25 % likely of health 0.2 → 0.8: 1.5·0.2; accounts 24 months → 0.4: 1.5·0.6.
    type Forget = fn(&mut Prospect);
    let cases: [(Forget, Factor, f64, &str); 12] = [
        (|p| p.dbt_days = None, Factor::DbtDays, -11.55, "Days beyond terms unknown, assumed 30 days: -11.6"),
        (
            |p| p.late_share_pct = None,
            Factor::LateShare,
            -2.8,
            "Invoices paid late unknown, assumed 25 %: -2.8",
        ),
        (|p| p.dbt_trend = None, Factor::DbtTrend, -2.8, "DBT trend unknown, assumed worsening: -2.8"),
        (|p| p.bureau_score = None, Factor::BureauScore, -1.925, "Bureau score unknown, assumed 40: -1.9"),
        (|p| p.inventory = None, Factor::QuickRatio, -2.7, "Quick ratio unknown, assumed 0.70: -2.7"),
        (|p| p.cash = None, Factor::CashRatio, -1.8, "Cash ratio unknown, assumed 0.10: -1.8"),
        (
            |p| p.equity = None,
            Factor::EquityRatio,
            -8.25,
            "Equity / total assets unknown, assumed 10 %: -8.2",
        ),
        (
            |p| p.net_result = None,
            Factor::ReturnOnAssets,
            -3.0,
            "Net result / total assets unknown, assumed 0 %: -3.0",
        ),
        (|p| p.retained_earnings = None, Factor::AltmanZ2, -7.0, "Altman Z'' unknown, assumed 1.10: -7.0"),
        (|p| p.tax_debt = None, Factor::TaxDebt, -1.5, "Tax debt unknown, assumed 0.20 % of revenue: -1.5"),
        (
            |p| p.late_filing = None,
            Factor::LateFiling,
            -0.3,
            "Late filing unknown, assumed 25 % likely: -0.3",
        ),
        (
            |p| p.accounts_date = None,
            Factor::AccountsAge,
            -0.9,
            "Age of last accounts unknown, assumed 24 months: -0.9",
        ),
    ];
    for (forget, factor, want, text) in cases {
        let a = assess_today(&without(forget));
        assert_close(points(&a, factor), want);
        assert_eq!(reason(&a, factor).text(), text);
        assert!(a.missing.contains(&factor), "{factor:?}");
        assert!(a.score.is_some_and(|s| s < 100.0), "{factor:?}: {:?}", a.score);
    }
    // Inputs that share a figure go together: without current assets, the current ratio (1.0 →
    // 0.4: 7.5·0.6), the quick ratio and Z'' are all assumed; without a summons count, the
    // authority's summons is no longer known to be none either (25 % of 1.5).
    let a = assess_today(&without(|p| p.current_assets = None));
    assert_close(points(&a, Factor::CurrentRatio), -4.5);
    assert_eq!(reason(&a, Factor::CurrentRatio).text(), "Current ratio unknown, assumed 1.00: -4.5");
    assert_close(points(&a, Factor::QuickRatio) + points(&a, Factor::AltmanZ2), -9.7);
    let a = assess_today(&without(|p| p.summons_12m = None));
    assert_close(points(&a, Factor::Summons), -1.875);
    assert_close(points(&a, Factor::SummonsAuthority), -0.375);
    assert_eq!(
        reason(&a, Factor::SummonsAuthority).text(),
        "Summons by the RSZ or tax authority unknown, assumed 25 % likely: -0.4"
    );
    // Company age 3 years → 0.8: 0.75·0.2; EBIT 0 % → 0.35: 5·0.65.
    assert_close(points(&assess_today(&without(|p| p.founded = None)), Factor::CompanyAge), -0.15);
    assert_close(points(&assess_today(&without(|p| p.ebit = None)), Factor::EbitOnAssets), -3.25);
}

#[test]
fn an_unknown_input_scores_as_its_cautious_value_known() {
    // Same points, same score: only the coverage tells them apart.
    let pairs: [(Prospect, Prospect); 4] = [
        (without(|p| p.dbt_days = None), without(|p| p.dbt_days = Some(30))),
        (without(|p| p.late_share_pct = None), without(|p| p.late_share_pct = Some(pct("25")))),
        (without(|p| p.dbt_trend = None), without(|p| p.dbt_trend = Some(Trend::Worsening))),
        (without(|p| p.accounts_date = None), without(|p| p.accounts_date = Some(date(2024, 11, 28)))),
    ];
    for (unknown, known) in pairs {
        let (u, k) = (assess_today(&unknown), assess_today(&known));
        assert_eq!((u.score, u.band, u.pd), (k.score, k.band, k.pd));
        assert!(u.coverage < k.coverage);
    }
}

#[test]
fn a_known_value_worse_than_the_cautious_one_still_scores_worse() {
    // DBT 59 (0.06: 21·0.94 = 19.74) against unknown (11.55): leaving it out scores better,
    // which is why coverage is shown and DBT has its own caps from 60 days.
    let (late, unknown) =
        (assess_today(&without(|p| p.dbt_days = Some(59))), assess_today(&without(|p| p.dbt_days = None)));
    assert_close(points(&late, Factor::DbtDays), -19.74);
    assert!(late.score < unknown.score);
    assert_close(unknown.coverage, 0.79);
}

#[test]
fn the_cautious_values_come_from_the_policy() {
    let mut policy = policy();
    policy.scorecard.payment.dbt_days.cautious = 45.0;
    policy.scorecard.payment.trend.cautious = Trend::Stable;
    let a = assess(&without(|p| (p.dbt_days, p.dbt_trend) = (None, None)), &policy, today());
    // 45 days → 0.2: 21·0.8; stable 0.8: 3.5·0.2.
    assert_close(points(&a, Factor::DbtDays), -16.8);
    assert_eq!(reason(&a, Factor::DbtTrend).text(), "DBT trend unknown, assumed stable: -0.7");
}

#[test]
fn nothing_known_is_insufficient_data_at_the_cautious_band_pd() {
    let a = assess_today(&blank());
    assert_eq!((a.score, a.coverage), (None, 0.0));
    assert!(a.insufficient_data);
    // Band D at best, and at least D's own PD (8 %, its middle), not the 4.9 % at its best score.
    assert_eq!((a.band, a.pd), (Band::D, pd(Band::D)));
    assert_eq!(a.missing.len(), 18);
    assert_eq!(cap_rules(&a), ["insufficient_data"]);
    assert_eq!(a.reasons.len(), 1 + 18);
    assert_eq!(a.reasons[0].text(), "Insufficient data: coverage 0 % < 50 %: treated as band D at best");
    // Every assumed value costs what it costs: 56.175 points in all.
    let lost: f64 = a.reasons.iter().map(|r| r.points).sum();
    assert_close(lost, -56.175);
    // No accounts and no payment data: first orders prepaid.
    assert_eq!(a.open_credit, OpenCredit::NoneWithoutData);
}

#[test]
fn a_perfect_score_on_little_data_is_held_down() {
    // Payment alone, observed two weeks ago (coverage 35 %): 35 points earned + 65 − 37.1 lost
    // on the rest (56.175 − 19.075 of payment) → 62.9, and insufficient data on top.
    let payer = with(blank(), |p| {
        p.dbt_observed = Some(date(2026, 11, 14));
        p.dbt_days = Some(0);
        p.late_share_pct = Some(pct("0"));
        p.dbt_trend = Some(Trend::Improving);
        p.bureau_score = Some(100);
    });
    let a = assess_today(&payer);
    assert_close(a.coverage, 0.35);
    assert_eq!((a.score, a.band, a.pd), (Some(62.9), Band::D, pd(Band::D)));
    assert!(a.insufficient_data);
    // Payment data, so open credit (on the cautious band's terms).
    assert_eq!(a.open_credit, OpenCredit::Allowed);
    // Limited data (75 % > coverage ≥ 50 %): B at best, with its reason.
    let limited = without(|p| {
        (p.current_assets, p.current_liabilities, p.inventory, p.cash) = (None, None, None, None);
        p.retained_earnings = None;
        p.dbt_trend = None;
    });
    let a = assess_today(&limited);
    assert_close(a.coverage, 0.715);
    assert_eq!(a.band, Band::B);
    assert_eq!(a.reasons[0].text(), "Data coverage 71 % < 75 %: band B at best until the rest is known");
}

#[test]
fn open_credit_needs_accounts_or_payment_data() {
    let with_volume = |p: Prospect| with(p, |p| p.annual_volume = Some(eur(100_000)));
    let e = evaluate(&with_volume(blank()), &policy(), today());
    let t = &e.suggestion.terms;
    assert_eq!((t.advance_pct, t.credit_limit, t.payment_days), (pct("100"), eur(0), 0));
    says(&e.suggestion.why, "No accounts and no payment data: first orders paid before delivery");
    // A bureau score is payment data; equity alone is accounts: either opens credit.
    for p in [with(blank(), |p| p.bureau_score = Some(70)), with(blank(), |p| p.equity = Some(eur(500_000)))]
    {
        assert_eq!(assess_today(&p).open_credit, OpenCredit::Allowed);
    }
}

#[test]
fn unknown_dbt_costs_the_economics_at_least_the_cautious_days() {
    // Band A assumes 2 days, the scorecard's cautious value is 30: the larger counts.
    let p = with(without(|p| p.dbt_days = None), |p| p.annual_volume = Some(eur(100_000)));
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.assessment.band, Band::A);
    assert_eq!((e.suggestion.expected_dbt_days, e.suggestion.dbt_assumed), (30, true));
    says(&e.suggestion.why, "DBT unknown: 30 days assumed for band A");
}
