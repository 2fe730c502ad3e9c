//! What every policy value is called, in a credit manager's words: one table of names, units
//! and one-line explanations keyed by JSON path, as `policy_ranges` keys the ranges.
//!
//! A pattern's `*` stands for one key (a band, a segment, a channel, a kind of security, a
//! component or an input of the scorecard); `policy_names` turns that key into words, so that
//! `bands.C.min_score` reads "minimum score of band C". A curve's points are labelled by their
//! curve (`scorecard.*.*.curve`) and the input it reads (`INPUTS`). A new policy field needs
//! one line here; a unit test (in `policy_names`) fails while any value of the shipped policy
//! has none.

/// One line of the table: values at paths matching `path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub path: &'static str,
    /// A short name, also a column heading: "minimum score".
    pub name: &'static str,
    /// What the number counts: "%", "days", "€"; empty for a choice or a plain number.
    pub unit: &'static str,
    /// One line a credit manager reads.
    pub explain: &'static str,
}

pub(super) const fn l(
    path: &'static str,
    name: &'static str,
    unit: &'static str,
    explain: &'static str,
) -> Label {
    Label { path, name, unit, explain }
}

/// The labels of the risk side — scorecard, bands, segments and channels — first match wins
/// (specific lines before general ones); the deal side's are in `policy_labels_deal`.
pub const LABELS: &[Label] = &[
    // The scorecard.
    l("scorecard.weights.*", "weight", "", "How much this component counts in the score, against the others"),
    l("scorecard.*.*.weight", "weight", "", "How much this input counts within its component"),
    l(
        "scorecard.*.*.curve",
        "curve",
        "",
        "Health (0 worst, 1 best) for each value of the input, straight between points",
    ),
    l(
        "scorecard.*.*.cautious",
        "cautious value",
        "",
        "The value assumed when the input is unknown, so that missing data is never rewarded",
    ),
    l(
        "scorecard.*.*.cautious_likelihood_pct",
        "cautious likelihood",
        "%",
        "How likely the flag is taken to be set when nobody knows",
    ),
    l(
        "scorecard.payment.trend.improving",
        "health if improving",
        "",
        "Health when days beyond terms are falling",
    ),
    l("scorecard.payment.trend.stable", "health if stable", "", "Health when days beyond terms hold steady"),
    l(
        "scorecard.payment.trend.worsening",
        "health if worsening",
        "",
        "Health when days beyond terms are rising",
    ),
    l(
        "scorecard.*.*.health_when_set",
        "health when set",
        "",
        "Health of this input when the flag is set (1 when it is not)",
    ),
    l(
        "scorecard.payment.observation.reduced_after_months",
        "payment data ages after",
        "months",
        "Payment experience older than this counts for less",
    ),
    l(
        "scorecard.payment.observation.unknown_after_months",
        "payment data unknown after",
        "months",
        "Payment experience older than this counts as unknown",
    ),
    l(
        "scorecard.payment.observation.cautious_age_months",
        "cautious age of payment data",
        "months",
        "The age assumed when the date of the payment data is unknown",
    ),
    l(
        "scorecard.distress.safe_above",
        "safe above",
        "Z''",
        "Altman Z'' above this is the safe zone (Altman: 2.60)",
    ),
    l(
        "scorecard.distress.distress_below",
        "distress below",
        "Z''",
        "Altman Z'' below this is the distress zone (Altman: 1.10)",
    ),
    l(
        "scorecard.min_coverage_pct",
        "minimum data coverage",
        "%",
        "Below this share of the scorecard's weight with data, no score is given",
    ),
    l(
        "scorecard.insufficient_data_band",
        "band without enough data",
        "",
        "The band given when the data coverage is below the minimum",
    ),
    l(
        "scorecard.caps.*.best_band",
        "best band",
        "",
        "The best band a prospect can reach while this cap applies",
    ),
    l(
        "scorecard.caps.limited_coverage.below_pct",
        "limited coverage below",
        "%",
        "Data coverage below this caps the band (Graydon: 75 % for a green flag)",
    ),
    l(
        "scorecard.caps.young_company.below_years",
        "young company below",
        "years",
        "A company younger than this has its band capped",
    ),
    l(
        "scorecard.caps.late_payment.from_days",
        "late payment from",
        "days",
        "Days beyond terms from which the band is capped",
    ),
    l(
        "scorecard.caps.register_listing.from_amount",
        "listed debt from",
        "€",
        "Overdue tax or social debt from which the band is capped",
    ),
    l(
        "scorecard.caps.summonses.from_count",
        "summonses from",
        "",
        "Summonses in 12 months from which the band is capped",
    ),
    l(
        "scorecard.caps.stale_accounts.older_than_months",
        "accounts older than",
        "months",
        "Accounts older than this cap the band",
    ),
    l(
        "scorecard.default.dbt_from_days",
        "default from",
        "days",
        "Days beyond terms from which a customer counts as in default",
    ),
    l(
        "scorecard.default.review_months",
        "review when in default",
        "months",
        "How often a customer in default is reviewed (0: at every order)",
    ),
    l(
        "scorecard.accounts.unusable_after_months",
        "accounts unusable after",
        "months",
        "Accounts older than this are not used at all",
    ),
    l(
        "scorecard.plausibility.balance_tolerance_pct",
        "balance sheet tolerance",
        "%",
        "How far assets and liabilities may differ before the accounts are doubted",
    ),
    // Bands and the master scale.
    l("bands.*.min_score", "minimum score", "score", "The lowest score (0–100) that still gets this band"),
    l("bands.*.pd_pct", "PD", "%", "Probability of default within a year for this band"),
    l(
        "bands.*.review_months",
        "review interval",
        "months",
        "How often a customer of this band is reviewed (0: at every order)",
    ),
    l(
        "pd_scale.at_best_score_pct",
        "PD at score 100",
        "%",
        "The probability of default of the best possible score",
    ),
    l(
        "pd_scale.at_worst_score_pct",
        "PD at score 0",
        "%",
        "The probability of default of the worst possible score",
    ),
    // Segments and channels.
    l(
        "segments.*.min_volume",
        "minimum volume",
        "€",
        "The lowest annual volume that still belongs to this segment",
    ),
    l("segments.*.channel", "channel", "", "How customers of this segment are served"),
    l("segments.*.credit_cap", "credit cap", "€", "The most open credit any customer of this segment gets"),
    l(
        "channels.*.cost_to_serve",
        "cost to serve",
        "€",
        "What serving one customer through this channel costs a year",
    ),
    l(
        "channels.*.margin_haircut_pct",
        "margin haircut",
        "%",
        "Margin given up to the channel on what it sells",
    ),
    l(
        "channels.*.debtor.pd_pct",
        "debtor's PD",
        "%",
        "Probability of default of the channel itself, who owes the money",
    ),
    l("channels.*.debtor.payment_days", "debtor's payment days", "days", "The payment term the channel gets"),
    l(
        "channels.*.debtor.dbt_days",
        "debtor's days late",
        "days",
        "How many days beyond terms the channel pays",
    ),
];

/// What the scorecard's inputs are called and what their curves read: (key, name, unit).
pub const INPUTS: &[(&str, &str, &str)] = &[
    ("dbt_days", "days beyond terms", "days"),
    ("late_share_pct", "invoices paid late", "%"),
    ("trend", "trend of days beyond terms", ""),
    ("bureau_score", "bureau score", "score"),
    ("observation", "payment data", ""),
    ("current_ratio", "current ratio", "ratio"),
    ("quick_ratio", "quick ratio", "ratio"),
    ("cash_ratio", "cash ratio", "ratio"),
    ("equity_ratio", "equity ratio", "of assets"),
    ("return_on_assets", "return on assets", "of assets"),
    ("ebit_on_assets", "EBIT on assets", "of assets"),
    ("altman_z2", "Altman Z''", "Z''"),
    ("summons", "summonses", "in 12 months"),
    ("summons_authority", "summons by an authority", ""),
    ("tax_debt", "overdue tax debt", "€"),
    ("social_debt", "overdue social debt", "€"),
    ("tax_debt_of_revenue", "overdue tax debt", "of revenue"),
    ("social_debt_of_revenue", "overdue social debt", "of revenue"),
    ("late_filing", "late filing", ""),
    ("company_age_years", "company age", "years"),
    ("accounts_age_months", "age of the accounts", "months"),
];
