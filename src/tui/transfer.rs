//! Bringing data in and out from the desk: the path prompt (with completion), the import
//! preview with its bad cells, and the export of the whole portfolio or of what is shown.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::app::{App, Effect, Modal, Screen};
use super::history::Change;
use super::keymap;
use super::line_edit::LineEdit;
use super::update_keys::edit_line;
use crate::domain::prospect::Prospect;
use crate::io::csv_import::CsvImport;
use crate::store::ids;

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Import,
    Export,
}

/// A path being typed, with the completions last found for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub line: LineEdit,
    pub candidates: Vec<String>,
    /// For an export: the whole portfolio rather than the rows the filters show.
    pub whole: bool,
}

impl PathPrompt {
    pub fn import() -> PathPrompt {
        PathPrompt {
            purpose: Purpose::Import,
            line: LineEdit::default(),
            candidates: Vec::new(),
            whole: true,
        }
    }

    /// An export prompt: the rows shown when a filter is on, else the whole portfolio.
    pub fn export(filtered: bool) -> PathPrompt {
        let line = LineEdit::new("dealdesk-export.csv");
        PathPrompt { purpose: Purpose::Export, line, candidates: Vec::new(), whole: !filtered }
    }

    /// JSON when the name ends in `.json`, CSV otherwise.
    pub fn json(&self) -> bool {
        self.line.text().trim().to_lowercase().ends_with(".json")
    }
}

/// An export the runner found would replace an existing file: it waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingExport {
    pub path: PathBuf,
    pub json: bool,
    pub prospects: Vec<Arc<Prospect>>,
}

/// Why the runner did not write an export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// A file is there: ask before replacing it.
    Exists(PendingExport),
    Failed(String),
}

/// A CSV file read for import, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: PathBuf,
    pub import: CsvImport,
    /// First line of the error list shown.
    pub scroll: usize,
}

/// The longest text every candidate starts with.
fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else { return String::new() };
    let mut prefix: &str = first;
    for c in &candidates[1..] {
        let len: usize =
            prefix.chars().zip(c.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        prefix = &prefix[..len];
    }
    prefix.to_string()
}

/// Keys in a path prompt.
pub fn on_prompt_key(
    app: &mut App,
    mut prompt: PathPrompt,
    key: &KeyEvent,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    match keymap::lookup(keymap::PROMPT, key) {
        Some(Action::Cancel) => None,
        Some(Action::Complete) => {
            effects.push(Effect::Complete(prompt.line.text().to_string()));
            Some(Modal::Path(prompt))
        }
        Some(Action::ToggleScope) if prompt.purpose == Purpose::Export => {
            prompt.whole = !prompt.whole;
            Some(Modal::Path(prompt))
        }
        Some(Action::Confirm) => {
            let text = prompt.line.text().trim().to_string();
            if text.is_empty() {
                app.warn("Type the path of a file");
                return Some(Modal::Path(prompt));
            }
            let path = PathBuf::from(text);
            match prompt.purpose {
                Purpose::Import => {
                    effects.push(Effect::ReadImport(path.clone()));
                    Some(Modal::Reading { path, done: 0, total: 0 })
                }
                Purpose::Export => {
                    let prospects = if prompt.whole {
                        app.portfolio.prospects().cloned().collect()
                    } else {
                        app.view.rows().iter().filter_map(|&i| app.portfolio.prospect(i).cloned()).collect()
                    };
                    effects.push(Effect::Export { path, json: prompt.json(), prospects, overwrite: false });
                    None
                }
            }
        }
        _ => {
            edit_line(&mut prompt.line, key);
            prompt.candidates.clear();
            Some(Modal::Path(prompt))
        }
    }
}

/// The runner's completions for what was typed: one fills it in, several fill in what they
/// share and are listed.
pub fn on_completions(app: &mut App, typed: &str, candidates: Vec<String>) {
    let Some(Modal::Path(prompt)) = &mut app.modal else { return };
    if prompt.line.text() != typed {
        return;
    }
    match candidates.len() {
        0 => app.warn(format!("No file or folder starts with '{typed}'")),
        1 => {
            prompt.line.set(&candidates[0]);
            prompt.candidates.clear();
        }
        _ => {
            let shared = common_prefix(&candidates);
            if shared.chars().count() > prompt.line.text().chars().count() {
                prompt.line.set(&shared);
            }
            prompt.candidates = candidates;
        }
    }
}

pub fn on_progress(app: &mut App, done: usize, total: usize) {
    if let Some(Modal::Reading { done: d, total: t, .. }) = &mut app.modal {
        (*d, *t) = (done, total);
    }
}

/// The file is read: its preview takes the screen, or the reason it cannot be read is said.
pub fn on_read(app: &mut App, path: PathBuf, result: Result<CsvImport, String>) {
    app.modal = None;
    match result {
        Ok(import) => app.push(Screen::ImportPreview(Box::new(ImportPreview { path, import, scroll: 0 }))),
        Err(message) => app.warn(format!("Cannot import {}: {message}", path.display())),
    }
}

/// Keys on the import preview: import the valid rows, nothing, or go and fix the file.
pub fn on_preview_key(app: &mut App, key: &KeyEvent, effects: &mut Vec<Effect>) {
    let Screen::ImportPreview(preview) = &mut app.screen else { return };
    match keymap::lookup(keymap::IMPORT_PREVIEW, key) {
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
            app.back.clear();
            app.screen = Screen::Portfolio;
            app.say(format!("Imported {count} prospect(s) from {}", path.display()));
        }
        Some(Action::Cancel) => {
            app.pop();
            app.say("Nothing imported");
        }
        Some(Action::FixFile) => {
            let path = preview.path.display().to_string();
            app.pop();
            app.say(format!("Nothing imported: fix {path} in your spreadsheet, then i imports it again"));
        }
        _ => super::update_keys::unknown_key(app, key, "?"),
    }
}

pub fn on_exported(app: &mut App, result: Result<(PathBuf, usize), ExportError>) {
    match result {
        Ok((path, count)) => app.say(format!("Exported {count} prospect(s) to {}", path.display())),
        Err(ExportError::Exists(pending)) => app.modal = Some(Modal::ConfirmOverwrite(pending)),
        Err(ExportError::Failed(message)) => app.warn(format!("Export failed: {message}")),
    }
}

/// The user's answer to "replace the file?".
pub fn on_overwrite(app: &mut App, pending: PendingExport, yes: bool, effects: &mut Vec<Effect>) {
    if yes {
        let PendingExport { path, json, prospects } = pending;
        effects.push(Effect::Export { path, json, prospects, overwrite: true });
    } else {
        app.say(format!("Not exported: {} is left as it was", pending.path.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_fills_in_what_candidates_share() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_prefix(&c(&["data/prospects-2025.csv", "data/prospects-2026.csv"])),
            "data/prospects-202"
        );
        assert_eq!(common_prefix(&c(&["één.csv", "één-b.csv"])), "één");
        assert_eq!(common_prefix(&c(&[])), "");
    }
}
