//! The what-if editor's state: the suggested terms, the edited ones, every figure of both,
//! the goal seek and the sensitivity series. Pure: every change recomputes in the same call.

use std::sync::Arc;
use strum::VariantArray;

use rust_decimal::Decimal;

use crate::domain::date::Date;
use crate::domain::economics::{self, Economics, Seek};
use crate::domain::evaluate::{Evaluation, evaluate};
use crate::domain::money::{Money, NumberStyle, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::terms::warnings;
use crate::domain::vocabulary::{Channel, Delivery, Security, Segment};
use crate::tui::kit::line_edit::LineEdit;

/// The lines of the editor, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum TermsField {
    PaymentDays,
    Advance,
    Discount,
    CreditLimit,
    Delivery,
    Security,
    Channel,
    Target,
}

impl TermsField {
    pub fn label(self) -> &'static str {
        match self {
            TermsField::PaymentDays => "Payment days",
            TermsField::Advance => "Advance %",
            TermsField::Discount => "Early-payment disc. %",
            TermsField::CreditLimit => "Credit limit",
            TermsField::Delivery => "Delivery",
            TermsField::Security => "Security",
            TermsField::Channel => "Channel",
            TermsField::Target => "Target margin %",
        }
    }

    /// Whether the value is typed (as opposed to chosen from a list).
    pub fn typed(self) -> bool {
        !matches!(self, TermsField::Delivery | TermsField::Security | TermsField::Channel)
    }
}

/// The target margins the goal seek takes, in percent of the volume: a margin after risk is
/// at most 100 %, and a target below −100 % is no target.
const TARGET_RANGE: std::ops::RangeInclusive<Decimal> =
    Decimal::from_parts(100, 0, 0, true, 0)..=Decimal::ONE_HUNDRED;

/// The next value of a list, wrapping, forwards or backwards.
fn next_in<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    let n = all.len();
    all[if forward { (i + 1) % n } else { (i + n - 1) % n }]
}

#[derive(Debug, Clone)]
pub struct TermsEditor {
    pub prospect: Arc<Prospect>,
    pub evaluation: Evaluation,
    pub edited: Terms,
    /// Figures on the edited terms; `None` when the volume is unknown.
    pub economics: Option<Economics>,
    pub focus: usize,
    /// A value being typed into the focused field.
    pub typing: Option<LineEdit>,
    /// Why the last typed value was refused.
    pub error: Option<String>,
    pub target_margin: Decimal,
    /// The last goal seek's explanation.
    pub seek: Option<String>,
    pub warnings: Vec<String>,
    pub by_days: Vec<(u32, Money)>,
    pub by_advance: Vec<(u32, Money)>,
}

impl TermsEditor {
    /// Opens the what-if on a prospect, starting from `start` terms (the session's edit, the
    /// agreed terms, or the suggestion).
    pub fn open(prospect: Arc<Prospect>, start: Option<Terms>, policy: &Policy, today: Date) -> TermsEditor {
        let evaluation = evaluate(&prospect, policy, today);
        let edited = start.unwrap_or_else(|| evaluation.suggestion.terms.clone());
        let target_margin = policy.economics.target_margin_pct.percent();
        let mut editor = TermsEditor {
            prospect,
            evaluation,
            edited,
            economics: None,
            focus: 0,
            typing: None,
            error: None,
            target_margin,
            seek: None,
            warnings: Vec::new(),
            by_days: Vec::new(),
            by_advance: Vec::new(),
        };
        editor.recompute(policy);
        editor
    }

    pub fn suggested(&self) -> &Terms {
        &self.evaluation.suggestion.terms
    }

    pub fn field(&self) -> TermsField {
        TermsField::VARIANTS[self.focus.min(TermsField::VARIANTS.len() - 1)]
    }

    /// Recomputes every figure, the warnings and the sensitivity series for the edited terms.
    fn recompute(&mut self, policy: &Policy) {
        self.economics = self.evaluation.economics_on(&self.edited, policy);
        self.warnings =
            warnings(&self.edited, &self.evaluation.suggestion, self.prospect.annual_volume, policy);
        match &self.evaluation.deal {
            Some(deal) => {
                self.by_days = economics::profit_by_payment_days(deal, &self.edited, 5, policy);
                self.by_advance = economics::profit_by_advance(deal, &self.edited, 5, policy);
            }
            None => {
                self.by_days.clear();
                self.by_advance.clear();
            }
        }
    }

    pub fn move_focus(&mut self, delta: isize) {
        let n = TermsField::VARIANTS.len() as isize;
        self.focus = (self.focus as isize + delta).rem_euclid(n) as usize;
        self.typing = None;
    }

    /// +/−: one step of the focused value (a day, 5 % advance, 0.5 % discount, one rounding unit
    /// of credit limit, the next choice).
    pub fn step(&mut self, up: bool, policy: &Policy) {
        let field = self.field();
        let t = &mut self.edited;
        let sign = if up { Decimal::ONE } else { -Decimal::ONE };
        let pct = |p: Pct, step: Decimal| {
            Pct::new((p.percent() + sign * step).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED))
        };
        match field {
            TermsField::PaymentDays => {
                t.payment_days = if up {
                    t.payment_days.saturating_add(1).min(365)
                } else {
                    t.payment_days.saturating_sub(1)
                }
            }
            TermsField::Advance => t.advance_pct = pct(t.advance_pct, Decimal::from(5)),
            TermsField::Discount => t.discount_pct = pct(t.discount_pct, Decimal::new(5, 1)),
            TermsField::CreditLimit => {
                let unit = policy.limits.rounding;
                t.credit_limit = if up {
                    (t.credit_limit + unit).min(Money::max_input())
                } else {
                    (t.credit_limit - unit).max(Money::ZERO)
                };
            }
            TermsField::Delivery => t.delivery = next_in(Delivery::VARIANTS, t.delivery, up),
            TermsField::Security => t.security = next_in(Security::VARIANTS, t.security, up),
            TermsField::Channel => t.channel = next_in(Channel::VARIANTS, t.channel, up),
            TermsField::Target => {
                let moved = (self.target_margin + sign * Decimal::new(5, 1)).round_dp(1);
                self.target_margin = moved.clamp(*TARGET_RANGE.start(), *TARGET_RANGE.end());
            }
        }
        self.error = None;
        self.recompute(policy);
    }

    /// Applies a typed value; on error the terms stay as they were and the error says why.
    pub fn commit_typed(&mut self, policy: &Policy) {
        let Some(line) = self.typing.take() else { return };
        let text = line.text().trim();
        let field = self.field();
        let t = &mut self.edited;
        let result: Result<(), String> = match field {
            TermsField::PaymentDays => text
                .parse::<u32>()
                .ok()
                .filter(|d| *d <= 365)
                .map(|d| t.payment_days = d)
                .ok_or_else(|| format!("'{text}' is not a number of days (0–365)")),
            TermsField::Advance => Pct::parse(text, NumberStyle::Typed)
                .map(|p| t.advance_pct = p)
                .map_err(|_| format!("advance '{text}' is outside 0–100 %")),
            TermsField::Discount => Pct::parse(text, NumberStyle::Typed).map(|p| t.discount_pct = p),
            TermsField::CreditLimit => Money::parse(text, NumberStyle::Typed)
                .and_then(|m| {
                    if m.is_negative() { Err("a credit limit cannot be negative".into()) } else { Ok(m) }
                })
                .map(|m| t.credit_limit = m),
            TermsField::Target => crate::domain::money::parse_decimal(text, NumberStyle::Typed.for_ratio())
                .and_then(|d| {
                    TARGET_RANGE
                        .contains(&d)
                        .then_some(d)
                        .ok_or_else(|| format!("a target margin of '{text}' % is outside −100–100 %"))
                })
                .map(|d| self.target_margin = d),
            _ => Ok(()),
        };
        self.error = result.err();
        self.recompute(policy);
    }

    /// Back to the suggested terms.
    pub fn reset(&mut self, policy: &Policy) {
        self.edited = self.suggested().clone();
        self.seek = None;
        self.error = None;
        self.recompute(policy);
    }

    /// Fills in the least advance (or the longest payment days) that keeps the margin at the
    /// target; an unreachable target changes nothing and says so.
    pub fn goal_seek(&mut self, advance: bool, policy: &Policy) {
        let Some(deal) = &self.evaluation.deal else {
            self.seek = Some("No goal seek without an annual volume".into());
            return;
        };
        let result = if advance {
            economics::least_advance(deal, &self.edited, self.target_margin, policy)
        } else {
            economics::longest_payment_days(deal, &self.edited, self.target_margin, policy)
        };
        if let Seek::Found { terms, .. } = &result.seek {
            self.edited = terms.clone();
        }
        self.seek = Some(result.explanation);
        self.recompute(policy);
    }

    /// The value of a field as text, for the edited or the suggested terms.
    pub fn value(&self, field: TermsField, terms: &Terms) -> String {
        match field {
            TermsField::PaymentDays => terms.payment_days.to_string(),
            TermsField::Advance => terms.advance_pct.to_string(),
            TermsField::Discount => terms.discount_pct.to_string(),
            TermsField::CreditLimit => terms.credit_limit.grouped(),
            TermsField::Delivery => terms.delivery.label().to_string(),
            TermsField::Security => terms.security.label().to_string(),
            TermsField::Channel => terms.channel.label().to_string(),
            TermsField::Target => format!("{}", self.target_margin),
        }
    }

    /// The prospect's segment, for the screen's header.
    pub fn segment(&self) -> Option<Segment> {
        self.evaluation.segment
    }
}
