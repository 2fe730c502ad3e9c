//! What the Belgian public registers say about a company's tax or social-security debt: the
//! withholding-obligation check ("inhoudingsplicht" / "obligation de retenue", art. 30bis RSZ
//! law and art. 403 income-tax code) answers yes or no, while a ledger or a bureau may give an
//! amount. Both are kept as they came, so that the model can tell a listing from a small debt.

use std::fmt;

use serde::de::value::{F64Deserializer, I64Deserializer, StrDeserializer, U64Deserializer};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::money::Money;

/// A register answer or an amount of overdue debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegisterEntry {
    /// The register's yes/no: listed for debts of at least the register's threshold, or not.
    Listed(bool),
    /// An amount owed (never negative when typed; a store may hold anything).
    Amount(Money),
}

impl RegisterEntry {
    /// Whether this counts as a listing: the register says yes, or the amount reaches the
    /// register's threshold (policy `scorecard.caps.register_listing.from_amount`).
    pub fn is_listing(self, threshold: Money) -> bool {
        match self {
            RegisterEntry::Listed(listed) => listed,
            RegisterEntry::Amount(amount) => amount >= threshold,
        }
    }
}

impl fmt::Display for RegisterEntry {
    /// `yes`, `no` or the amount as typed (`2500`), the form and CSV text that reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterEntry::Listed(true) => f.write_str("yes"),
            RegisterEntry::Listed(false) => f.write_str("no"),
            RegisterEntry::Amount(amount) => write!(f, "{amount}"),
        }
    }
}

/// JSON: `true` / `false` for a listing, an amount string (`"2500"`) for an amount, as stores
/// of schema 1 already hold.
impl Serialize for RegisterEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RegisterEntry::Listed(listed) => s.serialize_bool(*listed),
            RegisterEntry::Amount(amount) => amount.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for RegisterEntry {
    /// A boolean (a listing) or anything an amount may be (a decimal string or a number), read
    /// in one pass: serde's untagged enum buffered every value and tried each variant, some
    /// 2 400 instructions a field on a store's load.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RegisterEntry, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl EntryVisitor {
    /// An amount as `Money` reads it; a value that is none is refused with what is expected.
    fn amount<'de, D, E>(self, value: D, unexpected: Unexpected) -> Result<RegisterEntry, E>
    where
        D: Deserializer<'de, Error = E>,
        E: de::Error,
    {
        Money::deserialize(value).map(RegisterEntry::Amount).map_err(|_| E::invalid_value(unexpected, &self))
    }
}

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = RegisterEntry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("true or false (a register listing) or an amount")
    }

    fn visit_bool<E: de::Error>(self, listed: bool) -> Result<RegisterEntry, E> {
        Ok(RegisterEntry::Listed(listed))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RegisterEntry, E> {
        self.amount(StrDeserializer::new(v), Unexpected::Str(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RegisterEntry, E> {
        self.amount(I64Deserializer::new(v), Unexpected::Signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RegisterEntry, E> {
        self.amount(U64Deserializer::new(v), Unexpected::Unsigned(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RegisterEntry, E> {
        self.amount(F64Deserializer::new(v), Unexpected::Float(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<RegisterEntry, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn json_holds_a_listing_or_an_amount() {
        assert_eq!(read("true"), Ok(RegisterEntry::Listed(true)));
        assert_eq!(read("false"), Ok(RegisterEntry::Listed(false)));
        // Schema-1 stores hold amount strings; numbers are read too, as for any amount.
        assert_eq!(read("\"63000\""), Ok(RegisterEntry::Amount(Money::units(63_000))));
        assert_eq!(read("1200"), Ok(RegisterEntry::Amount(Money::units(1_200))));
        let err = read("\"lots\"").unwrap_err();
        assert!(err.contains("true or false (a register listing) or an amount"), "{err}");
        for entry in [RegisterEntry::Listed(true), RegisterEntry::Amount(Money::units(2_500))] {
            let json = serde_json::to_string(&entry).unwrap();
            assert_eq!(read(&json), Ok(entry), "{json}");
        }
        assert_eq!(serde_json::to_string(&RegisterEntry::Listed(false)).unwrap(), "false");
        assert_eq!(serde_json::to_string(&RegisterEntry::Amount(Money::units(7))).unwrap(), "\"7\"");
    }

    #[test]
    fn an_amount_at_the_threshold_is_a_listing() {
        let threshold = Money::units(2_500);
        assert!(RegisterEntry::Listed(true).is_listing(threshold));
        assert!(!RegisterEntry::Listed(false).is_listing(threshold));
        assert!(RegisterEntry::Amount(Money::units(2_500)).is_listing(threshold));
        assert!(!RegisterEntry::Amount(Money::new(rust_decimal::dec!(2499.99))).is_listing(threshold));
    }
}
