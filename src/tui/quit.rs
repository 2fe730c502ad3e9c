//! Quitting from anywhere: the one path that Ctrl-C on every screen and pop-up, `q` where it
//! means quit, and the pop-ups' own quit keys take. What would be lost is asked about first;
//! at that question a second Ctrl-C quits without it, as terminal programs do.

use super::app::{App, Effect};
use super::modals::Modal;
use super::prospect::state::PendingExit;
use super::screen::Screen;

/// Quits, or asks first when something would be lost: the form's edits (save, discard or
/// stay), the policy editor's edits or changes not on disk yet (quit anyway or stay).
pub fn request(app: &mut App, effects: &mut Vec<Effect>) {
    let asked = asking(app);
    app.help = false;
    app.modal = None;
    if asked {
        return effects.push(Effect::Quit);
    }
    if matches!(&app.screen, Screen::Prospect(form) if form.dirty()) {
        app.modal = Some(Modal::Unsaved(PendingExit::Quit));
    } else if policy_edited(app) || app.unsaved() {
        app.modal = Some(Modal::ConfirmQuit);
    } else {
        effects.push(Effect::Quit);
    }
}

/// Whether the question before quitting is up.
pub fn asking(app: &App) -> bool {
    matches!(app.modal, Some(Modal::ConfirmQuit | Modal::Unsaved(PendingExit::Quit)))
}

/// Whether the policy editor holds edits that are not saved.
pub fn policy_edited(app: &App) -> bool {
    matches!(&app.screen, Screen::Policy(editor) if editor.changed())
}
