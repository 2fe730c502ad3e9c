//! Reading a policy file: its schema version, the migration of older files, and validation.
//!
//! A policy file says `"schema": 3`; a file without it is version 1 (written before versions
//! existed). Every version is read the same way: the user's JSON is laid over the shipped
//! defaults, key by key, so that a field the file lacks (one added after it was written) takes
//! its shipped default, while a key the policy does not know (a typo) is still refused with
//! its JSON path. A file of a newer schema than this build knows is refused, never rewritten.
//! A change to the format that the overlay cannot express (a renamed or moved field) bumps
//! `POLICY_SCHEMA` and adds its step to `migrate`:
//!
//! - 2 → 3 (issue 11): the review interval moved from each terms cell to its band, and tax and
//!   social-security debt are scored by their share of revenue (`*_debt_of_revenue`) instead of
//!   in euros. A band takes the most frequent review its cells asked for, or the shipped
//!   band's if that is more frequent; the debts keep their weight, and take the shipped curves
//!   (a curve in euros has no meaning as a share of revenue).

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::policy::{DEFAULT_POLICY_JSON, Policy, PolicyIssue};

/// The policy schema this build reads and writes.
pub const POLICY_SCHEMA: u32 = 3;

/// The shipped defaults as JSON, without their schema key: what a user's file is laid over.
static DEFAULTS: LazyLock<Value> = LazyLock::new(|| {
    let mut value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("schema");
    }
    value
});

static DEFAULT_POLICY: LazyLock<Result<Policy, String>> =
    LazyLock::new(|| Policy::from_value(DEFAULTS.clone()).map_err(|issues| first(&issues)));

fn issue(field: &str, message: impl Into<String>) -> PolicyIssue {
    PolicyIssue { field: field.into(), message: message.into() }
}

fn first(issues: &[PolicyIssue]) -> String {
    issues.first().map(ToString::to_string).unwrap_or_default()
}

impl Policy {
    /// The shipped defaults.
    pub fn default_policy() -> Policy {
        match &*DEFAULT_POLICY {
            Ok(policy) => policy.clone(),
            // The embedded file is checked by a unit test; reaching this is a build defect.
            Err(e) => unreachable!("embedded default policy is invalid: {e}"),
        }
    }

    /// Parses, migrates and validates a policy file's text; the error names the field (JSON
    /// path) and, for syntax errors and bytes after the JSON, the line and column.
    pub fn from_json(text: &str) -> Result<Policy, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Policy::from_value(value).map_err(|issues| first(&issues))
    }

    /// `from_json` on parsed JSON, with every problem found: a type error alone, or every
    /// rule `validate` finds broken. The policy editor shows these beside their lines.
    pub fn from_value(value: Value) -> Result<Policy, Vec<PolicyIssue>> {
        let value = migrate(value).map_err(|e| vec![e])?;
        let policy: Policy = serde_path_to_error::deserialize(&value).map_err(|e| {
            let path = e.path().to_string();
            let field = if path.is_empty() || path == "." { String::new() } else { path };
            vec![issue(&field, e.into_inner().to_string())]
        })?;
        let issues = policy.validate();
        if issues.is_empty() { Ok(policy) } else { Err(issues) }
    }

    /// The policy as a file's JSON, with the schema it is written in first.
    pub fn to_file_json(&self) -> Value {
        with_schema(&serde_json::to_value(self).unwrap_or(Value::Null))
    }
}

/// A policy's JSON as a file holds it: `"schema"` first, then the policy's keys.
pub fn with_schema(policy: &Value) -> Value {
    let mut map = Map::new();
    map.insert("schema".into(), Value::from(POLICY_SCHEMA));
    if let Value::Object(fields) = policy {
        map.extend(fields.iter().filter(|(k, _)| *k != "schema").map(|(k, v)| (k.clone(), v.clone())));
    }
    Value::Object(map)
}

/// The schema version a policy file's text declares, when it parses and declares one.
pub fn declared_schema(text: &str) -> Option<u32> {
    let value: Value = serde_json::from_str(text).ok()?;
    value.get("schema")?.as_u64().and_then(|n| u32::try_from(n).ok())
}

/// The file's schema version: 1 when it has none.
fn schema_of(file: &Map<String, Value>) -> Result<u32, PolicyIssue> {
    match file.get("schema") {
        None => Ok(1),
        Some(v) => {
            v.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|n| *n >= 1).ok_or_else(|| {
                issue("schema", format!("{v} is not a schema version (a whole number from 1)"))
            })
        }
    }
}

/// Brings a policy file of any known schema to the current one: the user's values laid over
/// the shipped defaults. Version 1 differs from 2 only in lacking the schema key; 2 → 3 moved
/// fields (`upgrade_from_2`).
fn migrate(file: Value) -> Result<Value, PolicyIssue> {
    let Value::Object(mut file) = file else {
        return Err(issue("", "a policy file holds one JSON object ({ … })"));
    };
    let schema = schema_of(&file)?;
    if schema > POLICY_SCHEMA {
        return Err(issue(
            "schema",
            format!(
                "{schema} is newer than this dealdesk understands ({POLICY_SCHEMA}); the file was \
                 left untouched: upgrade dealdesk to use it"
            ),
        ));
    }
    file.remove("schema");
    if schema <= 2 {
        upgrade_from_2(&mut file);
    }
    let mut merged = DEFAULTS.clone();
    overlay(&mut merged, Value::Object(file));
    Ok(merged)
}

/// Schema 2 → 3: review intervals from the cells to the bands, debt curves from euros to shares.
fn upgrade_from_2(file: &mut Map<String, Value>) {
    if let Some(Value::Object(terms)) = file.get_mut("terms") {
        let mut reviews = Vec::new();
        for (band, rule) in terms.iter_mut() {
            let Some(Value::Object(cells)) = rule.get_mut("cells") else { continue };
            let asked = cells
                .values_mut()
                .filter_map(|cell| cell.as_object_mut()?.remove("review_months")?.as_u64())
                .min();
            if let Some(asked) = asked {
                let shipped = DEFAULTS["bands"][band]["review_months"].as_u64();
                reviews.push((band.clone(), shipped.map_or(asked, |s| asked.min(s))));
            }
        }
        let bands = file.entry("bands").or_insert_with(|| Value::Object(Map::new()));
        for (band, months) in reviews {
            if let Some(bands) = bands.as_object_mut() {
                let rule = bands.entry(band).or_insert_with(|| Value::Object(Map::new()));
                if let Some(rule) = rule.as_object_mut() {
                    rule.insert("review_months".into(), Value::from(months));
                }
            }
        }
    }
    let signals = file.get_mut("scorecard").and_then(|s| s.get_mut("signals")).and_then(Value::as_object_mut);
    if let Some(signals) = signals {
        for debt in ["tax_debt", "social_debt"] {
            let weight = signals.remove(debt).and_then(|rule| rule.get("weight").cloned());
            if let Some(weight) = weight {
                let mut rule = Map::new();
                rule.insert("weight".into(), weight);
                signals.insert(format!("{debt}_of_revenue"), Value::Object(rule));
            }
        }
    }
}

/// Lays `over` onto `base`: objects merge key by key, anything else (a number, a curve's
/// points) replaces what was there.
fn overlay(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(slot) if slot.is_object() && value.is_object() => overlay(slot, value),
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_partial_file_takes_the_defaults_for_the_rest() {
        let policy = Policy::from_json(r#"{"economics": {"cost_of_capital_pct": "9"}}"#).unwrap();
        let defaults = Policy::default_policy();
        assert_eq!(policy.economics.cost_of_capital_pct.to_string(), "9");
        assert_eq!(policy.economics.max_payment_days, defaults.economics.max_payment_days);
        assert_eq!(policy.bands, defaults.bands);
    }

    #[test]
    fn a_curve_replaces_the_default_curve_whole() {
        let text = r#"{"schema": 3, "scorecard": {"payment": {"dbt_days": {"curve": [[0, 1], [60, 0]]}}}}"#;
        let policy = Policy::from_json(text).unwrap();
        assert_eq!(policy.scorecard.payment.dbt_days.curve.0, vec![[0.0, 1.0], [60.0, 0.0]]);
        assert_eq!(policy.scorecard.payment.dbt_days.weight, 60.0, "the default weight stays");
    }

    #[test]
    fn a_schema_2_file_moves_its_reviews_to_the_bands_and_keeps_its_debt_weights() {
        // Band B's cells asked for 12 and 4 months: 4, more frequent than the shipped 6.
        // Band A's asked for 24: the shipped 12 is more frequent. Band C says nothing: shipped.
        let text = r#"{"schema": 2,
            "terms": {"A": {"cells": {"key": {"payment_days": 45, "review_months": 24}}},
                      "B": {"cells": {"key": {"review_months": 12}, "core": {"review_months": 4}}}},
            "scorecard": {"signals": {"tax_debt": {"weight": 35, "curve": [[0, 1.0], [1000, 0.5]]}}}}"#;
        let policy = Policy::from_json(text).unwrap();
        let months =
            [policy.bands.a.review_months, policy.bands.b.review_months, policy.bands.c.review_months];
        assert_eq!(months, [12, 4, 3]);
        assert_eq!(policy.terms.a.cells.key.payment_days, 45, "the rest of the cell stays");
        let tax = &policy.scorecard.signals.tax_debt_of_revenue;
        assert_eq!(tax.weight, 35.0);
        assert_eq!(tax.curve, Policy::default_policy().scorecard.signals.tax_debt_of_revenue.curve);
        // The same keys in a schema-3 file are unknown, and refused.
        let err = Policy::from_json(&text.replace(r#""schema": 2"#, r#""schema": 3"#)).unwrap_err();
        assert!(err.contains("review_months") || err.contains("tax_debt"), "{err}");
    }

    #[test]
    fn newer_schemas_and_bad_versions_are_refused() {
        let err = Policy::from_json(r#"{"schema": 4}"#).unwrap_err();
        assert!(err.starts_with("schema: 4 is newer") && err.contains("untouched"), "{err}");
        for bad in [json!(0), json!("2"), json!(1.5), json!(-1)] {
            let err = Policy::from_json(&json!({ "schema": bad }).to_string()).unwrap_err();
            assert!(err.starts_with("schema:"), "{err}");
        }
        assert!(Policy::from_json("[]").unwrap_err().contains("one JSON object"));
    }

    #[test]
    fn bytes_after_the_json_are_an_error_with_their_position() {
        let err = Policy::from_json("{}\n\nx").unwrap_err();
        assert!(err.contains("trailing characters at line 3 column 1"), "{err}");
    }

    #[test]
    fn the_file_form_round_trips_with_its_schema_first() {
        let value = Policy::default_policy().to_file_json();
        assert_eq!(value.as_object().and_then(|m| m.keys().next()).map(String::as_str), Some("schema"));
        assert_eq!(Policy::from_value(value).unwrap(), Policy::default_policy());
    }
}
