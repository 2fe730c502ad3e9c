//! Keys of the what-if, the comparison and the matrix.

use std::sync::Arc;
use strum::VariantArray;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::app::{App, CompareView, MatrixView, Modal, Screen};
use super::keymap;
use super::line_edit::LineEdit;
use super::terms_editor::TermsEditor;
use super::update_keys::{decision_dialog, edit_line, unknown_key};
use crate::domain::matrix::Matrix;
use crate::domain::prospect::Prospect;
use crate::domain::vocabulary::{Band, Segment};

/// Opens the what-if on a prospect, from its edited terms if it has any.
pub fn open_terms(app: &mut App, p: Arc<Prospect>) {
    let start = app.edited_terms(&p);
    let editor = TermsEditor::open(p, start, &app.policy, app.today);
    app.push(Screen::Terms(Box::new(editor)));
}

/// Opens the comparison of the marked prospects.
pub fn open_compare(app: &mut App) {
    let ids: Vec<u64> =
        app.view.marked.iter().copied().filter(|id| app.portfolio.position(*id).is_some()).collect();
    if !(2..=4).contains(&ids.len()) {
        app.warn(format!("Mark 2 to 4 prospects with Space to compare them ({} marked)", ids.len()));
        return;
    }
    app.push(Screen::Compare(CompareView { ids, column: 0, edited: false }));
}

pub fn open_matrix(app: &mut App) {
    let matrix = Matrix::build(app.portfolio.summaries());
    app.push(Screen::Matrix(Box::new(MatrixView { matrix, band_index: 0, segment_index: 0 })));
}

fn editor(app: &mut App) -> Option<&mut TermsEditor> {
    match &mut app.screen {
        Screen::Terms(editor) => Some(editor),
        _ => None,
    }
}

pub fn on_terms_key(app: &mut App, key: KeyEvent) {
    let policy = app.policy.clone();
    let Some(e) = editor(app) else { return };
    if let Some(line) = &mut e.typing {
        match keymap::lookup(keymap::TERMS_TYPING, &key) {
            Some(Action::Confirm) => e.commit_typed(&policy),
            Some(Action::Cancel) => e.typing = None,
            _ => {
                edit_line(line, &key);
            }
        }
        return;
    }
    match keymap::lookup(keymap::TERMS, &key) {
        Some(Action::Up) => e.move_focus(-1),
        Some(Action::Down) => e.move_focus(1),
        Some(Action::Increase) => e.step(true, &policy),
        Some(Action::Decrease) => e.step(false, &policy),
        Some(Action::Type) if e.field().typed() => e.typing = Some(LineEdit::default()),
        Some(Action::Type) => e.step(true, &policy),
        Some(Action::Reset) => e.reset(&policy),
        Some(Action::SeekAdvance) => e.goal_seek(true, &policy),
        Some(Action::SeekDays) => e.goal_seek(false, &policy),
        Some(Action::Save) => save_terms(app),
        Some(Action::Back) => leave_terms(app),
        Some(Action::Help) => app.help = true,
        _ => match key.code {
            KeyCode::Char(c) if (c.is_ascii_digit() || c == '.' || c == ',') && e.field().typed() => {
                e.typing = Some(LineEdit::new(&c.to_string()));
            }
            _ => unknown_key(app, &key, "?"),
        },
    }
}

/// Keeps the edited terms for the session (or forgets them when they are the suggestion).
fn remember(app: &mut App) {
    let Some(e) = editor(app) else { return };
    let (id, edited, same) = (e.prospect.id, e.edited.clone(), e.edited == *e.suggested());
    if same {
        app.what_if.remove(&id);
    } else {
        app.what_if.insert(id, edited);
    }
}

/// Back from the what-if; a comparison it came from now shows the edited terms.
fn leave_terms(app: &mut App) {
    remember(app);
    app.pop();
    if let Screen::Compare(view) = &mut app.screen {
        view.edited = true;
    }
}

/// Records a decision on the edited terms: the decision dialog, with these terms.
fn save_terms(app: &mut App) {
    if !app.writable() {
        return;
    }
    remember(app);
    let Some(e) = editor(app) else { return };
    let mut dialog = decision_dialog(&e.prospect);
    dialog.terms = Some(e.edited.clone());
    app.modal = Some(Modal::Decision(dialog));
}

pub fn on_compare_key(app: &mut App, key: KeyEvent) {
    let Screen::Compare(view) = &mut app.screen else { return };
    let last = view.ids.len().saturating_sub(1);
    match keymap::lookup(keymap::COMPARE, &key) {
        Some(Action::Left) => view.column = view.column.saturating_sub(1),
        Some(Action::Right) => view.column = (view.column + 1).min(last),
        Some(Action::ToggleEdited) => view.edited = !view.edited,
        Some(Action::Terms) => {
            let id = view.ids.get(view.column).copied();
            match id
                .and_then(|id| app.portfolio.position(id))
                .and_then(|i| app.portfolio.prospect(i).cloned())
            {
                Some(p) => open_terms(app, p),
                None => app.warn("That prospect is no longer in the portfolio"),
            }
        }
        Some(Action::Back) => app.pop(),
        Some(Action::Help) => app.help = true,
        _ => unknown_key(app, &key, "?"),
    }
}

pub fn on_matrix_key(app: &mut App, key: KeyEvent) {
    let Screen::Matrix(view) = &mut app.screen else { return };
    match keymap::lookup(keymap::MATRIX, &key) {
        Some(Action::Up) => view.band_index = view.band_index.saturating_sub(1),
        Some(Action::Down) => view.band_index = (view.band_index + 1).min(Band::VARIANTS.len() - 1),
        Some(Action::Left) => view.segment_index = view.segment_index.saturating_sub(1),
        Some(Action::Right) => view.segment_index = (view.segment_index + 1).min(Segment::VARIANTS.len() - 1),
        Some(Action::Open) => {
            let (band, segment) = (Band::VARIANTS[view.band_index], Segment::VARIANTS[view.segment_index]);
            app.pop();
            let v = &mut app.view;
            v.band = Some(band);
            v.segment = Some(segment);
            v.status = None;
            v.query.clear();
            v.refresh(&app.portfolio);
            app.say(format!("Showing band {band} × {segment}; Esc clears the filter"));
        }
        Some(Action::Back) => app.pop(),
        Some(Action::Help) => app.help = true,
        _ => unknown_key(app, &key, "?"),
    }
}
