//! Suggested delivery and payment conditions (SPEC §4), monotone in risk: the band × segment
//! matrix, the requested term and the legal ceiling, the unsecured cap from capacity, the
//! "security covers the excess" route, the secured line's ceiling, each step with its "why".
//!
//! Monotone by construction: the terms for a band are never easier than those the same
//! prospect would get in any better band (shorter or equal days, at least the advance, at
//! least as strong a security, at most the open credit), because each band starts from the
//! strictest terms of the bands above it.

pub mod capacity;
pub mod ceiling;
mod context;
pub mod deviations;
pub mod given;
pub mod optimise;
mod propose;
pub mod security;

use strum::VariantArray;

use super::money::{Money, Pct};
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
use super::risk::Assessment;
use super::vocabulary::{Band, Security, Segment};
use capacity::OpenCredit;
use ceiling::Ceiling;
use propose::{Floor, Proposal};
use security::Fit;

/// The suggested terms with the reasoning behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub terms: Terms,
    pub why: Vec<String>,
    /// The receivable the matrix terms would need, before fitting, in invoice amounts.
    pub credit_need: Money,
    /// The most open credit the policy allows this prospect (the unsecured cap).
    pub credit_cap: Money,
    /// The most a secured line may reach.
    pub line_ceiling: Money,
    /// The open part of the suggested limit.
    pub unsecured_limit: Money,
    /// What to ask the buyer for, when the terms ask for security.
    pub ask: Option<String>,
    /// Days beyond terms the suggestion counts on.
    pub expected_dbt_days: u32,
    /// Whether `expected_dbt_days` is the band's assumption rather than observed.
    pub dbt_assumed: bool,
    /// The terms the DBT was observed on.
    pub observed_terms_days: u32,
    /// The longest term and the least advance the band × segment cell allows this prospect.
    pub policy_days: u32,
    pub policy_advance: Pct,
    pub ceiling: Ceiling,
    pub fit: Fit,
    pub open_credit: OpenCredit,
}

/// The lines of "why", written only when someone will read them: the portfolio evaluates every
/// prospect and reads none.
pub(crate) struct Why(pub(crate) Option<Vec<String>>);

impl Why {
    pub(crate) fn push(&mut self, line: impl FnOnce() -> String) {
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
    let ctx = context::Context::new(p, a, segment, policy);
    // The better bands first, each tightening the floor the next starts from.
    let mut floor = Floor::loosest();
    for band in Band::VARIANTS.iter().copied().take_while(|b| *b < a.band) {
        let raw = propose::propose(&ctx, band, &floor, &mut Why(None));
        floor = floor.tightened(&raw);
    }
    let mut why = Why(explain.then(Vec::new));
    let Proposal { terms, need, cap, line_ceiling, days_to_pay, policy_days, policy_advance } =
        propose::propose(&ctx, a.band, &floor, &mut why);
    let unsecured_limit =
        security::unsecured_limit(terms.credit_limit, terms.security, terms.security_amount);
    let ask = if terms.advance_pct == Pct::HUNDRED {
        None
    } else {
        security::ask(terms.security, terms.security_amount, unsecured_limit, days_to_pay, policy)
    };
    if let Some(ask) = &ask {
        why.push(|| ask.clone());
    }
    let (limit, months) = (terms.credit_limit, terms.review_months);
    why.push(|| format!("Credit limit {}, review {}", limit.grouped(), review_text(months)));
    Suggestion {
        terms,
        why: why.lines(),
        credit_need: need,
        credit_cap: cap,
        line_ceiling,
        unsecured_limit,
        ask,
        expected_dbt_days: ctx.dbt,
        dbt_assumed: ctx.dbt_assumed,
        observed_terms_days: ctx.observed,
        policy_days,
        policy_advance,
        ceiling: ctx.ceiling,
        fit: ctx.fit,
        open_credit: ctx.open_credit,
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

/// Whether a bank stands behind the receivable (guarantee or letter of credit), so that what
/// it covers is the bank's risk, not the buyer's.
pub fn bank_backed(security: Security) -> bool {
    security::first_demand(security)
}

/// Where edited terms stop deliveries or need express agreement, in plain words (the what-if
/// shows these beside the deviations from policy).
pub fn warnings(
    terms: &Terms,
    suggestion: &Suggestion,
    economics: Option<&super::economics::Economics>,
) -> Vec<String> {
    let mut out = Vec::new();
    let c = &suggestion.ceiling;
    if !c.void_above && terms.payment_days > c.max_days {
        out.push(format!("{} payment days exceed {}", terms.payment_days, c.law));
    }
    if terms.security != Security::None && terms.security_amount > terms.credit_limit {
        out.push(format!(
            "The {} of {} is above the credit limit {}: its fee pays for cover no delivery can use",
            terms.security.label(),
            terms.security_amount.grouped(),
            terms.credit_limit.grouped()
        ));
    }
    if let Some(x) = economics {
        if x.credit_need > x.exposure {
            out.push(format!(
                "The receivable ({}) is above the credit limit: deliveries stop at the limit, {} of the \
                 volume is sold",
                x.credit_need.grouped(),
                x.volume_sold.grouped()
            ));
        }
        if let Some(order) = x.largest_order.filter(|o| *o > terms.credit_limit) {
            out.push(format!(
                "The largest single order ({} on credit) does not fit under the credit limit {}",
                order.grouped(),
                terms.credit_limit.grouped()
            ));
        }
    }
    out
}
