//! Keys of the comparison.

use ratatui::crossterm::event::KeyEvent;

use super::keys::{KEYS, TOGGLE_EDITED};
use super::state::CompareView;
use crate::tui::app::{App, Nav};
use crate::tui::kit::action::Action;
use crate::tui::screen::Screen;
use crate::tui::terms;

/// Opens the comparison of the marked prospects.
pub fn open(app: &mut App) {
    let ids: Vec<u64> =
        app.view.marked.iter().copied().filter(|id| app.portfolio.position(*id).is_some()).collect();
    if !(2..=4).contains(&ids.len()) {
        app.warn(format!("Mark 2 to 4 prospects with Space to compare them ({} marked)", ids.len()));
        return;
    }
    app.go(Nav::Push(Screen::Compare(CompareView { ids, column: 0, edited: false })));
}

pub fn on_key(app: &mut App, view: &mut CompareView, key: &KeyEvent) {
    let last = view.ids.len().saturating_sub(1);
    match KEYS.lookup(key) {
        Some(Action::Left) => view.column = view.column.saturating_sub(1),
        Some(Action::Right) => view.column = (view.column + 1).min(last),
        Some(TOGGLE_EDITED) => view.edited = !view.edited,
        Some(Action::Terms) => {
            let id = view.ids.get(view.column).copied();
            match id
                .and_then(|id| app.portfolio.position(id))
                .and_then(|i| app.portfolio.prospect(i).cloned())
            {
                Some(p) => {
                    // Back from the what-if, the comparison shows the terms just edited.
                    view.edited = true;
                    terms::update::open(app, p);
                }
                None => app.warn("That prospect is no longer in the portfolio"),
            }
        }
        Some(Action::Back) => app.go(Nav::Pop),
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}
