//! Yes/no questions: delete a prospect, quit with changes not on disk, replace a file with an
//! export, put the shipped defaults in the policy editor, leave the policy editor unsaved.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use super::path_prompt::PendingExport;
use crate::domain::format::count;
use crate::tui::app::{App, Effect, Nav, SaveState};
use crate::tui::history::Change;
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};
use crate::tui::quit;

const CONFIRM: &[Binding] = &[
    bind(&[ch('y'), code(K::Enter)], Action::Confirm, "yes", Some("yes")),
    bind(&[ch('n'), code(K::Esc)], Action::Cancel, "no", Some("no")),
];

pub const KEYS: Table = Table(&[CONFIRM, QUIT]);

/// Yes does what was asked; no closes; any other key leaves the question up.
pub fn on_key(
    app: &mut App,
    modal: Modal,
    action: Option<Action>,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    match (modal, action) {
        (Modal::ConfirmDelete { id, .. }, Some(Action::Confirm)) => {
            if let Some((index, prospect)) =
                app.portfolio.position(id).and_then(|i| Some((i, app.portfolio.prospect(i)?.clone())))
            {
                let name = prospect.name.clone();
                app.commit(Change::Remove { index, prospect }, effects);
                app.say(format!("Deleted {name} (u undoes)"));
            }
        }
        (Modal::ConfirmQuit, Some(Action::Confirm)) => effects.push(Effect::Quit),
        (Modal::ConfirmResetPolicy, Some(Action::Confirm)) => {
            if let Some(editor) = app.screen.policy_mut() {
                editor.reset();
            }
            app.say("The shipped defaults are in the editor; Ctrl-S saves them");
        }
        (Modal::ConfirmOverwrite(pending), Some(Action::Confirm)) => {
            let PendingExport { path, format, prospects } = pending;
            effects.push(Effect::Export { path, format, prospects, overwrite: true });
        }
        (Modal::ConfirmOverwrite(pending), Some(Action::Cancel)) => {
            app.say(format!("Not exported: {} is left as it was", pending.path.display()));
        }
        (Modal::DiscardPolicy, Some(Action::Confirm)) => {
            app.go(Nav::Pop);
            app.say("Policy edits discarded");
        }
        (_, Some(Action::Cancel)) => {}
        (other, _) => return Some(other),
    }
    None
}

pub fn body(app: &App, modal: &Modal) -> (&'static str, Vec<Line<'static>>) {
    match modal {
        Modal::ConfirmDelete { name, .. } => {
            (" Delete ", vec![Line::raw(format!("Delete {name}? (u undoes it)"))])
        }
        Modal::ConfirmQuit => {
            let mut lines = Vec::new();
            if quit::policy_edited(app) {
                lines.push(Line::raw("The policy editor has edits that are not saved."));
            }
            if app.unsaved() {
                lines.push(Line::raw(match &app.save_state {
                    SaveState::Failed(message) => format!("The last save failed ({message})."),
                    _ => "A save is still running.".to_string(),
                }));
            }
            lines.push(Line::raw("Quit anyway and lose them? (Ctrl-C again quits too)"));
            (" Quit ", lines)
        }
        Modal::ConfirmResetPolicy => (
            " Reset the policy ",
            vec![Line::raw("Put the shipped defaults in the editor? Nothing is saved until Ctrl-S.")],
        ),
        Modal::ConfirmOverwrite(pending) => (
            " Replace the file? ",
            vec![
                Line::raw(format!("{} exists already.", pending.path.display())),
                Line::raw(format!(
                    "Replace it with this export of {}?",
                    count(pending.prospects.len(), "prospect")
                )),
            ],
        ),
        _ => (" Policy edits ", vec![Line::raw("Leave the policy editor and lose its unsaved edits?")]),
    }
}
