//! A scoring curve's points added and removed: a new point halfway between the focused point
//! and the next (so the curve keeps its shape and its direction), a point removed while at
//! least two are left.

use serde_json::Value;

use super::state::PolicyEditor;
use super::tree::{PathStep, get_mut};

impl PolicyEditor {
    /// The focused curve point: the keys of its curve and the point's index.
    fn point(&self) -> Option<(Vec<PathStep>, usize)> {
        let leaf = self.leaf()?;
        let n = leaf.keys.len();
        match leaf.keys.get(n.checked_sub(3)?..)? {
            [PathStep::Field(curve), PathStep::Index(i), PathStep::Index(_)] if curve == "curve" => {
                Some((leaf.keys[..n - 2].to_vec(), *i))
            }
            _ => None,
        }
    }

    /// Adds a point halfway to the next one (before the last, from the last); focuses its input.
    pub fn add_point(&mut self) -> Result<(), &'static str> {
        let (keys, i) = self.point().ok_or("Points are added on a curve (the Curves section)")?;
        let curve = get_mut(&mut self.json, &keys).and_then(Value::as_array_mut).ok_or("not a curve")?;
        let (a, b) = if i + 1 < curve.len() { (i, i + 1) } else { (i.saturating_sub(1), i) };
        let coordinate = |p: &Value, k: usize| p.get(k).and_then(Value::as_f64);
        let (Some(pa), Some(pb)) = (curve.get(a), curve.get(b)) else {
            return Err("a curve needs two points");
        };
        let half = |k: usize| -> Option<Value> {
            let mid = (coordinate(pa, k)? + coordinate(pb, k)?) / 2.0;
            serde_json::Number::from_f64((mid * 1e6).round() / 1e6).map(Value::Number)
        };
        let point = Value::Array(vec![half(0).ok_or("not a number")?, half(1).ok_or("not a number")?]);
        curve.insert(b, point);
        let path = self.leaf().map(|l| l.path.clone()).unwrap_or_default();
        let base = path.split_once('[').map_or(path.as_str(), |(base, _)| base).to_string();
        self.rebuild(Some(&format!("{base}[{b}][0]")));
        Ok(())
    }

    /// Removes the focused point, if the curve keeps at least two.
    pub fn remove_point(&mut self) -> Result<(), &'static str> {
        let (keys, i) = self.point().ok_or("Points are removed on a curve (the Curves section)")?;
        let curve = get_mut(&mut self.json, &keys).and_then(Value::as_array_mut).ok_or("not a curve")?;
        if curve.len() <= 2 {
            return Err("A curve keeps at least two points");
        }
        curve.remove(i);
        let next = i.min(curve.len() - 1);
        let path = self.leaf().map(|l| l.path.clone()).unwrap_or_default();
        let base = path.split_once('[').map_or(path.as_str(), |(base, _)| base).to_string();
        self.rebuild(Some(&format!("{base}[{next}][0]")));
        Ok(())
    }
}
