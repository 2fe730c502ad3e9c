//! "Within policy" means the band × segment cell as this prospect gets it: each way edited
//! terms are easier than it (advance below, days above, limit above, security weaker or
//! smaller), named by the term it concerns so that a decision can record it.

use serde::{Deserialize, Serialize};

use super::Suggestion;
use super::security::unsecured_limit;
use crate::domain::money::Pct;
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::Delivery;

/// One way the terms are easier than policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deviation {
    /// The term's name as the CSV and the decision record spell it (`advance_pct`…).
    pub term: String,
    pub text: String,
}

fn deviation(term: &str, text: String) -> Deviation {
    Deviation { term: term.into(), text }
}

/// Every deviation of `terms` from the policy the suggestion applies.
pub fn deviations(terms: &Terms, s: &Suggestion) -> Vec<Deviation> {
    let mut out = Vec::new();
    let prepaid = terms.advance_pct == Pct::HUNDRED || terms.delivery == Delivery::AfterPayment;
    let policy_advance = s.policy_advance;
    if terms.advance_pct < policy_advance && !prepaid {
        out.push(deviation(
            "advance_pct",
            format!("Advance {} % is below the policy's {} %", terms.advance_pct, policy_advance),
        ));
    }
    if terms.payment_days > s.policy_days && !prepaid {
        out.push(deviation(
            "payment_days",
            format!("{} payment days are above the policy's {}", terms.payment_days, s.policy_days),
        ));
    }
    if terms.credit_limit > s.terms.credit_limit.max(s.credit_cap) {
        out.push(deviation(
            "credit_limit",
            format!(
                "Credit limit {} is above the policy's {}",
                terms.credit_limit.grouped(),
                s.terms.credit_limit.max(s.credit_cap).grouped()
            ),
        ));
    }
    let open = unsecured_limit(terms.credit_limit, terms.security, terms.security_amount);
    if open > s.credit_cap && !prepaid {
        out.push(deviation(
            "credit_limit",
            format!("Unsecured limit {} is above the cap {}", open.grouped(), s.credit_cap.grouped()),
        ));
    }
    let asked = &s.terms;
    if prepaid || asked.advance_pct == Pct::HUNDRED {
        return out;
    }
    if terms.security < asked.security {
        out.push(deviation(
            "security",
            format!(
                "{} is weaker than the policy's {}",
                sentence_case(terms.security.label()),
                asked.security.label()
            ),
        ));
    } else if terms.security == asked.security && terms.security_amount < asked.security_amount {
        out.push(deviation(
            "security_amount",
            format!(
                "The {} of {} is smaller than the policy's {}",
                terms.security.label(),
                terms.security_amount.grouped(),
                asked.security_amount.grouped()
            ),
        ));
    }
    out
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
