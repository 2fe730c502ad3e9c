//! Exact amounts and percentages, read through the number parser every input goes through
//! (`number.rs`).
//!
//! Amounts are `rust_decimal::Decimal` in whole cents at most, so that what is stored, summed
//! and shown never suffers binary rounding. Ratios and probabilities elsewhere may be `f64`.

use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::number::{NumberStyle, parse_decimal};

mod text;

/// 10^0 … 10^22 as floats: every one exact, and each the very float `10f64.powi` gives.
const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// A decimal as a float for ratios: mantissa over a power of ten, enough for a ratio and much
/// cheaper than an exact conversion. A mantissa below 2^64 converts as the `i128` would (both
/// round to the nearest float, and rounding is symmetric in sign) from its low 64 bits, without
/// the 128-bit routine (which the compiler chose for both when the test was `i64::try_from`),
/// and the power comes from the table where it holds it.
fn approx(d: Decimal) -> f64 {
    let parts = d.serialize();
    let low = u64::from_le_bytes([
        parts[4], parts[5], parts[6], parts[7], parts[8], parts[9], parts[10], parts[11],
    ]);
    let m = if parts[12..16] == [0; 4] {
        // Zero stays +0, as the `i128` gives it.
        if d.is_sign_negative() && low != 0 { -(low as f64) } else { low as f64 }
    } else {
        d.mantissa() as f64
    };
    let scale = d.scale();
    m / POW10_F64.get(scale as usize).copied().unwrap_or_else(|| 10f64.powi(scale as i32))
}

/// The decimals' order: at one scale (as amounts and percentages mostly share) the order of their
/// mantissas, without the library's rescaling; else the library's.
#[inline]
fn order(a: Decimal, b: Decimal) -> Ordering {
    if a.scale() == b.scale() { a.mantissa().cmp(&b.mantissa()) } else { a.cmp(&b) }
}

/// The largest amount, in whole units, that an input may hold.
const MAX_UNITS: i64 = 1_000_000_000_000_000;

/// An exact amount of money, in the portfolio's currency, to the cent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Money(Decimal);

impl Ord for Money {
    fn cmp(&self, other: &Money) -> Ordering {
        order(self.0, other.0)
    }
}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Money) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// An amount rounded to the cent (half away from zero, as invoices do).
    pub fn new(amount: Decimal) -> Money {
        Money(super::rounding::to_cent(amount))
    }

    /// The largest amount an input may hold (10^15 either way).
    pub fn max_input() -> Money {
        Money(Decimal::from(MAX_UNITS))
    }

    /// Whole currency units, for tests, policy defaults and generated data.
    pub fn units(units: i64) -> Money {
        Money(Decimal::from(units))
    }

    /// Parses an amount as typed; more than two decimals is an error, not a silent rounding.
    pub fn parse(raw: &str, style: NumberStyle) -> Result<Money, String> {
        Money::checked(parse_decimal(raw, style)?).map_err(|e| format!("'{}' {e}", raw.trim()))
    }

    /// The amount if it is one: at most two decimals, and at most 10^15 either way, far beyond
    /// any deal, so that every product the economics take stays exact and never overflows.
    fn checked(d: Decimal) -> Result<Money, String> {
        let d = d.normalize();
        if d.scale() > 2 {
            return Err("has more than 2 decimals".into());
        }
        if d.abs() > Decimal::from(MAX_UNITS) {
            return Err(format!("is more than {} in size", Money::units(MAX_UNITS).grouped()));
        }
        Ok(Money(d))
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    /// This amount times a factor, rounded to the cent.
    pub fn times(self, factor: Decimal) -> Money {
        Money::new(self.0 * factor)
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn is_positive(self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other { self } else { other }
    }

    pub fn max(self, other: Money) -> Money {
        if self >= other { self } else { other }
    }

    /// The amount as a float, for ratios only (never for sums).
    pub fn to_f64(self) -> f64 {
        approx(self.0)
    }

    /// Whole cents (the amount is rounded to the cent on the way), saturating far beyond any
    /// real amount.
    pub fn cents(self) -> i64 {
        let d = self.0.round_dp(2);
        let scale = d.scale();
        let m = d.mantissa() * 10i128.pow(2 - scale.min(2));
        i64::try_from(m).unwrap_or(if m < 0 { i64::MIN } else { i64::MAX })
    }

    /// An amount of whole cents.
    pub fn from_cents(cents: i128) -> Money {
        Money(Decimal::try_from_i128_with_scale(cents, 2).unwrap_or(Decimal::MAX))
    }
}

/// The canonical machine form: `1234567.89`, or `1234567` for whole amounts.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.normalize();
        if d.scale() == 0 { write!(f, "{d}") } else { write!(f, "{:.2}", d) }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buffer = [0u8; 24];
        match self.plain_text(&mut buffer) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let d = deserialize_decimal(d)?;
        Money::checked(d).map_err(|e| serde::de::Error::custom(format!("amount {d} {e}")))
    }
}

/// A percentage such as `18.5` for 18.5 %, exact, as the user typed it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Pct(Decimal);

impl Ord for Pct {
    fn cmp(&self, other: &Pct) -> Ordering {
        order(self.0, other.0)
    }
}

impl PartialOrd for Pct {
    fn partial_cmp(&self, other: &Pct) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Pct {
    pub const ZERO: Pct = Pct(Decimal::ZERO);
    pub const HUNDRED: Pct = Pct(Decimal::ONE_HUNDRED);

    pub fn new(percent: Decimal) -> Pct {
        Pct(percent.normalize())
    }

    pub fn whole(percent: i64) -> Pct {
        Pct(Decimal::from(percent))
    }

    /// Parses `18.5`, `18,5` or `18.5 %`, which must lie in 0–100.
    pub fn parse(raw: &str, style: NumberStyle) -> Result<Pct, String> {
        let d = parse_decimal(raw.trim().trim_end_matches('%'), style.for_ratio())?;
        if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
            return Err(format!("'{}' is not between 0 and 100 %", raw.trim()));
        }
        Ok(Pct::new(d))
    }

    /// The percentage as a fraction: 18.5 % → 0.185.
    pub fn fraction(self) -> Decimal {
        // Dividing by 100 is moving the decimal point: exact, and far cheaper than a division.
        let mut d = self.0;
        match d.set_scale(d.scale() + 2) {
            Ok(()) => d,
            Err(_) => self.0 / Decimal::ONE_HUNDRED,
        }
    }

    pub fn percent(self) -> Decimal {
        self.0
    }

    pub fn to_f64(self) -> f64 {
        approx(self.0)
    }
}

impl fmt::Display for Pct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Serialize for Pct {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Pct {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pct, D::Error> {
        let d = deserialize_decimal(d)?;
        if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
            return Err(serde::de::Error::custom(format!("percentage {d} is not between 0 and 100")));
        }
        Ok(Pct::new(d))
    }
}

/// Accepts a decimal as a JSON string (`"1234.5"`) or number (`1234.5`); a number is read
/// through its shortest text form so that `0.1` stays exactly 0.1.
fn deserialize_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a decimal number or a string holding one")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
            // The store writes plain decimals ("1234.50"): read those directly, and only
            // hand-written forms through the lenient parser.
            Decimal::from_str_exact(v).or_else(|_| parse_decimal(v, NumberStyle::Point)).map_err(E::custom)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
            if !v.is_finite() {
                return Err(E::custom("not a finite number"));
            }
            Decimal::from_str_exact(&v.to_string()).map_err(E::custom)
        }
    }
    d.deserialize_any(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn money_keeps_cents_exact_and_refuses_fractions_of_cents() {
        assert_eq!(
            Money::parse("0,10", NumberStyle::Comma).map(|m| m + m + m),
            Money::parse("0.30", NumberStyle::Point)
        );
        assert!(Money::parse("1.005", NumberStyle::Point).is_err());
        assert_eq!(Money::new(dec!(2.675)).to_string(), "2.68");
    }

    #[test]
    fn money_serialises_as_string_and_reads_numbers_exactly() {
        let m: Money = serde_json::from_str("0.1").unwrap();
        assert_eq!(m, Money::new(dec!(0.1)));
        let m: Money = serde_json::from_str("\"1234.5\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1234.50\"");
        assert!(serde_json::from_str::<Money>("\"1.001\"").is_err());
    }

    #[test]
    fn absurd_amounts_are_refused_rather_than_overflowing_later() {
        let huge = "79228162514264337593543950335";
        assert!(Money::parse(huge, NumberStyle::Point).unwrap_err().contains("more than"));
        assert!(serde_json::from_str::<Money>(&format!("\"{huge}\"")).is_err());
        assert!(Money::parse("1000000000000000", NumberStyle::Point).is_ok());
        assert!(Money::parse("-1000000000000001", NumberStyle::Point).is_err());
    }

    /// Mantissas across the whole 96 bits, with their scale and sign.
    fn decimal() -> impl Strategy<Value = Decimal> {
        (0u32..=96, any::<u128>(), any::<bool>(), 0u32..=28).prop_map(|(bits, raw, negative, scale)| {
            let m = if bits == 0 { 0 } else { raw >> (128 - bits) };
            Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, negative, scale)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The order of amounts and percentages is the decimals' order, at one scale or two.
        #[test]
        fn ordered_as_the_decimals(a in decimal(), b in decimal(), same_scale: bool) {
            let mut b = b;
            if same_scale {
                prop_assert!(b.set_scale(a.scale()).is_ok());
            }
            prop_assert_eq!(Money(a).cmp(&Money(b)), a.cmp(&b));
            prop_assert_eq!(Pct(a).cmp(&Pct(b)), a.cmp(&b));
            prop_assert_eq!(Money(a).is_positive(), a > Decimal::ZERO);
        }

        /// The float of a decimal is the one the 128-bit conversion and `powi` give.
        #[test]
        fn approx_as_the_plain_conversion(d in decimal()) {
            let plain = d.mantissa() as f64 / 10f64.powi(d.scale() as i32);
            prop_assert_eq!(approx(d).to_bits(), plain.to_bits(), "{}", d);
        }
    }

    #[test]
    fn the_table_holds_the_powers_powi_gives() {
        for (i, p) in POW10_F64.iter().enumerate() {
            assert_eq!(p.to_bits(), 10f64.powi(std::hint::black_box(i as i32)).to_bits(), "10^{i}");
        }
    }

    #[test]
    fn percentages_stay_in_range() {
        assert_eq!(Pct::parse("18,5 %", NumberStyle::Comma).map(Pct::fraction), Ok(dec!(0.185)));
        assert!(Pct::parse("101", NumberStyle::Point).is_err());
        assert!(Pct::parse("-1", NumberStyle::Point).is_err());
        assert!(serde_json::from_str::<Pct>("150").is_err());
    }
}
