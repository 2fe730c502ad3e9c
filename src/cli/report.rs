//! The public JSON contract of `dealdesk eval --format json`: one object per prospect.
//!
//! Amounts are decimal strings (exact); scores, ratios and percentages are numbers. The README
//! documents every field; `tests/cli_eval.rs` holds the contract.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

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
#[derive(Debug, Serialize)]
pub struct EvalRecord<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
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
    /// The suggestion, when other terms were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_terms: Option<TermsRecord<'a>>,
    pub credit_need: Money,
    pub credit_cap: Money,
    pub line_ceiling: Money,
    /// Null when the annual volume is unknown.
    pub economics: Option<EconomicsRecord>,
    /// How the evaluated terms deviate from policy (none for the suggestion).
    pub deviations: Vec<Deviation>,
    pub assumptions: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct ReasonRecord {
    pub factor: &'static str,
    pub points: f64,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct CapRecord {
    /// The best band the rule leaves ("E" for a default).
    pub band: String,
    pub rule: &'static str,
    pub why: String,
}

#[derive(Debug, Serialize)]
pub struct WarningRecord {
    /// Field keys, as the CSV columns and JSON keys name them.
    pub fields: Vec<&'static str>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct TermsRecord<'a> {
    pub payment_days: u32,
    pub advance_pct: f64,
    pub discount_pct: f64,
    pub discount_days: u32,
    pub credit_limit: Money,
    /// The open part of the limit: all but what a guarantee or letter of credit covers.
    pub unsecured_limit: Money,
    pub delivery: Delivery,
    pub security: Security,
    pub security_amount: Money,
    /// 0 means before every order.
    pub review_months: u32,
    /// The reasoning behind the suggested terms; absent on given terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'a [String]>,
    /// What to ask the buyer for, when the terms ask for security.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EconomicsRecord {
    pub volume: Money,
    pub volume_sold: Money,
    pub gross_margin: Money,
    pub discounts: Money,
    pub prepayment_discount: Money,
    pub early_payment_discount: Money,
    pub discount_cost_pct: Option<f64>,
    pub credit_need: Money,
    pub days_to_pay: f64,
    pub average_receivable: Money,
    pub exposure: Money,
    pub covered_exposure: Money,
    pub uncovered_exposure: Money,
    pub loss_at_default: Money,
    pub expected_loss: Money,
    pub financing_cost: Money,
    pub cost_to_serve: Money,
    pub security_cost: Money,
    pub risk_adjusted_profit: Money,
    pub risk_adjusted_margin_pct: Option<f64>,
    pub loss_at_default_months: Option<f64>,
    pub sales_to_replace_loss: Option<Money>,
    pub capital: Money,
    pub raroc_pct: Option<f64>,
}

fn number(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn pct(p: Pct) -> f64 {
    number(p.percent())
}

/// Points as the reason's text rounds them (so that the number and the text agree), and never -0.
fn points(value: f64) -> f64 {
    let mut text = String::with_capacity(24);
    format::write_fixed(&mut text, value, 1);
    let rounded = text.parse::<f64>().unwrap_or(0.0);
    if rounded == 0.0 { 0.0 } else { rounded }
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
            credit_limit: t.credit_limit,
            unsecured_limit: unsecured_limit(t.credit_limit, t.security, t.security_amount),
            delivery: t.delivery,
            security: t.security,
            security_amount: t.security_amount,
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
            credit_need: s.credit_need,
            credit_cap: s.credit_cap,
            line_ceiling: s.line_ceiling,
            economics: e.deal.as_ref().zip(economics.as_ref()).map(|(d, x)| economics_record(d.volume, x)),
            deviations: deviations(on, s),
            assumptions: &e.assumptions,
        }
    }
}

fn economics_record(volume: Money, x: &Economics) -> EconomicsRecord {
    EconomicsRecord {
        volume,
        volume_sold: x.volume_sold,
        gross_margin: x.gross_margin,
        discounts: x.discounts,
        prepayment_discount: x.prepayment_discount,
        early_payment_discount: x.early_payment_discount,
        discount_cost_pct: x.discount_cost_pct.map(number),
        credit_need: x.credit_need,
        days_to_pay: number(x.days_to_pay),
        average_receivable: x.exposure,
        exposure: x.exposure,
        covered_exposure: x.covered,
        uncovered_exposure: x.uncovered(),
        loss_at_default: x.loss_at_default,
        expected_loss: x.expected_loss,
        financing_cost: x.financing_cost,
        cost_to_serve: x.cost_to_serve,
        security_cost: x.security_cost,
        risk_adjusted_profit: x.risk_adjusted_profit,
        risk_adjusted_margin_pct: x.margin_pct.map(number),
        loss_at_default_months: x.loss_at_default_months.map(number),
        sales_to_replace_loss: x.sales_to_replace_loss,
        capital: x.capital,
        raroc_pct: x.raroc_pct.map(number),
    }
}
