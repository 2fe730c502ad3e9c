//! Builders shared by the domain test suites: a fixed "today", the default policy, exact amounts
//! and a prospect whose every input earns full health.

use std::str::FromStr;

use dealdesk::domain::date::Date;
use dealdesk::domain::decision::{Decision, Stamp, record};
use dealdesk::domain::factor::Factor;
use dealdesk::domain::import_plan::Decider;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::reason::Reason;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::risk::{Assessment, assess};
use dealdesk::domain::risk_caps::CapRule;
use dealdesk::domain::vocabulary::Security::{
    BankGuarantee, CreditInsurance, LetterOfCredit, RetentionOfTitle,
};
use dealdesk::domain::vocabulary::{Band, Insolvency, Security, Status, Trend};
use rust_decimal::Decimal;

/// The default policy, shared by everything a test borrows it for.
pub static POLICY: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(Policy::default_policy);

/// A decision made at 09:14 (Brussels, winter time) on the test day by "tester".
pub fn stamp() -> Stamp {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:14:00+01:00").expect("a time");
    Stamp { at, by: "tester".into() }
}

/// How an import of `file` records the statuses it brings, on the test day.
pub fn decider(file: &str) -> Decider<'static> {
    Decider::for_file(&POLICY, today(), stamp(), file)
}

/// A prospect decided on `day` with a review interval of `months` (demo terms otherwise), as a
/// store holds it: the review is due `months` after `day`.
pub fn decided(id: u64, name: &str, status: Status, day: Date, months: u32) -> Prospect {
    let p = Prospect {
        id,
        annual_volume: Some(Money::units(120_000)),
        dbt_days: Some(12),
        ..Prospect::named(name)
    };
    let mut after = record(&p, Decision { status, terms: None, note: String::new() }, &stamp(), &POLICY, day);
    let d = after.history.last_mut().expect("the decision");
    d.date = day;
    d.terms.review_months = months;
    after
}

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
/// DBT 0, no late invoices, improving, bureau 100 (observed 2026-11-14); no summons (so none by
/// an authority), not listed for tax or social-security debt, filed on time, founded 2000
/// (26 years ≥ 5), accounts of 2025-12-31 (10 whole months ≤ 12).
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
        dbt_observed: Some(date(2026, 11, 14)),
        bureau_score: Some(100),
        summons_12m: Some(0),
        tax_debt: Some(RegisterEntry::Listed(false)),
        social_debt: Some(RegisterEntry::Listed(false)),
        late_filing: Some(false),
        founded: Some(2000),
        accounts_date: Some(date(2025, 12, 31)),
        insolvency: Some(Insolvency::None),
        ..Prospect::named("Healthy BV")
    }
}

/// The reason an assessment gives for one input (not a cap on it).
pub fn reason(a: &Assessment, factor: Factor) -> &Reason {
    a.reasons
        .iter()
        .find(|r| r.factor == factor && !matches!(r.kind, dealdesk::domain::reason::ReasonKind::Cap(_)))
        .unwrap_or_else(|| panic!("no reason for {factor:?} in {:#?}", a.reasons))
}

/// The points the reason for `factor` moved (not a cap's).
pub fn points(a: &Assessment, factor: Factor) -> f64 {
    a.reasons
        .iter()
        .find(|r| r.factor == factor && !matches!(r.kind, dealdesk::domain::reason::ReasonKind::Cap(_)))
        .unwrap_or_else(|| panic!("no reason for {factor:?} in {:#?}", a.reasons))
        .points
}

/// The rule keys of an assessment's caps, worst band first.
pub fn cap_rules(a: &Assessment) -> Vec<&'static str> {
    a.caps.iter().map(|c| c.rule.key()).collect()
}

/// Whether a cap of this kind fired.
pub fn has_cap(a: &Assessment, matches: impl Fn(&CapRule) -> bool) -> bool {
    a.caps.iter().any(|c| matches(&c.rule))
}

/// An amount of tax or social-security debt.
pub fn owed(units: i64) -> Option<RegisterEntry> {
    Some(RegisterEntry::Amount(eur(units)))
}

/// The band midpoint PD the default policy gives a band (its `pd_pct`), as a fraction.
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

/// Prospects whose score lands on a band boundary, with that score and band, none of them
/// capped. Losses by input share (see the top of `risk_model.rs`): DBT 21, late share 7, trend
/// and bureau 3.5 each, summons 3.75, tax and social debt 3 each, accounts age 1.5. Tax debt is
/// sized against revenue 1 000 000: its curve runs 0.05 % → 0.8, 0.2 % → 0.5, so an amount A
/// between 500 and 2 000 loses 0.6 + 0.0006·(A − 500).
pub fn boundary_prospects() -> Vec<(Prospect, f64, Band)> {
    let base = with(healthy(), |p| {
        p.revenue = Some(eur(1_000_000));
        p.summons_authority = Some(false);
    });
    // 20.0 lost: DBT 45 (21·0.8 = 16.8) + bureau 50 (3.5·0.4 = 1.4) + accounts 21 months old
    // (1.5·0.4 = 0.6) + tax debt 1 500 (0.15 % of revenue → 0.6: 3·0.4 = 1.2).
    let a80 = with(base.clone(), |p| {
        p.dbt_days = Some(45);
        p.bureau_score = Some(50);
        p.accounts_date = Some(date(2025, 2, 28));
        p.tax_debt = owed(1_500);
    });
    // 20.1 lost: the same with trend stable (3.5·0.2 = 0.7) instead of the accounts age (0.6).
    let b79 = with(a80.clone(), |p| {
        p.accounts_date = Some(date(2025, 12, 31));
        p.dbt_trend = Some(Trend::Stable);
    });
    // 35.0 lost: DBT 45 (16.8) + 75 % late (7) + bureau 0 (3.5) + worsening (3.5·0.8 = 2.8) +
    // 1 summons (3.75·0.5 = 1.875) + social debt 1 500 (1.2) + tax debt 1 375 (0.6 + 0.525)
    // + accounts 22 months old (0.8 − 0.4·4/6 = 0.5333: 1.5·0.4667 = 0.7).
    let b65 = with(base.clone(), |p| {
        p.dbt_days = Some(45);
        p.late_share_pct = Some(pct("75"));
        p.bureau_score = Some(0);
        p.dbt_trend = Some(Trend::Worsening);
        p.summons_12m = Some(1);
        p.social_debt = owed(1_500);
        p.tax_debt = owed(1_375);
        p.accounts_date = Some(date(2025, 1, 28));
    });
    // 35.1 lost: accounts 23 months old instead (0.8 − 0.4·5/6 = 0.4667: 0.8 lost).
    let c64 = with(b65.clone(), |p| p.accounts_date = Some(date(2024, 12, 28)));
    // 50.0 lost, all known: DBT 50 (0.2 − 0.15·5/15 = 0.15: 17.85) + 75 % late (7) + worsening
    // (2.8) + bureau 0 (3.5) = 31.15; inventory 400 000 and cash 20 000 (quick 1.0 → 0.8:
    // 4.5·0.2 = 0.9; cash 0.1 → 0.4: 3·0.6 = 1.8; current 3 full); equity 100 000 against
    // liabilities 900 000 (0.1 → 0.45: 15·0.55 = 8.25); net result 30 000 and EBIT 50 000 (3 % →
    // 0.7 and 5 % → 0.7: 1.5 each); Z'' = 2.624 + 0.978 + 0.336 + 1.05·100/900 = 4.0547, full;
    // 1 summons (1.875), tax 1 375 (1.125), social 1 500 (1.2), accounts 22 months (0.7).
    let c50 = with(b65.clone(), |p| {
        p.dbt_days = Some(50);
        p.inventory = Some(eur(400_000));
        p.cash = Some(eur(20_000));
        p.equity = Some(eur(100_000));
        p.total_liabilities = Some(eur(900_000));
        p.net_result = Some(eur(30_000));
        p.ebit = Some(eur(50_000));
    });
    // 50.1 lost: accounts 23 months old (0.8, not 0.7).
    let d49 = with(c50.clone(), |p| p.accounts_date = Some(date(2024, 12, 28)));
    // 65.0 lost: c50 without the liquidity figures (assumed current 1.0, quick 0.7, cash 0.1:
    // 4.5 + 2.7 + 1.8 = 9.0 instead of 2.7) and so without Z'' (assumed 1.1 → 0.3: 7.0 instead
    // of 0), coverage exactly 75 % (not limited); DBT 56 (0.2 − 0.15·11/15 = 0.09: 19.11, 1.26
    // more), accounts 24 months old (0.4: 0.9, 0.2 more), tax debt 1 775 (0.24 more).
    let d35 = with(c50.clone(), |p| {
        (p.current_assets, p.current_liabilities, p.inventory, p.cash) = (None, None, None, None);
        p.dbt_days = Some(56);
        p.accounts_date = Some(date(2024, 11, 28));
        p.tax_debt = owed(1_775);
    });
    // 65.11 lost: DBT 57 (0.08: 0.21 more), accounts 23 months old (0.1 less): 34.89 → 34.9.
    let e34 = with(d35.clone(), |p| {
        p.dbt_days = Some(57);
        p.accounts_date = Some(date(2024, 12, 28));
    });
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
