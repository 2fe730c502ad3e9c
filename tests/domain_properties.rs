//! Properties of the domain that must hold for every input (STYLE.md "Tests in layers" 1):
//! coverage is a share and the score a percentage. The risk model's own properties (monotone in
//! every input, unknown as cautious, inconsistencies never rewarded) are in `risk_properties.rs`;
//! the terms and economics have theirs in `terms_properties.rs`.

mod common;

use common::domain::*;
use dealdesk::domain::date::Date;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::risk::assess;
use dealdesk::domain::vocabulary::{Insolvency, Trend};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

/// An amount between `lo` and `hi` whole units, to the cent.
fn money(lo: i64, hi: i64) -> impl Strategy<Value = Money> {
    (lo * 100..=hi * 100).prop_map(|cents| Money::new(Decimal::new(cents, 2)))
}

/// A percentage 0–`max` with two decimals.
fn percent(max: i64) -> impl Strategy<Value = Pct> {
    (0..=max * 100).prop_map(|bp| Pct::new(Decimal::new(bp, 2)))
}

/// Zero is a common and telling value for liabilities and debts.
fn money_or_zero(hi: i64) -> impl Strategy<Value = Money> {
    prop_oneof![1 => Just(Money::ZERO), 3 => money(0, hi)]
}

fn trend() -> impl Strategy<Value = Trend> {
    select(vec![Trend::Improving, Trend::Stable, Trend::Worsening])
}

fn insolvency() -> impl Strategy<Value = Insolvency> {
    use Insolvency::*;
    select(vec![None, Unspecified, Reorganisation, Bankruptcy])
}

/// Known three times in four, so that ratios and Z'' (seven inputs) are often complete.
fn of<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::weighted(0.75, s)
}

/// A prospect with an arbitrary subset of the scorecard inputs, each in a realistic range
/// (liabilities, debts, cash and current assets are not negative; equity and results may be).
fn prospect() -> impl Strategy<Value = Prospect> {
    let payment = (of(0u32..150), of(percent(100)), of(trend()), of(0u8..=100));
    let balance = (
        of(money_or_zero(2_000_000)),
        of(money_or_zero(2_000_000)),
        of(money(-1_000_000, 2_000_000)),
        of(money(0, 1_000_000)),
        of(money(0, 500_000)),
        of(money(0, 500_000)),
        of(money_or_zero(1_000_000)),
    );
    let results = (of(money(-300_000, 300_000)), of(money(-300_000, 300_000)), of(money(-500_000, 500_000)));
    let signals = (
        of(0u32..10),
        of(money_or_zero(200_000)),
        of(money_or_zero(200_000)),
        of(any::<bool>()),
        of(1950u16..=2030),
        of(-2_000i64..400),
        of(insolvency()),
    );
    (payment, balance, results, signals).prop_map(|(pay, bal, res, sig)| {
        let mut p = blank();
        (p.dbt_days, p.late_share_pct, p.dbt_trend, p.bureau_score) = pay;
        (p.total_assets, p.total_liabilities, p.equity) = (bal.0, bal.1, bal.2);
        (p.current_assets, p.inventory, p.cash, p.current_liabilities) = (bal.3, bal.4, bal.5, bal.6);
        (p.net_result, p.ebit, p.retained_earnings) = res;
        (p.summons_12m, p.late_filing) = (sig.0, sig.3);
        (p.tax_debt, p.social_debt) = (sig.1.map(RegisterEntry::Amount), sig.2.map(RegisterEntry::Amount));
        p.founded = sig.4;
        let offset = today().days_since_epoch();
        p.accounts_date = sig.5.and_then(|d| Date::from_days_since_epoch(offset + d));
        p.insolvency = sig.6;
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn coverage_is_a_share_and_the_score_a_percentage(p in prospect()) {
        let a = assess(&p, &Policy::default_policy(), today());
        prop_assert!((0.0..=1.0).contains(&a.coverage), "coverage {}", a.coverage);
        if let Some(score) = a.score {
            prop_assert!((0.0..=100.0).contains(&score), "score {score}");
            let points: f64 = a.reasons.iter().map(|r| r.points).sum();
            prop_assert!((points - (score - 100.0)).abs() <= 0.05 + 1e-9);
        }
        prop_assert_eq!(a.insufficient_data, a.coverage < 0.5);
    }
}
