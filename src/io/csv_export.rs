//! Writes prospects as CSV that `read_prospects` reads back unchanged: one column per field key
//! in form order, `,`-separated, decimal point, canonical text from the field table. Text that
//! a spreadsheet would run as a formula is written behind an apostrophe (`formula`).

use std::io::{self, Write};

use super::formula::neutralise;
use crate::domain::decision_columns;
use crate::domain::field_values::Kind;
use crate::domain::fields::Field;
use crate::domain::prospect::Prospect;

/// A field's cell as the export writes it: free text guarded against formulas, everything else
/// (numbers, dates, choices) as the field table writes it.
pub fn cell(field: Field, prospect: &Prospect) -> String {
    let text = field.get(prospect);
    match field.kind() {
        Kind::Text | Kind::Registration => neutralise(&text).into_owned(),
        _ => text,
    }
}

/// Writes a header of every `Field::ALL` key and the decision and term columns, and one row per
/// prospect; unknown values are empty cells. The latest decision is in the decision columns
/// (its status is the `status` column) with the terms it agreed; the whole history stays in
/// the store and JSON.
pub fn write_prospects<W: Write>(prospects: &[Prospect], out: W) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(Field::ALL.iter().map(|f| f.key()).chain(decision_columns::exported()))?;
    let mut cells: Vec<String> = Vec::with_capacity(Field::ALL.len() + decision_columns::EXPORTED);
    for prospect in prospects {
        cells.clear();
        cells.extend(Field::ALL.iter().map(|&f| cell(f, prospect)));
        cells.extend(decision_columns::cells(prospect).iter().map(|c| neutralise(c).into_owned()));
        writer.write_record(&cells)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Money, NumberStyle};
    use crate::io::csv_import::read_prospects;

    fn export(prospects: &[Prospect]) -> String {
        let mut out = Vec::new();
        write_prospects(prospects, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_header_lists_every_field_in_form_order() {
        let text = export(&[]);
        let keys: Vec<&str> =
            Field::ALL.iter().map(|f| f.key()).chain(decision_columns::exported()).collect();
        assert_eq!(text, format!("{}\n", keys.join(",")));
    }

    #[test]
    fn cells_are_canonical_and_quoted_only_when_needed() {
        let mut p = Prospect::named("Dupont, \"Fils\"; Cie");
        for (field, raw) in [
            (Field::Country, "be"),
            (Field::Registration, "BE0403170701"),
            (Field::Equity, "-1.234,5"),
            (Field::LateFiling, "ja"),
        ] {
            field.set(&mut p, raw, NumberStyle::Comma).unwrap();
        }
        p.cash = Some(Money::ZERO);
        let text = export(&[p.clone()]);
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("\"Dupont, \"\"Fils\"\"; Cie\",BE,0403.170.701,"), "{row}");
        assert!(row.contains(",-1234.50,"), "{row}");
        assert!(row.contains(",yes,"), "{row}");
        let back = read_prospects(text.as_bytes()).unwrap();
        assert!(back.is_clean(), "{:?}", back.errors);
        assert_eq!(back.prospects[0].prospect, p);
    }

    #[test]
    fn formula_text_is_guarded_and_numbers_are_not() {
        let mut p = Prospect::named("=HYPERLINK(\"http://x\")");
        p.city = Some("'s-Hertogenbosch".into());
        p.note = Some("@SUM(A1)".into());
        p.ebit = Some(Money::units(-5000));
        let text = export(&[p.clone()]);
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\""), "{row}");
        assert!(row.contains(",'s-Hertogenbosch,"), "{row}");
        assert!(row.contains(",-5000,"), "{row}");
        assert!(row.ends_with(",new,'@SUM(A1),,,,,,,,,,,"), "{row}");
        let back = read_prospects(text.as_bytes()).unwrap();
        assert_eq!(back.prospects[0].prospect, p);
    }

    #[test]
    fn the_store_id_is_not_exported() {
        let mut p = Prospect::named("A");
        p.id = 42;
        let back = read_prospects(export(&[p]).as_bytes()).unwrap();
        assert_eq!(back.prospects[0].prospect, Prospect::named("A"));
    }
}
