//! The credit policy: every threshold, weight, probability and default the engine uses.
//!
//! The shipped defaults live in `assets/policy.default.json` (embedded in the binary); a user
//! policy file overrides what it names and takes the defaults for the rest (`policy_load`).
//! `validate` holds the rules that keep the model sound (ranges, ordered thresholds, rising
//! PDs, monotone curves), each error naming its field. The scorecard's rules are in
//! `policy_scorecard`.

use serde::{Deserialize, Serialize};

use super::money::{Money, Pct};
pub use super::policy_deal::{
    CapitalRules, CeilingRules, CeilingScope, ChannelDebtor, ExcessCover, ExposureRules, PriceRules,
    SecurityRules, SellerRules, TermCeiling,
};
use super::policy_scorecard::Scorecard;
use super::table::{PerBand, PerChannel, PerSecurity, PerSegment};
use super::vocabulary::{Channel, Delivery, Security};

/// The policy shipped with dealdesk.
pub const DEFAULT_POLICY_JSON: &str = include_str!("../../assets/policy.default.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub scorecard: Scorecard,
    pub bands: PerBand<BandRule>,
    pub pd_scale: PdScale,
    pub segments: PerSegment<SegmentRule>,
    pub channels: PerChannel<ChannelRule>,
    /// Loss given default of the part each kind of security covers; `none` is the LGD of
    /// everything uncovered.
    pub lgd_pct: PerSecurity<Pct>,
    /// Yearly fee of each kind of security: on the guaranteed amount (bank guarantee, letter
    /// of credit), on the insured turnover (credit insurance), so that security is never free.
    pub security_cost_pct: PerSecurity<Pct>,
    pub terms: PerBand<BandTerms>,
    pub limits: LimitRules,
    pub economics: EconomicsRules,
    pub seller: SellerRules,
    pub exposure: ExposureRules,
    pub prices: PriceRules,
    pub security: SecurityRules,
    pub capital: CapitalRules,
    pub term_ceilings: CeilingRules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandRule {
    /// The lowest score in this band.
    pub min_score: f64,
    /// One-year probability of default at the middle score of the band: an anchor of the
    /// master scale (`PdScale`).
    pub pd_pct: Pct,
    /// Months between credit reviews; 0 means before every order.
    pub review_months: u32,
}

/// The master scale's end anchors: PD at score 100 and at score 0. Between them the scale runs
/// log-linearly through each band's `pd_pct` at the band's middle score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdScale {
    pub at_best_score_pct: Pct,
    pub at_worst_score_pct: Pct,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentRule {
    /// The lowest annual volume in this segment.
    pub min_volume: Money,
    pub channel: Channel,
    /// The most open credit any customer of this segment gets.
    pub credit_cap: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRule {
    /// Yearly cost of serving one customer through this channel.
    pub cost_to_serve: Money,
    /// Share of the sales price the channel keeps (a sister brand's margin, a wholesaler's
    /// discount), off the seller's gross margin.
    pub margin_haircut_pct: Pct,
    /// The channel's own credit risk when it, not the buyer, is the debtor (a wholesaler).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<ChannelDebtor>,
}

/// What a band implies for the terms, whatever the segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandTerms {
    /// Share of the prospect's equity that open credit may reach.
    pub equity_share_pct: Pct,
    /// Days beyond terms assumed when the prospect's own are unknown.
    pub assumed_dbt_days: u32,
    pub cells: PerSegment<TermsCell>,
}

/// One cell of the band × segment terms matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsCell {
    pub payment_days: u32,
    pub advance_pct: Pct,
    pub discount_pct: Pct,
    /// Days within which the early-payment discount is earned ("d/D net T").
    #[serde(default)]
    pub discount_days: u32,
    pub delivery: Delivery,
    pub security: Security,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitRules {
    /// Cap on open credit when the prospect's equity is unknown (no filed accounts).
    pub no_accounts_cap: Money,
    /// When the need exceeds the cap, payment days are first shortened to this.
    pub fit_min_payment_days: u32,
    /// …then the advance is raised in steps of this size.
    pub fit_advance_step_pct: Pct,
    /// Suggested limits are rounded up to a multiple of this (never above the cap).
    pub rounding: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EconomicsRules {
    pub cost_of_capital_pct: Pct,
    /// Gross margin assumed, and said to be assumed, when the prospect's is unknown.
    pub assumed_margin_pct: Pct,
    /// The risk-adjusted margin the what-if's goal seek aims at unless told otherwise.
    pub target_margin_pct: Pct,
    /// Payment days above this are flagged where no national ceiling applies (EU directive
    /// 2011/7/EU: 60 days for B2B unless expressly agreed).
    pub max_payment_days: u32,
}

/// A policy rule broken, with the JSON path of the field that breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyIssue {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for PolicyIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn the_shipped_policy_is_valid() {
        let policy = Policy::from_json(DEFAULT_POLICY_JSON).unwrap();
        assert!(policy.validate().is_empty());
        assert_eq!(policy.bands.a.min_score, 80.0);
    }

    #[test]
    fn unordered_band_thresholds_name_the_field() {
        let err = Policy::from_json(&json_with(|v| v["bands"]["C"]["min_score"] = 70.into())).unwrap_err();
        assert!(err.starts_with("bands.C.min_score"), "{err}");
    }

    #[test]
    fn pds_must_rise_with_the_band() {
        let err = Policy::from_json(&json_with(|v| v["bands"]["D"]["pd_pct"] = "2".into())).unwrap_err();
        assert!(err.starts_with("bands.D.pd_pct"), "{err}");
    }

    #[test]
    fn percentages_out_of_range_name_the_field() {
        let err = Policy::from_json(&json_with(|v| v["lgd_pct"]["none"] = "120".into())).unwrap_err();
        assert!(err.contains("lgd_pct.none") && err.contains("between 0 and 100"), "{err}");
    }

    #[test]
    fn missing_fields_take_the_default_and_unknown_fields_are_named() {
        let policy = Policy::from_json(&json_with(|v| {
            v["segments"].as_object_mut().unwrap().remove("core");
        }))
        .unwrap();
        assert_eq!(policy.segments.core, Policy::default_policy().segments.core);
        let err = Policy::from_json(&json_with(|v| v["economics"]["typo"] = 1.into())).unwrap_err();
        assert!(err.contains("economics") && err.contains("typo"), "{err}");
    }

    #[test]
    fn segments_must_shrink_and_curves_run_the_right_way() {
        let err = Policy::from_json(&json_with(|v| v["segments"]["small"]["min_volume"] = "60000".into()))
            .unwrap_err();
        assert!(err.starts_with("segments.small.min_volume"), "{err}");
        let err = Policy::from_json(&json_with(|v| {
            v["scorecard"]["payment"]["dbt_days"]["curve"] = serde_json::json!([[0, 0.2], [30, 1.0]])
        }))
        .unwrap_err();
        assert!(err.starts_with("scorecard.payment.dbt_days.curve"), "{err}");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = Policy::from_json("{\n  \"scorecard\": ,\n}").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
