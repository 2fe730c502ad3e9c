//! The rules that keep a policy sound — every number in its range (`policy_ranges`), ordered
//! thresholds, rising PDs, monotone curves — each broken rule named by its JSON path for the
//! editor and the loader.

use super::curve::Direction;
use super::policy::{BandRule, Policy, PolicyIssue, SegmentRule};
use super::policy_scorecard::{CurveRule, Scorecard};
use super::vocabulary::{Band, Segment};

impl Policy {
    /// Every broken rule; empty when the policy is sound.
    pub fn validate(&self) -> Vec<PolicyIssue> {
        let mut issues =
            serde_json::to_value(self).map(|v| super::policy_ranges::check(&v)).unwrap_or_default();
        let mut fail = |field: String, message: String| issues.push(PolicyIssue { field, message });
        self.scorecard.validate(&mut fail);
        self.validate_deal(&mut fail);

        let mut previous: Option<(Band, &BandRule)> = None;
        for (band, rule) in self.bands.iter() {
            let key = band.key();
            if let Some((prev, prev_rule)) = previous {
                let prev_key = prev.key();
                if rule.min_score >= prev_rule.min_score {
                    fail(
                        format!("bands.{key}.min_score"),
                        format!("{} must be below band {prev_key}'s {}", rule.min_score, prev_rule.min_score),
                    );
                }
                if rule.pd_pct <= prev_rule.pd_pct {
                    fail(
                        format!("bands.{key}.pd_pct"),
                        format!("{} % must be above band {prev_key}'s {} %", rule.pd_pct, prev_rule.pd_pct),
                    );
                }
            }
            previous = Some((band, rule));
        }
        if self.bands.e.min_score != 0.0 {
            fail("bands.E.min_score".into(), "must be 0: the worst band takes every score left".into());
        }
        let scale = &self.pd_scale;
        if scale.at_best_score_pct >= self.bands.a.pd_pct {
            fail(
                "pd_scale.at_best_score_pct".into(),
                format!("must be below band A's {} %", self.bands.a.pd_pct),
            );
        }
        if scale.at_worst_score_pct <= self.bands.e.pd_pct {
            fail(
                "pd_scale.at_worst_score_pct".into(),
                format!("must be above band E's {} %", self.bands.e.pd_pct),
            );
        }

        let mut previous: Option<(Segment, &SegmentRule)> = None;
        for (segment, rule) in self.segments.iter() {
            let key = segment.key();
            if let Some((prev, prev_rule)) = previous
                && rule.min_volume >= prev_rule.min_volume
            {
                fail(
                    format!("segments.{key}.min_volume"),
                    format!(
                        "{} must be below segment {}'s {}",
                        rule.min_volume,
                        prev.key(),
                        prev_rule.min_volume
                    ),
                );
            }
            previous = Some((segment, rule));
        }
        if !self.segments.micro.min_volume.amount().is_zero() {
            fail(
                "segments.micro.min_volume".into(),
                "must be 0: the smallest segment takes every volume left".into(),
            );
        }
        issues
    }
}

impl Scorecard {
    fn validate(&self, fail: &mut impl FnMut(String, String)) {
        use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
        let w = &self.weights;
        if w.sum() <= 0.0 {
            fail("scorecard.weights".into(), "must not all be 0".into());
        }
        let signals = &self.signals;
        let rules: [(&str, &CurveRule, Direction); 15] = [
            ("payment.dbt_days", &self.payment.dbt_days, Down),
            ("payment.late_share_pct", &self.payment.late_share_pct, Down),
            ("payment.bureau_score", &self.payment.bureau_score, Up),
            ("liquidity.current_ratio", &self.liquidity.current_ratio, Up),
            ("liquidity.quick_ratio", &self.liquidity.quick_ratio, Up),
            ("liquidity.cash_ratio", &self.liquidity.cash_ratio, Up),
            ("solvency.equity_ratio", &self.solvency.equity_ratio, Up),
            ("profitability.return_on_assets", &self.profitability.return_on_assets, Up),
            ("profitability.ebit_on_assets", &self.profitability.ebit_on_assets, Up),
            ("distress.altman_z2", &self.distress.altman_z2, Up),
            ("signals.summons", &signals.summons, Down),
            ("signals.tax_debt_of_revenue", &signals.tax_debt_of_revenue, Down),
            ("signals.social_debt_of_revenue", &signals.social_debt_of_revenue, Down),
            ("signals.company_age_years", &signals.company_age_years, Up),
            ("signals.accounts_age_months", &signals.accounts_age_months, Down),
        ];
        for (name, rule, direction) in rules {
            if let Err(message) = rule.curve.validate(direction) {
                fail(format!("scorecard.{name}.curve"), message);
            }
        }
        self.validate_caps(fail);
        let t = &self.payment.trend;
        if !(t.improving >= t.stable && t.stable >= t.worsening) {
            fail(
                "scorecard.payment.trend".into(),
                "health must not rise as the trend worsens (improving ≥ stable ≥ worsening)".into(),
            );
        }
        if self.caps.limited_coverage.below_pct < self.min_coverage_pct {
            fail(
                "scorecard.caps.limited_coverage.below_pct".into(),
                format!("must not be below min_coverage_pct ({} %)", self.min_coverage_pct),
            );
        }
        let d = &self.distress;
        if d.distress_below >= d.safe_above {
            fail(
                "scorecard.distress.distress_below".into(),
                format!("{} must be below safe_above ({})", d.distress_below, d.safe_above),
            );
        }
    }

    /// The caps, the default grade and the ageing rules: thresholds in order, so that every
    /// step towards worse data moves the same way (each number's range is in `policy_ranges`).
    fn validate_caps(&self, fail: &mut impl FnMut(String, String)) {
        let late = self.caps.late_payment.from_days;
        if self.default.dbt_from_days < late {
            fail(
                "scorecard.default.dbt_from_days".into(),
                format!("must not be below caps.late_payment.from_days ({late})"),
            );
        }
        let stale = self.caps.stale_accounts.older_than_months;
        if self.accounts.unusable_after_months < stale {
            fail(
                "scorecard.accounts.unusable_after_months".into(),
                format!("must not be below caps.stale_accounts.older_than_months ({stale})"),
            );
        }
        let o = &self.payment.observation;
        if o.unknown_after_months < o.reduced_after_months {
            fail(
                "scorecard.payment.observation.unknown_after_months".into(),
                format!("must not be below reduced_after_months ({})", o.reduced_after_months),
            );
        }
    }
}
