//! The "why" of a score: one reason per input or override, in plain words, naming the input,
//! its value, the threshold it passed and the points it moved.

use super::curve::Direction;
use super::factor::Factor;
use super::vocabulary::{Band, Insolvency, Trend};

/// What a reason says, beyond the points it moved.
#[derive(Debug, Clone, PartialEq)]
pub enum ReasonKind {
    /// A measured input, with the breakpoint it passed (none when it earns full health).
    Measured {
        value: f64,
        threshold: Option<f64>,
    },
    Trend(Trend),
    LateFiling(bool),
    /// Proceedings that put the prospect in band E whatever the score.
    Insolvency(Insolvency),
    /// Too little data: the band is at least the policy's cautious band.
    InsufficientData {
        coverage: f64,
        min: f64,
        band: Band,
    },
    /// Some data missing: the band is held at best to `band`.
    LimitedCoverage {
        coverage: f64,
        below: f64,
        band: Band,
    },
    /// A company too young for a long track record: the band is held at best to `band`.
    YoungCompany {
        years: i32,
        below: u32,
        band: Band,
    },
}

/// One line of "why": an input, what it earned or cost, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub factor: Factor,
    pub kind: ReasonKind,
    /// Points this input took off 100 (0 or negative).
    pub points: f64,
    /// The share of the score this input carried (0–1).
    pub weight: f64,
}

impl Reason {
    /// An override that moves the band, not the score.
    pub fn overriding(factor: Factor, kind: ReasonKind) -> Reason {
        Reason { factor, kind, points: 0.0, weight: 0.0 }
    }

    /// The reason as the screen shows it, e.g. "Days beyond terms 42 days > 30 days: -18.2".
    pub fn text(&self) -> String {
        let f = self.factor;
        let body = match &self.kind {
            ReasonKind::Measured { value, threshold } => {
                let suffix = f.remark(*value).map(|r| format!(" ({r})")).unwrap_or_default();
                let Some(t) = threshold else {
                    return format!("{} {}{suffix}: full points", f.label(), f.show(*value));
                };
                let (mut shown, mut limit) = (f.show(*value), f.show(*t));
                // Signs aside, so that "-0 %" and "0 %" also count as looking equal.
                let alike = |a: &str, b: &str| a.trim_start_matches('-') == b.trim_start_matches('-');
                for extra in 1..=3 {
                    if !alike(&shown, &limit) || value == t {
                        break;
                    }
                    (shown, limit) = (f.show_with(*value, extra), f.show_with(*t, extra));
                }
                let cmp = match (f.direction(), value == t) {
                    (Direction::LowerIsBetter, true) => "≥",
                    (Direction::LowerIsBetter, false) => ">",
                    (Direction::HigherIsBetter, _) => "<",
                };
                format!("{} {shown} {cmp} {limit}{suffix}", f.label())
            }
            ReasonKind::Trend(trend) => format!("DBT trend {}", trend.label()),
            ReasonKind::LateFiling(true) => "Annual accounts filed late".to_string(),
            ReasonKind::LateFiling(false) => return "Annual accounts filed on time: full points".into(),
            ReasonKind::Insolvency(kind) => {
                return format!("{}: band E whatever the score", kind.label());
            }
            ReasonKind::InsufficientData { coverage, min, band } => {
                return format!(
                    "Insufficient data: coverage {:.0} % < {:.0} %, treated as band {band} at best",
                    (coverage * 100.0).floor(),
                    min * 100.0
                );
            }
            ReasonKind::LimitedCoverage { coverage, below, band } => {
                return format!(
                    "Data coverage {:.0} % < {:.0} %: band {band} at best until the rest is known",
                    (coverage * 100.0).floor(),
                    below * 100.0
                );
            }
            ReasonKind::YoungCompany { years, below, band } => {
                let age = if *years == 1 { "1 year".to_string() } else { format!("{years} years") };
                return format!("Company {age} old, younger than {below} years: band {band} at best");
            }
        };
        if self.points == 0.0 {
            format!("{body}: full points")
        } else if self.points > -0.05 {
            format!("{body}: {:.2}", self.points)
        } else {
            format!("{body}: {:.1}", self.points)
        }
    }
}
