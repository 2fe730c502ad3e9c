//! The public JSON contract of `dealdesk eval --format json`: one object per prospect.
//!
//! Amounts are decimal strings (exact); scores, ratios and percentages are numbers. The README
//! documents every field; `tests/cli_eval.rs` holds the contract.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::domain::economics::Economics;
use crate::domain::evaluate::Evaluation;
use crate::domain::money::{Money, Pct};
use crate::domain::prospect::Prospect;
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
    pub terms: TermsRecord<'a>,
    pub credit_need: Money,
    pub credit_cap: Money,
    /// Null when the annual volume is unknown.
    pub economics: Option<EconomicsRecord>,
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
    pub credit_limit: Money,
    pub delivery: Delivery,
    pub security: Security,
    /// 0 means before every order.
    pub review_months: u32,
    pub why: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct EconomicsRecord {
    pub volume: Money,
    pub gross_margin: Money,
    pub discounts: Money,
    pub average_receivable: Money,
    pub exposure: Money,
    pub expected_loss: Money,
    pub financing_cost: Money,
    pub cost_to_serve: Money,
    pub security_cost: Money,
    pub risk_adjusted_profit: Money,
    pub risk_adjusted_margin_pct: Option<f64>,
    pub return_on_exposure_pct: Option<f64>,
}

fn number(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn pct(p: Pct) -> f64 {
    number(p.percent())
}

/// Points as the reason's text rounds them (so that the number and the text agree), and never -0.
fn points(value: f64) -> f64 {
    let rounded = format!("{value:.1}").parse::<f64>().unwrap_or(0.0);
    if rounded == 0.0 { 0.0 } else { rounded }
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

impl<'a> EvalRecord<'a> {
    pub fn new(p: &'a Prospect, e: &'a Evaluation) -> EvalRecord<'a> {
        let a = &e.assessment;
        let s = &e.suggestion;
        let t = &s.terms;
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
            channel: t.channel,
            terms: TermsRecord {
                payment_days: t.payment_days,
                advance_pct: pct(t.advance_pct),
                discount_pct: pct(t.discount_pct),
                credit_limit: t.credit_limit,
                delivery: t.delivery,
                security: t.security,
                review_months: t.review_months,
                why: &s.why,
            },
            credit_need: s.credit_need,
            credit_cap: s.credit_cap,
            economics: e.deal.as_ref().zip(e.economics.as_ref()).map(|(d, x)| economics(d.volume, x)),
            assumptions: &e.assumptions,
        }
    }
}

fn economics(volume: Money, x: &Economics) -> EconomicsRecord {
    EconomicsRecord {
        volume,
        gross_margin: x.gross_margin,
        discounts: x.discounts,
        average_receivable: x.average_receivable,
        exposure: x.exposure,
        expected_loss: x.expected_loss,
        financing_cost: x.financing_cost,
        cost_to_serve: x.cost_to_serve,
        security_cost: x.security_cost,
        risk_adjusted_profit: x.risk_adjusted_profit,
        risk_adjusted_margin_pct: x.margin_pct.map(number),
        return_on_exposure_pct: x.return_on_exposure_pct.map(number),
    }
}
