//! The Belgian rubric codes of a filing mapped onto a prospect's fields: one documented table
//! (the README repeats it). A rubric a filing leaves out is zero, since filings omit empty
//! rubrics; turnover (70) is the exception, because the abbreviated and micro models may report
//! only the gross margin (9900), and then revenue is unknown.

use rust_decimal::{Decimal, RoundingStrategy};

use super::nbb::Filing;
use crate::domain::date::Date;
use crate::domain::fields::Field;
use crate::domain::import_plan::{FieldSet, Incoming};
use crate::domain::money::NumberStyle;
use crate::domain::prospect::Prospect;
use crate::domain::vocabulary::Insolvency;

/// A field as a sum of rubrics, each added (`+1`) or taken off (`-1`).
pub struct Rubric {
    pub field: Field,
    pub terms: &'static [(i8, &'static str)],
    /// What the rubrics are, in the accounts' words.
    pub meaning: &'static str,
}

/// The mapping, in form order.
pub const RUBRICS: &[Rubric] = &[
    Rubric { field: Field::Revenue, terms: &[(1, "70")], meaning: "turnover" },
    Rubric { field: Field::Ebit, terms: &[(1, "9901")], meaning: "operating profit (loss)" },
    Rubric { field: Field::NetResult, terms: &[(1, "9904")], meaning: "profit (loss) for the period" },
    Rubric { field: Field::TotalAssets, terms: &[(1, "20/58")], meaning: "total assets" },
    Rubric { field: Field::Equity, terms: &[(1, "10/15")], meaning: "equity" },
    Rubric { field: Field::CurrentAssets, terms: &[(1, "29/58")], meaning: "current assets" },
    Rubric { field: Field::Inventory, terms: &[(1, "3")], meaning: "stocks and contracts in progress" },
    Rubric {
        field: Field::Cash,
        terms: &[(1, "50/53"), (1, "54/58")],
        meaning: "current investments + cash at bank and in hand",
    },
    Rubric {
        field: Field::CurrentLiabilities,
        terms: &[(1, "42/48")],
        meaning: "amounts payable within one year",
    },
    Rubric {
        field: Field::TotalLiabilities,
        terms: &[(1, "10/49"), (-1, "10/15")],
        meaning: "total liabilities less equity: provisions, deferred taxes and debts",
    },
    Rubric {
        field: Field::RetainedEarnings,
        terms: &[(1, "13"), (1, "14")],
        meaning: "reserves + accumulated profit (loss)",
    },
];

/// Average number of employees in full-time equivalents, rounded to a whole number.
pub const EMPLOYEES: &str = "9087";
/// Gross margin, which abbreviated and micro models may report instead of turnover.
pub const GROSS_MARGIN: &str = "9900";
/// The currency every amount of the portfolio is in.
pub const PORTFOLIO_CURRENCY: &str = "EUR";

/// Country names as filings write them (in Dutch, French, German and English), with their ISO
/// code.
const COUNTRIES: &[(&str, &[&str])] = &[
    ("BE", &["belgië", "belgie", "belgique", "belgien", "belgium"]),
    ("NL", &["nederland", "pays-bas", "niederlande", "netherlands"]),
    ("LU", &["luxemburg", "luxembourg"]),
    ("FR", &["frankrijk", "france", "frankreich"]),
    ("DE", &["duitsland", "allemagne", "deutschland", "germany"]),
];

/// The ISO code of a country name, or of a code already.
pub fn country_code(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    COUNTRIES
        .iter()
        .find(|(code, names)| names.contains(&name.as_str()) || code.eq_ignore_ascii_case(&name))
        .map(|(c, _)| *c)
}

/// The fields a filing sets on a prospect already in the portfolio: the figures, the accounts
/// date, the city and, where it had none, the registration. Name, deal, payment and decision
/// fields stay as they are.
fn filing_fields() -> FieldSet {
    let mut set = FieldSet::of(&[Field::AccountsDate, Field::Employees, Field::Registration]);
    for rubric in RUBRICS {
        set.insert(rubric.field);
    }
    set
}

/// A filing as a prospect to import, with what the user should know about it (revenue
/// unknown, in liquidation, a country not recognised). Refused, with the reason, when its
/// amounts are in another currency than the portfolio's or its period ends after `today`.
pub fn to_incoming(filing: &Filing, today: Date) -> Result<(Incoming, Vec<String>), String> {
    if !filing.currency.eq_ignore_ascii_case(PORTFOLIO_CURRENCY) {
        return Err(format!(
            "its amounts are in {}, and the portfolio's are in {PORTFOLIO_CURRENCY} (nothing converted)",
            filing.currency
        ));
    }
    if filing.period_end > today {
        return Err(format!("its period ends on {}, after today ({today})", filing.period_end));
    }
    let mut notes = Vec::new();
    let mut p = Prospect::named(&filing.name);
    let mut updates = filing_fields();
    match filing.country.as_deref().map(|c| (c, country_code(c))) {
        Some((_, Some(code))) => p.country = Some(code.to_string()),
        Some((name, None)) => notes.push(format!("country '{name}' is not one dealdesk knows: left unknown")),
        None => {}
    }
    p.registration = Some(filing.entity_number.clone());
    p.accounts_date = Some(filing.period_end);
    if let Some(city) = &filing.city {
        p.city = Some(city.clone());
        updates.insert(Field::City);
    }
    let code = |c: &str| filing.codes.get(c).copied().unwrap_or(Decimal::ZERO);
    for rubric in RUBRICS {
        let turnover_missing = rubric.field == Field::Revenue && !filing.codes.contains_key("70");
        if turnover_missing && filing.codes.contains_key(GROSS_MARGIN) {
            notes.push(format!(
                "revenue unknown: this {} filing reports gross margin ({GROSS_MARGIN}) instead of turnover (70)",
                filing.model
            ));
            continue;
        }
        let sum = rubric.terms.iter().try_fold(Decimal::ZERO, |sum, (sign, c)| {
            sum.checked_add(code(c).checked_mul(Decimal::from(*sign))?)
        });
        let sum = sum.ok_or_else(|| format!("rubric sum for {} is out of range", rubric.field.key()))?;
        rubric
            .field
            .set(&mut p, &sum.to_string(), NumberStyle::Point)
            .map_err(|e| format!("{} ({}): {e}", rubric.field.label(), rubric.meaning))?;
    }
    let employees = code(EMPLOYEES).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    Field::Employees
        .set(&mut p, &employees.to_string(), NumberStyle::Point)
        .map_err(|e| format!("employees ({EMPLOYEES}): {e}"))?;
    if filing.liquidation {
        p.insolvency = Some(Insolvency::Liquidation);
        updates.insert(Field::Insolvency);
        notes.push("in liquidation (the filing's liquidation flag): band E, treated as in default".into());
    }
    let reference = filing.reference.as_deref().map_or(String::new(), |r| format!(", filing {r}"));
    let label = format!("{} ({} of {}{reference})", filing.name, filing.entity_number, filing.period_end);
    let (decided, terms) = Default::default();
    Ok((Incoming { label, prospect: p, updates, keeps_newer_accounts: true, decided, terms }, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_in_four_languages() {
        for name in ["België", "Belgique", "BELGIUM", "be"] {
            assert_eq!(country_code(name), Some("BE"), "{name}");
        }
        assert_eq!(country_code("Pays-Bas"), Some("NL"));
        assert_eq!(country_code("Atlantis"), None);
    }
}
