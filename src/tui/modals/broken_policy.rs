//! The user's policy file could not be used at start: continue on the defaults, or quit.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::tui::app::App;
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};
use crate::tui::kit::theme::Theme;

const BROKEN_POLICY: &[Binding] = &[
    bind(
        &[ch('c'), code(K::Enter)],
        Action::Confirm,
        "continue on the defaults (the file is left as it is)",
        Some("continue on defaults"),
    ),
    bind(&[ch('q'), code(K::Esc)], Action::Quit, "quit (fix the file first)", Some("quit")),
];

pub const KEYS: Table = Table(&[BROKEN_POLICY, QUIT]);

/// Continue on the defaults; quitting is the dispatcher's.
pub fn on_key(app: &mut App, message: String, action: Option<Action>) -> Option<Modal> {
    if action != Some(Action::Confirm) {
        return Some(Modal::BrokenPolicy(message));
    }
    app.say("Running on the built-in policy; your policy file was left as it is");
    None
}

pub fn body(t: Theme, message: &str) -> (&'static str, Vec<Line<'static>>) {
    (
        " Your policy file cannot be used ",
        vec![
            Line::styled(message.to_string(), t.error()),
            Line::raw(""),
            Line::raw("dealdesk can run on its built-in policy; your file is not touched."),
        ],
    )
}
