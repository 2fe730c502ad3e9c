//! Properties of the domain that must hold for every input (STYLE.md "Tests in layers" 1):
//! coverage is a share, the receivable falls with more advance or fewer days, the profit is the
//! exact sum of its parts, the goal seeks find the edge, and suggested terms fit their cap. The
//! risk model's own properties (monotone in every input, unknown as cautious, inconsistencies
//! never rewarded) are in `risk_properties.rs`.

mod common;

use common::domain::*;
use dealdesk::domain::date::Date;
use dealdesk::domain::economics::{
    Deal, Seek, average_receivable, economics, least_advance, longest_payment_days, profit_by_advance,
    profit_by_payment_days,
};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::risk::assess;
use dealdesk::domain::terms::bank_backed;
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Insolvency, Security, Trend};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use strum::VariantArray;

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

    #[test]
    fn more_advance_or_fewer_days_never_raise_the_receivable(
        volume in money(0, 10_000_000),
        advances in (percent(100), percent(100)),
        days in (0u32..=365, 0u32..=365),
        dbt in 0u32..=120,
    ) {
        let (less, more) = (advances.0.min(advances.1), advances.0.max(advances.1));
        let (fewer, longer) = (days.0.min(days.1), days.0.max(days.1));
        let receivable = |advance, days| average_receivable(volume, advance, days, dbt);
        prop_assert!(receivable(more, longer) <= receivable(less, longer));
        prop_assert!(receivable(less, fewer) <= receivable(less, longer));
        prop_assert!(receivable(more, fewer) >= Money::ZERO);
    }

    #[test]
    fn profit_is_exactly_the_sum_of_its_parts((deal, terms) in deal_and_terms()) {
        let e = economics(&deal, &terms, &Policy::default_policy());
        let costs = e.discounts + e.expected_loss + e.financing_cost + e.cost_to_serve + e.security_cost;
        prop_assert_eq!(e.risk_adjusted_profit, e.gross_margin - costs);
        prop_assert!(e.exposure <= e.average_receivable);
        prop_assert!(e.exposure <= terms.credit_limit.max(Money::ZERO));
        prop_assert!(e.exposure >= Money::ZERO && e.expected_loss >= Money::ZERO);
    }

    #[test]
    fn sensitivity_runs_the_way_the_goal_seeks_assume((deal, terms) in deal_and_terms()) {
        let policy = Policy::default_policy();
        let by_advance = profit_by_advance(&deal, &terms, 10, &policy);
        prop_assert!(by_advance.windows(2).all(|w| w[0].1 <= w[1].1), "{by_advance:?}");
        let by_days = profit_by_payment_days(&deal, &terms, 10, &policy);
        prop_assert!(by_days.windows(2).all(|w| w[0].1 >= w[1].1), "{by_days:?}");
    }

    #[test]
    fn goal_seeks_find_the_edge((deal, terms) in deal_and_terms(), target in -20i64..40) {
        let policy = Policy::default_policy();
        let target = Decimal::from(target);
        let margin = |t: &Terms| economics(&deal, t, &policy).margin_pct;
        let meets = |t: &Terms| margin(t).is_some_and(|m| m >= target);
        let least = least_advance(&deal, &terms, target, &policy);
        prop_assert_eq!(least.already_met, meets(&terms));
        if let Seek::Found { terms: found, margin_pct } = least.seek {
            prop_assert!(meets(&found) && Some(margin_pct) == margin(&found));
            let advance = found.advance_pct.percent();
            if advance > Decimal::ZERO {
                let less = Terms { advance_pct: Pct::new(advance - Decimal::ONE), ..found };
                prop_assert!(!meets(&less), "{advance} % is not the least");
            }
        }
        let ceiling = policy.economics.max_payment_days;
        let longest = longest_payment_days(&deal, &terms, target, &policy);
        prop_assert_eq!(longest.already_met, meets(&terms));
        if let Seek::Found { terms: found, .. } = longest.seek {
            prop_assert!(meets(&found) && found.payment_days <= ceiling);
            let longer = Terms { payment_days: found.payment_days + 1, ..found.clone() };
            prop_assert!(found.payment_days == ceiling || !meets(&longer));
        }
    }

    #[test]
    fn suggested_terms_fit_under_the_cap(
        p in prospect(),
        volume in money(0, 3_000_000),
        requested in of(0u32..=120),
    ) {
        let p = with(p, |p| {
            p.annual_volume = Some(volume);
            p.requested_payment_days = requested;
        });
        let policy = Policy::default_policy();
        let e = evaluate(&p, &policy, today());
        let (s, segment) = (&e.suggestion, e.segment.expect("a segment"));
        let cell = policy.terms.get(e.assessment.band).cells.get(segment);
        let t = &s.terms;
        let fitted = average_receivable(volume, t.advance_pct, t.payment_days, s.expected_dbt_days);
        if bank_backed(t.security) {
            // A guarantee or letter of credit covers what is above the unsecured cap.
            prop_assert!(t.credit_limit >= fitted);
        } else {
            prop_assert!(fitted <= s.credit_cap, "{fitted} > cap {}", s.credit_cap);
            prop_assert!(t.credit_limit <= s.credit_cap && t.credit_limit >= fitted.min(s.credit_cap));
        }
        // The fit only ever tightens the matrix cell (or the shorter term asked for).
        prop_assert!(t.payment_days <= cell.payment_days.min(requested.unwrap_or(u32::MAX)));
        prop_assert!(t.advance_pct >= cell.advance_pct);
        if t.advance_pct == Pct::HUNDRED {
            prop_assert_eq!(t.delivery, Delivery::AfterPayment);
        }
        let x = e.economics.expect("economics");
        prop_assert!(x.exposure <= t.credit_limit);
    }
}

fn deal_and_terms() -> impl Strategy<Value = (Deal, Terms)> {
    let deal = (money(0, 5_000_000), percent(60), select(Band::VARIANTS.to_vec()), 0u32..=120);
    let securities = vec![
        Security::None,
        Security::RetentionOfTitle,
        Security::CreditInsurance,
        Security::BankGuarantee,
        Security::LetterOfCredit,
    ];
    let terms = (
        (0u32..=120, percent(100), percent(5), money(-1_000, 2_000_000)),
        (select(securities), select(Channel::VARIANTS.to_vec()), 1u32..=24),
    );
    (deal, terms).prop_map(|((volume, margin, band, dbt), ((days, advance, discount, limit), rest))| {
        let deal = Deal { volume, margin, pd: pd(band), expected_dbt_days: dbt };
        let terms = Terms {
            payment_days: days,
            advance_pct: advance,
            discount_pct: discount,
            credit_limit: limit,
            delivery: Delivery::Standard,
            security: rest.0,
            channel: rest.1,
            review_months: rest.2,
        };
        (deal, terms)
    })
}
