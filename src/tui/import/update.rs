//! The file is read: its preview (what would be new, updated, unchanged) takes the screen;
//! keys import the plan, nothing, or send the user to fix the file.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::keys::KEYS;
use super::state::{ImportPreview, ImportQueue};
use crate::domain::format::count;
use crate::domain::import_plan::Decider;
use crate::domain::prospect::Prospect;
use crate::io::import_file::{FOLDER_EXTENSIONS, ImportFile, file_label};
use crate::portfolio::import_plan::plan;
use crate::portfolio::revision::Freshness;
use crate::tui::app::{App, Effect, Nav};
use crate::tui::history::Change;
use crate::tui::kit::action::Action;
use crate::tui::modals::Modal;
use crate::tui::screen::Screen;
use crate::tui::viewing;

/// The file is read: its preview (the import's plan against the portfolio) takes the screen,
/// or the reason it cannot be read or is refused is said (and the rest of a folder dropped). A
/// reading the user cancelled is ignored.
pub fn on_read(app: &mut App, path: PathBuf, result: Result<ImportFile, String>, effects: &mut Vec<Effect>) {
    if !is_reading(app, &path) {
        return;
    }
    app.modal = None;
    if viewing::is_first_read(app, &path) {
        return viewing::on_read(app, result);
    }
    match result {
        Ok(file) => {
            // A refused filing of a folder (an older period, another currency) is one of many.
            if !show_preview(app, path, file) {
                next_file(app, effects);
            }
        }
        Err(message) => refuse(app, &path, &message),
    }
}

/// A folder was listed: its files are previewed and imported one after the other, each its own
/// change (as `dealdesk import FOLDER` makes each its own transaction).
pub fn on_folder(
    app: &mut App,
    folder: PathBuf,
    result: Result<Vec<PathBuf>, String>,
    effects: &mut Vec<Effect>,
) {
    if !is_reading(app, &folder) {
        return;
    }
    app.modal = None;
    match result {
        Err(message) => app.warn(format!("Cannot import {}: {message}", folder.display())),
        Ok(files) if files.is_empty() => app.warn(format!(
            "Nothing to import in {}: no {} file",
            folder.display(),
            FOLDER_EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(" ")
        )),
        Ok(files) => {
            app.import_queue = ImportQueue::of(files);
            next_file(app, effects);
        }
    }
}

/// Reads the next file of a folder, if any is left.
fn next_file(app: &mut App, effects: &mut Vec<Effect>) {
    if let Some(path) = app.import_queue.next_file() {
        app.modal = Some(Modal::Reading { path: path.clone(), done: 0, total: 0 });
        effects.push(Effect::ReadImport(path));
    }
}

fn is_reading(app: &App, path: &PathBuf) -> bool {
    matches!(&app.modal, Some(Modal::Reading { path: reading, .. }) if reading == path)
}

/// Why a file is not imported, and the rest of its folder left as well.
fn refuse(app: &mut App, path: &std::path::Path, reason: &str) {
    let left = std::mem::take(&mut app.import_queue).len();
    let rest = match left {
        0 => String::new(),
        n => format!("; {} of the folder not imported", count(n, "more file")),
    };
    app.warn(format!("Cannot import {}: {reason}{rest}", path.display()));
}

/// The preview of a file read (the import's plan against the portfolio) takes the screen, or
/// why the file is refused is said; whether it was shown.
pub fn show_preview(app: &mut App, path: PathBuf, mut file: ImportFile) -> bool {
    let brought = file.bring(app.today);
    if let Some(reason) = brought.refused {
        let why = format!("Cannot import {}: {reason}", path.display());
        if app.import_queue.is_empty() {
            // The folder's last file: no preview follows to show the earlier refusals.
            let mut all = app.import_queue.take_refused();
            all.push(why);
            app.warn(all.join("; "));
        } else {
            app.import_queue.refused(why.clone());
            app.warn(why);
        }
        return false;
    }
    let existing: Vec<&Prospect> = app.portfolio.prospects().map(|p| &**p).collect();
    let decider = Decider::for_file(&app.policy, app.today, app.stamp(), &file_label(&path));
    let plan = plan(&existing, brought.incoming, &decider);
    let ids = plan.updated.iter().map(|u| u.after.id).chain(plan.unchanged.iter().map(|(_, id)| *id));
    let bases = ids.filter_map(|id| app.portfolio.revision(id)).collect();
    let then = app.import_queue.len();
    let mut notes = app.import_queue.take_refused();
    notes.extend(brought.notes);
    let preview = ImportPreview { path, file, plan, bases, notes, scroll: 0, then };
    app.go(Nav::Push(Screen::ImportPreview(Box::new(preview))));
    true
}

/// Keys on the import preview: import the valid rows, nothing, or go and fix the file.
pub fn on_key(app: &mut App, preview: &mut ImportPreview, key: &KeyEvent, effects: &mut Vec<Effect>) {
    match KEYS.lookup(key) {
        Some(Action::Up) => preview.scroll = preview.scroll.saturating_sub(1),
        Some(Action::Down) => {
            preview.scroll = (preview.scroll + 1).min(preview.problems().len().saturating_sub(1))
        }
        Some(Action::Confirm) => {
            if !preview.plan.changes_anything() {
                app.warn("Nothing to import: no new prospect and no change");
                return;
            }
            if !app.writable() {
                return;
            }
            if let Some(changed) =
                preview.bases.iter().find(|b| app.portfolio.freshness(b) != Freshness::Current)
            {
                let name = &changed.prospect().name;
                return app.warn(format!(
                    "Nothing imported: {name} changed since this preview; import the file again (i)"
                ));
            }
            let (path, plan) = (preview.path.clone(), preview.plan.clone());
            let summary = plan.summary();
            let ids = match app.new_ids(plan.new.len()) {
                Ok(ids) => ids,
                Err(e) => return app.warn(format!("Nothing imported: {e}")),
            };
            let updates = plan.updated.into_iter().map(|u| Change::Put {
                before: app.portfolio.position(u.after.id).and_then(|i| app.portfolio.prospect(i)).cloned(),
                after: Arc::new(u.after),
            });
            let new = ids
                .zip(plan.new)
                .map(|(id, (_, p))| Change::Put { before: None, after: Arc::new(Prospect { id, ..p }) });
            let changes = updates.chain(new).collect();
            app.commit(Change::Many(changes), effects);
            app.go(Nav::Home);
            app.say(format!("Imported from {}: {summary}", path.display()));
            next_file(app, effects);
        }
        Some(Action::Cancel) => {
            app.go(Nav::Pop);
            app.say(format!("Nothing imported from {}", preview.path.display()));
            next_file(app, effects);
        }
        Some(Action::FixFile) => {
            let path = preview.path.display().to_string();
            app.go(Nav::Pop);
            app.import_queue.clear();
            app.say(format!("Nothing imported: fix {path} in your spreadsheet, then i imports it again"));
        }
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}
