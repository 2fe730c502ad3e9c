//! A float as the decimal `Decimal::from_f64` makes of it, to the last bit (digits, scale and
//! sign), with the same steps on a `u128` instead of three 32-bit limbs.
//!
//! The IRB capital factor is worked out in floating point (the normal distribution) and enters
//! the exact capital through this conversion once per prospect; the library's bit-by-bit loop
//! (a limb multiplication per bit of the exponent, then one limb division per digit dropped)
//! was a tenth of a prospect's evaluation. Each step below is the library's step: halving an
//! even mantissa, multiplying an odd one by five while it fits in 96 bits, else halving it and
//! losing the bit; then dropping digits past scale 28 and past the float's precision (2^52),
//! each rounded half up, and trailing zeros. Zero, subnormals, non-finite values and values
//! from 2^53 up go to the library.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// The largest mantissa a `Decimal` holds, plus one.
const LIMIT: u128 = 1 << 96;

/// `Decimal::from_f64(x)`, exactly.
pub fn from_f64(x: f64) -> Option<Decimal> {
    let raw = x.to_bits();
    let negative = raw >> 63 == 1;
    let biased = ((raw >> 52) & 0x7FF) as i32;
    let exponent2 = biased - 1023 - 52;
    if biased == 0 || biased == 0x7FF || exponent2 > 0 {
        return Decimal::from_f64(x);
    }
    let mut m = u128::from((raw & 0x000F_FFFF_FFFF_FFFF) | 1 << 52);
    // 2^e2 = 10^e2 · 5^−e2: the mantissa takes the fives, the scale the tens.
    let (mut fives, mut exponent10) = (-exponent2, exponent2);
    while fives > 0 {
        if m & 1 == 1 && m * 5 < LIMIT {
            m *= 5;
            fives -= 1;
        } else {
            // Halving, lossless or not, until the mantissa is odd and takes a five again: the
            // shift that brings it under LIMIT / 5, then up to its lowest set bit.
            let fit = halvings_to_fit(m);
            let shift = (fit + (m >> fit).trailing_zeros() as i32).min(fives);
            m >>= shift;
            exponent10 += shift;
            fives -= shift;
        }
    }
    while exponent10 < -(Decimal::MAX_SCALE as i32) {
        let rem = div10(&mut m);
        exponent10 += 1;
        if m == 0 {
            // The library's zero keeps the float's sign; leave that case to it.
            return Decimal::from_f64(x);
        } else if rem >= 5 {
            m += 1;
        }
    }
    // Down to the float's precision, as the library removes the excess bits, a digit at a time
    // rounded half up; k such roundings are one: ⌊(m + 55…5) / 10^k⌋ with k fives.
    if exponent10 < 0 && m >= 1 << 52 {
        let digits = digits_to_precision(m, (-exponent10) as u32);
        m = rounded_down(m, digits);
        exponent10 += digits as i32;
    }
    while exponent10 < 0 {
        let mut shorter = m;
        if div10(&mut shorter) != 0 {
            break;
        }
        m = shorter;
        exponent10 += 1;
    }
    let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
    Some(Decimal::from_parts(lo, mid, hi, negative, exponent10.unsigned_abs()))
}

/// The fewest halvings that bring `m` (below 2^96) under LIMIT / 5.
fn halvings_to_fit(m: u128) -> i32 {
    let bits = 128 - m.leading_zeros() as i32;
    // LIMIT / 5 lies between 2^93 and 2^94: 93 bits always fit, 94 only below it.
    let mut shift = (bits - 94).max(0);
    if (m >> shift) * 5 >= LIMIT {
        shift += 1;
    }
    shift
}

/// 10^k and 5·(10^k − 1)/9 (k fives) for k up to the largest scale.
const POWERS: [(u128, u128); 29] = {
    let mut table = [(1, 0); 29];
    let mut k = 1;
    while k < 29 {
        table[k] = (table[k - 1].0 * 10, table[k - 1].1 * 10 + 5);
        k += 1;
    }
    table
};

/// ⌊(m + 5·(10^k − 1)/9) / 10^k⌋: `m` rounded half up k times, a digit at a time.
fn rounded_down(m: u128, k: u32) -> u128 {
    let (power, fives) = POWERS[k as usize];
    let sum = m + fives;
    // Most divisors fit 64 bits and most sums too: the 64-bit division is an instruction.
    match (u64::try_from(sum), u64::try_from(power)) {
        (Ok(sum), Ok(power)) => u128::from(sum / power),
        _ => sum / power,
    }
}

/// The fewest digits, at most `most`, that `rounded_down` drops to bring `m` under 2^52.
fn digits_to_precision(m: u128, most: u32) -> u32 {
    // Each digit takes log2(10) ≈ 3.32 bits: start from the estimate, then step to the fewest.
    let bits = 128 - m.leading_zeros();
    let mut k = ((bits.saturating_sub(52)) * 3 / 10).min(most);
    while k > 0 && rounded_down(m, k - 1) < 1 << 52 {
        k -= 1;
    }
    while k < most && rounded_down(m, k) >= 1 << 52 {
        k += 1;
    }
    k
}

/// Divides a mantissa below 2^96 by ten, returning the remainder: limb by limb, each a 64-bit
/// division by a constant, which the compiler turns into a multiplication.
fn div10(m: &mut u128) -> u32 {
    let mut rem = 0u64;
    let mut out = 0u128;
    for shift in [64u32, 32, 0] {
        let part = (rem << 32) | ((*m >> shift) as u64 & 0xFFFF_FFFF);
        out |= u128::from(part / 10) << shift;
        rem = part % 10;
    }
    *m = out;
    rem as u32
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn same(a: Option<Decimal>, b: Option<Decimal>) -> bool {
        a.map(|d| d.serialize()) == b.map(|d| d.serialize())
    }

    #[test]
    fn by_hand() {
        for x in [0.1, 0.5, 0.195290, 0.284409, 1.0 / 3.0, 0.999_999_999_999, 1e-9, 1e-30, 123.456, -0.3] {
            assert!(same(from_f64(x), Decimal::from_f64(x)), "{x}");
        }
        for x in [0.0, -0.0, f64::MIN_POSITIVE / 4.0, f64::NAN, f64::INFINITY, 1e300, 9.1e15] {
            assert!(same(from_f64(x), Decimal::from_f64(x)), "{x}: the library's own answer");
        }
        let mut m = 12_345u128 * 10 + 7;
        assert_eq!(div10(&mut m), 7);
        assert_eq!(m, 12_345);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]

        /// Any float's bits, every exponent and sign.
        #[test]
        fn as_the_library_converts_any_float(bits: u64) {
            let x = f64::from_bits(bits);
            prop_assert!(same(from_f64(x), Decimal::from_f64(x)), "{x:e}");
        }

        /// Fractions of 0–1, where the capital factor lives.
        #[test]
        fn as_the_library_converts_a_fraction(x in 0.0f64..1.0) {
            prop_assert!(same(from_f64(x), Decimal::from_f64(x)), "{x:e}");
        }
    }
}
