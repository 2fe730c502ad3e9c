//! The what-if editor's state: the suggested terms, the edited ones, every figure of both,
//! the goal seek and the sensitivity series. Pure: every change recomputes in the same call.

use std::sync::Arc;
use strum::VariantArray;

use rust_decimal::Decimal;

use crate::domain::date::Date;
use crate::domain::economics::{self, Economics, RiskGoal, Seek};
use crate::domain::evaluate::{Evaluation, evaluate};
use crate::domain::money::{Money, NumberStyle, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::terms::deviations::{Deviation, deviations};
use crate::domain::terms::optimise::best_within_policy;
use crate::domain::terms::security::{ask, unsecured_limit};
use crate::domain::terms::warnings;
use crate::domain::vocabulary::{Channel, Delivery, Security, Segment};
use crate::tui::kit::line_edit::LineEdit;

/// The lines of the editor, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum TermsField {
    PaymentDays,
    Advance,
    Discount,
    DiscountDays,
    CreditLimit,
    Delivery,
    Security,
    SecurityAmount,
    Channel,
    MaxMonths,
}

impl TermsField {
    pub fn label(self) -> &'static str {
        match self {
            TermsField::PaymentDays => "Payment days",
            TermsField::Advance => "Advance %",
            TermsField::Discount => "Early-payment disc. %",
            TermsField::DiscountDays => "Discount within days",
            TermsField::CreditLimit => "Credit limit",
            TermsField::Delivery => "Delivery",
            TermsField::Security => "Security",
            TermsField::SecurityAmount => "Security amount",
            TermsField::Channel => "Channel",
            TermsField::MaxMonths => "Goal: months lost ≤",
        }
    }

    /// Whether the value is typed (as opposed to chosen from a list).
    pub fn typed(self) -> bool {
        !matches!(self, TermsField::Delivery | TermsField::Security | TermsField::Channel)
    }
}

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
    /// The goal seek keeps one default under this many months of profit.
    pub max_months: u32,
    /// The last goal seek's explanation.
    pub seek: Option<String>,
    pub warnings: Vec<String>,
    /// How the edited terms deviate from policy.
    pub deviations: Vec<Deviation>,
    /// What to ask the buyer for on the edited terms.
    pub ask: Option<String>,
    pub by_days: Vec<(u32, Money)>,
    pub by_advance: Vec<(u32, Money)>,
}

impl TermsEditor {
    /// Opens the what-if on a prospect, starting from `start` terms (the session's edit, the
    /// agreed terms, or the suggestion).
    pub fn open(prospect: Arc<Prospect>, start: Option<Terms>, policy: &Policy, today: Date) -> TermsEditor {
        let evaluation = evaluate(&prospect, policy, today);
        let edited = start.unwrap_or_else(|| evaluation.suggestion.terms.clone());
        let max_months = policy.capital.max_loss_months;
        let mut editor = TermsEditor {
            prospect,
            evaluation,
            edited,
            economics: None,
            focus: 0,
            typing: None,
            error: None,
            max_months,
            seek: None,
            warnings: Vec::new(),
            deviations: Vec::new(),
            ask: None,
            by_days: Vec::new(),
            by_advance: Vec::new(),
        };
        editor.recompute(policy);
        editor
    }

    /// The same editor on a newer version of its prospect: the edited terms stay, every figure
    /// is computed again.
    pub fn rebase(&mut self, newer: Arc<Prospect>, policy: &Policy, today: Date) {
        self.evaluation = evaluate(&newer, policy, today);
        self.prospect = newer;
        self.recompute(policy);
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
        let s = &self.evaluation.suggestion;
        self.warnings = warnings(&self.edited, s, self.economics.as_ref());
        self.deviations = deviations(&self.edited, s);
        self.ask = self.economics.as_ref().and_then(|x| {
            let t = &self.edited;
            let open = unsecured_limit(t.credit_limit, t.security, t.security_amount);
            let days = rust_decimal::prelude::ToPrimitive::to_u32(&x.days_to_pay.ceil()).unwrap_or(u32::MAX);
            (t.advance_pct < Pct::HUNDRED)
                .then(|| ask(t.security, t.security_amount, open, days, policy))
                .flatten()
        });
        match &self.evaluation.deal {
            Some(deal) => {
                let ceiling = s.ceiling.max_days;
                self.by_days = economics::profit_by_payment_days(deal, &self.edited, 5, ceiling, policy);
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
        let unit = policy.limits.rounding;
        let money =
            |m: Money| if up { (m + unit).min(Money::max_input()) } else { (m - unit).max(Money::ZERO) };
        let count = |n: u32| if up { n.saturating_add(1).min(365) } else { n.saturating_sub(1) };
        self.error = None;
        match field {
            TermsField::PaymentDays => {
                let days = count(t.payment_days);
                match self.evaluation.suggestion.ceiling.refusal(days) {
                    Some(refusal) => self.error = Some(refusal),
                    None => t.payment_days = days,
                }
            }
            TermsField::Advance => t.advance_pct = pct(t.advance_pct, Decimal::from(5)),
            TermsField::Discount => t.discount_pct = pct(t.discount_pct, Decimal::new(5, 1)),
            TermsField::DiscountDays => t.discount_days = count(t.discount_days),
            TermsField::CreditLimit => t.credit_limit = money(t.credit_limit),
            TermsField::Delivery => t.delivery = next_in(Delivery::VARIANTS, t.delivery, up),
            TermsField::Security => t.security = next_in(Security::VARIANTS, t.security, up),
            TermsField::SecurityAmount => t.security_amount = money(t.security_amount),
            TermsField::Channel => t.channel = next_in(Channel::VARIANTS, t.channel, up),
            TermsField::MaxMonths => self.max_months = count(self.max_months).clamp(1, 120),
        }
        self.recompute(policy);
    }

    /// Applies a typed value; on error the terms stay as they were and the error says why.
    pub fn commit_typed(&mut self, policy: &Policy) {
        let Some(line) = self.typing.take() else { return };
        let text = line.text().trim();
        let field = self.field();
        let t = &mut self.edited;
        let days = |text: &str| {
            text.parse::<u32>()
                .ok()
                .filter(|d| *d <= 365)
                .ok_or_else(|| format!("'{text}' is not a number of days (0–365)"))
        };
        let amount = |text: &str, what: &str| {
            Money::parse(text, NumberStyle::Typed).and_then(|m| {
                if m.is_negative() { Err(format!("a {what} cannot be negative")) } else { Ok(m) }
            })
        };
        let ceiling = &self.evaluation.suggestion.ceiling;
        let result: Result<(), String> = match field {
            TermsField::PaymentDays => days(text).and_then(|d| match ceiling.refusal(d) {
                Some(refusal) => Err(refusal),
                None => {
                    t.payment_days = d;
                    Ok(())
                }
            }),
            TermsField::DiscountDays => days(text).map(|d| t.discount_days = d),
            TermsField::Advance => Pct::parse(text, NumberStyle::Typed)
                .map(|p| t.advance_pct = p)
                .map_err(|_| format!("advance '{text}' is outside 0–100 %")),
            TermsField::Discount => Pct::parse(text, NumberStyle::Typed).map(|p| t.discount_pct = p),
            TermsField::CreditLimit => amount(text, "credit limit").map(|m| t.credit_limit = m),
            TermsField::SecurityAmount => amount(text, "security amount").map(|m| t.security_amount = m),
            TermsField::MaxMonths => text
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=120).contains(m))
                .map(|m| self.max_months = m)
                .ok_or_else(|| format!("'{text}' is not a number of months (1–120)")),
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

    /// Fills in the least advance that keeps the risk within the goal (`advance`), or the terms
    /// within policy that earn the most after risk; an unreachable goal changes nothing and
    /// names the constraint that binds.
    pub fn goal_seek(&mut self, advance: bool, policy: &Policy) {
        let Some(deal) = &self.evaluation.deal else {
            self.seek = Some("No goal seek without an annual volume".into());
            return;
        };
        let s = &self.evaluation.suggestion;
        let result = if advance {
            // The whole deal: a seek that met the goal by selling less would say nothing.
            let goal = RiskGoal { unsecured_cap: s.credit_cap, months: self.max_months, volume: deal.volume };
            economics::least_advance(deal, &self.edited, goal, policy)
        } else {
            best_within_policy(deal, &self.edited, s, policy)
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
            TermsField::DiscountDays => terms.discount_days.to_string(),
            TermsField::CreditLimit => terms.credit_limit.grouped(),
            TermsField::Delivery => terms.delivery.label().to_string(),
            TermsField::Security => terms.security.label().to_string(),
            TermsField::SecurityAmount => terms.security_amount.grouped(),
            TermsField::Channel => terms.channel.label().to_string(),
            TermsField::MaxMonths => self.max_months.to_string(),
        }
    }

    /// The prospect's segment, for the screen's header.
    pub fn segment(&self) -> Option<Segment> {
        self.evaluation.segment
    }
}
