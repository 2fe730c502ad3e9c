//! Old data count for less (issue 11, items 2 and 7): a payment observation older than 12
//! months counts halfway between its own health and its cautious one, older than 24 months at
//! most at its cautious health and no longer as data; accounts older than 24 months give each
//! ratio at most its cautious health and band C at best, older than 36 count as no accounts.
//! Never better than a value's own health. Today is 2026-11-28.

mod common;

use common::domain::*;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::risk::OpenCredit;
use dealdesk::domain::vocabulary::Band;

/// `healthy()` with DBT `days` observed on `observed`.
fn observed(days: u32, observed: Option<dealdesk::domain::date::Date>) -> Prospect {
    with(healthy(), |p| (p.dbt_days, p.dbt_observed) = (Some(days), observed))
}

#[test]
fn a_year_old_observation_counts_halfway() {
    // 12 months old: full. 13 months: DBT 15 (0.7) counts no better than halfway to the assumed
    // 30 days (0.45): 0.575 → 21·0.425 = 8.925.
    assert_close(points(&assess_today(&observed(15, Some(date(2025, 11, 28)))), Factor::DbtDays), -6.3);
    let a = assess_today(&observed(15, Some(date(2025, 10, 28))));
    assert_close(points(&a, Factor::DbtDays), -8.925);
    let text = "Days beyond terms 15 days ≥ 15 days (observed 13 months ago: counted halfway to the assumed 30 days): -8.9";
    assert_eq!(reason(&a, Factor::DbtDays).text(), text);
    // The late share and trend come from the same observation: 0 % (1) halfway to 25 % (0.6)
    // is 0.8: 7·0.2; improving (1) halfway to worsening (0.2): 0.6: 3.5·0.4.
    assert_close(points(&a, Factor::LateShare), -1.4);
    assert_close(points(&a, Factor::DbtTrend), -1.4);
    // Still data.
    assert_close(a.coverage, 1.0);
}

#[test]
fn a_two_year_old_observation_is_no_longer_data() {
    // 25 months: at most the assumed 30 days (0.45): 11.55; DBT, late share and trend (21 + 7 +
    // 3.5) leave the coverage, 68.5 %: band B at best.
    let a = assess_today(&observed(15, Some(date(2024, 10, 28))));
    assert_close(points(&a, Factor::DbtDays), -11.55);
    assert_close(a.coverage, 0.685);
    assert_eq!(a.band, Band::B);
    // Never better than its own value: DBT 50 (0.15) stays 0.15.
    let a = assess_today(&observed(50, Some(date(2023, 1, 1))));
    assert_close(points(&a, Factor::DbtDays), -17.85);
    // A default is a default however old the observation: 95 days, 30 months ago.
    assert!(assess_today(&observed(95, Some(date(2024, 5, 1)))).in_default);
}

#[test]
fn an_undated_observation_is_taken_as_18_months_old() {
    // scorecard.payment.observation.cautious_age_months = 18: halfway. DBT 0 (1) halfway to
    // 0.45: 0.725 → 21·0.275 = 5.775.
    let a = assess_today(&observed(0, None));
    assert_close(points(&a, Factor::DbtDays), -5.775);
    let text = "Days beyond terms 0 days (observation date unknown, taken as 18 months old: counted halfway to the assumed 30 days): -5.8";
    assert_eq!(reason(&a, Factor::DbtDays).text(), text);
}

#[test]
fn accounts_older_than_two_years_are_stale() {
    // 26 months: every ratio at most its cautious health. Healthy's are all full, so each
    // loses its cautious loss: current 4.5, quick 2.7, cash 1.8, equity 8.25, ROA 3, EBIT 3.25,
    // Z'' 7 = 30.5; the accounts age (26 months: 0.4 − 0.4·2/12 = 0.333333) 1.5·0.666667 = 1.
    let a = assess_today(&with(healthy(), |p| p.accounts_date = Some(date(2024, 9, 28))));
    assert_close(a.score.expect("a score"), 68.5);
    assert_eq!(a.band, Band::C);
    assert!(a.stale_accounts);
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(
        text,
        "Equity / total assets 50 % (accounts 26 months old: counted at most as the assumed 10 %): -8.2"
    );
    // Still data: coverage 100 %.
    assert_close(a.coverage, 1.0);
    // Open credit rests on their equity only up to the no-accounts cap: 10 % of 500 000 for
    // band C is 50 000, held to 25 000.
    let p = with(healthy(), |p| {
        p.accounts_date = Some(date(2024, 9, 28));
        p.annual_volume = Some(eur(400_000));
    });
    let e = evaluate(&p, &policy(), today());
    assert_eq!(e.suggestion.credit_cap, eur(25_000));
    assert!(
        e.suggestion.why.iter().any(|w| w.contains("from stale accounts, at most the no-accounts cap")),
        "{:#?}",
        e.suggestion.why
    );
}

#[test]
fn accounts_older_than_three_years_are_no_accounts() {
    // 37 months: the ratios (liquidity 15, solvency 15, profitability 10, distress 10) stop
    // counting as data: coverage 50 %, limited, and C at best for the stale accounts.
    let a = assess_today(&with(healthy(), |p| p.accounts_date = Some(date(2023, 10, 28))));
    assert_close(a.coverage, 0.5);
    assert!(!a.insufficient_data);
    assert_eq!(a.band, Band::C);
    let text = "Accounts 37 months old, older than 24 months, counted as no accounts: band C at best, each ratio at most its assumed value";
    assert_eq!(a.reasons[0].text(), text);
    // With no payment data either: no open credit.
    let p = with(blank(), |p| {
        p.equity = Some(eur(500_000));
        p.total_assets = Some(eur(1_000_000));
        p.accounts_date = Some(date(2023, 10, 28));
    });
    assert_eq!(assess_today(&p).open_credit, OpenCredit::NoneWithoutData);
    let current = with(p, |p| p.accounts_date = Some(date(2025, 12, 31)));
    assert_eq!(assess_today(&current).open_credit, OpenCredit::Allowed);
}
