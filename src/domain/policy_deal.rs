//! The policy's deal-side sections: the seller, exposure as credit insurers count it, the price
//! of stricter terms, security, capital and the legal ceilings on payment terms. Every figure
//! is a default in `assets/policy.default.json`; docs/ARCHITECTURE.md gives its source.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::{Money, Pct};
use super::table::PerSecurity;

/// Who sells: the home country decides VAT, letters of credit and the term ceiling; the
/// turnover sets the concentration limit; what is sold decides whether retention of title
/// recovers anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SellerRules {
    /// ISO 3166 alpha-2 code of the seller's own country.
    pub home_country: String,
    /// Whether the seller is an SME (the Dutch 60-day rule protects SMEs from large buyers).
    pub is_sme: bool,
    /// The seller's own yearly turnover.
    pub turnover: Money,
    /// No customer's credit line above this share of the seller's turnover.
    pub max_customer_share_pct: Pct,
    /// Whether the goods stay identifiable and durable (not perishable, not processed): only
    /// then does retention of title recover anything.
    pub goods_identifiable: bool,
}

/// How long a receivable is out and how large a line may grow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExposureRules {
    /// Standard VAT rate per home country (ISO alpha-2): a domestic invoice carries it.
    pub vat_pct: BTreeMap<String, Pct>,
    /// The terms a prospect's DBT was observed on, when the prospect does not say.
    pub observed_terms_days: u32,
    /// Days until the carrier's collection reaches the seller, for cash on delivery.
    pub cash_on_delivery_days: u32,
    /// Days until a letter of credit at sight pays (presentation and the bank's examination).
    pub letter_of_credit_days: u32,
    /// A secured line is at most this share of the buyer's yearly revenue.
    pub revenue_share_pct: Pct,
    /// Health (0–1) of the payment component assumed when the prospect has no payment data.
    pub unknown_payment_health: f64,
}

/// What stricter terms cost the seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceRules {
    /// Discount granted on the prepaid part of each order.
    pub prepayment_discount_pct: Pct,
    /// Share of the buyers offered an early-payment discount who take it.
    pub early_payment_take_up_pct: Pct,
}

/// What security costs and covers, beyond its loss given default and its fee rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityRules {
    /// Share of each security's fee the seller bears: directly (LC confirmation, its own
    /// credit insurance) or as a price concession to the buyer who pays it (a guarantee).
    pub seller_share_pct: PerSecurity<Pct>,
    /// Share of an insured loss the credit insurer pays.
    pub indemnity_pct: Pct,
    /// Part of an insured loss the seller carries before the insurance pays.
    pub deductible: Money,
    /// Days after the due date within which a guarantee can be called.
    pub claim_period_days: u32,
    /// The security that covers exposure above the unsecured cap, at home and abroad.
    pub excess_cover: ExcessCover,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcessCover {
    pub domestic: super::vocabulary::Security,
    pub cross_border: super::vocabulary::Security,
}

/// The capital a deal ties up, and how much of its profit a default may take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapitalRules {
    /// The Basel PD floor for corporate exposures.
    pub pd_floor_pct: Pct,
    /// The goal seek keeps one default's loss under this many months of profit.
    pub max_loss_months: u32,
}

/// Through a wholesaler the debtor is the wholesaler: its own default probability and terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelDebtor {
    pub pd_pct: Pct,
    pub payment_days: u32,
    pub dbt_days: u32,
}

/// To whom a country's ceiling on payment terms applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CeilingScope {
    /// Every B2B contract: a longer term is void.
    Always,
    /// A large buyer's contract with an SME seller: a longer term is void.
    LargeBuyerToSme,
}

/// A country's legal ceiling on B2B payment terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermCeiling {
    pub max_days: u32,
    pub applies: CeilingScope,
    /// The law, as the refusal names it.
    pub law: String,
}

/// The legal ceilings by country, and what makes a buyer large.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeilingRules {
    pub countries: BTreeMap<String, TermCeiling>,
    /// A buyer with at least this many employees is large.
    pub large_buyer_employees: u32,
    /// …or with at least this revenue.
    pub large_buyer_revenue: Money,
}
