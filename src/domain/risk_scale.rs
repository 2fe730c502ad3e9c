//! The master scale (CREDIT-PRACTICE "Calibrating PDs"): the one-year probability of default
//! as a continuous function of the score, log-linear between anchors, and bands as score ranges
//! of it. The anchors are the policy's PD at score 100, each band's `pd_pct` at the middle of
//! the band, and the PD at score 0, so a D at 49.9 and a D at 35.0 no longer share one PD.

use rust_decimal::Decimal;
use strum::VariantArray;

use super::float_decimal;
use super::policy::Policy;
use super::rounding::{dyadic, fraction_half_even, half_even};
use super::vocabulary::Band;

/// The highest score of a band (the lowest of the band above; 100 for the best).
pub fn best_score(band: Band, policy: &Policy) -> f64 {
    match Band::VARIANTS.iter().position(|b| *b == band) {
        Some(0) | None => 100.0,
        Some(i) => policy.bands.get(Band::VARIANTS[i - 1]).min_score,
    }
}

/// The middle score of a band, where its `pd_pct` anchors the scale.
pub fn middle_score(band: Band, policy: &Policy) -> f64 {
    (policy.bands.get(band).min_score + best_score(band, policy)) / 2.0
}

/// `(score, PD as a fraction)`, scores falling.
fn anchors(policy: &Policy) -> [(f64, f64); 7] {
    let pd = |band: Band| policy.bands.get(band).pd_pct.to_f64() / 100.0;
    let mid = |band: Band| (middle_score(band, policy), pd(band));
    [
        (100.0, policy.pd_scale.at_best_score_pct.to_f64() / 100.0),
        mid(Band::A),
        mid(Band::B),
        mid(Band::C),
        mid(Band::D),
        mid(Band::E),
        (0.0, policy.pd_scale.at_worst_score_pct.to_f64() / 100.0),
    ]
}

/// The scale's anchors, worked out once for the PDs of one assessment: `(score, PD, ln PD)`,
/// the logarithm taken once per anchor rather than twice per PD.
pub struct MasterScale([(f64, f64, f64); 7]);

impl MasterScale {
    pub fn new(policy: &Policy) -> MasterScale {
        MasterScale(anchors(policy).map(|(score, pd)| (score, pd, pd.ln())))
    }

    /// The PD at a score, as a fraction: log-linear between the two anchors around it, clamped
    /// to the end anchors outside 0–100.
    pub fn pd_at(&self, score: f64) -> f64 {
        let points = &self.0;
        let score = score.clamp(0.0, 100.0);
        for pair in points.windows(2) {
            let ((hi, _, ln_hi), (lo, _, ln_lo)) = (pair[0], pair[1]);
            if score >= lo && score <= hi && hi > lo {
                let t = (hi - score) / (hi - lo);
                return (ln_hi + t * (ln_lo - ln_hi)).exp();
            }
        }
        points[0].1
    }

    /// The PD at a band's best score: the least a band given by a cap carries.
    pub fn pd_floor(&self, band: Band, policy: &Policy) -> f64 {
        self.pd_at(best_score(band, policy))
    }
}

/// The PD at a score (`MasterScale::pd_at`).
pub fn pd_at(score: f64, policy: &Policy) -> f64 {
    MasterScale::new(policy).pd_at(score)
}

/// The PD at a band's best score (`MasterScale::pd_floor`).
pub fn pd_floor(band: Band, policy: &Policy) -> f64 {
    MasterScale::new(policy).pd_floor(band, policy)
}

/// A PD fraction as the exact decimal the economics use, to a millionth (0.0001 %): the float's
/// `Decimal::from_f64` rounded half to even, taken from the float alone where it decides, and
/// else converted without the library's bit loop (`float_decimal`, the same decimal).
pub fn pd_decimal(pd: f64) -> Decimal {
    let pd = pd.clamp(0.0, 1.0);
    fraction_half_even(pd, 6)
        .or_else(|| dyadic(pd, 6))
        .unwrap_or_else(|| float_decimal::from_f64(pd).map_or(Decimal::ONE, |d| half_even(d, 6)))
}
