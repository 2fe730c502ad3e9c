//! Amounts in words for people: whole units or cents with thin grouping spaces.

use super::Money;

impl Money {
    /// Whole units with thin grouping spaces, for tables: `1 234 568`.
    pub fn grouped(self) -> String {
        let mut out = String::with_capacity(24);
        self.write_grouped(&mut out);
        out
    }

    /// `grouped`, written at the end of `out`: the whole units rounded half away from zero from
    /// the mantissa in integers, since the "why" of every evaluated prospect holds a dozen.
    pub fn write_grouped(self, out: &mut String) {
        let (m, scale) = (self.0.mantissa(), self.0.scale());
        let abs = m.unsigned_abs();
        // In 64 bits where the mantissa fits (every amount an input holds): 128-bit division is
        // a library call.
        let whole = match u64::try_from(abs) {
            Ok(small) if scale <= 19 => {
                let unit = 10u64.pow(scale);
                let (whole, rest) = (small / unit, small % unit);
                u128::from(whole) + u128::from(scale > 0 && rest >= unit - rest)
            }
            _ => {
                // A scale is at most 28 and 10^28 < 2^94: the unit and twice a remainder fit.
                let unit = 10u128.pow(scale);
                let (whole, rest) = (abs / unit, abs % unit);
                whole + u128::from(scale > 0 && rest * 2 >= unit)
            }
        };
        if m < 0 && whole != 0 {
            out.push('-');
        }
        match u64::try_from(whole) {
            Ok(whole) => push_grouped(out, whole),
            Err(_) => out.push_str(&group_digits(&whole.to_string(), false)),
        }
    }

    /// The bytes of `Display` (`1234567.89`, or `1234567` for a whole amount) at the end of
    /// `buffer`, without the decimal library's formatter: the store and the eval records hold
    /// some thirty amounts a prospect. `None` beyond 2^64 cents, which `Display` writes.
    pub fn plain_text(self, buffer: &mut [u8; 24]) -> Option<&str> {
        let d = self.0;
        let scale = d.scale();
        if scale > 2 {
            return None;
        }
        let cents = u64::try_from(d.mantissa().unsigned_abs()).ok()?.checked_mul(10u64.pow(2 - scale))?;
        let mut start = buffer.len();
        let mut put = |byte: u8| {
            start -= 1;
            buffer[start] = byte;
        };
        let digit = |n: u64| b'0' + (n % 10) as u8;
        if cents % 100 != 0 {
            put(digit(cents));
            put(digit(cents / 10));
            put(b'.');
        }
        let mut whole = cents / 100;
        loop {
            put(digit(whole));
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if cents != 0 && d.is_sign_negative() {
            put(b'-');
        }
        std::str::from_utf8(&buffer[start..]).ok()
    }

    /// As a person would type it, grouped, cents only when there are any: `1 234 567` or
    /// `1 234.50`.
    pub fn input_text(self) -> String {
        if self.0.normalize().scale() == 0 { self.grouped() } else { self.grouped_cents() }
    }

    /// Full precision with grouping: `1 234 567.89`.
    pub fn grouped_cents(self) -> String {
        let abs = self.0.abs().round_dp(2);
        let text = format!("{abs:.2}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
        format!("{}.{frac}", group_digits(int, self.is_negative()))
    }
}

/// The digits of `n` with a space before each group of three from the right.
fn push_grouped(out: &mut String, mut n: u64) {
    // u64::MAX has 20 digits: 20 and 6 spaces.
    let mut buffer = [b' '; 26];
    let (mut start, mut digits) = (buffer.len(), 0);
    loop {
        if digits > 0 && digits % 3 == 0 {
            start -= 1;
        }
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        digits += 1;
        if n == 0 {
            break;
        }
    }
    out.extend(buffer[start..].iter().map(|b| char::from(*b)));
}

fn group_digits(digits: &str, negative: bool) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::{Decimal, dec};

    use super::*;

    #[test]
    fn money_displays_grouped_and_canonical() {
        let m = Money::new(dec!(-1234567.891));
        assert_eq!(m.grouped(), "-1 234 568");
        assert_eq!(m.grouped_cents(), "-1 234 567.89");
        assert_eq!(m.to_string(), "-1234567.89");
        assert_eq!(Money::units(50_000).to_string(), "50000");
        assert_eq!(Money::units(999).grouped(), "999");
    }

    /// `grouped` as the decimal library would round and print it.
    fn grouped_by_the_library(m: Money) -> String {
        let whole = m.0.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        group_digits(&whole.abs().to_string(), whole.is_sign_negative() && !whole.is_zero())
    }

    #[test]
    fn grouped_at_the_edges() {
        for (m, s, text) in
            [(5i64, 1u32, "1"), (-5, 1, "-1"), (-4, 1, "0"), (49, 2, "0"), (-50, 2, "-1"), (0, 0, "0")]
        {
            assert_eq!(Money(Decimal::new(m, s)).grouped(), text, "{m}e-{s}");
        }
        assert_eq!(Money(Decimal::MAX).grouped(), grouped_by_the_library(Money(Decimal::MAX)));
        assert_eq!(Money(Decimal::MIN).grouped(), "-79 228 162 514 264 337 593 543 950 335");
        assert_eq!(Money(-Decimal::ZERO).grouped(), "0");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Any amount to the cent, of any size, either sign and scale (negative zero too): the
        /// plain text is `Display`'s, or left to it.
        #[test]
        fn plain_text_is_what_display_writes(m: u128, bits in 0u32..=96, negative: bool, scale in 0u32..=4) {
            let m = if bits == 0 { 0 } else { m >> (128 - bits) };
            let money = Money(Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, negative, scale));
            let mut buffer = [0u8; 24];
            if let Some(text) = money.plain_text(&mut buffer) {
                prop_assert_eq!(text, money.to_string());
            } else {
                prop_assert!(scale > 2 || m * 10u128.pow(2 - scale) > u128::from(u64::MAX), "{:?}", money);
            }
        }

        /// Any decimal a `Money` can hold, any scale: the integer path rounds and groups as the
        /// library does.
        #[test]
        fn grouped_as_the_library_rounds(lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28, small: bool) {
            let d = if small {
                Decimal::from_parts(lo, mid % 1000, 0, negative, scale % 6)
            } else {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            };
            prop_assert_eq!(Money(d).grouped(), grouped_by_the_library(Money(d)));
        }
    }
}
