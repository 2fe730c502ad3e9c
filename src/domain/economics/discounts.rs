//! What stricter terms cost: a prepayment discount on the prepaid part, and an early-payment
//! discount ("d/D net T") only where it is taken, with its cost as a yearly rate to set beside
//! the cost of capital.

use rust_decimal::Decimal;

use crate::domain::money::{Money, Pct};
use crate::domain::rounding::half_even;

const YEAR: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

/// The discount on the prepaid part of the volume: V × advance × rate. Without it advances
/// would be free and the model would always ask for more of them.
pub fn prepayment_discount(volume: Money, advance: Pct, rate: Pct) -> Money {
    volume.times(advance.fraction() * rate.fraction())
}

/// The early-payment discount the buyers who take it earn: take-up × V × (1 − advance) × d.
pub fn early_payment_discount(volume: Money, advance: Pct, discount: Pct, take_up: Pct) -> Money {
    volume.times(take_up.fraction() * (Decimal::ONE - advance.fraction()) * discount.fraction())
}

/// The discount's cost as a yearly rate, in percent to one decimal: d / (1 − d) × 365 / (N − D),
/// N the days the buyer would otherwise pay after; none without a discount or a gain in days.
pub fn annualised_cost_pct(discount: Pct, discount_days: u32, days_otherwise: Decimal) -> Option<Decimal> {
    let d = discount.fraction();
    let gained = days_otherwise - Decimal::from(discount_days);
    (d > Decimal::ZERO && d < Decimal::ONE && gained > Decimal::ZERO)
        .then(|| half_even(d / (Decimal::ONE - d) * YEAR / gained * Decimal::ONE_HUNDRED, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::NumberStyle;

    fn pct(s: &str) -> Pct {
        Pct::parse(s, NumberStyle::Point).unwrap()
    }

    #[test]
    fn prepayment_discount_by_hand() {
        // 2 400 000 a year, 30 % prepaid at 2 %: 2 400 000·0.3·0.02 = 14 400.
        assert_eq!(prepayment_discount(Money::units(2_400_000), pct("30"), pct("2")), Money::units(14_400));
        assert_eq!(prepayment_discount(Money::units(2_400_000), Pct::ZERO, pct("2")), Money::ZERO);
    }

    #[test]
    fn early_payment_discount_with_take_up_by_hand() {
        // "2/10 net 30" on 365 000, 10 % advance, half take it: 0.5·365 000·0.9·0.02 = 3 285.
        let cost = early_payment_discount(Money::units(365_000), pct("10"), pct("2"), pct("50"));
        assert_eq!(cost, Money::units(3_285));
        // Its yearly cost: 0.02/0.98·365/(30 − 10) = 37.2 % (CREDIT-PRACTICE: ≈ 37 %).
        assert_eq!(annualised_cost_pct(pct("2"), 10, Decimal::from(30)), Some(Decimal::new(372, 1)));
        // Against a buyer who would pay at 40 days: 0.02/0.98·365/30 = 24.8 %.
        assert_eq!(annualised_cost_pct(pct("2"), 10, Decimal::from(40)), Some(Decimal::new(248, 1)));
        assert_eq!(annualised_cost_pct(Pct::ZERO, 10, Decimal::from(30)), None);
        assert_eq!(annualised_cost_pct(pct("2"), 30, Decimal::from(30)), None);
    }
}
