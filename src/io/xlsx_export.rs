//! Writes prospects as an `.xlsx` workbook (rust_xlsxwriter) that `sheet_import` reads back
//! unchanged: the CSV export's columns, typed cells (numbers, dates, yes/no), number formats
//! and a frozen header row. Text is written as text, which a spreadsheet never runs as a formula.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::domain::date::Date;
use crate::domain::decision_columns;
use crate::domain::field_values::Kind;
use crate::domain::fields::Field;
use crate::domain::prospect::Prospect;

/// The most data rows a worksheet holds (1 048 576 rows, less the header).
const MAX_ROWS: usize = 1_048_575;

/// The bytes of a workbook with one sheet, "Prospects".
pub fn write_workbook(prospects: &[Prospect]) -> Result<Vec<u8>, String> {
    if prospects.len() > MAX_ROWS {
        return Err(format!(
            "{} prospects do not fit in one worksheet (at most {MAX_ROWS})",
            prospects.len()
        ));
    }
    let mut book = Workbook::new();
    fill(book.add_worksheet(), prospects).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn fill(sheet: &mut Worksheet, prospects: &[Prospect]) -> Result<(), XlsxError> {
    sheet.set_name("Prospects")?;
    let header = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let whole = Format::new().set_num_format("0");
    let percent = Format::new().set_num_format("0.0#");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, field) in (0u16..).zip(Field::ALL) {
        sheet.write_string_with_format(0, col, field.key(), &header)?;
        sheet.set_column_width(col, if field.kind() == Kind::Text { 24 } else { 14 })?;
    }
    let first_decision_column = Field::ALL.len() as u16;
    for (col, name) in (first_decision_column..).zip(decision_columns::exported()) {
        sheet.write_string_with_format(0, col, name, &header)?;
        sheet.set_column_width(col, 24)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, p) in (1u32..).zip(prospects) {
        let columns = (first_decision_column..).zip(decision_columns::exported());
        for ((col, name), text) in columns.zip(decision_columns::cells(p)) {
            match name {
                _ if text.is_empty() => {}
                "payment_days" | "discount_days" => number_or_text(sheet, row, col, &text, &whole)?,
                "advance_pct" | "discount_pct" => number_or_text(sheet, row, col, &text, &percent)?,
                "credit_limit" | "security_amount" => number_or_text(sheet, row, col, &text, &money)?,
                _ => {
                    sheet.write_string(row, col, text)?;
                }
            }
        }
        for (col, &field) in (0u16..).zip(Field::ALL) {
            let text = field.get(p);
            if text.is_empty() {
                continue;
            }
            match field.kind() {
                Kind::Money { .. } => number_or_text(sheet, row, col, &text, &money)?,
                Kind::Percent => number_or_text(sheet, row, col, &text, &percent)?,
                Kind::Count | Kind::Days | Kind::Year | Kind::Score => {
                    number_or_text(sheet, row, col, &text, &whole)?
                }
                Kind::Date => {
                    match date_of(&text) {
                        Some(d) => sheet.write_datetime_with_format(row, col, &d, &date)?,
                        None => sheet.write_string(row, col, text)?,
                    };
                }
                Kind::YesNo => {
                    sheet.write_boolean(row, col, text == "yes")?;
                }
                _ => {
                    sheet.write_string(row, col, text)?;
                }
            }
        }
    }
    Ok(())
}

/// A number cell when the float holds the value exactly enough to read back the same (every
/// amount below about 10^13), else the exact text.
fn number_or_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let exact = Decimal::from_str_exact(text).ok();
    let float = exact.and_then(|d| d.to_f64()).filter(|f| {
        Decimal::from_str_exact(&format!("{f}")).ok().map(|back| back.normalize())
            == exact.map(|d| d.normalize())
    });
    match float {
        Some(f) => sheet.write_number_with_format(row, col, f, format)?,
        None => sheet.write_string(row, col, text)?,
    };
    Ok(())
}

fn date_of(text: &str) -> Option<ExcelDateTime> {
    let date = Date::parse(text).ok()?;
    ExcelDateTime::from_ymd(u16::try_from(date.year()).ok()?, date.month(), date.day()).ok()
}
