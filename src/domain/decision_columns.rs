//! The columns that carry a prospect's latest decision in a CSV or workbook export, after the
//! field table's (whose `status` is the decision's status), so that an export imports again
//! with its decisions: when and by whom, the review date that follows from them, and the terms
//! it agreed under the economics' term names (`terms::given::COLUMNS`: `payment_days`,
//! `advance_pct`, `credit_limit`, `security`, `security_amount`, `delivery`, `discount_pct`,
//! `discount_days`), which an import reads back with `terms::given::GivenTerms`.

use chrono::{DateTime, FixedOffset};

use super::date::Date;
use super::decision::{agrees_terms, review_due};
use super::prospect::Prospect;
use super::terms::given;

/// The decision columns, in the order an export writes them, before the term columns.
pub const COLUMNS: [&str; 3] = ["decided_at", "decided_by", "review_date"];

/// How many columns an export adds after the field table's: the decision's and its terms'.
pub const EXPORTED: usize = COLUMNS.len() + given::COLUMNS.len();

/// Every column an export adds, in order: the decision's, then its agreed terms'.
pub fn exported() -> impl Iterator<Item = &'static str> {
    COLUMNS.into_iter().chain(given::COLUMNS)
}

/// The latest decision's cells, in `exported` order: empty when there is none, when it kept no
/// time or user, the review date when none is to come (declined), and the term columns when it
/// agreed no terms (declined, on hold, reviewing).
pub fn cells(p: &Prospect) -> Vec<String> {
    let Some(d) = p.history.last() else { return vec![String::new(); EXPORTED] };
    let mut cells = vec![
        d.decided_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        d.decided_by.clone().unwrap_or_default(),
        review_due(p).map(|d| d.to_string()).unwrap_or_default(),
    ];
    if agrees_terms(d.status) {
        cells.extend(given::cells(&d.terms));
    }
    cells.resize(EXPORTED, String::new());
    cells
}

/// What a row's decision columns say about the decision its status records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionCells {
    pub decided_at: Option<DateTime<FixedOffset>>,
    pub decided_by: Option<String>,
}

impl DecisionCells {
    /// Reads one decision column's text; an empty cell says nothing. The review date follows
    /// from the decision and its terms: it is checked to be a date, not taken in.
    pub fn set(&mut self, column: &str, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        match column {
            "decided_at" => {
                let at = DateTime::parse_from_rfc3339(text).map_err(|_| {
                    format!("'{text}' is not a date and time (expected 2026-11-28T09:14:00+01:00)")
                })?;
                self.decided_at = Some(at);
            }
            "decided_by" => self.decided_by = Some(text.to_string()),
            _ => {
                Date::parse(text)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_and_bad_ones_say_what_is_expected() {
        let mut d = DecisionCells::default();
        d.set("decided_at", "2026-11-28T09:14:00+01:00").unwrap();
        d.set("decided_by", " ann ").unwrap();
        d.set("review_date", "2027-02-28").unwrap();
        assert_eq!(d.decided_at.map(|t| t.to_rfc3339()), Some("2026-11-28T09:14:00+01:00".into()));
        assert_eq!(d.decided_by.as_deref(), Some("ann"));
        assert!(d.set("decided_at", "yesterday").unwrap_err().contains("2026-11-28T09:14:00+01:00"));
        assert!(d.set("review_date", "soon").is_err());
    }
}
