//! The allowed range of every number in a policy, in one table keyed by JSON path.
//!
//! Each value is checked against the first pattern that matches its path (`*` stands for one
//! key or index), on load and on every edit in the policy editor. A new policy field gets its
//! range by adding one line here; a unit test fails while any number of the shipped policy has
//! none, and `docs/ARCHITECTURE.md` carries the table `markdown()` renders.
//!
//! The bounds keep the model defensible and its arithmetic finite: amounts stop at the largest
//! amount any input may hold (10^15, see `Money`), days at a year, weights at 1 000 (only
//! their ratios matter), and the fit's advance step at 0.5 points (at most 200 steps).

use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

use super::policy::PolicyIssue;

/// The largest amount an input may hold, as `Money` bounds it.
const AMOUNT: f64 = 1e15;

/// One line of the table: values at paths matching `path` lie in `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub path: &'static str,
    pub min: f64,
    pub max: f64,
    /// What the number is, for the documentation.
    pub what: &'static str,
}

const fn range(path: &'static str, min: f64, max: f64, what: &'static str) -> Range {
    Range { path, min, max, what }
}

/// Every range, first match wins (so specific lines come before general ones).
pub const RANGES: &[Range] = &[
    range("scorecard.weights.*", 0.0, 1000.0, "relative weight of a component"),
    range("scorecard.*.*.weight", 0.0, 1000.0, "relative weight of an input within its component"),
    range("scorecard.*.*.curve[*][1]", 0.0, 1.0, "health at a breakpoint (0 worst, 1 best)"),
    range("scorecard.payment.dbt_days.curve[*][0]", 0.0, 365.0, "days beyond terms"),
    range("scorecard.payment.dbt_days.cautious", 0.0, 365.0, "days beyond terms assumed when unknown"),
    range("scorecard.payment.late_share_pct.curve[*][0]", 0.0, 100.0, "% of invoices paid late"),
    range("scorecard.payment.late_share_pct.cautious", 0.0, 100.0, "% of invoices late assumed when unknown"),
    range("scorecard.payment.bureau_score.curve[*][0]", 0.0, 100.0, "bureau score"),
    range("scorecard.payment.bureau_score.cautious", 0.0, 100.0, "bureau score assumed when unknown"),
    range("scorecard.payment.trend.*", 0.0, 1.0, "health for a DBT trend"),
    range("scorecard.payment.observation.*", 0.0, 1200.0, "age of a payment observation in months"),
    range("scorecard.liquidity.*.curve[*][0]", 0.0, 100.0, "liquidity ratio"),
    range("scorecard.liquidity.*.cautious", 0.0, 100.0, "liquidity ratio assumed when unknown"),
    range("scorecard.solvency.equity_ratio.curve[*][0]", -10.0, 10.0, "equity / total assets (fraction)"),
    range(
        "scorecard.solvency.equity_ratio.cautious",
        -10.0,
        10.0,
        "equity / total assets assumed when unknown",
    ),
    range("scorecard.profitability.*.curve[*][0]", -10.0, 10.0, "result / total assets (fraction)"),
    range("scorecard.profitability.*.cautious", -10.0, 10.0, "result / total assets assumed when unknown"),
    range("scorecard.distress.altman_z2.curve[*][0]", -100.0, 100.0, "Altman Z''"),
    range("scorecard.distress.altman_z2.cautious", -100.0, 100.0, "Altman Z'' assumed when unknown"),
    range("scorecard.distress.*", -100.0, 100.0, "Altman Z'' zone boundary"),
    range("scorecard.signals.summons.curve[*][0]", 0.0, 1000.0, "summonses in 12 months"),
    range("scorecard.signals.summons.cautious", 0.0, 1000.0, "summonses assumed when unknown"),
    range("scorecard.signals.*_debt_of_revenue.curve[*][0]", 0.0, 1.0, "overdue debt / revenue (fraction)"),
    range("scorecard.signals.*_debt_of_revenue.cautious", 0.0, 1.0, "debt / revenue assumed when unknown"),
    range("scorecard.signals.*.health_when_set", 0.0, 1.0, "health of a yes/no input when it is yes"),
    range(
        "scorecard.signals.*.cautious_likelihood_pct",
        0.0,
        100.0,
        "% likelihood of a yes assumed when unknown",
    ),
    range("scorecard.signals.company_age_years.curve[*][0]", 0.0, 500.0, "company age in years"),
    range("scorecard.signals.company_age_years.cautious", 0.0, 500.0, "company age assumed when unknown"),
    range("scorecard.signals.accounts_age_months.curve[*][0]", 0.0, 1200.0, "age of the accounts in months"),
    range("scorecard.signals.accounts_age_months.cautious", 0.0, 1200.0, "accounts age assumed when unknown"),
    range("scorecard.min_coverage_pct", 0.0, 100.0, "% of the scorecard weight with data"),
    range("scorecard.caps.limited_coverage.below_pct", 0.0, 100.0, "% of the scorecard weight with data"),
    range("scorecard.caps.young_company.below_years", 0.0, 100.0, "company age in years"),
    range("scorecard.caps.late_payment.from_days", 1.0, 365.0, "days beyond terms"),
    range(
        "scorecard.caps.register_listing.from_amount",
        0.0,
        AMOUNT,
        "amount of tax or social-security debt",
    ),
    range("scorecard.caps.summonses.from_count", 1.0, 1000.0, "summonses in 12 months"),
    range("scorecard.caps.stale_accounts.older_than_months", 0.0, 1200.0, "age of the accounts in months"),
    range("scorecard.default.dbt_from_days", 1.0, 365.0, "days beyond terms"),
    range("scorecard.default.review_months", 0.0, 60.0, "months between reviews (0: every order)"),
    range("scorecard.accounts.unusable_after_months", 0.0, 1200.0, "age of the accounts in months"),
    range(
        "scorecard.plausibility.balance_tolerance_pct",
        0.0,
        100.0,
        "% by which a balance sheet may not add up",
    ),
    range("bands.*.min_score", 0.0, 100.0, "score"),
    range("bands.*.pd_pct", 0.001, 100.0, "% probability of default in a year at the band's middle"),
    range("bands.*.review_months", 0.0, 60.0, "months between reviews (0: every order)"),
    range("pd_scale.*", 0.001, 100.0, "% probability of default in a year at score 100 / 0"),
    range("segments.*.min_volume", 0.0, AMOUNT, "annual volume"),
    range("segments.*.credit_cap", 0.0, AMOUNT, "amount of open credit"),
    range("channels.*.cost_to_serve", 0.0, AMOUNT, "amount per customer per year"),
    range("channels.*.margin_haircut_pct", 0.0, 100.0, "% of the sales price the channel keeps"),
    range("channels.*.debtor.pd_pct", 0.0, 100.0, "% probability of default of the channel in a year"),
    range("channels.*.debtor.*_days", 0.0, 365.0, "days"),
    range("lgd_pct.*", 0.0, 100.0, "% of the covered (for none: uncovered) exposure lost at default"),
    range(
        "security_cost_pct.*",
        0.0,
        100.0,
        "% a year of the guaranteed amount (insurance: of the insured turnover)",
    ),
    range("terms.*.equity_share_pct", 0.0, 100.0, "% of equity open credit may reach"),
    range("terms.*.assumed_dbt_days", 0.0, 365.0, "days beyond terms"),
    range("terms.*.cells.*.payment_days", 0.0, 365.0, "days"),
    range("terms.*.cells.*.advance_pct", 0.0, 100.0, "% paid in advance"),
    range("terms.*.cells.*.discount_pct", 0.0, 100.0, "% early-payment discount"),
    range("terms.*.cells.*.discount_days", 0.0, 365.0, "days within which the discount is earned"),
    range("limits.no_accounts_cap", 0.0, AMOUNT, "amount of open credit"),
    range("limits.fit_min_payment_days", 0.0, 365.0, "days"),
    range("limits.fit_advance_step_pct", 0.5, 100.0, "percentage points per step"),
    range("limits.rounding", 0.01, AMOUNT, "amount"),
    range("economics.cost_of_capital_pct", 0.0, 100.0, "% per year"),
    range("economics.assumed_margin_pct", 0.0, 100.0, "% of the volume"),
    range("economics.target_margin_pct", 0.0, 100.0, "% of the volume"),
    range("economics.max_payment_days", 0.0, 365.0, "days"),
    range("seller.turnover", 0.0, AMOUNT, "the seller's yearly turnover"),
    range(
        "seller.max_customer_share_pct",
        0.0,
        100.0,
        "% of the seller's turnover one customer's line may reach",
    ),
    range("exposure.vat_pct.*", 0.0, 100.0, "% VAT on a domestic invoice"),
    range("exposure.*_days", 0.0, 365.0, "days"),
    range("exposure.revenue_share_pct", 0.0, 100.0, "% of the buyer's revenue a secured line may reach"),
    range("exposure.unknown_payment_health", 0.0, 1.0, "payment health assumed without payment data"),
    range("prices.*_pct", 0.0, 100.0, "%"),
    range("security.seller_share_pct.*", 0.0, 100.0, "% of the security's fee the seller bears"),
    range("security.indemnity_pct", 0.0, 100.0, "% of an insured loss the insurer pays"),
    range("security.deductible", 0.0, AMOUNT, "amount of an insured loss the seller carries"),
    range("security.claim_period_days", 0.0, 365.0, "days"),
    range("capital.pd_floor_pct", 0.0, 100.0, "% probability of default at least"),
    range("capital.max_loss_months", 1.0, 120.0, "months of profit"),
    range("term_ceilings.countries.*.max_days", 0.0, 365.0, "days"),
    range("term_ceilings.large_buyer_employees", 0.0, 10_000_000.0, "employees"),
    range("term_ceilings.large_buyer_revenue", 0.0, AMOUNT, "yearly revenue"),
];

/// Whether `path` matches `pattern`, where `*` stands for any run of characters within one key
/// or index (never a `.`).
pub fn matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            let Some(rest) = path.strip_prefix(head) else { return false };
            // The star takes 0, 1, 2… characters of this key, never crossing a '.'.
            let stop = rest.find('.').unwrap_or(rest.len());
            (0..=stop).any(|taken| rest.is_char_boundary(taken) && matches(tail, &rest[taken..]))
        }
    }
}

/// The range of the value at `path`, if the table has one.
pub fn range_of(path: &str) -> Option<&'static Range> {
    RANGES.iter().find(|r| matches(r.path, path))
}

/// The number a JSON leaf holds: a number, or a decimal string (amounts and percentages).
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<rust_decimal::Decimal>().ok()?.to_f64(),
        _ => None,
    }
}

/// Every number of a policy's JSON outside its range, or without one, as issues on its path.
pub fn check(policy: &Value) -> Vec<PolicyIssue> {
    let mut issues = Vec::new();
    walk(policy, &mut String::new(), &mut issues);
    issues
}

fn walk(value: &Value, path: &mut String, issues: &mut Vec<PolicyIssue>) {
    let len = path.len();
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(child, path, issues);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(child, path, issues);
                path.truncate(len);
            }
        }
        // A policy has no optional values: a null is a number that is not finite.
        Value::Null => {
            issues.push(PolicyIssue { field: path.clone(), message: "must be a finite number".into() })
        }
        leaf => {
            let Some(x) = number(leaf) else { return };
            let field = path.clone();
            match range_of(path) {
                Some(r) if (r.min..=r.max).contains(&x) => {}
                Some(r) => issues.push(PolicyIssue {
                    field,
                    message: format!(
                        "{} is out of range: must be between {} and {}",
                        show(x),
                        show(r.min),
                        show(r.max)
                    ),
                }),
                None => issues.push(PolicyIssue { field, message: "has no documented range".into() }),
            }
        }
    }
}

/// A bound as people write it: `1000`, `0.5`, `1000000000000000`.
fn show(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 { format!("{x:.0}") } else { format!("{x}") }
}

/// The table as Markdown, for `docs/ARCHITECTURE.md`.
pub fn markdown() -> String {
    let mut out = String::from("| policy value | from | to | what |\n|---|---|---|---|\n");
    for r in RANGES {
        out.push_str(&format!("| `{}` | {} | {} | {} |\n", r.path, show(r.min), show(r.max), r.what));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;

    #[test]
    fn stars_stay_within_one_key() {
        assert!(matches("bands.*.min_score", "bands.B.min_score"));
        assert!(!matches("bands.*.min_score", "bands.B.x.min_score"));
        assert!(matches("scorecard.*.*.curve[*][1]", "scorecard.payment.dbt_days.curve[12][1]"));
        assert!(!matches("scorecard.*.*.curve[*][1]", "scorecard.payment.dbt_days.curve[2][0]"));
        let debt = "scorecard.signals.tax_debt_of_revenue.curve[0][0]";
        assert!(matches("scorecard.signals.*_debt_of_revenue.curve[*][0]", debt));
        assert!(!matches("scorecard.weights.*", "scorecard.weights"));
    }

    #[test]
    fn every_number_of_the_shipped_policy_has_a_range_it_lies_in() {
        let value = serde_json::to_value(Policy::default_policy()).unwrap();
        assert_eq!(check(&value), Vec::new());
    }

    #[test]
    fn a_value_out_of_range_names_its_path_and_bounds() {
        let mut value = serde_json::to_value(Policy::default_policy()).unwrap();
        value["limits"]["fit_advance_step_pct"] = "0.0000000000000000000000000001".into();
        value["scorecard"]["weights"]["payment"] = 1e308.into();
        let issues = check(&value);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(issues[0].field, "scorecard.weights.payment");
        assert!(issues[0].message.ends_with("must be between 0 and 1000"), "{}", issues[0].message);
        assert_eq!(issues[1].field, "limits.fit_advance_step_pct");
        assert!(issues[1].message.contains("between 0.5 and 100"), "{}", issues[1].message);
    }
}
