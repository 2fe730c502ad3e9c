//! The rules that keep a policy sound — ordered thresholds, rising PDs, percentages in range,
//! monotone curves — each broken rule named by its JSON path for the editor and the loader.

use rust_decimal::Decimal;

use super::curve::Direction;
use super::policy::{BandRule, CurveRule, Policy, PolicyIssue, Scorecard, SegmentRule};
use super::vocabulary::{Band, Segment};

impl Policy {
    /// Every broken rule; empty when the policy is sound.
    pub fn validate(&self) -> Vec<PolicyIssue> {
        let mut issues = Vec::new();
        let mut fail = |field: String, message: String| issues.push(PolicyIssue { field, message });
        self.scorecard.validate(&mut fail);

        let mut previous: Option<(Band, &BandRule)> = None;
        for (band, rule) in self.bands.iter() {
            let key = band.key();
            if !(0.0..=100.0).contains(&rule.min_score) {
                fail(format!("bands.{key}.min_score"), "must be between 0 and 100".into());
            }
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

        let mut previous: Option<(Segment, &SegmentRule)> = None;
        for (segment, rule) in self.segments.iter() {
            let key = segment.key();
            if rule.min_volume.is_negative() {
                fail(format!("segments.{key}.min_volume"), "must not be negative".into());
            }
            if rule.credit_cap.is_negative() {
                fail(format!("segments.{key}.credit_cap"), "must not be negative".into());
            }
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
        for (channel, rule) in self.channels.iter() {
            if rule.cost_to_serve.is_negative() {
                fail(format!("channels.{}.cost_to_serve", channel.key()), "must not be negative".into());
            }
        }
        for (band, terms) in self.terms.iter() {
            let key = band.key();
            for (segment, cell) in terms.cells.iter() {
                let at = format!("terms.{key}.cells.{}", segment.key());
                if cell.payment_days > 365 {
                    fail(format!("{at}.payment_days"), "must be at most 365".into());
                }
                if !(1..=60).contains(&cell.review_months) {
                    fail(format!("{at}.review_months"), "must be between 1 and 60".into());
                }
            }
        }
        if self.limits.fit_advance_step_pct.percent() <= Decimal::ZERO {
            fail("limits.fit_advance_step_pct".into(), "must be above 0".into());
        }
        if self.limits.no_accounts_cap.is_negative() {
            fail("limits.no_accounts_cap".into(), "must not be negative".into());
        }
        if !self.limits.rounding.is_positive() {
            fail("limits.rounding".into(), "must be above 0".into());
        }
        issues
    }
}

impl Scorecard {
    fn validate(&self, fail: &mut impl FnMut(String, String)) {
        use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
        let w = &self.weights;
        let components = [
            ("payment", w.payment),
            ("liquidity", w.liquidity),
            ("solvency", w.solvency),
            ("profitability", w.profitability),
            ("distress", w.distress),
            ("signals", w.signals),
        ];
        for (name, weight) in components {
            if !(weight.is_finite() && weight >= 0.0) {
                fail(format!("scorecard.weights.{name}"), "must be 0 or more".into());
            }
        }
        if w.sum() <= 0.0 {
            fail("scorecard.weights".into(), "must not all be 0".into());
        }
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
            ("signals.summons", &self.signals.summons, Down),
            ("signals.tax_debt", &self.signals.tax_debt, Down),
            ("signals.social_debt", &self.signals.social_debt, Down),
            ("signals.company_age_years", &self.signals.company_age_years, Up),
            ("signals.accounts_age_months", &self.signals.accounts_age_months, Down),
        ];
        for (name, rule, direction) in rules {
            if !(rule.weight.is_finite() && rule.weight >= 0.0) {
                fail(format!("scorecard.{name}.weight"), "must be 0 or more".into());
            }
            if let Err(message) = rule.curve.validate(direction) {
                fail(format!("scorecard.{name}.curve"), message);
            }
        }
        let t = &self.payment.trend;
        let healths = [
            ("scorecard.payment.trend.improving", t.improving),
            ("scorecard.payment.trend.stable", t.stable),
            ("scorecard.payment.trend.worsening", t.worsening),
            ("scorecard.signals.late_filing.health_when_set", self.signals.late_filing.health_when_set),
        ];
        for (field, health) in healths {
            if !(0.0..=1.0).contains(&health) {
                fail(field.into(), "must be between 0 and 1".into());
            }
        }
        if !(t.improving >= t.stable && t.stable >= t.worsening) {
            fail(
                "scorecard.payment.trend".into(),
                "health must not rise as the trend worsens (improving ≥ stable ≥ worsening)".into(),
            );
        }
        for (field, weight) in [
            ("scorecard.payment.trend.weight", t.weight),
            ("scorecard.signals.late_filing.weight", self.signals.late_filing.weight),
        ] {
            if !(weight.is_finite() && weight >= 0.0) {
                fail(field.into(), "must be 0 or more".into());
            }
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
}
