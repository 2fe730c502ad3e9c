//! The prospect form's state: the text of every field as typed, its validation, and the live
//! evaluation of what is valid so far. Nothing typed is ever lost: an invalid field keeps its
//! text and its error, and counts as unknown until it is corrected.

use std::sync::Arc;

use crate::domain::date::Date;
use crate::domain::evaluate::{Evaluation, evaluate};
use crate::domain::field_values::Kind;
use crate::domain::fields::Field;
use crate::domain::money::{Money, NumberStyle};
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::vocabulary::FieldGroup;
use crate::portfolio::revision::Revision;
use crate::tui::kit::line_edit::LineEdit;

/// What to do once unsaved form changes are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingExit {
    Back,
    Quit,
}

/// A field's value as the form shows it for editing: amounts grouped by thousands.
fn input_text(field: Field, p: &Prospect) -> String {
    let text = field.get(p);
    match field.kind() {
        // A register entry that is an amount reads as one; yes and no stay words.
        Kind::Money { .. } | Kind::Register => {
            Money::parse(&text, NumberStyle::Point).map_or(text, Money::input_text)
        }
        _ => text,
    }
}

/// The fields in the order a form shows them: for a new prospect the deal (volume, margin,
/// orders, requested days), which the account manager knows first, then the rest in the
/// field table's order; for a prospect already in the portfolio, the table's order.
fn form_order(new: bool) -> Vec<usize> {
    let deal = |i: &usize| new && Field::ALL[*i].group() == FieldGroup::Deal;
    let all = 0..Field::ALL.len();
    all.clone().filter(deal).chain(all.filter(|i| !deal(i))).collect()
}

#[derive(Debug, Clone)]
pub struct ProspectForm {
    /// The prospect being edited as last saved (id, decisions and agreed terms come from here).
    pub original: Prospect,
    /// The portfolio's version that `original` is, to notice a newer one; `None` while the
    /// prospect is not in the portfolio yet.
    pub base: Option<Revision>,
    /// Whether the prospect is not in the portfolio yet.
    pub is_new: bool,
    pub inputs: Vec<LineEdit>,
    pub errors: Vec<Option<String>>,
    /// Fields the user has typed in: only their errors show, so that a blank form does not
    /// open with "a name is required". A refused save marks them all.
    pub touched: Vec<bool>,
    /// Index into `Field::ALL` of the field with the cursor.
    pub focus: usize,
    /// The fields (indices into `Field::ALL`) in the order the form shows them and Tab visits.
    pub order: Vec<usize>,
    /// Lines the live assessment beside the form is scrolled down by.
    pub panel_scroll: u16,
    /// The prospect as the valid fields describe it.
    pub draft: Prospect,
    pub evaluation: Evaluation,
    saved_texts: Vec<String>,
}

impl ProspectForm {
    /// A form on a prospect of the portfolio, at its current version.
    pub fn open(p: &Arc<Prospect>, policy: &Policy, today: Date) -> ProspectForm {
        let mut form = ProspectForm::on(p, policy, today);
        form.base = Some(Revision::of(p));
        form
    }

    fn on(p: &Prospect, policy: &Policy, today: Date) -> ProspectForm {
        let texts: Vec<String> = Field::ALL.iter().map(|f| input_text(*f, p)).collect();
        let mut form = ProspectForm {
            original: p.clone(),
            base: None,
            is_new: false,
            inputs: texts.iter().map(|t| LineEdit::new(t)).collect(),
            errors: vec![None; Field::ALL.len()],
            touched: vec![false; Field::ALL.len()],
            focus: 0,
            order: form_order(false),
            panel_scroll: 0,
            draft: p.clone(),
            evaluation: evaluate(p, policy, today),
            saved_texts: texts,
        };
        form.reparse(policy, today);
        form
    }

    /// An empty form for a new prospect with this id.
    pub fn blank(id: u64, policy: &Policy, today: Date) -> ProspectForm {
        let mut form = ProspectForm::on(&Prospect { id, ..Prospect::default() }, policy, today);
        form.is_new = true;
        form.order = form_order(true);
        form.focus = form.order[0];
        form
    }

    pub fn field(&self) -> Field {
        Field::ALL[self.focus.min(Field::ALL.len() - 1)]
    }

    /// Whether anything differs from the last save.
    pub fn dirty(&self) -> bool {
        self.is_new || self.inputs.iter().zip(&self.saved_texts).any(|(i, s)| i.text() != s)
    }

    pub fn invalid_count(&self) -> usize {
        self.errors.iter().filter(|e| e.is_some()).count()
    }

    /// The error of a field, once the user has touched it (or tried to save).
    pub fn visible_error(&self, i: usize) -> Option<&str> {
        self.errors.get(i)?.as_deref().filter(|_| self.touched.get(i).copied().unwrap_or(false))
    }

    /// Fields with an error the screen shows.
    pub fn visible_errors(&self) -> usize {
        (0..self.errors.len()).filter(|i| self.visible_error(*i).is_some()).count()
    }

    /// Shows every error (after a refused save).
    pub fn touch_all(&mut self) {
        self.touched.iter_mut().for_each(|t| *t = true);
    }

    /// Applies an edit to the focused field and re-evaluates.
    pub fn edit(&mut self, change: impl FnOnce(&mut LineEdit), policy: &Policy, today: Date) {
        if let Some(input) = self.inputs.get_mut(self.focus) {
            change(input);
        }
        if let Some(touched) = self.touched.get_mut(self.focus) {
            *touched = true;
        }
        self.reparse(policy, today);
    }

    /// Rebuilds the draft from every field's text, in `Field::ALL` order so that fields that
    /// depend on others (the registration on the country) are checked against their current
    /// values, then re-evaluates it.
    fn reparse(&mut self, policy: &Policy, today: Date) {
        let mut draft = Prospect {
            id: self.original.id,
            agreed_terms: self.original.agreed_terms.clone(),
            history: self.original.history.clone(),
            ..Prospect::default()
        };
        for (i, field) in Field::ALL.iter().enumerate() {
            let text = self.inputs[i].text();
            self.errors[i] = field.set(&mut draft, text, NumberStyle::Typed).err();
        }
        self.evaluation = evaluate(&draft, policy, today);
        self.draft = draft;
    }

    /// The field being left shows its value as read, when it is valid ("45.000" becomes
    /// "45 000"), so that the user sees how the text was understood; an invalid one keeps its
    /// text and its error.
    fn show_read(&mut self) {
        let i = self.focus;
        if self.touched.get(i).copied().unwrap_or(false) && self.errors.get(i).is_some_and(Option::is_none) {
            let text = input_text(Field::ALL[i], &self.draft);
            self.inputs[i].set(&text);
        }
    }

    /// Moves the cursor to another field in the form's order, wrapping around, past the
    /// status: it changes only through a decision, so that every change of status is in the
    /// history.
    pub fn move_focus(&mut self, delta: isize) {
        self.show_read();
        let n = self.order.len() as isize;
        let mut at = self.place() as isize;
        for _ in 0..n {
            at = (at + delta.signum()).rem_euclid(n);
            if self.field_at(at as usize) != Some(Field::Status) {
                break;
            }
        }
        self.focus = self.order.get(at as usize).copied().unwrap_or(0);
    }

    /// Where the focused field stands in the form's order.
    fn place(&self) -> usize {
        self.order.iter().position(|&i| i == self.focus).unwrap_or(0)
    }

    /// The field at a place in the form's order.
    fn field_at(&self, place: usize) -> Option<Field> {
        self.order.get(place).map(|&i| Field::ALL[i])
    }

    /// The group of the field at a place in the form's order.
    fn group_at(&self, place: usize) -> Option<FieldGroup> {
        self.field_at(place).map(Field::group)
    }

    /// Jumps to the first field of the next (or previous) group.
    pub fn jump_group(&mut self, forward: bool) {
        self.show_read();
        let (here, group) = (self.place(), self.group_at(self.place()));
        let target = if forward {
            (here..self.order.len()).find(|&k| self.group_at(k) != group)
        } else {
            (0..here).rev().find(|&k| self.group_at(k) != group).map(|prev| {
                let prev_group = self.group_at(prev);
                (0..=prev).rev().take_while(|&k| self.group_at(k) == prev_group).last().unwrap_or(prev)
            })
        };
        if let Some(k) = target {
            self.focus = self.order[k];
        }
    }

    /// On a choice field, puts the next choice in (Space); elsewhere does nothing.
    pub fn cycle_choice(&mut self, policy: &Policy, today: Date) -> bool {
        let choices = self.field().kind().choices();
        if choices.is_empty() {
            return false;
        }
        let current = self.inputs[self.focus].text().trim().to_lowercase();
        let next = match choices.iter().position(|c| *c == current) {
            Some(i) if i + 1 < choices.len() => choices[i + 1],
            Some(_) if self.field().kind() != Kind::Status => "",
            _ => choices[0],
        };
        self.edit(|input| input.set(next), policy, today);
        true
    }

    /// After a save: the saved prospect becomes the baseline.
    pub fn mark_saved(&mut self, saved: &Arc<Prospect>) {
        self.original = (**saved).clone();
        self.base = Some(Revision::of(saved));
        self.is_new = false;
        self.saved_texts = self.inputs.iter().map(|i| i.text().to_string()).collect();
    }

    /// Moves the form onto a newer version of its prospect (a decision recorded from the
    /// what-if, an import): fields the user has not edited take the newer values, edited ones
    /// keep what was typed. Refused, changing nothing, when the newer version changed a field
    /// the user edited to something else: the fields in conflict.
    pub fn rebase(&mut self, newer: &Arc<Prospect>, policy: &Policy, today: Date) -> Result<(), Vec<Field>> {
        let texts: Vec<String> = Field::ALL.iter().map(|f| input_text(*f, newer)).collect();
        let conflicts: Vec<Field> = (0..Field::ALL.len())
            .filter(|&i| {
                let (typed, saved, now) = (self.inputs[i].text(), &self.saved_texts[i], &texts[i]);
                typed != saved && now != saved && typed != now
            })
            .map(|i| Field::ALL[i])
            .collect();
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
        for (i, text) in texts.iter().enumerate() {
            if self.inputs[i].text() == self.saved_texts[i] {
                self.inputs[i].set(text);
            }
        }
        self.saved_texts = texts;
        self.original = (**newer).clone();
        self.base = Some(Revision::of(newer));
        self.reparse(policy, today);
        Ok(())
    }

    /// The first invalid field, to send the cursor there.
    pub fn first_error(&self) -> Option<usize> {
        self.errors.iter().position(Option::is_some)
    }
}
