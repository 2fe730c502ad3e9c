//! The policy in the sections a credit manager knows — bands, the terms matrix, segments, the
//! scorecard, its curves, economics — built by walking the policy's JSON, so that a field added
//! to the policy shows up in its section (a column of a table, a term of the matrix, a line of
//! a list) without code here. Every value lands in exactly one place: whatever no section
//! claims is listed under Economics.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::tree::Leaf;
use crate::domain::policy_names::{describe, full_name, input, label_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionId {
    Bands,
    Terms,
    Segments,
    Scoring,
    Curves,
    Economics,
}

impl SectionId {
    pub fn title(self) -> &'static str {
        match self {
            SectionId::Bands => "Bands",
            SectionId::Terms => "Terms matrix",
            SectionId::Segments => "Segments",
            SectionId::Scoring => "Scoring",
            SectionId::Curves => "Curves",
            SectionId::Economics => "Economics",
        }
    }
}

/// A table (columns named) or a list (one value a row, no column names).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub title: String,
    /// What the rows are, over their labels: "band", "segment".
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// A row's label and its cells, each the index of a leaf (none where a row lacks a column).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub cells: Vec<Option<usize>>,
}

/// A section's blocks; a paged section (the terms, the curves) shows one block at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: SectionId,
    pub blocks: Vec<Block>,
    pub paged: bool,
}

impl Block {
    pub fn is_table(&self) -> bool {
        !self.columns.is_empty()
    }
}

/// Builds the sections over a policy's JSON and its leaves (in `tree::leaves` order).
pub fn build(json: &Value, leaves: &[Leaf]) -> Vec<Section> {
    let mut b = Builder {
        index: leaves.iter().enumerate().map(|(i, l)| (l.path.clone(), i)).collect(),
        claimed: vec![false; leaves.len()],
        leaves,
    };
    let bands = b.bands(json);
    let terms = b.terms(json);
    let segments = b.segments(json);
    let curves = b.curves();
    let scoring = b.scoring(json);
    let economics = b.rest();
    [
        (SectionId::Bands, bands, false),
        (SectionId::Terms, terms, true),
        (SectionId::Segments, segments, false),
        (SectionId::Scoring, scoring, false),
        (SectionId::Curves, curves, true),
        (SectionId::Economics, economics, false),
    ]
    .into_iter()
    .map(|(id, blocks, paged)| Section {
        id,
        blocks: blocks.into_iter().filter(|b| !b.rows.is_empty()).collect(),
        paged,
    })
    .filter(|s| !s.blocks.is_empty())
    .collect()
}

/// A column heading: the label's name, with its unit when that is short.
pub fn heading(path: &str) -> String {
    match label_of(path) {
        Some(l) if matches!(l.unit, "%" | "€" | "days" | "months") => format!("{} ({})", l.name, l.unit),
        Some(l) => l.name.to_string(),
        None => path.rsplit('.').next().unwrap_or(path).replace('_', " "),
    }
}

fn object<'a>(json: &'a Value, pointer: &str) -> Option<&'a Map<String, Value>> {
    json.pointer(pointer).and_then(Value::as_object)
}

/// The keys of an object whose values are scalars, over all of `rows` in order.
fn scalar_keys<'a>(rows: impl Iterator<Item = &'a Value>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for row in rows.filter_map(Value::as_object) {
        for (k, v) in row {
            if !v.is_object() && !v.is_array() && !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys
}

struct Builder<'a> {
    leaves: &'a [Leaf],
    index: HashMap<String, usize>,
    claimed: Vec<bool>,
}

impl Builder<'_> {
    fn take(&mut self, path: &str) -> Option<usize> {
        let i = *self.index.get(path)?;
        if self.claimed[i] {
            return None;
        }
        self.claimed[i] = true;
        Some(i)
    }

    /// A table of `pointer`'s children (rows) and their scalars (columns), with more columns
    /// from `extra` (another object keyed by the same rows).
    fn table(&mut self, json: &Value, title: &str, top: &str, extra: Option<&str>) -> Block {
        let Some(rows) = object(json, &format!("/{top}")) else { return list(title, Vec::new()) };
        let mut columns: Vec<(String, String)> =
            scalar_keys(rows.values()).into_iter().map(|k| (top.to_string(), k)).collect();
        if let Some(extra) = extra.and_then(|e| Some((e, object(json, &format!("/{e}"))?))) {
            columns.extend(scalar_keys(extra.1.values()).into_iter().map(|k| (extra.0.to_string(), k)));
        }
        let mut block = Block {
            title: title.to_string(),
            // "bands" → "band": what each row is.
            corner: top.trim_end_matches('s').to_string(),
            columns: columns
                .iter()
                .map(|(t, c)| heading(&format!("{t}.{}.{c}", rows.keys().next().map_or("", |k| k))))
                .collect(),
            rows: Vec::new(),
        };
        for key in rows.keys() {
            let cells = columns.iter().map(|(t, c)| self.take(&format!("{t}.{key}.{c}"))).collect();
            block.rows.push(Row { label: short(key), cells });
        }
        block
    }

    /// A list of every unclaimed leaf whose path starts with `prefix`.
    fn list_under(&mut self, title: &str, prefix: &str) -> Block {
        let paths: Vec<String> = self
            .leaves
            .iter()
            .map(|l| l.path.clone())
            .filter(|p| p.starts_with(prefix) && !p.contains('['))
            .collect();
        let rows = paths
            .iter()
            .filter_map(|p| Some(Row { label: row_label(p), cells: vec![Some(self.take(p)?)] }))
            .collect();
        list(title, rows)
    }

    fn bands(&mut self, json: &Value) -> Vec<Block> {
        let table = self.table(json, "Bands", "bands", Some("terms"));
        let rest = self.list_under("More about the bands", "bands.");
        let scale = self.list_under("Master scale: score to probability of default", "pd_scale.");
        vec![table, rest, scale]
    }

    /// One page per term of a cell: bands down, segments across.
    fn terms(&mut self, json: &Value) -> Vec<Block> {
        let Some(bands) = object(json, "/terms") else { return Vec::new() };
        let segments: Vec<String> = bands
            .values()
            .filter_map(|b| b.get("cells").and_then(Value::as_object))
            .flat_map(|cells| cells.keys().cloned())
            .fold(Vec::new(), |mut all, k| {
                if !all.contains(&k) {
                    all.push(k);
                }
                all
            });
        let cells =
            bands.values().filter_map(|b| b.get("cells").and_then(Value::as_object)).flat_map(|c| c.values());
        let terms = scalar_keys(cells);
        terms
            .iter()
            .map(|term| {
                let rows = bands
                    .keys()
                    .map(|band| Row {
                        label: short(band),
                        cells: segments
                            .iter()
                            .map(|s| self.take(&format!("terms.{band}.cells.{s}.{term}")))
                            .collect(),
                    })
                    .collect();
                let sample = format!("terms.*.cells.*.{term}");
                let columns = segments.iter().map(|s| short(s)).collect();
                Block { title: heading(&sample), corner: "band".into(), columns, rows }
            })
            .collect()
    }

    fn segments(&mut self, json: &Value) -> Vec<Block> {
        let segments = self.table(json, "Segments", "segments", None);
        let channels = self.table(json, "Channels", "channels", None);
        let more_segments = self.list_under("More about the segments", "segments.");
        let more_channels = self.list_under("More about the channels", "channels.");
        vec![segments, channels, more_segments, more_channels]
    }

    /// One page per curve of the scorecard: its points, input and health.
    fn curves(&mut self) -> Vec<Block> {
        let mut curves: Vec<String> = Vec::new();
        for leaf in self.leaves.iter().filter(|l| l.path.starts_with("scorecard.")) {
            if let Some((base, _)) = leaf.path.split_once('[')
                && base.ends_with(".curve")
                && !curves.iter().any(|c| c == base)
            {
                curves.push(base.to_string());
            }
        }
        curves
            .iter()
            .map(|curve| {
                let input_key = curve.trim_end_matches(".curve").rsplit('.').next().unwrap_or_default();
                let unit = input(input_key).map_or("", |(_, unit)| unit);
                let mut rows = Vec::new();
                for point in 0.. {
                    let x = self.take(&format!("{curve}[{point}][0]"));
                    let y = self.take(&format!("{curve}[{point}][1]"));
                    if x.is_none() && y.is_none() {
                        break;
                    }
                    rows.push(Row { label: format!("point {}", point + 1), cells: vec![x, y] });
                }
                let input_heading = if unit.is_empty() { "input" } else { unit };
                let columns = vec![input_heading.to_string(), "health".into()];
                Block { title: full_name(curve), corner: String::new(), columns, rows }
            })
            .collect()
    }

    /// The scorecard's other values, a list per component: weights, cautious values, caps…
    fn scoring(&mut self, json: &Value) -> Vec<Block> {
        let Some(scorecard) = object(json, "/scorecard") else { return Vec::new() };
        let mut blocks = vec![self.list_under("Component weights", "scorecard.weights.")];
        let general: Vec<String> =
            scorecard.iter().filter(|(_, v)| !v.is_object()).map(|(k, _)| format!("scorecard.{k}")).collect();
        let rows = general
            .iter()
            .filter_map(|p| Some(Row { label: row_label(p), cells: vec![Some(self.take(p)?)] }))
            .collect();
        blocks.push(list("Coverage", rows));
        for (key, _) in scorecard.iter().filter(|(k, v)| v.is_object() && *k != "weights") {
            let title = capitalised(&describe(key));
            blocks.push(self.list_under(&title, &format!("scorecard.{key}.")));
        }
        blocks
    }

    /// Everything no other section took, a list per top-level key.
    fn rest(&mut self) -> Vec<Block> {
        let mut tops: Vec<String> = Vec::new();
        for (i, leaf) in self.leaves.iter().enumerate() {
            let top = leaf.path.split(['.', '[']).next().unwrap_or_default().to_string();
            if !self.claimed[i] && !tops.contains(&top) {
                tops.push(top);
            }
        }
        tops.iter()
            .map(|top| {
                let title = match top.as_str() {
                    "lgd_pct" => "Loss given default".to_string(),
                    "security_cost_pct" => "Cost of security".to_string(),
                    other => capitalised(&describe(other)),
                };
                let paths: Vec<String> = self
                    .leaves
                    .iter()
                    .map(|l| l.path.clone())
                    .filter(|p| p.split(['.', '[']).next() == Some(top.as_str()))
                    .collect();
                let rows = paths
                    .iter()
                    .filter_map(|p| Some(Row { label: row_label(p), cells: vec![Some(self.take(p)?)] }))
                    .collect();
                list(&title, rows)
            })
            .collect()
    }
}

fn list(title: &str, rows: Vec<Row>) -> Block {
    Block { title: title.to_string(), corner: String::new(), columns: Vec::new(), rows }
}

/// A row's key in a table whose corner says what it is: "C", not "band C".
fn short(key: &str) -> String {
    let words = describe(key);
    words.strip_prefix("band ").or_else(|| words.strip_prefix("segment ")).unwrap_or(&words).to_string()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A list line's label: what the value is; for a value per key of a list the block names
/// (`lgd_pct.*` under "Loss given default", the component weights), the key alone.
fn row_label(path: &str) -> String {
    match label_of(path) {
        Some(l)
            if l.path.ends_with(".*")
                && (l.path.matches('.').count() == 1 || l.path == "scorecard.weights.*") =>
        {
            describe(path.rsplit('.').next().unwrap_or(path))
        }
        _ => full_name(path),
    }
}
