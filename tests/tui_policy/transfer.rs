//! Import and export from the desk, as keys in and effects out: the path prompt and its
//! completions, the preview of a CSV file with one bad row, and the export's scope and format.

use std::path::PathBuf;

use super::{IMPORT_CSV, IMPORTED, check, notice};
use crate::common::desk::*;
use dealdesk::domain::fields::Field;
use dealdesk::io::csv_import::{CsvImport, read_prospects};
use dealdesk::io::export::FileFormat;
use dealdesk::io::import_file::ImportFile;
use dealdesk::tui::app::{App, Effect, Msg};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::modals::path_prompt::{PathPrompt, Purpose};
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;

fn read_fixture() -> CsvImport {
    let bytes = std::fs::read(IMPORT_CSV).expect("the fixture is readable");
    read_prospects(&bytes).expect("the fixture's header is good")
}

fn prompt(app: &App) -> &PathPrompt {
    match &app.modal {
        Some(Modal::Path(prompt)) => prompt,
        other => panic!("expected a path prompt, found {other:?}"),
    }
}

/// `i`, the fixture's path, Enter, and the runner's answer: the desk on the preview.
fn preview_app() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    assert_eq!(prompt(&app).purpose, Purpose::Import);
    type_text(&mut app, IMPORT_CSV);
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, [Effect::ReadImport(PathBuf::from(IMPORT_CSV))]);
    assert!(matches!(app.modal, Some(Modal::Reading { .. })), "{:?}", app.modal);
    update(
        &mut app,
        Msg::ImportRead { path: IMPORT_CSV.into(), result: Ok(ImportFile::Rows(read_fixture())) },
    );
    assert!(app.modal.is_none());
    app
}

#[test]
fn the_preview_lists_the_bad_cell_by_row_and_column() {
    let app = preview_app();
    let Screen::ImportPreview(preview) = &app.screen else { panic!("{:?}", app.screen) };
    let ImportFile::Rows(import) = &preview.file else { panic!("{:?}", preview.file) };
    let errors: Vec<_> = import.errors.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(errors, [(4, Some(Field::AnnualVolume))]);
    assert!(import.errors[0].reason.contains("'veel'"), "{:?}", import.errors);
    assert_eq!(preview.plan.summary(), "3 new, 0 updated, 0 unchanged");
    let problems = preview.problems();
    assert_eq!((problems[0].0.as_str(), problems[0].1.as_str()), ("4", "annual_volume"));
}

#[test]
fn a_imports_only_the_valid_rows_and_saves() {
    let mut app = preview_app();
    let next = app.portfolio.next_id();
    let effects = ch(&mut app, 'a');
    assert_eq!(saves(&effects), [(1, 53, false)]);
    assert_eq!(app.portfolio.len(), 53);
    assert!(matches!(app.screen, Screen::Portfolio) && app.back.is_empty());
    for (name, id) in IMPORTED.iter().zip(next..) {
        assert_eq!(prospect(&app, name).id, id, "{name} gets the next free id");
    }
    assert!(!names(&app).iter().any(|n| n == "Foutieve Rij BV"), "the bad row stays out");
    assert_eq!(notice(&app), (format!("Imported from {IMPORT_CSV}: 3 new, 0 updated, 0 unchanged"), false));
}

#[test]
fn n_imports_nothing_and_f_says_to_fix_the_file() {
    let mut app = preview_app();
    assert!(ch(&mut app, 'n').is_empty());
    assert_eq!((app.portfolio.len(), app.generation), (50, 0));
    assert!(matches!(app.screen, Screen::Portfolio));
    assert_eq!(notice(&app).0, format!("Nothing imported from {IMPORT_CSV}"));

    let mut app = preview_app();
    assert!(ch(&mut app, 'f').is_empty());
    assert_eq!((app.portfolio.len(), app.generation), (50, 0));
    assert!(matches!(app.screen, Screen::Portfolio));
    let (text, _) = notice(&app);
    assert!(text.starts_with("Nothing imported: fix") && text.contains(IMPORT_CSV), "{text}");
}

#[test]
fn a_file_that_cannot_be_read_is_said_and_nothing_changes() {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "nowhere.csv");
    press(&mut app, KeyCode::Enter);
    update(&mut app, Msg::ImportRead { path: "nowhere.csv".into(), result: Err("not found".into()) });
    assert!(app.modal.is_none() && matches!(app.screen, Screen::Portfolio));
    assert_eq!(notice(&app), ("Cannot import nowhere.csv: not found".to_string(), true));
}

#[test]
fn tab_completes_one_candidate_whole_and_several_to_what_they_share() {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "tests/fixtures/desk_imp");
    assert_eq!(press(&mut app, KeyCode::Tab), [Effect::Complete("tests/fixtures/desk_imp".into())]);
    let one = vec![IMPORT_CSV.to_string()];
    update(&mut app, Msg::Completions { typed: "tests/fixtures/desk_imp".into(), candidates: one });
    assert_eq!((prompt(&app).line.text(), prompt(&app).candidates.len()), (IMPORT_CSV, 0));

    ctrl(&mut app, 'u');
    type_text(&mut app, "data/p");
    let several = vec!["data/prospects-2025.csv".to_string(), "data/prospects-2026.csv".to_string()];
    update(&mut app, Msg::Completions { typed: "data/p".into(), candidates: several.clone() });
    assert_eq!(prompt(&app).line.text(), "data/prospects-202");
    assert_eq!(prompt(&app).candidates, several);
    let screen = screen_text(&render(&mut app, 120, 40)).join("\n");
    assert!(screen.contains("  data/prospects-2025.csv") && screen.contains("  data/prospects-2026.csv"));

    let stale = vec!["elsewhere.csv".to_string()];
    update(&mut app, Msg::Completions { typed: "data/".into(), candidates: stale });
    assert_eq!(prompt(&app).line.text(), "data/prospects-202", "an answer for older text is ignored");
}

/// The names of the prospects an Export effect carries; its path and format.
fn exported(effects: &[Effect]) -> (PathBuf, bool, Vec<String>) {
    match effects {
        [Effect::Export { path, format, prospects, overwrite: false }] => {
            (path.clone(), *format == FileFormat::Json, prospects.iter().map(|p| p.name.clone()).collect())
        }
        other => panic!("expected one Export effect, found {other:?}"),
    }
}

#[test]
fn export_writes_the_whole_portfolio_as_csv_by_default() {
    let mut app = demo_app();
    ch(&mut app, 'e');
    assert_eq!((prompt(&app).purpose, prompt(&app).line.text()), (Purpose::Export, "dealdesk-export.csv"));
    assert!(prompt(&app).whole);
    let (path, json, names) = exported(&press(&mut app, KeyCode::Enter));
    assert_eq!((path, json, names.len()), (PathBuf::from("dealdesk-export.csv"), false, 50));
    assert!(app.modal.is_none());
}

#[test]
fn with_a_filter_on_export_takes_the_shown_rows_and_ctrl_a_toggles_the_scope() {
    let mut app = demo_app();
    for _ in 0..3 {
        ch(&mut app, 'b');
    }
    let shown = names(&app);
    assert!(!shown.is_empty() && shown.len() < 50, "band C shows some: {}", shown.len());
    ch(&mut app, 'e');
    assert!(!prompt(&app).whole);
    let (_, _, sent) = exported(&press(&mut app, KeyCode::Enter));
    assert_eq!(sent, shown);

    ch(&mut app, 'e');
    ctrl(&mut app, 'a');
    assert!(prompt(&app).whole);
    let (_, _, sent) = exported(&press(&mut app, KeyCode::Enter));
    assert_eq!(sent.len(), 50);
}

#[test]
fn a_name_ending_in_json_exports_json() {
    let mut app = demo_app();
    ch(&mut app, 'e');
    ctrl(&mut app, 'u');
    type_text(&mut app, "out/Portfolio.JSON");
    let (path, json, names) = exported(&press(&mut app, KeyCode::Enter));
    assert_eq!((path, json, names.len()), (PathBuf::from("out/Portfolio.JSON"), true, 50));
    update(&mut app, Msg::Exported(Ok((PathBuf::from("out/Portfolio.JSON"), 50))));
    assert_eq!(notice(&app), ("Exported 50 prospects to out/Portfolio.JSON".to_string(), false));
}

#[test]
fn snapshot_import_preview_with_the_bad_row_marked() {
    check("import_preview_one_bad_row", preview_app);
}

#[test]
fn snapshot_export_prompt_on_a_filtered_portfolio() {
    check("export_prompt_filtered", || {
        let mut app = demo_app();
        for _ in 0..3 {
            ch(&mut app, 'b');
        }
        ch(&mut app, 'e');
        app
    });
}

#[test]
fn esc_while_reading_cancels_the_import_and_its_result_is_ignored() {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, IMPORT_CSV);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.modal, Some(Modal::Reading { .. })), "{:?}", app.modal);
    let footer = screen_text(&render(&mut app, 120, 40)).join("\n");
    assert!(footer.contains("Esc cancel"), "{footer}");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.modal.is_none());
    assert_eq!(notice(&app).0, format!("Import of {IMPORT_CSV} cancelled; nothing imported"));
    update(
        &mut app,
        Msg::ImportRead { path: IMPORT_CSV.into(), result: Ok(ImportFile::Rows(read_fixture())) },
    );
    assert!(matches!(app.screen, Screen::Portfolio), "{:?}", app.screen);
    assert_eq!(app.portfolio.len(), 50);
}

#[test]
fn question_mark_on_the_preview_shows_its_keys() {
    let mut app = preview_app();
    ch(&mut app, '?');
    assert!(app.help);
    let text = screen_text(&render(&mut app, 120, 40)).join("\n");
    assert!(
        text.contains("Keys: Import preview") && text.contains("import nothing, fix the file first"),
        "{text}"
    );
}

const FILING: &str = "tests/fixtures/nbb/profinance.csv";

/// The filing of Profinance read as the runner reads it.
fn filing() -> ImportFile {
    let bytes = std::fs::read(FILING).expect("the filing is readable");
    dealdesk::io::import_file::read_import_file(&bytes, None, &mut |_| {}).expect("a filing")
}

/// `i`, the filing's path, Enter, and the runner's answer: its preview.
fn preview_of(app: &mut App, file: ImportFile) -> dealdesk::tui::import::state::ImportPreview {
    ch(app, 'i');
    type_text(app, FILING);
    press(app, KeyCode::Enter);
    update(app, Msg::ImportRead { path: FILING.into(), result: Ok(file) });
    let Screen::ImportPreview(preview) = &app.screen else { panic!("{:?}", app.screen) };
    (**preview).clone()
}

#[test]
fn a_filing_is_previewed_and_a_second_import_updates_instead_of_duplicating() {
    let mut app = demo_app();
    assert_eq!(preview_of(&mut app, filing()).plan.summary(), "1 new, 0 updated, 0 unchanged");
    ch(&mut app, 'a');
    assert_eq!(app.portfolio.len(), 51);
    let id = prospect(&app, "Profinance").id;

    // The account manager adds the deal; the same filing again changes nothing.
    let mut edited = (*prospect(&app, "Profinance")).clone();
    edited.annual_volume = Some(dealdesk::domain::money::Money::units(80_000));
    edited.city = Some("Gent".into());
    let before = Some(prospect(&app, "Profinance"));
    let edit = dealdesk::tui::history::Change::Put { before, after: std::sync::Arc::new(edited) };
    app.commit(edit, &mut Vec::new());
    let preview = preview_of(&mut app, filing());
    assert_eq!(preview.plan.summary(), "0 new, 1 updated, 0 unchanged");
    let changes: Vec<String> = preview.plan.updated[0].changes.iter().map(|c| c.describe()).collect();
    assert_eq!(changes, ["city Gent → Lokeren"]);
    ch(&mut app, 'a');
    assert_eq!(app.portfolio.len(), 51, "updated, not duplicated");
    let p = prospect(&app, "Profinance");
    assert_eq!((p.id, p.city.as_deref()), (id, Some("Lokeren")));
    assert_eq!(p.annual_volume, Some(dealdesk::domain::money::Money::units(80_000)), "the deal stays");

    assert_eq!(preview_of(&mut app, filing()).plan.summary(), "0 new, 0 updated, 1 unchanged");
    ch(&mut app, 'a');
    assert_eq!(notice(&app), ("Nothing to import: no new prospect and no change".to_string(), true));
}

#[test]
fn a_name_ending_in_xlsx_exports_a_workbook_that_imports_back() {
    let mut app = demo_app();
    ch(&mut app, 'e');
    ctrl(&mut app, 'u');
    type_text(&mut app, "out/Portfolio.XLSX");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Export { format, prospects, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(*format, FileFormat::Xlsx);
    // The bytes the runner writes for that format.
    let plain: Vec<_> = prospects.iter().map(|p| (**p).clone()).collect();
    let bytes = dealdesk::io::export::encode(&plain, *format).expect("a workbook");
    let back = dealdesk::io::sheet_import::read_sheet(&bytes, None).unwrap();
    assert!(back.is_clean(), "{:?}", back.errors);
    let names: Vec<&str> = back.prospects.iter().map(|r| r.prospect.name.as_str()).collect();
    let want: Vec<&str> = prospects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, want);
}
