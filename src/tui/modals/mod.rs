//! Pop-ups: each takes the keys until it returns. One file per family holds its keys, what its
//! keys do and what it draws (as gitui keeps a popup); this module routes to them and draws the
//! box they share.

pub mod broken_policy;
pub mod changed_on_disk;
pub mod confirm;
pub mod decision;
pub mod load_failed;
pub mod path_prompt;
pub mod reading;
pub mod unsaved;

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use self::decision::DecisionDialog;
use self::path_prompt::{PathPrompt, PendingExport};
use super::app::{App, Effect};
use super::kit::chrome::{clear, footer};
use super::kit::keys::Table;
use super::kit::layout;
use super::kit::line_edit::LineEdit;
use super::prospect::state::PendingExit;

/// A pop-up that takes the keys until it returns.
#[derive(Debug, Clone)]
pub enum Modal {
    /// "Delete X?" (yes/no).
    ConfirmDelete {
        id: u64,
        name: String,
    },
    /// "Quit? n unsaved changes" (yes/no), for portfolio changes not yet on disk.
    ConfirmQuit,
    /// The form has unsaved changes: save, discard or stay.
    Unsaved(PendingExit),
    Decision(DecisionDialog),
    /// A path for an import or an export.
    Path(PathPrompt),
    /// A file being read for import, with how far it is.
    Reading {
        path: PathBuf,
        done: usize,
        total: usize,
    },
    /// The store file changed on disk: overwrite it, reload it, or leave it.
    ChangedOnDisk,
    /// Put the shipped defaults in the policy editor?
    ConfirmResetPolicy,
    /// Leave the policy editor and lose its edits?
    DiscardPolicy,
    /// The store could not be read: the message; the desk ends with it.
    LoadFailed(String),
    /// The user's policy file could not be used at start: the message, with the choice to
    /// continue on the defaults (the file is left as it is) or quit.
    BrokenPolicy(String),
    /// The export's file exists: replace it (yes/no)?
    ConfirmOverwrite(PendingExport),
}

/// The key table of a pop-up.
pub fn keys(modal: &Modal) -> Table {
    match modal {
        Modal::ConfirmDelete { .. } | Modal::ConfirmQuit | Modal::ConfirmOverwrite(_) => confirm::KEYS,
        Modal::ConfirmResetPolicy | Modal::DiscardPolicy => confirm::KEYS,
        Modal::Unsaved(_) => unsaved::KEYS,
        Modal::Decision(_) => decision::KEYS,
        Modal::Path(prompt) => prompt.keys(),
        Modal::Reading { .. } => reading::KEYS,
        Modal::ChangedOnDisk => changed_on_disk::KEYS,
        Modal::BrokenPolicy(_) => broken_policy::KEYS,
        Modal::LoadFailed(_) => load_failed::KEYS,
    }
}

/// A key for the pop-up: it stays (perhaps changed), or closes.
pub fn on_key(app: &mut App, key: &KeyEvent, effects: &mut Vec<Effect>) {
    let Some(modal) = app.modal.take() else {
        return;
    };
    let action = keys(&modal).lookup(key);
    app.modal = match modal {
        Modal::ConfirmDelete { .. }
        | Modal::ConfirmQuit
        | Modal::ConfirmResetPolicy
        | Modal::DiscardPolicy
        | Modal::ConfirmOverwrite(_) => confirm::on_key(app, modal, action, effects),
        Modal::Unsaved(exit) => unsaved::on_key(app, exit, action, effects),
        Modal::Decision(dialog) => decision::on_key(app, dialog, action, key, effects),
        Modal::Path(prompt) => path_prompt::on_key(app, prompt, action, key, effects),
        Modal::Reading { path, done, total } => reading::on_key(app, path, done, total, action),
        Modal::ChangedOnDisk => changed_on_disk::on_key(app, action, effects),
        Modal::BrokenPolicy(message) => broken_policy::on_key(app, message, action),
        Modal::LoadFailed(message) => load_failed::on_key(message),
    };
}

/// The pop-up over the screen: its title and lines, its footer of keys, the cursor where
/// text is typed.
pub fn render(frame: &mut Frame, app: &App, modal: &Modal) {
    let t = app.theme;
    let (title, mut lines) = match modal {
        Modal::ConfirmDelete { .. }
        | Modal::ConfirmQuit
        | Modal::ConfirmResetPolicy
        | Modal::DiscardPolicy
        | Modal::ConfirmOverwrite(_) => confirm::body(app, modal),
        Modal::Unsaved(exit) => unsaved::body(*exit),
        Modal::Decision(dialog) => decision::body(app, dialog),
        Modal::Path(prompt) => path_prompt::body(app, prompt),
        Modal::Reading { path, done, total } => reading::body(path, *done, *total),
        Modal::ChangedOnDisk => changed_on_disk::body(app),
        Modal::BrokenPolicy(message) => broken_policy::body(t, message),
        Modal::LoadFailed(message) => load_failed::body(t, message),
    };
    lines.push(Line::raw(""));
    lines.push(footer(t, keys(modal)));
    let width = 70.min(frame.area().width);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    // As high as its lines once wrapped, so that a long message (a path, an error) is whole.
    let height = u16::try_from(paragraph.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    let area = layout::centered(frame.area(), width, height.saturating_add(2));
    clear(frame, area);
    let block = Block::bordered().title(title).border_style(t.key());
    let inner = block.inner(area);
    frame.render_widget(paragraph.block(block), area);
    let typed: Option<(u16, u16, &LineEdit)> = match modal {
        Modal::Decision(dialog) => Some(decision::cursor(dialog)),
        Modal::Path(prompt) => Some(path_prompt::cursor(prompt)),
        _ => None,
    };
    // The terminal cursor at the end of the text being typed.
    if let Some((line, prefix, text)) = typed {
        let x = inner.x + prefix + text.cursor() as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + line));
    }
}
