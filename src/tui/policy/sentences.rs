//! A problem the validator found, said in words: "The minimum score of band C must be below
//! band B's 65", "The loss given default of no security must be between 0 and 100 %; it is
//! 120" — never a JSON path or a line and column.

use crate::domain::policy_names::{describe, full_name, label_of};

/// What the field of a problem is, with its article: a value, a curve or a group of values.
fn subject(field: &str) -> String {
    if field.is_empty() {
        return "the policy".into();
    }
    if let Some(input) = field.strip_suffix(".curve").and_then(|b| b.rsplit('.').next()) {
        return format!("the curve of {}", describe(input));
    }
    match field {
        "scorecard.weights" => return "the component weights".into(),
        "scorecard.payment.trend" => return "the health for the trend of days beyond terms".into(),
        _ => {}
    }
    if label_of(field).is_some() {
        format!("the {}", full_name(field))
    } else {
        format!("the {}", describe(field.rsplit('.').next().unwrap_or(field)))
    }
}

/// "A and B" out of "… between A and B", if the message has it.
fn bounds(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once(" between ")?;
    rest.contains(" and ").then_some(rest.trim_end_matches('.'))
}

/// The problem with `field` (whose value is now `value`) in a sentence.
pub fn sentence(field: &str, message: &str, value: &str) -> String {
    let mut who = subject(field);
    if let Some(first) = who.get(..1) {
        who = first.to_uppercase() + &who[1..];
    }
    let unit = label_of(field).map_or("", |l| l.unit);
    let out_of_range = message.contains("is out of range") || message.starts_with("percentage ");
    if out_of_range && let Some(range) = bounds(message) {
        let unit = if unit == "%" { " %" } else { "" };
        return format!("{who} must be between {range}{unit}; it is {value}");
    }
    let value = value.trim();
    let rest = message
        .strip_prefix(value)
        .filter(|rest| !value.is_empty() && rest.starts_with(' '))
        .map(|rest| rest.trim_start().trim_start_matches("% ").trim_start());
    match rest {
        Some(rest) => format!("{who} {rest}"),
        None if message.starts_with("must ") => format!("{who} {message}"),
        None => format!("{who}: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_sentences_about_the_value() {
        assert_eq!(
            sentence("bands.C.min_score", "70 must be below band B's 65", "70"),
            "The minimum score of band C must be below band B's 65"
        );
        assert_eq!(
            sentence("bands.C.pd_pct", "1 % must be above band B's 1 %", "1"),
            "The PD of band C must be above band B's 1 %"
        );
        assert_eq!(
            sentence("lgd_pct.none", "percentage 120 is not between 0 and 100", "120"),
            "The loss given default of no security must be between 0 and 100 %; it is 120"
        );
        assert_eq!(
            sentence("scorecard.weights.payment", "-5 is out of range: must be between 0 and 1000", "-5"),
            "The weight of payment must be between 0 and 1000; it is -5"
        );
        assert_eq!(
            sentence("scorecard.payment.dbt_days.curve", "point 3 (5) must come after point 2 (7)", ""),
            "The curve of days beyond terms: point 3 (5) must come after point 2 (7)"
        );
        assert_eq!(
            sentence("bands.E.min_score", "must be 0: the worst band takes every score left", "5"),
            "The minimum score of band E must be 0: the worst band takes every score left"
        );
    }
}
