//! Legal ceilings on payment terms: the home country's rule (a domestic contract's buyer is
//! there too; a cross-border contract follows the seller's law), else the EU directive's 60
//! days unless expressly agreed.

use crate::domain::policy::{CeilingScope, Policy};
use crate::domain::prospect::Prospect;

/// The longest payment term the law allows this deal, and whether a longer one is void.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceiling {
    pub max_days: u32,
    /// A longer term is void (the what-if refuses it); otherwise it needs express agreement.
    pub void_above: bool,
    /// The law, as the refusal or the warning names it.
    pub law: String,
}

/// Whether the buyer counts as large (the Dutch rule): by employees or revenue, and large when
/// neither is known, so that an unknown size never buys a longer term.
fn large_buyer(p: &Prospect, policy: &Policy) -> bool {
    let c = &policy.term_ceilings;
    let by_staff = p.employees.map(|n| n >= c.large_buyer_employees);
    let by_revenue = p.revenue.map(|r| r >= c.large_buyer_revenue);
    match (by_staff, by_revenue) {
        (None, None) => true,
        (staff, revenue) => staff.unwrap_or(false) || revenue.unwrap_or(false),
    }
}

/// The ceiling that applies to a deal with `p`.
pub fn term_ceiling(p: &Prospect, policy: &Policy) -> Ceiling {
    // The rule filed under the home country in capitals, found without a new string per deal.
    let home = policy.seller.home_country.as_bytes();
    let is_home = |code: &str| {
        code.len() == home.len() && code.bytes().zip(home).all(|(c, h)| c == h.to_ascii_uppercase())
    };
    let rule = policy.term_ceilings.countries.iter().find(|(code, _)| is_home(code)).map(|(_, rule)| rule);
    let rule = rule.filter(|rule| match rule.applies {
        CeilingScope::Always => true,
        CeilingScope::LargeBuyerToSme => policy.seller.is_sme && large_buyer(p, policy),
    });
    match rule {
        Some(rule) => Ceiling { max_days: rule.max_days, void_above: true, law: rule.law.clone() },
        None => Ceiling {
            max_days: policy.economics.max_payment_days,
            void_above: false,
            law: format!(
                "the EU late-payment directive 2011/7/EU: at most {} days unless expressly agreed and \
                 not grossly unfair",
                policy.economics.max_payment_days
            ),
        },
    }
}

impl Ceiling {
    /// Why `days` cannot be agreed, when the law makes it void.
    pub fn refusal(&self, days: u32) -> Option<String> {
        (self.void_above && days > self.max_days)
            .then(|| format!("{days} days cannot be agreed: {} ({} at most)", self.law, self.max_days))
    }
}
