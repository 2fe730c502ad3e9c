//! The policy editor's state: the policy as JSON with every scalar a leaf, the sections those
//! leaves are shown in, the focused value, a value being typed and a search. Each edit is
//! validated by the same code that loads a policy file; its problems stand by their values.

use rust_decimal::Decimal;
use serde_json::Value;

use super::choices::{choices, label};
use super::nav::{self, Place};
use super::search::{Search, haystacks, hits};
use super::sections::{Section, SectionId, build};
use super::sentences::sentence;
use super::tree::{Leaf, concerns, get, get_mut, leaves, same, show};
use crate::domain::money::Money;
use crate::domain::policy::Policy;
use crate::domain::policy_load::with_schema;
use crate::domain::policy_names::label_of;
use crate::tui::kit::line_edit::LineEdit;

/// A value as a person reads it: a choice's label, yes or no, an amount with its thousands.
fn readable(path: &str, value: Option<&Value>) -> String {
    let amount = label_of(path).is_some_and(|l| l.unit == "€");
    match value {
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::String(s)) if amount => {
            s.parse::<Decimal>().map_or_else(|_| s.clone(), |d| Money::new(d).grouped())
        }
        Some(Value::String(s)) => label(path, s),
        other => show(other),
    }
}

#[derive(Debug, Clone)]
pub struct PolicyEditor {
    /// The policy being edited, as JSON.
    pub json: Value,
    /// The shipped defaults, to mark what differs.
    defaults: Value,
    /// The policy in force when the editor opened, to tell whether anything changed.
    original: Value,
    pub leaves: Vec<Leaf>,
    pub sections: Vec<Section>,
    places: Vec<Place>,
    /// The leaves in the order the sections show them, for searches.
    order: Vec<usize>,
    haystacks: Vec<String>,
    /// The focused leaf.
    pub focus: usize,
    /// The focus each section had when it was left, by section.
    memory: Vec<usize>,
    pub typing: Option<LineEdit>,
    pub search: Option<Search>,
    /// Problems of the edited policy: (field path, message).
    pub issues: Vec<(String, String)>,
    /// Why the last typed value was refused.
    pub error: Option<String>,
}

impl PolicyEditor {
    pub fn open(policy: &Policy) -> PolicyEditor {
        let json = serde_json::to_value(policy).unwrap_or(Value::Null);
        let mut editor = PolicyEditor {
            original: json.clone(),
            json,
            defaults: serde_json::to_value(Policy::default_policy()).unwrap_or(Value::Null),
            leaves: Vec::new(),
            sections: Vec::new(),
            places: Vec::new(),
            order: Vec::new(),
            haystacks: Vec::new(),
            focus: 0,
            memory: Vec::new(),
            typing: None,
            search: None,
            issues: Vec::new(),
            error: None,
        };
        editor.rebuild(None);
        editor
    }

    /// Lays the values out again after the tree changed shape (a curve's point added or
    /// removed, the defaults put back), the focus on `focus` (a path) or the first value.
    pub(super) fn rebuild(&mut self, focus: Option<&str>) {
        self.leaves = leaves(&self.json);
        self.sections = build(&self.json, &self.leaves);
        self.places = nav::places(&self.sections, self.leaves.len());
        self.memory =
            (0..self.sections.len()).map(|s| nav::first_of(&self.sections, s).unwrap_or(0)).collect();
        self.order = self
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .flat_map(|b| &b.rows)
            .flat_map(|r| r.cells.iter().flatten().copied())
            .collect();
        self.haystacks = haystacks(&self.sections, &self.leaves);
        let at = focus.and_then(|p| self.leaves.iter().position(|l| l.path == p));
        self.focus_on(at.or(self.memory.first().copied()).unwrap_or(0));
        self.validate();
    }

    pub fn leaf(&self) -> Option<&Leaf> {
        self.leaves.get(self.focus)
    }

    /// Where the focused value is shown.
    pub fn place(&self) -> Place {
        self.places.get(self.focus).copied().unwrap_or_default()
    }

    pub fn section(&self) -> Option<&Section> {
        self.sections.get(self.place().section)
    }

    pub fn section_id(&self) -> Option<SectionId> {
        self.section().map(|s| s.id)
    }

    /// The value as the file holds it: `cash_on_delivery`, `65`.
    pub fn value(&self, leaf: &Leaf) -> String {
        show(get(&self.json, &leaf.keys))
    }

    /// The value as a person reads it: `cash on delivery`, `yes`, `1 000 000`.
    pub fn shown(&self, leaf: &Leaf) -> String {
        readable(&leaf.path, get(&self.json, &leaf.keys))
    }

    /// Whether a value differs from the shipped default (0 and 0.0 are the same number).
    pub fn differs(&self, leaf: &Leaf) -> bool {
        match (get(&self.json, &leaf.keys), get(&self.defaults, &leaf.keys)) {
            (Some(a), Some(b)) => !same(a, b),
            (a, b) => a != b,
        }
    }

    pub fn default_value(&self, leaf: &Leaf) -> String {
        readable(&leaf.path, get(&self.defaults, &leaf.keys))
    }

    pub fn changed(&self) -> bool {
        !same(&self.json, &self.original)
    }

    /// The edited policy, when it is valid.
    pub fn policy(&self) -> Option<Policy> {
        Policy::from_value(self.json.clone()).ok()
    }

    /// The problem that concerns a value, as a sentence: its own field's, or that of the field
    /// (a curve, a group of weights) it belongs to.
    pub fn issue_for(&self, leaf: &Leaf) -> Option<String> {
        self.issues
            .iter()
            .find(|(field, _)| concerns(field, &leaf.path))
            .map(|(field, message)| sentence(field, message, &self.field_value(field)))
    }

    /// The first problem as a sentence, with the leaf it concerns.
    pub fn first_issue(&self) -> Option<(Option<usize>, String)> {
        let (field, message) = self.issues.first()?;
        let at = self.order.iter().copied().find(|&i| concerns(field, &self.leaves[i].path));
        Some((at, sentence(field, message, &self.field_value(field))))
    }

    fn field_value(&self, field: &str) -> String {
        self.leaves.iter().find(|l| l.path == field).map(|l| self.value(l)).unwrap_or_default()
    }

    /// Rechecks the whole policy as the loader does: a type error, else every broken rule and
    /// every number out of its range.
    pub fn validate(&mut self) {
        self.issues = match Policy::from_value(self.json.clone()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_iter().map(|i| (i.field, i.message)).collect(),
        };
    }

    /// Moves the focus to a leaf, remembering it for its section.
    pub fn focus_on(&mut self, leaf: usize) {
        if leaf < self.leaves.len() {
            self.focus = leaf;
            let section = self.place().section;
            if let Some(slot) = self.memory.get_mut(section) {
                *slot = leaf;
            }
        }
        self.typing = None;
    }

    fn go(&mut self, target: Option<usize>) -> bool {
        match target {
            Some(leaf) => {
                self.focus_on(leaf);
                true
            }
            None => false,
        }
    }

    pub fn move_rows(&mut self, delta: isize) -> bool {
        self.go(nav::vertical(&self.sections, self.place(), delta))
    }

    pub fn move_columns(&mut self, delta: isize) -> bool {
        self.go(nav::horizontal(&self.sections, self.place(), delta))
    }

    pub fn to_end(&mut self, last: bool) -> bool {
        self.go(nav::end(&self.sections, self.place(), last))
    }

    /// The next (or previous) term of the matrix, or curve: same cell, other page.
    pub fn turn_page(&mut self, forward: bool) -> bool {
        self.go(nav::page(&self.sections, self.place(), forward))
    }

    /// The next (or previous) section, where it was left; wraps round.
    pub fn jump_section(&mut self, forward: bool) {
        let n = self.sections.len().max(1);
        let now = self.place().section;
        let next = if forward { (now + 1) % n } else { (now + n - 1) % n };
        if let Some(&leaf) = self.memory.get(next) {
            self.focus_on(leaf);
        }
    }

    /// Whether the focus is in a table or a grid, where ←/→ move between cells.
    pub fn in_grid(&self) -> bool {
        let p = self.place();
        self.section().and_then(|s| s.blocks.get(p.block)).is_some_and(|b| b.is_table())
    }

    pub fn start_search(&mut self) {
        self.search = Some(Search { line: LineEdit::new(""), origin: self.focus, hits: Vec::new(), at: 0 });
        self.typing = None;
    }

    /// After the search text changed: the focus on the first hit, or back where it began.
    pub fn research(&mut self) {
        let Some(search) = &mut self.search else { return };
        search.hits = hits(&self.haystacks, &self.order, search.line.text());
        search.at = 0;
        let target = search.hits.first().copied().unwrap_or(search.origin);
        let kept = self.search.take();
        self.focus_on(target);
        self.search = kept;
    }

    /// The next (or previous) hit of the search.
    pub fn next_hit(&mut self, forward: bool) -> bool {
        let Some(search) = &mut self.search else { return false };
        let n = search.hits.len();
        if n == 0 {
            return false;
        }
        search.at = if forward { (search.at + 1) % n } else { (search.at + n - 1) % n };
        let target = search.hits[search.at];
        let kept = self.search.take();
        self.focus_on(target);
        self.search = kept;
        true
    }

    /// Ends the search: keeping the focus where it went, or back where it was.
    pub fn end_search(&mut self, keep: bool) {
        if let Some(search) = self.search.take()
            && !keep
        {
            self.focus_on(search.origin);
        }
    }

    /// Puts a typed value in the focused line, keeping its JSON type: numbers stay numbers,
    /// text (amounts and percentages are decimal strings) stays text.
    pub fn apply_typed(&mut self) {
        let Some(line) = self.typing.take() else { return };
        let Some(leaf) = self.leaf().cloned() else { return };
        let text = line.text().trim().to_string();
        let Some(slot) = get_mut(&mut self.json, &leaf.keys) else { return };
        let new = match slot {
            Value::Number(_) => match text.replace(',', ".").parse::<f64>() {
                Ok(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::from(n as i64),
                Ok(n) => serde_json::Number::from_f64(n).map(Value::Number).unwrap_or(Value::Null),
                Err(_) => {
                    self.error = Some(format!("'{text}' is not a number"));
                    return;
                }
            },
            Value::Bool(_) => Value::Bool(matches!(text.as_str(), "true" | "yes" | "1")),
            // A decimal comma in an amount or a percentage; other text (a law) as typed.
            _ => match text.replace(',', ".") {
                decimal if decimal.parse::<f64>().is_ok() => Value::String(decimal),
                _ => Value::String(text),
            },
        };
        *slot = new;
        self.error = None;
        self.validate();
    }

    /// For a choice (or a yes/no), the next (or previous) value; false for other values.
    pub fn cycle(&mut self, forward: bool) -> bool {
        let Some(leaf) = self.leaf().cloned() else { return false };
        let options = choices(&leaf.path);
        let Some(slot) = get_mut(&mut self.json, &leaf.keys) else { return false };
        if let Value::Bool(b) = slot {
            *b = !*b;
        } else if options.is_empty() {
            return false;
        } else {
            let current = show(Some(slot));
            let i = options.iter().position(|(k, _)| *k == current).unwrap_or(0);
            let n = options.len();
            *slot = Value::String(options[if forward { (i + 1) % n } else { (i + n - 1) % n }].0.to_string());
        }
        self.validate();
        true
    }

    /// Whether the focused value is a choice (or a yes/no).
    pub fn is_choice(&self) -> bool {
        self.leaf().is_some_and(|l| {
            !choices(&l.path).is_empty() || matches!(get(&self.json, &l.keys), Some(Value::Bool(_)))
        })
    }

    /// Back to the shipped defaults (unsaved until saved).
    pub fn reset(&mut self) {
        self.json = self.defaults.clone();
        self.error = None;
        let focus = self.leaf().map(|l| l.path.clone());
        self.rebuild(focus.as_deref());
    }

    /// The sum of the component weights, shown beside them.
    pub fn weights_sum(&self) -> f64 {
        self.json
            .pointer("/scorecard/weights")
            .and_then(Value::as_object)
            .map_or(0.0, |m| m.values().filter_map(Value::as_f64).sum())
    }

    /// The policy file's text to save, in the current schema.
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(&with_schema(&self.json)).unwrap_or_default() + "\n"
    }

    /// A number of the policy, for the chart: the leaf's value as a float.
    pub fn number(&self, leaf: usize) -> Option<f64> {
        let value = get(&self.json, &self.leaves.get(leaf)?.keys)?;
        value.as_f64().or_else(|| value.as_str()?.parse().ok())
    }
}
