//! Terms given instead of the suggestion (`eval --terms`, or a CSV's term columns): any of the
//! agreed-terms vocabulary, the rest taken from the suggestion. The names are the CSV column
//! names, which the decision record's agreed terms also use.

use crate::domain::money::{Money, NumberStyle, Pct};
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::{Delivery, Security};

/// The term columns a CSV may carry, as they are spelled there.
pub const COLUMNS: [&str; 8] = [
    "payment_days",
    "advance_pct",
    "credit_limit",
    "security",
    "security_amount",
    "delivery",
    "discount_pct",
    "discount_days",
];

/// Short names `--terms` also takes.
const SHORT: [(&str, &str); 3] =
    [("days", "payment_days"), ("advance", "advance_pct"), ("limit", "credit_limit")];

/// Some terms, each one given or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GivenTerms {
    pub payment_days: Option<u32>,
    pub advance_pct: Option<Pct>,
    pub credit_limit: Option<Money>,
    pub security: Option<Security>,
    pub security_amount: Option<Money>,
    pub delivery: Option<Delivery>,
    pub discount_pct: Option<Pct>,
    pub discount_days: Option<u32>,
}

/// The term column a spreadsheet header names (any case, spaces or dashes for underscores).
pub fn header_column(header: &str) -> Option<&'static str> {
    let key = header.trim().to_lowercase().replace([' ', '-'], "_");
    COLUMNS.iter().copied().find(|c| *c == key)
}

/// The column a name stands for: a column name, or a short name.
pub fn column(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    COLUMNS
        .iter()
        .copied()
        .find(|c| *c == name)
        .or_else(|| SHORT.iter().find(|(short, _)| *short == name).map(|(_, c)| *c))
}

fn days(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|d| *d <= 365)
        .ok_or_else(|| format!("'{text}' is not a number of days (0–365)"))
}

fn amount(text: &str, style: NumberStyle) -> Result<Money, String> {
    let m = Money::parse(text, style)?;
    if m.is_negative() { Err(format!("'{text}' is negative")) } else { Ok(m) }
}

fn choice<T: Copy + Into<&'static str>>(all: &[T], text: &str) -> Result<T, String> {
    let key = text.trim().to_lowercase();
    all.iter().copied().find(|v| (*v).into() == key).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| (*v).into()).collect();
        format!("'{text}' is not one of {}", names.join(", "))
    })
}

/// Terms as their `COLUMNS` cells, in that order, each in the form `GivenTerms::set` reads back
/// (the canonical number with a decimal point, the choice's key).
pub fn cells(t: &Terms) -> [String; 8] {
    [
        t.payment_days.to_string(),
        t.advance_pct.to_string(),
        t.credit_limit.to_string(),
        <&str>::from(t.security).to_string(),
        t.security_amount.to_string(),
        <&str>::from(t.delivery).to_string(),
        t.discount_pct.to_string(),
        t.discount_days.to_string(),
    ]
}

impl GivenTerms {
    pub fn is_empty(&self) -> bool {
        *self == GivenTerms::default()
    }

    /// Sets one term from its text; an empty cell gives nothing. The error says what is
    /// expected.
    pub fn set(&mut self, name: &str, raw: &str, style: NumberStyle) -> Result<(), String> {
        use strum::VariantArray;
        let text = raw.trim();
        if text.is_empty() {
            return Ok(());
        }
        let Some(column) = column(name) else {
            return Err(format!(
                "'{name}' is not a term (terms: {}; or days, advance, limit)",
                COLUMNS.join(", ")
            ));
        };
        match column {
            "payment_days" => self.payment_days = Some(days(text)?),
            "discount_days" => self.discount_days = Some(days(text)?),
            "advance_pct" => self.advance_pct = Some(Pct::parse(text, style)?),
            "discount_pct" => self.discount_pct = Some(Pct::parse(text, style)?),
            "credit_limit" => self.credit_limit = Some(amount(text, style)?),
            "security_amount" => self.security_amount = Some(amount(text, style)?),
            "security" => self.security = Some(choice(Security::VARIANTS, text)?),
            _ => self.delivery = Some(choice(Delivery::VARIANTS, text)?),
        }
        Ok(())
    }

    /// Reads `days=14,advance=30,limit=277000,security=bank_guarantee`: numbers with a decimal
    /// point, terms separated by commas.
    pub fn parse_list(text: &str) -> Result<GivenTerms, String> {
        let mut given = GivenTerms::default();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').ok_or_else(|| format!("'{part}' is not name=value"))?;
            given.set(name, value, NumberStyle::Point).map_err(|e| format!("{}: {e}", name.trim()))?;
        }
        Ok(given)
    }

    /// These terms over `other`: what is given here wins.
    pub fn or(&self, other: &GivenTerms) -> GivenTerms {
        GivenTerms {
            payment_days: self.payment_days.or(other.payment_days),
            advance_pct: self.advance_pct.or(other.advance_pct),
            credit_limit: self.credit_limit.or(other.credit_limit),
            security: self.security.or(other.security),
            security_amount: self.security_amount.or(other.security_amount),
            delivery: self.delivery.or(other.delivery),
            discount_pct: self.discount_pct.or(other.discount_pct),
            discount_days: self.discount_days.or(other.discount_days),
        }
    }

    /// The suggested terms with these given ones in their place.
    pub fn apply(&self, suggested: &Terms) -> Terms {
        let s = suggested.clone();
        Terms {
            payment_days: self.payment_days.unwrap_or(s.payment_days),
            advance_pct: self.advance_pct.unwrap_or(s.advance_pct),
            credit_limit: self.credit_limit.unwrap_or(s.credit_limit),
            security: self.security.unwrap_or(s.security),
            security_amount: self.security_amount.unwrap_or(s.security_amount),
            delivery: self.delivery.unwrap_or(s.delivery),
            discount_pct: self.discount_pct.unwrap_or(s.discount_pct),
            discount_days: self.discount_days.unwrap_or(s.discount_days),
            ..s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_with_short_and_full_names() {
        let g = GivenTerms::parse_list(
            "days=14, advance=30,limit=277000,security=bank_guarantee,security_amount=96000",
        )
        .unwrap();
        assert_eq!(g.payment_days, Some(14));
        assert_eq!(g.advance_pct, Some(Pct::whole(30)));
        assert_eq!(
            (g.credit_limit, g.security_amount),
            (Some(Money::units(277_000)), Some(Money::units(96_000)))
        );
        assert_eq!(g.security, Some(Security::BankGuarantee));
        assert_eq!(g.delivery, None);
        let err = GivenTerms::parse_list("days=14,speed=3").unwrap_err();
        assert!(err.starts_with("speed: 'speed' is not a term"), "{err}");
        let err = GivenTerms::parse_list("security=gold").unwrap_err();
        assert!(err.contains("'gold' is not one of none, retention_of_title"), "{err}");
        assert!(GivenTerms::parse_list("limit=-5").unwrap_err().contains("negative"));
        assert!(GivenTerms::parse_list("advance").unwrap_err().contains("not name=value"));
    }

    #[test]
    fn terms_written_as_cells_read_back_the_same() {
        let t = Terms {
            payment_days: 14,
            advance_pct: Pct::parse("32.5", NumberStyle::Point).unwrap(),
            discount_pct: Pct::whole(2),
            discount_days: 10,
            credit_limit: Money::parse("424000.50", NumberStyle::Point).unwrap(),
            delivery: Delivery::Partial,
            security: Security::BankGuarantee,
            security_amount: Money::units(381_000),
            channel: crate::domain::vocabulary::Channel::KeyAccount,
            review_months: 1,
        };
        let written = cells(&t);
        assert_eq!(written, ["14", "32.5", "424000.50", "bank_guarantee", "381000", "partial", "2", "10"]);
        let mut given = GivenTerms::default();
        for (name, text) in COLUMNS.iter().zip(&written) {
            given.set(name, text, NumberStyle::Point).unwrap();
        }
        // Channel and review interval are not terms a file gives: they stay the base's.
        let base =
            Terms { channel: crate::domain::vocabulary::Channel::Direct, review_months: 6, ..t.clone() };
        assert_eq!(given.apply(&base), base);
        assert_eq!(given.apply(&Terms { payment_days: 60, ..base.clone() }), base);
    }
}
