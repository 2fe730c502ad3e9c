//! One band's terms for one prospect, starting from the strictest terms of the better bands
//! (the floor): the cell, the requested and legal term, the unsecured cap, the excess covered
//! by a first-demand security up to the line's ceiling, and the fit when even that is short.

use rust_decimal::Decimal;

use super::Why;
use super::capacity::{self, OpenCredit};
use super::context::Context;
use crate::domain::economics::exposure;
use crate::domain::money::{Money, Pct};
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::{Band, Delivery, Security};

/// Standard payment terms the fit shortens through, longest first.
const STANDARD_TERMS: [u32; 7] = [90, 60, 45, 30, 21, 14, 7];

/// The strictest terms of the better bands: no band below may ease them.
#[derive(Debug, Clone)]
pub(super) struct Floor {
    max_days: u32,
    min_advance: Pct,
    min_security: Security,
    max_unsecured: Option<Money>,
}

impl Floor {
    pub(super) fn loosest() -> Floor {
        Floor {
            max_days: u32::MAX,
            min_advance: Pct::ZERO,
            min_security: Security::None,
            max_unsecured: None,
        }
    }

    pub(super) fn tightened(&self, raw: &Proposal) -> Floor {
        let t = &raw.terms;
        let unsecured = super::security::unsecured_limit(t.credit_limit, t.security, t.security_amount);
        Floor {
            max_days: self.max_days.min(t.payment_days),
            min_advance: self.min_advance.max(t.advance_pct),
            min_security: self.min_security.max(t.security),
            max_unsecured: Some(self.max_unsecured.map_or(unsecured, |m| m.min(unsecured))),
        }
    }
}

/// One band's terms with the figures behind them.
pub(super) struct Proposal {
    pub(super) terms: Terms,
    pub(super) need: Money,
    pub(super) cap: Money,
    pub(super) line_ceiling: Money,
    pub(super) days_to_pay: u32,
    pub(super) policy_days: u32,
    pub(super) policy_advance: Pct,
}

/// Rounds to a multiple of `unit`, up or down: in integers where they give the same amount
/// (`rounding::whole_multiple`), else in decimals.
fn round_to(amount: Money, unit: Money, up: bool) -> Money {
    if !unit.is_positive() || !amount.is_positive() {
        return amount.max(Money::ZERO);
    }
    match crate::domain::rounding::whole_multiple(amount.amount(), unit.amount(), up) {
        Some(multiple) => Money::new(multiple),
        None => round_to_decimal(amount, unit, up),
    }
}

/// `round_to` in decimals: the quotient's floor or ceiling times the unit.
fn round_to_decimal(amount: Money, unit: Money, up: bool) -> Money {
    let units = amount.amount() / unit.amount();
    Money::new(if up { units.ceil() } else { units.floor() } * unit.amount())
}

/// The security amount a limit needs: a guarantee the part above the open line, a letter of
/// credit every shipment, insurance or retention of title the whole line.
fn amount_for(security: Security, limit: Money, open: Money) -> Money {
    match security {
        Security::None => Money::ZERO,
        Security::BankGuarantee => (limit - open).max(Money::ZERO),
        _ => limit,
    }
}

/// Full payment before delivery: nothing on credit and nothing to secure.
pub(super) fn prepaid(t: &mut Terms) {
    t.payment_days = 0;
    t.advance_pct = Pct::HUNDRED;
    t.delivery = Delivery::AfterPayment;
    t.security = Security::None;
    t.security_amount = Money::ZERO;
    t.credit_limit = Money::ZERO;
}

pub(super) fn propose(ctx: &Context, band: Band, floor: &Floor, why: &mut Why) -> Proposal {
    let policy = ctx.policy;
    let cell = policy.terms.get(band).cells.get(ctx.column);
    let risk = || {
        if ctx.insufficient_data {
            format!("Band {band} (cautious: insufficient data)")
        } else {
            format!("Band {band} ({} risk)", band.description())
        }
    };
    match ctx.segment {
        Some(s) => why.push(|| {
            format!(
                "{} × segment {s}: {} days, {} % advance, {}, {}",
                risk(),
                cell.payment_days,
                cell.advance_pct,
                cell.security.label(),
                cell.delivery.label()
            )
        }),
        None => why.push(|| format!("{}; volume unknown: the terms of the smallest segment", risk())),
    }
    let channel = policy.segments.get(ctx.column).channel;
    if let (Some(s), Some(volume)) = (ctx.segment, ctx.p.annual_volume) {
        let margin = ctx.p.margin_pct.unwrap_or(policy.economics.assumed_margin_pct);
        why.push(|| {
            let money = crate::domain::economics::channel::why_channel(volume, margin, channel, policy);
            format!("Channel {} for the {s} segment: {money}", channel.label())
        });
    }
    let c = &ctx.ceiling;
    let policy_days = cell.payment_days.min(c.max_days).min(floor.max_days);
    if cell.payment_days > c.max_days {
        why.push(|| format!("At most {} days: {}", c.max_days, c.law));
    }
    if floor.max_days < cell.payment_days.min(c.max_days) {
        why.push(|| {
            format!("At most {} days, as a better band gets: terms never ease as risk grows", floor.max_days)
        });
    }
    let mut days = policy_days;
    if let Some(requested) = ctx.p.requested_payment_days {
        if requested < days {
            why.push(|| format!("Requested {requested} days, shorter than the {days} allowed"));
            days = requested;
        } else if requested > days {
            why.push(|| format!("Requested {requested} days; the policy allows {days}"));
        }
    }
    if ctx.dbt_assumed {
        why.push(|| format!("DBT unknown: {} days assumed for band {}", ctx.dbt, ctx.band));
    }
    let policy_advance = cell.advance_pct.max(floor.min_advance);
    if floor.min_advance > cell.advance_pct {
        why.push(|| {
            format!(
                "At least {} % advance, as a better band needs: terms never ease as risk grows",
                floor.min_advance
            )
        });
    }
    let (mut security, changed) = ctx.fit.adapt(cell.security);
    if let Some(reason) = changed {
        why.push(|| format!("{}: {reason}", cell.security.label()));
    }
    if floor.min_security > security {
        why.push(|| format!("At least a {}, as a better band needs", floor.min_security.label()));
        security = floor.min_security;
    }
    let mut terms = Terms {
        payment_days: days,
        advance_pct: policy_advance,
        discount_pct: cell.discount_pct,
        discount_days: cell.discount_days,
        credit_limit: Money::ZERO,
        delivery: cell.delivery,
        security,
        security_amount: Money::ZERO,
        channel,
        review_months: ctx.review_months,
    };
    let proposal = |terms: Terms, need, cap, line_ceiling| {
        let days = exposure::days_to_pay(&ctx.payment(&terms), policy);
        let days_to_pay = rust_decimal::prelude::ToPrimitive::to_u32(&days.ceil()).unwrap_or(u32::MAX);
        Proposal { terms, need, cap, line_ceiling, days_to_pay, policy_days, policy_advance }
    };
    if let OpenCredit::None(reason) = &ctx.open_credit {
        why.push(|| reason.clone());
        prepaid(&mut terms);
        return proposal(terms, Money::ZERO, Money::ZERO, Money::ZERO);
    }
    if let Some(debtor) = &policy.channels.get(channel).debtor {
        why.push(|| {
            format!(
                "Through the {}: it buys on its own {} days and carries the credit; no line to the buyer",
                channel.label(),
                debtor.payment_days
            )
        });
        terms.payment_days = debtor.payment_days.min(c.max_days);
        (terms.advance_pct, terms.delivery, terms.security) = (Pct::ZERO, Delivery::Standard, Security::None);
        let days_to_pay = debtor.payment_days.saturating_add(debtor.dbt_days);
        let (policy_days, policy_advance) = (terms.payment_days, Pct::ZERO);
        let zero = Money::ZERO;
        return Proposal {
            terms,
            need: zero,
            cap: zero,
            line_ceiling: zero,
            days_to_pay,
            policy_days,
            policy_advance,
        };
    }
    let Some(volume) = ctx.p.annual_volume else {
        return proposal(terms, Money::ZERO, Money::ZERO, Money::ZERO);
    };
    let need = ctx.need(volume, &terms);
    let cover_only = ctx.open_credit == OpenCredit::FirstDemandCoverOnly;
    let health = (ctx.health, ctx.health_weight, ctx.stale);
    let (raw_cap, source) = capacity::unsecured_cap_weighted(ctx.p, band, ctx.column, health, policy);
    let (raw_cap, source) =
        if cover_only { (Money::ZERO, capacity::CapSource::RiskModel) } else { (raw_cap, source) };
    let unit = policy.limits.rounding;
    // The better band's open line is rounded: it binds only where it is below this cap rounded,
    // else the cap keeps its own reason.
    let (raw_cap, source) = match floor.max_unsecured {
        Some(m) if m < round_to(raw_cap, unit, false) => (m, capacity::CapSource::BetterBand),
        Some(m) => (raw_cap.min(m), source),
        None => (raw_cap, source),
    };
    let (ceiling, ceiling_why) = ctx.line.ceiling(raw_cap);
    let cap = round_to(raw_cap.min(ceiling), unit, false);
    let line_ceiling = round_to(ceiling, unit, false).max(cap);
    let cap_text = || capacity::cap_text(raw_cap, source);
    if terms.advance_pct >= Pct::HUNDRED {
        why.push(|| "Full advance: delivery after payment, no security needed".into());
        prepaid(&mut terms);
        return proposal(terms, need, cap, line_ceiling);
    }
    if need <= cap {
        why.push(|| format!("Credit need {} within the cap {}", need.grouped(), cap_text()));
        terms.credit_limit = cap;
        terms.security_amount = amount_for(terms.security, cap, cap);
        return proposal(terms, need, cap, line_ceiling);
    }
    if cover_only {
        why.push(|| "Judicial reorganisation: open credit only under first-demand cover of all of it".into());
    }
    if line_ceiling > cap {
        let cover = ctx.fit.excess_cover(policy);
        if terms.security < cover {
            terms.security = cover;
        }
        let kind = terms.security;
        why.push(|| {
            format!(
                "Credit need {} exceeds the cap {}: a {} covers the excess, up to the line's ceiling {} ({})",
                need.grouped(),
                cap_text(),
                kind.label(),
                line_ceiling.grouped(),
                ceiling_why.text()
            )
        });
    }
    let target = line_ceiling;
    if ctx.need(volume, &terms) > target {
        let before = (terms.payment_days, terms.advance_pct);
        fit(ctx, volume, &mut terms, target);
        let after = (terms.payment_days, terms.advance_pct);
        why.push(|| {
            let mut changes = Vec::new();
            if after.0 != before.0 {
                changes.push(format!("payment days {} → {}", before.0, after.0));
            }
            if after.1 != before.1 {
                changes.push(format!("advance {} % → {} %", before.1, after.1));
            }
            let over = if target > cap { "the line's ceiling" } else { "the cap" };
            format!(
                "Credit need {} exceeds {over} {}: {}",
                need.grouped(),
                target.grouped(),
                changes.join(", ")
            )
        });
        if terms.advance_pct >= Pct::HUNDRED {
            why.push(|| "Full advance: delivery after payment, no security needed".into());
            prepaid(&mut terms);
            return proposal(terms, need, cap, line_ceiling);
        }
    }
    // A secured line reaches the need, up to its ceiling, and the open line under a guarantee
    // stays whole; a letter of credit covers every shipment, so its line is the need.
    let open_line = if terms.security == Security::LetterOfCredit { Money::ZERO } else { cap };
    let limit = if target > cap {
        round_to(ctx.need(volume, &terms), unit, true).min(target).max(open_line)
    } else {
        cap
    };
    terms.credit_limit = limit;
    terms.security_amount = amount_for(terms.security, limit, cap);
    proposal(terms, need, cap, line_ceiling)
}

/// Shortens the payment days through the standard terms (not below the policy minimum, and
/// only while it shortens the receivable: a habitual late payer pays late whatever it is
/// given), then raises the advance to the next step that fits under `target`.
fn fit(ctx: &Context, volume: Money, terms: &mut Terms, target: Money) {
    let policy = ctx.policy;
    let (floor, start) = (policy.limits.fit_min_payment_days, terms.payment_days);
    let shorter = STANDARD_TERMS
        .into_iter()
        .filter(|d| *d < start && *d > floor)
        .chain((start > floor).then_some(floor));
    let mut need = ctx.need(volume, terms);
    for days in shorter {
        let candidate = Terms { payment_days: days, ..terms.clone() };
        let after = ctx.need(volume, &candidate);
        if after >= need {
            break;
        }
        (*terms, need) = (candidate, after);
        if after <= target {
            return;
        }
    }
    if need <= target {
        return;
    }
    // The receivable falls in proportion to (1 − advance): the least advance is
    // 1 − (1 − a)·target/need, taken up to the next step.
    let step = policy.limits.fit_advance_step_pct.percent().max(Decimal::new(1, 2));
    let open = Decimal::ONE_HUNDRED - terms.advance_pct.percent();
    let least = Decimal::ONE_HUNDRED - open * target.amount().max(Decimal::ZERO) / need.amount();
    let mut next = ((least / step).ceil() * step).clamp(terms.advance_pct.percent(), Decimal::ONE_HUNDRED);
    terms.advance_pct = Pct::new(next);
    while ctx.need(volume, terms) > target && next < Decimal::ONE_HUNDRED {
        next = (next + step).min(Decimal::ONE_HUNDRED);
        terms.advance_pct = Pct::new(next);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::*;

    /// Positive amounts to the cent, up to 10^15.
    fn amount() -> impl Strategy<Value = Money> {
        (1i64..=100_000_000_000_000_000, 0u32..=2, 0u32..=17).prop_map(|(m, scale, digits)| {
            let m = m % 10i64.pow(digits + 1) + 1;
            Money::new(Decimal::new(m, scale))
        })
    }

    /// Units as a policy might give them: round ones and odd ones, to the cent.
    fn unit() -> impl Strategy<Value = Money> {
        prop_oneof![
            prop::sample::select(vec![1i64, 10, 100, 500, 1000, 5000, 10_000, 25_000]).prop_map(Money::units),
            (1i64..=10_000_000, 0u32..=2).prop_map(|(m, s)| Money::new(Decimal::new(m, s))),
        ]
    }

    fn same(a: Money, b: Money) -> bool {
        a.amount().serialize() == b.amount().serialize()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]

        /// The integer rounding is the decimal one to the last bit (digits, scale and sign).
        #[test]
        fn rounded_as_in_decimals(a in amount(), u in unit(), up: bool) {
            let (fast, slow) = (round_to(a, u, up), round_to_decimal(a, u, up));
            prop_assert!(same(fast, slow), "{a} to {u} ({up}): {fast} vs {slow}");
        }
    }

    #[test]
    fn rounded_by_hand_in_integers() {
        let unit = Money::units(1000);
        let a = Money::new(Decimal::new(18_086_045, 2));
        assert!(crate::domain::rounding::whole_multiple(a.amount(), unit.amount(), false).is_some());
        assert!(same(round_to(a, unit, false), Money::units(180_000)));
        assert!(same(round_to(a, unit, true), Money::units(181_000)));
        assert!(same(round_to(Money::units(180_000), unit, true), Money::units(180_000)));
        assert!(same(round_to(Money::new(Decimal::new(99, 2)), unit, false), Money::ZERO));
    }
}
