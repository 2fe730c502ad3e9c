//! What the portfolio table shows of one prospect's evaluation, and the exact sums over a set
//! of prospects that the table's totals and the band × segment matrix read.

use rust_decimal::Decimal;

use super::date::Date;
use super::evaluate::{Evaluation, evaluate_with};
use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::Prospect;
use super::vocabulary::{Band, Segment, Status};

/// What the portfolio table shows of one prospect's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub band: Band,
    pub insufficient_data: bool,
    pub score: Option<f64>,
    /// The one-year probability of default (a fraction).
    pub pd: Decimal,
    /// Days beyond terms, as the prospect gives them.
    pub dbt_days: Option<u32>,
    pub segment: Option<Segment>,
    pub volume: Option<Money>,
    pub payment_days: u32,
    pub advance: Pct,
    pub exposure: Money,
    pub expected_loss: Money,
    pub risk_adjusted_profit: Option<Money>,
    pub status: Status,
    /// Volume, exposure, expected loss and risk-adjusted profit in cents (unknown as 0), for
    /// the totals.
    pub(crate) cents: [i64; 4],
}

impl Summary {
    pub fn new(p: &Prospect, e: &Evaluation) -> Summary {
        let terms = &e.suggestion.terms;
        let exposure = e.economics.as_ref().map_or(Money::ZERO, |x| x.exposure);
        let expected_loss = e.economics.as_ref().map_or(Money::ZERO, |x| x.expected_loss);
        let risk_adjusted_profit = e.economics.as_ref().map(|x| x.risk_adjusted_profit);
        let cents = [
            p.annual_volume.unwrap_or(Money::ZERO).cents(),
            exposure.cents(),
            expected_loss.cents(),
            risk_adjusted_profit.unwrap_or(Money::ZERO).cents(),
        ];
        Summary {
            band: e.assessment.band,
            insufficient_data: e.assessment.insufficient_data,
            score: e.assessment.score,
            pd: e.assessment.pd,
            dbt_days: p.dbt_days,
            segment: e.segment,
            volume: p.annual_volume,
            payment_days: terms.payment_days,
            advance: terms.advance_pct,
            exposure,
            expected_loss,
            risk_adjusted_profit,
            status: p.status,
            cents,
        }
    }

    /// The cents the totals add, from the amounts (for summaries built field by field).
    #[cfg(test)]
    pub(crate) fn recount(mut self) -> Summary {
        let or_zero = |m: Option<Money>| m.unwrap_or(Money::ZERO).cents();
        self.cents = [
            or_zero(self.volume),
            self.exposure.cents(),
            self.expected_loss.cents(),
            or_zero(self.risk_adjusted_profit),
        ];
        self
    }

    pub fn of(p: &Prospect, policy: &Policy, today: Date) -> Summary {
        Summary::new(p, &evaluate_with(p, policy, today, false))
    }
}

/// Sums over a set of prospects, kept in whole cents: summing integers keeps the totals exact
/// and a filter keystroke over a million rows fast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub count: usize,
    /// Volume, exposure, expected loss and risk-adjusted profit, in cents.
    cents: [i128; 4],
}

impl Totals {
    pub fn add(&mut self, s: &Summary) {
        self.add_cents(&s.cents);
    }

    /// Adds one prospect given by its figures in cents (as `Summary::cents` holds them).
    pub(crate) fn add_cents(&mut self, cents: &[i64; 4]) {
        self.count += 1;
        for (sum, value) in self.cents.iter_mut().zip(cents) {
            *sum += i128::from(*value);
        }
    }

    /// Takes a prospect out again (after it changed or left the view).
    pub fn remove(&mut self, s: &Summary) {
        self.count = self.count.saturating_sub(1);
        for (sum, value) in self.cents.iter_mut().zip(s.cents) {
            *sum -= i128::from(value);
        }
    }

    /// Adds the sums of another set (the same prospects must not be in both).
    pub fn merge(&mut self, other: &Totals) {
        self.count += other.count;
        for (sum, part) in self.cents.iter_mut().zip(other.cents) {
            *sum += part;
        }
    }

    pub fn volume(&self) -> Money {
        Money::from_cents(self.cents[0])
    }

    pub fn exposure(&self) -> Money {
        Money::from_cents(self.cents[1])
    }

    pub fn expected_loss(&self) -> Money {
        Money::from_cents(self.cents[2])
    }

    pub fn risk_adjusted_profit(&self) -> Money {
        Money::from_cents(self.cents[3])
    }
}
