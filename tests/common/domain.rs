//! Builders shared by the domain test suites: a fixed "today", the default policy, exact amounts
//! and a prospect whose every input earns full health.

use std::str::FromStr;

use dealdesk::domain::date::Date;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::reason::Reason;
use dealdesk::domain::risk::{Assessment, assess};
use dealdesk::domain::vocabulary::Security::{
    BankGuarantee, CreditInsurance, LetterOfCredit, RetentionOfTitle,
};
use dealdesk::domain::vocabulary::{Band, Insolvency, Security, Trend};
use rust_decimal::Decimal;

/// The day every test assesses on: 28 November 2026.
pub fn today() -> Date {
    date(2026, 11, 28)
}

pub fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid test date")
}

pub fn policy() -> Policy {
    Policy::default_policy()
}

/// Whole currency units.
pub fn eur(units: i64) -> Money {
    Money::units(units)
}

/// An exact amount written as text, e.g. `"68493.15"`.
pub fn amount(text: &str) -> Money {
    Money::new(dec(text))
}

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal literal")
}

pub fn pct(text: &str) -> Pct {
    Pct::new(dec(text))
}

pub fn assess_today(p: &Prospect) -> Assessment {
    assess(p, &policy(), today())
}

/// A prospect with nothing known but its name.
pub fn blank() -> Prospect {
    Prospect::named("Blank NV")
}

/// Every scorecard input at full health under the default policy (score 100, coverage 100 %):
/// equity / TA 0.5 ≥ 0.35; current ratio 3 ≥ 2; quick (600k − 100k) / 200k = 2.5 ≥ 1.2;
/// cash 150k / 200k = 0.75 ≥ 0.5; net result / TA 0.10 ≥ 0.08; EBIT / TA 0.15 ≥ 0.10;
/// Z'' = 6.56·0.4 + 3.26·0.3 + 6.72·0.15 + 1.05·1.0 = 2.624 + 0.978 + 1.008 + 1.05 = 5.66 ≥ 4;
/// DBT 0, no late invoices, improving, bureau 100; no summons or debts, filed on time,
/// founded 2000 (26 years ≥ 5), accounts of 2025-12-31 (10 whole months ≤ 12).
pub fn healthy() -> Prospect {
    Prospect {
        total_assets: Some(eur(1_000_000)),
        total_liabilities: Some(eur(500_000)),
        equity: Some(eur(500_000)),
        current_assets: Some(eur(600_000)),
        current_liabilities: Some(eur(200_000)),
        inventory: Some(eur(100_000)),
        cash: Some(eur(150_000)),
        net_result: Some(eur(100_000)),
        ebit: Some(eur(150_000)),
        retained_earnings: Some(eur(300_000)),
        dbt_days: Some(0),
        late_share_pct: Some(Pct::ZERO),
        dbt_trend: Some(Trend::Improving),
        bureau_score: Some(100),
        summons_12m: Some(0),
        tax_debt: Some(Money::ZERO),
        social_debt: Some(Money::ZERO),
        late_filing: Some(false),
        founded: Some(2000),
        accounts_date: Some(date(2025, 12, 31)),
        insolvency: Some(Insolvency::None),
        ..Prospect::named("Healthy BV")
    }
}

/// The reason an assessment gives for one factor.
pub fn reason(a: &Assessment, factor: Factor) -> &Reason {
    a.reasons
        .iter()
        .find(|r| r.factor == factor)
        .unwrap_or_else(|| panic!("no reason for {factor:?} in {:#?}", a.reasons))
}

/// The one-year PD the default policy gives a band, as a fraction.
pub fn pd(band: Band) -> Decimal {
    policy().bands.get(band).pd_pct.fraction()
}

/// `a` and `b` agree to within floating-point noise.
pub fn assert_close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
}

/// `base` with a change, for one-line test prospects.
pub fn with(mut base: Prospect, change: impl FnOnce(&mut Prospect)) -> Prospect {
    change(&mut base);
    base
}

/// The score of a prospect that knows only what `change` sets.
pub fn score_only(change: impl FnOnce(&mut Prospect)) -> f64 {
    assess_today(&with(blank(), change)).score.expect("a score")
}

/// Prospects whose score lands on a band boundary, with that score and band; each loss is
/// computed from the input shares (see the top of `risk_model.rs`).
pub fn boundary_prospects() -> Vec<(Prospect, f64, Band)> {
    // 20.0 lost: DBT 45 (21·0.8 = 16.8) + bureau 50 (3.5·0.4 = 1.4) + late filing (1.5·0.8 =
    // 1.2) + accounts 21 months old (1.5·0.4 = 0.6).
    let a80 = with(healthy(), |p| {
        p.dbt_days = Some(45);
        p.bureau_score = Some(50);
        p.late_filing = Some(true);
        p.accounts_date = Some(date(2025, 2, 28));
    });
    // 20.1 lost: the same with trend stable (3.5·0.2 = 0.7) instead of the accounts age.
    let b79 = with(a80.clone(), |p| {
        p.accounts_date = Some(date(2025, 12, 31));
        p.dbt_trend = Some(Trend::Stable);
    });
    // 31.5 lost: DBT 90 (21) + 75 % late (7) + bureau 0 (3.5).
    let bad_payer = with(healthy(), |p| {
        p.dbt_days = Some(90);
        p.late_share_pct = Some(pct("75"));
        p.bureau_score = Some(0);
    });
    // 35.0 lost: 31.5 + tax and social debt of 1 000 (3·0.5 = 1.5 each) + accounts 20 months
    // old (1.5·(1 − 0.6667) = 0.5).
    let b65 = with(bad_payer.clone(), |p| {
        p.tax_debt = Some(eur(1_000));
        p.social_debt = Some(eur(1_000));
        p.accounts_date = Some(date(2025, 3, 28));
    });
    // 35.1 lost: 31.5 + 1 summons (4.5·0.5 = 2.25) + late filing (1.2) + 15 months (0.15).
    let c64 = with(bad_payer, |p| {
        p.summons_12m = Some(1);
        p.late_filing = Some(true);
        p.accounts_date = Some(date(2025, 8, 28));
    });
    // Payment and solvency only (coverage exactly 50 %, so band B at best, which does not bind
    // here): 0.7·P + 0.3·S. Equity 700 / 6000 → S = 0.45 + 3·(0.116667 − 0.1) = 0.5;
    // P = (60·0.6 [DBT 21: 0.7 − 0.25·6/15] + 20·0.2 [50 % late] + 10·1 [improving]
    // + 10·0 [bureau 0]) / 100 = 0.5 → 50.0.
    let c50 = with(blank(), |p| {
        p.dbt_days = Some(21);
        p.late_share_pct = Some(pct("50"));
        p.dbt_trend = Some(Trend::Improving);
        p.bureau_score = Some(0);
        p.equity = Some(eur(700));
        p.total_assets = Some(eur(6000));
    });
    // 50.5 % late: 20·0.196 = 3.92, P = 0.4992 → 0.7·0.4992 + 0.15 = 0.49944.
    let d49 = with(c50.clone(), |p| p.late_share_pct = Some(pct("50.5")));
    // Payment only (insufficient data, so band D at best): 60·0.2 [DBT 45] + 20·0.6 [25 %]
    // + 10·0.8 [stable] + 10·0.3 [bureau 30] = 35; at 25.25 %: 20·0.596 = 11.92 → 34.92.
    let d35 = with(blank(), |p| {
        p.dbt_days = Some(45);
        p.late_share_pct = Some(pct("25"));
        p.dbt_trend = Some(Trend::Stable);
        p.bureau_score = Some(30);
    });
    let e34 = with(d35.clone(), |p| p.late_share_pct = Some(pct("25.25")));
    vec![
        (a80, 80.0, Band::A),
        (b79, 79.9, Band::B),
        (b65, 65.0, Band::B),
        (c64, 64.9, Band::C),
        (c50, 50.0, Band::C),
        (d49, 49.9, Band::D),
        (d35, 35.0, Band::D),
        (e34, 34.9, Band::E),
    ]
}

/// No security (a name that does not shadow `Option::None`).
pub const UNSECURED: Security = Security::None;

/// Every kind of security, in policy order.
pub const SECURITIES: [Security; 5] =
    [UNSECURED, RetentionOfTitle, CreditInsurance, BankGuarantee, LetterOfCredit];

/// Asserts that a "why" or assumptions list holds `line`.
pub fn says(lines: &[String], line: &str) {
    assert!(lines.iter().any(|l| l == line), "no {line:?} in {lines:#?}");
}

/// Only a liquidity picture: current assets and liabilities, inventory and cash.
pub fn liquid(ca: i64, cl: i64, inventory: Option<i64>, cash: Option<i64>) -> Prospect {
    with(blank(), |p| {
        p.current_assets = Some(eur(ca));
        p.current_liabilities = Some(eur(cl));
        p.inventory = inventory.map(eur);
        p.cash = cash.map(eur);
    })
}

/// Only a solvency picture: equity against total assets of 1 000.
pub fn solvent(equity: i64) -> Prospect {
    with(blank(), |p| {
        p.equity = Some(eur(equity));
        p.total_assets = Some(eur(1000));
    })
}
