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
///
/// Decisions of schemas 1 to 4 kept no deviations from policy (schema 4 wrote an empty list
/// whatever the terms): they are not known, which is not "within policy".
pub fn from_schema(mut prospects: Vec<Prospect>, schema: u32) -> Vec<Prospect> {
    for p in &mut prospects {
        if schema < 3 {
            p.agreed_terms.iter_mut().for_each(cover_the_limit);
            p.history.iter_mut().for_each(|d| cover_the_limit(&mut d.terms));
        }
        if schema < 5 {
            p.history.iter_mut().for_each(|d| d.deviations = None);
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
        assert_eq!(from_schema(vec![p.clone()], 3), vec![p], "schema 3 covers its amounts already");
    }

    #[test]
    fn deviations_before_schema_5_are_not_known() {
        let record = crate::domain::prospect::DecisionRecord {
            date: crate::domain::date::Date::EPOCH,
            decided_at: None,
            decided_by: None,
            status: crate::domain::vocabulary::Status::Approved,
            terms: terms(Security::None),
            deviations: Some(Vec::new()),
            note: String::new(),
            band: crate::domain::vocabulary::Band::A,
            score: None,
            risk_adjusted_profit: None,
        };
        let p = Prospect { history: vec![record], ..Prospect::named("Decided") };
        // Schema 4 wrote `"deviations": []` for every decision: that list said nothing.
        assert_eq!(from_schema(vec![p.clone()], 4)[0].history[0].deviations, None);
        assert_eq!(from_schema(vec![p.clone()], 5), vec![p], "the current schema is read as it is");
    }
}
