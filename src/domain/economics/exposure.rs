//! Exposure as credit insurers count it: how long a receivable is out (days to pay), the VAT an
//! invoice carries, the receivable the terms need, and the volume a credit limit carries.

use rust_decimal::Decimal;

use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::vocabulary::{Delivery, Security};

const YEAR: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

/// Whether a buyer in `country` buys at home: an unknown country counts as domestic, the
/// cautious reading (VAT on the invoice, no letter of credit).
pub fn is_domestic(country: Option<&str>, policy: &Policy) -> bool {
    country.is_none_or(|c| c.trim().eq_ignore_ascii_case(&policy.seller.home_country))
}

/// The VAT rate on the invoices: the seller's home rate for a domestic sale; an intra-EU B2B
/// sale is reverse-charged and an export zero-rated, so they carry none.
pub fn vat_rate(country: Option<&str>, policy: &Policy) -> Pct {
    if is_domestic(country, policy) {
        policy.exposure.vat_pct.get(&policy.seller.home_country).copied().unwrap_or(Pct::ZERO)
    } else {
        Pct::ZERO
    }
}

/// How a debtor pays: the terms it is given and its habits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Payment {
    pub payment_days: u32,
    pub delivery: Delivery,
    pub security: Security,
    /// Expected days beyond terms.
    pub dbt_days: u32,
    /// The terms its DBT was observed on.
    pub observed_terms_days: u32,
    pub discount_pct: Pct,
    pub discount_days: u32,
}

/// Days the receivable of one invoice is out, on average.
///
/// On open account it is the longer of the terms plus DBT and the debtor's habitual days
/// (its DBT on the terms it was observed on): a habitual late payer pays late whatever it is
/// given. Cash on delivery and a letter of credit at sight pay after their own short days,
/// never later than open account would; delivery after payment leaves nothing out. Buyers who
/// take an early-payment discount (the policy's take-up share) pay at its day instead.
pub fn days_to_pay(pay: &Payment, policy: &Policy) -> Decimal {
    let open_account = pay.payment_days.max(pay.observed_terms_days).saturating_add(pay.dbt_days);
    let e = &policy.exposure;
    let days = match (pay.delivery, pay.security) {
        (Delivery::AfterPayment, _) => 0,
        (Delivery::CashOnDelivery, _) => e.cash_on_delivery_days.min(open_account),
        (_, Security::LetterOfCredit) => e.letter_of_credit_days.min(open_account),
        _ => open_account,
    };
    let days = Decimal::from(days);
    let discounted = Decimal::from(pay.discount_days);
    if pay.discount_pct.percent().is_zero() || discounted >= days {
        return days;
    }
    let take_up = policy.prices.early_payment_take_up_pct.fraction();
    take_up * discounted + (Decimal::ONE - take_up) * days
}

/// The receivable outstanding on average, in invoice amounts: V × (1 + VAT) × (1 − advance) ×
/// days to pay / 365.
pub fn receivable(volume: Money, vat: Pct, advance: Pct, days: Decimal) -> Money {
    let on_credit = (Decimal::ONE + vat.fraction()) * (Decimal::ONE - advance.fraction());
    volume.times(on_credit * days / YEAR)
}

/// The volume a credit limit carries: deliveries stop when the receivable reaches the limit,
/// so the volume sold is the share `limit / need` of the volume, never more than all of it.
pub fn volume_carried(volume: Money, need: Money, limit: Money) -> Money {
    if need <= limit || !need.is_positive() {
        return volume;
    }
    let limit = limit.max(Money::ZERO);
    volume.times(limit.amount() / need.amount())
}

/// The largest single order's part on credit, in invoice amounts: volume ÷ orders per year,
/// less its advance. It must fit under the limit.
pub fn largest_order_on_credit(volume: Money, orders_per_year: u32, vat: Pct, advance: Pct) -> Money {
    let orders = Decimal::from(orders_per_year.max(1));
    let on_credit = (Decimal::ONE + vat.fraction()) * (Decimal::ONE - advance.fraction());
    volume.times(on_credit / orders)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::NumberStyle;

    fn pct(s: &str) -> Pct {
        Pct::parse(s, NumberStyle::Point).unwrap()
    }

    fn pay(days: u32, dbt: u32, observed: u32) -> Payment {
        Payment {
            payment_days: days,
            delivery: Delivery::Standard,
            security: Security::None,
            dbt_days: dbt,
            observed_terms_days: observed,
            discount_pct: Pct::ZERO,
            discount_days: 0,
        }
    }

    #[test]
    fn days_to_pay_by_hand() {
        let policy = Policy::default_policy();
        let d = |p: Payment| days_to_pay(&p, &policy);
        // 30 days + DBT 10, observed on 30: max(30, 30) + 10 = 40.
        assert_eq!(d(pay(30, 10, 30)), Decimal::from(40));
        // A late payer seen on 30 days pays at 30 + 46 = 76 even on 14-day terms.
        assert_eq!(d(pay(14, 46, 30)), Decimal::from(76));
        // Longer terms than it was seen on: 60 + 46 = 106.
        assert_eq!(d(pay(60, 46, 30)), Decimal::from(106));
        // Cash on delivery: the policy's 2 days; an LC at sight: 7 days; after payment: 0.
        let cod = Payment { delivery: Delivery::CashOnDelivery, ..pay(30, 10, 30) };
        assert_eq!(d(cod), Decimal::from(2));
        let lc = Payment { security: Security::LetterOfCredit, ..pay(30, 10, 30) };
        assert_eq!(d(lc), Decimal::from(7));
        let after = Payment { delivery: Delivery::AfterPayment, ..pay(30, 10, 30) };
        assert_eq!(d(after), Decimal::ZERO);
        // Never later than open account: cash on delivery for a prompt payer on 0 days, 0.
        let prompt = Payment { delivery: Delivery::CashOnDelivery, ..pay(0, 0, 0) };
        assert_eq!(d(prompt), Decimal::ZERO);
    }

    #[test]
    fn early_payment_discount_shortens_the_receivable_for_those_who_take_it() {
        // "2/10 net 30", DBT 10, seen on 30: the 50 % who take it pay at 10, the rest at 40:
        // 0.5·10 + 0.5·40 = 25 days.
        let policy = Policy::default_policy();
        let p = Payment { discount_pct: pct("2"), discount_days: 10, ..pay(30, 10, 30) };
        assert_eq!(days_to_pay(&p, &policy), Decimal::from(25));
        // A discount day at or past the days to pay shortens nothing.
        let late = Payment { discount_days: 45, ..p };
        assert_eq!(days_to_pay(&late, &policy), Decimal::from(40));
    }

    #[test]
    fn vat_is_on_domestic_invoices_only() {
        let policy = Policy::default_policy();
        assert_eq!(vat_rate(Some("BE"), &policy), pct("21"));
        assert_eq!(vat_rate(Some("be "), &policy), pct("21"));
        assert_eq!(vat_rate(None, &policy), pct("21"), "unknown country: domestic, cautious");
        assert_eq!(vat_rate(Some("NL"), &policy), Pct::ZERO, "intra-EU: reverse charge");
        // 365 000 a year, 21 % VAT, 10 % advance, 40 days: 365 000·1.21·0.9·40/365 = 43 560.
        let r = receivable(Money::units(365_000), pct("21"), pct("10"), Decimal::from(40));
        assert_eq!(r, Money::units(43_560));
        assert_eq!(
            receivable(Money::units(365_000), Pct::ZERO, pct("10"), Decimal::from(40)),
            Money::units(36_000)
        );
    }

    #[test]
    fn the_volume_a_limit_carries() {
        // Need 40 000 at 365 000 a year; a limit of 30 000 carries 30/40 of it: 273 750.
        let v = Money::units(365_000);
        assert_eq!(volume_carried(v, Money::units(40_000), Money::units(30_000)), Money::units(273_750));
        assert_eq!(volume_carried(v, Money::units(40_000), Money::units(50_000)), v);
        assert_eq!(volume_carried(v, Money::units(40_000), Money::ZERO), Money::ZERO);
        assert_eq!(volume_carried(v, Money::ZERO, Money::ZERO), v, "nothing on credit: all of it");
        // 2 400 000 in 52 orders, 21 % VAT, 30 % advance: 2 400 000·1.21·0.7/52 = 39 092.31.
        let order = largest_order_on_credit(Money::units(2_400_000), 52, pct("21"), pct("30"));
        assert_eq!(order, Money::new(Decimal::new(3_909_231, 2)));
    }
}
