//! What the portfolio table shows of one prospect's evaluation, and the exact sums over a set
//! of prospects that the table's totals and the band × segment matrix read.

use rust_decimal::Decimal;

use super::date::Date;
use super::economics::channel;
use super::evaluate::{Evaluation, evaluate_with};
use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
use super::vocabulary::{Band, Segment, Status};

/// Which terms a prospect's row and its part of the totals are on, by its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Approved (with conditions or not): the terms agreed.
    Agreed,
    /// Routed to a partner: the agreed terms as the partner serves them
    /// (`economics::channel::routed`: the sister brand, or the wholesaler of the smallest
    /// buyers), so that exposure and loss are what the channel leaves with the seller: its
    /// share of the price and cost to serve, and its own debtor where it is one.
    Partner,
    /// Routed with no terms agreed: the suggestion as the partner serves it.
    PartnerSuggested,
    /// New or being reviewed: the suggestion.
    Suggested,
    /// Declined or on hold: no exposure to count; the row shows the suggestion.
    LeftOut,
}

impl Basis {
    pub fn of(status: Status) -> Basis {
        match status {
            Status::Approved | Status::ApprovedWithConditions => Basis::Agreed,
            Status::RoutedToPartner => Basis::Partner,
            Status::New | Status::Reviewing => Basis::Suggested,
            Status::Declined | Status::OnHold => Basis::LeftOut,
        }
    }
}

/// What the portfolio table shows of one prospect's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The prospect's id, beside its figures: the display order's "only the marked" filter
    /// reads it here rather than from the prospect, a cache miss away.
    pub id: u64,
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
    /// The terms the row and the totals are on; `Agreed` or `Partner` only where terms were
    /// agreed (else the suggestion, as `Suggested` or `PartnerSuggested`).
    pub basis: Basis,
    /// When the prospect is due for review (see `decision::review_due`).
    pub review_due: Option<Date>,
    /// The figures the totals add, in cents (unknown as 0), in `Figure` order; a declined or
    /// on-hold prospect counts its volume only.
    pub(crate) cents: [i64; FIGURES],
}

/// How many figures a summary carries for the totals: volume, exposure, expected loss,
/// risk-adjusted profit, the exposure a security covers, the volume sold and the capital.
pub const FIGURES: usize = 7;

impl Summary {
    /// The row of a prospect: on its agreed terms when it was approved with terms agreed,
    /// through the partner channel when it was routed, else on the suggestion.
    pub fn new(p: &Prospect, e: &Evaluation, policy: &Policy) -> Summary {
        let agreed = match (Basis::of(p.status), &p.agreed_terms) {
            (Basis::Agreed, Some(t)) => Some((Basis::Agreed, t.clone())),
            (Basis::Partner, agreed) => {
                let (basis, terms) = match agreed {
                    Some(t) => (Basis::Partner, t),
                    None => (Basis::PartnerSuggested, &e.suggestion.terms),
                };
                Some((basis, Terms { channel: channel::routed(terms.channel), ..terms.clone() }))
            }
            _ => None,
        };
        let (basis, terms, economics) = match agreed {
            Some((basis, terms)) => {
                let economics = e.economics_on(&terms, policy);
                (basis, terms, economics)
            }
            None => {
                let basis =
                    if Basis::of(p.status) == Basis::LeftOut { Basis::LeftOut } else { Basis::Suggested };
                (basis, e.suggestion.terms.clone(), e.economics.clone())
            }
        };
        let figure = |get: fn(&crate::domain::economics::Economics) -> Money| {
            let m = economics.as_ref().map_or(Money::ZERO, get);
            if basis == Basis::LeftOut { 0 } else { m.cents() }
        };
        let exposure = economics.as_ref().map_or(Money::ZERO, |x| x.exposure);
        let expected_loss = economics.as_ref().map_or(Money::ZERO, |x| x.expected_loss);
        let risk_adjusted_profit = economics.as_ref().map(|x| x.risk_adjusted_profit);
        let cents = [
            p.annual_volume.unwrap_or(Money::ZERO).cents(),
            figure(|x| x.exposure),
            figure(|x| x.expected_loss),
            figure(|x| x.risk_adjusted_profit),
            figure(|x| x.covered),
            figure(|x| x.volume_sold),
            figure(|x| x.capital),
        ];
        Summary {
            id: p.id,
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
            basis,
            review_due: super::decision::review_due(p),
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
            0,
            or_zero(self.volume),
            0,
        ];
        self
    }

    pub fn of(p: &Prospect, policy: &Policy, today: Date) -> Summary {
        Summary::new(p, &evaluate_with(p, policy, today, false), policy)
    }
}

/// Sums over a set of prospects, kept in whole cents: summing integers keeps the totals exact
/// and a filter keystroke over a million rows fast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub count: usize,
    /// The summaries' figures summed, in cents, in their order.
    cents: [i128; FIGURES],
}

impl Totals {
    pub fn add(&mut self, s: &Summary) {
        self.add_cents(&s.cents);
    }

    /// Adds one prospect given by its figures in cents (as `Summary::cents` holds them).
    pub(crate) fn add_cents(&mut self, cents: &[i64; FIGURES]) {
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

    /// The exposure securities cover (on first demand, insured, under retention of title).
    pub fn covered(&self) -> Money {
        Money::from_cents(self.cents[4])
    }

    /// What the credit limits carry of the volume.
    pub fn volume_sold(&self) -> Money {
        Money::from_cents(self.cents[5])
    }

    /// The Basel IRB capital of the deals.
    pub fn capital(&self) -> Money {
        Money::from_cents(self.cents[6])
    }

    /// The set's risk-adjusted profit on its capital, in percent; none without capital.
    pub fn raroc_pct(&self) -> Option<rust_decimal::Decimal> {
        let capital = self.capital();
        let profit = self.risk_adjusted_profit().amount().checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
        capital.is_positive().then(|| profit.checked_div(capital.amount())).flatten().map(|r| r.round_dp(1))
    }
}
