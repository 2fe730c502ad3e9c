//! A prospect: what the account manager knows about a company and the deal it wants (SPEC §1).
//!
//! Every input but the name is optional: a field that was not entered is `None`, and the model
//! treats it as unknown, never as zero. The JSON keys are the CSV column names, so that the store,
//! `eval` input and CSV speak one vocabulary.

use serde::{Deserialize, Serialize};

use super::date::Date;
pub use super::decision::DecisionRecord;
use super::money::{Money, Pct};
use super::register_entry::RegisterEntry;
use super::vocabulary::{Channel, Delivery, Insolvency, Security, Status, Trend};

/// Delivery and payment conditions for a deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// Days after invoice; 0 means payment with the order.
    pub payment_days: u32,
    /// Share of each order paid before delivery.
    pub advance_pct: Pct,
    /// Early-payment discount for payment within `discount_days` ("d/D net T").
    pub discount_pct: Pct,
    /// Days within which the early-payment discount is earned; 0 for payment with the order.
    #[serde(default)]
    pub discount_days: u32,
    /// The most that may be owed: deliveries stop at it.
    pub credit_limit: Money,
    pub delivery: Delivery,
    pub security: Security,
    /// The amount the security covers (a guarantee's or letter of credit's amount, the
    /// insured limit, the goods under retention of title), in invoice amounts.
    #[serde(default)]
    pub security_amount: Money,
    pub channel: Channel,
    /// Months until the next credit review; 0 means before every order.
    pub review_months: u32,
}

/// A prospect and the deal it wants.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prospect {
    /// Stable identity inside one store; 0 until the store assigns one.
    #[serde(default)]
    pub id: u64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Fiscal year end of the last filed accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebit: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_result: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_assets: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equity: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_assets: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_liabilities: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_liabilities: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retained_earnings: Option<Money>,
    /// Average days beyond terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dbt_days: Option<u32>,
    /// Share of invoices paid late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_share_pct: Option<Pct>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dbt_trend: Option<Trend>,
    /// Where the payment figures come from (a bureau, the ledger…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dbt_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dbt_observed: Option<Date>,
    /// An external bureau score, 0–100, higher is safer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bureau_score: Option<u8>,
    /// Summons (dagvaardingen / citations) in the last twelve months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summons_12m: Option<u32>,
    /// At least one summons by the social-security (RSZ/ONSS) or tax authority in the last
    /// twelve months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summons_authority: Option<bool>,
    /// Listed for tax debt in the withholding-obligation check, or the amount owed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_debt: Option<RegisterEntry>,
    /// Listed for social-security debt, or the amount owed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_debt: Option<RegisterEntry>,
    /// Annual accounts filed after the legal deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_filing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insolvency: Option<Insolvency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_volume: Option<Money>,
    /// Gross margin on the deal's volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_pct: Option<Pct>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders_per_year: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_payment_days: Option<u32>,
    /// The payment terms the DBT was observed on (a habitual late payer pays at about these
    /// plus its DBT, whatever it is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_terms_days: Option<u32>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The terms last agreed, when a decision set them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_terms: Option<Terms>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<DecisionRecord>,
}

impl Prospect {
    pub fn named(name: &str) -> Prospect {
        Prospect { name: name.to_string(), ..Prospect::default() }
    }
}
