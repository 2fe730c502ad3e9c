//! How each kind of field value is read from text and written back: numbers with the
//! spreadsheet's separators, yes/no in three languages, choices, dates, registration codes, and
//! register entries (a yes/no listing or an amount).

use rust_decimal::prelude::ToPrimitive;
use strum::VariantArray;

use super::date::Date;
use super::money::{Money, NumberStyle, Pct, parse_decimal};
use super::number::TWO_WAYS;
use super::register_entry::RegisterEntry;
use super::registration::parse_country;
use super::vocabulary::{Insolvency, Status, Trend};

/// What a field holds, which decides how it is parsed and what the form hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Country,
    Registration,
    Year,
    Count,
    Days,
    /// An amount; `signed` allows negative values (results, equity).
    Money {
        signed: bool,
    },
    Percent,
    Score,
    Date,
    Trend,
    Insolvency,
    YesNo,
    /// A public-register answer (yes/no, in any of the languages read) or an amount; digits
    /// are always an amount.
    Register,
    Status,
}

impl Kind {
    /// A short hint of what to type.
    pub fn hint(self) -> &'static str {
        match self {
            Kind::Text => "free text",
            Kind::Country => "ISO code, e.g. BE",
            Kind::Registration => "BE 0403.170.701 / KvK 8 digits",
            Kind::Year => "year, e.g. 2009",
            Kind::Count => "whole number",
            Kind::Days => "days",
            Kind::Money { signed: true } => "amount, may be negative",
            Kind::Money { signed: false } => "amount",
            Kind::Percent => "0–100 %",
            Kind::Score => "0–100",
            Kind::Date => "2024-12-31",
            Kind::Trend => "improving / stable / worsening",
            Kind::Insolvency => "none / reorganisation / bankruptcy / liquidation",
            Kind::YesNo => "yes / no",
            Kind::Register => "listed yes / no, or the amount owed",
            Kind::Status => "new / reviewing / approved / …",
        }
    }

    /// The values a choice field cycles through, in order; empty for typed fields.
    pub fn choices(self) -> Vec<&'static str> {
        match self {
            Kind::Trend => Trend::VARIANTS.iter().map(|t| t.label()).collect(),
            // "unspecified" is read (a sheet that only says "yes") but not offered.
            Kind::Insolvency => [
                Insolvency::None,
                Insolvency::Reorganisation,
                Insolvency::Bankruptcy,
                Insolvency::Liquidation,
            ]
            .map(Insolvency::key)
            .to_vec(),
            Kind::YesNo => vec!["no", "yes"],
            Kind::Status => Status::VARIANTS.iter().map(|s| s.key()).collect(),
            _ => Vec::new(),
        }
    }
}

/// A value a field can hold, parsed from and shown as text.
pub(crate) trait FieldValue: Sized {
    fn parse(raw: &str, kind: Kind, style: NumberStyle) -> Result<Self, String>;
    fn show(&self) -> String;
}

impl FieldValue for String {
    fn parse(raw: &str, kind: Kind, _: NumberStyle) -> Result<String, String> {
        match kind {
            Kind::Country => parse_country(raw),
            _ => Ok(raw.trim().to_string()),
        }
    }
    fn show(&self) -> String {
        self.clone()
    }
}

/// A whole number, which may group its thousands as the style does (`1.200` in a `;` file).
fn whole<T: TryFrom<u64>>(raw: &str, style: NumberStyle, max: u64, what: &str) -> Result<T, String> {
    let text = raw.trim();
    let not = || format!("'{text}' is not {what}");
    // A number that reads two ways says how to write it; anything else is simply not a count.
    let number = parse_decimal(text, style).map_err(|e| if e.contains(TWO_WAYS) { e } else { not() })?;
    if !number.fract().is_zero() || number.is_sign_negative() {
        return Err(not());
    }
    let value = number.to_u64().ok_or_else(not)?;
    if value > max {
        return Err(format!("'{text}' is more than {max}"));
    }
    T::try_from(value).map_err(|_| format!("'{text}' is too large"))
}

impl FieldValue for u32 {
    fn parse(raw: &str, kind: Kind, style: NumberStyle) -> Result<u32, String> {
        match kind {
            Kind::Days => whole(raw, style, 3650, "a number of days"),
            _ => whole(raw, style, 10_000_000, "a whole number"),
        }
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for u16 {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<u16, String> {
        let year: u16 = whole(raw, NumberStyle::Point, 2100, "a year")?;
        if year < 1800 {
            return Err(format!("'{}' is before 1800", raw.trim()));
        }
        Ok(year)
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for u8 {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<u8, String> {
        whole(raw, NumberStyle::Point, 100, "a score from 0 to 100")
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for Money {
    fn parse(raw: &str, kind: Kind, style: NumberStyle) -> Result<Money, String> {
        let m = Money::parse(raw, style)?;
        if m.is_negative() && kind == (Kind::Money { signed: false }) {
            return Err(format!("'{}' must not be negative", raw.trim()));
        }
        Ok(m)
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for Pct {
    fn parse(raw: &str, _: Kind, style: NumberStyle) -> Result<Pct, String> {
        Pct::parse(raw, style)
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for Date {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<Date, String> {
        Date::parse(raw)
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

/// Matches a word against accepted spellings (English, Dutch, French), any case.
fn one_of<T: Copy>(raw: &str, options: &[(&[&str], T)], expected: &str) -> Result<T, String> {
    let word = raw.trim().to_lowercase();
    options
        .iter()
        .find(|(words, _)| words.contains(&word.as_str()))
        .map(|(_, v)| *v)
        .ok_or_else(|| format!("'{}' is not {expected}", raw.trim()))
}

const YES: &[&str] = &["yes", "y", "true", "1", "ja", "j", "oui", "o"];
const NO: &[&str] = &["no", "n", "false", "0", "nee", "non", "none"];

impl FieldValue for bool {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<bool, String> {
        one_of(raw, &[(YES, true), (NO, false)], "yes or no (ja/nee, oui/non, true/false, 1/0)")
    }
    fn show(&self) -> String {
        if *self { "yes" } else { "no" }.to_string()
    }
}

impl FieldValue for RegisterEntry {
    /// Digits are an amount (so `0` and `1` are amounts here, not no and yes); a word is the
    /// register's answer.
    fn parse(raw: &str, _: Kind, style: NumberStyle) -> Result<RegisterEntry, String> {
        if let Ok(amount) = Money::parse(raw, style) {
            if amount.is_negative() {
                return Err(format!("'{}' must not be negative", raw.trim()));
            }
            return Ok(RegisterEntry::Amount(amount));
        }
        // "1" and "0" never get here: they are amounts.
        one_of(
            raw,
            &[(YES, RegisterEntry::Listed(true)), (NO, RegisterEntry::Listed(false))],
            "yes or no (listed in the register: ja/nee, oui/non) or an amount",
        )
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl FieldValue for Trend {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<Trend, String> {
        one_of(
            raw,
            &[
                (&["improving", "verbeterend", "amélioration", "amelioration", "better"], Trend::Improving),
                (&["stable", "stabiel"], Trend::Stable),
                (
                    &["worsening", "verslechterend", "détérioration", "deterioration", "worse"],
                    Trend::Worsening,
                ),
            ],
            "improving, stable or worsening",
        )
    }
    fn show(&self) -> String {
        self.label().to_string()
    }
}

impl FieldValue for Insolvency {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<Insolvency, String> {
        one_of(
            raw,
            &[
                (NO, Insolvency::None),
                (YES, Insolvency::Unspecified),
                (&["unspecified"], Insolvency::Unspecified),
                (
                    &[
                        "reorganisation",
                        "reorganization",
                        "judicial reorganisation",
                        "wco",
                        "pro",
                        "prj",
                        "gerechtelijke reorganisatie",
                        "réorganisation judiciaire",
                        "surseance",
                    ],
                    Insolvency::Reorganisation,
                ),
                (&["bankruptcy", "bankrupt", "faillissement", "faillite"], Insolvency::Bankruptcy),
                (
                    &["liquidation", "in liquidation", "vereffening", "in vereffening"],
                    Insolvency::Liquidation,
                ),
            ],
            "none, reorganisation, bankruptcy or liquidation (or yes/no)",
        )
    }
    fn show(&self) -> String {
        self.key().to_string()
    }
}

impl FieldValue for Status {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<Status, String> {
        let key = raw.trim().to_lowercase().replace([' ', '-'], "_");
        key.parse()
            .map_err(|_| format!("'{}' is not a status ({})", raw.trim(), Kind::Status.choices().join(", ")))
    }
    fn show(&self) -> String {
        self.key().to_string()
    }
}

/// Shows a required or optional value.
pub(crate) trait Show {
    fn show_field(&self) -> String;
}

impl<T: FieldValue> Show for Option<T> {
    fn show_field(&self) -> String {
        self.as_ref().map(FieldValue::show).unwrap_or_default()
    }
}

impl Show for String {
    fn show_field(&self) -> String {
        self.clone()
    }
}

impl Show for Status {
    fn show_field(&self) -> String {
        self.show()
    }
}

/// Parses into a required or optional value; empty text makes an optional value unknown.
pub(crate) trait Parse {
    fn parse_field(&mut self, raw: &str, kind: Kind, style: NumberStyle) -> Result<(), String>;
}

impl<T: FieldValue> Parse for Option<T> {
    fn parse_field(&mut self, raw: &str, kind: Kind, style: NumberStyle) -> Result<(), String> {
        *self = if raw.trim().is_empty() { None } else { Some(T::parse(raw, kind, style)?) };
        Ok(())
    }
}

impl Parse for String {
    fn parse_field(&mut self, raw: &str, _: Kind, _: NumberStyle) -> Result<(), String> {
        let name = raw.trim();
        if name.is_empty() {
            return Err("a name is required".into());
        }
        *self = name.to_string();
        Ok(())
    }
}

impl Parse for Status {
    fn parse_field(&mut self, raw: &str, kind: Kind, style: NumberStyle) -> Result<(), String> {
        *self = if raw.trim().is_empty() { Status::New } else { Status::parse(raw, kind, style)? };
        Ok(())
    }
}
