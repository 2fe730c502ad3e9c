//! How figures are written for people, on every screen and in the `eval` table: one rounding
//! (half away from zero, as invoices round), one precision per kind of figure, and counted
//! nouns in the right number ("1 month", "3 months").

use std::fmt::Write;

use rust_decimal::{Decimal, RoundingStrategy};

/// A decimal rounded half away from zero to `places`.
fn rounded(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// A percentage to one decimal: `11.4 %` for 11.39 (`{:.1}` on a `Decimal` would cut it to
/// 11.3, and `round_dp` rounds half to even).
pub fn percent(value: Decimal) -> String {
    tenths(value, "%")
}

/// A figure to one decimal with its unit: `3.5 mo`, `11.4 %`.
pub fn tenths(value: Decimal, unit: &str) -> String {
    format!("{:.1} {unit}", rounded(value, 1))
}

/// A change in percentage points with its sign, `+0.3 pt`: see [`change`].
pub fn points(change: Decimal) -> String {
    self::change(change, "pt")
}

/// A change with its sign and unit, `+0.3 pt`, `-2 mo`: under 0.1 it keeps two decimals, so
/// that a loss never reads as "+0.0"; from 100 none, so that the sign still fits a narrow
/// column; else one.
pub fn change(change: Decimal, unit: &str) -> String {
    let size = change.abs();
    let places = if size < Decimal::new(1, 1) {
        2
    } else if size >= Decimal::ONE_HUNDRED {
        0
    } else {
        1
    };
    let d = rounded(change, places);
    let sign = if d.is_sign_positive() && !d.is_zero() { "+" } else { "" };
    format!("{sign}{d:.*} {unit}", places as usize)
}

/// A probability of default as a percentage to two decimals, without trailing zeros: `0.16`
/// for 0.001552, `8` for 0.08 (the table's PD column and the form's panel read the same).
pub fn pd_percent(pd: Decimal) -> String {
    pd.checked_mul(Decimal::ONE_HUNDRED).map_or_else(|| "—".into(), |p| rounded(p, 2).normalize().to_string())
}

/// A score (0–100) to one decimal: `38.3`.
pub fn score(value: f64) -> String {
    // Through a decimal, so that 38.25 rounds as the percentages do (f64 formatting rounds the
    // binary value, 38.249999…, down).
    match Decimal::from_f64_retain(value) {
        Some(d) => format!("{:.1}", rounded(d, 1)),
        None => format!("{value:.1}"),
    }
}

/// Writes `value` with `decimals` places on `out`: the same bytes as `{value:.decimals$}` (the
/// exact binary value rounded half to even, so 9.995 writes "9.99"; a negative value keeps its
/// sign, "-0.00" included), without the formatting machinery, for which std falls back to a slow
/// exact algorithm on many values: every reason writes a few such figures. Values beyond 10^15,
/// more than 4 places and non-finite values are written by std itself.
pub fn write_fixed(out: &mut String, value: f64, decimals: usize) {
    let Some(scaled) = scaled_half_even(value, decimals) else {
        let _ = write!(out, "{value:.decimals$}");
        return;
    };
    if value.is_sign_negative() {
        out.push('-');
    }
    let unit = 10u64.pow(decimals as u32);
    push_digits(out, scaled / unit, 1);
    if decimals > 0 {
        out.push('.');
        push_digits(out, scaled % unit, decimals);
    }
}

/// `|value| × 10^decimals`, rounded half to even from the exact binary value, where it fits
/// (finite, under 10^15, at most 4 places: then it stays under 10^19 < 2^64).
fn scaled_half_even(value: f64, decimals: usize) -> Option<u64> {
    if !value.is_finite() || value.abs() >= 1e15 || decimals > 4 {
        return None;
    }
    let bits = value.to_bits();
    let (exponent, fraction) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    // value = mantissa × 2^-shift; under 10^15 (< 2^50) the exponent is always negative.
    let (mantissa, shift) =
        if exponent == 0 { (fraction, 1074) } else { (fraction | (1 << 52), 1075u64.checked_sub(exponent)?) };
    if shift == 0 {
        return None;
    }
    // Under 2^53 × 10^4 < 2^67: below half of 2^shift from a shift of 68 on, so it rounds to 0.
    let product = u128::from(mantissa) * u128::from(10u64.pow(decimals as u32));
    if shift >= 128 {
        return Some(0);
    }
    let (quotient, rest, half) = (product >> shift, product & ((1u128 << shift) - 1), 1u128 << (shift - 1));
    let up = rest > half || (rest == half && quotient & 1 == 1);
    u64::try_from(quotient + u128::from(up)).ok()
}

/// `n` in decimal digits, zero-padded to at least `width`.
pub fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while n > 0 || start == digits.len() {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for _ in digits.len() - start..width {
        out.push('0');
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// `n` of a thing, singular or plural: `1 month`, `3 months`, `0 prospects`.
pub fn count<N: Copy + PartialEq + From<u8> + std::fmt::Display>(n: N, singular: &str) -> String {
    if n == N::from(1) { format!("1 {singular}") } else { format!("{n} {singular}s") }
}

/// Text cut to `width` characters, with "…" for what is cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn fixed(value: f64, decimals: usize) -> String {
        let mut out = String::new();
        write_fixed(&mut out, value, decimals);
        out
    }

    #[test]
    fn fixed_places_write_what_std_writes() {
        // The exact binary value decides: 9.995 is 9.99499…, 0.125 a true tie (to even).
        assert_eq!(fixed(9.995, 2), "9.99");
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(-0.0, 1), "-0.0");
        assert_eq!(fixed(-0.001, 2), "-0.00");
        assert_eq!(fixed(0.0, 0), "0");
        assert_eq!(fixed(5e-324, 4), "0.0000");
        assert_eq!(fixed(999_999_999_999_999.9, 4), format!("{:.4}", 999_999_999_999_999.9f64));
        for (value, decimals) in [(1e15, 2), (f64::NAN, 1), (f64::INFINITY, 0), (1.5, 6)] {
            assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"));
        }
    }

    /// Any bit pattern, figures as the reasons have them, and ties of every kind.
    fn float() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<u64>().prop_map(f64::from_bits),
            -1e6f64..1e6,
            -1.0f64..1.0,
            (any::<i64>(), 0u32..=6)
                .prop_map(|(n, places)| (n % 10_000_000_000) as f64 / 10f64.powi(places as i32)),
            (any::<i32>(), 1u32..=16).prop_map(|(n, bits)| f64::from(n) / f64::from(1u32 << bits)),
            (0.0f64..1e15),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]

        #[test]
        fn fixed_places_as_std_formats(value in float(), decimals in 0usize..=5) {
            prop_assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"), "{:?} to {}", value, decimals);
        }

        #[test]
        fn digits_as_std_writes_them(n: u64, width in 0usize..=22) {
            let mut out = String::new();
            push_digits(&mut out, n, width);
            prop_assert_eq!(out, format!("{n:0width$}"));
        }
    }

    #[test]
    fn percentages_round_half_away_from_zero_to_one_decimal() {
        // 11.39 is nearer 11.4; 11.35 is halfway and goes away from zero; 11.25 too (half to
        // even would give 11.2).
        assert_eq!(percent(dec!(11.39)), "11.4 %");
        assert_eq!(percent(dec!(11.35)), "11.4 %");
        assert_eq!(percent(dec!(11.25)), "11.3 %");
        assert_eq!(percent(dec!(-2.25)), "-2.3 %");
        assert_eq!(percent(dec!(99)), "99.0 %");
        assert_eq!(percent(dec!(330.4)), "330.4 %");
    }

    #[test]
    fn points_keep_their_sign_and_small_changes_two_decimals() {
        assert_eq!(points(dec!(0.34)), "+0.3 pt");
        assert_eq!(points(dec!(30.25)), "+30.3 pt");
        assert_eq!(points(dec!(-0.04)), "-0.04 pt");
        assert_eq!(points(dec!(0.005)), "+0.01 pt");
        assert_eq!(points(dec!(-1.25)), "-1.3 pt");
        // From 100 points, whole points: 1201.46 → 1201, 150.5 → 151 (away from zero).
        assert_eq!(points(dec!(1201.46)), "+1201 pt");
        assert_eq!(change(dec!(-150.5), "mo"), "-151 mo");
        assert_eq!(tenths(dec!(3.25), "mo"), "3.3 mo");
    }

    #[test]
    fn probabilities_of_default_read_in_percent_to_two_decimals() {
        // 0.001552 is 0.1552 %, nearer 0.16; 0.08 is 8 %; 0.00145 is 0.145 %, halfway, which
        // goes away from zero (half to even would give 0.14).
        assert_eq!(pd_percent(dec!(0.001552)), "0.16");
        assert_eq!(pd_percent(dec!(0.08)), "8");
        assert_eq!(pd_percent(dec!(0.00145)), "0.15");
        assert_eq!(pd_percent(dec!(0.094)), "9.4");
    }

    #[test]
    fn scores_round_like_percentages() {
        assert_eq!(score(38.25), "38.3");
        assert_eq!(score(99.04), "99.0");
        assert_eq!(score(7.349), "7.3");
    }

    #[test]
    fn cut_text_ends_in_an_ellipsis() {
        assert_eq!(fit("Logistics & warehousing", 10), "Logistics…");
        assert_eq!(fit("Antwerpen", 9), "Antwerpen");
        assert_eq!(fit("Liège", 4), "Liè…");
        assert_eq!(fit("x", 0), "");
    }

    #[test]
    fn counted_nouns_agree_with_their_number() {
        assert_eq!(count(1u32, "month"), "1 month");
        assert_eq!(count(3u32, "month"), "3 months");
        assert_eq!(count(0usize, "prospect"), "0 prospects");
    }
}
