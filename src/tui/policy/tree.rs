//! The policy as a tree of JSON values: every scalar is a leaf with its path, read and written
//! in place, so that the editor follows whatever fields the policy has.

use serde_json::Value;

/// One editable value: its JSON path and where it sits in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    /// Dotted path with indices, as validation errors name fields: `bands.B.min_score`,
    /// `scorecard.payment.dbt_days.curve[2][1]`.
    pub path: String,
    /// The same path as keys, to read and write the JSON.
    pub keys: Vec<PathStep>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PathStep {
    Field(String),
    Index(usize),
}

/// Every scalar of `value`, in the order of the JSON.
pub fn leaves(value: &Value) -> Vec<Leaf> {
    let mut out = Vec::new();
    collect(value, &mut Vec::new(), "", &mut out);
    out
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

pub fn get<'a>(value: &'a Value, keys: &[PathStep]) -> Option<&'a Value> {
    keys.iter().try_fold(value, |v, k| match k {
        PathStep::Field(name) => v.get(name),
        PathStep::Index(i) => v.get(i),
    })
}

pub fn get_mut<'a>(value: &'a mut Value, keys: &[PathStep]) -> Option<&'a mut Value> {
    keys.iter().try_fold(value, |v, k| match k {
        PathStep::Field(name) => v.get_mut(name),
        PathStep::Index(i) => v.get_mut(i),
    })
}

/// A JSON leaf as the editor shows it: strings without quotes, whole numbers without `.0`.
pub fn show(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15) => {
            format!("{:.0}", n.as_f64().unwrap_or_default())
        }
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The same value however it is written: `35` and `35.0`, `"1"` and `"1.0"`.
pub fn same(a: &Value, b: &Value) -> bool {
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

/// Whether a problem about `field` concerns the value at `path`: the field itself, or a value
/// inside it (a curve's points, a group of weights).
pub fn concerns(field: &str, path: &str) -> bool {
    path == field
        || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}
