//! What a deal is worth after risk (SPEC §5): receivable, exposure, expected loss, financing
//! cost and risk-adjusted profit; the goal seek and the sensitivity series of the what-if.
//!
//! Every amount is rounded to the cent and the profit is the exact sum of its rounded parts, so
//! that the figures on screen always add up.

use rust_decimal::Decimal;

use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::Terms;

/// The deal-side inputs of the economics, fixed while terms change.
#[derive(Debug, Clone, PartialEq)]
pub struct Deal {
    pub volume: Money,
    /// Gross margin on the volume.
    pub margin: Pct,
    /// One-year probability of default, as a fraction.
    pub pd: Decimal,
    /// Days beyond terms expected on top of the agreed payment days.
    pub expected_dbt_days: u32,
}

/// Every figure of the what-if for one set of terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Economics {
    pub gross_margin: Money,
    pub discounts: Money,
    pub average_receivable: Money,
    /// The receivable, bounded by the credit limit.
    pub exposure: Money,
    pub expected_loss: Money,
    pub financing_cost: Money,
    pub cost_to_serve: Money,
    /// Premium and fees of the security, on the volume sold on credit.
    pub security_cost: Money,
    pub risk_adjusted_profit: Money,
    /// Risk-adjusted profit as a percentage of volume; `None` for a zero volume.
    pub margin_pct: Option<Decimal>,
    /// Risk-adjusted profit as a percentage of exposure; `None` when nothing is exposed.
    pub return_on_exposure_pct: Option<Decimal>,
}

/// The receivable outstanding on average: V × (1 − advance) × (days + DBT) / 365.
pub fn average_receivable(volume: Money, advance: Pct, payment_days: u32, dbt_days: u32) -> Money {
    let days = Decimal::from(payment_days) + Decimal::from(dbt_days);
    volume.times((Decimal::ONE - advance.fraction()) * days / Decimal::from(365))
}

/// Computes every figure for `terms`.
pub fn economics(deal: &Deal, terms: &Terms, policy: &Policy) -> Economics {
    let v = deal.volume;
    let gross_margin = v.times(deal.margin.fraction());
    let discounts = v.times(terms.discount_pct.fraction());
    let average_receivable =
        average_receivable(v, terms.advance_pct, terms.payment_days, deal.expected_dbt_days);
    let exposure = average_receivable.min(terms.credit_limit.max(Money::ZERO));
    let lgd = policy.lgd_pct.get(terms.security).fraction();
    let expected_loss = exposure.times(deal.pd * lgd);
    let financing_cost = average_receivable.times(policy.economics.cost_of_capital_pct.fraction());
    let cost_to_serve = policy.channels.get(terms.channel).cost_to_serve;
    let on_credit = Decimal::ONE - terms.advance_pct.fraction();
    let security_cost = v.times(on_credit * policy.security_cost_pct.get(terms.security).fraction());
    let risk_adjusted_profit =
        gross_margin - discounts - expected_loss - financing_cost - cost_to_serve - security_cost;
    let percent_of = |base: Money| {
        (base.is_positive())
            .then(|| (risk_adjusted_profit.amount() * Decimal::ONE_HUNDRED / base.amount()).round_dp(2))
    };
    Economics {
        gross_margin,
        discounts,
        average_receivable,
        exposure,
        expected_loss,
        financing_cost,
        cost_to_serve,
        security_cost,
        risk_adjusted_profit,
        margin_pct: percent_of(v),
        return_on_exposure_pct: percent_of(exposure),
    }
}

/// The answer of a goal seek.
#[derive(Debug, Clone, PartialEq)]
pub enum Seek {
    /// The terms changed so that the target holds, with the margin they give.
    Found { terms: Terms, margin_pct: Decimal },
    /// No value in the searched range reaches the target; the best margin it can give.
    Unreachable { best_margin_pct: Option<Decimal> },
}

/// The outcome with the sentence the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSeek {
    pub seek: Seek,
    /// Whether the terms it started from already met the target.
    pub already_met: bool,
    pub explanation: String,
}

fn margin_at(deal: &Deal, terms: &Terms, policy: &Policy) -> Option<Decimal> {
    economics(deal, terms, policy).margin_pct
}

fn meets(deal: &Deal, terms: &Terms, target: Decimal, policy: &Policy) -> bool {
    margin_at(deal, terms, policy).is_some_and(|m| m >= target)
}

fn show(margin: Option<Decimal>) -> String {
    margin.map_or_else(|| "n/a".to_string(), super::format::percent)
}

/// The least advance, in whole percent, that keeps the risk-adjusted margin at or above
/// `target_pct`, other terms unchanged. More advance never lowers the margin, so a bisection
/// over 0–100 % finds it.
pub fn least_advance(deal: &Deal, terms: &Terms, target_pct: Decimal, policy: &Policy) -> GoalSeek {
    let with = |advance: u32| Terms { advance_pct: Pct::whole(i64::from(advance)), ..terms.clone() };
    let already_met = meets(deal, terms, target_pct, policy);
    if !meets(deal, &with(100), target_pct, policy) {
        let best = margin_at(deal, &with(100), policy);
        return GoalSeek {
            seek: Seek::Unreachable { best_margin_pct: best },
            already_met,
            explanation: format!(
                "Unreachable: even 100 % advance gives a margin of {} < {target_pct} % (what remains \
                 is the cost to serve and the discounts)",
                show(best)
            ),
        };
    }
    let (mut lo, mut hi) = (0u32, 100u32);
    if meets(deal, &with(0), target_pct, policy) {
        hi = 0;
    }
    while lo < hi {
        let mid = (lo + hi) / 2;
        if meets(deal, &with(mid), target_pct, policy) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let found = with(hi);
    let margin = margin_at(deal, &found, policy).unwrap_or_default();
    let headline = match hi {
        0 => format!("No advance needed: margin {} ≥ {target_pct} % at 0 %", show(Some(margin))),
        100 => {
            format!("Only full advance payment keeps the margin ≥ {target_pct} % ({})", show(Some(margin)))
        }
        _ => format!("Least advance {hi} % keeps the margin ≥ {target_pct} % ({})", show(Some(margin))),
    };
    GoalSeek {
        seek: Seek::Found { terms: found, margin_pct: margin },
        already_met,
        explanation: with_start(headline, already_met),
    }
}

/// The longest payment term, in whole days up to the policy's ceiling, that keeps the
/// risk-adjusted margin at or above `target_pct`. Longer terms never raise the margin.
pub fn longest_payment_days(deal: &Deal, terms: &Terms, target_pct: Decimal, policy: &Policy) -> GoalSeek {
    let ceiling = policy.economics.max_payment_days;
    let with = |days: u32| Terms { payment_days: days, ..terms.clone() };
    let already_met = meets(deal, terms, target_pct, policy);
    if !meets(deal, &with(0), target_pct, policy) {
        let best = margin_at(deal, &with(0), policy);
        return GoalSeek {
            seek: Seek::Unreachable { best_margin_pct: best },
            already_met,
            explanation: format!(
                "Unreachable: even payment with the order gives a margin of {} < {target_pct} % \
                 (try a larger advance or a cheaper channel)",
                show(best)
            ),
        };
    }
    let (mut lo, mut hi) = (0u32, ceiling);
    while lo < hi {
        // Halfway up without adding the bounds, which could pass u32::MAX.
        let mid = lo + (hi - lo).div_ceil(2);
        if meets(deal, &with(mid), target_pct, policy) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let found = with(lo);
    let margin = margin_at(deal, &found, policy).unwrap_or_default();
    let headline = if lo == ceiling {
        format!("Up to the {ceiling}-day ceiling keeps the margin ≥ {target_pct} % ({})", show(Some(margin)))
    } else {
        format!("Longest term {lo} days keeps the margin ≥ {target_pct} % ({})", show(Some(margin)))
    };
    GoalSeek {
        seek: Seek::Found { terms: found, margin_pct: margin },
        already_met,
        explanation: with_start(headline, already_met),
    }
}

fn with_start(headline: String, already_met: bool) -> String {
    if already_met { format!("{headline}; the current terms already meet the target") } else { headline }
}

/// 0, step, 2·step … and always `end` itself.
fn steps(end: u32, step: u32) -> impl Iterator<Item = u32> {
    let step = step.max(1);
    (0..=end / step).map(move |i| i * step).chain((!end.is_multiple_of(step)).then_some(end))
}

/// Risk-adjusted profit across payment days 0–120, the other terms unchanged.
pub fn profit_by_payment_days(deal: &Deal, terms: &Terms, step: u32, policy: &Policy) -> Vec<(u32, Money)> {
    steps(120, step)
        .map(|days| {
            let t = Terms { payment_days: days, ..terms.clone() };
            (days, economics(deal, &t, policy).risk_adjusted_profit)
        })
        .collect()
}

/// Risk-adjusted profit across advance 0–100 %, the other terms unchanged.
pub fn profit_by_advance(deal: &Deal, terms: &Terms, step: u32, policy: &Policy) -> Vec<(u32, Money)> {
    steps(100, step)
        .map(|advance| {
            let t = Terms { advance_pct: Pct::whole(i64::from(advance)), ..terms.clone() };
            (advance, economics(deal, &t, policy).risk_adjusted_profit)
        })
        .collect()
}
