//! The file is read: its preview takes the screen; keys import the valid rows, nothing, or
//! send the user to fix the file.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::keys::KEYS;
use super::state::ImportPreview;
use crate::domain::prospect::Prospect;
use crate::io::csv_import::CsvImport;
use crate::store::ids;
use crate::tui::app::{App, Effect, Nav};
use crate::tui::history::Change;
use crate::tui::kit::action::Action;
use crate::tui::modals::Modal;
use crate::tui::screen::Screen;

/// The file is read: its preview takes the screen, or the reason it cannot be read is said.
/// A reading the user cancelled is ignored.
pub fn on_read(app: &mut App, path: PathBuf, result: Result<CsvImport, String>) {
    if !matches!(&app.modal, Some(Modal::Reading { path: reading, .. }) if *reading == path) {
        return;
    }
    app.modal = None;
    match result {
        Ok(import) => {
            app.go(Nav::Push(Screen::ImportPreview(Box::new(ImportPreview { path, import, scroll: 0 }))))
        }
        Err(message) => app.warn(format!("Cannot import {}: {message}", path.display())),
    }
}

/// Keys on the import preview: import the valid rows, nothing, or go and fix the file.
pub fn on_key(app: &mut App, preview: &mut ImportPreview, key: &KeyEvent, effects: &mut Vec<Effect>) {
    match KEYS.lookup(key) {
        Some(Action::Up) => preview.scroll = preview.scroll.saturating_sub(1),
        Some(Action::Down) => {
            preview.scroll = (preview.scroll + 1).min(preview.import.errors.len().saturating_sub(1))
        }
        Some(Action::Confirm) => {
            let (path, rows) = (preview.path.clone(), preview.import.prospects.clone());
            if rows.is_empty() {
                app.warn("No valid row to import");
                return;
            }
            if !app.writable() {
                return;
            }
            let count = rows.len();
            let highest = app.portfolio.next_id().saturating_sub(1);
            let ids = match ids::fresh(highest, count) {
                Ok(ids) => ids,
                Err(e) => return app.warn(format!("Nothing imported: {e}")),
            };
            let changes = ids
                .zip(rows)
                .map(|(id, row)| Change::Put {
                    before: None,
                    after: Arc::new(Prospect { id, ..row.prospect }),
                })
                .collect();
            app.commit(Change::Many(changes), effects);
            app.go(Nav::Home);
            app.say(format!("Imported {count} prospect(s) from {}", path.display()));
        }
        Some(Action::Cancel) => {
            app.go(Nav::Pop);
            app.say("Nothing imported");
        }
        Some(Action::FixFile) => {
            let path = preview.path.display().to_string();
            app.go(Nav::Pop);
            app.say(format!("Nothing imported: fix {path} in your spreadsheet, then i imports it again"));
        }
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}
