//! Suggested delivery and payment conditions (SPEC §4): the band × segment matrix, the
//! requested term, and the credit-limit fit, each step with its "why".

use rust_decimal::Decimal;

use super::economics::average_receivable;
use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
use super::risk::{Assessment, OpenCredit};
use super::vocabulary::{Band, Delivery, Security, Segment};

/// Standard payment terms the fit shortens through, longest first.
const STANDARD_TERMS: [u32; 7] = [90, 60, 45, 30, 21, 14, 7];

/// The suggested terms with the reasoning behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub terms: Terms,
    pub why: Vec<String>,
    /// The receivable the matrix terms would need, before fitting.
    pub credit_need: Money,
    /// The most open credit the policy allows this prospect.
    pub credit_cap: Money,
    /// Days beyond terms the suggestion counts on.
    pub expected_dbt_days: u32,
    /// Whether `expected_dbt_days` is the band's assumption rather than observed.
    pub dbt_assumed: bool,
}

/// Where a credit cap comes from, told only when someone reads it.
#[derive(Debug, Clone, Copy)]
enum CapSource {
    EquityShare {
        share: Pct,
        equity: Money,
    },
    /// Accounts older than the stale limit: their equity's share, at most the no-accounts cap.
    StaleEquity {
        share: Pct,
        equity: Money,
    },
    EquityNotPositive(Money),
    NoOpenCredit(Band),
    NoAccounts,
    Segment(Segment),
}

/// The cap and its source: the band's share of equity (or the no-accounts cap when equity is
/// unknown, and at most that when the accounts are stale), bounded by the segment cap.
fn cap_and_source(p: &Prospect, a: &Assessment, segment: Segment, policy: &Policy) -> (Money, CapSource) {
    let band = a.band;
    let segment_cap = policy.segments.get(segment).credit_cap;
    let share = policy.terms.get(band).equity_share_pct;
    let (equity_cap, source) = match p.equity {
        Some(equity) if equity.is_positive() && a.stale_accounts => (
            equity.times(share.fraction()).min(policy.limits.no_accounts_cap),
            CapSource::StaleEquity { share, equity },
        ),
        Some(equity) if equity.is_positive() => {
            (equity.times(share.fraction()), CapSource::EquityShare { share, equity })
        }
        Some(equity) => (Money::ZERO, CapSource::EquityNotPositive(equity)),
        None if share.percent().is_zero() => (Money::ZERO, CapSource::NoOpenCredit(band)),
        None => (policy.limits.no_accounts_cap, CapSource::NoAccounts),
    };
    if equity_cap <= segment_cap { (equity_cap, source) } else { (segment_cap, CapSource::Segment(segment)) }
}

/// A cap in words: "150 000 (5 % of equity 3 000 000)".
fn cap_text(cap: Money, source: CapSource) -> String {
    let why = match source {
        CapSource::EquityShare { share, equity } => format!("{share} % of equity {}", equity.grouped()),
        CapSource::StaleEquity { share, equity } => {
            format!(
                "{share} % of equity {} from stale accounts, at most the no-accounts cap",
                equity.grouped()
            )
        }
        CapSource::EquityNotPositive(equity) => format!("equity {} is not positive", equity.grouped()),
        CapSource::NoOpenCredit(band) => format!("band {band} allows no open credit"),
        CapSource::NoAccounts => "equity unknown: no-accounts cap".to_string(),
        CapSource::Segment(segment) => format!("the {segment} segment cap"),
    };
    format!("{} ({why})", cap.grouped())
}

/// The credit cap with the sentence that explains it.
pub fn credit_cap(p: &Prospect, a: &Assessment, segment: Segment, policy: &Policy) -> (Money, String) {
    let (cap, source) = cap_and_source(p, a, segment, policy);
    (cap, cap_text(cap, source))
}

/// The lines of "why", written only when someone will read them: the portfolio evaluates every
/// prospect and reads none.
struct Why(Option<Vec<String>>);

impl Why {
    fn push(&mut self, line: impl FnOnce() -> String) {
        if let Some(lines) = &mut self.0 {
            lines.push(line());
        }
    }

    fn lines(self) -> Vec<String> {
        self.0.unwrap_or_default()
    }
}

/// Suggests terms for a prospect of `segment` (`None` when its volume is unknown).
pub fn suggest(p: &Prospect, a: &Assessment, segment: Option<Segment>, policy: &Policy) -> Suggestion {
    suggest_with(p, a, segment, policy, true)
}

/// `suggest`, leaving the "why" empty unless `explain`.
pub fn suggest_with(
    p: &Prospect,
    a: &Assessment,
    segment: Option<Segment>,
    policy: &Policy,
    explain: bool,
) -> Suggestion {
    let band = a.band;
    let column = segment.unwrap_or(Segment::Micro);
    let band_terms = policy.terms.get(band);
    let cell = band_terms.cells.get(column);
    let mut why = Why(explain.then(Vec::new));

    let risk = || {
        if a.insufficient_data {
            format!("Band {band} (cautious: insufficient data)")
        } else {
            format!("Band {band} ({} risk)", band.description())
        }
    };
    match segment {
        Some(s) => why.push(|| {
            format!(
                "{} × segment {s}: {} days, {} % advance, {}, {}",
                risk(),
                cell.payment_days,
                cell.advance_pct,
                cell.security.label(),
                cell.delivery.label()
            )
        }),
        None => why.push(|| format!("{}; volume unknown: the terms of the smallest segment", risk())),
    }
    let channel = policy.segments.get(column).channel;
    let mut terms = Terms {
        payment_days: cell.payment_days,
        advance_pct: cell.advance_pct,
        discount_pct: cell.discount_pct,
        credit_limit: Money::ZERO,
        delivery: cell.delivery,
        security: cell.security,
        channel,
        review_months: a.review_months,
    };
    if let Some(s) = segment {
        why.push(|| format!("Channel {} for the {s} segment", channel.label()));
    }
    if let Some(requested) = p.requested_payment_days {
        let allowed = terms.payment_days;
        if requested < allowed {
            why.push(|| format!("Requested {requested} days, shorter than the {allowed} allowed"));
            terms.payment_days = requested;
        } else if requested > allowed {
            why.push(|| format!("Requested {requested} days; the policy allows {allowed}"));
        }
    }

    // Unknown DBT: the larger of the band's assumption and the scorecard's cautious value.
    let cautious = policy.scorecard.payment.dbt_days.cautious.clamp(0.0, 3650.0).ceil() as u32;
    let (expected_dbt_days, dbt_assumed) = match p.dbt_days {
        Some(d) => (d, false),
        None => (band_terms.assumed_dbt_days.max(cautious), true),
    };
    if dbt_assumed {
        why.push(|| format!("DBT unknown: {expected_dbt_days} days assumed for band {band}"));
    }
    if let Some(reason) = no_open_credit(a) {
        why.push(|| reason);
        terms.payment_days = 0;
        terms.advance_pct = Pct::HUNDRED;
        terms.discount_pct = Pct::ZERO;
        terms.delivery = Delivery::AfterPayment;
        terms.security = Security::None;
        let review = review_text(terms.review_months);
        why.push(|| format!("No credit limit, review {review}"));
        return without_limit(terms, why, expected_dbt_days, dbt_assumed);
    }
    let guarantee_only = a.open_credit == OpenCredit::OnlyUnderGuarantee;
    if guarantee_only && terms.advance_pct < Pct::HUNDRED {
        why.push(|| "Judicial reorganisation: open credit only under a first-demand bank guarantee".into());
        terms.security = Security::BankGuarantee;
    }

    let Some(volume) = p.annual_volume else {
        return without_limit(terms, why, expected_dbt_days, dbt_assumed);
    };
    let (cap, source) = if guarantee_only {
        (Money::ZERO, CapSource::NoOpenCredit(band))
    } else {
        cap_and_source(p, a, column, policy)
    };
    let need = average_receivable(volume, terms.advance_pct, terms.payment_days, expected_dbt_days);
    let mut limit_cap = cap;
    if need > cap && bank_backed(terms.security) {
        let security = terms.security;
        why.push(|| {
            format!(
                "Credit need {} exceeds the cap {}: the {} covers the excess",
                need.grouped(),
                cap_text(cap, source),
                security.label()
            )
        });
        limit_cap = round_up(need, policy.limits.rounding);
    } else if need > cap {
        let before = (terms.payment_days, terms.advance_pct);
        fit(&mut terms, volume, expected_dbt_days, cap, policy);
        let after = (terms.payment_days, terms.advance_pct);
        why.push(|| {
            let mut changes = Vec::new();
            if after.0 != before.0 {
                changes.push(format!("payment days {} → {}", before.0, after.0));
            }
            if after.1 != before.1 {
                changes.push(format!("advance {} % → {} %", before.1, after.1));
            }
            format!(
                "Credit need {} exceeds the cap {}: {}",
                need.grouped(),
                cap_text(cap, source),
                changes.join(", ")
            )
        });
        if terms.advance_pct == Pct::HUNDRED {
            terms.delivery = Delivery::AfterPayment;
            terms.security = Security::None;
            why.push(|| "Full advance: delivery after payment, no security needed".into());
        }
    } else {
        why.push(|| format!("Credit need {} within the cap {}", need.grouped(), cap_text(cap, source)));
    }
    let fitted_need = average_receivable(volume, terms.advance_pct, terms.payment_days, expected_dbt_days);
    terms.credit_limit = round_up(fitted_need, policy.limits.rounding).min(limit_cap);
    let (limit, review) = (terms.credit_limit, review_text(terms.review_months));
    why.push(|| format!("Credit limit {}, review {review}", limit.grouped()));
    Suggestion { terms, why: why.lines(), credit_need: need, credit_cap: cap, expected_dbt_days, dbt_assumed }
}

/// Terms with no credit need and no cap: no volume to need credit for, or no open credit.
fn without_limit(terms: Terms, why: Why, expected_dbt_days: u32, dbt_assumed: bool) -> Suggestion {
    Suggestion {
        terms,
        why: why.lines(),
        credit_need: Money::ZERO,
        credit_cap: Money::ZERO,
        expected_dbt_days,
        dbt_assumed,
    }
}

/// Why the prospect gets no open credit at all, when it does not.
fn no_open_credit(a: &Assessment) -> Option<String> {
    match a.open_credit {
        OpenCredit::NoneInDefault(cause) => Some(format!("In default: {}", cause.advice())),
        OpenCredit::NoneWithoutData => {
            Some("No accounts and no payment data: first orders paid before delivery".to_string())
        }
        OpenCredit::Allowed | OpenCredit::OnlyUnderGuarantee => None,
    }
}

/// "every 3 months", "every month", "before every order".
pub fn review_text(months: u32) -> String {
    match months {
        0 => "before every order".into(),
        1 => "every month".into(),
        m => format!("every {m} months"),
    }
}

/// Whether a bank stands behind the receivable (guarantee or letter of credit), so that the
/// part above the unsecured cap is the bank's risk, not the buyer's.
pub fn bank_backed(security: Security) -> bool {
    matches!(security, Security::BankGuarantee | Security::LetterOfCredit)
}

/// Where edited terms break the policy, in plain words (the what-if shows these as warnings).
pub fn warnings(
    terms: &Terms,
    suggestion: &Suggestion,
    volume: Option<Money>,
    policy: &Policy,
) -> Vec<String> {
    let mut out = Vec::new();
    if terms.credit_limit > suggestion.credit_cap && !bank_backed(terms.security) {
        out.push(format!(
            "Credit limit {} is over the policy cap {}",
            terms.credit_limit.grouped(),
            suggestion.credit_cap.grouped()
        ));
    }
    let ceiling = policy.economics.max_payment_days;
    if terms.payment_days > ceiling {
        out.push(format!(
            "{} payment days exceed the {ceiling}-day B2B ceiling of the EU late-payment directive \
             (2011/7/EU) unless expressly agreed",
            terms.payment_days
        ));
    }
    if let Some(volume) = volume {
        let need =
            average_receivable(volume, terms.advance_pct, terms.payment_days, suggestion.expected_dbt_days);
        if need > terms.credit_limit {
            out.push(format!(
                "The receivable ({}) is above the credit limit: deliveries stop at the limit",
                need.grouped()
            ));
        }
    }
    out
}

/// Shortens the payment days through the standard terms (not below the policy minimum), then
/// raises the advance step by step, until the receivable fits under the cap.
fn fit(terms: &mut Terms, volume: Money, dbt: u32, cap: Money, policy: &Policy) {
    let need = |t: &Terms| average_receivable(volume, t.advance_pct, t.payment_days, dbt);
    let (floor, start) = (policy.limits.fit_min_payment_days, terms.payment_days);
    let shorter = STANDARD_TERMS
        .into_iter()
        .filter(move |d| *d < start && *d > floor)
        .chain((start > floor).then_some(floor));
    for days in shorter {
        terms.payment_days = days;
        if need(terms) <= cap {
            return;
        }
    }
    if terms.advance_pct >= Pct::HUNDRED {
        return;
    }
    // The advances tried are the multiples of the step above the current one (30 % in steps
    // of 5 goes to 35 %), ending at 100 %. More advance never raises the need, so the least
    // that fits is found by bisection: a number of evaluations that does not grow with a small
    // step. A step the policy's range would refuse (0, or so small that 100 % over it is not a
    // number) leaves only the full advance.
    let step = policy.limits.fit_advance_step_pct.percent();
    let at =
        |k: Decimal| Pct::new(k.checked_mul(step).unwrap_or(Decimal::ONE_HUNDRED).min(Decimal::ONE_HUNDRED));
    let first =
        terms.advance_pct.percent().checked_div(step).and_then(|k| k.floor().checked_add(Decimal::ONE));
    let (Some(mut lo), Some(mut hi)) = (first, Decimal::ONE_HUNDRED.checked_div(step).map(|k| k.ceil()))
    else {
        terms.advance_pct = Pct::HUNDRED;
        return;
    };
    while lo < hi {
        let mid = lo + ((hi - lo) / Decimal::TWO).floor();
        terms.advance_pct = at(mid);
        if need(terms) <= cap {
            hi = mid;
        } else {
            lo = mid + Decimal::ONE;
        }
    }
    terms.advance_pct = at(hi);
}

/// Rounds up to a multiple of `unit`.
fn round_up(amount: Money, unit: Money) -> Money {
    if !unit.is_positive() || !amount.is_positive() {
        return amount.max(Money::ZERO);
    }
    Money::new((amount.amount() / unit.amount()).ceil() * unit.amount())
}
