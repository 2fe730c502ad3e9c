//! The goal seek on risk and the sensitivity series of the what-if.

use rust_decimal::Decimal;

use super::{Deal, Economics, economics};
use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::Delivery;

/// The answer of a goal seek.
#[derive(Debug, Clone, PartialEq)]
pub enum Seek {
    /// The terms changed so that the goal holds.
    Found { terms: Terms },
    /// No value in the searched range reaches the goal; the constraint that binds, in words.
    Unreachable { binding: String },
}

/// The outcome with the sentence the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSeek {
    pub seek: Seek,
    pub explanation: String,
}

/// What the goal asks of one set of terms: the exposure no security covers within the
/// unsecured cap, and one default's loss within `months` of risk-adjusted profit, without
/// selling less than `volume` (the whole deal: a limit that stops deliveries would meet the
/// rest by selling less).
#[derive(Debug, Clone, Copy)]
pub struct RiskGoal {
    pub unsecured_cap: Money,
    pub months: u32,
    pub volume: Money,
}

impl RiskGoal {
    /// The first part of the goal these figures break, in words; `None` when all hold.
    pub fn broken(&self, x: &Economics) -> Option<String> {
        if x.volume_sold < self.volume {
            return Some(format!(
                "deliveries stop at the limit ({} of {} sold)",
                x.volume_sold.grouped(),
                self.volume.grouped()
            ));
        }
        if x.uncovered() > self.unsecured_cap {
            return Some(format!(
                "the unsecured exposure {} is above the cap {}",
                x.uncovered().grouped(),
                self.unsecured_cap.grouped()
            ));
        }
        if x.loss_at_default.is_positive() {
            match x.loss_at_default_months {
                None => return Some("there is no profit to cover a default".into()),
                Some(m) if m > Decimal::from(self.months) => {
                    return Some(format!(
                        "a default would take {m} months of profit (more than {})",
                        self.months
                    ));
                }
                Some(_) => {}
            }
        }
        None
    }
}

/// The terms at `advance` %. Delivery after payment is the whole price before delivery: below
/// 100 % it becomes standard delivery, so that a lower advance never reads as still prepaid.
fn with_advance(terms: &Terms, advance: u32) -> Terms {
    let delivery = match terms.delivery {
        Delivery::AfterPayment if advance < 100 => Delivery::Standard,
        other => other,
    };
    Terms { advance_pct: Pct::whole(i64::from(advance)), delivery, ..terms.clone() }
}

/// The least advance, in whole percent, that keeps the unsecured exposure under the cap and a
/// default under the goal's months of profit, other terms unchanged. Profit is not monotone in
/// the advance (the prepayment discount grows with it), so every percent is tried.
pub fn least_advance(deal: &Deal, terms: &Terms, goal: RiskGoal, policy: &Policy) -> GoalSeek {
    let at = |a: u32| economics(deal, &with_advance(terms, a), policy);
    let Some(least) = (0..=100).find(|a| goal.broken(&at(*a)).is_none()) else {
        let binding = goal.broken(&at(100)).unwrap_or_default();
        return GoalSeek {
            explanation: format!("Unreachable: even 100 % advance leaves {binding}"),
            seek: Seek::Unreachable { binding },
        };
    };
    let found = with_advance(terms, least);
    let x = at(least);
    let from = terms.advance_pct;
    let change = if found.advance_pct == from {
        format!("Advance stays {least} %: the least that meets the goal")
    } else {
        format!("Advance {from} % → {least} %: the least that meets the goal")
    };
    let months = x.loss_at_default_months.filter(|_| x.loss_at_default.is_positive()).map_or_else(
        || "nothing is lost at default".to_string(),
        |m| format!("a default takes {m} months of profit"),
    );
    let why_not_less = match least {
        0 => String::new(),
        _ => goal.broken(&at(least - 1)).map(|b| format!("; at {} % {b}", least - 1)).unwrap_or_default(),
    };
    GoalSeek {
        explanation: format!(
            "{change} (unsecured exposure {} within the cap {}, {months}){why_not_less}",
            x.uncovered().grouped(),
            goal.unsecured_cap.grouped()
        ),
        seek: Seek::Found { terms: found },
    }
}

/// 0, step, 2·step … and always `end` itself.
fn steps(end: u32, step: u32) -> impl Iterator<Item = u32> {
    let step = step.max(1);
    (0..=end / step).map(move |i| i * step).chain((!end.is_multiple_of(step)).then_some(end))
}

/// Risk-adjusted profit across payment days 0 to `ceiling` (at most a year), the other terms
/// unchanged.
pub fn profit_by_payment_days(
    deal: &Deal,
    terms: &Terms,
    step: u32,
    ceiling: u32,
    policy: &Policy,
) -> Vec<(u32, Money)> {
    steps(ceiling.min(365), step)
        .map(|days| {
            let t = Terms { payment_days: days, ..terms.clone() };
            (days, economics(deal, &t, policy).risk_adjusted_profit)
        })
        .collect()
}

/// Risk-adjusted profit across advance 0–100 %, the other terms unchanged.
pub fn profit_by_advance(deal: &Deal, terms: &Terms, step: u32, policy: &Policy) -> Vec<(u32, Money)> {
    steps(100, step)
        .map(|advance| (advance, economics(deal, &with_advance(terms, advance), policy).risk_adjusted_profit))
        .collect()
}
