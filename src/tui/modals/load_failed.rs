//! The store could not be read: the only way is out, leaving the file as it is.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};
use crate::tui::kit::theme::Theme;

const LOAD_FAILED: &[Binding] = &[bind(
    &[ch('q'), code(K::Esc), code(K::Enter)],
    Action::Quit,
    "quit (the store is left as it is)",
    Some("quit"),
)];

pub const KEYS: Table = Table(&[LOAD_FAILED, QUIT]);

/// Every key but quit (which the dispatcher takes) leaves the message up.
pub fn on_key(message: String) -> Option<Modal> {
    Some(Modal::LoadFailed(message))
}

pub fn body(t: Theme, message: &str) -> (&'static str, Vec<Line<'static>>) {
    (
        " The store cannot be read ",
        vec![
            Line::styled(message.to_string(), t.error()),
            Line::raw(""),
            Line::raw("Nothing was changed or written. Fix or restore the file (its previous"),
            Line::raw("version is beside it as .bak), then start dealdesk again."),
        ],
    )
}
