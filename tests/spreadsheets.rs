//! Spreadsheet files as they are: `.xlsx` and `.ods` written by another program
//! (scripts/make-sheet-fixtures.py, openpyxl and odfpy) read cell by cell as typed, with the
//! same header aliases and row/column errors as CSV; `export --format xlsx` reads back unchanged.

mod common;

use std::fs;

use common::sandbox::{Sandbox, fixture, manifest_file};
use dealdesk::domain::date::Date;
use dealdesk::domain::fields::Field;
use dealdesk::domain::money::{Money, NumberStyle, Pct};
use dealdesk::domain::prospect::Prospect;
use dealdesk::io::sheet_import::read_sheet;
use dealdesk::io::xlsx_export::write_workbook;
use rust_decimal::dec;

fn money(text: &str) -> Option<Money> {
    Some(Money::parse(text, NumberStyle::Point).unwrap())
}

#[test]
fn xlsx_and_ods_read_cells_as_typed() {
    for name in ["prospects.xlsx", "prospects.ods"] {
        let import = read_sheet(&fs::read(fixture(&format!("sheets/{name}"))).unwrap(), None).unwrap();
        assert_eq!(import.read_as(), "sheet 'Prospects' of the workbook, cells as typed", "{name}");
        let rows: Vec<usize> = import.prospects.iter().map(|p| p.row).collect();
        assert_eq!(rows, [2, 4], "{name}");
        let errors: Vec<String> = import.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, ["row 3, column employees: '12.5' is not a whole number"], "{name}");

        let dupont = &import.prospects[0].prospect;
        assert_eq!(dupont.name, "Brasserie Dupont");
        assert_eq!(dupont.registration.as_deref(), Some("0403.170.701"));
        // The float 1234567.885 is rounded to the cent, half away from zero.
        assert_eq!(dupont.revenue, money("1234567.89"), "{name}");
        assert_eq!(dupont.equity, money("-12345.60"));
        assert_eq!(dupont.employees, Some(42));
        assert_eq!(dupont.accounts_date, Date::new(2024, 12, 31), "{name}: a date cell");
        assert_eq!(dupont.late_filing, Some(false), "{name}: a boolean cell");
        assert_eq!(dupont.margin_pct, Some(Pct::new(dec!(18.5))));
        assert_eq!(dupont.note.as_deref(), Some("=SUM(A1)"), "{name}: text stays text");

        let societe = &import.prospects[1].prospect;
        // 0.1 + 0.2 is 0.30000000000000004 as a float: 0.30 to the cent.
        assert_eq!(societe.revenue, money("0.30"), "{name}");
        assert_eq!(societe.equity, Some(Money::ZERO));
        assert_eq!(societe.note.as_deref(), Some("'s-Hertogenbosch"));
    }
}

#[test]
fn another_sheet_is_read_by_name_and_a_missing_one_is_named() {
    let bytes = fs::read(fixture("sheets/prospects.xlsx")).unwrap();
    let later = read_sheet(&bytes, Some("Later")).unwrap();
    assert_eq!(later.prospects[0].prospect.name, "Plus Tard SA");
    assert_eq!(later.prospects[0].prospect.revenue, Some(Money::units(10)));
    let missing = read_sheet(&bytes, Some("Nope")).unwrap_err().to_string();
    assert_eq!(missing, "there is no sheet 'Nope' (sheets: Prospects, Later)");
}

/// The demo portfolio's inputs, without ids and decisions (which the columns do not carry).
fn demo_inputs() -> Vec<Prospect> {
    let text = fs::read(manifest_file("assets/demo.json")).unwrap();
    let prospects = dealdesk::store::decode(&text, std::path::Path::new("demo.json")).unwrap();
    prospects
        .into_iter()
        .map(|p| {
            let mut copy = Prospect::named(&p.name);
            for field in Field::ALL {
                field.copy(&p, &mut copy);
            }
            copy
        })
        .collect()
}

#[test]
fn an_xlsx_export_reads_back_unchanged() {
    let mut prospects = demo_inputs();
    prospects[0].note = Some("=HYPERLINK(\"x\")".into());
    prospects[1].revenue = money("999999999999999.99");
    let bytes = write_workbook(&prospects).unwrap();
    let back = read_sheet(&bytes, None).unwrap();
    assert!(back.is_clean(), "{:?}", back.errors);
    let read: Vec<Prospect> = back.prospects.into_iter().map(|r| r.prospect).collect();
    assert_eq!(read.len(), prospects.len());
    for (a, b) in read.iter().zip(&prospects) {
        assert_eq!(a, b);
    }
}

#[test]
fn the_command_imports_a_workbook_and_exports_one_that_imports_back() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let run = sandbox.run(&["import", &fixture("sheets/prospects.ods"), "--store", &store, "--skip-invalid"]);
    let run = run.ok();
    run.says("row 3, column employees: '12.5' is not a whole number");
    assert!(run.stdout.contains("2 new, 0 updated, 0 unchanged"), "{}", run.stdout);
    let later =
        sandbox.run(&["import", &fixture("sheets/prospects.xlsx"), "--sheet", "Later", "--store", &store]);
    assert!(later.ok().stdout.contains("1 new"));

    let out = sandbox.arg("out.xlsx");
    sandbox.run(&["export", "--format", "xlsx", "-o", &out, "--store", &store]).ok();
    let second = sandbox.arg("second.json");
    sandbox.run(&["import", &out, "--store", &second]).ok();
    assert_eq!(sandbox.export_json(&store), sandbox.export_json(&second));
}
