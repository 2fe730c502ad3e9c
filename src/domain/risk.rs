//! The risk assessment (SPEC §2): a score 0–100 (higher is safer) that is the sum of what each
//! input earns, the caps and default grade that a score cannot buy back, plausibility warnings,
//! data coverage, a band, a PD from the master scale and the review interval.
//!
//! Every input carries its weight whether known or not: an unknown input scores at the
//! policy's cautious value (`risk_inputs`), so leaving data out never earns points. Each
//! input's health comes from a monotone curve and doubts only lower it, so worsening an input
//! never raises the score; caps and the scale only move the band and PD the same way.

use rust_decimal::Decimal;
use strum::VariantArray;

use super::date::Date;
use super::factor::Factor;
use super::policy::Policy;
use super::prospect::Prospect;
use super::reason::Reason;
use super::risk_caps::{Cap, CapRule, DefaultCause, coverage_cap, signal_caps};
use super::risk_checks::{Warning, check};
use super::risk_inputs::{ComponentInputs, accounts_months, score_inputs};
use super::risk_scale::{MasterScale, pd_decimal};
use super::vocabulary::{Band, Component, Insolvency, Zone};

pub use super::risk_ratios::altman_z2;

/// What one component earned.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentScore {
    pub component: Component,
    /// Share of the score (0–1).
    pub weight: f64,
    /// Points earned, out of `weight × 100`.
    pub points: f64,
}

/// Whether the prospect may get goods before paying for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenCredit {
    Allowed,
    /// Judicial reorganisation: only what a first-demand bank guarantee covers.
    OnlyUnderGuarantee,
    /// In default: payment before delivery, as the cause's advice says.
    NoneInDefault(DefaultCause),
    /// No usable accounts and no payment data: first orders prepaid.
    NoneWithoutData,
}

/// The full risk picture of a prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// 0–100, higher is safer, to one decimal; `None` when no input has any value.
    pub score: Option<f64>,
    pub band: Band,
    /// One-year probability of default (90+ days past due or insolvency), as a fraction: the
    /// master scale at the score, at least the floor of a band a cap gave, 1 in default.
    pub pd: Decimal,
    /// Past the scale (bankruptcy, liquidation, proceedings, or days beyond terms at the default
    /// threshold): PD 100 %, band E, no open credit.
    pub in_default: bool,
    pub open_credit: OpenCredit,
    /// Months between credit reviews for the band (0: before every order).
    pub review_months: u32,
    /// Share of the scorecard weight that had data (0–1).
    pub coverage: f64,
    pub insufficient_data: bool,
    /// The accounts are older than the stale limit: open credit does not rest on their equity
    /// beyond the no-accounts cap.
    pub stale_accounts: bool,
    pub altman_z2: Option<f64>,
    pub zone: Option<Zone>,
    /// Every rule that held the band down or put the prospect in default, worst first.
    pub caps: Vec<Cap>,
    /// Figures that do not agree; the inputs resting on them counted as unknown.
    pub warnings: Vec<Warning>,
    /// Caps first (0 points), then every input in scorecard order.
    pub reasons: Vec<Reason>,
    pub components: Vec<ComponentScore>,
    /// Inputs the prospect gave no value for, scored at their cautious values.
    pub missing: Vec<Factor>,
}

impl Assessment {
    /// The cause of default, when in default.
    pub fn default_cause(&self) -> Option<DefaultCause> {
        match self.open_credit {
            OpenCredit::NoneInDefault(cause) => Some(cause),
            _ => None,
        }
    }
}

/// The band a score falls in: the best whose minimum it reaches.
pub fn band_for(score: f64, policy: &Policy) -> Band {
    Band::VARIANTS.iter().copied().find(|b| score >= policy.bands.get(*b).min_score).unwrap_or(Band::E)
}

/// Adds up what the inputs earn: the score, coverage, reasons and components.
struct Sum {
    score: Option<f64>,
    coverage: f64,
    reasons: Vec<Reason>,
    components: Vec<ComponentScore>,
    missing: Vec<Factor>,
    /// Whether any usable payment figure is data (DBT, late share or bureau score).
    payment_data: bool,
}

fn add_up(groups: &[ComponentInputs]) -> Sum {
    let inner = |g: &ComponentInputs| g.inputs.iter().fold(0.0, |sum, i| sum + i.weight);
    let nominal: f64 = groups.iter().filter(|g| inner(g) > 0.0).map(|g| g.weight).sum();
    let mut sum = Sum {
        score: None,
        coverage: 0.0,
        reasons: Vec::with_capacity(Factor::INPUTS + 4),
        components: Vec::with_capacity(groups.len()),
        missing: Vec::new(),
        payment_data: false,
    };
    let (mut total, mut any_known) = (0.0, false);
    for g in groups.iter().filter(|g| inner(g) > 0.0 && nominal > 0.0) {
        let share = g.weight / nominal;
        let within = inner(g);
        let mut earned = 0.0;
        for input in g.inputs {
            let weight = share * input.weight / within;
            earned += 100.0 * weight * input.health;
            if input.counted {
                sum.coverage += weight;
                let payment =
                    matches!(input.factor, Factor::DbtDays | Factor::LateShare | Factor::BureauScore);
                sum.payment_data |= payment;
            }
            any_known |= input.known;
            if !input.known {
                sum.missing.push(input.factor);
            }
            let points = -100.0 * weight * (1.0 - input.health);
            sum.reasons.push(Reason { factor: input.factor, kind: input.kind.clone(), points, weight });
        }
        total += earned;
        sum.components.push(ComponentScore { component: g.component, weight: share, points: earned });
    }
    sum.score = any_known.then(|| (total * 10.0).round() / 10.0);
    sum
}

/// Assesses a prospect as of `today` under `policy`.
pub fn assess(p: &Prospect, policy: &Policy, today: Date) -> Assessment {
    let sc = &policy.scorecard;
    let checks = check(p, policy, today);
    let inputs = score_inputs(p, policy, today, &checks);
    let sum = add_up(&inputs.groups());
    let z2 = altman_z2(p);
    let zone = z2.map(|z| {
        if z > sc.distress.safe_above {
            Zone::Safe
        } else if z < sc.distress.distress_below {
            Zone::Distress
        } else {
            Zone::Grey
        }
    });

    let mut caps = signal_caps(p, policy, today);
    caps.extend(coverage_cap(sum.coverage, policy));
    // Worst first; ties keep the order the rules are listed in.
    caps.sort_by_key(|c| std::cmp::Reverse(c.band));
    let by_score = sum.score.map_or(sc.insufficient_data_band, |s| band_for(s, policy));
    let band = caps.iter().map(|c| c.band).fold(by_score, Band::max);
    let default = caps.iter().find_map(|c| match c.rule {
        CapRule::Default(cause) => Some(cause),
        _ => None,
    });
    let insufficient_data = caps.iter().any(|c| matches!(c.rule, CapRule::InsufficientData { .. }));

    let pd = match default {
        Some(_) => Decimal::ONE,
        None => {
            let scale = MasterScale::new(policy);
            let mut pd = sum.score.map_or(0.0, |s| scale.pd_at(s)).max(scale.pd_floor(band, policy));
            if insufficient_data {
                pd = pd.max(policy.bands.get(sc.insufficient_data_band).pd_pct.to_f64() / 100.0);
            }
            pd_decimal(pd)
        }
    };
    let months = accounts_months(p, today);
    let accounts =
        [p.total_assets, p.equity, p.current_assets, p.current_liabilities].iter().any(Option::is_some)
            && months.is_none_or(|m| m <= sc.accounts.unusable_after_months);
    let open_credit = match (default, p.insolvency) {
        (Some(cause), _) => OpenCredit::NoneInDefault(cause),
        (None, Some(Insolvency::Reorganisation)) => OpenCredit::OnlyUnderGuarantee,
        _ if !accounts && !sum.payment_data => OpenCredit::NoneWithoutData,
        _ => OpenCredit::Allowed,
    };
    let review_months =
        if default.is_some() { sc.default.review_months } else { policy.bands.get(band).review_months };

    // Caps first, into the inputs' list (one list, not a second one copied into).
    let mut reasons = sum.reasons;
    reasons.splice(0..0, caps.iter().map(|c| Reason::cap(*c)));
    Assessment {
        score: sum.score,
        band,
        pd,
        in_default: default.is_some(),
        open_credit,
        review_months,
        coverage: sum.coverage,
        insufficient_data,
        stale_accounts: months.is_some_and(|m| m > sc.caps.stale_accounts.older_than_months),
        altman_z2: z2,
        zone,
        caps,
        warnings: checks.warnings,
        reasons,
        components: sum.components,
        missing: sum.missing,
    }
}
