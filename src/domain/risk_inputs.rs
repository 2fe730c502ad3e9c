//! The scorecard's inputs: each input's value, how far it is trusted, and the health it earns.
//!
//! Every input always carries its weight. An unknown input scores at the cautious value the
//! policy names for it; a known input scores by its own curve, except where its data are old or
//! rest on inconsistent figures: then it counts no better than halfway to, or at most at, its
//! cautious health (never better than its own), so that ageing or breaking data never helps.

use super::date::Date;
use super::factor::Factor;
use super::money::Money;
use super::policy::Policy;
use super::policy_scorecard::{CurveRule, FlagRule};
use super::prospect::Prospect;
use super::reason::{DebtSize, Doubt, DoubtCause, ReasonKind};
use super::register_entry::RegisterEntry;
use super::risk_checks::Checks;
use super::risk_ratios::{Sheet, liquidity_ratio, ratio, z2_on};
use super::vocabulary::Component;

/// One input as scored.
#[derive(Debug, Clone)]
pub struct Input {
    pub factor: Factor,
    /// Weight inside its component, as the policy gives it.
    pub weight: f64,
    pub health: f64,
    /// Whether the prospect gave a value for it (doubted or not).
    pub known: bool,
    /// Whether it counts as data for the coverage: known and neither too old nor inconsistent.
    pub counted: bool,
    pub kind: ReasonKind,
}

/// One component's inputs.
#[derive(Debug, Clone)]
pub struct ComponentInputs<'a> {
    pub component: Component,
    pub weight: f64,
    pub inputs: &'a [Input],
}

/// Every input in scorecard order, in one list (one allocation, not one per component), and
/// how many of them each component has.
#[derive(Debug, Clone)]
pub struct ScoredInputs {
    inputs: Vec<Input>,
    groups: [(Component, f64, usize); 6],
}

impl ScoredInputs {
    /// The inputs by component.
    pub fn groups(&self) -> [ComponentInputs<'_>; 6] {
        let mut start = 0;
        self.groups.map(|(component, weight, n)| {
            let inputs = &self.inputs[start..start + n];
            start += n;
            ComponentInputs { component, weight, inputs }
        })
    }
}

/// How far a known value is trusted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Trust {
    Full,
    /// Never better than halfway between its own health and its cautious one.
    Halfway(DoubtCause),
    /// Never better than its cautious health; `counted` says whether it is still data.
    Capped {
        cause: DoubtCause,
        counted: bool,
    },
}

impl Trust {
    /// The weaker of two trusts (an inconsistent and stale ratio is capped and not counted).
    fn and(self, other: Trust) -> Trust {
        use Trust::{Capped, Full, Halfway};
        match (self, other) {
            (Full, t) | (t, Full) => t,
            (Halfway(_), t @ Capped { .. }) | (t @ Capped { .. }, Halfway(_)) => t,
            (Halfway(d), Halfway(_)) => Halfway(d),
            (Capped { cause, counted: a }, Capped { counted: b, .. }) => Capped { cause, counted: a && b },
        }
    }

    /// The health a value of health `own` counts at; `cautious` is worked out only for a doubt.
    fn apply(self, own: f64, cautious: impl FnOnce() -> f64) -> (f64, bool, Option<Doubt>) {
        match self {
            Trust::Full => (own, true, None),
            Trust::Halfway(cause) => {
                (own.min((own + cautious()) / 2.0), true, Some(Doubt { cause, halfway: true }))
            }
            Trust::Capped { cause, counted } => {
                (own.min(cautious()), counted, Some(Doubt { cause, halfway: false }))
            }
        }
    }
}

/// The curve input's reason and health for a value (or its absence) at a trust.
fn curve(factor: Factor, rule: &CurveRule, value: Option<f64>, trust: Trust) -> Input {
    let cautious = || rule.curve.health(rule.cautious);
    match value {
        None => Input {
            factor,
            weight: rule.weight,
            health: cautious(),
            known: false,
            counted: false,
            kind: ReasonKind::Assumed(rule.cautious),
        },
        Some(v) => {
            let own = rule.curve.health(v);
            let (health, counted, doubt) = trust.apply(own, cautious);
            let threshold = rule.curve.threshold_at(v, own, factor.direction());
            let kind = ReasonKind::Measured { value: v, threshold, doubt, assumed: rule.cautious };
            Input { factor, weight: rule.weight, health, known: true, counted, kind }
        }
    }
}

/// A ratio over the sheet's totals: on every version of the sheet, the worst health counts, and
/// the value shown is the filed one (or, when only a corrected sheet has one, the worst).
fn sheet_curve(
    factor: Factor,
    rule: &CurveRule,
    sheets: &[Sheet],
    value: impl Fn(Sheet) -> Option<f64>,
    trust: Trust,
) -> Input {
    // Each version's health once, the first of the worst kept.
    let worst = sheets
        .iter()
        .filter_map(|s| value(*s))
        .map(|v| (v, rule.curve.health(v)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let mut input = curve(factor, rule, value(sheets[0]).or(worst.map(|(v, _)| v)), trust);
    if let Some((_, health)) = worst {
        input.health = input.health.min(health);
    }
    input
}

/// A yes/no input; an unknown one is raised with the policy's cautious likelihood.
fn flag(factor: Factor, rule: &FlagRule, value: Option<bool>) -> Input {
    let (health, kind) = match value {
        Some(set) => (if set { rule.health_when_set } else { 1.0 }, ReasonKind::Flag(set)),
        None => (rule.cautious_health(), ReasonKind::AssumedFlag(rule.cautious_likelihood_pct)),
    };
    let known = value.is_some();
    Input { factor, weight: rule.weight, health, known, counted: known, kind }
}

/// What a debt is sized against: revenue, or total assets (on every version of an unbalanced
/// sheet, the first as filed), and whether that figure is doubted.
#[derive(Debug, Clone, Copy)]
struct DebtBase<'a> {
    bases: &'a [f64],
    of_assets: bool,
    doubted: bool,
}

/// Tax or social-security debt: a listing scores as the curve's worst point, a smaller amount by
/// its share of revenue (of total assets when revenue is unknown): the largest share counts.
fn debt(
    factor: Factor,
    rule: &CurveRule,
    entry: Option<RegisterEntry>,
    base: DebtBase,
    policy: &Policy,
) -> Input {
    let Some(entry) = entry else {
        return curve(factor, rule, None, Trust::Full);
    };
    let worst = rule.curve.0.last().map_or(0.0, |p| p[1]);
    let cautious = || rule.curve.health(rule.cautious);
    let from = policy.scorecard.caps.register_listing.from_amount;
    let none = DebtSize::Share { share: 0.0, of_assets: false };
    let amount = match entry {
        RegisterEntry::Amount(a) if a.is_positive() => a.to_f64(),
        _ => 0.0,
    };
    let size = match (entry, base.bases.first()) {
        _ if entry.is_listing(from) => DebtSize::Listing { from },
        _ if amount == 0.0 => none,
        (_, Some(b)) => DebtSize::Share { share: amount / b, of_assets: base.of_assets },
        (_, None) => DebtSize::Unsized,
    };
    let (own, threshold) = match size {
        DebtSize::Listing { .. } => (worst, None),
        DebtSize::Share { share, .. } => {
            let smallest = base.bases.iter().fold(f64::INFINITY, |m, b| m.min(*b));
            let at_share = rule.curve.health(share);
            let health = at_share.min(rule.curve.health(amount / smallest));
            (health, rule.curve.threshold_at(share, at_share, factor.direction()))
        }
        DebtSize::Unsized => (cautious(), None),
    };
    // Only a share rests on the figure that a failed check doubts.
    let sized = matches!(size, DebtSize::Share { share, .. } if share > 0.0);
    let trust = if base.doubted && sized {
        Trust::Capped { cause: DoubtCause::Inconsistent, counted: false }
    } else {
        Trust::Full
    };
    let (health, counted, doubt) = trust.apply(own, cautious);
    let kind = ReasonKind::Debt { entry, size, threshold, assumed: rule.cautious, doubt };
    Input { factor, weight: rule.weight, health, known: true, counted, kind }
}

/// How far the payment observation (DBT, late share, trend) is trusted, by its age.
fn observation_trust(p: &Prospect, policy: &Policy, today: Date, checks: &Checks) -> Trust {
    let o = &policy.scorecard.payment.observation;
    let observed = p.dbt_observed.filter(|_| !checks.observed_ahead);
    let months = observed.map_or(o.cautious_age_months, |d| d.months_until(today).max(0).unsigned_abs());
    let cause = if observed.is_some() {
        DoubtCause::Observed(months)
    } else {
        DoubtCause::ObservationUndated(months)
    };
    if months > o.unknown_after_months {
        Trust::Capped { cause, counted: false }
    } else if months > o.reduced_after_months {
        Trust::Halfway(cause)
    } else {
        Trust::Full
    }
}

/// How far ratios from the accounts are trusted, by the accounts' age.
fn accounts_trust(months: Option<u32>, policy: &Policy) -> Trust {
    let sc = &policy.scorecard;
    match months {
        Some(m) if m > sc.accounts.unusable_after_months => {
            Trust::Capped { cause: DoubtCause::AccountsUnusable(m), counted: false }
        }
        Some(m) if m > sc.caps.stale_accounts.older_than_months => {
            Trust::Capped { cause: DoubtCause::AccountsStale(m), counted: true }
        }
        _ => Trust::Full,
    }
}

/// The age of the accounts in whole months, when their date is known and not ahead of today.
pub fn accounts_months(p: &Prospect, today: Date) -> Option<u32> {
    p.accounts_date.filter(|d| *d <= today).map(|d| d.months_until(today).max(0).unsigned_abs())
}

/// Every input of the scorecard, by component.
pub fn score_inputs(p: &Prospect, policy: &Policy, today: Date, checks: &Checks) -> ScoredInputs {
    let sc = &policy.scorecard;
    let w = &sc.weights;
    let f = |m: Option<Money>| m.map(Money::to_f64);
    let doubted = |factor: Factor| checks.doubted.contains(factor);
    let inconsistent = Trust::Capped { cause: DoubtCause::Inconsistent, counted: false };
    let accounts = accounts_trust(accounts_months(p, today), policy);
    let trust = |factor: Factor| if doubted(factor) { accounts.and(inconsistent) } else { accounts };

    let seen = observation_trust(p, policy, today, checks);
    let pay = &sc.payment;
    let trend = match p.dbt_trend {
        None => Input {
            factor: Factor::DbtTrend,
            weight: pay.trend.weight,
            health: pay.trend.health(pay.trend.cautious),
            known: false,
            counted: false,
            kind: ReasonKind::AssumedTrend(pay.trend.cautious),
        },
        Some(t) => {
            let (health, counted, doubt) =
                seen.apply(pay.trend.health(t), || pay.trend.health(pay.trend.cautious));
            let kind = ReasonKind::Trend { trend: t, doubt, assumed: pay.trend.cautious };
            Input { factor: Factor::DbtTrend, weight: pay.trend.weight, health, known: true, counted, kind }
        }
    };
    let payment = [
        curve(Factor::DbtDays, &pay.dbt_days, p.dbt_days.map(f64::from), seen),
        curve(Factor::LateShare, &pay.late_share_pct, p.late_share_pct.map(|v| v.to_f64()), seen),
        trend,
        curve(Factor::BureauScore, &pay.bureau_score, p.bureau_score.map(f64::from), Trust::Full),
    ];

    let (ca, cl) = (f(p.current_assets), f(p.current_liabilities));
    let quick = p.current_assets.zip(p.inventory).map(|(ca, inv)| (ca - inv).to_f64());
    let liq = &sc.liquidity;
    let liquidity = [
        curve(Factor::CurrentRatio, &liq.current_ratio, liquidity_ratio(ca, cl), trust(Factor::CurrentRatio)),
        curve(Factor::QuickRatio, &liq.quick_ratio, liquidity_ratio(quick, cl), trust(Factor::QuickRatio)),
        curve(Factor::CashRatio, &liq.cash_ratio, liquidity_ratio(f(p.cash), cl), trust(Factor::CashRatio)),
    ];

    let filed = Sheet { assets: f(p.total_assets), liabilities: f(p.total_liabilities), equity: f(p.equity) };
    let at_least = ca.into_iter().chain(filed.equity).reduce(f64::max);
    let (versions, n) = filed.versions(checks.unbalanced, at_least);
    let sheets = &versions[..n];
    let over_assets = |factor, rule, num: Option<f64>| {
        sheet_curve(factor, rule, sheets, |s| ratio(num, s.assets), trust(factor))
    };
    let solvency = [sheet_curve(
        Factor::EquityRatio,
        &sc.solvency.equity_ratio,
        sheets,
        |s| ratio(s.equity, s.assets),
        trust(Factor::EquityRatio),
    )];
    let pr = &sc.profitability;
    let profitability = [
        over_assets(Factor::ReturnOnAssets, &pr.return_on_assets, f(p.net_result)),
        over_assets(Factor::EbitOnAssets, &pr.ebit_on_assets, f(p.ebit)),
    ];
    let wc = ca.zip(cl).map(|(ca, cl)| ca - cl);
    let (re, ebit) = (f(p.retained_earnings), f(p.ebit));
    let distress = [sheet_curve(
        Factor::AltmanZ2,
        &sc.distress.altman_z2,
        sheets,
        |s| z2_on(s, wc, re, ebit),
        trust(Factor::AltmanZ2),
    )];

    let s = &sc.signals;
    let summons_trust = if doubted(Factor::Summons) { inconsistent } else { Trust::Full };
    // No summons at all in 12 months means none by an authority either.
    let authority = p.summons_authority.or((p.summons_12m == Some(0)).then_some(false));
    let revenue = f(p.revenue).filter(|r| *r > 0.0);
    let mut assets = [0.0; 5];
    let mut count = 0;
    for a in sheets.iter().filter_map(|s| s.assets).filter(|a| *a > 0.0) {
        assets[count] = a;
        count += 1;
    }
    let base = match &revenue {
        Some(r) => {
            DebtBase { bases: std::slice::from_ref(r), of_assets: false, doubted: doubted(Factor::TaxDebt) }
        }
        None => DebtBase { bases: &assets[..count], of_assets: true, doubted: doubted(Factor::EquityRatio) },
    };
    let years = p.founded.map(|y| f64::from((today.year() - i32::from(y)).max(0)));
    // A fiscal year end still to come is a warning, and the accounts' age unknown.
    let accounts_age = accounts_months(p, today).map(f64::from);
    let signals = [
        curve(Factor::Summons, &s.summons, p.summons_12m.map(f64::from), summons_trust),
        flag(Factor::SummonsAuthority, &s.summons_authority, authority),
        debt(Factor::TaxDebt, &s.tax_debt_of_revenue, p.tax_debt, base, policy),
        debt(Factor::SocialDebt, &s.social_debt_of_revenue, p.social_debt, base, policy),
        flag(Factor::LateFiling, &s.late_filing, p.late_filing),
        curve(Factor::CompanyAge, &s.company_age_years, years, Trust::Full),
        curve(Factor::AccountsAge, &s.accounts_age_months, accounts_age, Trust::Full),
    ];

    let groups = [
        (Component::Payment, w.payment, payment.len()),
        (Component::Liquidity, w.liquidity, liquidity.len()),
        (Component::Solvency, w.solvency, solvency.len()),
        (Component::Profitability, w.profitability, profitability.len()),
        (Component::Distress, w.distress, distress.len()),
        (Component::Signals, w.signals, signals.len()),
    ];
    let mut inputs = Vec::with_capacity(Factor::INPUTS);
    inputs.extend(payment);
    inputs.extend(liquidity);
    inputs.extend(solvency);
    inputs.extend(profitability);
    inputs.extend(distress);
    inputs.extend(signals);
    ScoredInputs { inputs, groups }
}
