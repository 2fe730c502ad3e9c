//! The store changed on disk since it was read: overwrite it, reload it, or decide later.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::tui::app::{App, Effect, StoreJob};
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};

const CHANGED: &[Binding] = &[
    bind(&[ch('o')], Action::Overwrite, "overwrite it with this portfolio", Some("overwrite")),
    bind(&[ch('r')], Action::Reload, "reload it (changes here are lost)", Some("reload")),
    bind(&[code(K::Esc)], Action::Cancel, "decide later", Some("later")),
];

pub const KEYS: Table = Table(&[CHANGED, QUIT]);

pub fn on_key(app: &mut App, action: Option<Action>, effects: &mut Vec<Effect>) -> Option<Modal> {
    match action {
        Some(Action::Overwrite) => app.save_now(effects, true),
        Some(Action::Reload) => effects.push(Effect::Store(StoreJob::Reload)),
        Some(Action::Cancel) => {
            app.warn("Not saved: the store on disk is someone else's version; Ctrl-S asks again")
        }
        _ => return Some(Modal::ChangedOnDisk),
    }
    None
}

pub fn body(app: &App) -> (&'static str, Vec<Line<'static>>) {
    (
        " The store changed on disk ",
        vec![
            Line::raw(format!("{} was changed or deleted by something else", app.store_path.display())),
            Line::raw("since this desk read it. Nothing was overwritten."),
        ],
    )
}
