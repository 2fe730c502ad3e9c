//! The domain's words: the small enums every layer shares (bands, segments, statuses, the terms'
//! choices, the scorecard's components…), each with its key and its label.
//!
//! A key is the spelling that files and the command line use (store, policy, CSV, `eval
//! --format json`): serde writes and reads it, strum gives it to code (`key()`, `parse`), and a
//! test holds the two equal. `VariantArray::VARIANTS` lists every value in declaration order.
//! A label is the words a person reads. Nothing here depends on the rest of the domain, so
//! every module can use these words without importing another; short forms for narrow columns
//! belong to the screens that need them.

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};

/// Risk bands, best first; `Ord` runs from A (best) to E (worst). The key is the letter.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    IntoStaticStr,
    VariantArray,
)]
pub enum Band {
    A,
    B,
    C,
    D,
    E,
}

impl Band {
    /// The level of risk in a word, as in "band C (moderate risk)".
    pub fn description(self) -> &'static str {
        match self {
            Band::A => "minimal",
            Band::B => "low",
            Band::C => "moderate",
            Band::D => "high",
            Band::E => "severe",
        }
    }

    /// The letter.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Altman Z'' zones for private firms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Safe,
    Grey,
    Distress,
}

impl Zone {
    /// Also the `altman_zone` of the JSON contract.
    pub fn label(self) -> &'static str {
        match self {
            Zone::Safe => "safe",
            Zone::Grey => "grey",
            Zone::Distress => "distress",
        }
    }
}

/// A group of the scorecard with its own weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    Payment,
    Liquidity,
    Solvency,
    Profitability,
    Distress,
    Signals,
}

/// Volume segments, largest first: like the voltage levels of a grid, annual volume decides
/// how a customer is served (SPEC §3).
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Strategic,
    Key,
    Core,
    Small,
    Micro,
}

impl Segment {
    pub fn label(self) -> &'static str {
        match self {
            Segment::Strategic => "Strategic",
            Segment::Key => "Key",
            Segment::Core => "Core",
            Segment::Small => "Small",
            Segment::Micro => "Micro",
        }
    }

    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How the customer is served; each channel has its yearly cost to serve in the policy.
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    KeyAccount,
    Direct,
    InsideSales,
    Partner,
    Wholesaler,
}

impl Channel {
    pub fn label(self) -> &'static str {
        match self {
            Channel::KeyAccount => "direct key account",
            Channel::Direct => "direct",
            Channel::InsideSales => "inside sales",
            Channel::Partner => "partner / sister brand",
            Channel::Wholesaler => "wholesaler",
        }
    }

    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Where the account manager stands with a prospect.
#[derive(Serialize, Deserialize, IntoStaticStr, EnumString, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    #[default]
    New,
    Reviewing,
    Approved,
    ApprovedWithConditions,
    RoutedToPartner,
    Declined,
    OnHold,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Reviewing => "reviewing",
            Status::Approved => "approved",
            Status::ApprovedWithConditions => "approved w/ conditions",
            Status::RoutedToPartner => "routed to partner",
            Status::Declined => "declined",
            Status::OnHold => "on hold",
        }
    }

    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// How goods leave the warehouse relative to payment.
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delivery {
    Standard,
    Partial,
    CashOnDelivery,
    AfterPayment,
}

impl Delivery {
    pub fn label(self) -> &'static str {
        match self {
            Delivery::Standard => "standard delivery",
            Delivery::Partial => "partial deliveries",
            Delivery::CashOnDelivery => "cash on delivery",
            Delivery::AfterPayment => "delivery after payment",
        }
    }
}

/// What secures the receivable; each kind has its loss given default in the policy. `Ord` is
/// the strength the terms must never weaken as risk grows: none < retention of title < credit
/// insurance < bank guarantee < letter of credit.
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Security {
    None,
    RetentionOfTitle,
    CreditInsurance,
    BankGuarantee,
    LetterOfCredit,
}

impl Security {
    pub fn label(self) -> &'static str {
        match self {
            Security::None => "no security",
            Security::RetentionOfTitle => "retention of title",
            Security::CreditInsurance => "credit insurance",
            Security::BankGuarantee => "bank guarantee",
            Security::LetterOfCredit => "letter of credit",
        }
    }
}

/// The direction in which days beyond terms are moving; the label is the key.
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trend {
    Improving,
    Stable,
    Worsening,
}

impl Trend {
    pub fn label(self) -> &'static str {
        self.into()
    }
}

/// Insolvency proceedings, as published in the Belgian Staatsblad or the Dutch Centraal
/// Insolventieregister. Any proceeding overrides the score.
#[derive(Serialize, Deserialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Insolvency {
    /// Known: no proceedings.
    None,
    /// Proceedings of an unnamed kind (a spreadsheet that only says "yes").
    Unspecified,
    /// Judicial reorganisation (WCO / PRJ, Dutch surseance).
    Reorganisation,
    Bankruptcy,
    /// Liquidation (vereffening / liquidation), as a filing's liquidation flag says: the
    /// company is being wound up and is treated as bankrupt.
    Liquidation,
}

impl Insolvency {
    /// The proceeding as a reason names it, capitalised: "Judicial reorganisation".
    pub fn label(self) -> &'static str {
        match self {
            Insolvency::None => "No insolvency proceedings",
            Insolvency::Unspecified => "Insolvency proceedings",
            Insolvency::Reorganisation => "Judicial reorganisation",
            Insolvency::Bankruptcy => "Bankruptcy",
            Insolvency::Liquidation => "In liquidation",
        }
    }

    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// The prospect form's groups of fields (SPEC §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldGroup {
    Identity,
    Company,
    Financials,
    Payment,
    Signals,
    Deal,
    Decision,
}

impl FieldGroup {
    pub fn label(self) -> &'static str {
        match self {
            FieldGroup::Identity => "Identity",
            FieldGroup::Company => "Company",
            FieldGroup::Financials => "Financials (last filed accounts)",
            FieldGroup::Payment => "Payment behaviour",
            FieldGroup::Signals => "Signals",
            FieldGroup::Deal => "The deal",
            FieldGroup::Decision => "Decision",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key strum gives and the JSON string serde writes, for every value.
    fn assert_keys_are_json<T>(values: &[T])
    where
        T: Copy + Serialize + for<'de> Deserialize<'de> + Into<&'static str> + PartialEq + fmt::Debug,
    {
        for value in values {
            let key: &'static str = (*value).into();
            assert_eq!(serde_json::to_value(value).unwrap(), serde_json::Value::from(key), "{value:?}");
            assert_eq!(serde_json::from_value::<T>(key.into()).unwrap(), *value, "{key}");
        }
    }

    #[test]
    fn every_key_is_the_json_spelling() {
        assert_keys_are_json(Band::VARIANTS);
        assert_keys_are_json(Segment::VARIANTS);
        assert_keys_are_json(Channel::VARIANTS);
        assert_keys_are_json(Status::VARIANTS);
        assert_keys_are_json(Delivery::VARIANTS);
        assert_keys_are_json(Security::VARIANTS);
        assert_keys_are_json(Trend::VARIANTS);
        assert_keys_are_json(Insolvency::VARIANTS);
    }

    #[test]
    fn keys_as_files_write_them() {
        // Spelled out by hand: the store, policy files and CSV already hold these.
        assert_eq!(Band::C.key(), "C");
        assert_eq!(Status::ApprovedWithConditions.key(), "approved_with_conditions");
        assert_eq!("routed_to_partner".parse::<Status>(), Ok(Status::RoutedToPartner));
        assert!("Approved".parse::<Status>().is_err(), "keys are exact; callers fold case first");
        assert_eq!(<&str>::from(Channel::KeyAccount), "key_account");
        assert_eq!(<&str>::from(Delivery::CashOnDelivery), "cash_on_delivery");
        assert_eq!(<&str>::from(Security::LetterOfCredit), "letter_of_credit");
        assert_eq!(Insolvency::Reorganisation.key(), "reorganisation");
        assert_eq!(Trend::Worsening.label(), "worsening");
    }

    #[test]
    fn values_run_in_declaration_order() {
        assert_eq!(Band::VARIANTS, [Band::A, Band::B, Band::C, Band::D, Band::E]);
        assert_eq!(Segment::VARIANTS.first(), Some(&Segment::Strategic));
        assert_eq!(Segment::VARIANTS.last(), Some(&Segment::Micro));
        assert_eq!(Status::VARIANTS.len(), 7);
    }
}
