//! Plausibility: figures that should agree and do not. Each failed check is a warning naming
//! its fields (the form marks them), and the inputs that rest on those figures are *doubted*:
//! they count no better than their cautious value and no longer as data, so that an
//! inconsistency never buys a better band.

use super::date::Date;
use super::factor::Factor;
use super::fields::Field;
use super::money::Money;
use super::policy::Policy;
use super::prospect::Prospect;

/// A failed plausibility check, with the fields it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub fields: Vec<Field>,
    pub text: String,
}

/// A set of scorecard inputs, one bit per factor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactorSet(u32);

impl FactorSet {
    pub fn with(self, factors: &[Factor]) -> FactorSet {
        FactorSet(factors.iter().fold(self.0, |bits, f| bits | 1 << *f as u32))
    }

    pub fn contains(self, factor: Factor) -> bool {
        self.0 & 1 << factor as u32 != 0
    }
}

/// The ratios over total assets, equity and total liabilities.
const OVER_ASSETS: [Factor; 4] =
    [Factor::EquityRatio, Factor::ReturnOnAssets, Factor::EbitOnAssets, Factor::AltmanZ2];
/// The ratios over current assets and current liabilities.
const LIQUIDITY: [Factor; 4] =
    [Factor::CurrentRatio, Factor::QuickRatio, Factor::CashRatio, Factor::AltmanZ2];

/// What the checks found.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    pub warnings: Vec<Warning>,
    /// Inputs resting on inconsistent figures.
    pub doubted: FactorSet,
    /// Total assets ≠ equity + total liabilities: the ratios over them are also taken with each
    /// of the three corrected from the other two, and the worst counts.
    pub unbalanced: bool,
    /// The fiscal year end or the payment observation lies after today: its age is unknown.
    pub accounts_date_ahead: bool,
    pub observed_ahead: bool,
}

impl Checks {
    fn fail(&mut self, fields: &[Field], doubted: &[Factor], text: impl FnOnce() -> String) {
        self.warnings.push(Warning { fields: fields.to_vec(), text: text() });
        self.doubted = self.doubted.with(doubted);
    }
}

/// Runs every check on `p`.
pub fn check(p: &Prospect, policy: &Policy, today: Date) -> Checks {
    use Field::{
        AccountsDate, AnnualVolume, Cash, CurrentAssets, CurrentLiabilities, DbtObserved, Equity, Inventory,
        Revenue, Summons, SummonsAuthority, TotalAssets, TotalLiabilities,
    };
    let mut c = Checks::default();
    let (ta, equity, tl) = (p.total_assets, p.equity, p.total_liabilities);
    if let (Some(ta), Some(e), Some(tl)) = (ta, equity, tl) {
        let sum = e + tl;
        let gap = (ta - sum).amount().abs();
        let scale = ta.amount().abs().max(sum.amount().abs());
        let tolerance = policy.scorecard.plausibility.balance_tolerance_pct;
        if gap > scale * tolerance.fraction() {
            c.unbalanced = true;
            c.fail(&[TotalAssets, Equity, TotalLiabilities], &OVER_ASSETS, || {
                format!(
                    "Total assets {} ≠ equity + total liabilities {} (more than {tolerance} % apart)",
                    ta.grouped(),
                    sum.grouped()
                )
            });
        }
    }
    if let Some(ta) = ta.filter(|ta| ta.amount().is_zero()) {
        let over = [equity, tl, p.net_result, p.ebit, p.current_assets, p.retained_earnings];
        if over.iter().any(Option::is_some) {
            c.fail(&[TotalAssets], &OVER_ASSETS, || {
                format!("Total assets {}: no ratio over total assets can be taken", ta.grouped())
            });
        }
    }
    if let (Some(ca), Some(ta)) = (p.current_assets, ta)
        && ca > ta
    {
        let doubted = [LIQUIDITY, OVER_ASSETS].concat();
        c.fail(&[CurrentAssets, TotalAssets], &doubted, || {
            format!("Current assets {} exceed total assets {}", ca.grouped(), ta.grouped())
        });
    }
    if let Some(ca) = p.current_assets {
        let parts: Money = [p.inventory, p.cash].into_iter().flatten().sum();
        if parts > ca {
            let mut fields: Vec<Field> = [(p.inventory, Inventory), (p.cash, Cash)]
                .into_iter()
                .filter_map(|(v, f)| v.map(|_| f))
                .collect();
            fields.push(CurrentAssets);
            let named = if fields.len() == 3 { "Inventory + cash" } else { fields[0].label() };
            c.fail(&fields, &LIQUIDITY, || {
                format!(
                    "{named} {} exceed{} current assets {}",
                    parts.grouped(),
                    plural_s(&fields),
                    ca.grouped()
                )
            });
        }
    }
    if let (Some(e), Some(ta)) = (equity, ta)
        && e > ta
    {
        c.fail(&[Equity, TotalAssets], &OVER_ASSETS, || {
            format!("Equity {} exceeds total assets {}", e.grouped(), ta.grouped())
        });
    }
    if let (Some(cl), Some(tl)) = (p.current_liabilities, tl)
        && cl > tl
    {
        c.fail(&[CurrentLiabilities, TotalLiabilities], &LIQUIDITY, || {
            format!("Current liabilities {} exceed total liabilities {}", cl.grouped(), tl.grouped())
        });
    }
    if let Some(d) = p.accounts_date.filter(|d| *d > today) {
        c.accounts_date_ahead = true;
        c.fail(&[AccountsDate], &[], || {
            format!("Fiscal year end {d} is still to come: the accounts' age is unknown")
        });
    }
    if let Some(d) = p.dbt_observed.filter(|d| *d > today) {
        c.observed_ahead = true;
        c.fail(&[DbtObserved], &[], || {
            format!("Payment figures observed on {d}, still to come: their age is unknown")
        });
    }
    if let (Some(volume), Some(revenue)) = (p.annual_volume, p.revenue)
        && volume > revenue
    {
        c.fail(&[AnnualVolume, Revenue], &[Factor::TaxDebt, Factor::SocialDebt], || {
            format!(
                "Annual volume {} is above the prospect's revenue {}",
                volume.grouped(),
                revenue.grouped()
            )
        });
    }
    if p.summons_authority == Some(true) && p.summons_12m == Some(0) {
        c.fail(&[Summons, SummonsAuthority], &[Factor::Summons], || {
            "A summons by an authority, but no summons counted in 12 months".to_string()
        });
    }
    c
}

/// "s" after a single subject ("Inventory … exceeds"), none after two ("Inventory + cash … exceed").
fn plural_s(fields: &[Field]) -> &'static str {
    if fields.len() == 2 { "s" } else { "" }
}
