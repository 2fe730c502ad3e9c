//! The goal seek "which terms within policy earn the most after risk": every standard term up
//! to the policy's days, every advance step from the policy's, every security at least as
//! strong as the one asked for that fits the deal, each sized as the suggestion sizes it, and
//! the one with the highest risk-adjusted profit that deviates from nothing.

use rust_decimal::Decimal;
use strum::VariantArray;

use super::Suggestion;
use super::deviations::deviations;
use super::security::first_demand;
use crate::domain::economics::{Deal, GoalSeek, Seek, economics};
use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::Security;

const STANDARD_TERMS: [u32; 8] = [60, 45, 30, 21, 14, 7, 0, 90];

/// The candidates: `from` with each allowed days, advance and security.
fn candidates(from: &Terms, s: &Suggestion, policy: &Policy) -> Vec<Terms> {
    let mut days: Vec<u32> = STANDARD_TERMS.into_iter().filter(|d| *d <= s.policy_days).collect();
    days.push(s.policy_days.min(from.payment_days));
    let step = policy.limits.fit_advance_step_pct.percent().max(Decimal::ONE);
    let mut advances = vec![s.policy_advance.percent()];
    let mut a = (s.policy_advance.percent() / step).floor() * step + step;
    while a < Decimal::ONE_HUNDRED {
        advances.push(a);
        a += step;
    }
    let securities: Vec<Security> = Security::VARIANTS
        .iter()
        .copied()
        .filter(|k| *k >= s.terms.security && s.fit.adapt(*k).1.is_none())
        .collect();
    let limit = s.terms.credit_limit;
    let mut out = Vec::new();
    for d in &days {
        for a in &advances {
            for k in &securities {
                let amount = match k {
                    Security::None => Money::ZERO,
                    Security::BankGuarantee => {
                        (limit - s.credit_cap).max(s.terms.security_amount).max(Money::ZERO)
                    }
                    _ => limit,
                };
                let amount =
                    if *k == s.terms.security { amount.max(s.terms.security_amount) } else { amount };
                out.push(Terms {
                    payment_days: *d,
                    advance_pct: Pct::new(*a),
                    credit_limit: limit,
                    security: *k,
                    security_amount: amount,
                    ..from.clone()
                });
            }
        }
    }
    let mut prepaid = from.clone();
    super::propose::prepaid(&mut prepaid);
    out.push(prepaid);
    out
}

/// The terms within policy with the highest risk-adjusted profit, starting from `from` (its
/// channel, delivery and discount kept).
pub fn best_within_policy(deal: &Deal, from: &Terms, s: &Suggestion, policy: &Policy) -> GoalSeek {
    let profit = |t: &Terms| economics(deal, t, policy).risk_adjusted_profit;
    let start = profit(from);
    let start_within = deviations(from, s).is_empty();
    let best = candidates(from, s, policy)
        .into_iter()
        .filter(|t| deviations(t, s).is_empty())
        .map(|t| (profit(&t), t))
        .max_by_key(|(p, _)| *p);
    let Some((best_profit, best)) = best else {
        let binding = "no terms within policy: the suggestion itself deviates".to_string();
        return GoalSeek {
            explanation: format!("Unreachable: {binding}"),
            seek: Seek::Unreachable { binding },
        };
    };
    if start_within && start >= best_profit {
        return GoalSeek {
            explanation: format!(
                "The current terms already earn the most within policy: risk-adjusted profit {}",
                start.grouped()
            ),
            seek: Seek::Found { terms: from.clone() },
        };
    }
    let security = match best.security {
        Security::None => "no security".to_string(),
        k if first_demand(k) || best.security_amount.is_positive() => {
            format!("{} {}", k.label(), best.security_amount.grouped())
        }
        k => k.label().to_string(),
    };
    let gain = best_profit - start;
    let sign = if gain.is_negative() { "" } else { "+" };
    let note = if start_within { "" } else { " (the current terms deviate from policy)" };
    GoalSeek {
        explanation: format!(
            "Best within policy: {} days, {} % advance, {security}: risk-adjusted profit {} ({sign}{} against \
             the current terms{note})",
            best.payment_days,
            best.advance_pct,
            best_profit.grouped(),
            gain.grouped()
        ),
        seek: Seek::Found { terms: best },
    }
}
