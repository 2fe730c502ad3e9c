//! Security that fits the deal: letters of credit only across a border (a first-demand bank
//! guarantee at home), retention of title only on identifiable, durable goods; its amount; and
//! the sentence that says what to ask the buyer for.

use crate::domain::money::Money;
use crate::domain::policy::Policy;
use crate::domain::vocabulary::Security;

/// Where the deal is and what is sold, as the choice of security needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub domestic: bool,
    pub goods_identifiable: bool,
}

impl Fit {
    /// The security the matrix asks for, as this deal can have it, with the reason when it
    /// changes: a letter of credit at home becomes a first-demand bank guarantee; retention
    /// of title on goods that do not stay identifiable recovers nothing and is dropped.
    pub fn adapt(self, asked: Security) -> (Security, Option<&'static str>) {
        match asked {
            Security::LetterOfCredit if self.domestic => (
                Security::BankGuarantee,
                Some(
                    "letters of credit are a cross-border instrument: a first-demand bank guarantee at home",
                ),
            ),
            Security::RetentionOfTitle if !self.goods_identifiable => (
                Security::None,
                Some("retention of title recovers nothing on goods that are not identifiable and durable"),
            ),
            other => (other, None),
        }
    }

    /// The security that covers exposure above the unsecured cap here.
    pub fn excess_cover(self, policy: &Policy) -> Security {
        let cover = &policy.security.excess_cover;
        let kind = if self.domestic { cover.domestic } else { cover.cross_border };
        self.adapt(kind).0
    }
}

/// Whether a security pays on first demand, so that what it covers is not open credit.
pub fn first_demand(security: Security) -> bool {
    matches!(security, Security::BankGuarantee | Security::LetterOfCredit)
}

/// The open (unsecured) part of a limit: all of it but what a first-demand guarantee or a
/// letter of credit covers. Credit insurance and retention of title lower the loss, not the
/// open credit (an insurer may cut its buyer limit at any time).
pub fn unsecured_limit(limit: Money, security: Security, amount: Money) -> Money {
    let limit = limit.max(Money::ZERO);
    if first_demand(security) { limit - amount.max(Money::ZERO).min(limit) } else { limit }
}

/// What to ask the buyer for, in one sentence; `None` when nothing is asked.
pub fn ask(
    security: Security,
    amount: Money,
    open_line: Money,
    days_to_pay: u32,
    policy: &Policy,
) -> Option<String> {
    let claim = policy.security.claim_period_days;
    let valid = days_to_pay.saturating_add(claim);
    Some(match security {
        Security::None => return None,
        Security::BankGuarantee if !amount.is_positive() => format!(
            "No guarantee needed while the exposure stays within the open line of {}; anything above \
             it needs a first-demand bank guarantee first",
            open_line.grouped()
        ),
        Security::BankGuarantee => format!(
            "Ask for a first-demand bank guarantee of {}, valid at least {valid} days after the last \
             delivery it covers ({days_to_pay} days to pay + {claim} to claim); no delivery until it is \
             received",
            amount.grouped()
        ),
        Security::LetterOfCredit => format!(
            "Ask for a confirmed, irrevocable letter of credit at sight (UCP 600) on each shipment, {} \
             on the line; no shipment before it is advised",
            amount.grouped()
        ),
        Security::CreditInsurance => format!(
            "Insure the line: a buyer limit of {} with the credit insurer ({} % of a loss after a \
             deductible of {}) before the first delivery on credit",
            amount.grouped(),
            policy.security.indemnity_pct,
            policy.security.deductible.grouped()
        ),
        Security::RetentionOfTitle => {
            "Agree retention of title in writing before the first delivery (the goods must stay \
             identifiable)"
                .to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_credit_only_across_a_border() {
        let home = Fit { domestic: true, goods_identifiable: true };
        let abroad = Fit { domestic: false, goods_identifiable: true };
        assert_eq!(home.adapt(Security::LetterOfCredit).0, Security::BankGuarantee);
        assert_eq!(abroad.adapt(Security::LetterOfCredit).0, Security::LetterOfCredit);
        let policy = Policy::default_policy();
        assert_eq!(home.excess_cover(&policy), Security::BankGuarantee);
        assert_eq!(abroad.excess_cover(&policy), Security::LetterOfCredit);
    }

    #[test]
    fn retention_of_title_only_on_identifiable_goods() {
        let perishable = Fit { domestic: true, goods_identifiable: false };
        assert_eq!(perishable.adapt(Security::RetentionOfTitle).0, Security::None);
        let durable = Fit { domestic: true, goods_identifiable: true };
        assert_eq!(durable.adapt(Security::RetentionOfTitle).0, Security::RetentionOfTitle);
    }

    #[test]
    fn the_open_part_of_a_limit() {
        let l = Money::units(277_000);
        assert_eq!(unsecured_limit(l, Security::BankGuarantee, Money::units(97_000)), Money::units(180_000));
        assert_eq!(unsecured_limit(l, Security::LetterOfCredit, Money::units(400_000)), Money::ZERO);
        assert_eq!(unsecured_limit(l, Security::CreditInsurance, l), l);
        assert_eq!(unsecured_limit(l, Security::None, l), l);
    }

    #[test]
    fn the_guarantee_to_ask_for() {
        let policy = Policy::default_policy();
        let text = ask(Security::BankGuarantee, Money::units(96_000), Money::units(180_000), 76, &policy);
        let want = "Ask for a first-demand bank guarantee of 96 000, valid at least 106 days after the \
                    last delivery it covers (76 days to pay + 30 to claim); no delivery until it is received";
        assert_eq!(text.as_deref(), Some(want));
        assert_eq!(ask(Security::None, Money::ZERO, Money::ZERO, 30, &policy), None);
    }
}
