//! The "why" of a score: one reason per input or cap, in plain words, naming the input, its
//! value (or the value assumed for it), the threshold it passed and the points it moved.

use std::fmt::Write;

use super::curve::Direction;
use super::factor::Factor;
use super::format::{push_digits, write_fixed};
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
    /// Writes " (observed 14 months ago: counted halfway to the assumed 30 days)" on `out`,
    /// the assumed value written by `assumed`.
    fn write(self, out: &mut String, assumed: impl FnOnce(&mut String)) {
        out.push_str(" (");
        let (before, m, after) = match self.cause {
            DoubtCause::Observed(m) => ("observed ", m, " ago"),
            DoubtCause::ObservationUndated(m) => ("observation date unknown, taken as ", m, " old"),
            DoubtCause::AccountsStale(m) => ("accounts ", m, " old"),
            DoubtCause::AccountsUnusable(m) => ("accounts ", m, " old, counted as no accounts"),
            DoubtCause::Inconsistent => ("resting on figures that do not agree", 0, ""),
        };
        out.push_str(before);
        if self.cause != DoubtCause::Inconsistent {
            months(out, m);
        }
        out.push_str(after);
        out.push_str(if self.halfway {
            ": counted halfway to the assumed "
        } else {
            ": counted at most as the assumed "
        });
        assumed(out);
        out.push(')');
    }
}

/// "1 month", "14 months".
fn months(out: &mut String, m: u32) {
    push_digits(out, u64::from(m), 1);
    out.push_str(if m == 1 { " month" } else { " months" });
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
fn against_threshold(out: &mut String, f: Factor, value: f64, t: f64) {
    // Signs aside, so that "-0 %" and "0 %" also count as looking equal.
    let alike = |a: &str, b: &str| a.trim_start_matches('-') == b.trim_start_matches('-');
    let start = out.len();
    for extra in [0, 1] {
        f.write_value(out, value, extra);
        let middle = out.len();
        f.write_value(out, t, extra);
        if (extra == 0 && value == t) || !alike(&out[start..middle], &out[middle..]) {
            let limit = out.split_off(middle);
            out.push(' ');
            out.push_str(comparison(f, value, t));
            out.push(' ');
            out.push_str(&limit);
            return;
        }
        out.truncate(start);
    }
    f.write_value(out, value, 0);
    out.push_str(if value < t { " (just under " } else { " (just over " });
    f.write_value(out, t, 0);
    out.push(')');
}

fn comparison(f: Factor, value: f64, t: f64) -> &'static str {
    match (f.direction(), value == t) {
        (Direction::LowerIsBetter, true) => "≥",
        (Direction::LowerIsBetter, false) => ">",
        (Direction::HigherIsBetter, _) => "<",
    }
}

/// A share of revenue with two decimals: "0.05 %".
fn share(out: &mut String, value: f64) {
    write_fixed(out, value * 100.0, 2);
    out.push_str(" %");
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
        let mut out = String::with_capacity(80);
        self.write_text(&mut out);
        out
    }

    /// Writes [`Reason::text`] on `out`: one buffer for all its pieces, as `eval` writes a
    /// reason for every input of every prospect.
    pub fn write_text(&self, out: &mut String) {
        let f = self.factor;
        let label = f.label();
        match &self.kind {
            ReasonKind::Measured { value, threshold, doubt, assumed } => {
                out.push_str(label);
                out.push(' ');
                match threshold {
                    None => f.write_value(out, *value, 0),
                    Some(t) => against_threshold(out, f, *value, *t),
                }
                if let Some(remark) = f.remark(*value) {
                    out.push_str(" (");
                    out.push_str(remark);
                    out.push(')');
                }
                if let Some(d) = doubt {
                    d.write(out, |out| f.write_value(out, *assumed, 0));
                }
            }
            ReasonKind::Assumed(value) if matches!(f, Factor::TaxDebt | Factor::SocialDebt) => {
                out.push_str(label);
                out.push_str(" unknown, assumed ");
                share(out, *value);
                out.push_str(" of revenue");
            }
            ReasonKind::Assumed(value) => {
                out.push_str(label);
                out.push_str(" unknown, assumed ");
                f.write_value(out, *value, 0);
            }
            ReasonKind::Trend { trend, doubt, assumed } => {
                out.push_str("DBT trend ");
                out.push_str(trend.label());
                if let Some(d) = doubt {
                    d.write(out, |out| out.push_str(assumed.label()));
                }
            }
            ReasonKind::AssumedTrend(trend) => {
                out.push_str("DBT trend unknown, assumed ");
                out.push_str(trend.label());
            }
            ReasonKind::Flag(set) => out.push_str(f.flag_text(*set)),
            ReasonKind::AssumedFlag(likelihood) => {
                let _ = write!(out, "{label} unknown, assumed {likelihood} % likely");
            }
            ReasonKind::Debt { entry, size, threshold, assumed, doubt } => {
                debt(out, f, entry, size, *threshold, *assumed);
                if let Some(d) = doubt {
                    d.write(out, |out| {
                        share(out, *assumed);
                        out.push_str(" of revenue");
                    });
                }
            }
            ReasonKind::Cap(cap) => {
                out.push_str(&cap.text());
                return;
            }
        }
        if self.points == 0.0 {
            out.push_str(": full points");
        } else {
            out.push_str(": ");
            write_fixed(out, self.points, if self.points > -0.05 { 2 } else { 1 });
        }
    }
}

/// A debt's reason before any doubt: listed or not, or its amount against the listing
/// threshold or as a share of revenue (or of total assets).
fn debt(
    out: &mut String,
    f: Factor,
    entry: &RegisterEntry,
    size: &DebtSize,
    threshold: Option<f64>,
    assumed: f64,
) {
    out.push_str(f.label());
    match (entry, size) {
        (RegisterEntry::Listed(true), _) => out.push_str(": listed in the withholding-obligation check"),
        (RegisterEntry::Listed(false), _) => out.push_str(": not listed in the withholding-obligation check"),
        (RegisterEntry::Amount(a), DebtSize::Listing { from }) => {
            let _ = write!(out, " {} ≥ {}, the register's listing threshold", a.grouped(), from.grouped());
        }
        (RegisterEntry::Amount(a), DebtSize::Unsized) => {
            let _ = write!(out, " {}, revenue and total assets unknown: assumed ", a.grouped());
            share(out, assumed);
            out.push_str(" of revenue");
        }
        (RegisterEntry::Amount(a), DebtSize::Share { share: s, of_assets }) => {
            out.push(' ');
            out.push_str(&a.grouped());
            if let Some(t) = threshold {
                out.push_str(" = ");
                share(out, *s);
                out.push_str(if *of_assets { " of total assets " } else { " of revenue " });
                out.push_str(comparison(f, *s, t));
                out.push(' ');
                share(out, t);
            }
        }
    }
}
