//! A file being read for import, with how far it is; Esc stops waiting for it.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::tui::app::App;
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, code};

const READING: &[Binding] = &[bind(&[code(K::Esc)], Action::Cancel, "cancel the import", Some("cancel"))];

pub const KEYS: Table = Table(&[READING, QUIT]);

/// Esc closes the pop-up and drops the rest of a folder; the file's contents, when they come,
/// are then ignored.
pub fn on_key(
    app: &mut App,
    path: PathBuf,
    done: usize,
    total: usize,
    action: Option<Action>,
) -> Option<Modal> {
    if action == Some(Action::Cancel) {
        app.import_queue.clear();
        app.say(format!("Import of {} cancelled; nothing imported", path.display()));
        return None;
    }
    Some(Modal::Reading { path, done, total })
}

pub fn on_progress(app: &mut App, done: usize, total: usize) {
    if let Some(Modal::Reading { done: d, total: t, .. }) = &mut app.modal {
        (*d, *t) = (done, total);
    }
}

pub fn body(path: &Path, done: usize, total: usize) -> (&'static str, Vec<Line<'static>>) {
    let ratio = if total == 0 { 0.0 } else { (done as f64 / total as f64).clamp(0.0, 1.0) };
    let filled = (ratio * 50.0).round() as usize;
    (
        " Reading ",
        vec![
            Line::raw(format!("Reading and checking {}", path.display())),
            Line::raw(format!("{}{} {:.0} %", "█".repeat(filled), "░".repeat(50 - filled), ratio * 100.0)),
        ],
    )
}
