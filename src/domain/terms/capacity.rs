//! How much credit a prospect can carry: whether the risk model allows open credit at all, the
//! unsecured cap from capacity (the band's share of equity × the payment component's health,
//! within the segment cap), and the ceiling of a secured line.

use rust_decimal::Decimal;

use crate::domain::money::Money;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::risk::{Assessment, OpenCredit as RiskOpenCredit};
use crate::domain::vocabulary::{Band, Component, Segment};

/// What the risk model allows in open credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenCredit {
    Allowed,
    /// Only under a first-demand guarantee (or LC) covering all of it: judicial reorganisation.
    FirstDemandCoverOnly,
    /// None: prepayment only, with the sentence that says what to do.
    None(String),
}

/// What the risk model allows in open credit (its `open_credit`), with the sentence that says
/// what to do where it allows none.
pub fn open_credit(a: &Assessment) -> OpenCredit {
    match a.open_credit {
        RiskOpenCredit::Allowed => OpenCredit::Allowed,
        RiskOpenCredit::OnlyUnderGuarantee => OpenCredit::FirstDemandCoverOnly,
        RiskOpenCredit::NoneInDefault(cause) => OpenCredit::None(format!("In default: {}", cause.advice())),
        RiskOpenCredit::NoneWithoutData => {
            OpenCredit::None("No accounts and no payment data: first orders paid before delivery".into())
        }
    }
}

/// The payment component's health, 0–1: the share of its points it earned. A limit follows
/// it, so a later payer never gets more; without payment data, the policy's cautious value.
pub fn payment_health(a: &Assessment, policy: &Policy) -> f64 {
    a.components
        .iter()
        .find(|c| c.component == Component::Payment && c.weight > 0.0)
        .map_or(policy.exposure.unknown_payment_health, |c| (c.points / (c.weight * 100.0)).clamp(0.0, 1.0))
}

/// Where an unsecured cap comes from, told only when someone reads it.
#[derive(Debug, Clone, Copy)]
pub enum CapSource {
    EquityShare {
        share: crate::domain::money::Pct,
        equity: Money,
        health: f64,
    },
    /// Accounts older than the stale limit: their equity's share, at most the no-accounts cap.
    StaleEquity {
        share: crate::domain::money::Pct,
        equity: Money,
        health: f64,
    },
    EquityNotPositive(Money),
    NoOpenCredit(Band),
    NoAccounts {
        health: f64,
    },
    Segment(Segment),
    RiskModel,
    /// No more than the open line of a better band: terms never ease as risk grows.
    BetterBand,
}

/// The payment health as the exact factor a cap is multiplied by, to four decimals (the
/// float's exact decimal rounded half to even, taken from the float alone where it decides:
/// away from places and midpoints, on a whole number of sixteenths such as 1 or 0.5, or beside
/// a place such as 0.85).
pub fn health_weight(health: f64) -> Decimal {
    use crate::domain::rounding::{dyadic, fraction_half_even, retained_near_place};
    fraction_half_even(health, 4)
        .or_else(|| dyadic(health, 4))
        .or_else(|| retained_near_place(health, 4))
        .unwrap_or_else(|| Decimal::from_f64_retain(health).unwrap_or_default().round_dp(4))
}

/// The unsecured cap before rounding, and where it comes from. On stale accounts (`stale`)
/// open credit rests on their equity no further than on none: at most the no-accounts cap.
pub fn unsecured_cap(
    p: &Prospect,
    band: Band,
    segment: Segment,
    (health, stale): (f64, bool),
    policy: &Policy,
) -> (Money, CapSource) {
    unsecured_cap_weighted(p, band, segment, (health, health_weight(health), stale), policy)
}

/// `unsecured_cap` with the health's `health_weight` given, which is the same for every band a
/// suggestion tries.
pub fn unsecured_cap_weighted(
    p: &Prospect,
    band: Band,
    segment: Segment,
    (health, weight, stale): (f64, Decimal, bool),
    policy: &Policy,
) -> (Money, CapSource) {
    let segment_cap = policy.segments.get(segment).credit_cap;
    let share = policy.terms.get(band).equity_share_pct;
    let (cap, source) = match p.equity {
        _ if share.percent().is_zero() => (Money::ZERO, CapSource::NoOpenCredit(band)),
        Some(equity) if equity.is_positive() && stale => (
            equity.times(share.fraction()).min(policy.limits.no_accounts_cap).times(weight),
            CapSource::StaleEquity { share, equity, health },
        ),
        Some(equity) if equity.is_positive() => {
            (equity.times(share.fraction() * weight), CapSource::EquityShare { share, equity, health })
        }
        Some(equity) => (Money::ZERO, CapSource::EquityNotPositive(equity)),
        None => (policy.limits.no_accounts_cap.times(weight), CapSource::NoAccounts { health }),
    };
    if cap <= segment_cap { (cap, source) } else { (segment_cap, CapSource::Segment(segment)) }
}

/// A cap in words: "180 860 (5 % of equity 3 617 202 × payment health 0.63)".
pub fn cap_text(cap: Money, source: CapSource) -> String {
    let why = match source {
        CapSource::EquityShare { share, equity, health } => {
            format!("{share} % of equity {} × payment health {health:.2}", equity.grouped())
        }
        CapSource::StaleEquity { share, equity, health } => format!(
            "{share} % of equity {} from stale accounts, at most the no-accounts cap, × payment health \
             {health:.2}",
            equity.grouped()
        ),
        CapSource::EquityNotPositive(equity) => format!("equity {} is not positive", equity.grouped()),
        CapSource::NoOpenCredit(band) => format!("band {band} allows no open credit"),
        CapSource::NoAccounts { health } => {
            format!("equity unknown: no-accounts cap × payment health {health:.2}")
        }
        CapSource::Segment(segment) => format!("the {segment} segment cap"),
        CapSource::RiskModel => "the risk model allows no open credit".into(),
        CapSource::BetterBand => "a better band's open line: terms never ease as risk grows".into(),
    };
    format!("{} ({why})", cap.grouped())
}

/// What bounds a secured line, told only when someone reads it.
#[derive(Debug, Clone, Copy)]
pub enum CeilingSource {
    /// The policy's share of the buyer's revenue.
    RevenueShare {
        share: crate::domain::money::Pct,
        revenue: Money,
    },
    RevenueUnknown,
    /// The seller's concentration limit on one customer.
    Concentration {
        share: crate::domain::money::Pct,
        turnover: Money,
    },
}

impl CeilingSource {
    /// The ceiling's reason in words: "10 % of revenue 2 000 000".
    pub fn text(self) -> String {
        match self {
            CeilingSource::RevenueShare { share, revenue } => {
                format!("{share} % of revenue {}", revenue.grouped())
            }
            CeilingSource::RevenueUnknown => {
                "revenue unknown: no secured line above the unsecured cap".to_string()
            }
            CeilingSource::Concentration { share, turnover } => {
                format!("the concentration limit, {share} % of the seller's turnover {}", turnover.grouped())
            }
        }
    }
}

/// What bounds a secured line for one prospect, the same for every band: a share of the buyer's
/// revenue (none above the unsecured cap while the revenue is unknown), and never above the
/// seller's concentration limit.
#[derive(Debug, Clone, Copy)]
pub struct LineBounds {
    by_revenue: Option<Money>,
    why: CeilingSource,
    concentration: Money,
    concentration_why: CeilingSource,
}

impl LineBounds {
    pub fn new(p: &Prospect, policy: &Policy) -> LineBounds {
        let seller = &policy.seller;
        let share = policy.exposure.revenue_share_pct;
        let (by_revenue, why) = match p.revenue {
            Some(revenue) => {
                (Some(revenue.times(share.fraction())), CeilingSource::RevenueShare { share, revenue })
            }
            None => (None, CeilingSource::RevenueUnknown),
        };
        LineBounds {
            by_revenue,
            why,
            concentration: seller.turnover.times(seller.max_customer_share_pct.fraction()),
            concentration_why: CeilingSource::Concentration {
                share: seller.max_customer_share_pct,
                turnover: seller.turnover,
            },
        }
    }

    /// The most a secured line above the unsecured cap `unsecured` may reach, and why.
    pub fn ceiling(&self, unsecured: Money) -> (Money, CeilingSource) {
        let by_revenue = self.by_revenue.map_or(unsecured, |r| r.max(unsecured));
        if self.concentration < by_revenue {
            (self.concentration, self.concentration_why)
        } else {
            (by_revenue, self.why)
        }
    }
}
