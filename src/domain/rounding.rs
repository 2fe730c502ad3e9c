//! Rounding a decimal to a few places, with the very result `Decimal::round_dp_with_strategy`
//! gives (digits, scale and sign), in one integer division instead of its digit loops.
//!
//! Every amount the economics work out is rounded to the cent (`Money::new`) and every ratio to
//! one or two decimals; the library's rounding divides the 96-bit mantissa by powers of ten
//! several times over, which made it the single largest cost of evaluating a prospect. Here the
//! mantissa is divided once (as `u64` where it fits, else `u128`) and the remainder compared with
//! half the divisor, which is what the library decides too.

use rust_decimal::{Decimal, RoundingStrategy};

/// 10^0 … 10^28: every scale a `Decimal` can have.
const POW10: [u128; 29] = {
    let mut out = [1u128; 29];
    let mut i = 1;
    while i < out.len() {
        out[i] = out[i - 1] * 10;
        i += 1;
    }
    out
};

/// `d` rounded to `dp` places by `strategy`, exactly as `d.round_dp_with_strategy(dp,
/// strategy)`. The midpoint strategies take the fast path; any other strategy, and a zero
/// (whose sign the library keeps), go to the library.
pub fn round_dp(d: Decimal, dp: u32, strategy: RoundingStrategy) -> Decimal {
    let scale = d.scale();
    if scale <= dp {
        return d;
    }
    let m = d.mantissa().unsigned_abs();
    if m == 0 {
        return d.round_dp_with_strategy(dp, strategy);
    }
    let divisor = POW10[(scale - dp) as usize];
    let (q, r) = match (u64::try_from(m), u64::try_from(divisor)) {
        (Ok(m), Ok(div)) => (u128::from(m / div), u128::from(m % div)),
        _ => (m / divisor, m % divisor),
    };
    // The divisor is a power of ten above one, so even: `half` is the exact midpoint.
    let half = divisor / 2;
    let up = match strategy {
        RoundingStrategy::MidpointAwayFromZero => r >= half,
        RoundingStrategy::MidpointNearestEven => r > half || (r == half && q & 1 == 1),
        _ => return d.round_dp_with_strategy(dp, strategy),
    };
    // `q` ≤ m / 10 < 2^93, so one more still fits the 96 bits.
    let q = q + u128::from(up);
    let (lo, mid, hi) = (q as u32, (q >> 32) as u32, (q >> 64) as u32);
    Decimal::from_parts(lo, mid, hi, d.is_sign_negative(), dp)
}

/// To the cent, half away from zero, as invoices round.
pub fn to_cent(d: Decimal) -> Decimal {
    round_dp(d, 2, RoundingStrategy::MidpointAwayFromZero)
}

/// Half to even, as `Decimal::round_dp` rounds.
pub fn half_even(d: Decimal, dp: u32) -> Decimal {
    round_dp(d, dp, RoundingStrategy::MidpointNearestEven)
}

/// A fraction `x` in 0–1 to `dp` ≤ 6 places, half to even, as `Decimal::from_f64(x)` or
/// `Decimal::from_f64_retain(x)` rounded with `round_dp(dp)` gives it, without the conversion's
/// bit-by-bit loop; `None` where the float alone cannot tell (then convert).
///
/// Why it is the same: either conversion is within 1.2·10⁻¹⁵ of `x` (`from_f64` keeps ~16
/// digits, `from_f64_retain` ~28), so `x·10^dp` (≤ 10⁶) is within 1.2·10⁻⁹ of the converted
/// decimal times 10^dp, and the float product adds at most 1.2·10⁻¹⁰. More than 10⁻⁶ away from
/// every integer and midpoint, both round to the same integer `n`, and the decimal has more
/// than `dp` places, so `round_dp` returns `n` at scale `dp`, which is `Decimal::new(n, dp)`.
pub fn fraction_half_even(x: f64, dp: u32) -> Option<Decimal> {
    const UNDECIDED: f64 = 1e-6;
    if !(0.0..=1.0).contains(&x) || dp > 6 {
        return None;
    }
    let scaled = x * 10f64.powi(dp as i32);
    let n = scaled.round();
    let off = (scaled - n).abs();
    // `n` ≤ 10⁶: exact as an integer.
    (off > UNDECIDED && (0.5 - off).abs() > UNDECIDED).then(|| Decimal::new(n as i64, dp))
}

/// `amount ÷ unit` taken down (or up, `up`) to a whole number, times `unit`, both positive: as
/// `(amount / unit).floor() * unit` (or `.ceil()`) gives it, in one integer division, where the
/// whole number and the divisor (`unit`'s digits at `amount`'s scale) are below 10^12; `None`
/// elsewhere. Why it is the same: a quotient that is not whole lies at least 1/divisor > 10^−12
/// from every whole number, and the decimal quotient is exact or within 10^−16 of it (below
/// 10^12 it keeps at least 16 places), so it has the same floor and ceiling; a whole number
/// (scale 0) times `unit` is exact at `unit`'s scale.
pub fn whole_multiple(amount: Decimal, unit: Decimal, up: bool) -> Option<Decimal> {
    const BOUND: u128 = 1_000_000_000_000;
    if amount.is_sign_negative() || unit.is_sign_negative() || unit.is_zero() {
        return None;
    }
    let digits = |d: Decimal| u128::try_from(d.mantissa()).ok();
    let num = digits(amount)?.checked_mul(*POW10.get(unit.scale() as usize)?)?;
    let den = digits(unit)?.checked_mul(*POW10.get(amount.scale() as usize)?)?;
    // As `u64` where both fit: a 128-bit division is a library call.
    let (q, r) = match (u64::try_from(num), u64::try_from(den)) {
        (Ok(n), Ok(d)) => (u128::from(n / d), u128::from(n % d)),
        _ => (num / den, num % den),
    };
    let whole = q + u128::from(up && r != 0);
    // A zero product keeps the library's own scale and sign: left to it.
    if whole == 0 || whole >= BOUND || den >= BOUND {
        return None;
    }
    let product = i128::try_from(whole * digits(unit)?).ok()?;
    Decimal::try_from_i128_with_scale(product, unit.scale()).ok()
}

/// A fraction `x` in 0–1 that is a whole number of 2^−`dp` (1, 0.5, 0.375 …; `dp` ≤ 6), as
/// `Decimal::from_f64(x)` or `Decimal::from_f64_retain(x)` rounded with `round_dp(dp)` gives
/// it; `None` for any other float. These are the floats `fraction_half_even` leaves to the
/// conversion most often (a health of 1 or 0.5): k / 2^j with k odd is exactly k·5^j / 10^j,
/// both conversions give that decimal, and having j ≤ `dp` places it is not rounded. The
/// test below checks every such float against the library.
pub fn dyadic(x: f64, dp: u32) -> Option<Decimal> {
    if dp > 6 || !(0.0..=1.0).contains(&x) || x.is_sign_negative() {
        return None;
    }
    // Times a power of two: exact.
    let scaled = x * f64::from(1u32 << dp);
    if scaled.fract() != 0.0 {
        return None;
    }
    let n = scaled as u64;
    let twos = n.trailing_zeros().min(dp);
    let places = dp - twos;
    let mantissa = (n >> twos) * 5u64.pow(places);
    Some(Decimal::new(i64::try_from(mantissa).ok()?, places))
}

/// `Decimal::from_f64_retain(x).round_dp(dp)` for a fraction `x` in 2^−10–1 within 10^−6 of a
/// place at `dp` ≤ 6 but not a whole number of 2^−`dp` (`dyadic`): the nearest place, at scale
/// `dp`; `None` elsewhere. These are the floats a curve gives for a round health (0.85 is
/// 0.8500000000000000888…), which `fraction_half_even` leaves undecided. Why it is the same: the
/// retained decimal is within 10^−27 of `x` (28 places, a few lost halvings of a 96-bit
/// mantissa), and `x` = k / 2^j (k odd, `dp` < j ≤ 62 in this range) lies at least
/// 1 / (2^j·10^dp) > 10^−25 from every place, so the decimal has more than `dp` places and
/// rounds to the place beside it, kept at scale `dp`.
pub fn retained_near_place(x: f64, dp: u32) -> Option<Decimal> {
    const NEAR: f64 = 1e-6;
    if dp > 6 || !(2f64.powi(-10)..=1.0).contains(&x) || (x * f64::from(1u32 << dp)).fract() == 0.0 {
        return None;
    }
    let scaled = x * 10f64.powi(dp as i32);
    let n = scaled.round();
    ((scaled - n).abs() < NEAR).then(|| Decimal::new(n as i64, dp))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::prelude::FromPrimitive;

    use super::*;

    /// The same decimal to the last bit: digits, scale and sign.
    fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    #[test]
    fn by_hand() {
        let d = |m: i64, s: u32| Decimal::new(m, s);
        assert!(same(to_cent(d(12345, 3)), d(1235, 2)), "half away from zero");
        assert!(same(to_cent(d(-12345, 3)), d(-1235, 2)));
        assert!(same(half_even(d(12345, 3), 2), d(1234, 2)), "half to even");
        assert!(same(half_even(d(12355, 3), 2), d(1236, 2)));
        assert!(same(to_cent(d(1, 1)), d(1, 1)), "fewer places: unchanged, scale kept");
        assert!(same(to_cent(d(-4, 3)), d(0, 2)), "rounds to zero: the sign goes, as in the library");
    }

    /// Mantissas across the whole 96 bits, with their scale.
    fn decimal() -> impl Strategy<Value = Decimal> {
        let bits = prop_oneof![0u32..=96, Just(96u32)];
        (bits, any::<u128>(), any::<bool>(), 0u32..=28).prop_map(|(bits, raw, negative, scale)| {
            let m = if bits == 0 { 0 } else { raw >> (128 - bits) };
            let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn as_the_library_rounds(d in decimal(), dp in 0u32..=8) {
            for strategy in [RoundingStrategy::MidpointAwayFromZero, RoundingStrategy::MidpointNearestEven] {
                let ours = round_dp(d, dp, strategy);
                let theirs = d.round_dp_with_strategy(dp, strategy);
                prop_assert!(same(ours, theirs), "{d} to {dp}: {ours} vs {theirs} ({strategy:?})");
            }
        }

        /// Midpoints and their neighbours, where the strategies differ.
        #[test]
        fn at_and_beside_the_midpoint(q in 0u64..1_000_000, extra in 1u32..=20, side in -1i64..=1, neg: bool) {
            let half = 5 * 10u128.pow(extra - 1);
            let m = u128::from(q) * 10u128.pow(extra) + half;
            let m = m.checked_add_signed(i128::from(side)).unwrap_or(m);
            let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
            let d = Decimal::from_parts(lo, mid, hi, neg, extra + 2);
            for strategy in [RoundingStrategy::MidpointAwayFromZero, RoundingStrategy::MidpointNearestEven] {
                prop_assert!(same(round_dp(d, 2, strategy), d.round_dp_with_strategy(2, strategy)), "{d}");
            }
        }

        /// Where the float decides, the same decimal as either conversion rounded: anywhere in
        /// 0–1, and just beside the places and midpoints.
        #[test]
        fn a_fraction_as_converted_and_rounded(
            any in 0.0f64..=1.0,
            k in 0u32..1_000_000,
            near in prop_oneof![0.0f64..1e-5, 0.49999f64..0.50001, 0.99999f64..1.0],
            dp in 0u32..=6,
            beside: bool,
        ) {
            let x = if beside { ((f64::from(k) + near) / 10f64.powi(dp as i32)).min(1.0) } else { any };
            if let Some(fast) = fraction_half_even(x, dp) {
                let kept = Decimal::from_f64(x).map(|d| d.round_dp(dp));
                let retained = Decimal::from_f64_retain(x).map(|d| d.round_dp(dp));
                prop_assert!(kept.is_some_and(|k| same(k, fast)), "{x} to {dp}: {fast} vs {kept:?}");
                prop_assert!(retained.is_some_and(|r| same(r, fast)), "{x} to {dp}: {fast} vs {retained:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]

        /// Beside a place, a few floats either way, as the retaining conversion rounds it.
        #[test]
        fn a_fraction_beside_a_place_as_retained_and_rounded(
            k in 0u32..=1_000_000,
            ulps in -64i64..=64,
            dp in 0u32..=6,
        ) {
            let place = (f64::from(k) / 1e6 * 10f64.powi(dp as i32)).round() / 10f64.powi(dp as i32);
            let x = f64::from_bits(place.to_bits().saturating_add_signed(ulps));
            if let Some(fast) = retained_near_place(x, dp) {
                let retained = Decimal::from_f64_retain(x).map(|d| d.round_dp(dp));
                prop_assert!(retained.is_some_and(|r| same(r, fast)), "{x} to {dp}: {fast} vs {retained:?}");
            }
        }
    }

    #[test]
    fn a_round_health_is_its_place_at_scale_four() {
        let h = 0.6 + 0.25;
        assert!(same(retained_near_place(h, 4).unwrap(), Decimal::new(8500, 4)), "{h}");
        assert_eq!(retained_near_place(0.5, 4), None, "dyadic: the shorter scale");
        assert_eq!(retained_near_place(0.12345, 4), None, "not beside a place");
        assert_eq!(retained_near_place(1e-9, 4), None, "below the range");
    }

    #[test]
    fn every_dyadic_fraction_as_either_conversion_rounds_it() {
        for dp in 0..=6u32 {
            for n in 0..=(1u32 << dp) {
                let x = f64::from(n) / f64::from(1u32 << dp);
                let fast = dyadic(x, dp).expect("a dyadic fraction");
                let kept = Decimal::from_f64(x).map(|d| d.round_dp(dp));
                let retained = Decimal::from_f64_retain(x).map(|d| d.round_dp(dp));
                assert!(kept.is_some_and(|k| same(k, fast)), "{x} to {dp}: {fast} vs {kept:?}");
                assert!(retained.is_some_and(|r| same(r, fast)), "{x} to {dp}: {fast} vs {retained:?}");
            }
        }
        for x in [0.1, 0.3, 1.0 / 3.0, 1.5, -0.5, -0.0, f64::NAN, 1.0 / 128.0] {
            assert_eq!(dyadic(x, 6), None, "{x}");
        }
        assert_eq!(dyadic(0.125, 2), None, "three binary places do not fit two");
    }

    #[test]
    fn a_fraction_the_float_cannot_tell_is_left_to_the_conversion() {
        // Exact places, midpoints and their float neighbours.
        for x in [0.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.12345] {
            assert_eq!(fraction_half_even(x, 4), None, "{x}");
        }
        assert_eq!(fraction_half_even(0.07, 6), None, "0.070000 exactly: the conversion's scale");
        assert_eq!(fraction_half_even(f64::NAN, 2), None);
        assert_eq!(fraction_half_even(1.5, 2), None);
        assert!(same(fraction_half_even(0.123456789, 6).unwrap(), Decimal::new(123457, 6)));
        assert!(same(fraction_half_even(1e-9, 4).unwrap(), Decimal::new(0, 4)), "rounds to zero at scale 4");
    }
}
