//! Loss split by what covers it (the Basel substitution idea, CRE22): only the protected part
//! takes the security's loss given default, the rest stays at the unsecured one; VAT on a bad
//! debt is recovered, so losses count the ex-VAT part.

use rust_decimal::Decimal;

use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::vocabulary::Security;

/// The part of `exposure` that a security of `amount` covers, in invoice amounts: a guarantee
/// or letter of credit covers its amount; credit insurance the insured limit less the
/// deductible, times the indemnity share; retention of title the goods under it, but only
/// where they stay identifiable and durable.
pub fn covered(security: Security, amount: Money, exposure: Money, policy: &Policy) -> Money {
    let secured = amount.max(Money::ZERO).min(exposure.max(Money::ZERO));
    match security {
        Security::None => Money::ZERO,
        Security::RetentionOfTitle if !policy.seller.goods_identifiable => Money::ZERO,
        Security::RetentionOfTitle | Security::BankGuarantee | Security::LetterOfCredit => secured,
        Security::CreditInsurance => {
            let s = &policy.security;
            (secured - s.deductible).max(Money::ZERO).times(s.indemnity_pct.fraction())
        }
    }
}

/// What one default would cost, net of VAT: LGD unsecured × uncovered + LGD of the cover ×
/// covered, over (1 + VAT).
pub fn loss_at_default(
    security: Security,
    exposure: Money,
    covered: Money,
    vat: Pct,
    policy: &Policy,
) -> Money {
    let unsecured = policy.lgd_pct.none.fraction();
    let cover = policy.lgd_pct.get(security).fraction();
    let uncovered = (exposure - covered).max(Money::ZERO).amount();
    let gross = unsecured * uncovered + cover * covered.amount();
    Money::new(gross / (Decimal::ONE + vat.fraction()))
}

/// Expected loss in a year: PD × the loss at default.
pub fn expected_loss(pd: Decimal, loss_at_default: Money) -> Money {
    loss_at_default.times(pd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::NumberStyle;

    fn eur(units: i64) -> Money {
        Money::units(units)
    }

    #[test]
    fn split_expected_loss_by_hand() {
        let policy = Policy::default_policy();
        // The X: exposure 276 164, a bank guarantee of 96 000, PD 8 %, 21 % VAT.
        // Uncovered 180 164 at LGD 95 % = 171 155.80; covered 96 000 at 5 % = 4 800;
        // 175 955.80 / 1.21 = 145 418.02 at default; × 8 % = 11 633.44 a year.
        let (e, s) = (eur(276_164), eur(96_000));
        let vat = Pct::parse("21", NumberStyle::Point).unwrap();
        let c = covered(Security::BankGuarantee, s, e, &policy);
        assert_eq!(c, s);
        let lad = loss_at_default(Security::BankGuarantee, e, c, vat, &policy);
        assert_eq!(lad, Money::new(Decimal::new(14_541_802, 2)));
        assert_eq!(expected_loss(Decimal::new(8, 2), lad), Money::new(Decimal::new(1_163_344, 2)));
        // The old model's 10 % LGD on the whole exposure would have said 2 209.
    }

    #[test]
    fn what_each_security_covers() {
        let policy = Policy::default_policy();
        let e = eur(100_000);
        // A guarantee larger than the exposure covers the exposure; none covers nothing.
        assert_eq!(covered(Security::BankGuarantee, eur(150_000), e, &policy), e);
        assert_eq!(covered(Security::LetterOfCredit, eur(40_000), e, &policy), eur(40_000));
        assert_eq!(covered(Security::None, eur(40_000), e, &policy), Money::ZERO);
        // Insurance of 80 000, deductible 1 000, indemnity 90 %: (80 000 − 1 000)·0.9 = 71 100.
        assert_eq!(covered(Security::CreditInsurance, eur(80_000), e, &policy), eur(71_100));
        // Retention of title covers the goods only while they are identifiable and durable.
        assert_eq!(covered(Security::RetentionOfTitle, e, e, &policy), e);
        let mut perishable = policy.clone();
        perishable.seller.goods_identifiable = false;
        assert_eq!(covered(Security::RetentionOfTitle, e, e, &perishable), Money::ZERO);
        // …so its loss is the unsecured one: 100 000 × 95 % with no VAT.
        let lad = loss_at_default(Security::RetentionOfTitle, e, Money::ZERO, Pct::ZERO, &perishable);
        assert_eq!(lad, eur(95_000));
        // Identifiable: 100 000 × 70 % = 70 000.
        let lad = loss_at_default(Security::RetentionOfTitle, e, e, Pct::ZERO, &policy);
        assert_eq!(lad, eur(70_000));
    }
}
