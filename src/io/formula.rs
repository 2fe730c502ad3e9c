//! Cells a spreadsheet would run as a formula. A CSV export writes text that starts with one of
//! `= + - @`, a tab or a carriage return behind an apostrophe (OWASP's advice against CSV
//! injection); the import takes that apostrophe off again, and only then, so that
//! `'s-Hertogenbosch` keeps its own.

use std::borrow::Cow;

/// The characters that make a spreadsheet treat a cell as a formula (or hide one).
fn starts_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Whether a cell is, behind any apostrophes, a formula: such text gets one more apostrophe on
/// export (so that text which itself starts `'=` comes back as it was).
fn guarded(text: &str) -> bool {
    starts_formula(text.trim_start_matches('\''))
}

/// A text cell as the export writes it: behind an apostrophe when it looks like a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if guarded(text) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// A cell as it was before `neutralise`: one apostrophe goes, and only when a formula
/// character follows the apostrophes.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(cell) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_round_trip_and_other_apostrophes_stay() {
        for text in [
            "=1+1",
            "+32 9 123",
            "-",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=x",
            "''+x",
            "'s-Hertogenbosch",
            "plain",
            "",
        ] {
            assert_eq!(restore(&neutralise(text)), text, "{text:?}");
        }
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(restore("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(restore("'-5"), "-5");
    }
}
