//! Older store files, brought to the current schema as they are read (the file itself is
//! rewritten in the current schema only when the user next saves).

use crate::domain::money::Money;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::vocabulary::Security;

/// Brings prospects read from a file of `schema` to the current one.
///
/// Schemas 1 and 2 had no security amount: their economics applied a security's loss given
/// default to the whole exposure, so a secured term written then covers its whole credit limit.
/// (Schema 1's debts are amounts, which schema 2 and later read as they are.)
pub fn from_schema(mut prospects: Vec<Prospect>, schema: u32) -> Vec<Prospect> {
    if schema < 3 {
        for p in &mut prospects {
            p.agreed_terms.iter_mut().for_each(cover_the_limit);
            p.history.iter_mut().for_each(|d| cover_the_limit(&mut d.terms));
        }
    }
    prospects
}

fn cover_the_limit(t: &mut Terms) {
    if t.security != Security::None && t.security_amount == Money::ZERO {
        t.security_amount = t.credit_limit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Pct;
    use crate::domain::vocabulary::{Channel, Delivery};

    fn terms(security: Security) -> Terms {
        Terms {
            payment_days: 30,
            advance_pct: Pct::ZERO,
            discount_pct: Pct::ZERO,
            discount_days: 0,
            credit_limit: Money::units(50_000),
            delivery: Delivery::Standard,
            security,
            security_amount: Money::ZERO,
            channel: Channel::Direct,
            review_months: 12,
        }
    }

    #[test]
    fn an_older_guarantee_covers_its_whole_limit() {
        let p = Prospect { agreed_terms: Some(terms(Security::BankGuarantee)), ..Prospect::named("Old") };
        let unsecured = Prospect { agreed_terms: Some(terms(Security::None)), ..Prospect::named("Open") };
        for schema in [1, 2] {
            let got = from_schema(vec![p.clone(), unsecured.clone()], schema);
            let amount = got[0].agreed_terms.as_ref().map(|t| t.security_amount);
            assert_eq!(amount, Some(Money::units(50_000)), "schema {schema}");
            assert_eq!(got[1], unsecured);
        }
        assert_eq!(from_schema(vec![p.clone()], 3), vec![p], "the current schema is read as it is");
    }
}
