//! The rules a score cannot buy back (SPEC §2, CREDIT-PRACTICE "Default, knock-outs"): the
//! default grade (bankruptcy, 90+ days beyond terms) and the caps that hold the band whatever
//! the score. Each fires on known values only, and each is listed with its reason.

use super::date::Date;
use super::factor::Factor;
use super::money::Money;
use super::policy::Policy;
use super::prospect::Prospect;
use super::register_entry::RegisterEntry;
use super::risk_inputs::accounts_months;
use super::vocabulary::{Band, Insolvency};

/// What puts a prospect in default: past the scale, PD 100 %, no open credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultCause {
    Bankruptcy,
    /// The company is being wound up (a filing's liquidation flag): as a bankruptcy, the
    /// counterparty is the liquidator.
    Liquidation,
    /// Proceedings of an unnamed kind ("insolvency: yes"), taken as bankruptcy until named.
    Proceedings,
    /// Days beyond terms at or past the policy's default threshold.
    Arrears {
        days: u32,
        from: u32,
    },
}

impl DefaultCause {
    /// What to do, as the suggested terms say it.
    pub fn advice(self) -> &'static str {
        match self {
            DefaultCause::Bankruptcy => "contract only with the curator, cash before delivery",
            DefaultCause::Liquidation => "contract only with the liquidator, cash before delivery",
            DefaultCause::Proceedings => "payment before delivery until the proceedings are known",
            DefaultCause::Arrears { .. } => "payment before delivery until the arrears are cleared",
        }
    }
}

/// One rule that holds the band down (or puts the prospect in default), with its figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CapRule {
    Default(DefaultCause),
    /// Judicial reorganisation: band E at best, open credit only under a first-demand guarantee.
    Reorganisation,
    LatePayment {
        days: u32,
        from: u32,
    },
    /// `factor` is `TaxDebt` or `SocialDebt`.
    RegisterListing {
        factor: Factor,
        entry: RegisterEntry,
        from: Money,
    },
    Summonses {
        count: u32,
        from: u32,
    },
    AuthoritySummons,
    NegativeEquity {
        equity: Money,
    },
    LateFiling,
    StaleAccounts {
        months: u32,
        older_than: u32,
        unusable: bool,
    },
    InsufficientData {
        coverage: f64,
        min: f64,
    },
    LimitedCoverage {
        coverage: f64,
        below: f64,
    },
    YoungCompany {
        years: i32,
        below: u32,
    },
}

/// A rule that fired and the best band it leaves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    pub band: Band,
    pub rule: CapRule,
}

/// A coverage share in whole percent, rounded down so that 74.5 % never reads as 75 %.
fn percent_down(share: f64) -> f64 {
    (share * 100.0).floor()
}

impl CapRule {
    /// The name in the JSON contract's `caps[].rule`.
    pub fn key(&self) -> &'static str {
        match self {
            CapRule::Default(DefaultCause::Bankruptcy) => "default_bankruptcy",
            CapRule::Default(DefaultCause::Liquidation) => "default_liquidation",
            CapRule::Default(DefaultCause::Proceedings) => "default_proceedings",
            CapRule::Default(DefaultCause::Arrears { .. }) => "default_arrears",
            CapRule::Reorganisation => "reorganisation",
            CapRule::LatePayment { .. } => "late_payment",
            CapRule::RegisterListing { factor: Factor::SocialDebt, .. } => "social_debt_listing",
            CapRule::RegisterListing { .. } => "tax_debt_listing",
            CapRule::Summonses { .. } => "summonses",
            CapRule::AuthoritySummons => "authority_summons",
            CapRule::NegativeEquity { .. } => "negative_equity",
            CapRule::LateFiling => "late_filing",
            CapRule::StaleAccounts { .. } => "stale_accounts",
            CapRule::InsufficientData { .. } => "insufficient_data",
            CapRule::LimitedCoverage { .. } => "limited_coverage",
            CapRule::YoungCompany { .. } => "young_company",
        }
    }

    /// The input the rule reads, for `reasons[].factor`.
    pub fn factor(&self) -> Factor {
        match self {
            CapRule::Default(DefaultCause::Arrears { .. }) | CapRule::LatePayment { .. } => Factor::DbtDays,
            CapRule::Default(_) | CapRule::Reorganisation => Factor::Insolvency,
            CapRule::RegisterListing { factor, .. } => *factor,
            CapRule::Summonses { .. } => Factor::Summons,
            CapRule::AuthoritySummons => Factor::SummonsAuthority,
            CapRule::NegativeEquity { .. } => Factor::EquityRatio,
            CapRule::LateFiling => Factor::LateFiling,
            CapRule::StaleAccounts { .. } => Factor::AccountsAge,
            CapRule::InsufficientData { .. } | CapRule::LimitedCoverage { .. } => Factor::Coverage,
            CapRule::YoungCompany { .. } => Factor::CompanyAge,
        }
    }

    /// What fired, in words: the JSON contract's `caps[].why`.
    pub fn why(&self) -> String {
        match self {
            CapRule::Default(DefaultCause::Bankruptcy) => "Bankruptcy".into(),
            CapRule::Default(DefaultCause::Liquidation) => "In liquidation".into(),
            CapRule::Default(DefaultCause::Proceedings) => {
                "Insolvency proceedings of an unnamed kind, taken as bankruptcy until named".into()
            }
            CapRule::Default(DefaultCause::Arrears { days, from }) | CapRule::LatePayment { days, from } => {
                format!("Days beyond terms {days} days ≥ {from} days")
            }
            CapRule::Reorganisation => "Judicial reorganisation".into(),
            CapRule::RegisterListing { factor, entry, from } => match entry {
                RegisterEntry::Amount(a) => {
                    format!(
                        "{} {} ≥ {}, the register's listing threshold",
                        factor.label(),
                        a.grouped(),
                        from.grouped()
                    )
                }
                RegisterEntry::Listed(_) => {
                    let debt = if *factor == Factor::SocialDebt { "social-security" } else { "tax" };
                    format!("Listed for {debt} debt in the withholding-obligation check")
                }
            },
            CapRule::Summonses { count, from } => format!("{count} summonses in 12 months (≥ {from})"),
            CapRule::AuthoritySummons => "Summoned by the RSZ or tax authority in 12 months".into(),
            CapRule::NegativeEquity { equity } => {
                format!("Negative equity {} (the alarm-bell procedure)", equity.grouped())
            }
            CapRule::LateFiling => "Annual accounts filed late".into(),
            CapRule::StaleAccounts { months, older_than, unusable } => {
                let none = if *unusable { ", counted as no accounts" } else { "" };
                format!("Accounts {months} months old, older than {older_than} months{none}")
            }
            CapRule::InsufficientData { coverage, min } => {
                format!("Insufficient data: coverage {:.0} % < {:.0} %", percent_down(*coverage), min * 100.0)
            }
            CapRule::LimitedCoverage { coverage, below } => {
                format!("Data coverage {:.0} % < {:.0} %", percent_down(*coverage), below * 100.0)
            }
            CapRule::YoungCompany { years, below } => {
                let age = if *years == 1 { "1 year".to_string() } else { format!("{years} years") };
                format!("Company {age} old, younger than {below} years")
            }
        }
    }
}

impl Cap {
    /// The reason as the screen shows it: what fired and what it does to the band.
    pub fn text(&self) -> String {
        let band = self.band;
        let effect = match self.rule {
            CapRule::Default(_) => "in default (PD 100 %) whatever the score".to_string(),
            CapRule::Reorganisation => {
                format!("band {band} at best, open credit only under a first-demand bank guarantee")
            }
            CapRule::InsufficientData { .. } => format!("treated as band {band} at best"),
            CapRule::LimitedCoverage { .. } => format!("band {band} at best until the rest is known"),
            CapRule::StaleAccounts { .. } => {
                format!("band {band} at best, each ratio at most its assumed value")
            }
            _ => format!("band {band} at best"),
        };
        format!("{}: {effect}", self.rule.why())
    }
}

/// The caps and default causes the prospect's known signals fire (not the coverage caps).
pub fn signal_caps(p: &Prospect, policy: &Policy, today: Date) -> Vec<Cap> {
    let sc = &policy.scorecard;
    let caps = &sc.caps;
    let mut out = Vec::new();
    let mut cap = |band: Band, rule: CapRule| out.push(Cap { band, rule });
    match p.insolvency {
        Some(Insolvency::Bankruptcy) => cap(Band::E, CapRule::Default(DefaultCause::Bankruptcy)),
        Some(Insolvency::Liquidation) => cap(Band::E, CapRule::Default(DefaultCause::Liquidation)),
        Some(Insolvency::Unspecified) => cap(Band::E, CapRule::Default(DefaultCause::Proceedings)),
        Some(Insolvency::Reorganisation) => cap(caps.reorganisation.best_band, CapRule::Reorganisation),
        Some(Insolvency::None) | None => {}
    }
    if let Some(days) = p.dbt_days {
        let from = sc.default.dbt_from_days;
        if days >= from {
            cap(Band::E, CapRule::Default(DefaultCause::Arrears { days, from }));
        } else if days >= caps.late_payment.from_days {
            let from = caps.late_payment.from_days;
            cap(caps.late_payment.best_band, CapRule::LatePayment { days, from });
        }
    }
    if let Some(count) = p.summons_12m.filter(|c| *c >= caps.summonses.from_count) {
        cap(caps.summonses.best_band, CapRule::Summonses { count, from: caps.summonses.from_count });
    }
    if p.summons_authority == Some(true) {
        cap(caps.authority_summons.best_band, CapRule::AuthoritySummons);
    }
    let from = caps.register_listing.from_amount;
    for (factor, entry) in [(Factor::TaxDebt, p.tax_debt), (Factor::SocialDebt, p.social_debt)] {
        if let Some(entry) = entry.filter(|e| e.is_listing(from)) {
            cap(caps.register_listing.best_band, CapRule::RegisterListing { factor, entry, from });
        }
    }
    if let Some(equity) = p.equity.filter(|e| e.is_negative()) {
        cap(caps.negative_equity.best_band, CapRule::NegativeEquity { equity });
    }
    if p.late_filing == Some(true) {
        cap(caps.late_filing.best_band, CapRule::LateFiling);
    }
    let older_than = caps.stale_accounts.older_than_months;
    if let Some(months) = accounts_months(p, today).filter(|m| *m > older_than) {
        let unusable = months > sc.accounts.unusable_after_months;
        cap(caps.stale_accounts.best_band, CapRule::StaleAccounts { months, older_than, unusable });
    }
    let young = &caps.young_company;
    if let Some(founded) = p.founded {
        let years = (today.year() - i32::from(founded)).max(0);
        if years < i32::try_from(young.below_years).unwrap_or(i32::MAX) {
            cap(young.best_band, CapRule::YoungCompany { years, below: young.below_years });
        }
    }
    out
}

/// The coverage rules: too little data (at least the cautious band) or limited data.
pub fn coverage_cap(coverage: f64, policy: &Policy) -> Option<Cap> {
    let sc = &policy.scorecard;
    let min = sc.min_coverage_pct.to_f64() / 100.0;
    let limited = &sc.caps.limited_coverage;
    let below = limited.below_pct.to_f64() / 100.0;
    if coverage < min {
        Some(Cap { band: sc.insufficient_data_band, rule: CapRule::InsufficientData { coverage, min } })
    } else if coverage < below {
        Some(Cap { band: limited.best_band, rule: CapRule::LimitedCoverage { coverage, below } })
    } else {
        None
    }
}
