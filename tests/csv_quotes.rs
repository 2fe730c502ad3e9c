//! Issue 15, finding 8: one stray `"` in a CSV swallowed the thousand rows after it and the
//! report said "1 bad row". A quoted cell may span lines, but a quote still open at the end of
//! the file is an error at the row where it opened, and with `--skip-invalid` the rows after it
//! are read again as if that quote were a plain character.

mod common;

use common::sandbox::Sandbox;
use dealdesk::domain::fields::Field;
use dealdesk::io::csv_import::read_prospects;

/// Row 3 opens a quote it never closes; 1 000 good rows follow.
fn stray_quote_file() -> String {
    let mut text = String::from("name;city;note\nAlpha BV;Gent;\"two\nlines\"\n\"Stray NV;Brugge;oops\n");
    for i in 0..1000 {
        text.push_str(&format!("Company {i} BV;Leuven;fine\n"));
    }
    text
}

#[test]
fn the_open_quote_is_an_error_at_its_row_and_the_rows_after_it_are_read() {
    let import = read_prospects(stray_quote_file().as_bytes()).unwrap();
    assert_eq!(import.bad_rows(), [3]);
    assert_eq!(import.errors[0].column, Some(Field::Name));
    assert!(import.errors[0].reason.contains("never closed"), "{}", import.errors[0].reason);
    assert_eq!(import.prospects.len(), 1001);
    assert_eq!(
        import.prospects[0].prospect.note.as_deref(),
        Some("two\nlines"),
        "a quoted cell may span lines"
    );
    let rows: Vec<usize> = import.prospects.iter().map(|p| p.row).take(3).collect();
    assert_eq!(rows, [2, 4, 5]);
    assert_eq!(import.prospects[1].prospect.name, "Company 0 BV");
    assert_eq!(import.prospects[1000].row, 1003);
}

#[test]
fn a_quote_opened_on_the_last_row_spoils_only_that_row() {
    let text = "name;city\nFine;Gent\nLast;\"Gent\n";
    let import = read_prospects(text.as_bytes()).unwrap();
    assert_eq!(import.bad_rows(), [3]);
    assert_eq!(import.errors[0].column, Some(Field::City));
    let names: Vec<&str> = import.prospects.iter().map(|p| p.prospect.name.as_str()).collect();
    assert_eq!(names, ["Fine"]);
}

#[test]
fn the_command_names_the_row_and_skip_invalid_imports_every_other_row() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file = sandbox.write("stray.csv", stray_quote_file().as_bytes());
    let run = sandbox.run(&["import", &file, "--store", &store]).failed();
    run.says("row 3, column name: a quote (\") opens a cell here and is never closed");
    run.says("1 bad row: nothing imported");
    assert!(!sandbox.path("portfolio.json").exists());

    let run = sandbox.run(&["import", &file, "--store", &store, "--skip-invalid"]).ok();
    assert!(run.stdout.contains("1001 new"), "{}", run.stdout);
    assert_eq!(sandbox.export_json(&store).len(), 1001);
}
