//! The prospect form: field keys, saving, and leaving with or without changes.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::app::{App, Effect, Modal, PendingExit, Screen};
use super::form::ProspectForm;
use super::history::Change;
use super::keymap;
use super::update_keys::{decision_dialog, edit_line, unknown_key};

/// The open form; callers only reach here on the prospect screen.
fn form(app: &mut App) -> Option<&mut ProspectForm> {
    match &mut app.screen {
        Screen::Prospect(form) => Some(form),
        _ => None,
    }
}

pub fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let (policy, today) = (app.policy.clone(), app.today);
    match keymap::lookup(keymap::PROSPECT, &key) {
        Some(Action::Save) => {
            save(app, effects);
        }
        Some(Action::Decide) => decide(app, effects),
        Some(Action::Terms) => terms(app),
        Some(Action::Back) => leave(app, PendingExit::Back, effects),
        Some(Action::Help) => app.help = true,
        action => {
            let Some(f) = form(app) else { return };
            let handled = match action {
                Some(Action::NextField) => {
                    f.move_focus(1);
                    true
                }
                Some(Action::PreviousField) => {
                    f.move_focus(-1);
                    true
                }
                Some(Action::PageDown) => {
                    f.jump_group(true);
                    true
                }
                Some(Action::PageUp) => {
                    f.jump_group(false);
                    true
                }
                Some(Action::CycleChoice) if f.cycle_choice(&policy, today) => true,
                _ => {
                    let mut handled = false;
                    f.edit(|line| handled = edit_line(line, &key), &policy, today);
                    handled
                }
            };
            if !handled {
                unknown_key(app, &key, "F1");
            }
        }
    }
}

/// Saves the form into the portfolio. Refused, with the cursor sent to the first problem, while
/// a field is invalid. Returns whether it saved.
pub fn save(app: &mut App, effects: &mut Vec<Effect>) -> bool {
    if !app.writable() {
        return false;
    }
    let Some(f) = form(app) else { return false };
    if let Some(first) = f.first_error() {
        f.touch_all();
        let count = f.invalid_count();
        f.focus = first;
        let field = f.field().label();
        app.warn(format!("Not saved: {count} invalid field(s), first {field}; fix or empty them"));
        return false;
    }
    let after = Arc::new(f.draft.clone());
    let band = f.evaluation.assessment.band;
    let is_new = f.is_new;
    f.mark_saved(&after);
    let before = if is_new {
        None
    } else {
        app.portfolio.position(after.id).and_then(|i| app.portfolio.prospect(i).cloned())
    };
    let name = after.name.clone();
    app.commit(Change::Put { before, after }, effects);
    app.say(format!("Saved {name} (band {band})"));
    true
}

/// Records a decision on the prospect as the form shows it: unsaved valid edits are saved with it.
fn decide(app: &mut App, effects: &mut Vec<Effect>) {
    if !app.writable() {
        return;
    }
    let Some(f) = form(app) else { return };
    if f.dirty() && !save(app, effects) {
        return;
    }
    if let Some(f) = form(app) {
        let dialog = decision_dialog(&f.draft);
        app.modal = Some(Modal::Decision(dialog));
    }
}

/// Opens the what-if on the saved prospect; unsaved edits must be saved first, so that the
/// terms and the decision they lead to rest on what is in the portfolio.
fn terms(app: &mut App) {
    let Some(f) = form(app) else { return };
    if f.dirty() {
        app.warn("Save the prospect first (Ctrl-S), then Ctrl-T opens its terms");
        return;
    }
    let id = f.original.id;
    match app.portfolio.position(id).and_then(|i| app.portfolio.prospect(i).cloned()) {
        Some(p) => super::update_terms::open_terms(app, p),
        None => app.warn("Save the prospect first (Ctrl-S)"),
    }
}

/// Leaves the form (or quits), asking first when it has unsaved changes.
pub fn leave(app: &mut App, exit: PendingExit, effects: &mut Vec<Effect>) {
    let dirty = form(app).is_some_and(|f| f.dirty());
    if dirty {
        app.modal = Some(Modal::Unsaved(exit));
    } else {
        finish(app, exit, effects);
    }
}

/// Goes back to the portfolio (selecting the prospect) or quits.
pub fn finish(app: &mut App, exit: PendingExit, effects: &mut Vec<Effect>) {
    let id = form(app).map(|f| f.original.id);
    app.screen = Screen::Portfolio;
    app.view.select_id(&app.portfolio, id);
    let height = app.page_height();
    app.view.scroll_into_view(height);
    if exit == PendingExit::Quit {
        effects.push(Effect::Quit);
    }
}
