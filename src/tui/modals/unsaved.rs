//! The form has unsaved changes: save, discard or stay.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::tui::app::{App, Effect};
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code, ctrl};
use crate::tui::prospect::state::PendingExit;
use crate::tui::prospect::update::{finish, save};

const UNSAVED: &[Binding] = &[
    bind(&[ch('s'), ctrl('s')], Action::Save, "save", Some("save")),
    bind(&[ch('d')], Action::Discard, "discard", Some("discard")),
    bind(&[code(K::Esc), ch('c')], Action::Cancel, "stay", Some("stay")),
];

pub const KEYS: Table = Table(&[UNSAVED, QUIT]);

pub fn on_key(
    app: &mut App,
    exit: PendingExit,
    action: Option<Action>,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    match action {
        Some(Action::Save) => app.with_screen(|app, screen| {
            if let Some(form) = screen.form_mut()
                && save(app, form, effects)
            {
                finish(app, form, exit, effects);
            }
        }),
        Some(Action::Discard) => {
            app.with_screen(|app, screen| {
                if let Some(form) = screen.form_mut() {
                    finish(app, form, exit, effects);
                }
            });
            app.say("Changes discarded");
        }
        Some(Action::Cancel) => {}
        _ => return Some(Modal::Unsaved(exit)),
    }
    None
}

pub fn body(exit: PendingExit) -> (&'static str, Vec<Line<'static>>) {
    let what = if exit == PendingExit::Quit { "quitting" } else { "leaving" };
    (
        " Unsaved changes ",
        vec![Line::raw(format!(
            "This prospect has unsaved changes. Save them before {what}?{}",
            if exit == PendingExit::Quit { " (Ctrl-C again quits without them)" } else { "" }
        ))],
    )
}
