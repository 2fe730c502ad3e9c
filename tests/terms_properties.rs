//! Properties of the terms and the economics that must hold for every input (issue 12): terms
//! monotone in risk, a later payer never gets more open credit, less protection never lowers
//! the expected loss, a binding limit is the same deal at the volume it carries, and the
//! profit is the exact sum of its parts.

mod common;

use common::domain::*;
use dealdesk::domain::economics::{Deal, Economics, economics};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::segment::segment_for;
use dealdesk::domain::terms::{Suggestion, suggest};
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Security, Trend};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use strum::VariantArray;

fn money(lo: i64, hi: i64) -> impl Strategy<Value = Money> {
    (lo * 100..=hi * 100).prop_map(|cents| Money::new(Decimal::new(cents, 2)))
}

fn percent(max: i64) -> impl Strategy<Value = Pct> {
    (0..=max * 100).prop_map(|bp| Pct::new(Decimal::new(bp, 2)))
}

fn of<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::weighted(0.8, s)
}

/// A prospect with a deal in any segment, at home or abroad, with or without accounts and
/// payment data.
fn prospect() -> impl Strategy<Value = Prospect> {
    let company = (
        select(vec!["BE", "NL", "DE"]),
        of(money(-500_000, 20_000_000)),
        of(money(0, 200_000_000)),
        of(1u32..2_000),
    );
    let payment = (of(0u32..=150), of(percent(100)), of(select(Trend::VARIANTS.to_vec())), of(0u8..=100));
    let deal = (money(1_000, 5_000_000), of(percent(60)), of(0u32..=120), of(0u32..=90), of(1u32..=200));
    (company, payment, deal).prop_map(|(c, pay, d)| {
        let mut p = blank();
        p.country = Some(c.0.into());
        (p.equity, p.revenue, p.employees) = (c.1, c.2, c.3);
        (p.dbt_days, p.late_share_pct, p.dbt_trend, p.bureau_score) = pay;
        p.annual_volume = Some(d.0);
        (p.margin_pct, p.requested_payment_days, p.observed_terms_days, p.orders_per_year) =
            (d.1, d.2, d.3, d.4);
        p
    })
}

/// The suggestion for `p` as if its assessment had landed in `band`.
fn in_band(p: &Prospect, band: Band, policy: &Policy) -> Suggestion {
    let mut a = assess_today(p);
    a.band = band;
    a.pd = pd(band);
    let segment = p.annual_volume.map(|v| segment_for(v, policy));
    suggest(p, &a, segment, policy)
}

fn prepaid(t: &Terms) -> bool {
    t.advance_pct == Pct::HUNDRED
}

/// Figures equal within a cent each.
fn close(a: Money, b: Money) -> bool {
    (a - b).amount().abs() <= Decimal::new(1, 2)
}

fn deal_and_terms() -> impl Strategy<Value = (Deal, Terms)> {
    let deal = (
        money(0, 5_000_000),
        percent(60),
        select(Band::VARIANTS.to_vec()),
        0u32..=120,
        0u32..=90,
        select(vec![Pct::ZERO, Pct::whole(21)]),
    );
    let terms = (
        (0u32..=120, percent(100), percent(5), 0u32..=60, money(0, 2_000_000)),
        (
            select(Security::VARIANTS.to_vec()),
            money(0, 1_000_000),
            select(Channel::VARIANTS.to_vec()),
            select(Delivery::VARIANTS.to_vec()),
        ),
    );
    (deal, terms).prop_map(
        |((volume, margin, band, dbt, observed, vat), ((days, advance, discount, d_days, limit), rest))| {
            let deal = Deal {
                volume,
                margin,
                pd: pd(band),
                in_default: false,
                expected_dbt_days: dbt,
                observed_terms_days: observed,
                orders_per_year: None,
                vat,
            };
            let terms = Terms {
                payment_days: days,
                advance_pct: advance,
                discount_pct: discount,
                discount_days: d_days,
                credit_limit: limit,
                delivery: rest.3,
                security: rest.0,
                security_amount: rest.1,
                channel: rest.2,
                review_months: 12,
            };
            (deal, terms)
        },
    )
}

fn adds_up(x: &Economics) -> bool {
    x.gross_margin - x.discounts - x.expected_loss - x.financing_cost - x.cost_to_serve - x.security_cost
        == x.risk_adjusted_profit
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_worse_band_never_gets_easier_terms_or_more_open_credit(p in prospect()) {
        let policy = Policy::default_policy();
        let all: Vec<Suggestion> = Band::VARIANTS.iter().map(|b| in_band(&p, *b, &policy)).collect();
        for (band, pair) in Band::VARIANTS.iter().zip(all.windows(2)) {
            let (better, worse) = (&pair[0].terms, &pair[1].terms);
            let (b, w) = (&pair[0], &pair[1]);
            prop_assert!(worse.advance_pct >= better.advance_pct, "{band}: advance {} → {}", better.advance_pct, worse.advance_pct);
            prop_assert!(prepaid(worse) || worse.payment_days <= better.payment_days, "{band}: days {} → {}", better.payment_days, worse.payment_days);
            prop_assert!(w.unsecured_limit <= b.unsecured_limit, "{band}: open {} → {}", b.unsecured_limit, w.unsecured_limit);
            prop_assert!(prepaid(worse) || worse.security >= better.security, "{band}: {:?} → {:?}", better.security, worse.security);
        }
    }

    #[test]
    fn a_later_payer_never_gets_more_open_credit(p in prospect(), more in 1u32..60) {
        let policy = Policy::default_policy();
        let Some(dbt) = p.dbt_days else { return Ok(()) };
        let later = Prospect { dbt_days: Some(dbt + more), ..p.clone() };
        let (before, after) = (evaluate(&p, &policy, today()).suggestion, evaluate(&later, &policy, today()).suggestion);
        prop_assert!(after.unsecured_limit <= before.unsecured_limit, "{} → {}", before.unsecured_limit, after.unsecured_limit);
        prop_assert!(after.credit_cap <= before.credit_cap);
        // An unsecured line's limit is its capacity: it never grows with DBT either.
        if open_line(&after.terms) && open_line(&before.terms) {
            prop_assert!(after.terms.credit_limit <= before.terms.credit_limit);
        }
    }

    #[test]
    fn less_security_or_less_advance_never_lowers_the_expected_loss(
        (deal, terms) in deal_and_terms(),
        less in percent(100),
    ) {
        let policy = Policy::default_policy();
        let base = economics(&deal, &terms, &policy);
        let smaller = Terms { security_amount: terms.security_amount.times(less.fraction()), ..terms.clone() };
        prop_assert!(economics(&deal, &smaller, &policy).expected_loss >= base.expected_loss);
        let unsecured = Terms { security: Security::None, ..terms.clone() };
        prop_assert!(economics(&deal, &unsecured, &policy).expected_loss >= base.expected_loss);
        let lower = Terms { advance_pct: Pct::new(terms.advance_pct.percent() * less.fraction()), ..terms.clone() };
        prop_assert!(economics(&deal, &lower, &policy).expected_loss >= base.expected_loss);
    }

    #[test]
    fn a_binding_limit_is_the_deal_at_the_volume_it_carries((deal, terms) in deal_and_terms()) {
        let policy = Policy::default_policy();
        let bound = economics(&deal, &terms, &policy);
        let carried = Deal { volume: bound.volume_sold, ..deal.clone() };
        let free = Terms { credit_limit: Money::units(1_000_000_000), ..terms.clone() };
        let x = economics(&carried, &free, &policy);
        let pairs = [
            (bound.volume_sold, x.volume_sold),
            (bound.gross_margin, x.gross_margin),
            (bound.discounts, x.discounts),
            (bound.exposure, x.exposure),
            (bound.covered, x.covered),
            (bound.loss_at_default, x.loss_at_default),
            (bound.expected_loss, x.expected_loss),
            (bound.financing_cost, x.financing_cost),
            (bound.cost_to_serve, x.cost_to_serve),
            (bound.security_cost, x.security_cost),
            (bound.capital, x.capital),
        ];
        for (i, (a, b)) in pairs.iter().enumerate() {
            prop_assert!(close(*a, *b), "figure {i}: {a} vs {b}");
        }
        // The profit is the sum of those parts, so within a cent per part.
        prop_assert!((bound.risk_adjusted_profit - x.risk_adjusted_profit).amount().abs() <= Decimal::new(6, 2));
    }

    #[test]
    fn profit_is_the_sum_of_its_parts_and_exposure_stays_under_the_limit((deal, terms) in deal_and_terms()) {
        let policy = Policy::default_policy();
        let x = economics(&deal, &terms, &policy);
        prop_assert!(adds_up(&x));
        prop_assert!(x.volume_sold <= deal.volume && x.exposure >= Money::ZERO);
        if policy.channels.get(terms.channel).debtor.is_none() {
            prop_assert!(x.exposure <= terms.credit_limit.max(Money::ZERO) + Money::new(Decimal::new(1, 2)));
        }
        prop_assert!(x.covered <= x.exposure && x.expected_loss <= x.loss_at_default);
    }

    #[test]
    fn suggested_terms_stay_within_their_own_policy(p in prospect()) {
        let policy = Policy::default_policy();
        let e = evaluate(&p, &policy, today());
        let s = &e.suggestion;
        prop_assert!(dealdesk::domain::terms::deviations::deviations(&s.terms, s).is_empty(), "{:#?}", s);
        prop_assert!(s.unsecured_limit <= s.credit_cap || prepaid(&s.terms));
        prop_assert!(s.terms.credit_limit <= s.line_ceiling.max(s.credit_cap));
        prop_assert!(s.terms.payment_days <= s.ceiling.max_days);
        let x = e.economics.expect("economics");
        prop_assert!(x.exposure <= s.terms.credit_limit || s.terms.channel == Channel::Wholesaler);
    }
}

/// Whether nothing first-demand covers any of the line.
fn open_line(t: &Terms) -> bool {
    !matches!(t.security, Security::BankGuarantee | Security::LetterOfCredit)
        || !t.security_amount.is_positive()
}
