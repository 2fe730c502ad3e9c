//! The "why" of a score: one reason per input or cap, in plain words, naming the input, its
//! value (or the value assumed for it), the threshold it passed and the points it moved.

use super::curve::Direction;
use super::factor::Factor;
use super::money::{Money, Pct};
use super::register_entry::RegisterEntry;
use super::risk_caps::Cap;
use super::vocabulary::Trend;

/// Why a known value counts for less than its own health.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DoubtCause {
    /// The payment observation is this many months old.
    Observed(u32),
    /// The observation date is unknown; the policy's cautious age (months) is taken.
    ObservationUndated(u32),
    /// The accounts are older than the stale limit (months).
    AccountsStale(u32),
    /// The accounts are so old (months) that they count as no accounts.
    AccountsUnusable(u32),
    /// The value rests on figures that do not agree (see the assessment's warnings).
    Inconsistent,
}

/// A doubt and what it did: `halfway` counts the value no better than halfway to its cautious
/// health, otherwise no better than the cautious health itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Doubt {
    pub cause: DoubtCause,
    pub halfway: bool,
}

impl Doubt {
    /// "(observed 14 months ago: counted halfway to the assumed 30 days)".
    fn text(self, assumed: &str) -> String {
        let cause = match self.cause {
            DoubtCause::Observed(m) => format!("observed {} ago", months(m)),
            DoubtCause::ObservationUndated(m) => {
                format!("observation date unknown, taken as {} old", months(m))
            }
            DoubtCause::AccountsStale(m) => format!("accounts {} old", months(m)),
            DoubtCause::AccountsUnusable(m) => format!("accounts {} old, counted as no accounts", months(m)),
            DoubtCause::Inconsistent => "resting on figures that do not agree".to_string(),
        };
        let effect = if self.halfway { "counted halfway to" } else { "counted at most as" };
        format!(" ({cause}: {effect} the assumed {assumed})")
    }
}

fn months(m: u32) -> String {
    if m == 1 { "1 month".into() } else { format!("{m} months") }
}

/// What a reason says, beyond the points it moved.
#[derive(Debug, Clone, PartialEq)]
pub enum ReasonKind {
    /// A measured input, with the breakpoint it passed (none when it earns full health), any
    /// doubt about it, and the cautious value the doubt measures it against.
    Measured {
        value: f64,
        threshold: Option<f64>,
        doubt: Option<Doubt>,
        assumed: f64,
    },
    /// An unknown input, scored at the policy's cautious value.
    Assumed(f64),
    Trend {
        trend: Trend,
        doubt: Option<Doubt>,
        assumed: Trend,
    },
    AssumedTrend(Trend),
    /// A yes/no input (late filing, a summons by an authority).
    Flag(bool),
    /// An unknown yes/no, taken as raised with this likelihood.
    AssumedFlag(Pct),
    /// Tax or social-security debt: the register's answer or an amount, how it was sized, the
    /// breakpoint of its share passed, and the cautious share a doubt measures it against.
    Debt {
        entry: RegisterEntry,
        size: DebtSize,
        threshold: Option<f64>,
        assumed: f64,
        doubt: Option<Doubt>,
    },
    /// A rule that holds the band down whatever the score, or puts the prospect in default.
    Cap(Cap),
}

/// How a debt was weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DebtSize {
    /// A listing: the register says yes, or the amount reaches the threshold `from`.
    Listing { from: Money },
    /// Its share of revenue (of total assets when `of_assets`); 0 when none is owed.
    Share { share: f64, of_assets: bool },
    /// An amount with neither revenue nor total assets to size it by: the cautious share.
    Unsized,
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

/// A value against its threshold, with one more decimal than usual where the usual ones
/// would make two different figures look equal ("34.6 % < 35.0 %"); where even that would,
/// it says so in words rather than in five decimals: "0.30 (just under 0.30)". The JSON
/// report keeps both numbers exact.
fn against_threshold(f: Factor, value: f64, t: f64) -> String {
    // Signs aside, so that "-0 %" and "0 %" also count as looking equal.
    let alike = |a: &str, b: &str| a.trim_start_matches('-') == b.trim_start_matches('-');
    let (shown, limit) = (f.show(value), f.show(t));
    if value == t || !alike(&shown, &limit) {
        return format!("{shown} {} {limit}", comparison(f, value, t));
    }
    let (closer, closer_limit) = (f.show_with(value, 1), f.show_with(t, 1));
    if !alike(&closer, &closer_limit) {
        return format!("{closer} {} {closer_limit}", comparison(f, value, t));
    }
    let side = if value < t { "just under" } else { "just over" };
    format!("{shown} ({side} {limit})")
}

fn comparison(f: Factor, value: f64, t: f64) -> &'static str {
    match (f.direction(), value == t) {
        (Direction::LowerIsBetter, true) => "≥",
        (Direction::LowerIsBetter, false) => ">",
        (Direction::HigherIsBetter, _) => "<",
    }
}

/// A share of revenue with two decimals: "0.05 %".
fn share(value: f64) -> String {
    format!("{:.2} %", value * 100.0)
}

impl Reason {
    /// A cap or default, which moves the band, not the score.
    pub fn cap(cap: Cap) -> Reason {
        Reason { factor: cap.rule.factor(), kind: ReasonKind::Cap(cap), points: 0.0, weight: 0.0 }
    }

    /// Whether the input earned every point it could (not said of caps).
    pub fn at_full_points(&self) -> bool {
        self.points == 0.0 && !matches!(self.kind, ReasonKind::Cap(_))
    }

    /// The reason as the screen shows it, e.g. "Days beyond terms 42 days > 30 days: -18.2".
    pub fn text(&self) -> String {
        let f = self.factor;
        let body = match &self.kind {
            ReasonKind::Measured { value, threshold, doubt, assumed } => {
                let remark = f.remark(*value).map(|r| format!(" ({r})")).unwrap_or_default();
                let doubt = doubt.map(|d| d.text(&f.show(*assumed))).unwrap_or_default();
                match threshold {
                    None => format!("{} {}{remark}{doubt}", f.label(), f.show(*value)),
                    Some(t) => {
                        format!("{} {}{remark}{doubt}", f.label(), against_threshold(f, *value, *t))
                    }
                }
            }
            ReasonKind::Assumed(value) if matches!(f, Factor::TaxDebt | Factor::SocialDebt) => {
                format!("{} unknown, assumed {} of revenue", f.label(), share(*value))
            }
            ReasonKind::Assumed(value) => format!("{} unknown, assumed {}", f.label(), f.show(*value)),
            ReasonKind::Trend { trend, doubt, assumed } => {
                let doubt = doubt.map(|d| d.text(assumed.label())).unwrap_or_default();
                format!("DBT trend {}{doubt}", trend.label())
            }
            ReasonKind::AssumedTrend(trend) => format!("DBT trend unknown, assumed {}", trend.label()),
            ReasonKind::Flag(set) => f.flag_text(*set).to_string(),
            ReasonKind::AssumedFlag(likelihood) => {
                format!("{} unknown, assumed {likelihood} % likely", f.label())
            }
            ReasonKind::Debt { entry, size, threshold, assumed, doubt } => {
                let doubt =
                    doubt.map(|d| d.text(&format!("{} of revenue", share(*assumed)))).unwrap_or_default();
                let label = f.label();
                let head = match (entry, size) {
                    (RegisterEntry::Listed(true), _) => {
                        format!("{label}: listed in the withholding-obligation check")
                    }
                    (RegisterEntry::Listed(false), _) => {
                        format!("{label}: not listed in the withholding-obligation check")
                    }
                    (RegisterEntry::Amount(a), DebtSize::Listing { from }) => {
                        format!(
                            "{label} {} ≥ {}, the register's listing threshold",
                            a.grouped(),
                            from.grouped()
                        )
                    }
                    (RegisterEntry::Amount(a), DebtSize::Unsized) => format!(
                        "{label} {}, revenue and total assets unknown: assumed {} of revenue",
                        a.grouped(),
                        share(*assumed)
                    ),
                    (RegisterEntry::Amount(a), DebtSize::Share { share: s, of_assets }) => {
                        let of = if *of_assets { "total assets" } else { "revenue" };
                        match threshold {
                            Some(t) => format!(
                                "{label} {} = {} of {of} {} {}",
                                a.grouped(),
                                share(*s),
                                comparison(f, *s, *t),
                                share(*t)
                            ),
                            None => format!("{label} {}", a.grouped()),
                        }
                    }
                };
                format!("{head}{doubt}")
            }
            ReasonKind::Cap(cap) => return cap.text(),
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
