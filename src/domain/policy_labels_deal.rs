//! The labels of the deal side of the policy — losses and security, the terms matrix, the
//! seller, exposure, prices, limits and economics — in the form of `policy_labels`: one line
//! per JSON path pattern, first match wins.

use super::policy_labels::{Label, l};

pub const DEAL_LABELS: &[Label] = &[
    // Losses and security.
    l(
        "lgd_pct.*",
        "loss given default",
        "%",
        "Share of the open credit lost when the customer defaults, by security",
    ),
    l(
        "security_cost_pct.*",
        "cost of security",
        "%",
        "What this security costs a year, as a share of the volume sold on credit",
    ),
    // The terms matrix and its bands.
    l(
        "terms.*.equity_share_pct",
        "equity share",
        "%",
        "The share of the customer's equity that open credit may reach",
    ),
    l(
        "terms.*.assumed_dbt_days",
        "assumed days late",
        "days",
        "Days beyond terms assumed for this band when nothing is known",
    ),
    l(
        "terms.*.cells.*.payment_days",
        "payment days",
        "days",
        "Days after the invoice by which the customer pays",
    ),
    l("terms.*.cells.*.advance_pct", "advance", "%", "Share of the order paid before delivery"),
    l("terms.*.cells.*.discount_pct", "discount", "%", "Discount for early payment"),
    l(
        "terms.*.cells.*.discount_days",
        "discount days",
        "days",
        "Days within which the early-payment discount is earned",
    ),
    l("terms.*.cells.*.delivery", "delivery", "", "How goods leave the warehouse relative to payment"),
    l("terms.*.cells.*.security", "security", "", "What secures the receivable"),
    l("terms.*.cells.*.review_months", "review interval", "months", "How often the terms are reviewed"),
    // The seller, exposure and prices (issue 12).
    l(
        "seller.home_country",
        "home country",
        "",
        "The seller's own country (ISO code): it decides VAT and the legal term ceiling",
    ),
    l(
        "seller.is_sme",
        "seller is an SME",
        "",
        "Whether the seller is an SME, which some countries protect from long terms",
    ),
    l("seller.turnover", "seller's turnover", "€", "The seller's own yearly turnover"),
    l(
        "seller.max_customer_share_pct",
        "largest customer share",
        "%",
        "No customer's credit line above this share of the seller's turnover",
    ),
    l(
        "seller.goods_identifiable",
        "goods stay identifiable",
        "",
        "Whether goods stay identifiable and durable: only then does retention of title recover anything",
    ),
    l("exposure.vat_pct.*", "VAT", "%", "The standard VAT rate a domestic invoice carries in this country"),
    l(
        "exposure.observed_terms_days",
        "terms of observed DBT",
        "days",
        "The terms a prospect's days beyond terms were observed on, when it does not say",
    ),
    l(
        "exposure.cash_on_delivery_days",
        "cash on delivery reaches us in",
        "days",
        "Days until the carrier's collection reaches the seller",
    ),
    l(
        "exposure.letter_of_credit_days",
        "letter of credit pays in",
        "days",
        "Days until a letter of credit at sight pays",
    ),
    l(
        "exposure.revenue_share_pct",
        "line within buyer's revenue",
        "%",
        "A secured line is at most this share of the buyer's yearly revenue",
    ),
    l(
        "exposure.unknown_payment_health",
        "health without payment data",
        "",
        "Payment health (0 to 1) assumed when a prospect has no payment data",
    ),
    l(
        "prices.prepayment_discount_pct",
        "prepayment discount",
        "%",
        "Discount granted on the prepaid part of each order",
    ),
    l(
        "prices.early_payment_take_up_pct",
        "early payment take-up",
        "%",
        "Share of the buyers offered an early-payment discount who take it",
    ),
    l(
        "security.seller_share_pct.*",
        "seller's share of the fee",
        "%",
        "Share of this security's fee the seller bears, directly or as a price concession",
    ),
    l("security.indemnity_pct", "insurer pays", "%", "Share of an insured loss the credit insurer pays"),
    l(
        "security.deductible",
        "deductible",
        "€",
        "Part of an insured loss the seller carries before the insurance pays",
    ),
    l(
        "security.claim_period_days",
        "guarantee claim period",
        "days",
        "Days after the due date within which a guarantee can be called",
    ),
    l(
        "security.excess_cover.*",
        "cover above the cap",
        "",
        "The security asked for exposure above the unsecured cap",
    ),
    l(
        "capital.pd_floor_pct",
        "PD floor",
        "%",
        "The lowest probability of default used for capital (Basel floor for corporates)",
    ),
    l(
        "capital.max_loss_months",
        "loss at most",
        "months",
        "One default may take at most this many months of the deal's profit",
    ),
    l(
        "term_ceilings.countries.*.max_days",
        "legal term ceiling",
        "days",
        "The longest B2B payment term this country's law allows",
    ),
    l(
        "term_ceilings.countries.*.applies",
        "ceiling applies to",
        "",
        "Whether the ceiling binds every contract or a large buyer towards an SME",
    ),
    l("term_ceilings.countries.*.law", "law", "", "The law that sets the ceiling, as a refusal names it"),
    l(
        "term_ceilings.large_buyer_employees",
        "large buyer from",
        "employees",
        "A buyer with at least this many employees is large",
    ),
    l(
        "term_ceilings.large_buyer_revenue",
        "large buyer from revenue",
        "€",
        "A buyer with at least this revenue is large",
    ),
    // Limits and economics.
    l(
        "limits.no_accounts_cap",
        "cap without accounts",
        "€",
        "The most open credit without filed accounts (checked.be: €25 000)",
    ),
    l(
        "limits.fit_min_payment_days",
        "shortest fitted term",
        "days",
        "The fit never suggests fewer payment days than this",
    ),
    l(
        "limits.fit_advance_step_pct",
        "advance step",
        "points",
        "The fit raises the advance in steps of this many percentage points",
    ),
    l("limits.rounding", "limits rounded to", "€", "Credit limits are rounded down to a multiple of this"),
    l(
        "economics.cost_of_capital_pct",
        "cost of capital",
        "% a year",
        "What money tied up in receivables costs",
    ),
    l(
        "economics.assumed_margin_pct",
        "assumed margin",
        "%",
        "Gross margin on the volume when the deal does not say",
    ),
    l("economics.target_margin_pct", "target margin", "%", "The risk-adjusted margin a deal should reach"),
    l(
        "economics.max_payment_days",
        "longest payment term",
        "days",
        "No term suggested or fitted goes beyond this",
    ),
];
