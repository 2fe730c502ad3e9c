//! The risk scorecard (SPEC §2): a score 0–100 (higher is safer) that is the sum of what each
//! input earns, with the reason for every point lost, data coverage, and a band with its PD.
//!
//! Each input's health (0–1) comes from a monotone policy curve; an input's share of the score
//! is its weight inside its component times the component's weight, both renormalised over
//! the inputs that have data. Worsening any input can therefore never raise the score.

use rust_decimal::Decimal;
use strum::VariantArray;

use super::date::Date;
use super::factor::Factor;
use super::money::Money;
use super::policy::{CurveRule, Policy};
use super::prospect::Prospect;
use super::reason::{Reason, ReasonKind};
use super::vocabulary::{Band, Component, Insolvency, Trend, Zone};

/// What one component earned.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentScore {
    pub component: Component,
    /// Share of the score after renormalisation over components with data (0–1).
    pub weight: f64,
    /// Points earned, out of `weight × 100`.
    pub points: f64,
}

/// The full risk picture of a prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// 0–100, higher is safer, to one decimal; `None` when no input has data.
    pub score: Option<f64>,
    pub band: Band,
    /// One-year probability of default of the band, as a fraction.
    pub pd: Decimal,
    /// Share of the scorecard weight that had data (0–1).
    pub coverage: f64,
    pub insufficient_data: bool,
    pub altman_z2: Option<f64>,
    pub zone: Option<Zone>,
    /// Overrides first, then measured inputs in scorecard order.
    pub reasons: Vec<Reason>,
    pub components: Vec<ComponentScore>,
    /// Inputs the scorecard would use but does not have.
    pub missing: Vec<Factor>,
}

/// An input with data, before weights are renormalised.
struct Measure {
    factor: Factor,
    weight: f64,
    health: f64,
    kind: ReasonKind,
}

/// One component's inputs while scoring.
struct ComponentInputs {
    component: Component,
    weight: f64,
    measures: Vec<Measure>,
    all_weight: f64,
}

impl ComponentInputs {
    fn new(component: Component, weight: f64) -> ComponentInputs {
        ComponentInputs { component, weight, measures: Vec::with_capacity(6), all_weight: 0.0 }
    }

    fn add(
        &mut self,
        factor: Factor,
        weight: f64,
        measured: Option<(f64, ReasonKind)>,
        missing: &mut Vec<Factor>,
    ) {
        self.all_weight += weight;
        match measured {
            Some((health, kind)) => self.measures.push(Measure { factor, weight, health, kind }),
            None => missing.push(factor),
        }
    }

    fn curve(&mut self, factor: Factor, rule: &CurveRule, value: Option<f64>, missing: &mut Vec<Factor>) {
        let measured = value.map(|v| {
            let threshold = rule.curve.threshold(v, factor.direction());
            (rule.curve.health(v), ReasonKind::Measured { value: v, threshold })
        });
        self.add(factor, rule.weight, measured, missing);
    }

    fn present_weight(&self) -> f64 {
        // A fold from +0.0: an empty float sum is -0.0, which would print as "-0 %".
        self.measures.iter().fold(0.0, |sum, m| sum + m.weight)
    }
}

/// `num / den`, or unknown when either is missing or the denominator is not positive.
fn ratio(num: Option<Money>, den: Option<Money>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d.is_positive() => Some(n.to_f64() / d.to_f64()),
        _ => None,
    }
}

/// A liquidity ratio over current liabilities; none at all means no short-term stress.
fn liquidity_ratio(num: Option<Money>, current_liabilities: Option<Money>) -> Option<f64> {
    match (num, current_liabilities) {
        (Some(_), Some(cl)) if cl.amount().is_zero() => Some(f64::INFINITY),
        _ => ratio(num, current_liabilities),
    }
}

/// Altman Z'' for private non-manufacturing firms:
/// 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA + 1.05·equity/TL.
pub fn altman_z2(p: &Prospect) -> Option<f64> {
    let ta = p.total_assets.filter(|v| v.is_positive())?.to_f64();
    let tl = p.total_liabilities.filter(|v| v.is_positive())?.to_f64();
    let wc = (p.current_assets? - p.current_liabilities?).to_f64();
    let re = p.retained_earnings?.to_f64();
    let ebit = p.ebit?.to_f64();
    let equity = p.equity?.to_f64();
    Some(6.56 * wc / ta + 3.26 * re / ta + 6.72 * ebit / ta + 1.05 * equity / tl)
}

/// Scores a prospect as of `today` under `policy`.
pub fn assess(p: &Prospect, policy: &Policy, today: Date) -> Assessment {
    let sc = &policy.scorecard;
    let w = &sc.weights;
    let mut missing = Vec::with_capacity(Factor::INPUTS);
    let m = &mut missing;

    let mut payment = ComponentInputs::new(Component::Payment, w.payment);
    payment.curve(Factor::DbtDays, &sc.payment.dbt_days, p.dbt_days.map(f64::from), m);
    payment.curve(Factor::LateShare, &sc.payment.late_share_pct, p.late_share_pct.map(|v| v.to_f64()), m);
    let t = &sc.payment.trend;
    let trend = p.dbt_trend.map(|trend| {
        let health = match trend {
            Trend::Improving => t.improving,
            Trend::Stable => t.stable,
            Trend::Worsening => t.worsening,
        };
        (health, ReasonKind::Trend(trend))
    });
    payment.add(Factor::DbtTrend, t.weight, trend, m);
    payment.curve(Factor::BureauScore, &sc.payment.bureau_score, p.bureau_score.map(f64::from), m);

    let mut liquidity = ComponentInputs::new(Component::Liquidity, w.liquidity);
    let cl = p.current_liabilities;
    let quick = p.current_assets.zip(p.inventory).map(|(ca, inv)| ca - inv);
    liquidity.curve(
        Factor::CurrentRatio,
        &sc.liquidity.current_ratio,
        liquidity_ratio(p.current_assets, cl),
        m,
    );
    liquidity.curve(Factor::QuickRatio, &sc.liquidity.quick_ratio, liquidity_ratio(quick, cl), m);
    liquidity.curve(Factor::CashRatio, &sc.liquidity.cash_ratio, liquidity_ratio(p.cash, cl), m);

    let mut solvency = ComponentInputs::new(Component::Solvency, w.solvency);
    solvency.curve(Factor::EquityRatio, &sc.solvency.equity_ratio, ratio(p.equity, p.total_assets), m);

    let mut profitability = ComponentInputs::new(Component::Profitability, w.profitability);
    let pr = &sc.profitability;
    profitability.curve(Factor::ReturnOnAssets, &pr.return_on_assets, ratio(p.net_result, p.total_assets), m);
    profitability.curve(Factor::EbitOnAssets, &pr.ebit_on_assets, ratio(p.ebit, p.total_assets), m);

    let mut distress = ComponentInputs::new(Component::Distress, w.distress);
    let z2 = altman_z2(p);
    distress.curve(Factor::AltmanZ2, &sc.distress.altman_z2, z2, m);

    let mut signals = ComponentInputs::new(Component::Signals, w.signals);
    let s = &sc.signals;
    signals.curve(Factor::Summons, &s.summons, p.summons_12m.map(f64::from), m);
    signals.curve(Factor::TaxDebt, &s.tax_debt, p.tax_debt.map(Money::to_f64), m);
    signals.curve(Factor::SocialDebt, &s.social_debt, p.social_debt.map(Money::to_f64), m);
    let late = p.late_filing.map(|late| {
        let health = if late { s.late_filing.health_when_set } else { 1.0 };
        (health, ReasonKind::LateFiling(late))
    });
    signals.add(Factor::LateFiling, s.late_filing.weight, late, m);
    let age = p.founded.map(|y| f64::from((today.year() - i32::from(y)).max(0)));
    signals.curve(Factor::CompanyAge, &s.company_age_years, age, m);
    let accounts_age = p.accounts_date.map(|d| f64::from(d.months_until(today)));
    signals.curve(Factor::AccountsAge, &s.accounts_age_months, accounts_age, m);

    let groups = [payment, liquidity, solvency, profitability, distress, signals];
    let mut assessment = combine(&groups, missing, policy);
    assessment.altman_z2 = z2;
    assessment.zone = z2.map(|z| {
        if z > sc.distress.safe_above {
            Zone::Safe
        } else if z < sc.distress.distress_below {
            Zone::Distress
        } else {
            Zone::Grey
        }
    });
    apply_overrides(&mut assessment, p, policy, today);
    assessment
}

/// Renormalises the weights over the inputs with data and adds up score, reasons and coverage.
fn combine(groups: &[ComponentInputs], missing: Vec<Factor>, policy: &Policy) -> Assessment {
    let nominal: f64 = groups.iter().filter(|g| g.all_weight > 0.0).map(|g| g.weight).sum();
    let covered: f64 = groups
        .iter()
        .filter(|g| g.all_weight > 0.0)
        .map(|g| g.weight * g.present_weight() / g.all_weight)
        .sum();
    let coverage = if nominal > 0.0 { covered / nominal } else { 0.0 };
    let scored: f64 = groups.iter().filter(|g| g.present_weight() > 0.0).map(|g| g.weight).sum();

    let mut reasons = Vec::with_capacity(Factor::INPUTS + 3);
    let mut components = Vec::with_capacity(groups.len());
    let mut total = 0.0;
    for g in groups.iter().filter(|g| g.present_weight() > 0.0 && scored > 0.0) {
        let share = g.weight / scored;
        let inner = g.present_weight();
        let mut earned = 0.0;
        for m in &g.measures {
            let weight = share * m.weight / inner;
            earned += 100.0 * weight * m.health;
            reasons.push(Reason {
                factor: m.factor,
                kind: m.kind.clone(),
                points: -100.0 * weight * (1.0 - m.health),
                weight,
            });
        }
        total += earned;
        components.push(ComponentScore { component: g.component, weight: share, points: earned });
    }
    let score = (scored > 0.0).then(|| (total * 10.0).round() / 10.0);
    let band = match score {
        Some(score) => band_for(score, policy),
        None => policy.scorecard.insufficient_data_band,
    };
    Assessment {
        score,
        band,
        pd: Decimal::ZERO,
        coverage,
        insufficient_data: false,
        altman_z2: None,
        zone: None,
        reasons,
        components,
        missing,
    }
}

/// The band a score falls in: the best whose minimum it reaches.
pub fn band_for(score: f64, policy: &Policy) -> Band {
    Band::VARIANTS.iter().copied().find(|b| score >= policy.bands.get(*b).min_score).unwrap_or(Band::E)
}

/// The rules that move the band whatever the score: too little data, limited data, a young
/// company, insolvency proceedings. Each adds its reason, first.
fn apply_overrides(a: &mut Assessment, p: &Prospect, policy: &Policy, today: Date) {
    let sc = &policy.scorecard;
    let mut overrides = Vec::new();
    let min = sc.min_coverage_pct.to_f64() / 100.0;
    let limited = &sc.caps.limited_coverage;
    let below = limited.below_pct.to_f64() / 100.0;
    if a.coverage < min {
        let band = sc.insufficient_data_band;
        a.insufficient_data = true;
        a.band = a.band.max(band);
        overrides.push(ReasonKind::InsufficientData { coverage: a.coverage, min, band });
    } else if a.coverage < below && a.band < limited.best_band {
        a.band = limited.best_band;
        overrides.push(ReasonKind::LimitedCoverage { coverage: a.coverage, below, band: limited.best_band });
    }
    let young = &sc.caps.young_company;
    if let Some(founded) = p.founded {
        let years = (today.year() - i32::from(founded)).max(0);
        if years < i32::try_from(young.below_years).unwrap_or(i32::MAX) && a.band < young.best_band {
            a.band = young.best_band;
            overrides.push(ReasonKind::YoungCompany {
                years,
                below: young.below_years,
                band: young.best_band,
            });
        }
    }
    if let Some(kind) = p.insolvency.filter(|k| *k != Insolvency::None) {
        a.band = Band::E;
        overrides.push(ReasonKind::Insolvency(kind));
    }
    let factor = |kind: &ReasonKind| match kind {
        ReasonKind::Insolvency(_) => Factor::Insolvency,
        ReasonKind::YoungCompany { .. } => Factor::CompanyAge,
        _ => Factor::Coverage,
    };
    let reasons: Vec<Reason> =
        overrides.into_iter().rev().map(|kind| Reason::overriding(factor(&kind), kind)).collect();
    a.reasons.splice(0..0, reasons);
    a.pd = policy.bands.get(a.band).pd_pct.fraction();
}
