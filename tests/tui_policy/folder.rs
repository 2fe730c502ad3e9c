//! A folder imported from the desk: its files previewed one after the other, each imported on
//! its own or not at all, as `dealdesk import FOLDER` makes each file its own transaction.

use std::path::{Path, PathBuf};

use crate::common::desk::*;
use dealdesk::io::import_file::{folder_files, read_import_file};
use dealdesk::tui::app::{App, Effect, Msg};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;

/// What the runner answers for `Effect::ReadImport(path)`: the folder's files or the file read.
fn answer(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let [Effect::ReadImport(path)] = effects.as_slice() else { panic!("expected one read: {effects:?}") };
    if path.is_dir() {
        let result = folder_files(path).map_err(|e| e.to_string());
        update(app, Msg::ImportFolder { folder: path.clone(), result })
    } else {
        let bytes = std::fs::read(path).unwrap();
        update(
            app,
            Msg::ImportRead { path: path.clone(), result: read_import_file(&bytes, None, &mut |_| {}) },
        )
    }
}

fn write_csv(dir: &Path, file: &str, name: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, format!("name,annual_volume\n{name},12000\n")).unwrap();
    path
}

fn previewed(app: &App) -> (PathBuf, usize) {
    match &app.screen {
        Screen::ImportPreview(p) => (p.path.clone(), p.then),
        other => panic!("expected the import preview, found {other:?}"),
    }
}

#[test]
fn a_folder_is_previewed_and_imported_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_csv(dir.path(), "a.csv", "Folder First BV");
    let second = write_csv(dir.path(), "b.csv", "Folder Second BV");
    std::fs::write(dir.path().join("notes.md"), "not a prospect file").unwrap();
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, &dir.path().to_string_lossy());
    let listed = press(&mut app, KeyCode::Enter);
    // The folder lists its two CSV files (the note is left out) and the first is read.
    let read_first = answer(&mut app, listed);
    assert_eq!(read_first, [Effect::ReadImport(first.clone())]);
    assert!(answer(&mut app, read_first).is_empty());
    assert_eq!(previewed(&app), (first, 1));
    // n: nothing from the first file; the second is read and previewed, the last.
    let read_second = press(&mut app, KeyCode::Char('n'));
    assert_eq!(read_second, [Effect::ReadImport(second.clone())]);
    answer(&mut app, read_second);
    assert_eq!(previewed(&app), (second, 0));
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screen, Screen::Portfolio), "{:?}", app.screen);
    assert!(app.import_queue.is_empty());
    let all = names(&app);
    assert!(all.contains(&"Folder Second BV".to_string()) && !all.contains(&"Folder First BV".to_string()));
}

#[test]
fn esc_while_reading_drops_the_rest_of_the_folder_and_an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, &dir.path().to_string_lossy());
    let listed = press(&mut app, KeyCode::Enter);
    assert!(answer(&mut app, listed).is_empty());
    let notice = format!("{:?}", app.notice);
    assert!(notice.contains("Nothing to import") && notice.contains(".csv"), "{notice}");

    write_csv(dir.path(), "a.csv", "Folder First BV");
    write_csv(dir.path(), "b.csv", "Folder Second BV");
    ch(&mut app, 'i');
    type_text(&mut app, &dir.path().to_string_lossy());
    let listed = press(&mut app, KeyCode::Enter);
    let read_first = answer(&mut app, listed);
    assert!(matches!(app.modal, Some(Modal::Reading { .. })));
    assert_eq!(app.import_queue.len(), 1);
    press(&mut app, KeyCode::Esc);
    assert!(app.import_queue.is_empty(), "the rest of the folder is dropped");
    // The cancelled file's contents, when they come, change nothing.
    assert!(answer(&mut app, read_first).is_empty());
    assert!(matches!(app.screen, Screen::Portfolio));
}

#[test]
fn a_refused_file_of_a_folder_is_told_in_the_next_preview() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_csv(dir.path(), "a.csv", "Folder First BV");
    // A filing in dollars, which a euro portfolio refuses.
    let filing = std::fs::read_to_string("tests/fixtures/nbb/somnis.csv").unwrap();
    std::fs::write(dir.path().join("b.csv"), filing.replace("\"Currency\",\"EUR\"", "\"Currency\",\"USD\""))
        .unwrap();
    let third = write_csv(dir.path(), "c.csv", "Folder Third BV");
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, &dir.path().to_string_lossy());
    let listed = press(&mut app, KeyCode::Enter);
    let read_first = answer(&mut app, listed);
    answer(&mut app, read_first);
    assert_eq!(previewed(&app), (first, 2));
    let read_second = press(&mut app, KeyCode::Char('n'));
    // The dollar filing is refused and the third file read at once.
    let read_third = answer(&mut app, read_second);
    assert_eq!(read_third, [Effect::ReadImport(third.clone())]);
    answer(&mut app, read_third);
    assert_eq!(previewed(&app), (third, 0));
    let Screen::ImportPreview(preview) = &app.screen else { unreachable!() };
    assert!(preview.notes.iter().any(|n| n.contains("b.csv") && n.contains("USD")), "{:?}", preview.notes);
}
