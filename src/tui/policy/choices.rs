//! The values a choice in the policy may take, each with the words a person reads: "cash on
//! delivery", not `cash_on_delivery`. The keys and labels come from the domain's vocabulary.

use strum::VariantArray;

use crate::domain::vocabulary::{Band, Channel, Delivery, Security, Trend};

/// One option of a choice: the key the file holds and its label.
pub type Choice = (&'static str, &'static str);

fn of<T: Copy + Into<&'static str>>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<Choice> {
    all.iter().map(|v| ((*v).into(), label(*v))).collect()
}

/// The options of the value at `path`, or none when it is not a choice.
pub fn choices(path: &str) -> Vec<Choice> {
    let last = path.rsplit('.').next().unwrap_or(path);
    match last {
        "delivery" => of(Delivery::VARIANTS, Delivery::label),
        "security" => of(Security::VARIANTS, Security::label),
        "channel" => of(Channel::VARIANTS, Channel::label),
        "best_band" | "insufficient_data_band" => of(Band::VARIANTS, Band::key),
        "domestic" | "cross_border" if path.contains(".excess_cover.") => {
            of(Security::VARIANTS, Security::label)
        }
        "applies" => {
            vec![("always", "every B2B contract"), ("large_buyer_to_sme", "a large buyer towards an SME")]
        }
        // A trend's cautious value: the trend assumed when it is unknown.
        "cautious" if path.contains(".trend.") => of(Trend::VARIANTS, Trend::label),
        _ => Vec::new(),
    }
}

/// A choice's label in a cell of the terms grid, whose column already says "delivery".
pub fn short_label(path: &str, key: &str) -> String {
    match (path.rsplit('.').next(), key) {
        (Some("delivery"), "standard") => "standard".into(),
        (Some("delivery"), "partial") => "partial".into(),
        (Some("delivery"), "after_payment") => "after payment".into(),
        _ => label(path, key),
    }
}

/// The label of `key` among the options of `path`; the key itself when it has none.
pub fn label(path: &str, key: &str) -> String {
    choices(path).into_iter().find(|(k, _)| *k == key).map_or_else(|| key.to_string(), |(_, l)| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_as_words_and_other_values_have_none() {
        assert_eq!(label("terms.D.cells.small.delivery", "cash_on_delivery"), "cash on delivery");
        assert_eq!(label("terms.B.cells.core.security", "retention_of_title"), "retention of title");
        assert_eq!(label("segments.core.channel", "inside_sales"), "inside sales");
        assert_eq!(short_label("terms.E.cells.core.delivery", "after_payment"), "after payment");
        assert_eq!(short_label("terms.D.cells.small.delivery", "cash_on_delivery"), "cash on delivery");
        assert_eq!(choices("scorecard.caps.young_company.best_band").len(), 5);
        assert!(choices("bands.A.min_score").is_empty());
    }
}
