//! Keys of the what-if, and what it keeps for the session.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{KEYS, TYPING_KEYS};
use super::state::TermsEditor;
use crate::domain::prospect::Prospect;
use crate::portfolio::revision::{Freshness, Revision};
use crate::tui::app::{App, Nav};
use crate::tui::kit::action::Action;
use crate::tui::kit::line_edit::{LineEdit, typing_key};
use crate::tui::modals::Modal;
use crate::tui::modals::decision::DecisionDialog;
use crate::tui::screen::Screen;

/// Opens the what-if on a prospect, from its edited terms if it has any.
pub fn open(app: &mut App, p: Arc<Prospect>) {
    let start = app.edited_terms(&p);
    let editor = TermsEditor::open(p, start, &app.policy, app.today);
    app.go(Nav::Push(Screen::Terms(Box::new(editor))));
}

pub fn on_key(app: &mut App, e: &mut TermsEditor, key: &KeyEvent) {
    let policy = &app.policy;
    if e.typing.is_some() {
        if typing_key(&mut e.typing, TYPING_KEYS, key) {
            e.commit_typed(policy);
        }
        return;
    }
    match KEYS.lookup(key) {
        Some(Action::Up) => e.move_focus(-1),
        Some(Action::Down) => e.move_focus(1),
        Some(Action::Increase) => e.step(true, policy),
        Some(Action::Decrease) => e.step(false, policy),
        Some(Action::Type) if e.field().typed() => e.typing = Some(LineEdit::default()),
        Some(Action::Type) => e.step(true, policy),
        Some(Action::StartTyping) if e.field().typed() => {
            if let KeyCode::Char(c) = key.code {
                e.typing = Some(LineEdit::new(&c.to_string()));
            }
        }
        Some(Action::Reset) => e.reset(policy),
        Some(Action::SeekAdvance) => e.goal_seek(true, policy),
        Some(Action::SeekBest) => e.goal_seek(false, policy),
        Some(Action::Save) => save(app, e),
        Some(Action::Back) => {
            remember(app, e);
            app.go(Nav::Pop);
        }
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}

/// Takes the portfolio's newer version of the prospect (a decision recorded here changes its
/// status and agreed terms), keeping the terms being edited.
pub fn catch_up(app: &App, e: &mut TermsEditor) {
    if let Freshness::Newer(newer) = app.portfolio.freshness(&Revision::of(&e.prospect)) {
        e.rebase(newer, &app.policy, app.today);
    }
}

/// Keeps the edited terms for the session (or forgets them when they are the suggestion).
fn remember(app: &mut App, e: &TermsEditor) {
    if e.edited == *e.suggested() {
        app.what_if.remove(&e.prospect.id);
    } else {
        app.what_if.insert(e.prospect.id, e.edited.clone());
    }
}

/// Records a decision on the edited terms: the decision dialog, with these terms.
fn save(app: &mut App, e: &TermsEditor) {
    if !app.writable() {
        return;
    }
    remember(app, e);
    let mut dialog = DecisionDialog::on(&e.prospect);
    dialog.terms = Some(e.edited.clone());
    app.modal = Some(Modal::Decision(dialog));
}
