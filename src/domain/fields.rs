//! Every input of a prospect as a named, typed field: one table that CSV import and export,
//! the prospect form and its inline validation all read, so they cannot drift apart.

use super::field_values::{Kind, Parse, Show};
use super::money::NumberStyle;
use super::prospect::Prospect;
use super::registration::canonical_registration;
use super::vocabulary::FieldGroup;

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

            pub fn group(self) -> FieldGroup {
                match self { $(Field::$variant => FieldGroup::$group,)+ }
            }

            pub fn kind(self) -> Kind {
                match self { $(Field::$variant => $kind,)+ }
            }

            /// The field's value as text, empty when unknown.
            pub fn get(self, p: &Prospect) -> String {
                match self { $(Field::$variant => Show::show_field(&p.$member),)+ }
            }

            /// Copies this field's value from one prospect onto another, as it is.
            pub fn copy(self, from: &Prospect, to: &mut Prospect) {
                match self { $(Field::$variant => to.$member = from.$member.clone(),)+ }
            }

            fn set_parsed(self, p: &mut Prospect, raw: &str, style: NumberStyle) -> Result<(), String> {
                match self { $(Field::$variant => Parse::parse_field(&mut p.$member, raw, $kind, style),)+ }
            }
        }
    };
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
    ObservedTermsDays => "observed_terms_days", "Terms DBT seen on", Payment, Kind::Days, observed_terms_days;
    Summons => "summons_12m", "Summons (12 months)", Signals, Kind::Count, summons_12m;
    SummonsAuthority => "summons_authority", "Summons by RSZ/tax", Signals, Kind::YesNo, summons_authority;
    TaxDebt => "tax_debt", "Tax debt", Signals, Kind::Register, tax_debt;
    SocialDebt => "social_debt", "Social-security debt", Signals, Kind::Register, social_debt;
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
    use crate::domain::money::Money;

    fn set(field: Field, raw: &str) -> Result<Prospect, String> {
        let mut p = Prospect::named("Test");
        field.set(&mut p, raw, NumberStyle::Typed).map(|()| p)
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
            (Field::SummonsAuthority, "no"),
            (Field::TaxDebt, "yes"),
            (Field::SocialDebt, "1250.50"),
            (Field::Insolvency, "reorganisation"),
            (Field::Status, "approved_with_conditions"),
        ];
        for (field, text) in samples {
            let p = set(field, text).unwrap();
            assert_eq!(field.get(&p), text, "{field:?}");
        }
    }

    #[test]
    fn amounts_and_counts_typed_read_as_in_a_semicolon_file() {
        // Amounts: a point before three digits groups thousands, both marks: the last is the
        // decimal mark; a percentage keeps its decimal point.
        let volume = |raw: &str| set(Field::AnnualVolume, raw).map(|p| p.annual_volume);
        assert_eq!(volume("45.000"), Ok(Some(Money::units(45_000))));
        assert_eq!(volume("1.234,56"), Ok(Some(Money::new(rust_decimal::dec!(1234.56)))));
        assert_eq!(volume("1,234.56"), Ok(Some(Money::new(rust_decimal::dec!(1234.56)))));
        assert_eq!(volume("45,5"), Ok(Some(Money::new(rust_decimal::dec!(45.5)))));
        assert!(volume("45,000").unwrap_err().contains("could be 45 000 or 45"));
        let employees = |raw: &str| set(Field::Employees, raw).map(|p| p.employees);
        assert_eq!(employees("1.200"), Ok(Some(1200)));
        assert!(employees("1,200").unwrap_err().contains("could be 1 200 or 1,2"));
        assert_eq!(employees("1,5").unwrap_err(), "'1,5' is not a whole number");
        let margin = |raw: &str| set(Field::MarginPct, raw).map(|p| p.margin_pct.map(|m| m.to_string()));
        assert_eq!(margin("1.5"), Ok(Some("1.5".to_string())));
        assert_eq!(margin("12,500"), Ok(Some("12.5".to_string())));
    }

    #[test]
    fn empty_means_unknown_not_zero() {
        let mut p = set(Field::Cash, "0").unwrap();
        assert_eq!(p.cash, Some(Money::ZERO));
        Field::Cash.set(&mut p, "  ", NumberStyle::Typed).unwrap();
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
            (Field::TaxDebt, "-100"),
            (Field::TaxDebt, "perhaps"),
        ] {
            assert!(field.set(&mut p, raw, NumberStyle::Typed).is_err(), "{field:?} {raw}");
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
    fn register_columns_take_a_listing_in_three_languages_or_an_amount() {
        use crate::domain::register_entry::RegisterEntry::{Amount, Listed};
        let cases = [
            ("ja", Listed(true)),
            ("Oui", Listed(true)),
            ("yes", Listed(true)),
            ("nee", Listed(false)),
            ("non", Listed(false)),
            ("false", Listed(false)),
            // Digits are always an amount, also 0 and 1.
            ("0", Amount(Money::ZERO)),
            ("1", Amount(Money::units(1))),
            ("63000", Amount(Money::units(63_000))),
        ];
        for (raw, want) in cases {
            assert_eq!(set(Field::TaxDebt, raw).unwrap().tax_debt, Some(want), "{raw}");
            assert_eq!(set(Field::SocialDebt, raw).unwrap().social_debt, Some(want), "{raw}");
        }
        // A semicolon file's grouped thousands are an amount as well.
        let mut p = Prospect::named("Test");
        Field::TaxDebt.set(&mut p, "2.500,00", NumberStyle::Comma).unwrap();
        assert_eq!(p.tax_debt, Some(Amount(Money::units(2_500))));
        let err = set(Field::TaxDebt, "perhaps").unwrap_err();
        assert!(err.contains("yes or no") && err.contains("amount"), "{err}");
    }

    #[test]
    fn registration_follows_the_country() {
        let mut p = Prospect::named("X");
        Field::Country.set(&mut p, "nl", NumberStyle::Typed).unwrap();
        assert!(Field::Registration.set(&mut p, "0403170701", NumberStyle::Typed).is_err());
        Field::Registration.set(&mut p, "33041413", NumberStyle::Typed).unwrap();
        assert_eq!(p.registration.as_deref(), Some("33041413"));
        Field::Country.set(&mut p, "BE", NumberStyle::Typed).unwrap();
        Field::Registration.set(&mut p, "BE 0403.170.701", NumberStyle::Typed).unwrap();
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
