//! The policy editor's state: every value of the policy as one editable line, found by walking
//! the policy's JSON, so that every setting — weights, curve points, bands, segments, the terms
//! matrix, LGDs, caps, cost of capital — is editable without a screen per section. Each edit is
//! validated by the same code that loads a policy file, and its errors stand by their lines.

use serde_json::Value;

use crate::domain::policy::Policy;
use crate::domain::policy_load::with_schema;
use crate::tui::kit::line_edit::LineEdit;

/// One editable value: its JSON path and where it sits in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    /// Dotted path with indices, as validation errors name fields: `bands.B.min_score`,
    /// `scorecard.payment.dbt_days.curve[2][1]`.
    pub path: String,
    /// The same path as keys, to read and write the JSON.
    keys: Vec<PathStep>,
}

#[derive(Debug, Clone, PartialEq)]
enum PathStep {
    Field(String),
    Index(usize),
}

/// Whether a problem about `field` concerns the line at `path`: the field itself, or a value
/// inside it (a curve's points, a group of weights).
pub fn concerns(field: &str, path: &str) -> bool {
    path == field
        || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The same value however it is written: `35` and `35.0`, `"1"` and `"1.0"`.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(x), Value::String(y)) => {
            x == y || matches!((x.parse::<f64>(), y.parse::<f64>()), (Ok(p), Ok(q)) if p == q)
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The values a text field may take, for fields that are a choice.
pub fn choices(path: &str) -> &'static [&'static str] {
    let last = path.rsplit('.').next().unwrap_or(path);
    match last {
        "delivery" => &["standard", "partial", "cash_on_delivery", "after_payment"],
        "security" => {
            &["none", "retention_of_title", "credit_insurance", "bank_guarantee", "letter_of_credit"]
        }
        "channel" => &["key_account", "direct", "inside_sales", "partner", "wholesaler"],
        "best_band" | "insufficient_data_band" => &["A", "B", "C", "D", "E"],
        _ => &[],
    }
}

fn collect(value: &Value, keys: &mut Vec<PathStep>, path: &str, out: &mut Vec<Leaf>) {
    match value {
        Value::Object(map) => {
            for (name, child) in map {
                keys.push(PathStep::Field(name.clone()));
                let child_path = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                collect(child, keys, &child_path, out);
                keys.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                keys.push(PathStep::Index(i));
                collect(child, keys, &format!("{path}[{i}]"), out);
                keys.pop();
            }
        }
        _ => out.push(Leaf { path: path.to_string(), keys: keys.clone() }),
    }
}

fn get<'a>(value: &'a Value, keys: &[PathStep]) -> Option<&'a Value> {
    keys.iter().try_fold(value, |v, k| match k {
        PathStep::Field(name) => v.get(name),
        PathStep::Index(i) => v.get(i),
    })
}

fn get_mut<'a>(value: &'a mut Value, keys: &[PathStep]) -> Option<&'a mut Value> {
    keys.iter().try_fold(value, |v, k| match k {
        PathStep::Field(name) => v.get_mut(name),
        PathStep::Index(i) => v.get_mut(i),
    })
}

/// A JSON leaf as the editor shows it: strings without quotes.
fn show(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            format!("{:.0}", n.as_f64().unwrap_or_default())
        }
        Some(other) => other.to_string(),
        None => String::new(),
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
    pub focus: usize,
    pub typing: Option<LineEdit>,
    /// Problems of the edited policy: (field path, message).
    pub issues: Vec<(String, String)>,
    /// Why the last typed value was refused.
    pub error: Option<String>,
}

impl PolicyEditor {
    pub fn open(policy: &Policy) -> PolicyEditor {
        let json = serde_json::to_value(policy).unwrap_or(Value::Null);
        let defaults = serde_json::to_value(Policy::default_policy()).unwrap_or(Value::Null);
        let mut leaves = Vec::new();
        collect(&json, &mut Vec::new(), "", &mut leaves);
        let mut editor = PolicyEditor {
            original: json.clone(),
            json,
            defaults,
            leaves,
            focus: 0,
            typing: None,
            issues: Vec::new(),
            error: None,
        };
        editor.validate();
        editor
    }

    pub fn leaf(&self) -> Option<&Leaf> {
        self.leaves.get(self.focus)
    }

    pub fn value(&self, leaf: &Leaf) -> String {
        show(get(&self.json, &leaf.keys))
    }

    /// Whether a value differs from the shipped default (0 and 0.0 are the same number).
    pub fn differs(&self, leaf: &Leaf) -> bool {
        match (get(&self.json, &leaf.keys), get(&self.defaults, &leaf.keys)) {
            (Some(a), Some(b)) => !same(a, b),
            (a, b) => a != b,
        }
    }

    pub fn default_value(&self, leaf: &Leaf) -> String {
        show(get(&self.defaults, &leaf.keys))
    }

    pub fn changed(&self) -> bool {
        !same(&self.json, &self.original)
    }

    /// The edited policy, when it is valid.
    pub fn policy(&self) -> Option<Policy> {
        Policy::from_value(self.json.clone()).ok()
    }

    /// The issue that concerns a line: its own field, or the field (a curve, a weight group)
    /// it belongs to.
    pub fn issue_for(&self, leaf: &Leaf) -> Option<&str> {
        self.issues.iter().find(|(field, _)| concerns(field, &leaf.path)).map(|(_, message)| message.as_str())
    }

    /// Rechecks the whole policy as the loader does: a type error, else every broken rule and
    /// every number out of its range.
    pub fn validate(&mut self) {
        self.issues = match Policy::from_value(self.json.clone()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_iter().map(|i| (i.field, i.message)).collect(),
        };
    }

    pub fn move_focus(&mut self, delta: isize) {
        let n = self.leaves.len().max(1) as isize;
        self.focus = (self.focus as isize + delta).clamp(0, n - 1) as usize;
        self.typing = None;
    }

    /// Jumps to the first line of the next (or previous) top-level section.
    pub fn jump_section(&mut self, forward: bool) {
        let section =
            |i: usize| self.leaves.get(i).map(|l| l.path.split(['.', '[']).next().unwrap_or("").to_string());
        let current = section(self.focus);
        let range: Box<dyn Iterator<Item = usize>> = if forward {
            Box::new(self.focus + 1..self.leaves.len())
        } else {
            Box::new((0..self.focus).rev())
        };
        // The nearest line of another section: the next section's first line, or the previous
        // section's last, from which the loop below walks back to its first.
        let target = range.into_iter().find(|&i| section(i) != current);
        if let Some(mut i) = target {
            if !forward {
                let s = section(i);
                while i > 0 && section(i - 1) == s {
                    i -= 1;
                }
            }
            self.focus = i;
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
            _ => Value::String(text.replace(',', ".")),
        };
        *slot = new;
        self.error = None;
        self.validate();
    }

    /// For a choice, the next (or previous) value; returns false for other lines.
    pub fn cycle(&mut self, forward: bool) -> bool {
        let Some(leaf) = self.leaf().cloned() else { return false };
        let options = choices(&leaf.path);
        if options.is_empty() {
            return false;
        }
        let current = self.value(&leaf);
        let i = options.iter().position(|o| *o == current).unwrap_or(0);
        let n = options.len();
        let next = options[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        if let Some(slot) = get_mut(&mut self.json, &leaf.keys) {
            *slot = Value::String(next.to_string());
        }
        self.validate();
        true
    }

    /// Back to the shipped defaults (unsaved until saved).
    pub fn reset(&mut self) {
        self.json = self.defaults.clone();
        self.typing = None;
        self.error = None;
        self.validate();
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf_at(e: &mut PolicyEditor, path: &str) {
        e.focus = e.leaves.iter().position(|l| l.path == path).unwrap();
    }

    #[test]
    fn every_value_is_a_line_and_defaults_are_unmarked() {
        let e = PolicyEditor::open(&Policy::default_policy());
        assert!(e.leaves.len() > 150, "{}", e.leaves.len());
        assert!(e.leaves.iter().any(|l| l.path == "scorecard.payment.dbt_days.curve[2][1]"));
        assert!(e.leaves.iter().any(|l| l.path == "terms.C.cells.core.security"));
        assert!(e.leaves.iter().all(|l| !e.differs(l)));
        assert!(e.issues.is_empty());
        assert_eq!(e.weights_sum(), 100.0);
    }

    #[test]
    fn an_edit_is_validated_where_it_was_made() {
        let mut e = PolicyEditor::open(&Policy::default_policy());
        leaf_at(&mut e, "bands.C.min_score");
        e.typing = Some(LineEdit::new("70"));
        e.apply_typed();
        let leaf = e.leaf().unwrap().clone();
        assert!(e.differs(&leaf));
        assert!(e.issue_for(&leaf).unwrap().contains("below band B"), "{:?}", e.issues);
        assert!(e.policy().is_none());
        e.typing = Some(LineEdit::new("45"));
        e.apply_typed();
        assert!(e.issues.is_empty());
        assert_eq!(e.policy().unwrap().bands.c.min_score, 45.0);
    }

    #[test]
    fn percentages_stay_text_and_bad_numbers_are_refused() {
        let mut e = PolicyEditor::open(&Policy::default_policy());
        leaf_at(&mut e, "bands.B.pd_pct");
        e.typing = Some(LineEdit::new("1,5"));
        e.apply_typed();
        assert_eq!(e.value(&e.leaf().unwrap().clone()), "1.5");
        leaf_at(&mut e, "bands.B.min_score");
        e.typing = Some(LineEdit::new("abc"));
        e.apply_typed();
        assert!(e.error.is_some());
        leaf_at(&mut e, "lgd_pct.none");
        e.typing = Some(LineEdit::new("120"));
        e.apply_typed();
        let leaf = e.leaf().unwrap().clone();
        assert!(e.issue_for(&leaf).unwrap().contains("between 0 and 100"), "{:?}", e.issues);
    }

    #[test]
    fn curve_rules_mark_their_points_and_choices_cycle() {
        let mut e = PolicyEditor::open(&Policy::default_policy());
        leaf_at(&mut e, "scorecard.payment.dbt_days.curve[1][1]");
        e.typing = Some(LineEdit::new("1.5"));
        e.apply_typed();
        let point = e.leaf().unwrap().clone();
        assert!(e.issue_for(&point).is_some(), "{:?}", e.issues);
        leaf_at(&mut e, "terms.A.cells.core.security");
        assert!(e.cycle(true));
        assert_eq!(e.value(&e.leaf().unwrap().clone()), "retention_of_title");
        e.reset();
        assert!(e.leaves.iter().all(|l| !e.differs(l)));
    }
}
