//! Tables with exactly one entry per variant of a small enum (per band, per segment…).
//!
//! A struct with one field per variant, rather than a map, makes a missing or misspelt entry in
//! a policy file a load error that names the field, and a lookup that cannot fail.

use serde::{Deserialize, Serialize};

use super::prospect::{Channel, Security};
use super::risk::Band;
use super::segment::Segment;

macro_rules! table {
    ($(#[$doc:meta])* $name:ident over $enum:ident { $($variant:ident => $field:ident as $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name<T> {
            $(#[serde(rename = $key)] pub $field: T,)+
        }

        impl<T> $name<T> {
            pub fn get(&self, key: $enum) -> &T {
                match key { $($enum::$variant => &self.$field,)+ }
            }

            pub fn get_mut(&mut self, key: $enum) -> &mut T {
                match key { $($enum::$variant => &mut self.$field,)+ }
            }

            /// Every entry with its key, in declaration order.
            pub fn iter(&self) -> impl Iterator<Item = ($enum, &T)> {
                [$(($enum::$variant, &self.$field)),+].into_iter()
            }

            /// The JSON key of an entry, for error messages that name the field.
            pub fn key(key: $enum) -> &'static str {
                match key { $($enum::$variant => $key,)+ }
            }
        }
    };
}

table!(
    /// One entry per risk band, best first.
    PerBand over Band { A => a as "A", B => b as "B", C => c as "C", D => d as "D", E => e as "E" }
);

table!(
    /// One entry per volume segment, largest first.
    PerSegment over Segment {
        Strategic => strategic as "strategic",
        Key => key as "key",
        Core => core as "core",
        Small => small as "small",
        Micro => micro as "micro",
    }
);

table!(
    /// One entry per kind of security.
    PerSecurity over Security {
        None => none as "none",
        RetentionOfTitle => retention_of_title as "retention_of_title",
        CreditInsurance => credit_insurance as "credit_insurance",
        BankGuarantee => bank_guarantee as "bank_guarantee",
        LetterOfCredit => letter_of_credit as "letter_of_credit",
    }
);

table!(
    /// One entry per sales channel.
    PerChannel over Channel {
        KeyAccount => key_account as "key_account",
        Direct => direct as "direct",
        InsideSales => inside_sales as "inside_sales",
        Partner => partner as "partner",
        Wholesaler => wholesaler as "wholesaler",
    }
);
