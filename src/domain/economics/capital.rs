//! Measures that relate a deal's profit to its risk: the months of profit one default wipes
//! out, the sales that would replace it, and RAROC on the Basel IRB corporate capital.
//!
//! The capital is the IRB formula for corporate exposures (BCBS, "An Explanatory Note on the
//! Basel II IRB Risk Weight Functions", 2005) at the deal's PD (floored) and its loss at
//! default, maturity one year (so the maturity adjustment is 1), no SME size adjustment:
//! K = LGD · [N((G(PD) + √R · G(0.999)) / √(1 − R)) − PD], with the correlation
//! R = 0.12 · w + 0.24 · (1 − w), w = (1 − e^(−50·PD)) / (1 − e^(−50)).
//! K is linear in LGD, so the capital of a split exposure is K(PD) times its loss at default.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use statrs::distribution::{ContinuousCDF, Normal};

use crate::domain::float_decimal;
use crate::domain::money::{Money, Pct};
use crate::domain::rounding::half_even;

/// The IRB confidence level.
const CONFIDENCE: f64 = 0.999;

/// G(0.999), the inverse normal of the confidence level: the same for every deal, so worked
/// out once rather than per prospect.
static G_CONFIDENCE: std::sync::LazyLock<f64> =
    std::sync::LazyLock::new(|| Normal::standard().inverse_cdf(CONFIDENCE));

/// Capital per unit of loss at default at this PD: N(…) − PD, with PD floored.
pub fn capital_factor(pd: Decimal, floor: Pct) -> f64 {
    let pd = pd.max(floor.fraction()).to_f64().unwrap_or(1.0).clamp(0.0, 1.0);
    if pd >= 1.0 {
        return 0.0;
    }
    let normal = Normal::standard();
    let w = (1.0 - (-50.0 * pd).exp()) / (1.0 - (-50.0f64).exp());
    let r = 0.12 * w + 0.24 * (1.0 - w);
    let x = (normal.inverse_cdf(pd) + r.sqrt() * *G_CONFIDENCE) / (1.0 - r).sqrt();
    (normal.cdf(x) - pd).max(0.0)
}

/// The capital a deal ties up. In default the loss is no longer unexpected: the capital is the
/// loss itself.
pub fn capital(pd: Decimal, loss_at_default: Money, floor: Pct) -> Money {
    if pd >= Decimal::ONE {
        return loss_at_default;
    }
    let factor = float_decimal::from_f64(capital_factor(pd, floor)).unwrap_or(Decimal::ONE);
    loss_at_default.times(factor)
}

/// Risk-adjusted return on capital, in percent to one decimal; none in default (the capital is
/// the loss) or when nothing is at risk.
pub fn raroc_pct(profit: Money, capital: Money, in_default: bool) -> Option<Decimal> {
    (!in_default && capital.is_positive())
        .then(|| half_even(profit.amount() * Decimal::ONE_HUNDRED / capital.amount(), 1))
}

/// How many months of the yearly risk-adjusted profit one default wipes out, to one decimal;
/// none where there is no profit to cover a default.
pub fn loss_months(loss_at_default: Money, profit: Money) -> Option<Decimal> {
    profit.is_positive().then(|| half_even(loss_at_default.amount() * Decimal::from(12) / profit.amount(), 1))
}

/// The new sales that would earn back one default at this gross margin (write-off ÷ margin);
/// none where the margin is not positive.
pub fn sales_to_replace(loss_at_default: Money, margin: Decimal) -> Option<Money> {
    (margin > Decimal::ZERO).then(|| Money::new(loss_at_default.amount() / margin))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floor() -> Pct {
        Pct::new(Decimal::new(5, 2))
    }

    #[test]
    fn irb_capital_by_hand() {
        // PD 3 %: w = (1 − e^−1.5)/(1 − e^−50) = 0.776870, R = 0.12·w + 0.24·(1 − w) = 0.146776;
        // G(0.03) = −1.880794, G(0.999) = 3.090232;
        // x = (−1.880794 + 0.383114·3.090232)/√0.853224 = −0.754449; N(x) = 0.225290;
        // K = 0.225290 − 0.03 = 0.195290.
        let k = capital_factor(Decimal::new(3, 2), floor());
        assert!((k - 0.195290).abs() < 1e-6, "{k}");
        // PD 8 %: R = 0.122198, x = −0.346698, N(x) = 0.364409, K = 0.284409.
        let k = capital_factor(Decimal::new(8, 2), floor());
        assert!((k - 0.284409).abs() < 1e-6, "{k}");
        // 100 000 lost at default, PD 3 %: capital 19 529.00.
        assert_eq!(capital(Decimal::new(3, 2), Money::units(100_000), floor()), Money::units(19_529));
    }

    #[test]
    fn the_pd_floor_and_default() {
        // PD 0.01 % is floored at 0.05 %: K(0.0005) = 0.019942 (R = 0.237037).
        let tiny = capital_factor(Decimal::new(1, 4), floor());
        assert!((tiny - 0.019942).abs() < 1e-6, "{tiny}");
        assert_eq!(tiny, capital_factor(Decimal::new(5, 4), floor()));
        // In default the capital is the loss and RAROC is not shown.
        let loss = Money::units(50_000);
        assert_eq!(capital(Decimal::ONE, loss, floor()), loss);
        assert_eq!(raroc_pct(Money::units(10_000), loss, true), None);
    }

    #[test]
    fn raroc_months_and_sales_by_hand() {
        // 12 000 profit on 40 000 capital: 30.0 %.
        assert_eq!(raroc_pct(Money::units(12_000), Money::units(40_000), false), Some(Decimal::new(300, 1)));
        assert_eq!(raroc_pct(Money::units(12_000), Money::ZERO, false), None);
        // 145 418.02 lost at default against 180 000 a year: 145 418.02·12/180 000 = 9.7 months.
        let lad = Money::new(Decimal::new(14_541_802, 2));
        assert_eq!(loss_months(lad, Money::units(180_000)), Some(Decimal::new(97, 1)));
        assert_eq!(loss_months(lad, Money::ZERO), None, "no profit to cover a default");
        assert_eq!(loss_months(lad, Money::units(-5)), None);
        // At a 14 % margin, 145 418.02 / 0.14 = 1 038 700.14 of new sales.
        assert_eq!(
            sales_to_replace(lad, Decimal::new(14, 2)),
            Some(Money::new(Decimal::new(103_870_014, 2)))
        );
        assert_eq!(sales_to_replace(lad, Decimal::ZERO), None);
    }
}
