//! The comparison's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};

/// Shows the columns on the suggested terms or on the terms edited in the what-if.
pub const TOGGLE_EDITED: A = A::Local(0);

const COMPARE: &[Binding] = &[
    bind(&[code(K::Left), ch('h'), code(K::BackTab)], A::Left, "previous column", None),
    bind(&[code(K::Right), ch('l'), code(K::Tab)], A::Right, "next column", Some("column")),
    bind(&[ch('t'), code(K::Enter)], A::Terms, "what-if on this column's terms", Some("terms")),
    bind(&[ch('e')], TOGGLE_EDITED, "suggested / edited terms", Some("suggested/edited")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back to the portfolio", Some("back")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
];

pub const KEYS: Table = Table(&[COMPARE, QUIT]);

pub const HELP: HelpPage =
    HelpPage { title: "Compare", sections: &[Section { heading: None, table: KEYS, notes: &[] }] };
