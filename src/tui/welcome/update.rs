//! Keys on the welcome screen.

use ratatui::crossterm::event::KeyEvent;

use super::keys::KEYS;
use crate::tui::app::{App, Effect};
use crate::tui::kit::action::Action;
use crate::tui::modals::Modal;
use crate::tui::modals::path_prompt::PathPrompt;
use crate::tui::prospect;

pub fn on_key(app: &mut App, key: &KeyEvent, effects: &mut Vec<Effect>) {
    match KEYS.lookup(key) {
        Some(Action::New) => prospect::update::open_new(app),
        Some(Action::OpenDemo) => effects.push(Effect::OpenDemo),
        Some(Action::Import) => app.modal = Some(Modal::Path(PathPrompt::import())),
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}
