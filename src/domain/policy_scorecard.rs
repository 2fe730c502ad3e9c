//! The scorecard's part of the policy: component weights, each input's curve and cautious value,
//! the caps a score cannot buy back, the default grade, how data age, and the plausibility
//! tolerance. `docs/ARCHITECTURE.md` gives the source of every default.

use serde::{Deserialize, Serialize};

use super::curve::Curve;
use super::money::{Money, Pct};
use super::vocabulary::{Band, Trend};

/// The scorecard's components, their inputs' rules and what overrides the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    pub weights: ComponentWeights,
    pub payment: PaymentRules,
    pub liquidity: LiquidityRules,
    pub solvency: SolvencyRules,
    pub profitability: ProfitabilityRules,
    pub distress: DistressRules,
    pub signals: SignalRules,
    /// Below this share of the scorecard weight with data, the assessment is "insufficient data".
    pub min_coverage_pct: Pct,
    /// The band an insufficiently documented prospect is at least treated as.
    pub insufficient_data_band: Band,
    /// Bands a prospect is held at best to, whatever its score.
    pub caps: BandCaps,
    /// What puts a prospect in default (PD 100 %).
    pub default: DefaultRules,
    /// From when accounts count as no accounts.
    pub accounts: AccountsRules,
    /// When figures that should add up count as inconsistent.
    pub plausibility: PlausibilityRules,
}

/// Rules that hold the band down whatever the score. Each fires on known values only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandCaps {
    /// Below this coverage (but above the insufficient-data minimum), at best this band:
    /// Graydon gives a green flag only to reports at least 75 % complete.
    pub limited_coverage: CoverageCap,
    /// Companies younger than this are at best this band (checked.be: under 3 years, amber).
    pub young_company: AgeCap,
    /// Days beyond terms from which the band is held (a supplier's 60-day hold).
    pub late_payment: DaysCap,
    /// A listing for tax or social-security debt, or an amount at least the register's threshold.
    pub register_listing: AmountCap,
    /// This many summonses in 12 months or more.
    pub summonses: CountCap,
    /// A summons by the social-security or tax authority.
    pub authority_summons: FlagCap,
    pub negative_equity: FlagCap,
    pub late_filing: FlagCap,
    /// Accounts older than this: each ratio from them counts at most at its cautious value.
    pub stale_accounts: MonthsCap,
    /// Judicial reorganisation (WCO / PRJ): also no open credit without a first-demand guarantee.
    pub reorganisation: FlagCap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageCap {
    pub below_pct: Pct,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeCap {
    pub below_years: u32,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysCap {
    pub from_days: u32,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountCap {
    pub from_amount: Money,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountCap {
    pub from_count: u32,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthsCap {
    pub older_than_months: u32,
    pub best_band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagCap {
    pub best_band: Band,
}

/// The default grade (EU CRR art. 178): past the scale, PD 100 %, no open credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultRules {
    /// Days beyond terms from which the prospect is in default (CRR: more than 90 days past due).
    pub dbt_from_days: u32,
    /// Months between reviews in default; 0 means before every order.
    pub review_months: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountsRules {
    /// Accounts older than this count as no accounts: their ratios stop counting as data.
    pub unusable_after_months: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlausibilityRules {
    /// How far total assets may differ from equity + total liabilities, as a share of the
    /// larger of the two, before the balance sheet counts as not adding up.
    pub balance_tolerance_pct: Pct,
}

/// Relative weights of the components; they need not sum to 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentWeights {
    pub payment: f64,
    pub liquidity: f64,
    pub solvency: f64,
    pub profitability: f64,
    pub distress: f64,
    pub signals: f64,
}

impl ComponentWeights {
    pub fn sum(&self) -> f64 {
        self.payment + self.liquidity + self.solvency + self.profitability + self.distress + self.signals
    }
}

/// The rule for a measured input: its weight inside its component, its health curve, and the
/// value it is scored at when it is unknown (in the input's own unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurveRule {
    pub weight: f64,
    pub curve: Curve,
    pub cautious: f64,
}

/// The rule for the DBT trend: its weight, the health of each direction and the direction
/// assumed when it is unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrendRule {
    pub weight: f64,
    pub improving: f64,
    pub stable: f64,
    pub worsening: f64,
    pub cautious: Trend,
}

impl TrendRule {
    pub fn health(&self, trend: Trend) -> f64 {
        match trend {
            Trend::Improving => self.improving,
            Trend::Stable => self.stable,
            Trend::Worsening => self.worsening,
        }
    }
}

/// The rule for a yes/no input: its weight, the health when it is raised, and how likely it is
/// assumed to be raised when unknown (a yes/no has no value between the two to assume).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    pub weight: f64,
    /// Health when the flag is raised (1 when it is not).
    pub health_when_set: f64,
    pub cautious_likelihood_pct: Pct,
}

impl FlagRule {
    /// The health of an unknown flag: raised with the cautious likelihood.
    pub fn cautious_health(&self) -> f64 {
        1.0 - self.cautious_likelihood_pct.to_f64() / 100.0 * (1.0 - self.health_when_set)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRules {
    pub dbt_days: CurveRule,
    pub late_share_pct: CurveRule,
    pub trend: TrendRule,
    pub bureau_score: CurveRule,
    /// How the payment observation (DBT, late share, trend) ages.
    pub observation: ObservationRules,
}

/// A payment observation older than `reduced_after_months` counts halfway between its own
/// health and its cautious one (never better than its own); older than `unknown_after_months`
/// at most its cautious health, and no longer as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservationRules {
    pub reduced_after_months: u32,
    pub unknown_after_months: u32,
    /// The age assumed when the observation date is unknown.
    pub cautious_age_months: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiquidityRules {
    pub current_ratio: CurveRule,
    pub quick_ratio: CurveRule,
    pub cash_ratio: CurveRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SolvencyRules {
    /// Equity / total assets, as a fraction.
    pub equity_ratio: CurveRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfitabilityRules {
    /// Net result / total assets, as a fraction.
    pub return_on_assets: CurveRule,
    /// EBIT / total assets, as a fraction.
    pub ebit_on_assets: CurveRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistressRules {
    pub altman_z2: CurveRule,
    pub safe_above: f64,
    pub distress_below: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalRules {
    pub summons: CurveRule,
    pub summons_authority: FlagRule,
    /// Tax debt below the listing threshold, as a fraction of revenue (of total assets when
    /// revenue is unknown); a listing scores as the curve's last point.
    pub tax_debt_of_revenue: CurveRule,
    pub social_debt_of_revenue: CurveRule,
    pub late_filing: FlagRule,
    pub company_age_years: CurveRule,
    pub accounts_age_months: CurveRule,
}
