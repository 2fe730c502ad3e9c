//! The public JSON contract of `dealdesk eval --format json`: one object per prospect, written
//! by `report_json`.
//!
//! Amounts are decimal strings (exact); scores, ratios and percentages are numbers. The README
//! documents every field; `tests/cli_eval.rs` holds the contract.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::domain::economics::Economics;
use crate::domain::evaluate::Evaluation;
use crate::domain::format;
use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::terms::deviations::{Deviation, deviations};
use crate::domain::terms::security::unsecured_limit;
use crate::domain::vocabulary::{Channel, Delivery, Security, Segment};

/// Borrows from the prospect and its evaluation: a record is built, written and dropped per
/// prospect, so copying its texts would be wasted.
#[derive(Debug)]
pub struct EvalRecord<'a> {
    pub name: &'a str,
    /// Absent, not null, when unknown.
    pub registration: Option<&'a str>,
    /// 0–100, higher is safer; null only when no input has data.
    pub score: Option<f64>,
    pub band: String,
    /// One-year probability of default (90+ days past due or insolvency within 12 months),
    /// 0–1, from the master scale; 1 in default.
    pub pd: f64,
    /// Past the scale: bankruptcy, unnamed proceedings or days beyond terms at the default
    /// threshold. The band reads E.
    pub in_default: bool,
    /// Share of the scorecard weight that had data, 0–1.
    pub coverage: f64,
    pub insufficient_data: bool,
    pub altman_z2: Option<f64>,
    pub altman_zone: Option<&'static str>,
    /// Every rule that held the band down or put the prospect in default, worst first.
    pub caps: Vec<CapRecord>,
    /// Figures that do not agree, with the fields concerned.
    pub warnings: Vec<WarningRecord>,
    pub reasons: Vec<ReasonRecord>,
    /// Null when the annual volume is unknown.
    pub segment: Option<Segment>,
    pub channel: Channel,
    /// The terms evaluated: the suggestion, or the terms given.
    pub terms: TermsRecord<'a>,
    /// The suggestion, when other terms were given (absent otherwise).
    pub suggested_terms: Option<TermsRecord<'a>>,
    pub credit_need: Amount,
    pub credit_cap: Amount,
    pub line_ceiling: Amount,
    /// Null when the annual volume is unknown.
    pub economics: Option<EconomicsRecord>,
    /// How the evaluated terms deviate from policy (none for the suggestion).
    pub deviations: Vec<Deviation>,
    pub assumptions: &'a [String],
}

#[derive(Debug)]
pub struct ReasonRecord {
    pub factor: &'static str,
    pub points: f64,
    pub text: String,
}

#[derive(Debug)]
pub struct CapRecord {
    /// The best band the rule leaves ("E" for a default).
    pub band: String,
    pub rule: &'static str,
    pub why: String,
}

#[derive(Debug)]
pub struct WarningRecord {
    /// Field keys, as the CSV columns and JSON keys name them.
    pub fields: Vec<&'static str>,
    pub text: String,
}

#[derive(Debug)]
pub struct TermsRecord<'a> {
    pub payment_days: u32,
    pub advance_pct: f64,
    pub discount_pct: f64,
    pub discount_days: u32,
    pub credit_limit: Amount,
    /// The open part of the limit: all but what a guarantee or letter of credit covers.
    pub unsecured_limit: Amount,
    pub delivery: Delivery,
    pub security: Security,
    pub security_amount: Amount,
    /// 0 means before every order.
    pub review_months: u32,
    /// The reasoning behind the suggested terms; absent on given terms.
    pub why: Option<&'a [String]>,
    /// What to ask the buyer for, when the terms ask for security (absent otherwise).
    pub ask: Option<&'a str>,
}

#[derive(Debug)]
pub struct EconomicsRecord {
    pub volume: Amount,
    pub volume_sold: Amount,
    pub gross_margin: Amount,
    pub discounts: Amount,
    pub prepayment_discount: Amount,
    pub early_payment_discount: Amount,
    pub discount_cost_pct: Option<f64>,
    pub credit_need: Amount,
    pub days_to_pay: f64,
    pub average_receivable: Amount,
    pub exposure: Amount,
    pub covered_exposure: Amount,
    pub uncovered_exposure: Amount,
    pub loss_at_default: Amount,
    pub expected_loss: Amount,
    pub financing_cost: Amount,
    pub cost_to_serve: Amount,
    pub security_cost: Amount,
    pub risk_adjusted_profit: Amount,
    pub risk_adjusted_margin_pct: Option<f64>,
    pub loss_at_default_months: Option<f64>,
    pub sales_to_replace_loss: Option<Amount>,
    pub capital: Amount,
    pub raroc_pct: Option<f64>,
}

/// An amount as the contract writes it, the bytes of `Money`'s `Display` (`1234567.89`, or
/// `1234567` for a whole amount), without the decimal library's formatter: a record holds some
/// thirty amounts. Finer than the cent, which no `Money` is, or beyond 2^64 cents: `Display`.
#[derive(Debug, Clone, Copy)]
pub struct Amount(pub Money);

fn number(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn pct(p: Pct) -> f64 {
    number(p.percent())
}

/// Points as the reason's text rounds them (so that the number and the text agree), and never -0.
fn points(value: f64) -> f64 {
    let rounded = tenths(value).unwrap_or_else(|| points_from_text(value));
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// `value` to one decimal as its text rounds it, where the float decides without the text:
/// away from a midpoint, `value · 10` (below 10^6, off by at most 2^-33) rounds to the same whole
/// number as the exact value, and that number over ten, one correctly rounded division, is the
/// float the text parses to.
fn tenths(value: f64) -> Option<f64> {
    let scaled = value * 10.0;
    let distance = (scaled - scaled.floor() - 0.5).abs();
    (scaled.abs() < 1e6 && distance > 1e-6).then(|| scaled.round() / 10.0)
}

/// `points` through the text, for a value at or beside a midpoint.
fn points_from_text(value: f64) -> f64 {
    let mut text = String::with_capacity(24);
    format::write_fixed(&mut text, value, 1);
    text.parse::<f64>().unwrap_or(0.0)
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

impl<'a> TermsRecord<'a> {
    fn new(t: &Terms, why: Option<&'a [String]>, ask: Option<&'a str>) -> TermsRecord<'a> {
        TermsRecord {
            payment_days: t.payment_days,
            advance_pct: pct(t.advance_pct),
            discount_pct: pct(t.discount_pct),
            discount_days: t.discount_days,
            credit_limit: Amount(t.credit_limit),
            unsecured_limit: Amount(unsecured_limit(t.credit_limit, t.security, t.security_amount)),
            delivery: t.delivery,
            security: t.security,
            security_amount: Amount(t.security_amount),
            review_months: t.review_months,
            why,
            ask,
        }
    }
}

impl<'a> EvalRecord<'a> {
    /// The record of one prospect on the suggested terms, or on `given` terms (which then
    /// appear as `terms`, the suggestion as `suggested_terms`, with the deviations from it).
    pub fn new(p: &'a Prospect, e: &'a Evaluation, given: Option<&Terms>, policy: &Policy) -> EvalRecord<'a> {
        let a = &e.assessment;
        let s = &e.suggestion;
        let suggested = TermsRecord::new(&s.terms, Some(&s.why), s.ask.as_deref());
        let (terms, suggested_terms, on) = match given {
            Some(t) => (TermsRecord::new(t, None, None), Some(suggested), t),
            None => (suggested, None, &s.terms),
        };
        let economics = if given.is_some() { e.economics_on(on, policy) } else { e.economics.clone() };
        EvalRecord {
            name: &p.name,
            registration: p.registration.as_deref(),
            score: a.score,
            band: a.band.to_string(),
            pd: number(a.pd),
            in_default: a.in_default,
            coverage: round(a.coverage, 3),
            insufficient_data: a.insufficient_data,
            altman_z2: a.altman_z2.map(|z| round(z, 2)),
            altman_zone: a.zone.map(|z| z.label()),
            caps: a
                .caps
                .iter()
                .map(|c| CapRecord { band: c.band.to_string(), rule: c.rule.key(), why: c.rule.why() })
                .collect(),
            warnings: a
                .warnings
                .iter()
                .map(|w| WarningRecord {
                    fields: w.fields.iter().map(|f| f.key()).collect(),
                    text: w.text.clone(),
                })
                .collect(),
            reasons: a
                .reasons
                .iter()
                .map(|r| ReasonRecord { factor: r.factor.key(), points: points(r.points), text: r.text() })
                .collect(),
            segment: e.segment,
            channel: on.channel,
            terms,
            suggested_terms,
            credit_need: Amount(s.credit_need),
            credit_cap: Amount(s.credit_cap),
            line_ceiling: Amount(s.line_ceiling),
            economics: e.deal.as_ref().zip(economics.as_ref()).map(|(d, x)| economics_record(d.volume, x)),
            deviations: deviations(on, s),
            assumptions: &e.assumptions,
        }
    }
}

fn economics_record(volume: Money, x: &Economics) -> EconomicsRecord {
    EconomicsRecord {
        volume: Amount(volume),
        volume_sold: Amount(x.volume_sold),
        gross_margin: Amount(x.gross_margin),
        discounts: Amount(x.discounts),
        prepayment_discount: Amount(x.prepayment_discount),
        early_payment_discount: Amount(x.early_payment_discount),
        discount_cost_pct: x.discount_cost_pct.map(number),
        credit_need: Amount(x.credit_need),
        days_to_pay: number(x.days_to_pay),
        average_receivable: Amount(x.exposure),
        exposure: Amount(x.exposure),
        covered_exposure: Amount(x.covered),
        uncovered_exposure: Amount(x.uncovered()),
        loss_at_default: Amount(x.loss_at_default),
        expected_loss: Amount(x.expected_loss),
        financing_cost: Amount(x.financing_cost),
        cost_to_serve: Amount(x.cost_to_serve),
        security_cost: Amount(x.security_cost),
        risk_adjusted_profit: Amount(x.risk_adjusted_profit),
        risk_adjusted_margin_pct: x.margin_pct.map(number),
        loss_at_default_months: x.loss_at_default_months.map(number),
        sales_to_replace_loss: x.sales_to_replace_loss.map(Amount),
        capital: Amount(x.capital),
        raroc_pct: x.raroc_pct.map(number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Points as a reason can hold them, midpoints and their neighbours too: the float path
        /// gives the float the text parses to, bit for bit.
        #[test]
        fn points_as_their_text_rounds_them(tenth in -1_000_000i64..1_000_000, offset in -3i64..=3, any: f64) {
            let midpoint = (tenth as f64 + 0.5) / 10.0;
            for v in [midpoint, f64::from_bits((midpoint.to_bits() as i64 + offset) as u64), any, any / 1e9] {
                if !v.is_finite() {
                    continue;
                }
                let expected = points_from_text(v);
                let expected = if expected == 0.0 { 0.0 } else { expected };
                prop_assert_eq!(points(v).to_bits(), expected.to_bits(), "{:e}", v);
            }
        }

        /// Any amount to the cent, of any size, either sign and scale (negative zero too): the
        /// bytes `Money` itself serializes to.
        #[test]
        fn amounts_serialize_as_money_does(m in any::<u128>(), bits in 0u32..=96, negative: bool, scale in 0u32..=4) {
            let m = if bits == 0 { 0 } else { m >> (128 - bits) };
            let d = Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, negative, scale);
            let money = Money::new(d);
            let mut ours = Vec::new();
            prop_assert!(Amount(money).write_json(&mut ours).is_ok());
            prop_assert_eq!(String::from_utf8(ours).ok(), serde_json::to_string(&money).ok(), "{:?}", d);
        }
    }
}
