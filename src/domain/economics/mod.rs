//! What a deal is worth after risk (SPEC §5): the volume the limit carries, exposure in invoice
//! amounts, expected loss split by what covers it, the price of stricter terms, financing,
//! security fees, and the measures that relate profit to risk (months of profit one default
//! takes, RAROC).
//!
//! Every amount is rounded to the cent and the profit is the exact sum of its rounded parts, so
//! that the figures on screen always add up.

pub mod capital;
pub mod channel;
pub mod discounts;
pub mod exposure;
pub mod loss;
pub mod seek;

use rust_decimal::Decimal;

use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::Terms;
use super::rounding::half_even;
use super::vocabulary::{Delivery, Security};
use exposure::Payment;

pub use seek::{GoalSeek, RiskGoal, Seek, least_advance, profit_by_advance, profit_by_payment_days};

/// The deal-side inputs of the economics, fixed while terms change.
#[derive(Debug, Clone, PartialEq)]
pub struct Deal {
    /// Annual volume, ex VAT.
    pub volume: Money,
    /// Gross margin on the volume.
    pub margin: Pct,
    /// One-year probability of default, as a fraction.
    pub pd: Decimal,
    /// Whether the buyer is in default (the capital is then the loss itself).
    pub in_default: bool,
    /// Days beyond terms expected on top of the agreed payment days.
    pub expected_dbt_days: u32,
    /// The terms the DBT was observed on.
    pub observed_terms_days: u32,
    pub orders_per_year: Option<u32>,
    /// VAT on the invoices: the home rate for a domestic sale, none across a border.
    pub vat: Pct,
}

/// Every figure of the what-if for one set of terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Economics {
    /// The volume the credit limit carries (all of it when the limit does not bind).
    pub volume_sold: Money,
    /// The seller's margin on the volume sold, after the channel's share of the price.
    pub gross_margin: Money,
    pub prepayment_discount: Money,
    pub early_payment_discount: Money,
    /// Both discounts.
    pub discounts: Money,
    /// The receivable the terms need on the whole volume, in invoice amounts.
    pub credit_need: Money,
    /// The most owed: the receivable on the volume sold, in invoice amounts.
    pub exposure: Money,
    /// The part of the exposure the security covers.
    pub covered: Money,
    /// Average days the receivable is out.
    pub days_to_pay: Decimal,
    /// What one default would cost, net of VAT.
    pub loss_at_default: Money,
    pub expected_loss: Money,
    pub financing_cost: Money,
    pub cost_to_serve: Money,
    /// The security's fee, as far as the seller bears it (directly or as a price concession).
    pub security_cost: Money,
    pub risk_adjusted_profit: Money,
    /// Risk-adjusted profit as a percentage of the volume sold; `None` when nothing is sold.
    pub margin_pct: Option<Decimal>,
    /// Months of risk-adjusted profit one default wipes out; `None`: no profit to cover one.
    pub loss_at_default_months: Option<Decimal>,
    /// New sales that would earn back one default at the margin kept.
    pub sales_to_replace_loss: Option<Money>,
    /// Basel IRB capital on the deal (the loss itself in default).
    pub capital: Money,
    /// Risk-adjusted profit on capital; `None` in default or with nothing at risk.
    pub raroc_pct: Option<Decimal>,
    /// The early-payment discount's cost as a yearly rate, beside the cost of capital.
    pub discount_cost_pct: Option<Decimal>,
    /// The largest single order's part on credit, when the orders per year are known.
    pub largest_order: Option<Money>,
}

impl Economics {
    /// The exposure no security covers.
    pub fn uncovered(&self) -> Money {
        self.exposure - self.covered
    }
}

/// Who owes the money and on what: the buyer on the deal's terms, or, through a channel that
/// is itself the debtor (a wholesaler), that channel on its own terms, for the price it pays.
struct Debtor {
    pd: Decimal,
    pay: Payment,
    advance: Pct,
    /// The credit limit that stops deliveries; none when the channel carries the credit.
    limit: Option<Money>,
    security_amount: Money,
    /// Share of the sales price the debtor pays.
    billed: Decimal,
}

fn debtor(deal: &Deal, terms: &Terms, policy: &Policy) -> Debtor {
    let rule = policy.channels.get(terms.channel);
    match &rule.debtor {
        Some(channel) => Debtor {
            pd: channel.pd_pct.fraction(),
            pay: Payment {
                payment_days: channel.payment_days,
                delivery: Delivery::Standard,
                security: Security::None,
                dbt_days: channel.dbt_days,
                observed_terms_days: channel.payment_days,
                discount_pct: Pct::ZERO,
                discount_days: 0,
            },
            advance: Pct::ZERO,
            limit: None,
            security_amount: Money::ZERO,
            billed: Decimal::ONE - rule.margin_haircut_pct.fraction(),
        },
        None => Debtor {
            pd: deal.pd,
            pay: Payment {
                payment_days: terms.payment_days,
                delivery: terms.delivery,
                security: terms.security,
                dbt_days: deal.expected_dbt_days,
                observed_terms_days: deal.observed_terms_days,
                discount_pct: terms.discount_pct,
                discount_days: terms.discount_days,
            },
            advance: if terms.delivery == Delivery::AfterPayment { Pct::HUNDRED } else { terms.advance_pct },
            limit: Some(terms.credit_limit),
            security_amount: terms.security_amount,
            billed: Decimal::ONE,
        },
    }
}

/// Computes every figure for `terms`.
pub fn economics(deal: &Deal, terms: &Terms, policy: &Policy) -> Economics {
    let d = debtor(deal, terms, policy);
    let security = d.pay.security;
    let days = exposure::days_to_pay(&d.pay, policy);
    let billed_volume = deal.volume.times(d.billed);
    let credit_need = exposure::receivable(billed_volume, deal.vat, d.advance, days);
    let volume_sold = match d.limit {
        Some(limit) => exposure::volume_carried(deal.volume, credit_need, limit),
        None => deal.volume,
    };
    let billed = volume_sold.times(d.billed);
    // Where the limit does not bind, the receivable on the volume sold is the credit need
    // already worked out (the same amounts to the last digit: not worked out twice).
    let exposure = if same_digits(billed, billed_volume) {
        credit_need
    } else {
        exposure::receivable(billed, deal.vat, d.advance, days)
    };
    let covered = loss::covered(security, d.security_amount, exposure, policy);
    let loss_at_default = loss::loss_at_default(security, exposure, covered, deal.vat, policy);
    let expected_loss = loss::expected_loss(d.pd, loss_at_default);

    let margin_rate = channel::margin_rate(deal.margin, terms.channel, policy);
    let gross_margin = volume_sold.times(margin_rate);
    let prices = &policy.prices;
    let prepayment_discount =
        discounts::prepayment_discount(billed, d.advance, prices.prepayment_discount_pct);
    let early_payment_discount = discounts::early_payment_discount(
        billed,
        d.advance,
        d.pay.discount_pct,
        prices.early_payment_take_up_pct,
    );
    let discounts = prepayment_discount + early_payment_discount;
    let financing_cost = exposure.times(policy.economics.cost_of_capital_pct.fraction());
    let cost_to_serve = policy.channels.get(terms.channel).cost_to_serve;
    let security_cost = security_fee(security, d.security_amount, billed, d.advance, policy);
    let risk_adjusted_profit =
        gross_margin - discounts - expected_loss - financing_cost - cost_to_serve - security_cost;

    let capital = capital::capital(d.pd, loss_at_default, policy.capital.pd_floor_pct);
    let in_default = deal.in_default && d.limit.is_some();
    let without_discount = Payment { discount_pct: Pct::ZERO, ..d.pay };
    Economics {
        volume_sold,
        gross_margin,
        prepayment_discount,
        early_payment_discount,
        discounts,
        credit_need,
        exposure,
        covered,
        days_to_pay: half_even(days, 1),
        loss_at_default,
        expected_loss,
        financing_cost,
        cost_to_serve,
        security_cost,
        risk_adjusted_profit,
        margin_pct: volume_sold.is_positive().then(|| {
            half_even(risk_adjusted_profit.amount() * Decimal::ONE_HUNDRED / volume_sold.amount(), 2)
        }),
        loss_at_default_months: capital::loss_months(loss_at_default, risk_adjusted_profit),
        sales_to_replace_loss: capital::sales_to_replace(loss_at_default, margin_rate),
        capital,
        raroc_pct: capital::raroc_pct(risk_adjusted_profit, capital, in_default),
        discount_cost_pct: discounts::annualised_cost_pct(
            d.pay.discount_pct,
            d.pay.discount_days,
            exposure::days_to_pay(&without_discount, policy),
        ),
        largest_order: deal
            .orders_per_year
            .filter(|_| d.limit.is_some())
            .map(|orders| exposure::largest_order_on_credit(deal.volume, orders, deal.vat, d.advance)),
    }
}

/// Whether two amounts are the same decimal, scale included, so that any figure worked out from
/// one is the figure worked out from the other.
fn same_digits(a: Money, b: Money) -> bool {
    a.amount().serialize() == b.amount().serialize()
}

/// The seller's part of a security's yearly fee: a rate on the amount it guarantees (bank
/// guarantee, letter of credit: the bank charges its whole amount, for the year the line
/// runs) or, for credit insurance, on the insured turnover sold on credit; times the share the
/// seller bears.
fn security_fee(
    security: Security,
    guaranteed: Money,
    billed: Money,
    advance: Pct,
    policy: &Policy,
) -> Money {
    let rate = policy.security_cost_pct.get(security).fraction();
    let share = policy.security.seller_share_pct.get(security).fraction();
    let base = match security {
        Security::CreditInsurance => billed.times(Decimal::ONE - advance.fraction()),
        _ => guaranteed.max(Money::ZERO),
    };
    base.times(rate * share)
}
