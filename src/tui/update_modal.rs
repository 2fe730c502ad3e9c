//! Pop-ups: each takes the keys until it returns a result (confirm, cancel, or a payload).

use std::sync::Arc;
use strum::VariantArray;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::app::{App, DecisionDialog, Effect, Modal, Screen};
use super::form::ProspectForm;
use super::history::Change;
use super::keymap;
use super::update_form::{finish, save};
use super::update_keys::{edit_line, modal_table};
use crate::domain::evaluate::evaluate;
use crate::domain::prospect::DecisionRecord;
use crate::domain::vocabulary::Status;

pub fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(modal) = app.modal.take() else {
        return;
    };
    let action = keymap::lookup(modal_table(&modal), &key);
    app.modal = match (modal, action) {
        (Modal::ConfirmDelete { id, .. }, Some(Action::Confirm)) => {
            if let Some((index, prospect)) =
                app.portfolio.position(id).and_then(|i| Some((i, app.portfolio.prospect(i)?.clone())))
            {
                let name = prospect.name.clone();
                app.commit(Change::Remove { index, prospect }, effects);
                app.say(format!("Deleted {name} (u undoes)"));
            }
            None
        }
        (Modal::ConfirmQuit, Some(Action::Confirm)) => {
            effects.push(Effect::Quit);
            None
        }
        (Modal::ConfirmDelete { .. } | Modal::ConfirmQuit, Some(Action::Cancel)) => None,
        (Modal::Unsaved(exit), Some(Action::Save)) => {
            if save(app, effects) {
                finish(app, exit, effects);
            }
            None
        }
        (Modal::Unsaved(exit), Some(Action::Discard)) => {
            finish(app, exit, effects);
            app.say("Changes discarded");
            None
        }
        (Modal::Unsaved(_), Some(Action::Cancel)) => None,
        (Modal::Decision(mut dialog), action) => {
            decision(app, &mut dialog, action, &key, effects).then_some(Modal::Decision(dialog))
        }
        (Modal::Path(prompt), _) => super::transfer::on_prompt_key(app, prompt, &key, effects),
        (reading @ Modal::Reading { .. }, _) => Some(reading),
        (Modal::ChangedOnDisk, Some(Action::Overwrite)) => {
            app.save_now(effects, true);
            None
        }
        (Modal::ChangedOnDisk, Some(Action::Reload)) => {
            effects.push(Effect::Reload);
            None
        }
        (Modal::ConfirmResetPolicy, Some(Action::Confirm)) => {
            if let Screen::Policy(editor) = &mut app.screen {
                editor.reset();
            }
            app.say("The shipped defaults are in the editor; Ctrl-S saves them");
            None
        }
        (Modal::DiscardPolicy, Some(Action::Confirm)) => {
            app.pop();
            app.say("Policy edits discarded");
            None
        }
        (Modal::ConfirmResetPolicy | Modal::DiscardPolicy, Some(Action::Cancel)) => None,
        (Modal::BrokenPolicy(_), Some(Action::Confirm)) => {
            app.say("Running on the built-in policy; your policy file was left as it is");
            None
        }
        (Modal::LoadFailed(_), Some(Action::Quit)) | (Modal::BrokenPolicy(_), Some(Action::Quit)) => {
            effects.push(Effect::Quit);
            None
        }
        (Modal::ConfirmOverwrite(pending), Some(action @ (Action::Confirm | Action::Cancel))) => {
            super::transfer::on_overwrite(app, pending, action == Action::Confirm, effects);
            None
        }
        (Modal::ChangedOnDisk, Some(Action::Cancel)) => {
            app.warn("Not saved: the store on disk is someone else's version; Ctrl-S asks again");
            None
        }
        (other, _) => Some(other),
    };
}

/// Handles a key in the decision dialog; false when the dialog closes.
fn decision(
    app: &mut App,
    dialog: &mut DecisionDialog,
    action: Option<Action>,
    key: &KeyEvent,
    effects: &mut Vec<Effect>,
) -> bool {
    match action {
        Some(Action::Up) => dialog.status_index = dialog.status_index.saturating_sub(1),
        Some(Action::Down) => dialog.status_index = (dialog.status_index + 1).min(Status::VARIANTS.len() - 1),
        Some(Action::Cancel) => return false,
        Some(Action::Confirm) => {
            record_decision(app, dialog, effects);
            return false;
        }
        _ => {
            edit_line(&mut dialog.note, key);
        }
    }
    true
}

/// Appends a decision to the prospect's history with the terms and the assessment of today.
fn record_decision(app: &mut App, dialog: &DecisionDialog, effects: &mut Vec<Effect>) {
    let Some(before) = app.portfolio.position(dialog.id).and_then(|i| app.portfolio.prospect(i).cloned())
    else {
        app.warn("That prospect is no longer in the portfolio");
        return;
    };
    let status = Status::VARIANTS.get(dialog.status_index).copied().unwrap_or(Status::New);
    let evaluation = evaluate(&before, &app.policy, app.today);
    let terms = dialog
        .terms
        .clone()
        .or_else(|| before.agreed_terms.clone())
        .unwrap_or_else(|| evaluation.suggestion.terms.clone());
    let note = dialog.note.text().trim().to_string();
    let record = DecisionRecord {
        date: app.today,
        status,
        terms: terms.clone(),
        note: note.clone(),
        band: evaluation.assessment.band,
        score: evaluation.assessment.score,
        risk_adjusted_profit: evaluation.economics_on(&terms, &app.policy).map(|x| x.risk_adjusted_profit),
    };
    let mut after = (*before).clone();
    after.status = status;
    if !note.is_empty() {
        after.note = Some(note);
    }
    if matches!(status, Status::Approved | Status::ApprovedWithConditions | Status::RoutedToPartner) {
        after.agreed_terms = Some(terms);
    }
    after.history.push(record);
    let after = Arc::new(after);
    // A form on this prospect has no unsaved edits (a decision saves them first): it starts
    // again from the decided prospect, so that its status and note fields show the decision.
    if let Screen::Prospect(form) = &mut app.screen
        && form.original.id == after.id
    {
        let focus = form.focus;
        **form = ProspectForm::open(&after, &app.policy, app.today);
        form.focus = focus;
    }
    let name = after.name.clone();
    app.commit(Change::Put { before: Some(before), after }, effects);
    app.say(format!("Decision recorded for {name}: {}", status.label()));
}
