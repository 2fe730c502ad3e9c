//! Tables with exactly one entry per variant of a small enum (per band, per segment…).
//!
//! A struct with one field per variant, rather than a map, makes a missing or misspelt entry in
//! a policy file a load error that names the field, and a lookup that cannot fail. Each entry's
//! JSON key is its variant's key in the vocabulary (a test holds them equal).

use serde::{Deserialize, Serialize};

use super::vocabulary::{Band, Channel, Security, Segment};

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

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value};
    use strum::VariantArray;

    use super::*;

    /// A table read from an object keyed by the vocabulary's keys, each entry its variant's
    /// position: reading fails if a key is missing or unknown, and `get` shows which went where.
    fn read_by_keys<E, T>(keys: impl Fn(E) -> &'static str) -> T
    where
        E: VariantArray + Copy,
        T: DeserializeOwned,
    {
        let object: Map<String, Value> =
            E::VARIANTS.iter().enumerate().map(|(i, v)| (keys(*v).to_string(), Value::from(i))).collect();
        serde_json::from_value(Value::Object(object)).unwrap()
    }

    #[test]
    fn each_entry_is_keyed_by_its_variants_key() {
        let bands: PerBand<usize> = read_by_keys(Band::key);
        assert!(Band::VARIANTS.iter().enumerate().all(|(i, b)| *bands.get(*b) == i));
        let segments: PerSegment<usize> = read_by_keys(Segment::key);
        assert!(Segment::VARIANTS.iter().enumerate().all(|(i, s)| *segments.get(*s) == i));
        let securities: PerSecurity<usize> = read_by_keys::<Security, _>(<&str>::from);
        assert!(Security::VARIANTS.iter().enumerate().all(|(i, s)| *securities.get(*s) == i));
        let channels: PerChannel<usize> = read_by_keys(Channel::key);
        assert!(Channel::VARIANTS.iter().enumerate().all(|(i, c)| *channels.get(*c) == i));
    }

    #[test]
    fn iterates_in_the_vocabularys_order() {
        let bands: PerBand<usize> = read_by_keys(Band::key);
        assert!(bands.iter().map(|(b, _)| b).eq(Band::VARIANTS.iter().copied()));
        let segments: PerSegment<usize> = read_by_keys(Segment::key);
        assert!(segments.iter().map(|(s, _)| s).eq(Segment::VARIANTS.iter().copied()));
    }
}
