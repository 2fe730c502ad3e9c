//! The scorecard's inputs, with the names, units and directions the reasons use.

use super::curve::Direction;
use super::format::write_fixed;
use super::money::Money;

/// One input of the scorecard, or a cap that a reason reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Factor {
    DbtDays,
    LateShare,
    DbtTrend,
    BureauScore,
    CurrentRatio,
    QuickRatio,
    CashRatio,
    EquityRatio,
    ReturnOnAssets,
    EbitOnAssets,
    AltmanZ2,
    Summons,
    SummonsAuthority,
    TaxDebt,
    SocialDebt,
    LateFiling,
    CompanyAge,
    AccountsAge,
    Insolvency,
    Coverage,
}

/// How a factor's value is written.
enum Unit {
    Days,
    Percent,
    Fraction,
    Ratio,
    Count,
    Amount,
    Years,
    Months,
    Plain,
}

impl Factor {
    /// How many inputs the scorecard measures (all factors but `Insolvency` and `Coverage`,
    /// which only caps report).
    pub const INPUTS: usize = 18;

    /// The name in the JSON contract's `reasons[].factor`.
    pub fn key(self) -> &'static str {
        self.meta().0
    }

    pub fn label(self) -> &'static str {
        self.meta().1
    }

    fn unit(self) -> Unit {
        self.meta().2
    }

    fn meta(self) -> (&'static str, &'static str, Unit) {
        match self {
            Factor::DbtDays => ("dbt_days", "Days beyond terms", Unit::Days),
            Factor::LateShare => ("late_share", "Invoices paid late", Unit::Percent),
            Factor::DbtTrend => ("dbt_trend", "DBT trend", Unit::Plain),
            Factor::BureauScore => ("bureau_score", "Bureau score", Unit::Plain),
            Factor::CurrentRatio => ("current_ratio", "Current ratio", Unit::Ratio),
            Factor::QuickRatio => ("quick_ratio", "Quick ratio", Unit::Ratio),
            Factor::CashRatio => ("cash_ratio", "Cash ratio", Unit::Ratio),
            Factor::EquityRatio => ("equity_ratio", "Equity / total assets", Unit::Fraction),
            Factor::ReturnOnAssets => ("return_on_assets", "Net result / total assets", Unit::Fraction),
            Factor::EbitOnAssets => ("ebit_on_assets", "EBIT / total assets", Unit::Fraction),
            Factor::AltmanZ2 => ("altman_z2", "Altman Z''", Unit::Ratio),
            Factor::Summons => ("summons", "Summons in 12 months", Unit::Count),
            Factor::SummonsAuthority => {
                ("summons_authority", "Summons by the RSZ or tax authority", Unit::Plain)
            }
            Factor::TaxDebt => ("tax_debt", "Tax debt", Unit::Amount),
            Factor::SocialDebt => ("social_debt", "Social-security debt", Unit::Amount),
            Factor::LateFiling => ("late_filing", "Late filing", Unit::Plain),
            Factor::CompanyAge => ("company_age", "Company age", Unit::Years),
            Factor::AccountsAge => ("accounts_age", "Age of last accounts", Unit::Months),
            Factor::Insolvency => ("insolvency", "Insolvency proceedings", Unit::Plain),
            Factor::Coverage => ("coverage", "Data coverage", Unit::Fraction),
        }
    }

    /// Which way the input must move for the score to fall.
    pub fn direction(self) -> Direction {
        match self {
            Factor::DbtDays
            | Factor::LateShare
            | Factor::DbtTrend
            | Factor::Summons
            | Factor::SummonsAuthority
            | Factor::TaxDebt
            | Factor::SocialDebt
            | Factor::LateFiling
            | Factor::AccountsAge
            | Factor::Insolvency => Direction::LowerIsBetter,
            _ => Direction::HigherIsBetter,
        }
    }

    /// Writes a value in this factor's unit on `out` (`42 days`, `0.85`, `-12 %`, `12 000`),
    /// with `extra` more decimals than usual, for when the usual ones would make a value and its
    /// threshold look equal ("35 % < 35 %").
    pub fn write_value(self, out: &mut String, value: f64, extra: usize) {
        if value.is_infinite() {
            let none = if self == Factor::AltmanZ2 { "liabilities" } else { "current liabilities" };
            out.push_str("with no ");
            out.push_str(none);
            return;
        }
        let unit = |out: &mut String, one: &str, many: &str| {
            write_fixed(out, value, extra);
            out.push(' ');
            out.push_str(if value == 1.0 { one } else { many });
        };
        match self.unit() {
            Unit::Days => unit(out, "day", "days"),
            Unit::Years => unit(out, "year", "years"),
            Unit::Months => unit(out, "month", "months"),
            Unit::Percent => {
                write_fixed(out, value, extra);
                out.push_str(" %");
            }
            Unit::Fraction => {
                write_fixed(out, value * 100.0, extra);
                out.push_str(" %");
            }
            Unit::Ratio => write_fixed(out, value, 2 + extra),
            Unit::Count | Unit::Plain => write_fixed(out, value, extra),
            Unit::Amount => match rust_decimal::Decimal::from_f64_retain(value).map(Money::new) {
                Some(m) if extra == 0 => out.push_str(&m.grouped()),
                Some(m) => out.push_str(&m.grouped_cents()),
                None => write_fixed(out, value, 0),
            },
        }
    }

    /// A yes/no input in words.
    pub fn flag_text(self, set: bool) -> &'static str {
        match (self, set) {
            (Factor::LateFiling, true) => "Annual accounts filed late",
            (Factor::LateFiling, false) => "Annual accounts filed on time",
            (Factor::SummonsAuthority, true) => "Summoned by the RSZ or tax authority in 12 months",
            (_, true) => "Yes",
            (Factor::SummonsAuthority, false) => "No summons by the RSZ or tax authority",
            (_, false) => "No",
        }
    }

    /// A plain-words remark a credit manager would add to some values.
    pub fn remark(self, value: f64) -> Option<&'static str> {
        match self {
            Factor::EquityRatio if value < 0.0 => Some("negative equity"),
            Factor::CurrentRatio if value < 1.0 => Some("liquidity stress"),
            Factor::ReturnOnAssets | Factor::EbitOnAssets if value < 0.0 => Some("loss-making"),
            _ => None,
        }
    }
}
