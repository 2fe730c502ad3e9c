//! A company's annual accounts as filed with the National Bank of Belgium's Central Balance
//! Sheet Office and downloaded as CSV from its consult site (consult.cbso.nbb.be): metadata rows
//! (`"Entity number","0443246943"`, `"Accounting period end date","2024-12-31"`, …), then one
//! `"code","value"` row per rubric. Codes ending in `P` are the previous year's figures and are
//! not read; `nbb_rubrics` maps the current year's codes onto a prospect.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;

use super::decode::decode;
use super::printable::printable;
use crate::domain::date::Date;
use crate::domain::registration::canonical_registration;

/// One filing, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Filing {
    pub reference: Option<String>,
    /// The enterprise number, canonical (`0443.246.943`).
    pub entity_number: String,
    pub name: String,
    pub period_end: Date,
    /// `m01-f` (full), `m02-f` (abbreviated), micro models…
    pub model: String,
    pub currency: String,
    pub city: Option<String>,
    /// The country as the filing writes it (`België`).
    pub country: Option<String>,
    pub liquidation: bool,
    /// A correction of an earlier filing for the same period.
    pub correction: bool,
    /// Current-year rubrics by code.
    pub codes: HashMap<String, Decimal>,
}

/// A filing that cannot be read: the row and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingError {
    /// The line of the file, when one is at fault.
    pub row: Option<usize>,
    pub reason: String,
}

impl fmt::Display for FilingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(row) => write!(f, "row {row}: {}", printable(&self.reason)),
            None => f.write_str(&printable(&self.reason)),
        }
    }
}

impl std::error::Error for FilingError {}

/// The metadata keys that open a filing; a CSV whose first row is one of them is a filing.
const OPENING_KEYS: &[&str] = &["reference number", "entity number"];

/// Whether the file is a filing rather than a prospect table: its first row is a two-cell
/// metadata row such as `"Reference number","2025-00069236"`.
pub fn is_filing(bytes: &[u8]) -> bool {
    let (text, _) = decode(bytes);
    let mut reader = reader(&text);
    let Some(Ok(first)) =
        reader.records().find(|r| r.as_ref().map_or(true, |r| !r.iter().all(str::is_empty)))
    else {
        return false;
    };
    first.len() == 2 && OPENING_KEYS.contains(&first[0].trim().to_lowercase().as_str())
}

fn reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text)
}

/// Reads a filing. Every row must be a `"key","value"` pair; the entity number, name, period
/// end and currency must be there.
pub fn read_filing(bytes: &[u8]) -> Result<Filing, FilingError> {
    let (text, _) = decode(bytes);
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut codes = HashMap::new();
    for (i, record) in reader(&text).records().enumerate() {
        let row = Some(i + 1);
        let record = record.map_err(|e| FilingError { row, reason: e.to_string() })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let [key, value] = [0, 1].map(|k| record.get(k).unwrap_or_default().trim());
        if record.len() != 2 {
            let reason = format!("expected a code and a value, found {} cells", record.len());
            return Err(FilingError { row, reason });
        }
        if is_code(key) {
            if key.ends_with('P') {
                continue;
            }
            let amount = Decimal::from_str_exact(value).map_err(|_| FilingError {
                row,
                reason: format!("rubric {key}: '{value}' is not a number"),
            })?;
            if codes.insert(key.to_string(), amount).is_some() {
                return Err(FilingError { row, reason: format!("rubric {key} appears twice") });
            }
        } else {
            meta.insert(key.to_lowercase(), value.to_string());
        }
    }
    let get = |key: &str| meta.get(key).map(String::as_str).filter(|v| !v.is_empty());
    let required = |key: &str| {
        get(key).ok_or_else(|| FilingError { row: None, reason: format!("the filing has no \"{key}\" row") })
    };
    let number = required("entity number")?;
    let entity_number = canonical_registration(number, Some("BE"))
        .map_err(|e| FilingError { row: None, reason: format!("entity number: {e}") })?;
    let end = required("accounting period end date")?;
    let period_end =
        Date::parse(end).map_err(|e| FilingError { row: None, reason: format!("period end date: {e}") })?;
    let flag = |key: &str| get(key).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    Ok(Filing {
        reference: get("reference number").map(str::to_string),
        entity_number,
        name: required("entity name")?.to_string(),
        period_end,
        model: get("model code").unwrap_or_default().to_string(),
        currency: required("currency")?.to_string(),
        city: get("entity city").map(str::to_string),
        country: get("entity country").map(str::to_string),
        liquidation: flag("liquidation flag"),
        correction: flag("correction flag")
            || get("deposit type").is_some_and(|v| v.eq_ignore_ascii_case("correction")),
        codes,
    })
}

/// A rubric code: digits, with `/` ranges and a letter suffix (`20/58`, `75/76B`, `8129P`).
fn is_code(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_digit() || c == '/' || c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MICRO: &str = "\"Reference number\",\"X-1\"\n\"Entity number\",\"0403170701\"\n\
        \"Accounting period end date\",\"2024-12-31\"\n\"Currency\",\"EUR\"\n\
        \"Entity name\",\"Micro BV\"\n\"9900\",\"1000.5\"\n\"9900P\",\"900\"\n";

    #[test]
    fn a_filing_is_recognised_by_its_first_row() {
        assert!(is_filing(MICRO.as_bytes()));
        assert!(is_filing(b"\n\"Entity number\",\"0403170701\"\n"));
        assert!(!is_filing(b"name;revenue\nA;1\n"));
        assert!(!is_filing(b"Reference number,a,b\n"));
        assert!(!is_filing(b""));
    }

    #[test]
    fn previous_year_codes_are_left_out_and_metadata_is_read() {
        let f = read_filing(MICRO.as_bytes()).unwrap();
        assert_eq!(f.entity_number, "0403.170.701");
        assert_eq!(f.period_end, Date::new(2024, 12, 31).unwrap());
        assert_eq!(f.codes.len(), 1);
        assert_eq!(f.codes["9900"].to_string(), "1000.5");
        assert!(!f.liquidation && !f.correction);
    }

    #[test]
    fn a_bad_filing_says_where() {
        let bad = MICRO.replace("\"1000.5\"", "\"lots\"");
        assert_eq!(
            read_filing(bad.as_bytes()).unwrap_err().to_string(),
            "row 6: rubric 9900: 'lots' is not a number"
        );
        let nameless = MICRO.replace("\"Entity name\",\"Micro BV\"\n", "");
        assert!(read_filing(nameless.as_bytes()).unwrap_err().reason.contains("\"entity name\""));
    }
}
