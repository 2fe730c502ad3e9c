//! Every input of a prospect as a named, typed field: one table that CSV import and export,
//! the prospect form and its inline validation all read, so they cannot drift apart.

use super::date::Date;
use rust_decimal::prelude::ToPrimitive;

use super::money::{Money, NumberStyle, Pct, parse_decimal};
use super::prospect::{Insolvency, Prospect, Status, Trend};
use super::registration::{canonical_registration, parse_country};

/// The form's groups of fields (SPEC §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Identity,
    Company,
    Financials,
    Payment,
    Signals,
    Deal,
    Decision,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Identity => "Identity",
            Group::Company => "Company",
            Group::Financials => "Financials (last filed accounts)",
            Group::Payment => "Payment behaviour",
            Group::Signals => "Signals",
            Group::Deal => "The deal",
            Group::Decision => "Decision",
        }
    }
}

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
            Kind::Insolvency => "none / reorganisation / bankruptcy",
            Kind::YesNo => "yes / no",
            Kind::Status => "new / reviewing / approved / …",
        }
    }

    /// The values a choice field cycles through, in order; empty for typed fields.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Kind::Trend => &["improving", "stable", "worsening"],
            Kind::Insolvency => &["none", "reorganisation", "bankruptcy"],
            Kind::YesNo => &["no", "yes"],
            Kind::Status => &[
                "new",
                "reviewing",
                "approved",
                "approved_with_conditions",
                "routed_to_partner",
                "declined",
                "on_hold",
            ],
            _ => &[],
        }
    }
}

/// A value a field can hold, parsed from and shown as text.
trait FieldValue: Sized {
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
    let number = parse_decimal(text, style).map_err(|_| not())?;
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
        super::risk::trend_label(*self).to_string()
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
            ],
            "none, reorganisation or bankruptcy (or yes/no)",
        )
    }
    fn show(&self) -> String {
        match self {
            Insolvency::None => "none",
            Insolvency::Unspecified => "unspecified",
            Insolvency::Reorganisation => "reorganisation",
            Insolvency::Bankruptcy => "bankruptcy",
        }
        .to_string()
    }
}

impl FieldValue for Status {
    fn parse(raw: &str, _: Kind, _: NumberStyle) -> Result<Status, String> {
        let key = raw.trim().to_lowercase().replace([' ', '-'], "_");
        serde_json::from_value(serde_json::Value::String(key))
            .map_err(|_| format!("'{}' is not a status ({})", raw.trim(), Kind::Status.choices().join(", ")))
    }
    fn show(&self) -> String {
        status_key(*self).to_string()
    }
}

/// The snake_case name of a status, as JSON and CSV write it.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::Reviewing => "reviewing",
        Status::Approved => "approved",
        Status::ApprovedWithConditions => "approved_with_conditions",
        Status::RoutedToPartner => "routed_to_partner",
        Status::Declined => "declined",
        Status::OnHold => "on_hold",
    }
}

macro_rules! fields {
    ($($variant:ident => $key:literal, $label:literal, $group:ident, $kind:expr, $member:ident;)+) => {
        /// One input of a prospect.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field { $($variant,)+ }

        impl Field {
            /// Every field, in form order (country before registration, which depends on it).
            pub const ALL: &[Field] = &[$(Field::$variant,)+];

            /// The CSV column and JSON key.
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key,)+ }
            }

            pub fn label(self) -> &'static str {
                match self { $(Field::$variant => $label,)+ }
            }

            pub fn group(self) -> Group {
                match self { $(Field::$variant => Group::$group,)+ }
            }

            pub fn kind(self) -> Kind {
                match self { $(Field::$variant => $kind,)+ }
            }

            /// The field's value as text, empty when unknown.
            pub fn get(self, p: &Prospect) -> String {
                match self { $(Field::$variant => Show::show_field(&p.$member),)+ }
            }

            fn set_parsed(self, p: &mut Prospect, raw: &str, style: NumberStyle) -> Result<(), String> {
                match self { $(Field::$variant => Parse::parse_field(&mut p.$member, raw, $kind, style),)+ }
            }
        }
    };
}

/// Shows a required or optional value.
trait Show {
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
trait Parse {
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

fields! {
    Name => "name", "Name", Identity, Kind::Text, name;
    Country => "country", "Country", Identity, Kind::Country, country;
    Registration => "registration", "Registration no.", Identity, Kind::Registration, registration;
    Sector => "sector", "Sector", Identity, Kind::Text, sector;
    City => "city", "City", Identity, Kind::Text, city;
    Contact => "contact", "Contact", Identity, Kind::Text, contact;
    Founded => "founded", "Founded (year)", Company, Kind::Year, founded;
    Employees => "employees", "Employees", Company, Kind::Count, employees;
    AccountsDate => "accounts_date", "Fiscal year end", Financials, Kind::Date, accounts_date;
    Revenue => "revenue", "Revenue", Financials, Kind::Money { signed: false }, revenue;
    Ebit => "ebit", "EBIT", Financials, Kind::Money { signed: true }, ebit;
    NetResult => "net_result", "Net result", Financials, Kind::Money { signed: true }, net_result;
    TotalAssets => "total_assets", "Total assets", Financials, Kind::Money { signed: false }, total_assets;
    Equity => "equity", "Equity", Financials, Kind::Money { signed: true }, equity;
    CurrentAssets => "current_assets", "Current assets", Financials, Kind::Money { signed: false }, current_assets;
    Inventory => "inventory", "Inventory", Financials, Kind::Money { signed: false }, inventory;
    Cash => "cash", "Cash", Financials, Kind::Money { signed: false }, cash;
    CurrentLiabilities => "current_liabilities", "Current liabilities", Financials, Kind::Money { signed: false }, current_liabilities;
    TotalLiabilities => "total_liabilities", "Total liabilities", Financials, Kind::Money { signed: false }, total_liabilities;
    RetainedEarnings => "retained_earnings", "Retained earnings", Financials, Kind::Money { signed: true }, retained_earnings;
    DbtDays => "dbt_days", "Days beyond terms", Payment, Kind::Days, dbt_days;
    LateSharePct => "late_share_pct", "Invoices late (%)", Payment, Kind::Percent, late_share_pct;
    DbtTrend => "dbt_trend", "DBT trend", Payment, Kind::Trend, dbt_trend;
    DbtSource => "dbt_source", "Source", Payment, Kind::Text, dbt_source;
    DbtObserved => "dbt_observed", "Observed on", Payment, Kind::Date, dbt_observed;
    BureauScore => "bureau_score", "Bureau score", Payment, Kind::Score, bureau_score;
    Summons => "summons_12m", "Summons (12 months)", Signals, Kind::Count, summons_12m;
    TaxDebt => "tax_debt", "Tax debt", Signals, Kind::Money { signed: false }, tax_debt;
    SocialDebt => "social_debt", "Social-security debt", Signals, Kind::Money { signed: false }, social_debt;
    LateFiling => "late_filing", "Late filing", Signals, Kind::YesNo, late_filing;
    Insolvency => "insolvency", "Insolvency", Signals, Kind::Insolvency, insolvency;
    AnnualVolume => "annual_volume", "Annual volume", Deal, Kind::Money { signed: false }, annual_volume;
    MarginPct => "margin_pct", "Gross margin (%)", Deal, Kind::Percent, margin_pct;
    OrdersPerYear => "orders_per_year", "Orders per year", Deal, Kind::Count, orders_per_year;
    RequestedDays => "requested_payment_days", "Requested days", Deal, Kind::Days, requested_payment_days;
    Status => "status", "Status", Decision, Kind::Status, status;
    Note => "note", "Note", Decision, Kind::Text, note;
}

impl Field {
    /// Sets the field from typed text; empty text makes an optional field unknown. On error the
    /// prospect is unchanged and the message says what is expected.
    pub fn set(self, p: &mut Prospect, raw: &str, style: NumberStyle) -> Result<(), String> {
        if self == Field::Registration {
            p.registration = match raw.trim() {
                "" => None,
                text => Some(canonical_registration(text, p.country.as_deref())?),
            };
            return Ok(());
        }
        self.set_parsed(p, raw, style)
    }

    /// The field with this CSV column or JSON key.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(field: Field, raw: &str) -> Result<Prospect, String> {
        let mut p = Prospect::named("Test");
        field.set(&mut p, raw, NumberStyle::Auto).map(|()| p)
    }

    #[test]
    fn every_field_round_trips_through_text() {
        let samples = [
            (Field::Name, "Brasserie Dupont"),
            (Field::Country, "BE"),
            (Field::Sector, "Food"),
            (Field::Founded, "1998"),
            (Field::Employees, "42"),
            (Field::AccountsDate, "2025-12-31"),
            (Field::Revenue, "1234567.89"),
            (Field::Ebit, "-5000"),
            (Field::DbtDays, "12"),
            (Field::LateSharePct, "12.5"),
            (Field::DbtTrend, "worsening"),
            (Field::BureauScore, "64"),
            (Field::LateFiling, "yes"),
            (Field::Insolvency, "reorganisation"),
            (Field::Status, "approved_with_conditions"),
        ];
        for (field, text) in samples {
            let p = set(field, text).unwrap();
            assert_eq!(field.get(&p), text, "{field:?}");
        }
    }

    #[test]
    fn empty_means_unknown_not_zero() {
        let mut p = set(Field::Cash, "0").unwrap();
        assert_eq!(p.cash, Some(Money::ZERO));
        Field::Cash.set(&mut p, "  ", NumberStyle::Auto).unwrap();
        assert_eq!(p.cash, None);
        assert_eq!(Field::Cash.get(&p), "");
    }

    #[test]
    fn bad_values_leave_the_prospect_unchanged() {
        let mut p = set(Field::Cash, "100").unwrap();
        let before = p.clone();
        for (field, raw) in [
            (Field::Cash, "-5"),
            (Field::Cash, "lots"),
            (Field::Founded, "1700"),
            (Field::BureauScore, "101"),
            (Field::LateSharePct, "120"),
            (Field::Country, "ZZ"),
            (Field::Name, " "),
            (Field::LateFiling, "maybe"),
        ] {
            assert!(field.set(&mut p, raw, NumberStyle::Auto).is_err(), "{field:?} {raw}");
            assert_eq!(p, before);
        }
    }

    #[test]
    fn booleans_in_three_languages() {
        for (raw, want) in
            [("Ja", true), ("NEE", false), ("oui", true), ("non", false), ("1", true), ("False", false)]
        {
            assert_eq!(set(Field::LateFiling, raw).unwrap().late_filing, Some(want), "{raw}");
        }
    }

    #[test]
    fn registration_follows_the_country() {
        let mut p = Prospect::named("X");
        Field::Country.set(&mut p, "nl", NumberStyle::Auto).unwrap();
        assert!(Field::Registration.set(&mut p, "0403170701", NumberStyle::Auto).is_err());
        Field::Registration.set(&mut p, "33041413", NumberStyle::Auto).unwrap();
        assert_eq!(p.registration.as_deref(), Some("33041413"));
        Field::Country.set(&mut p, "BE", NumberStyle::Auto).unwrap();
        Field::Registration.set(&mut p, "BE 0403.170.701", NumberStyle::Auto).unwrap();
        assert_eq!(Field::Registration.get(&p), "0403.170.701");
    }

    #[test]
    fn keys_are_unique_and_found_again() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(*f));
        }
        assert_eq!(Field::from_key("turnover"), None);
    }
}
