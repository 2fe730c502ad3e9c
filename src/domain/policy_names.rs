//! Policy values in words, from the label table (`policy_labels`): the label of a path, a key
//! of the policy as a person says it ("band C", "inside sales"), and a value's full name as a
//! sentence uses it ("minimum score of band C").

use super::policy_labels::{INPUTS, LABELS, Label};
use super::policy_labels_deal::DEAL_LABELS;
use super::policy_ranges::matches;
use super::vocabulary::{Band, Channel, Security, Segment};

/// The first label whose pattern matches `path`; a curve's point is labelled by its curve.
pub fn label_of(path: &str) -> Option<&'static Label> {
    let base = path.split_once('[').map_or(path, |(base, _)| base);
    LABELS.iter().chain(DEAL_LABELS).find(|l| matches(l.path, base))
}

/// The name and the unit of a scorecard input.
pub fn input(key: &str) -> Option<(&'static str, &'static str)> {
    INPUTS.iter().find(|(k, _, _)| *k == key).map(|(_, name, unit)| (*name, *unit))
}

/// A key of the policy in words: `C` → "band C", `inside_sales` → "inside sales".
pub fn describe(key: &str) -> String {
    use strum::VariantArray;
    if let Some(b) = Band::VARIANTS.iter().find(|b| b.key() == key) {
        return format!("band {b}");
    }
    if let Some(s) = Segment::VARIANTS.iter().find(|s| s.key() == key) {
        return format!("segment {}", s.label().to_lowercase());
    }
    if let Some(c) = Channel::VARIANTS.iter().find(|c| c.key() == key) {
        return c.label().to_string();
    }
    let security: Option<&Security> = Security::VARIANTS.iter().find(|s| <&str>::from(**s) == key);
    if let Some(s) = security {
        return s.label().to_string();
    }
    let country = match key {
        "BE" => "Belgium",
        "NL" => "the Netherlands",
        "LU" => "Luxembourg",
        "FR" => "France",
        "DE" => "Germany",
        _ => "",
    };
    match input(key) {
        Some((name, _)) => name.to_string(),
        None if !country.is_empty() => country.to_string(),
        None => key.replace('_', " "),
    }
}

/// The keys `*` stands for in `pattern` when it matches `path` (both split on `.`).
fn starred<'a>(pattern: &str, path: &'a str) -> Vec<&'a str> {
    pattern.split('.').zip(path.split('.')).filter(|(p, _)| p.contains('*')).map(|(_, k)| k).collect()
}

/// The value at `path` in words, as a sentence names it: "minimum score of band C",
/// "payment days of band C, segment core", "days beyond terms, point 3 health".
pub fn full_name(path: &str) -> String {
    let (base, point) = match path.split_once('[') {
        Some((base, rest)) => (base, Some(rest)),
        None => (path, None),
    };
    if let Some(rest) = point {
        let input = base.strip_suffix(".curve").and_then(|b| b.rsplit('.').next()).unwrap_or(base);
        let numbers: Vec<usize> = rest.split(['[', ']']).filter_map(|s| s.parse().ok()).collect();
        let which = match numbers.as_slice() {
            [i, 0] => format!(", point {} input", i + 1),
            [i, _] => format!(", point {} health", i + 1),
            _ => String::new(),
        };
        return format!("{}{which}", describe(input));
    }
    let Some(label) = label_of(base) else { return base.replace('.', " › ").replace('_', " ") };
    let mut keys: Vec<String> = starred(label.path, base).into_iter().map(describe).collect();
    // An input of the scorecard is named without its component: "weight of days beyond terms".
    if label.path.starts_with("scorecard.*.*") {
        keys.drain(..keys.len().saturating_sub(1));
    }
    if label.path == "scorecard.*.*.curve" {
        return keys.join(", ");
    }
    if keys.is_empty() { label.name.to_string() } else { format!("{} of {}", label.name, keys.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;
    use serde_json::Value;

    fn leaves(value: &Value, path: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    leaves(v, if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    leaves(v, format!("{path}[{i}]"), out);
                }
            }
            _ => out.push(path),
        }
    }

    #[test]
    fn every_value_of_the_shipped_policy_has_a_label_and_every_input_a_name() {
        let mut paths = Vec::new();
        leaves(&serde_json::to_value(Policy::default_policy()).unwrap(), String::new(), &mut paths);
        assert!(paths.len() > 150, "{}", paths.len());
        let unlabelled: Vec<&String> = paths.iter().filter(|p| label_of(p).is_none()).collect();
        assert!(unlabelled.is_empty(), "add these to LABELS: {unlabelled:?}");
        // scorecard.<component>.<input>.<value>: the input needs a name (and its curve a unit).
        let unnamed: Vec<&str> = paths
            .iter()
            .map(|p| p.split('.').collect::<Vec<_>>())
            .filter(|parts| parts.len() >= 4 && parts[0] == "scorecard" && parts[1] != "caps")
            .map(|parts| parts[2])
            .filter(|k| input(k).is_none())
            .collect();
        assert!(unnamed.is_empty(), "add these to INPUTS: {unnamed:?}");
    }

    #[test]
    fn values_read_as_a_credit_manager_says_them() {
        assert_eq!(full_name("bands.C.min_score"), "minimum score of band C");
        assert_eq!(full_name("terms.C.cells.core.payment_days"), "payment days of band C, segment core");
        assert_eq!(full_name("lgd_pct.retention_of_title"), "loss given default of retention of title");
        assert_eq!(full_name("scorecard.payment.dbt_days.weight"), "weight of days beyond terms");
        assert_eq!(full_name("scorecard.weights.payment"), "weight of payment");
        assert_eq!(full_name("scorecard.payment.dbt_days.curve[2][1]"), "days beyond terms, point 3 health");
        assert_eq!(full_name("channels.inside_sales.cost_to_serve"), "cost to serve of inside sales");
        assert_eq!(full_name("economics.cost_of_capital_pct"), "cost of capital");
        assert_eq!(
            label_of("scorecard.liquidity.quick_ratio.curve[0][0]").map(|l| l.path),
            Some("scorecard.*.*.curve")
        );
    }
}
