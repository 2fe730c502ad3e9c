//! One call from a prospect to everything the screens and the command line show about it.

use super::date::Date;
use super::economics::exposure::vat_rate;
use super::economics::{Deal, Economics, economics};
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
use super::risk::{Assessment, assess};
use super::segment::segment_for;
use super::terms::{Suggestion, suggest_with};
use super::vocabulary::Segment;

/// The assessment, segment, suggested terms and their economics of one prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub assessment: Assessment,
    /// `None` when the annual volume is unknown.
    pub segment: Option<Segment>,
    pub suggestion: Suggestion,
    /// The deal side of the economics; `None` when the annual volume is unknown.
    pub deal: Option<Deal>,
    /// The economics on the suggested terms.
    pub economics: Option<Economics>,
    /// Values the economics assume because the prospect does not say, in plain words.
    pub assumptions: Vec<String>,
}

impl Evaluation {
    /// The economics on other terms (the what-if), with the same deal and assessment.
    pub fn economics_on(&self, terms: &Terms, policy: &Policy) -> Option<Economics> {
        self.deal.as_ref().map(|deal| economics(deal, terms, policy))
    }
}

/// Evaluates a prospect as of `today`, with every "why" in words.
pub fn evaluate(p: &Prospect, policy: &Policy, today: Date) -> Evaluation {
    evaluate_with(p, policy, today, true)
}

/// `evaluate`, leaving the sentences of the suggestion and the assumptions out unless
/// `explain`: the figures are the same, and writing sentences for a million prospects nobody
/// is reading would be most of the work.
pub fn evaluate_with(p: &Prospect, policy: &Policy, today: Date, explain: bool) -> Evaluation {
    let assessment = assess(p, policy, today);
    let segment = p.annual_volume.map(|v| segment_for(v, policy));
    let suggestion = suggest_with(p, &assessment, segment, policy, explain);
    let mut assumptions = Vec::new();
    if suggestion.dbt_assumed {
        assumptions.push(format!(
            "days beyond terms {} (unknown: the larger of band {}'s assumption and the cautious value)",
            suggestion.expected_dbt_days, assessment.band
        ));
    }
    let deal = p.annual_volume.map(|volume| {
        let margin = p.margin_pct.unwrap_or_else(|| {
            let assumed = policy.economics.assumed_margin_pct;
            assumptions.push(format!("gross margin {assumed} % (policy assumption)"));
            assumed
        });
        Deal {
            volume,
            margin,
            pd: assessment.pd,
            in_default: assessment.in_default,
            expected_dbt_days: suggestion.expected_dbt_days,
            observed_terms_days: suggestion.observed_terms_days,
            orders_per_year: p.orders_per_year,
            vat: vat_rate(p.country.as_deref(), policy),
        }
    });
    if deal.is_none() {
        assumptions.push("annual volume unknown: no economics".into());
    }
    let economics = deal.as_ref().map(|d| economics(d, &suggestion.terms, policy));
    Evaluation { assessment, segment, suggestion, deal, economics, assumptions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;

    #[test]
    fn the_largest_amounts_evaluate_without_overflow() {
        let big = Money::parse("1000000000000000", crate::domain::money::NumberStyle::Point).unwrap();
        let p = Prospect {
            annual_volume: Some(big),
            equity: Some(big),
            total_assets: Some(big),
            total_liabilities: Some(big),
            dbt_days: Some(3650),
            requested_payment_days: Some(3650),
            ..Prospect::named("Huge")
        };
        let policy = Policy::default_policy();
        let e = evaluate(&p, &policy, crate::domain::date::Date::EPOCH);
        assert!(e.economics.is_some());
    }
}
